"""The chosen agenda item on the Meetings tab: its reports (attach, open) and its minutes
(typed in place, saved with Undo, never lost to a reload or a change of item).

``AgendaItemPanel`` is a part of ``MeetingsTab``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QFileDialog, QFrame, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout)

from desktop_app.domain.records import AgendaItemRow
from desktop_app.services import meetings as meetings_service
from desktop_app.ui.errors import show_error
from desktop_app.ui.widgets.detail_parts import heading_label


class AgendaItemPanel:
    """The reports and minutes of the chosen agenda item (``self._item``)."""

    def _build_item_panel(self) -> QFrame:
        """The panel beside the agenda (its widgets are attributes of the tab)."""
        self.item_title = heading_label("No agenda item chosen")
        self.item_title.setWordWrap(True)
        self.reports_list = QListWidget()
        self.reports_list.setAccessibleName("Reports")
        self.reports_list.setMaximumHeight(72)
        self.attach_button = QPushButton("Attach\u2026")
        self.attach_button.clicked.connect(self.attach_reports)
        self.open_button = QPushButton("Open")
        self.open_button.clicked.connect(self.open_report)
        self.minutes_edit = QPlainTextEdit()
        self.minutes_edit.setAccessibleName("Minutes")
        self.minutes_edit.setPlaceholderText("Minutes of this item: the discussion and what was "
                                             "RESOLVED.")
        self.save_minutes_button = QPushButton("&Save minutes")
        self.save_minutes_button.setEnabled(False)
        self.save_minutes_button.clicked.connect(self.save_minutes)
        self.minutes_edit.modificationChanged.connect(self._minutes_modified)

        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        pl = QVBoxLayout(panel)
        pl.addWidget(self.item_title)
        reports_row = QHBoxLayout()
        reports_row.addWidget(QLabel("<b>Reports</b>"))
        reports_row.addStretch(1)
        reports_row.addWidget(self.attach_button)
        reports_row.addWidget(self.open_button)
        pl.addLayout(reports_row)
        pl.addWidget(self.reports_list)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(QLabel("<b>Minutes</b>"))
        minutes_row.addStretch(1)
        minutes_row.addWidget(self.save_minutes_button)
        pl.addLayout(minutes_row)
        pl.addWidget(self.minutes_edit, 1)
        return panel

    def _show_item(self, item: AgendaItemRow | None) -> None:
        same = self._item is not None and item is not None and item.id == self._item.id
        self._item = item
        with QSignalBlocker(self.reports_list):
            self.reports_list.clear()
            for att in item.attachments if item else ():
                entry = QListWidgetItem(att.title or Path(att.path).name)
                entry.setToolTip(att.path)
                entry.setData(Qt.ItemDataRole.UserRole, att.path)
                if not Path(att.path).exists():
                    entry.setText(entry.text() + "  (file missing)")
                self.reports_list.addItem(entry)
            if self.reports_list.count():
                self.reports_list.setCurrentRow(0)
            elif item is not None:
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
        self._update_actions()

    # -- minutes
    def _minutes_modified(self, modified: bool) -> None:
        self.save_minutes_button.setEnabled(modified and self._item is not None)

    def _save_minutes_if_changed(self, later: bool = False) -> None:
        """Typed minutes are saved (never lost) before anything else happens to the item."""
        if self._item is not None and self.minutes_edit.document().isModified():
            self.save_minutes(later)

    def save_minutes(self, later: bool = False) -> None:
        item = self._item
        if item is None:
            return
        text = self.minutes_edit.toPlainText().rstrip()
        self.minutes_edit.document().setModified(False)
        if text == item.minutes_text:
            return
        self._versioned(meetings_service.update_item, item.id, item.version,
                        {"minutes_text": text}, {"minutes_text": item.minutes_text},
                        f"Edit the minutes of item {item.number}", later=later)

    # -- reports
    def attach_reports(self) -> None:
        self._save_minutes_if_changed()
        item = self._item
        if item is None:
            return
        start = str(Path(item.attachments[-1].path).parent) if item.attachments else ""
        paths, _ = QFileDialog.getOpenFileNames(self, f"Attach reports to item {item.number}",
                                                start, "PDF files (*.pdf);;All files (*)")
        if not paths:
            return
        for path in paths:
            if self._run(lambda p=path: meetings_service.attach_file(self.db, item.id, p)) is None:
                break
        self._after_edit()
        self.status.emit(f"Attached {len(paths)} report(s) to item {item.number}")

    def open_report(self) -> None:
        entry = self.reports_list.currentItem()
        if entry is None:
            return
        path = entry.data(Qt.ItemDataRole.UserRole)
        if not Path(path).exists():
            show_error(self, f"{path} is no longer there: it may have been moved or deleted.",
                       "Cannot open the report")
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            show_error(self, f"No program is set up to open {Path(path).name}.",
                       "Cannot open the report")
