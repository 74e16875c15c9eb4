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

from desktop_app.domain import dates
from desktop_app.domain.records import WorkItemRow
from desktop_app.services import meetings as meetings_service
from desktop_app.services import work_programme as wp_service
from desktop_app.services.common import today
from desktop_app.services.errors import ServiceError
from desktop_app.ui.work_programme.work_programme_model import (Section, WorkProgrammeModel,
                                                        section_key_of)
from desktop_app.ui.tab_api import TabPage
from desktop_app.ui.undo import UndoableEdits
from desktop_app.ui.work_programme.work_item_dialogs import MoveDialog, WorkItemDialog
from desktop_app.ui.work_programme.parts import (HEADING_BG, HEADING_LINE, HEADING_SUB,
                                                       HEADING_TEXT, SectionDelegate,
                                                       detail_html)
from desktop_app.ui.widgets.search_box import SearchBox
from desktop_app.ui.widgets.wrapped_grid import RowFitter, grid, set_widths

__all__ = ["HEADING_BG", "HEADING_LINE", "HEADING_SUB", "HEADING_TEXT", "SectionDelegate",
           "WorkProgrammeTab"]


class WorkProgrammeTab(UndoableEdits, TabPage):
    title = "Work programme"
    conflict_noun = "work programme item"

    def __init__(self, db, undo_stack, parent=None):
        super().__init__(db, undo_stack, parent)
        self._item: WorkItemRow | None = None
        self._build()
        self._update_actions()

    # ================================================================== layout
    def _build(self) -> None:
        self.toolbar = QToolBar("Work programme")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action("&New item\u2026", self.new_item,
                                       "Add an item, briefing note, workshop or task and finish "
                                       "group")
        self.edit_action = self._action("&Edit item\u2026", self.edit_item,
                                        "Change the chosen item")
        self.move_action = self._action("&Move to meeting\u2026", self.move_item,
                                        "Move the chosen item to another meeting (the reason is "
                                        "kept); you can also drag it")
        self.drop_action = self._action("&Drop item", self.drop_item,
                                        "Take the item off the work programme (Undo restores it)")
        self.restore_action = self._action("&Restore item", self.restore_item,
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
        self.view.setShowGrid(True)
        self.view.setStyleSheet("QTableView { gridline-color: #e1e4e8; }")
        self.view.setAlternatingRowColors(False)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.viewport().setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        w = WorkProgrammeModel
        set_widths(self.view, {w.ITEM: 270, w.ORIGIN: 330, w.LEAD: 210, w.STATUS: 95},
                   w.POSITION)
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

    # ================================================================== TabPage
    def refresh(self) -> None:
        if not self.committee:
            self.stack.setCurrentWidget(self.placeholder)
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
        try:
            items = wp_service.list_work_programme(self.db, self.committee)
            meetings = meetings_service.list_meetings(self.db, self.committee)
        except ServiceError as exc:
            self.status.emit(str(exc))
            items, meetings = [], []
        self.model.set_data(items, meetings, today())
        self.select_item(keep)
        if self._first_load and keep is None:
            # Open at the next meeting still to come, as officers read the programme.
            self._first_load = False
            now = today()
            upcoming = next((m for m in sorted(meetings, key=lambda m: m.date)
                             if m.date >= now and m.status != "cancelled"), None)
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
        self.new_item()

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
            and item.status != "dropped"
        self.move_action.setEnabled(movable)
        self.drop_action.setEnabled(item is not None and item.status != "dropped")
        self.restore_action.setEnabled(item is not None and item.status == "dropped")

    # ================================================================== edits
    def _after_edit(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def _meetings(self):
        return self.model.meetings()

    def new_item(self, format: str | None = None) -> WorkItemDialog | None:
        if not self.committee:
            return None
        section = self.current_section()
        if format is None:
            format = section.key[1] if section and section.key[0] == "format" else "agenda_item"
        meeting_id = section.meeting.id if section and section.meeting else None

        def submit(v: dict):
            row = wp_service.add_work_item(
                self.db, self.committee, v["title"], format=v["format"], meeting=v["meeting"],
                scrutiny_type=v["scrutiny_type"], origin=v["origin"], lead=v["lead"],
                position=v["position"], target=v["target"], target_date=v["target_date"])
            self._item = row
            self._after_edit()
            self.status.emit(f"Added \u201c{row.title}\u201d to the work programme")
            return row

        dialog = WorkItemDialog(self, None, self._meetings(), format, meeting_id,
                                on_submit=submit)
        dialog.open()
        return dialog

    def edit_item(self) -> WorkItemDialog | None:
        item = self._item
        if item is None:
            return None
        old = {"title": item.title, "format": item.format, "scrutiny_type": item.scrutiny_type,
               "origin": item.origin, "lead_officers": item.lead,
               "current_position": item.position, "target_text": item.target,
               "target_date": item.target_date, "status": item.status}

        def submit(v: dict):
            values = {"title": v["title"], "format": v["format"],
                      "scrutiny_type": v["scrutiny_type"], "origin": v["origin"],
                      "lead_officers": v["lead"], "current_position": v["position"],
                      "target_text": v["target"], "target_date": v["target_date"],
                      "status": v["status"]}
            new = {k: val for k, val in values.items() if val != old[k] and
                   not (k == "target_date" and val is None)}
            if not new:
                return item
            return self._versioned(wp_service.update_work_item, item.id, item.version, new,
                                   {k: old[k] for k in new}, f"Edit \u201c{item.title}\u201d",
                                   in_dialog=True)

        dialog = WorkItemDialog(self, item, self._meetings(), on_submit=submit)
        dialog.open()
        return dialog

    def move_item(self, to_date=None, preselect: bool = False,
                  item: WorkItemRow | None = None) -> MoveDialog | None:
        """Ask for the meeting and the reason, then move (the command "Move to meeting…")."""
        item = item or self._item
        if item is None or section_key_of(item)[0] == "format":
            return None

        def submit(v: dict):
            return self.apply_move(item, v["to_date"], v["reason"], in_dialog=True)

        dialog = MoveDialog(self, item, self._meetings(), to_date, preselect, on_submit=submit)
        dialog.open()
        return dialog

    def apply_move(self, item: WorkItemRow, to_date, reason: str, in_dialog: bool = False):
        """Move through the service; Undo moves it back and restores position and status."""
        state = {"version": item.version}
        where = dates.format_uk(to_date) if to_date else "To be scheduled"

        def do():
            row = wp_service.move_work_item(self.db, item.id, to_date, reason,
                                            if_version=state["version"])
            state["version"] = row.version
            return row

        def undo():
            back = wp_service.move_work_item(self.db, item.id, item.meeting_date,
                                             f"Move to {where} undone",
                                             if_version=state["version"])
            row = wp_service.update_work_item(self.db, item.id, if_version=back.version,
                                              current_position=item.position,
                                              status=item.status)
            state["version"] = row.version
            return row

        row = self.push(f"Move \u201c{item.title}\u201d to {where}", do, undo, in_dialog)
        if row is not None:
            self.select_item(row.id)
        return row

    def _drop_requested(self, item_id: int, key) -> None:
        item = self.model.item(item_id)
        section = self.model.section(tuple(key))
        if item is None or section is None:
            return
        self.select_item(item_id)
        self.move_item(section.meeting_date, preselect=True, item=item)

    def drop_item(self) -> None:
        item = self._item
        if item is None or item.status == "dropped":
            return
        state: dict = {}

        def do():
            row = wp_service.drop_work_item(self.db, item.id)
            state["version"] = row.version
            return row

        def undo():
            return wp_service.update_work_item(self.db, item.id, if_version=state.get("version"),
                                               status=item.status,
                                               current_position=item.position)

        self.push(f"Drop \u201c{item.title}\u201d", do, undo)

    def restore_item(self) -> None:
        item = self._item
        if item is None or item.status != "dropped":
            return
        status = "scheduled" if item.meeting_id else "proposed"
        self._versioned(wp_service.update_work_item, item.id, item.version, {"status": status},
                        {"status": "dropped"}, f"Restore \u201c{item.title}\u201d")

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
            self.edit_item()
        elif isinstance(row, Section):
            self.new_item()

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.edit_action, self.move_action, None, self.drop_action,
                       self.restore_action, None, self.new_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))
