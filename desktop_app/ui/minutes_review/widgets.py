"""The parts of the minutes review screen: the list of proposals under their items
(``ReviewTree``, drawn by ``ReviewDelegate``) and the pane that edits the one selected
(``EditPane``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeView, QVBoxLayout, QWidget)

from desktop_app.ui.minutes_review.model import MinutesReviewModel
from desktop_app.ui.minutes_review.state import (ACTION, Choice, is_meeting_group, item_flags,
                                                 item_heading)
from desktop_app.ui.minutes_review.text import plural
from desktop_app.ui.widgets.detail_parts import TextArea, heading, muted, section


class ReviewDelegate(QStyledItemDelegate):
    """Whole lines of wrapped text, rows as tall as their text at the column's width."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def _width(self, index) -> int:
        view = self.view
        if not index.parent().isValid():  # an item: spans the row
            return max(view.viewport().width() - 4, 60)
        width = view.columnWidth(index.column())
        if index.column() == 0:
            width -= view.indentation()
        return max(width, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, self._width(index), 1)
        size = super().sizeHint(opt, index)
        return QSize(size.width(), size.height() + 8)


class ReviewTree(QTreeView):
    """The proposals under their items. Space ticks, Enter / F2 asks to edit."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.doItemsLayout)

    def schedule_relayout(self, *_args) -> None:
        self._relayout.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        model = self.model()
        if key == Qt.Key.Key_Space and plain and isinstance(model, MinutesReviewModel):
            index = self.currentIndex()
            if index.isValid():
                if index.parent().isValid():
                    model.toggle(index)
                else:
                    model.toggle_item(index.row())
                event.accept()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and plain:
            # Never let Enter fall through to the dialog (it would press a button).
            self.edit_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.schedule_relayout()


class EditPane(QWidget):
    """The selected proposal: tick, wording, owner, and the item's minutes for reference."""

    changed = Signal(object)       # the Choice edited
    done = Signal()                # Escape: back to the list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice: Choice | None = None
        self.title = heading("", 2)
        self.title.setAccessibleName("Selected proposal")
        self.item_label = muted()
        self.item_label.setAccessibleName("Agenda item")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368; font-style: italic;")
        self.accept_box = QCheckBox("Save this to the tracker")
        self.accept_box.setAccessibleName("Save this proposal")
        self.wording_label = QLabel("&Wording")
        self.wording = TextArea(5, "Wording")
        self.wording.setToolTip("Edit the wording to save. Escape goes back to the list.")
        self.wording_label.setBuddy(self.wording)
        self.owner_label = QLabel("&Owner")
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Who will do it (e.g. Head of Housing)")
        self.owner.setMaxLength(200)
        self.owner_label.setBuddy(self.owner)
        self.restore_button = QPushButton("Restore the minutes' wording")
        self.restore_button.setAccessibleName("Restore the minutes' wording")
        self.restore_button.setAutoDefault(False)
        self.minutes_title = section("The minutes")
        self.minutes = QPlainTextEdit()
        self.minutes.setReadOnly(True)
        self.minutes.setAccessibleName("Minutes of the agenda item")
        self.minutes.setTabChangesFocus(True)
        self.minutes.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.minutes.setFrameShape(QFrame.Shape.StyledPanel)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self.title)
        lay.addWidget(self.item_label)
        lay.addWidget(self.note)
        lay.addWidget(self.accept_box)
        lay.addWidget(self.wording_label)
        lay.addWidget(self.wording)
        row = QHBoxLayout()
        row.addWidget(self.owner_label)
        row.addWidget(self.owner, 1)
        lay.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        lay.addLayout(row)
        lay.addWidget(self.minutes_title)
        lay.addWidget(self.minutes, 1)
        lay.addStretch(0)  # keeps the fields at the top while the minutes are hidden

        self.accept_box.toggled.connect(self._accept_toggled)
        self.wording.textChanged.connect(self._wording_changed)
        self.owner.textEdited.connect(self._owner_edited)
        self.restore_button.clicked.connect(self._restore)
        for widget in (self.wording, self.owner, self.accept_box, self.restore_button,
                       self.minutes):
            widget.installEventFilter(self)
        self.show_nothing()

    # -- showing
    def _set_editing(self, editing: bool, action: bool = False) -> None:
        for widget in (self.accept_box, self.wording_label, self.wording, self.restore_button):
            widget.setVisible(editing)
        self.owner_label.setVisible(editing and action)
        self.owner.setVisible(editing and action)

    def _show_minutes(self, item) -> None:
        parts = []
        if item.incomplete:
            parts.append("[The page shows only the start of this item's minutes: read the full "
                         "minutes for its decisions.]")
        if item.purpose:
            parts.append(item.purpose)
        if item.minutes_text:
            parts.append(item.minutes_text)
        self.minutes.setPlainText("\n\n".join(parts) or "(no minutes text for this item)")
        label = self.minutes_title.findChild(QLabel)
        if label is not None:
            label.setText("About these actions" if is_meeting_group(item)
                          else f"Minutes of item {item.number}")
        self.minutes_title.show()
        self.minutes.show()

    def show_nothing(self) -> None:
        self.choice = None
        self.title.setText("Nothing selected")
        self.item_label.setText("Select a recommendation or action in the list to check or "
                                "edit it.")
        self.note.hide()
        self._set_editing(False)
        self.minutes_title.hide()
        self.minutes.hide()

    def show_item(self, item) -> None:
        self.choice = None
        self.title.setText(item_heading(item))
        flags = item_flags(item)
        n_recs, n_actions = len(item.recommendations), len(item.actions)
        if is_meeting_group(item):
            self.item_label.setText("The meeting")
            self.note.setText(f"{plural(n_actions, 'action')} proposed for the meeting as a "
                              "whole, under no agenda item.")
        else:
            self.item_label.setText("  \u00b7  ".join(flags) if flags else "Agenda item")
            self.note.setText(
                f"{plural(n_recs, 'recommendation')} and {plural(n_actions, 'action')} proposed."
                " The item and its minutes are saved with the meeting whatever you tick.")
        self.note.show()
        self._set_editing(False)
        self._show_minutes(item)

    def show_choice(self, choice: Choice) -> None:
        self.choice = None  # no echo while filling in
        self.title.setText(choice.title())
        self.item_label.setText(
            "For the whole meeting (no minute named)" if is_meeting_group(choice.item)
            else f"Item {choice.item.number}: {choice.item.title}")
        if choice.procedural:
            self.note.setText("Procedural (minutes approved, report noted, work programme "
                              "agreed): left out unless you tick it.")
            self.note.show()
        else:
            self.note.hide()
        self.accept_box.setText("Save this action" if choice.kind == ACTION
                                else "Save this recommendation")
        self.accept_box.setChecked(choice.accepted)
        if self.wording.toPlainText() != choice.text:
            self.wording.setPlainText(choice.text)
        self.wording.setAccessibleName(f"Wording of the {choice.title().lower()}")
        self.owner.setText(choice.owner)
        self._set_editing(True, choice.kind == ACTION)
        self._show_minutes(choice.item)
        self.choice = choice
        self._refresh_restore()

    def refresh_tick(self) -> None:
        if self.choice is not None and self.accept_box.isChecked() != self.choice.accepted:
            choice, self.choice = self.choice, None
            self.accept_box.setChecked(choice.accepted)
            self.choice = choice

    def _refresh_restore(self) -> None:
        self.restore_button.setEnabled(self.choice is not None and self.choice.edited)

    # -- editing
    def start_editing(self) -> None:
        if self.choice is None:
            return
        self.wording.setFocus(Qt.FocusReason.ShortcutFocusReason)
        cursor = self.wording.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.wording.setTextCursor(cursor)

    def _accept_toggled(self, checked: bool) -> None:
        if self.choice is not None and self.choice.accepted != checked:
            self.choice.accepted = checked
            self.changed.emit(self.choice)

    def _wording_changed(self) -> None:
        if self.choice is not None and self.wording.toPlainText() != self.choice.text:
            self.choice.text = self.wording.toPlainText()
            self._refresh_restore()
            self.changed.emit(self.choice)

    def _owner_edited(self, text: str) -> None:
        if self.choice is not None:
            self.choice.owner = text
            self._refresh_restore()
            self.changed.emit(self.choice)

    def _restore(self) -> None:
        if self.choice is None:
            return
        choice = self.choice
        choice.restore()
        self.show_choice(choice)
        self.changed.emit(choice)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.done.emit()
                return True
            if watched is self.owner and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.done.emit()
                return True
        return super().eventFilter(watched, event)
