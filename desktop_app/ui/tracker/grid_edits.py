"""What the Tracker's actions grid edits itself: a cell typed into (``ActionEditDelegate``) and
the bulk changes of the rows selected (``BulkBar``), both through the Tracker's controller, so
they validate and undo exactly as the detail pane does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.domain.enums import ActionStatus
from desktop_app.ui.app_state import today
from desktop_app.ui.errors import Failed, show_error
from desktop_app.ui.tracker.bulk import BulkBar, BulkDialog, bulk_dialog
from desktop_app.ui.tracker.grid_edit import ActionEditDelegate

if TYPE_CHECKING:
    from desktop_app.ui.tracker.tracker_tab import TrackerTab


class GridEdits:
    def __init__(self, tab: TrackerTab):
        self.tab = tab
        grid = tab.actions_grid
        self.bulk_bar = BulkBar()
        grid.add_bar(self.bulk_bar)
        grid.selection_count_changed.connect(self.bulk_bar.set_count)
        self.bulk_bar.chosen.connect(self.bulk_change)
        self.dialog: BulkDialog | None = None
        self.delegate = ActionEditDelegate(self.edit_cell, self.owners,
                                           lambda message: show_error(tab, message), grid.table)
        grid.table.use_delegate(self.delegate)

    def owners(self) -> list[str]:
        return sorted({r.owner for r in self.tab.actions_model.rows} - {""}, key=str.lower)

    def _try(self, fn, *args) -> Any:
        try:
            return fn(*args)
        except Failed:
            return None

    def edit_cell(self, row: Any, key: str, value: Any) -> None:
        """An edit typed into a cell of the actions grid: the detail pane's service calls."""
        c = self.tab.controller
        if key == "owner" and value != row.owner:
            self._try(c.save_action, row, {"owner": value})
        elif key == "due" and value != row.due_date:
            self._try(c.save_action, row, {"due_date": value})
        elif key == "progress" and value and value != row.progress:
            self._try(c.add_progress, row, today(), value)
        elif key == "status" and value != row.status:
            if value == ActionStatus.COMPLETED:
                self._try(c.complete_action, row, today())
            elif row.reported_complete_on is not None:
                show_error(self.tab, "A reported-complete action cannot be reopened.")
            else:
                self._try(c.reopen_action, row)

    def bulk_change(self, key: str) -> BulkDialog | None:
        """Open the dialog of a bulk change ("report", "owner", "due") of the selected actions."""
        rows = self.tab.actions_grid.selected_rows()
        if not rows:
            return None

        def run(edits: list, text: str) -> object:
            return self.tab.controller.bulk_edit(rows, edits, text)

        self.dialog = bulk_dialog(key, rows, self.owners(), self.tab.meetings_of, run, self.tab)
        if self.dialog is not None:
            self.dialog.open()
        return self.dialog
