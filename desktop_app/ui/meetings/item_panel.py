"""The chosen agenda item on the Meetings tab: its reports (open) and its minutes (typed in
place). Saving and attaching go through the tab's controller (``MeetingsController``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout)

from desktop_app.domain.records import AgendaItemRow, AttachmentRow
from desktop_app.ui.errors import show_error
from desktop_app.ui.widgets.detail_parts import heading_label


class AgendaItemPanel(QFrame):
    """The panel beside the agenda: the reports and minutes of ``self.item``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.item: AgendaItemRow | None = None
        self.item_title = heading_label("No agenda item chosen")
        self.item_title.setWordWrap(True)
        self.reports_list = QListWidget()
        self.reports_list.setAccessibleName("Reports")
        self.reports_list.setMaximumHeight(72)
        self.attach_button = QPushButton("Attach\u2026")
        self.open_button = QPushButton("Open")
        self.open_button.clicked.connect(self.open_report)
        # the chosen report's title in the pack's contents and bookmarks
        self.report_title_edit = QLineEdit()
        self.report_title_edit.setAccessibleName("Report title")
        self.report_title_edit.setPlaceholderText("Title in the pack (default: the PDF's own "
                                                  "title, then the file name)")
        self.report_title_edit.setEnabled(False)
        self.reports_list.currentRowChanged.connect(self._report_chosen)
        self.minutes_edit = QPlainTextEdit()
        self.minutes_edit.setAccessibleName("Minutes")
        self.minutes_edit.setPlaceholderText("Minutes of this item: the discussion and what was "
                                             "RESOLVED.")
        self.save_minutes_button = QPushButton("&Save minutes")
        self.save_minutes_button.setEnabled(False)
        self.minutes_edit.modificationChanged.connect(self._minutes_modified)

        self.setFrameShape(QFrame.Shape.StyledPanel)
        pl = QVBoxLayout(self)
        pl.addWidget(self.item_title)
        reports_row = QHBoxLayout()
        reports_row.addWidget(QLabel("<b>Reports</b>"))
        reports_row.addStretch(1)
        reports_row.addWidget(self.attach_button)
        reports_row.addWidget(self.open_button)
        pl.addLayout(reports_row)
        pl.addWidget(self.reports_list)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel("Title:"))
        title_row.addWidget(self.report_title_edit, 1)
        pl.addLayout(title_row)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(QLabel("<b>Minutes</b>"))
        minutes_row.addStretch(1)
        minutes_row.addWidget(self.save_minutes_button)
        pl.addLayout(minutes_row)
        pl.addWidget(self.minutes_edit, 1)

    def show_item(self, item: AgendaItemRow | None) -> None:
        """Show ``item``; minutes typed into the same item (not yet saved) are kept."""
        same = self.item is not None and item is not None and item.id == self.item.id
        self.item = item
        with QSignalBlocker(self.reports_list):
            self.reports_list.clear()
            for att in item.attachments if item else ():
                entry = QListWidgetItem(att.title or Path(att.path).name)
                entry.setData(Qt.ItemDataRole.UserRole + 1, att.id)
                entry.setToolTip(att.path)
                entry.setData(Qt.ItemDataRole.UserRole, att.path)
                if not att.stored and not Path(att.path).exists():   # a copy is kept
                    entry.setText(entry.text() + "  (file missing)")
                self.reports_list.addItem(entry)
            if self.reports_list.count():
                self.reports_list.setCurrentRow(0)
        self._report_chosen(self.reports_list.currentRow())
        with QSignalBlocker(self.reports_list):
            if not self.reports_list.count() and item is not None:
                hint = QListWidgetItem("No reports attached – use Attach… to add the PDFs")
                hint.setFlags(Qt.ItemFlag.NoItemFlags)
                self.reports_list.addItem(hint)
        if item is None:
            self.item_title.setText("No agenda item chosen")
            self.minutes_edit.setPlainText("")
            self.minutes_edit.setEnabled(False)
        else:
            self.item_title.setText(f"{item.number}. {item.title}")
            self.minutes_edit.setEnabled(True)
            if not (same and self.minutes_edit.document().isModified()):
                self.minutes_edit.setPlainText(item.minutes_text)
                self.minutes_edit.document().setModified(False)
        # setPlainText can leave the button as it was (no modificationChanged): say it here
        self._minutes_modified(self.minutes_edit.document().isModified())

    def set_item_actions_enabled(self, has_item: bool) -> None:
        self.attach_button.setEnabled(has_item)
        self.open_button.setEnabled(self.reports_list.currentItem() is not None)

    # -- minutes
    def _minutes_modified(self, modified: bool) -> None:
        self.save_minutes_button.setEnabled(modified and self.item is not None)

    def minutes_typed(self) -> bool:
        """Whether minutes were typed into the shown item and not saved yet."""
        return self.item is not None and self.minutes_edit.document().isModified()

    def take_minutes(self) -> str:
        """The typed minutes, marked as no longer waiting to be saved."""
        self.minutes_edit.document().setModified(False)
        return self.minutes_edit.toPlainText().rstrip()

    # -- reports
    def chosen_attachment(self) -> AttachmentRow | None:
        """The report chosen in the list, if any."""
        entry = self.reports_list.currentItem()
        if entry is None or self.item is None:
            return None
        key = entry.data(Qt.ItemDataRole.UserRole + 1)
        return next((a for a in self.item.attachments if a.id == key), None)

    def _report_chosen(self, _row: int) -> None:
        chosen = self.chosen_attachment()
        with QSignalBlocker(self.report_title_edit):
            self.report_title_edit.setText(chosen.title if chosen else "")
        self.report_title_edit.setEnabled(chosen is not None)

    def open_report(self) -> None:
        entry = self.reports_list.currentItem()
        if entry is None:
            return
        path = entry.data(Qt.ItemDataRole.UserRole)
        if not Path(path).exists():
            show_error(self, f"{path} is no longer there: it may have been moved or deleted.",
                       "Cannot open the report")
            return
        from PySide6.QtCore import QUrl   # QUrl's enums made when a report is first opened
        from PySide6.QtGui import QDesktopServices
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            show_error(self, f"No program is set up to open {Path(path).name}.",
                       "Cannot open the report")
