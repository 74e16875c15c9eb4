"""Tools > Impact statistics: the committee's figures for a municipal year (services/stats.py),
per meeting and per directorate, saved as the one-page PDF or as a workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from desktop_app.services.workspace import Database
from desktop_app.domain.dates import format_uk, municipal_year
from desktop_app.ui.lazy import service
from desktop_app.services.clock import today
from desktop_app.services.stats import YearStats, year_stats
from desktop_app.ui.errors import show_error

committees = service("committees")
meetings = service("meetings")

HEAD_FILL = "#1F3A5F"   # the navy of the PDF and workbook headings
VERDICT_LABELS = {"accepted": "Accepted", "partially_accepted": "Partially accepted",
                  "rejected": "Rejected", "noted": "Noted", "awaiting": "Awaiting a verdict"}


def figure_rows(s: YearStats) -> list[tuple[str, str] | str]:
    """The figures as (label, value) rows, with a plain string for each section heading."""
    avg = "\u2013" if s.average_days_to_complete is None else f"{s.average_days_to_complete:g}"
    rows: list[tuple[str, str] | str] = [
        "Recommendations",
        ("Recommendations made", s.recommendations_made),
        ("Responses on time (within two months, s.9FE)", s.responses_on_time),
        ("Responses late", s.responses_late),
        ("Responses received, date not recorded", s.responses_undated),
        ("No response after two months", s.responses_missing),
        ("Still within the two months", s.responses_pending),
    ]
    rows += [(f"Verdict: {VERDICT_LABELS.get(k, k.replace('_', ' '))}", v)
             for k, v in s.verdicts.items()]
    rows += [
        ("Recommendations implemented", s.implemented),
        "Actions",
        ("Actions raised", s.actions_raised),
        ("Actions completed", s.actions_completed),
        ("Actions overdue", s.actions_overdue),
        ("Average days to complete", avg),
        "Work programme",
        ("Items delivered", s.work_delivered),
        ("Items deferred", s.work_deferred),
        ("Items dropped", s.work_dropped),
    ]
    return [r if isinstance(r, str) else (r[0], str(r[1])) for r in rows]


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
    t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, len(headers)):
        t.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return t


def _cell(text, number: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _fill(t: QTableWidget, rows: list[list]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, _cell(value, number=isinstance(value, int)))


class StatsDialog(QDialog):
    def __init__(self, db: Database, committee: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.committee = db, committee
        self.stats: YearStats | None = None
        self.setObjectName("statsDialog")
        self.setWindowTitle(f"Impact statistics \u2013 {committee}")
        self.resize(1000, 660)

        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("statsYear")
        self.year_combo.setAccessibleName("Municipal year")
        self.year_combo.addItems(self.years())
        year_label = QLabel("Municipal &year (May to April):")
        year_label.setBuddy(self.year_combo)
        self.heading = QLabel()
        self.heading.setObjectName("statsHeading")
        self.heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        top.addSpacing(16)
        top.addWidget(self.heading, 1)

        self.figures = _table(["Figure", "Number"], "statsFigures")
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.meetings_table = _table(["Meeting", "Status", "Recommendations", "Actions",
                                      "Work programme items"], "statsMeetings")
        self.directorates_table = _table(["Directorate", "Actions raised", "Completed",
                                          "Overdue"], "statsDirectorates")
        self.attendance_table = _table(["Member", "Meetings", "Present", "Apologies",
                                        "Substituted", "Absent", "%"], "statsAttendance")
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(self.directorates_table, "Actions per directorate")
        self.lower_tabs.addTab(self.attendance_table, "Attendance per member")

        def titled(text: str, widget: QWidget) -> QVBoxLayout:
            box = QVBoxLayout()
            label = QLabel(f"<b>{text}</b>")
            box.addWidget(label)
            box.addWidget(widget, 1)
            return box

        grid = QGridLayout()
        grid.addLayout(titled("Figures for the year", self.figures), 0, 0, 2, 1)
        grid.addLayout(titled("Per meeting", self.meetings_table), 0, 1)
        grid.addWidget(self.lower_tabs, 1, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        note = QLabel("A response is on time when received within two months beginning with "
                      "the day the recommendations were sent to the executive (Local Government "
                      "Act 2000 s.9FE). Figures for a year still running are as at today.")
        note.setWordWrap(True)
        note.setObjectName("statsNote")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("statsSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.setOpenExternalLinks(False)
        self.saved_label.linkActivated.connect(
            lambda link: QDesktopServices.openUrl(QUrl(link)))

        self.pdf_button = QPushButton("Save as &PDF\u2026")
        self.pdf_button.setObjectName("statsSavePdf")
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.xlsx_button = QPushButton("Save as &workbook\u2026")
        self.xlsx_button.setObjectName("statsSaveXlsx")
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(note)
        layout.addWidget(self.saved_label)
        layout.addWidget(buttons)
        self.year_combo.currentTextChanged.connect(self.show_year)
        self.show_year(self.year_combo.currentText())

    def years(self) -> list[str]:
        """The current municipal year first, then every year with a meeting, newest first."""
        current = municipal_year(today())
        held = {municipal_year(m.date) for m in meetings.list_meetings(self.db, self.committee)}
        return [current] + sorted(held - {current}, reverse=True)

    def show_year(self, year: str) -> None:
        if not year:
            return
        try:
            self.stats = s = year_stats(self.db, self.committee, year)
        except Exception as exc:  # noqa: BLE001 - shown, and the dialog stays usable
            show_error(self, exc, "Impact statistics")
            return
        running = s.as_at < s.end
        self.heading.setText(f"{format_uk(s.start)} to {format_uk(s.end)}"
                             + (f" \u2013 figures as at {format_uk(s.as_at)}" if running else "")
                             + (f"\n{s.history}" if s.history else ""))
        rows = figure_rows(s)
        self.figures.clearSpans()
        self.figures.setRowCount(len(rows))
        bold = QFont(self.figures.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            if isinstance(row, str):
                head = QTableWidgetItem(row)
                head.setFont(bold)
                head.setBackground(QColor(HEAD_FILL))
                head.setForeground(QColor("white"))
                self.figures.setItem(r, 0, head)
                self.figures.setItem(r, 1, QTableWidgetItem(""))
                self.figures.setSpan(r, 0, 1, 2)
            else:
                self.figures.setItem(r, 0, QTableWidgetItem(row[0]))
                value = _cell(row[1])
                value.setFont(bold)
                self.figures.setItem(r, 1, value)
        _fill(self.meetings_table, [[format_uk(m.date), m.status.replace("_", " ").capitalize(),
                                     m.recommendations, m.actions, m.work_items]
                                    for m in s.meetings])
        _fill(self.directorates_table, [[d.directorate, d.raised, d.completed, d.overdue]
                                        for d in s.directorates])
        self.meetings_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        shown = [a for a in s.attendance if a.expected]
        _fill(self.attendance_table, [[a.name, a.expected, a.present, a.apologies, a.substituted,
                                       a.absent, a.percentage or 0] for a in shown])
        for r, a in enumerate(shown):
            self.attendance_table.item(r, 0).setToolTip(f"{a.name} ({a.role})")
        self.attendance_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.saved_label.setText("")

    def value_of(self, label: str) -> str | None:
        """The figure shown against a label (tests, accessibility checks)."""
        for r in range(self.figures.rowCount()):
            item = self.figures.item(r, 0)
            if item is not None and item.text() == label:
                value = self.figures.item(r, 1)
                return value.text() if value else None
        return None

    # ------------------------------------------------------------------ saving
    def _default_path(self, suffix: str) -> str:
        docs = (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or str(Path.home()))
        year = (self.stats.year if self.stats else "").replace("/", "-")
        return str(Path(docs) / f"Scrutiny impact {year}{suffix}")

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the summary as PDF",
                                              self._default_path(".pdf"), "PDF (*.pdf)")
        if path:
            self.save_pdf(path)

    def _ask_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the figures as a workbook",
                                              self._default_path(".xlsx"),
                                              "Excel workbook (*.xlsx)")
        if path:
            self.save_xlsx(path)

    def save_pdf(self, path: str | Path) -> Path | None:
        from desktop_app.reports.stats_summary import build_stats_summary
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            council = committees.get_committee(self.db, self.committee).council
            build_stats_summary(path, self.stats, council=council)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc, "Save as PDF")
            return None
        self._saved(path)
        return path

    def save_xlsx(self, path: str | Path) -> Path | None:
        from desktop_app.services.exporting import write_stats_workbook
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_stats_workbook(path, self.stats)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc, "Save as workbook")
            return None
        self._saved(path)
        return path

    def _saved(self, path: Path) -> None:
        url = QUrl.fromLocalFile(str(path)).toString()
        folder = QUrl.fromLocalFile(str(path.parent)).toString()
        self.saved_label.setText(f'Saved <a href="{url}">{path.name}</a> in '
                                 f'<a href="{folder}">{path.parent}</a>.')
