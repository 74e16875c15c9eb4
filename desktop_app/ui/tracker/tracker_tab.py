"""The Tracker tab: the action log and the recommendations schedule, each a sortable, filterable
grid with a detail pane. Rows load off the UI thread (100,000 actions stay responsive); edits go
through the TrackerController (services + undo stack)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QToolButton, QVBoxLayout, QWidget

from desktop_app.services.workspace import Database
from desktop_app.ui import app_state
from desktop_app.ui.tracker.controller import ACTION, REC, TrackerController
from desktop_app.ui.tracker.filters import ACTION_FILTERS
from desktop_app.ui.tracker.loading import SHARED, SearchTexts, TrackerData, load_tracker
from desktop_app.ui.errors import Failed, show_error
from desktop_app.ui.tracker.actions_model import ActionsModel
from desktop_app.ui.tracker.grid_edits import GridEdits
from desktop_app.ui.tracker.recommendations_model import RecommendationsModel
from desktop_app.ui.tab_api import TabPage
from desktop_app.ui.widgets.column_chooser import ColumnsButton
from desktop_app.ui.tracker.action_detail import ActionDetail
from desktop_app.ui.tracker.record_grid import RecordGrid
from desktop_app.ui.tracker.recs_view import RecsView
from desktop_app.ui.workers import Job, start_job

_OVERDUE = attrgetter("overdue")   # summary(): each row's flag a bool, counted at C speed
_RESPONSE_OVERDUE = attrgetter("response_overdue")

if TYPE_CHECKING:   # the dialogs are imported when first opened (issue 18: a quicker start)
    from desktop_app.ui.tracker.recommendation_detail import RecommendationDetail
    from desktop_app.ui.tracker.new_record_dialogs import NewActionDialog, NewRecommendationDialog


class TrackerTab(TabPage):
    title = "Tracker"
    summary_changed = Signal(int, int)   # overdue actions, overdue executive responses
    next_meeting_changed = Signal(object)   # NextMeeting or None, after each load
    loaded = Signal()
    details_toggled = Signal(bool)   # the detail pane shown or hidden (button or View menu)

    def __init__(self, db: Database, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(db, undo_stack, parent)
        self.setObjectName("trackerTab")
        self._data = TrackerData(None)
        self._generation = 0
        self._loading = False
        self._job: Job | None = None
        self.dialog: NewActionDialog | NewRecommendationDialog | None = None

        self.actions_model = ActionsModel()
        self.recs_model = RecommendationsModel()
        self.search_texts = SearchTexts([self.actions_model, self.recs_model], self)
        self.action_detail = ActionDetail(db)
        self.actions_grid = RecordGrid("actions", "actions", self.actions_model,
                                       self.action_detail, ACTION_FILTERS)
        self.search_texts.watch(self.actions_grid.search)
        self.recs = RecsView(self)   # the Recommendations grid and pane: made when wanted
        self.filled = False   # rows loaded at least once (a grid made later is fitted then)
        self.views = QTabWidget()
        self.views.setObjectName("trackerViews")
        self.views.setDocumentMode(True)
        self.views.setAccessibleName("Tracker views")
        self.views.addTab(self.actions_grid, "Actions")
        self.views.addTab(self.recs.page, "Recommendations")
        # one "Columns..." for the grid shown, beside the Actions / Recommendations tabs
        self.columns_button = ColumnsButton(lambda: self.current_grid().table.column_menu(),
                                            "Choose the columns of the grid shown")
        self.columns_button.setObjectName("trackerColumnsButton")
        self.compact_button = self._toggle_button(
            "Compact rows", "Compact rows: three lines each (the full text in the tooltip)",
            "trackerCompactButton")
        self.details_button = self._toggle_button(
            "Details", "Show or hide the details pane", "trackerDetailsButton")
        corner = QWidget()
        corner_lay = QHBoxLayout(corner)
        corner_lay.setContentsMargins(0, 0, 0, 0)
        corner_lay.setSpacing(4)
        for w in (self.compact_button, self.details_button, self.columns_button):
            corner_lay.addWidget(w)
        self.views.setCornerWidget(corner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 4)
        lay.addWidget(self.views)
        if app_state.read_str(app_state.KEY_TRACKER_VIEW, "actions") == "recommendations":
            self.views.setCurrentIndex(1)
        self.views.currentChanged.connect(self.recs.view_changed)
        # what was remembered, shown without writing it back (a settings sync costs a file write)
        self.set_details_visible(app_state.read_bool(app_state.KEY_DETAILS, True), remember=False)
        self.set_compact(app_state.read_bool(app_state.KEY_COMPACT, False), remember=False)
        self.details_button.toggled.connect(self.set_details_visible)
        self.compact_button.toggled.connect(self.set_compact)

        self.controller = TrackerController(db, undo_stack, self, self.version_of)
        self.controller.row_changed.connect(self._row_changed)
        self.controller.row_removed.connect(self._row_removed)
        self.controller.message.connect(self.status)
        self.edits = GridEdits(self)   # editing in the grid, bulk changes of the selection

        self.actions_grid.current_changed.connect(lambda r: self.show_row(ACTION, r))
        d = self.action_detail
        d.save_requested.connect(lambda row, ch: self.saved(
            self.actions_grid, self.try_(self.controller.save_action, row, ch)))
        d.progress_requested.connect(
            lambda row, on, text: self.try_(self.controller.add_progress, row, on, text))
        d.complete_requested.connect(
            lambda row, on: self.try_(self.controller.complete_action, row, on))
        d.reopen_requested.connect(lambda row: self.try_(self.controller.reopen_action, row))
        d.reported_requested.connect(
            lambda row, mid: self.try_(self.controller.report_complete, row, mid))
        self.recs.view_changed(self.views.currentIndex())

    # ================================================================== the Recommendations
    @property
    def recs_grid(self) -> RecordGrid:
        """The Recommendations grid (made now if it has not been: ui/tracker/recs_view.py)."""
        return self.recs.made()

    @property
    def rec_detail(self) -> RecommendationDetail:
        """The Recommendations' detail pane (made with their grid)."""
        self.recs.made()
        assert self.recs.detail is not None
        return self.recs.detail

    def grids(self) -> list[RecordGrid]:
        """The grids made so far (the Actions always; the Recommendations once wanted)."""
        return [self.actions_grid] + ([self.recs.grid] if self.recs.grid is not None else [])

    # ================================================================== TabPage
    def refresh(self) -> None:
        """Reload the rows of the chosen committee (or all) on a worker thread."""
        self._generation += 1
        generation, committee = self._generation, self.committee
        self._loading = True
        for grid in self.grids():
            grid.count.setText("Loading\u2026")
        ticket = SHARED.ticket()
        self._job = start_job(lambda _ctx: load_tracker(self.db, committee, ticket),
                              on_done=lambda data: self._loaded(generation, data),
                              on_error=lambda exc: self._load_failed(generation, exc),
                              lane="window")

    def new_record(self) -> None:
        if self.views.currentIndex() == 0:
            self.new_action()
        else:
            self.new_recommendation()

    def focus_search(self) -> None:
        self.current_grid().search.focus()

    # ================================================================== loading
    def is_loading(self) -> bool:
        return self._loading

    def wait_loaded(self, timeout_s: float = 60.0) -> bool:
        while self._loading and self._job is not None:
            if not self._job.wait(timeout_s):
                return False
        return not self._loading

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.emit(f"Could not load the tracker: {exc}")
        show_error(self, exc)

    def _loaded(self, generation: int, data: TrackerData) -> None:
        if generation != self._generation:
            return
        self._data = data
        self.filled = True
        for grid, model, rows in ((self.actions_grid, self.actions_model, data.actions),
                                  (self.recs.grid, self.recs_model, data.recs)):
            if grid is None:   # not made yet: fitted when it is
                model.set_rows(rows)
                continue
            keep = grid.shown_id()
            model.set_rows(rows)
            self.fit(grid)
            grid.forget_shown()
            if keep is not None and model.find(keep) is not None and grid.select_id(keep):
                continue
            if keep is not None and model.find(keep) is None:
                grid.detail.show_row(None)
            elif keep is not None and not grid.detail.is_dirty():
                self.show_row(ACTION if grid is self.actions_grid else REC, model.find(keep))
        self._loading = False
        self.search_texts.rows_replaced()   # worked out when a search box is about to be used
        self._emit_summary()
        self.next_meeting_changed.emit(data.next_meeting)
        self.loaded.emit()

    def fit(self, grid: RecordGrid) -> None:
        """A grid's filter choices and columns for the rows loaded, the columns fitted once
        when all is known (not after each step)."""
        all_committees = self._data.committee is None
        grid.update_choices()
        grid.update_columns(None if all_committees else self._chosen_committee_name(),
                            fit=False)
        grid.table.set_column_visible("committee", all_committees, fit=False)
        if not grid.table.user_sized:
            grid.table.fit_columns()

    # ================================================================== showing
    def current_grid(self) -> RecordGrid:
        return self.actions_grid if self.views.currentIndex() == 0 else self.recs_grid

    def _grid(self, kind: str) -> RecordGrid:
        return self.actions_grid if kind == ACTION else self.recs_grid

    def version_of(self, kind: str, row_id: int) -> int | None:
        row = (self.actions_model if kind == ACTION else self.recs_model).find(row_id)
        return row.version if row is not None else None

    def meetings_of(self, committee_id: int) -> list[tuple[int, dt.date]]:
        return self._data.meetings.get(committee_id, [])

    def _meetings_by_name(self, name: str) -> list[tuple[int, dt.date]]:
        for cid, cname in self._data.committee_names.items():
            if cname == name:
                return self.meetings_of(cid)
        return []

    def show_row(self, kind: str, row: Any) -> None:
        grid = self._grid(kind)
        if row is None:
            grid.detail.show_row(None)
            return
        try:
            full = self.controller.full_row(kind, row.id)
        except Exception as exc:  # noqa: BLE001 - deleted by someone else meanwhile
            self.status.emit(str(exc))
            grid.model.remove_row(row.id)
            grid.detail.show_row(None)
            return
        if full.version != row.version:
            grid.model.replace_row(full)
        owners = sorted({r.owner for r in self.actions_model.rows} - {""}, key=str.lower) \
            if kind == ACTION else []
        directorates = sorted({r.directorate for r in self.actions_model.rows} - {""},
                              key=str.lower) if kind == ACTION else []
        grid.detail.set_choices(self.meetings_of(full.committee_id), owners, directorates)
        grid.detail.show_row(full)

    def show_view(self, kind: str, status: str | None = None) -> None:
        """Switch to Actions or Recommendations, optionally filtered by status only."""
        grid = self._grid(kind)
        self._show_grid(grid)
        if status is not None:
            grid.clear_filters()
            grid.set_status_filter(status)

    def _show_grid(self, grid: RecordGrid) -> None:
        self.views.setCurrentIndex(0 if grid is self.actions_grid else 1)

    @staticmethod
    def _toggle_button(text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setObjectName(name)
        return button

    def set_details_visible(self, visible: bool, *, remember: bool = True) -> None:
        """Show or hide the detail pane of both grids (remembered)."""
        for grid in self.grids():
            grid.detail.setVisible(visible)
        self.details_button.setChecked(visible)
        if remember:
            app_state.write(app_state.KEY_DETAILS, visible)
        self.details_toggled.emit(visible)

    def set_compact(self, compact: bool, *, remember: bool = True) -> None:
        """Compact rows (three lines each) or rows grown to their whole text (remembered)."""
        for grid in self.grids():
            grid.table.set_compact(compact)
        self.compact_button.setChecked(compact)
        if remember:
            app_state.write(app_state.KEY_COMPACT, compact)

    def is_compact(self) -> bool:
        return self.compact_button.isChecked()

    def details_visible(self) -> bool:
        return not self.action_detail.isHidden()

    # ================================================================== edits
    def try_(self, fn: Callable[..., Any], *args: Any) -> Any:
        try:
            return fn(*args)
        except Failed:
            return None

    def saved(self, grid: RecordGrid, result: Any) -> None:
        """After Save the focus goes back to the grid (not to the next box of the pane, whose own
        text undo would swallow Ctrl+Z), so Ctrl+Z undoes the save."""
        if result is not None:
            grid.table.setFocus()

    def _in_scope(self, row: Any) -> bool:
        """Whether a row belongs to the committee shown (an undo may touch another one)."""
        return self.committee is None or row.committee_id in self._data.meetings or \
            row.committee == self._chosen_committee_name()

    def _row_changed(self, kind: str, row: Any) -> None:
        grid = self._grid(kind)
        added = not grid.model.replace_row(row)
        if added and not self._in_scope(row):
            self.status.emit(f"Changed a record of {row.committee}")
            self.data_changed.emit()
            return
        if added:
            grid.model.add_row(row)
            grid.update_choices()
            if grid.proxy.proxy_row_of(row.id) is None:
                grid.clear_filters()
        if added or (grid.detail.row is not None and grid.detail.row.id == row.id):
            self._show_grid(grid)
            if grid.shown_id() == row.id and grid.is_selected(row.id):
                self.show_row(kind, row)     # a selection of several rows stays as it is
            elif not grid.select_id(row.id) or grid.shown_id() == row.id:
                self.show_row(kind, row)
        self._emit_summary()
        self.data_changed.emit()

    def _row_removed(self, kind: str, row_id: int) -> None:
        grid = self._grid(kind)
        grid.model.remove_row(row_id)
        if grid.detail.row is not None and grid.detail.row.id == row_id:
            grid.detail.show_row(None)
            grid.forget_shown()
        self._emit_summary()
        self.data_changed.emit()

    def summary(self) -> tuple[int, int]:
        return (sum(map(_OVERDUE, self.actions_model.rows)),
                sum(map(_RESPONSE_OVERDUE, self.recs_model.rows)))

    def _emit_summary(self) -> None:
        self.summary_changed.emit(*self.summary())

    # ================================================================== new records
    def _committee_names(self) -> list[str]:
        return sorted(self._data.committee_names.values(), key=str.lower)

    def _chosen_committee_name(self) -> str | None:
        if self.committee is None:
            return None
        key = self.committee.lower()
        for name in self._data.committee_names.values():
            if name.lower() == key:
                return name
        return self.committee

    def new_action(self) -> NewActionDialog:
        owners = sorted({r.owner for r in self.actions_model.rows} - {""}, key=str.lower)
        directorates = sorted({r.directorate for r in self.actions_model.rows} - {""},
                              key=str.lower)

        def submit(values: dict):
            return self.controller.add_action(values["committee"], values["meeting"],
                                              values["fields"])

        self._show_grid(self.actions_grid)
        from desktop_app.ui.tracker.new_record_dialogs import NewActionDialog
        self.dialog = NewActionDialog(self._committee_names(), self._chosen_committee_name(),
                                      self._meetings_by_name, owners, directorates, submit, self)
        self.dialog.open()
        return self.dialog

    def new_recommendation(self) -> NewRecommendationDialog:
        def submit(values: dict):
            return self.controller.add_recommendation(values["committee"], values["meeting"],
                                                      values["fields"])

        self._show_grid(self.recs_grid)
        from desktop_app.ui.tracker.new_record_dialogs import NewRecommendationDialog
        self.dialog = NewRecommendationDialog(self._committee_names(),
                                              self._chosen_committee_name(),
                                              self._meetings_by_name, submit, self)
        self.dialog.open()
        return self.dialog

    # ================================================================== state
    def save_state(self) -> None:
        app_state.write(app_state.KEY_TRACKER_VIEW,
                        "actions" if self.views.currentIndex() == 0 else "recommendations")
        app_state.write(app_state.KEY_DETAILS, self.details_visible())
        for grid in self.grids():   # a grid never made keeps what it saved before
            grid.save_state()
