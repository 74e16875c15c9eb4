"""Editing actions in the grid itself: owner, progress, due date and status, through editors
in the cell (double-click or F2). The delegate never writes to the model: it hands the row, the
column and the value to ``commit``, which makes the same controller call as the detail pane
(same validation, same undo stack); the model then gets the new row from the service.

A due date that is not a date shows the same message as the pane and writes nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem, QWidget

from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.records import ActionRow
from desktop_app.ui.app_state import short_date
from desktop_app.ui.models.base import ROW_ROLE
from desktop_app.ui.tracker.action_detail import editable_combo
from desktop_app.ui.widgets.date_edit import parse_entry
from desktop_app.ui.widgets.wrap_delegate import WrapDelegate

Index = QModelIndex | QPersistentModelIndex
STATUS_CHOICES = (("Open", ActionStatus.OPEN), ("Completed", ActionStatus.COMPLETED))


class ActionEditDelegate(WrapDelegate):
    """``commit(row, key, value)``: the edit (key "owner", "progress", "due" or "status");
    ``owners()``: the names offered for the owner; ``refuse(message)``: say why not."""

    def __init__(self, commit: Callable[[ActionRow, str, object], None],
                 owners: Callable[[], list[str]], refuse: Callable[[str], None], parent=None):
        super().__init__(3, parent)
        self._commit, self._owners, self._refuse = commit, owners, refuse

    def _key(self, index: Index) -> str:
        c = index.column()
        return self.column_keys[c] if 0 <= c < len(self.column_keys) else ""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        key = self._key(index)
        if key == "owner":
            combo = editable_combo("Owner")
            combo.setParent(parent)
            combo.addItems(self._owners())
            return combo
        if key == "status":
            combo = QComboBox(parent)
            combo.setAccessibleName("Status")
            for text, value in STATUS_CHOICES:
                combo.addItem(text, value)
            return combo
        edit = QLineEdit(parent)
        edit.setAccessibleName("Due date" if key == "due" else "Progress update")
        if key == "due":
            edit.setPlaceholderText("dd/mm/yyyy")
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        row: ActionRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        key = self._key(index)
        if isinstance(editor, QComboBox) and key == "owner":
            editor.setEditText(row.owner)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(row.status)))
        elif isinstance(editor, QLineEdit):
            editor.setText(short_date(row.due_date) if key == "due" and row.due_date
                           else row.progress if key == "progress" else "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        row: ActionRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        key = self._key(index)
        value: object
        if isinstance(editor, QComboBox):
            value = editor.currentText().strip() if key == "owner" else editor.currentData()
        else:
            text = editor.text().strip() if isinstance(editor, QLineEdit) else ""
            if key == "due":
                try:
                    value = parse_entry(text)
                except ValueError as exc:
                    # after the editor has closed: a dialog now would take its focus mid-commit
                    QTimer.singleShot(0, lambda message=str(exc): self._refuse(message))
                    return
            else:
                value = text
        self._commit(row, key, value)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: Index) -> None:
        rect = option.rect   # at the top of a tall (wrapped) cell, one line high
        editor.setGeometry(rect.x(), rect.y(), rect.width(), editor.sizeHint().height())
