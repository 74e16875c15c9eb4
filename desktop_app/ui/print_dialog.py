"""Print / export (Ctrl+P): choose a document, see it, save it as a PDF or print it.

    dialog = PrintDialog(db, committee, parent=window)   # committee: name, short name or None
    dialog.open()

On the left the officer chooses the document (action log, recommendation schedule, work
programme, agenda front sheet, minutes, meeting pack), the committee, the meeting (for the
documents that need one; upcoming meetings first, the next one chosen), the "as at" date (today;
an earlier date shows the tracker as it stood) and whether it is the public version. Each choice
rebuilds the document off the UI thread (``workers.start_job``, with a busy bar and Cancel) into
a temporary file, through ``reports.printing.write_document`` - the same entry point as the
command line - and shows it in Qt's PDF view on the right.

Save as PDF... copies the built file (``save_to(path)`` does it without asking); Print... asks
for a printer and renders each page onto it (``print_to(printer)`` without asking), also off the
UI thread. A document that cannot be built (a ReportError, e.g. a broken attachment) shows one
line naming the item and the file, and there is nothing to save or print.
"""

from __future__ import annotations

from desktop_app.ui import pyside_fixes  # noqa: F401 - first: see the module
import dataclasses
import datetime as dt
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QFileDialog,
                               QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget)

from desktop_app.db.engine import Database
from desktop_app.domain.enums import MeetingStatus
from desktop_app.domain.records import CommitteeRow, MeetingRow
from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line, show_error
from desktop_app.ui.print_preview import PdfPreview, print_pdf
from desktop_app.ui.views.detail_parts import muted, section
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.workers import Job, start_job

log = logging.getLogger(__name__)

KEY_FOLDER = "print/last_folder"
BUILD_DELAY_MS = 200      # after a change, wait this long for the next before building
BUSY_DELAY_MS = 250       # keep showing the last preview this long before the busy bar


@dataclasses.dataclass(frozen=True)
class Document:
    kind: str              # reports.printing kind
    label: str             # the radio button (with its mnemonic)
    words: str             # in sentences and file names: "action log"
    needs_meeting: bool
    about: str


DOCUMENTS: tuple[Document, ...] = (
    Document("action-log", "Action &log", "action log", False,
             "Every current action with its owner, due date and progress; new, updated and "
             "overdue actions are marked."),
    Document("recommendations", "&Recommendation schedule", "recommendation schedule", False,
             "The committee's recommendations and the executive's responses, marking those "
             "with no response after two months (s.9FE)."),
    Document("work-programme", "&Work programme", "work programme", False,
             "The municipal year's meetings and their items (the year of the \u201cas at\u201d "
             "date)."),
    Document("agenda", "&Agenda (front sheet)", "agenda", True,
             "The agenda front sheet for the meeting, with the page numbers the pack gives "
             "each item."),
    Document("minutes", "M&inutes", "minutes", True, "The minutes of the meeting."),
    Document("pack", "Meeting pac&k", "agenda pack", True,
             "Agenda, contents and every item's papers (minutes, reports, action log, "
             "recommendations, work programme), numbered throughout."),
)
BY_KIND = {d.kind: d for d in DOCUMENTS}


@dataclasses.dataclass(frozen=True)
class Choice:
    """What to build: everything ``write_document`` needs."""

    committee: str
    kind: str
    meeting: dt.date | None
    as_at: dt.date
    public: bool


def meeting_text(m: MeetingRow, next_date: dt.date | None) -> str:
    """'Tue 23 Nov 2021 - next meeting' for the meeting chooser."""
    text = f"{m.date:%a} {m.date.day} {m.date:%b %Y}"
    if m.date == next_date:
        return text + " \u2013 next meeting"
    if m.status == MeetingStatus.CANCELLED.value:
        return text + " \u2013 cancelled"
    return text


def file_name(committee: CommitteeRow | None, choice: Choice) -> str:
    """'CYPSC action log 2021-11-23.pdf': meeting documents carry the meeting's date, the others
    the "as at" date."""
    doc = BY_KIND[choice.kind]
    who = (committee.short_name or committee.name) if committee else choice.committee
    day = choice.meeting if doc.needs_meeting and choice.meeting else choice.as_at
    name = f"{who} {doc.words} {day.isoformat()}" + (" (public)" if choice.public else "")
    return re.sub(r'[\\/:*?"<>|]+', "-", name).strip() + ".pdf"


def _remove(path: str | None) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass


class PrintDialog(QDialog):
    """Choose, preview, save and print a document; see the module docstring."""

    built = Signal(str, int)       # the temporary file shown, its page count
    failed = Signal(str)           # the one-line reason a document could not be built
    saved = Signal(str)            # the file written by Save as PDF

    def __init__(self, db: Database, committee: str | None = None,
                 parent: QWidget | None = None, kind: str = "action-log"):
        super().__init__(parent)
        self.db = db
        self.setObjectName("printDialog")
        self.setWindowTitle("Print / export")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.jobs: list[Job] = []
        self.built_path: str | None = None       # the temporary PDF in the preview
        self.built_choice: Choice | None = None
        self.built_pages = 0
        self.saved_path: str | None = None
        self.last_error: str | None = None
        self._tmpdir = tempfile.mkdtemp(prefix="scrutiny-print-")
        self._count = 0
        self._generation = 0
        self._build_job: Job | None = None
        self._building: Choice | None = None
        self._print_job: Job | None = None
        self._closed = False
        self._schedule_when_shown = False
        self._meeting_touched = False
        self._committees: list[CommitteeRow] = []
        self._meetings: list[MeetingRow] = []
        self._next_meeting: dt.date | None = None
        self._debounce = QTimer(self, singleShot=True, interval=BUILD_DELAY_MS)
        self._debounce.timeout.connect(self._auto_build)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

        self._build_ui()
        self._size_for(parent)
        self._load_committees(committee)
        self.set_kind(kind)
        self._update()
        if self.problem() is None:
            self.preview.show_message("Preparing the preview\u2026")
        self._schedule()

    # ================================================================== building the UI
    def _build_ui(self) -> None:
        # -- the document
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        kinds = QWidget()
        col = QVBoxLayout(kinds)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(4)
        for n, doc in enumerate(DOCUMENTS):
            button = QRadioButton(doc.label)
            button.setObjectName(f"kind_{doc.kind}")
            button.setToolTip(doc.about)
            self.kind_group.addButton(button, n)
            self.kind_buttons[doc.kind] = button
            col.addWidget(button)
        self.kind_group.idToggled.connect(self._kind_toggled)
        self.about_label = muted()
        self.about_label.setObjectName("aboutDocument")
        self.about_label.setAccessibleName("About this document")
        self.about_label.setMinimumHeight(self.about_label.fontMetrics().lineSpacing() * 3)
        self.about_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        # -- for whom, which meeting, as at when
        self.committee_combo = QComboBox()
        self.committee_combo.setObjectName("committeeCombo")
        self.committee_combo.setAccessibleName("Committee")
        self.committee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.committee_combo.setMinimumContentsLength(16)
        self.committee_combo.currentIndexChanged.connect(self._committee_changed)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("meetingCombo")
        self.meeting_combo.setAccessibleName("Meeting")
        self.meeting_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_combo.setMinimumContentsLength(16)
        self.meeting_combo.setMaxVisibleItems(16)
        self.meeting_combo.activated.connect(self._meeting_chosen)
        self.meeting_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.as_at_edit = DateEdit(allow_blank=False)
        self.as_at_edit.setObjectName("asAtEdit")
        self.as_at_edit.setAccessibleName("As at date")
        self.as_at_edit.setToolTip("The date the document is as at (day/month/year). An "
                                   "earlier date shows actions and recommendations as they "
                                   "stood then.")
        self.as_at_edit.setDate(app_state.today())
        self.as_at_edit.dateChanged.connect(lambda _d: self._changed())
        self.as_at_edit.line.textEdited.connect(lambda _t: self._update())
        self.as_at_hint = muted()
        self.as_at_hint.setObjectName("asAtHint")
        self.as_at_hint.setAccessibleName("As at note")
        self.public_box = QCheckBox("P&ublic version (leaves out exempt items)")
        self.public_box.setObjectName("publicBox")
        self.public_box.setToolTip("Leave out the papers and text of items exempt from "
                                   "publication (Local Government Act 1972, Schedule 12A); "
                                   "they show as \u201cExempt: paragraph N\u201d.")
        self.public_box.toggled.connect(lambda _on: self._changed())

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(4)
        self.committee_label = QLabel("C&ommittee")
        self.meeting_label = QLabel("M&eeting")
        self.as_at_label = QLabel("As a&t")
        self.committee_label.setBuddy(self.committee_combo)
        self.meeting_label.setBuddy(self.meeting_combo)
        self.as_at_label.setBuddy(self.as_at_edit)
        form.addRow(self.committee_label, self.committee_combo)
        form.addRow(self.meeting_label, self.meeting_combo)
        form.addRow(self.as_at_label, self.as_at_edit)

        options = QWidget()
        options.setObjectName("printOptions")
        options.setFixedWidth(340)
        left = QVBoxLayout(options)
        left.setContentsMargins(0, 0, 4, 0)
        left.setSpacing(6)
        doc_section = section("Document")
        doc_section.layout().setContentsMargins(0, 0, 0, 2)
        left.addWidget(doc_section)
        left.addWidget(kinds)
        left.addWidget(self.about_label)
        left.addWidget(section("Options"))
        left.addLayout(form)
        left.addWidget(self.as_at_hint)
        left.addSpacing(4)
        left.addWidget(self.public_box)
        left.addStretch(1)
        keys = muted("Ctrl+S saves, Ctrl+P prints, F5 builds the document again. Ctrl+plus and "
                     "Ctrl+minus zoom; Ctrl+0 fits the width.")
        keys.setObjectName("printKeys")
        keys.setAccessibleName("Keyboard shortcuts")
        left.addWidget(keys)

        # -- the preview
        self.preview = PdfPreview()
        self.preview.cancel_button.clicked.connect(self.cancel_build)
        self.document = self.preview.document

        # -- the buttons
        self.status_label = QLabel()
        self.status_label.setObjectName("printStatus")
        self.status_label.setAccessibleName("Status")
        self.status_label.setStyleSheet("color: #3c4043;")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton("&Save as PDF\u2026")
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip("Save this document as a PDF file (Ctrl+S)")
        self.print_button = QPushButton("&Print\u2026")
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip("Print this document (Ctrl+P)")
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("closeButton")
        for button in (self.save_button, self.print_button, self.close_button,
                       self.preview.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.reject)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #d5dae1;")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.close_button)

        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(options)
        body.addWidget(self.preview, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(10)
        lay.addLayout(body, 1)
        lay.addWidget(rule)
        lay.addLayout(buttons)

        for keys, slot in ((QKeySequence.StandardKey.Save, self.save_as),
                           (QKeySequence.StandardKey.Print, self.print_document),
                           (QKeySequence.StandardKey.Refresh, lambda: self.build(force=True)),
                           ("F5", lambda: self.build(force=True))):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.setTabOrder(self.kind_buttons["action-log"], self.committee_combo)
        self.setTabOrder(self.committee_combo, self.meeting_combo)
        self.setTabOrder(self.meeting_combo, self.as_at_edit)
        self.setTabOrder(self.as_at_edit, self.public_box)
        self.setTabOrder(self.public_box, self.preview.view)

    def _size_for(self, parent: QWidget | None) -> None:
        if parent is not None:
            base = parent.window().size()
        else:
            screen = self.screen()
            base = screen.availableSize() if screen is not None else QSize(1366, 728)
        self.resize(max(900, min(1400, base.width() - 40)),
                    max(560, min(900, base.height() - 30)))
        self.setMinimumSize(860, 520)

    # ================================================================== choices
    def _load_committees(self, wanted: str | None) -> None:
        from desktop_app.services import committees
        self._committees = committees.list_committees(self.db)
        self.committee_combo.blockSignals(True)
        self.committee_combo.clear()
        for c in self._committees:
            self.committee_combo.addItem(c.name, c.name)
            if c.short_name:
                self.committee_combo.setItemData(self.committee_combo.count() - 1,
                                                 f"{c.name} ({c.short_name})",
                                                 Qt.ItemDataRole.ToolTipRole)
        index = 0
        if wanted:
            key = wanted.strip().lower()
            index = next((i for i, c in enumerate(self._committees)
                          if key in (c.name.lower(), (c.short_name or "").lower())), 0)
        self.committee_combo.setCurrentIndex(index)
        self.committee_combo.setToolTip(self.committee_combo.currentText())
        self.committee_combo.blockSignals(False)
        self._load_meetings()

    def _committee_changed(self, _index: int) -> None:
        self.committee_combo.setToolTip(self.committee_combo.currentText())
        self._meeting_touched = False
        self._load_meetings()
        self._changed()

    def _load_meetings(self) -> None:
        from desktop_app.services import meetings
        name = self.committee_combo.currentData()
        self._meetings = meetings.list_meetings(self.db, name, upcoming_first=True) if name \
            else []
        today = app_state.today()
        upcoming = [m for m in self._meetings if m.date >= today]
        scheduled = [m for m in upcoming if m.status == MeetingStatus.SCHEDULED.value]
        self._next_meeting = scheduled[0].date if scheduled else None
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.clear()
        for n, m in enumerate(self._meetings):
            if n == len(upcoming) and n > 0:
                self.meeting_combo.insertSeparator(self.meeting_combo.count())
            self.meeting_combo.addItem(meeting_text(m, self._next_meeting), m.date.isoformat())
        self.meeting_combo.blockSignals(False)
        self._default_meeting()

    def _default_meeting(self) -> None:
        """The next scheduled meeting; for the minutes, the last one held (unless the officer
        has chosen one)."""
        if self._meeting_touched or not self._meetings:
            return
        wanted = self._next_meeting
        if self.kind() == "minutes" or wanted is None:
            today = app_state.today()
            held = [m.date for m in self._meetings if m.date <= today
                    and m.status == MeetingStatus.HELD.value]
            if held and (self.kind() == "minutes" or wanted is None):
                wanted = max(held)
        index = self.meeting_combo.findData(wanted.isoformat()) if wanted else -1
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.setCurrentIndex(index if index >= 0 else 0)
        self.meeting_combo.blockSignals(False)

    def _meeting_chosen(self, _index: int) -> None:
        self._meeting_touched = True

    def _kind_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._default_meeting()
            self._changed()

    # -- public: choose as a person would
    def kind(self) -> str:
        n = self.kind_group.checkedId()
        return DOCUMENTS[n].kind if n >= 0 else DOCUMENTS[0].kind

    def set_kind(self, kind: str) -> None:
        from desktop_app.reports.printing import canonical_kind
        self.kind_buttons[canonical_kind(kind)].setChecked(True)

    def meeting(self) -> dt.date | None:
        value = self.meeting_combo.currentData()
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

    def set_meeting(self, day: dt.date) -> None:
        index = self.meeting_combo.findData(day.isoformat())
        if index < 0:
            raise ValueError(f"no meeting on {day.isoformat()} in the list")
        self._meeting_touched = True
        self.meeting_combo.setCurrentIndex(index)

    def set_as_at(self, day: dt.date) -> None:
        self.as_at_edit.setDate(day)
        self._changed()

    def set_public(self, public: bool) -> None:
        self.public_box.setChecked(public)

    def committee(self) -> CommitteeRow | None:
        index = self.committee_combo.currentIndex()
        return self._committees[index] if 0 <= index < len(self._committees) else None

    def choice(self) -> Choice | None:
        """What the options say to build, or None while they are incomplete."""
        committee = self.committee()
        if committee is None:
            return None
        doc = BY_KIND[self.kind()]
        try:
            as_at = self.as_at_edit.date()
        except ValueError:
            return None
        if as_at is None:
            return None
        meeting = self.meeting() if doc.needs_meeting else None
        if doc.needs_meeting and meeting is None:
            return None
        return Choice(committee.name, doc.kind, meeting, as_at, self.public_box.isChecked())

    def problem(self) -> str | None:
        """Why nothing can be built with these options, in words."""
        if self.committee() is None:
            return "There is no committee yet: add one first."
        doc = BY_KIND[self.kind()]
        if doc.needs_meeting and not self._meetings:
            return f"{self.committee().name} has no meetings yet: the {doc.words} needs one."
        try:
            as_at = self.as_at_edit.date()
        except ValueError:
            as_at = None
        if as_at is None:
            return "Type the \u201cas at\u201d date as day/month/year, e.g. 23/11/2021."
        return None

    def default_file_name(self) -> str:
        choice = self.built_choice or self.choice()
        return file_name(self.committee(), choice) if choice else "document.pdf"

    # ================================================================== building
    def _changed(self) -> None:
        self._update()
        self._schedule()

    def _schedule(self) -> None:
        if not self._closed:
            self._debounce.start()

    def _auto_build(self) -> None:
        if not self._closed and self.isVisible():
            self.build()
        elif not self._closed:
            self._schedule_when_shown = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._schedule_when_shown:
            self._schedule_when_shown = False
            self._schedule()

    def build(self, force: bool = False) -> Job | None:
        """Build the chosen document off the UI thread and show it. Returns the job, or None
        when nothing is to be built (the options are incomplete, or the same document is
        already shown or being built; ``force`` builds it again)."""
        self._debounce.stop()
        choice = self.choice()
        if choice is None:
            self._update()
            return None
        running = self._build_job is not None and not self._build_job.done
        if not force:
            if running and self._building == choice:
                return self._build_job
            if not running and self.built_choice == choice and self.built_path:
                return None
        if running:
            self._build_job.cancel()
        self._generation += 1
        generation = self._generation
        self._count += 1
        path = os.path.join(self._tmpdir, f"{self._count:03d}-{choice.kind}.pdf")
        db = self.db
        self._building = choice
        self.last_error = None
        self.saved_path = None

        def work(ctx) -> int:
            ctx.check()
            from desktop_app.reports.printing import write_document
            return write_document(db, choice.kind, path, choice.committee,
                                  meeting=choice.meeting, as_at=choice.as_at,
                                  public=choice.public)

        def current() -> bool:
            return not self._closed and generation == self._generation

        def done(pages: int) -> None:
            if not current():
                _remove(path)
                return
            self._shown(path, pages, choice)

        def failed(exc: BaseException) -> None:
            _remove(path)
            if current():
                self._failed(exc, choice)
            self._tidy_if_closed()

        def cancelled() -> None:
            _remove(path)
            if current():
                self._cancelled(choice)
            self._tidy_if_closed()

        self._build_job = self._start(work, on_done=done, on_error=failed,
                                      on_cancel=cancelled)
        self._update()
        self._busy_timer.start()
        return self._build_job

    def cancel_build(self) -> None:
        if self._build_job is not None and not self._build_job.done:
            self._build_job.cancel()
            self.preview.cancel_button.setEnabled(False)
            self.preview.message.setText("Cancelling\u2026")

    def _show_busy(self) -> None:
        if self._building_now():
            doc = BY_KIND[self._building.kind]
            self.preview.show_message(f"Building the {doc.words}\u2026", busy=True)

    def _building_now(self) -> bool:
        return self._build_job is not None and not self._build_job.done

    def _shown(self, path: str, pages: int, choice: Choice) -> None:
        self._busy_timer.stop()
        old = self.built_path
        try:
            self.preview.load(path)
        except Exception as exc:  # noqa: BLE001 - QtPdf refusing our own file
            _remove(path)
            self._drop_built(old)
            self._failed(exc, choice)
            return
        if old and old != path:
            _remove(old)
        self.built_path, self.built_choice, self.built_pages = path, choice, pages
        self._update()
        self.built.emit(path, pages)

    def _drop_built(self, old: str | None = None) -> None:
        self.preview.clear()
        _remove(old or self.built_path)
        self.built_path, self.built_choice, self.built_pages = None, None, 0

    def _failed(self, exc: BaseException, choice: Choice) -> None:
        self._busy_timer.stop()
        self._drop_built()
        doc = BY_KIND[choice.kind]
        line = first_line(exc)
        line = line[:1].upper() + line[1:]
        self.last_error = line
        self.preview.show_message(f"The {doc.words} could not be built.\n\n{line}")
        self._update()
        self.failed.emit(line)
        show_error(self, exc, f"Cannot build the {doc.words}")

    def _cancelled(self, choice: Choice) -> None:
        self._busy_timer.stop()
        self._drop_built()
        self.preview.show_message(f"Building the {BY_KIND[choice.kind].words} was cancelled."
                                  "\n\nChange a choice, or press F5, to build it again.")
        self._update()

    # ================================================================== state shown
    def _update(self) -> None:
        if self._closed:
            return
        doc = BY_KIND[self.kind()]
        self.about_label.setText(doc.about)
        self.meeting_combo.setEnabled(doc.needs_meeting and bool(self._meetings))
        self.meeting_label.setEnabled(doc.needs_meeting)
        self.meeting_combo.setToolTip("" if doc.needs_meeting else
                                      f"The {doc.words} is not for one meeting")
        self._update_as_at_hint()
        building = self._building_now()
        printing = self._print_job is not None and not self._print_job.done
        ready = bool(self.built_path) and not building and self.built_choice == self.choice()
        self.save_button.setEnabled(ready and not printing)
        self.print_button.setEnabled(ready and not printing)
        problem = self.problem()
        if problem:
            text = problem
            if not building and not self.built_path:
                self.preview.show_message(problem)
        elif building:
            text = f"Building the {BY_KIND[self._building.kind].words}\u2026"
        elif self.last_error:
            text = "Could not build: " + self.last_error
        elif ready:
            text = self._describe(self.built_choice, self.built_pages)
            if self.saved_path:
                text = f"Saved {Path(self.saved_path).name} in {Path(self.saved_path).parent}"
        else:
            text = ""
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        committee = self.committee()
        self.setWindowTitle("Print / export" + (
            f" \u2013 {committee.short_name or committee.name}" if committee else ""))

    def _update_as_at_hint(self) -> None:
        try:
            as_at = self.as_at_edit.date()
        except ValueError:
            as_at = None
        today = app_state.today()
        if as_at is not None and as_at < today:
            self.as_at_hint.setText("An earlier date: actions and recommendations show as they "
                                    f"stood on {app_state.long_date(as_at)}.")
            self.as_at_hint.show()
        elif as_at is not None and as_at > today:
            self.as_at_hint.setText("A later date: the rows are today's, counted as at "
                                    f"{app_state.long_date(as_at)}.")
            self.as_at_hint.show()
        else:
            self.as_at_hint.hide()

    @staticmethod
    def _describe(choice: Choice, pages: int) -> str:
        doc = BY_KIND[choice.kind]
        words = doc.words[:1].upper() + doc.words[1:]
        when = (f"meeting of {app_state.long_date(choice.meeting)}" if choice.meeting
                else f"as at {app_state.long_date(choice.as_at)}")
        version = ", public version" if choice.public else ""
        return f"{words}, {when}{version}: {pages} page{'s' if pages != 1 else ''}"

    # ================================================================== saving
    def save_as(self) -> QFileDialog | None:
        """Ask where to save (a window-modal file dialog, ``self.file_dialog``), then save."""
        if not self._can_use():
            return None
        folder = app_state.read_str(KEY_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        dialog = QFileDialog(self, "Save as PDF", str(Path(folder) / self.default_file_name()),
                             "PDF files (*.pdf)")
        dialog.setObjectName("saveAsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.default_file_name())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_to)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: str | os.PathLike) -> bool:
        """Copy the document shown to ``path`` (".pdf" added when missing); True when saved.
        A path is written whole or not at all."""
        if not self._can_use() or self._closed:
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        from desktop_app.reports.page import write_output
        try:
            write_output(target, Path(self.built_path).read_bytes())
        except OSError as exc:
            show_error(self, f"Could not save {target.name}: "
                             f"{exc.strerror or first_line(exc)}.", "Cannot save")
            return False
        app_state.write(KEY_FOLDER, str(target.parent))
        self.saved_path = str(target)
        self._update()
        self.saved.emit(str(target))
        return True

    def _can_use(self) -> bool:
        """Is the document shown the one the options describe (so Save / Print may use it)?"""
        return (bool(self.built_path) and not self._building_now()
                and self.built_choice == self.choice())

    # ================================================================== printing
    def print_document(self) -> QPrintDialog | None:
        """Ask for a printer (``self.printer_dialog``, window-modal), then print."""
        if not self._can_use():
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.default_file_name()).stem)
        printer.setFromTo(0, 0)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printerDialog")
        dialog.setMinMax(1, max(1, self.built_pages))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self._printer = printer
        self.printer_dialog = dialog
        QDialog.open(dialog)      # window-modal; PySide's QPrintDialog.open wants a receiver
        return dialog

    def print_to(self, printer: QPrinter) -> Job | None:
        """Print the document shown on ``printer`` off the UI thread (progress and Cancel)."""
        if not self._can_use():
            return None
        self._printer = printer
        path = self.built_path
        pages = self.built_pages

        def work(ctx) -> int:
            return print_pdf(path, printer, progress=ctx.progress,
                             cancelled=lambda: ctx.cancelled)

        def done(count: int) -> None:
            if self._closed:
                self._tidy_if_closed()
                return
            where = printer.outputFileName()
            self.status_label.setText(
                f"Printed {count} page{'s' if count != 1 else ''}"
                + (f" to {where}" if where else f" on {printer.printerName() or 'the printer'}"))
            self._update_buttons_only()

        def failed(exc: BaseException) -> None:
            if not self._closed:
                self._update_buttons_only()
                show_error(self, f"Could not print: {first_line(exc)}", "Cannot print")
            self._tidy_if_closed()

        def cancelled() -> None:
            if not self._closed:
                self.status_label.setText("Printing cancelled.")
                self._update_buttons_only()
            self._tidy_if_closed()

        self._print_job = self._start(work, on_done=done, on_error=failed, on_cancel=cancelled,
                                      title="Printing",
                                      label=f"Printing {pages} page{'s' if pages != 1 else ''}"
                                            "\u2026")
        self._update_buttons_only()
        return self._print_job

    def _update_buttons_only(self) -> None:
        printing = self._print_job is not None and not self._print_job.done
        ok = self._can_use() and not printing
        self.save_button.setEnabled(ok)
        self.print_button.setEnabled(ok)

    # ================================================================== jobs and closing
    def _start(self, fn, *, on_done, on_error, on_cancel, **kwargs) -> Job:
        self.jobs = [job for job in self.jobs if not job.done]

        def finished_then(callback):
            def run(*args):
                callback(*args)
                self._tidy_if_closed()
            return run

        job = start_job(fn, on_done=finished_then(on_done), on_error=on_error,
                        on_cancel=on_cancel, parent=self if "title" in kwargs else None,
                        **kwargs)
        self.jobs.append(job)
        return job

    def wait_idle(self, timeout_s: float = 120.0) -> bool:
        """Process events until nothing of this dialog is pending or running (tests)."""
        while True:
            if self._debounce.isActive():
                self._debounce.stop()
                self._auto_build()
            running = [job for job in self.jobs if not job.done]
            if not running:
                return True
            if not running[0].wait(timeout_s):
                return False

    def done(self, result: int) -> None:
        self._closed = True
        self._debounce.stop()
        self._busy_timer.stop()
        for job in self.jobs:
            if not job.done:
                job.cancel()
        self.preview.clear()
        self._tidy_if_closed()
        super().done(result)

    def _tidy_if_closed(self) -> None:
        """Once closed and no job is running: remove the temporary files."""
        if not self._closed or any(not job.done for job in self.jobs):
            return
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = ""
