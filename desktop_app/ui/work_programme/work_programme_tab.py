"""The Work programme tab, laid out like the committee's own work programme: one section per
meeting (date, kind, deadlines, then Item | Origin | Lead officer(s) | Current position), then
"To be scheduled", workshops, task and finish groups and briefing notes.

Items move between meetings by drag and drop or with "Move to meeting…"; either way the
reason is asked for and kept (services.work_programme.move_work_item), and Undo moves back.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QMenu, QSizePolicy, QSplitter,
                               QTextBrowser, QToolBar, QWidget)

from desktop_app.domain.enums import MeetingStatus, WorkStatus
from desktop_app.domain.records import WorkItemRow
from desktop_app.services.clock import today
from desktop_app.ui.work_programme.work_programme_model import (Section, WorkProgrammeModel,
                                                        section_key_of)
from desktop_app.ui.tab_api import TabPage
from desktop_app.ui.work_programme.columns import WorkProgrammeColumns
from desktop_app.ui.work_programme.controller import WorkProgrammeController
from desktop_app.ui.work_programme.parts import (HEADING_BG, HEADING_LINE, HEADING_SUB,
                                                       HEADING_TEXT, SectionDelegate,
                                                       detail_html)
from desktop_app.ui.widgets.grid_lines import GRID_COLOUR
from desktop_app.ui.widgets.search_box import SearchBox
from desktop_app.ui.widgets.wrapped_grid import RowFitter, grid, set_widths

__all__ = ["HEADING_BG", "HEADING_LINE", "HEADING_SUB", "HEADING_TEXT", "SectionDelegate",
           "WorkProgrammeTab"]


class WorkProgrammeTab(TabPage):
    """Lays out and shows; what is done goes through ``self.controller``."""

    title = "Work programme"

    def __init__(self, db, undo_stack, parent=None, *, build: bool = True):
        super().__init__(db, undo_stack, parent)
        self._item: WorkItemRow | None = None
        self.controller = WorkProgrammeController(self)
        self._built = False
        if build:
            self.build()

    # ================================================================== layout
    def _build(self) -> None:
        self.toolbar = QToolBar("Work programme")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action("&New item\u2026", self.controller.new_item,
                                       "Add an item, briefing note, workshop or task and finish "
                                       "group")
        self.edit_action = self._action("&Edit item\u2026", self.controller.edit_item,
                                        "Change the chosen item")
        self.move_action = self._action("&Move to meeting\u2026", self.controller.move_item,
                                        "Move the chosen item to another meeting (the reason is "
                                        "kept); you can also drag it")
        self.drop_action = self._action("&Drop item", self.controller.drop_item,
                                        "Take the item off the work programme (Undo restores it)")
        self.restore_action = self._action("&Restore item", self.controller.restore_item,
                                           "Put a dropped item back on the work programme")
        for action in (self.new_action, self.edit_action, self.move_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.drop_action)
        self.toolbar.addAction(self.restore_action)
        self.toolbar.addSeparator()
        self.show_dropped_check = QCheckBox("Show dropped items")
        self.show_dropped_check.setAccessibleName("Show dropped items")
        self.toolbar.addWidget(self.show_dropped_check)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_edit = SearchBox(self, "Find in the work programme")
        self.search_edit.setMinimumWidth(280)
        self.toolbar.addWidget(self.search_edit)

        self.model = WorkProgrammeModel(self)
        self.view = grid("Work programme")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SectionDelegate(self.view))
        self.view.colour_grid(GRID_COLOUR)
        self.view.setAlternatingRowColors(False)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)   # Qt passes it on to the viewport
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        w = WorkProgrammeModel
        set_widths(self.view, {w.ITEM: 270, w.ORIGIN: 330, w.LEAD: 210, w.STATUS: 95},
                   w.POSITION)
        self.columns = WorkProgrammeColumns(self.view, self.model)
        self.toolbar.insertWidget(self.toolbar.actions()[-2], self.columns.button)
        self.fitter = RowFitter(self.view)
        self.fitter.fitted.connect(self._scroll_pending)
        self._pending_scroll: int | None = None
        self._first_load = True
        self._loaded_committee: str | None = None

        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Item details and history")
        self.detail.setOpenLinks(False)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([540, 140])
        self.splitter.setChildrenCollapsible(False)

        self.lay_out(self.toolbar, self.splitter, "Choose a committee to see its work programme.")

        self.model.modelReset.connect(self._set_spans)
        self.model.move_requested.connect(self._drop_requested, Qt.ConnectionType.QueuedConnection)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.customContextMenuRequested.connect(self._menu)
        self.show_dropped_check.toggled.connect(self._show_dropped)
        self.search_edit.textChanged.connect(self._search)
        self._update_actions()

    # ================================================================== TabPage
    def refresh(self) -> None:
        if not self.committee:
            self.show_placeholder()
            self.model.set_data([], [])
            self._show_item(None)
            return
        self.stack.setCurrentWidget(self.splitter)
        if self.committee != self._loaded_committee:
            # Another committee (the window may set ``committee`` directly): open its
            # programme at its next meeting.
            self._loaded_committee = self.committee
            self._item = None
            self._first_load = True
        keep = self._item.id if self._item else None
        items, meetings = self.controller.load(self.committee)
        self.columns.committee = self.committee
        self.model.set_data(items, meetings, today())
        self.select_item(keep)
        if self._first_load and keep is None:
            # Open at the next meeting still to come, as officers read the programme.
            self._first_load = False
            now = today()
            upcoming = next((m for m in sorted(meetings, key=lambda m: m.date)
                             if m.date >= now and m.status != MeetingStatus.CANCELLED), None)
            if upcoming is not None:
                self._pending_scroll = self.model.heading_row_of(("meeting", upcoming.id))

    def _scroll_pending(self) -> None:
        if not self.view.isVisible():
            return          # widths (so row heights) are final only once shown
        row, self._pending_scroll = self._pending_scroll, None
        if row is not None and row >= 0:
            self.view.scrollTo(self.model.index(row, 0),
                               QAbstractItemView.ScrollHint.PositionAtTop)

    def new_record(self) -> None:
        self.controller.new_item()

    def focus_search(self) -> None:
        self.search_edit.focus()

    # ================================================================== selection
    def _set_spans(self) -> None:
        self.view.clearSpans()
        for row in self.model.heading_rows():
            self.view.setSpan(row, 0, 1, self.model.columnCount())

    def select_item(self, item_id: int | None) -> None:
        row = self.model.item_row_of(item_id) if item_id is not None else -1
        if row < 0:
            self.view.selectionModel().clearSelection()
            self._show_item(None)
            return
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        self._show_item(self.model.row_at(row))

    def current_item(self) -> WorkItemRow | None:
        return self._item

    def current_section(self) -> Section | None:
        index = self.view.currentIndex()
        return self.model.section_at(index.row()) if index.isValid() else None

    def _current_changed(self, current, _previous) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._show_item(row if isinstance(row, WorkItemRow) else None)

    def _show_item(self, item: WorkItemRow | None) -> None:
        self._item = item
        self.detail.setHtml(detail_html(item))
        self._update_actions()

    def _update_actions(self) -> None:
        item = self._item
        self.new_action.setEnabled(bool(self.committee))
        self.edit_action.setEnabled(item is not None)
        movable = item is not None and section_key_of(item)[0] != "format" \
            and item.status != WorkStatus.DROPPED
        self.move_action.setEnabled(movable)
        self.drop_action.setEnabled(item is not None and item.status != WorkStatus.DROPPED)
        self.restore_action.setEnabled(item is not None and item.status == WorkStatus.DROPPED)

    # ================================================================== edits
    def after_edit(self, chosen: WorkItemRow | None = None) -> None:
        """After an edit (or its undo): reload (showing ``chosen`` when given), and tell the
        window the data changed."""
        if chosen is not None:
            self._item = chosen
        self.refresh()
        self.data_changed.emit()

    def _drop_requested(self, item_id: int, key) -> None:
        item = self.model.item(item_id)
        section = self.model.section(tuple(key))
        if item is None or section is None:
            return
        self.select_item(item_id)
        self.controller.move_item(section.meeting_date, preselect=True, item=item)

    # ================================================================== view events
    def _show_dropped(self, on: bool) -> None:
        keep = self._item.id if self._item else None
        self.model.set_show_dropped(on)
        self.select_item(keep)

    def _search(self, text: str) -> None:
        keep = self._item.id if self._item else None
        self.model.set_filter_text(text)
        self.select_item(keep)

    def _double_clicked(self, index) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if isinstance(row, WorkItemRow):
            self.controller.edit_item()
        elif isinstance(row, Section):
            self.controller.new_item()

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.edit_action, self.move_action, None, self.drop_action,
                       self.restore_action, None, self.new_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))
