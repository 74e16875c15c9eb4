"""The minutes review screen (issue 6): read a minutes file, let the officer accept, edit or drop
each proposed recommendation and action, then save only what was accepted.

    dialog = MinutesReviewDialog(db, committee, parent=window)   # asks for the file
    dialog.saved.connect(window.refresh_all)                     # ImportSummary
    dialog.open()

Reading the file and saving both run off the UI thread (``workers.start_job``). The file is
parsed by ``importers.minutes``; saving goes through ``services.minutes_import.save_minutes``
with a reduced proposal (only the ticked proposals, as edited) and ``accept=everything``,
since the officer has already chosen. Saving the same minutes again adds nothing: the service
matches what is stored, and the dialog says "nothing new".

Keyboard: arrows move in the list, Space ticks or unticks (on an item: all its proposals),
Enter / F2 / double-click edit the wording in the pane on the right, Escape there goes back to
the list. Edits apply as they are typed.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QFileDialog, QFrame,
                               QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QSplitter,
                               QStackedWidget, QStyledItemDelegate, QStyleOptionViewItem,
                               QTreeView, QVBoxLayout, QWidget)

from desktop_app.db.engine import Database
from desktop_app.domain import dates
from desktop_app.importers.minutes import MinutesProposal, parse_minutes_file, title_key
from desktop_app.services.minutes_import import ImportSummary, everything, save_minutes
from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line, show_error
from desktop_app.ui.minutes_review_model import (ACTION, REC, Choice, MinutesReviewModel,
                                                 ReviewState, item_flags, item_heading)
from desktop_app.ui.models.meetings_model import format_time
from desktop_app.ui.views.detail_parts import TextArea, heading, muted, section
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.workers import Job, start_job

log = logging.getLogger(__name__)

KEY_FOLDER = "minutes/last_folder"
FILE_FILTER = "Minutes (*.txt *.md *.html *.htm *.docx);;All files (*)"

_BANNER = {
    "saved": "QLabel { color: #1e4620; background: #edf7ee; border: 1px solid #a5d6a7; "
             "border-radius: 4px; padding: 8px 10px; }",
    "nothing": "QLabel { color: #1f3a60; background: #eef3fa; border: 1px solid #b9cbe3; "
               "border-radius: 4px; padding: 8px 10px; }",
}
_AMBER = "color: #8a5a00;"
_RED = "color: #a4262c;"


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def counts_text(recs: int, actions: int) -> str:
    """"5 recommendations, 3 actions selected"."""
    return f"{_count(recs, 'recommendation')}, {_count(actions, 'action')} selected"


def summary_text(summary: ImportSummary, left_out: tuple[int, int] = (0, 0)) -> str:
    """What a save did, in a sentence or two: created / already there / nothing new."""
    day = dates.format_uk(summary.meeting_date)
    existing = []
    if summary.recommendations_existing:
        existing.append(_count(summary.recommendations_existing, "recommendation"))
    if summary.actions_existing:
        existing.append(_count(summary.actions_existing, "action"))
    if summary.created_anything:
        added = []
        if summary.meeting_created:
            added.append("the meeting")
        if summary.items_created:
            added.append(_count(len(summary.items_created), "agenda item"))
        if summary.recommendations_created:
            added.append(_count(summary.recommendations_created, "recommendation"))
        if summary.actions_created:
            added.append(_count(summary.actions_created, "action"))
        text = f"Saved to {summary.committee}, meeting of {day}: added {_and(added)}."
        if existing:
            text += f" Already there: {_and(existing)}."
    else:
        text = (f"Nothing new: these minutes are already saved for the meeting of {day}"
                + (f" ({_and(existing)} already there)." if existing else "."))
    if summary.items_updated:
        text += (" Filled in the minutes of item" + ("s " if len(summary.items_updated) > 1
                                                    else " ")
                 + _and(summary.items_updated) + ".")
    dropped = []
    if left_out[0]:
        dropped.append(_count(left_out[0], "recommendation"))
    if left_out[1]:
        dropped.append(_count(left_out[1], "action"))
    if dropped:
        text += f" Left out as you chose: {_and(dropped)}."
    for warning in summary.warnings:
        text += f"\nNote: {warning}."
    return text


class _WrapDelegate(QStyledItemDelegate):
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
            label.setText(f"Minutes of item {item.number}")
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
        self.item_label.setText("  \u00b7  ".join(flags) if flags else "Agenda item")
        n_recs, n_actions = len(item.recommendations), len(item.actions)
        self.note.setText(
            f"{_count(n_recs, 'recommendation')} and {_count(n_actions, 'action')} proposed. "
            "The item and its minutes are saved with the meeting whatever you tick.")
        self.note.show()
        self._set_editing(False)
        self._show_minutes(item)

    def show_choice(self, choice: Choice) -> None:
        self.choice = None  # no echo while filling in
        self.title.setText(choice.title())
        self.item_label.setText(f"Item {choice.item.number}: {choice.item.title}")
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


class MinutesReviewDialog(QDialog):
    """Review a minutes file before saving it to ``committee``; ``saved`` gives the summary."""

    saved = Signal(object)   # ImportSummary

    def __init__(self, db: Database, committee: str, path: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.committee = committee
        self.committee_name = committee          # the full name, once the database says it
        self.path: str | None = None
        self._loaded_path: str | None = None
        self.proposal: MinutesProposal | None = None
        self.review: ReviewState | None = None
        self.last_summary: ImportSummary | None = None
        self.phase = "empty"                     # empty / reading / ready / failed
        self.jobs: list[Job] = []
        self._saving = False
        self._closed = False
        self._asked_for_file = path is not None
        self._unsaved_edits = False
        self._generation = 0                     # bumped to ignore a stale preview
        self._split_done = False

        self.setWindowTitle("Review minutes")
        self.setObjectName("minutesReviewDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self._build()
        self._size_for(parent)
        if path:
            self.load(path)
        else:
            self._show_placeholder("Choose a minutes file (.txt, .md, .html or .docx) to "
                                   "review.")

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.heading = heading("Review minutes", 5)
        self.heading.setAccessibleName("Minutes file")
        self.file_label = muted()
        self.file_label.setAccessibleName("File")
        self.choose_button = QPushButton("Choose &file\u2026")
        self.choose_button.setAccessibleName("Choose a minutes file")
        self.choose_button.setToolTip("Open another minutes file (.txt, .md, .html, .docx)")
        self.choose_button.clicked.connect(self.choose_file)

        # The meeting: date (or a date field), time, venue, committee.
        self.when_label = QLabel()
        f = self.when_label.font()
        f.setWeight(QFont.Weight.DemiBold)
        f.setPointSizeF(f.pointSizeF() + 1)
        self.when_label.setFont(f)
        self.when_label.setAccessibleName("Meeting date and time")
        self.when_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date_label = QLabel("Meeting &date:")
        self.date_edit = DateEdit(allow_blank=False)
        self.date_edit.setAccessibleName("Meeting date")
        self.date_edit.setToolTip("The minutes do not give the date of the meeting: enter it "
                                  "(day/month/year) to save them.")
        self.date_label.setBuddy(self.date_edit)
        self.date_hint = QLabel("The minutes do not give the meeting date: enter it to save.")
        self.date_hint.setStyleSheet(_AMBER)
        self.date_hint.setAccessibleName("Meeting date needed")
        self.date_row = QWidget()
        row = QHBoxLayout(self.date_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_label)
        row.addWidget(self.date_edit)
        row.addWidget(self.date_hint, 1)
        self.venue_label = muted()
        self.venue_label.setAccessibleName("Venue")
        self.committee_label = muted()
        self.committee_label.setAccessibleName("Committee")
        self.preview_label = muted()
        self.preview_label.setAccessibleName("Already in the tracker")
        self.date_edit.line.textChanged.connect(self._update_buttons)
        self.date_edit.dateChanged.connect(lambda _day: self._preview())

        meeting = QWidget()
        grid = QGridLayout(meeting)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        when = QHBoxLayout()
        when.setSpacing(14)
        when.addWidget(self.when_label)
        when.addWidget(self.date_row)
        when.addWidget(self.venue_label, 1)
        grid.addLayout(when, 0, 0)
        grid.addWidget(self.committee_label, 1, 0)
        grid.addWidget(self.preview_label, 2, 0)
        self.meeting_box = meeting

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.file_label)
        top.addLayout(titles, 1)
        top.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)

        # The list and the edit pane.
        self.model = MinutesReviewModel(self)
        self.tree = ReviewTree()
        self.tree.setObjectName("minutesReviewTree")
        self.tree.setAccessibleName("Proposed recommendations and actions")
        self.tree.setAccessibleDescription(
            "Space ticks or unticks; Enter edits the wording; ticked proposals are saved.")
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setIndentation(18)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MinutesReviewModel.CHOICE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MinutesReviewModel.WORDING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MinutesReviewModel.OWNER, QHeaderView.ResizeMode.Interactive)
        fm = self.tree.fontMetrics()
        header.resizeSection(MinutesReviewModel.CHOICE,
                             fm.horizontalAdvance("Procedural (c)") + 64)
        header.resizeSection(MinutesReviewModel.OWNER, fm.horizontalAdvance("M") * 13)
        header.sectionResized.connect(self.tree.schedule_relayout)
        self.tree.edit_requested.connect(self._edit_current)
        self.tree.doubleClicked.connect(lambda _index: self._edit_current())
        self.model.choices_changed.connect(self._choices_changed)
        self.model.modelReset.connect(self._after_reset)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.pane = EditPane()
        self.pane.setObjectName("minutesEditPane")
        self.pane.changed.connect(self._pane_changed)
        self.pane.done.connect(lambda: self.tree.setFocus(Qt.FocusReason.OtherFocusReason))

        list_head = QHBoxLayout()
        self.count_label = QLabel()
        f = self.count_label.font()
        f.setWeight(QFont.Weight.DemiBold)
        self.count_label.setFont(f)
        self.count_label.setObjectName("minutesReviewCounts")
        self.count_label.setAccessibleName("Selected")
        self.tick_all_button = QPushButton("Tick all")
        self.tick_all_button.setAccessibleName("Tick every proposal")
        self.untick_all_button = QPushButton("Untick all")
        self.untick_all_button.setAccessibleName("Untick every proposal")
        self.default_button = QPushButton("Substantive only")
        self.default_button.setAccessibleName("Tick all but the procedural resolutions")
        self.default_button.setToolTip("Tick every recommendation and action except procedural "
                                       "resolutions (the starting choice)")
        self.tick_all_button.clicked.connect(lambda: self.model.set_all("all"))
        self.untick_all_button.clicked.connect(lambda: self.model.set_all("none"))
        self.default_button.clicked.connect(lambda: self.model.set_all("default"))
        list_head.addWidget(self.count_label)
        list_head.addStretch(1)
        for button in (self.tick_all_button, self.untick_all_button, self.default_button):
            list_head.addWidget(button)

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(4)
        left_lay.addLayout(list_head)
        left_lay.addWidget(self.tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName("Status")
        self.placeholder.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.splitter)

        # Problems, the result of a save, and the buttons.
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(_RED)
        self.problem_label.setAccessibleName("Problem")
        self.problem_label.hide()
        self.result_label = QLabel()
        self.result_label.setObjectName("minutesReviewResult")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("Result of saving")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.save_button = QPushButton("&Save to tracker")
        self.save_button.setObjectName("minutesReviewSave")
        self.save_button.setAccessibleName("Save the ticked proposals to the tracker")
        self.save_button.setToolTip("Save the meeting, its items and the ticked "
                                    "recommendations and actions (Ctrl+S)")
        self.save_button.setShortcut("Ctrl+S")
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(8)
        lay.addLayout(top)
        lay.addWidget(self.meeting_box)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.result_label)
        lay.addLayout(buttons)

        # Enter belongs to the list and the fields: no button presses itself.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.setTabOrder(self.tree, self.pane.accept_box)
        self._update_buttons()

    def _size_for(self, parent: QWidget | None) -> None:
        if parent is not None:
            base = parent.window().size()
        else:
            screen = self.screen()
            base = screen.availableSize() if screen is not None else QSize(1366, 728)
        self.resize(max(720, min(1240, base.width() - 40)),
                    max(520, min(740, base.height() - 30)))
        self.setMinimumSize(720, 480)

    # ------------------------------------------------------------------ reading a file
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._split_done:
            self._split_done = True
            total = max(self.width() - 40, 400)
            self.splitter.setSizes([round(total * 0.62), total - round(total * 0.62)])
        if not self._asked_for_file:
            self._asked_for_file = True
            QTimer.singleShot(0, lambda: self.choose_file(first=True))

    def choose_file(self, first: bool = False) -> None:
        if self._closed or self._saving:
            return
        start = str(Path(self.path).parent) if self.path else app_state.read_str(KEY_FOLDER)
        path, _ = QFileDialog.getOpenFileName(self, "Choose minutes to review", start,
                                              FILE_FILTER)
        if path:
            app_state.write(KEY_FOLDER, str(Path(path).parent))
            self.load(path)
        elif first and self.proposal is None:
            self.reject()

    def load(self, path: str) -> None:
        """Read and parse ``path`` off the UI thread, then show the proposal."""
        self.path = str(path)
        self.phase = "reading"
        self._generation += 1
        self.result_label.hide()
        name = Path(self.path).name
        self.heading.setText(f"Review minutes: {name}")
        self.file_label.setText(self.path)
        self.file_label.setToolTip(self.path)
        self.meeting_box.hide()
        self._show_placeholder(f"Reading {name}\u2026")
        self._update_buttons()
        db, committee, source = self.db, self.committee, self.path

        def work(ctx) -> tuple[MinutesProposal, str]:
            proposal = parse_minutes_file(source)
            return proposal, _committee_name(db, committee)

        self._start(work, self._loaded, self._load_failed)

    def _loaded(self, result: tuple[MinutesProposal, str]) -> None:
        proposal, self.committee_name = result
        self._loaded_path = self.path
        self.proposal = proposal
        self.review = ReviewState(proposal)
        self._unsaved_edits = False
        self.phase = "ready"
        self.model.set_state(self.review)
        self.stack.setCurrentWidget(self.splitter)
        self._show_meeting()
        self._select_first()
        self._update_buttons()
        self._preview()

    def _load_failed(self, exc: BaseException) -> None:
        self.phase = "failed" if self.proposal is None else "ready"
        name = Path(self.path or "").name
        if self.proposal is None:
            self.heading.setText("Review minutes")
            self._show_placeholder(f"Could not read {name}.\n{first_line(exc)}\n\n"
                                   "Choose another file to carry on.")
        else:  # another file was chosen and failed: keep reviewing the one already read
            self.path = self._loaded_path
            self.heading.setText(f"Review minutes: {Path(self.path).name}")
            self.file_label.setText(self.path)
            self.file_label.setToolTip(self.path)
            self.stack.setCurrentWidget(self.splitter)
            self.meeting_box.show()
        self._update_buttons()
        show_error(self, exc, "Cannot read the minutes")

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def _show_meeting(self) -> None:
        p = self.proposal
        if p.meeting_date is not None:
            when = dates.format_uk(p.meeting_date, "full")
            if p.start_time is not None:
                when += f", {format_time(p.start_time)}"
            self.when_label.setText(when)
            self.when_label.show()
            self.date_row.hide()
        else:
            self.when_label.hide()
            self.date_row.show()
            time = f" (starting {format_time(p.start_time)})" if p.start_time else ""
            self.date_hint.setText("The minutes do not give the meeting date: enter it to "
                                   f"save them{time}.")
        self.venue_label.setText(f"Venue: {p.venue}" if p.venue else "Venue: not given")
        text = f"Saving to: {self.committee_name}"
        mismatch = bool(p.committee_name) and not _same_committee(p.committee_name,
                                                                   self.committee_name)
        if mismatch:
            text += f" \u2014 note: the minutes are of the \u201c{p.committee_name}\u201d"
        self.committee_label.setText(text)
        self.committee_label.setStyleSheet(_AMBER if mismatch else "color: #5f6368;")
        self.preview_label.setText("")
        self.preview_label.setVisible(False)
        self.meeting_box.show()

    def _select_first(self) -> None:
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        for row in range(self.model.rowCount()):
            parent = self.model.index(row, 0)
            if self.model.rowCount(parent):
                self.tree.setCurrentIndex(self.model.index(0, 0, parent))
                return
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    # ------------------------------------------------------------------ what is stored already
    def _preview(self) -> None:
        """A dry run of the whole proposal: is this meeting saved, and how much of it?"""
        day = self.meeting_date()
        if self.proposal is None or day is None or self._closed:
            return
        self._generation += 1
        generation = self._generation
        db, committee, proposal = self.db, self.committee, self.proposal
        given = None if proposal.meeting_date else day

        def work(ctx) -> ImportSummary:
            return save_minutes(db, committee, proposal, accept=everything,
                                meeting_date=given, dry_run=True)

        self._start(work, lambda summary: self._previewed(generation, summary),
                    lambda exc: self._preview_failed(generation, exc))

    def _previewed(self, generation: int, summary: ImportSummary) -> None:
        if generation != self._generation or self.review is None:
            return
        recs, actions = self.review.totals()
        day = dates.format_uk(summary.meeting_date)
        if summary.meeting_created:
            text = (f"The meeting of {day} is not in the tracker yet: saving adds it with its "
                    f"{_count(len(summary.items_created), 'agenda item')}.")
        elif not (summary.recommendations_existing or summary.actions_existing):
            text = (f"The meeting of {day} is in the tracker; none of these recommendations "
                    "or actions is saved yet.")
        else:
            text = (f"The meeting of {day} is in the tracker, with "
                    f"{summary.recommendations_existing} of these {recs} recommendations and "
                    f"{summary.actions_existing} of these {actions} actions already saved: "
                    "saving them again adds nothing.")
        self.preview_label.setStyleSheet("color: #5f6368;")
        self.preview_label.setText(text)
        self.preview_label.show()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.info("minutes preview failed: %s", exc)
        self.preview_label.setStyleSheet(_RED)
        self.preview_label.setText(first_line(exc))
        self.preview_label.show()

    # ------------------------------------------------------------------ choosing and editing
    def _after_reset(self) -> None:
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        choice = self.model.choice(current)
        if choice is not None:
            self.pane.show_choice(choice)
        elif current.isValid():
            self.pane.show_item(self.model.item_of(current))
        else:
            self.pane.show_nothing()

    def _edit_current(self) -> None:
        index = self.tree.currentIndex()
        if self.model.choice(index) is not None:
            self.pane.start_editing()

    def _pane_changed(self, choice: Choice) -> None:
        if choice.edited:
            self._unsaved_edits = True
        self.model.choice_changed(choice)

    def _choices_changed(self) -> None:
        self.pane.refresh_tick()
        self._update_buttons()

    # ------------------------------------------------------------------ state of the buttons
    def meeting_date(self) -> dt.date | None:
        """The date the minutes give, else the one typed (None while blank or not a date)."""
        if self.proposal is None:
            return None
        if self.proposal.meeting_date is not None:
            return self.proposal.meeting_date
        try:
            return self.date_edit.date()
        except ValueError:
            return None

    def busy(self) -> bool:
        return any(not job.done for job in self.jobs)

    def wait_idle(self, timeout_s: float = 120.0) -> bool:
        """Process events until no job of this dialog is running (tests, smoke runs)."""
        while True:  # a finished job may start the next (reading, then the preview)
            running = [job for job in self.jobs if not job.done]
            if not running:
                return True
            if not running[0].wait(timeout_s):
                return False

    def save_problem(self) -> str | None:
        """Why Save is disabled, in words (None when it may save)."""
        if self.proposal is None or self.review is None:
            return "No minutes read yet."
        if self.meeting_date() is None:
            return ("Enter the meeting date (day/month/year): the minutes do not give it."
                    if not self.date_edit.text().strip()
                    else f"\u201c{self.date_edit.text().strip()}\u201d is not a date: type it "
                         "as day/month/year, e.g. 12/10/2021.")
        problems = self.review.problems()
        if problems:
            text = problems[0]
            return text[:1].upper() + text[1:] + ": type it or untick it."
        return None

    def _update_buttons(self, *_args) -> None:
        ready = self.review is not None
        problem = self.save_problem() if ready else None
        self.save_button.setEnabled(ready and problem is None and not self._saving
                                    and not self.busy())
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(ready and problem is not None)
        for button in (self.tick_all_button, self.untick_all_button, self.default_button):
            button.setEnabled(ready and not self._saving)
        self.choose_button.setEnabled(not self._saving and self.phase != "reading")
        if ready:
            recs, actions = self.review.counts()
            text = counts_text(recs, actions)
            edited = self.review.edited_count()
            if edited:
                text += f" ({edited} edited)"
            self.count_label.setText(text)
        else:
            self.count_label.setText("")

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Save the ticked proposals, as edited, in a worker; report and emit ``saved``."""
        self._update_buttons()
        if not self.save_button.isEnabled() or self.review is None or self.proposal is None:
            return
        day = self.meeting_date()
        reduced = self.review.reduced_proposal()
        given = None if self.proposal.meeting_date else day
        recs, actions = self.review.counts()
        total_recs, total_actions = self.review.totals()
        left_out = (total_recs - recs, total_actions - actions)
        db, committee = self.db, self.committee
        self._generation += 1          # a preview still on its way is out of date
        self._saving = True
        self.result_label.hide()
        self._update_buttons()

        def work(ctx) -> ImportSummary:
            return save_minutes(db, committee, reduced, accept=everything, meeting_date=given)

        self._start(work, lambda summary: self._saved(summary, left_out), self._save_failed,
                    title="Saving minutes", label="Saving the minutes\u2026")

    def _saved(self, summary: ImportSummary, left_out: tuple[int, int]) -> None:
        self._saving = False
        self._unsaved_edits = False
        self.last_summary = summary
        self.result_label.setText(summary_text(summary, left_out))
        self.result_label.setStyleSheet(_BANNER["saved" if summary.created_anything
                                                else "nothing"])
        self.result_label.show()
        self.preview_label.hide()
        self.close_button.setText("Close")
        self._update_buttons()
        self.saved.emit(summary)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update_buttons()
        show_error(self, exc, "Cannot save the minutes")

    # ------------------------------------------------------------------ jobs and closing
    def _start(self, fn, on_done, on_error, **kwargs) -> Job:
        def done(result) -> None:
            if not self._closed:
                on_done(result)
                self._update_buttons()

        def failed(exc: BaseException) -> None:
            if self._closed:
                log.info("minutes review closed before a job failed: %s", exc)
                return
            on_error(exc)
            self._update_buttons()

        self.jobs = [job for job in self.jobs if not job.done]
        job = start_job(fn, on_done=done, on_error=failed,
                        parent=self if "title" in kwargs else None, **kwargs)
        self.jobs.append(job)
        return job

    def reject(self) -> None:
        if self._saving:
            return  # the save finishes first (it is one quick transaction)
        if self._unsaved_edits and self.review is not None and self.review.edited_count():
            box = QMessageBox(self)
            box.setObjectName("minutesReviewDiscard")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle("Close without saving?")
            box.setText("You edited the wording of some proposals and have not saved them. "
                        "Close and lose the edits?")
            box.setStandardButtons(QMessageBox.StandardButton.Discard
                                   | QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._saving:
            event.ignore()
            return
        super().closeEvent(event)


# ---------------------------------------------------------------------------- helpers

def _committee_name(db: Database, committee: str) -> str:
    """The committee's full name (the window may pass a short name); as given on failure."""
    try:
        from desktop_app.services.committees import get_committee
        return get_committee(db, committee).name
    except Exception:  # noqa: BLE001 - saving reports a missing committee properly
        return committee


def _same_committee(in_minutes: str, ours: str) -> bool:
    a, b = title_key(in_minutes), title_key(ours)
    return not a or a in b or b in a


__all__ = ["MinutesReviewDialog", "counts_text", "summary_text", "REC", "ACTION"]
