"""Tools > Chase owners: one workbook and one email draft per owner (services/chase.py).

The table previews who would be chased (the same selection chase_owners makes: open actions by
owner, recommendations awaiting a response by addressee), with each person's email address from
the address book, editable in place. Writing runs chase_owners off the UI thread and lists the
files it wrote. The drafts are sent from the officer's own mail program; returned workbooks come
back through File > Import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.services.workspace import Database
from desktop_app.services.chase import ChasePack
from desktop_app.services.errors import ServiceError
from desktop_app.ui import workers
from desktop_app.ui.errors import show_error
from desktop_app.ui.tools.chase_controller import ChaseController

COLUMNS = ("Owner / lead", "Email address", "Open actions", "Overdue", "Responses due")
EMAIL_COL = 1


def default_folder() -> str:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs or str(Path.home())


def _number(value: int) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value) if value else "\u2013")
    item.setData(Qt.ItemDataRole.UserRole, value)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ChaseDialog(QDialog):
    def __init__(self, db: Database, committee: str, parent: QWidget | None = None,
                 only: set[str] | None = None):
        """``only``: chase just these people (the owners of the actions selected)."""
        super().__init__(parent)
        self.db, self.committee = db, committee
        self.controller = ChaseController(db, committee, only)
        self.job: workers.Job | None = None
        self.packs: list[ChasePack] = []
        self._filling = False
        self.setObjectName("chaseDialog")
        self.setWindowTitle(f"Chase owners \u2013 {committee}" if only is None else
                            f"Chase the owners of the selected actions \u2013 {committee}")
        self.resize(900, 620)

        intro = QLabel(
            "Each person below gets a workbook of just their open actions or the "
            "recommendations awaiting their response, and an email draft with the workbook "
            "attached. <b>Nothing is sent from here:</b> open each draft (.eml) in your own "
            "mail program, check it and send it. When a workbook comes back, bring it in "
            "with <b>File &gt; Import\u2026</b> to accept or reject each update.")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("chaseOwners")
        self.table.setAccessibleName("People to chase")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(EMAIL_COL, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(EMAIL_COL, 380)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        for col in range(2, len(COLUMNS)):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._email_edited)
        self.summary = QLabel()
        self.summary.setObjectName("chaseSummary")
        hint = QLabel("Double-click an email address to change it; it is saved to the address "
                      "book and used in the drafts.")
        hint.setWordWrap(True)

        self.folder_edit = QLineEdit(default_folder(), self)
        self.folder_edit.setObjectName("chaseFolder")
        self.folder_edit.setAccessibleName("Output folder")
        folder_label = QLabel("Save &to folder:")
        folder_label.setBuddy(self.folder_edit)
        browse = QPushButton("&Browse\u2026")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)

        self.write_button = QPushButton("&Write workbooks and email drafts")
        self.write_button.setObjectName("chaseWrite")
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)

        self.result_label = QLabel()
        self.result_label.setObjectName("chaseResult")
        self.result_label.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setObjectName("chaseFiles")
        self.files.setAccessibleName("Files written")
        self.files.setMaximumHeight(130)
        self.files.itemDoubleClicked.connect(
            lambda item: QDesktopServices.openUrl(
                QUrl.fromLocalFile(item.data(Qt.ItemDataRole.UserRole))))
        self.open_button = QPushButton("&Open folder")
        self.open_button.setObjectName("chaseOpenFolder")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addLayout(folder_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.files)
        layout.addWidget(buttons)
        self.files.hide()
        self.reload()

    # ------------------------------------------------------------------ table
    def reload(self) -> None:
        self.lines = self.controller.owners()
        self._filling = True
        try:
            self.table.setRowCount(len(self.lines))
            for row, line in enumerate(self.lines):
                name = QTableWidgetItem(line.name)
                name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
                email = QTableWidgetItem(line.email)
                email.setToolTip(f"Double-click to change {line.name}'s email address"
                                 if line.email else "No address yet: double-click to add one")
                self.table.setItem(row, 0, name)
                self.table.setItem(row, EMAIL_COL, email)
                self.table.setItem(row, 2, _number(line.actions))
                overdue = _number(line.overdue)
                if line.overdue:
                    overdue.setForeground(Qt.GlobalColor.darkRed)
                    font = overdue.font()
                    font.setBold(True)
                    overdue.setFont(font)
                self.table.setItem(row, 3, overdue)
                self.table.setItem(row, 4, _number(line.responses))
        finally:
            self._filling = False
        if self.lines:
            self.summary.setText(
                f"{len(self.lines)} people to chase: {sum(x.actions for x in self.lines)} open "
                f"actions ({sum(x.overdue for x in self.lines)} overdue), "
                f"{sum(x.responses for x in self.lines)} recommendations awaiting a response.")
        else:
            self.summary.setText("Nobody to chase: there are no open actions with an owner and "
                                 "no recommendations awaiting a response.")
        self.write_button.setEnabled(bool(self.lines))

    def row_of(self, name: str) -> int:
        for row, line in enumerate(self.lines):
            if line.name.lower() == name.strip().lower():
                return row
        return -1

    def _email_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != EMAIL_COL:
            return
        line = self.lines[item.row()]
        email = item.text().strip()
        if email == line.email:
            return
        try:
            if email:
                self.controller.save_email(line, email)
        except ServiceError as exc:
            show_error(self, exc, "Email address not saved")
        self._filling = True
        try:
            item.setText(line.email)  # what the address book now holds
        finally:
            self._filling = False

    # ------------------------------------------------------------------ writing
    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save the workbooks and drafts in",
                                                  self.folder_edit.text() or default_folder())
        if folder:
            self.folder_edit.setText(folder)

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def write(self) -> workers.Job | None:
        if not self.folder_edit.text().strip():
            show_error(self, "Choose a folder to save the workbooks and drafts in.",
                       "Chase owners")
            return None
        work = self.controller.writer(self.folder())
        self.write_button.setEnabled(False)
        self.result_label.setText("Writing\u2026")
        self.job = workers.start_job(lambda ctx: work(),
                                     on_done=self._written, on_error=self._failed,
                                     parent=self, title="Chase owners",
                                     label="Writing workbooks and email drafts\u2026",
                                     cancellable=False)
        return self.job

    def _failed(self, exc: BaseException) -> None:
        self.write_button.setEnabled(True)
        self.result_label.setText("")
        show_error(self, exc, "Chase owners")

    def _written(self, packs: list[ChasePack]) -> None:
        self.packs = packs
        self.write_button.setEnabled(True)
        self.files.clear()
        for pack in packs:
            for path in (pack.workbook, pack.draft):
                self.files.addItem(path.name)
                self.files.item(self.files.count() - 1).setData(Qt.ItemDataRole.UserRole,
                                                                str(path))
        no_email = [p.owner for p in packs if not p.email]
        text = (f"Wrote {len(packs)} workbook(s) and {len(packs)} email draft(s) to "
                f"{self.folder()}. Open each draft in your mail program to send it.")
        if no_email:
            text += (" No email address for " + ", ".join(no_email)
                     + ": add the address in the draft before sending.")
        self.result_label.setText(text)
        self.files.setVisible(bool(packs))
        self.open_button.setEnabled(bool(packs))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder())))
