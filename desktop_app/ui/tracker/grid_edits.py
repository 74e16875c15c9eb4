"""What the Tracker's actions grid edits itself: a cell typed into (``ActionEditDelegate``) and
the bulk changes of the rows selected (``BulkBar``), both through the Tracker's controller, so
they validate and undo exactly as the detail pane does."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.domain.enums import ActionStatus
from desktop_app.ui.app_state import today
from desktop_app.ui.errors import Failed, show_error
from desktop_app.ui.tracker.bulk import BulkBar, BulkDialog, bulk_dialog
from desktop_app.ui.tracker.cell_editor import ActionEditDelegate
from desktop_app.ui.workers import Job, start_job

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
        self.dialog: BulkDialog | QDialog | None = None
        self.job: Job | None = None
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

    def bulk_change(self, key: str) -> BulkDialog | QDialog | None:
        """Open the dialog of a bulk change ("report", "owner", "due") of the selected actions,
        or chase their owners ("chase") or print them ("print")."""
        rows = self.tab.actions_grid.selected_rows()
        if not rows:
            return None
        if key == "chase":
            return self.chase(rows)
        if key == "print":
            self.print_selection()
            return None

        def run(edits: list, text: str) -> object:
            return self.tab.controller.bulk_edit(rows, edits, text)

        self.dialog = bulk_dialog(key, rows, self.owners(), self.tab.meetings_of, run, self.tab)
        if self.dialog is not None:
            self.dialog.open()
        return self.dialog

    def _one_committee(self, rows: list, doing: str) -> str | None:
        names = {r.committee for r in rows}
        if len(names) != 1:
            show_error(self.tab, f"Choose actions of one committee to {doing}.")
            return None
        return names.pop()

    def chase(self, rows: list) -> QDialog | None:
        """Tools > Chase owners for just the owners of the selected actions."""
        committee = self._one_committee(rows, "chase their owners")
        owners = {r.owner.strip() for r in rows} - {""}
        if committee is None:
            return None
        if not owners:
            show_error(self.tab, "None of the selected actions has an owner to chase.")
            return None
        from desktop_app.ui.tools.chase_dialog import ChaseDialog
        self.dialog = ChaseDialog(self.tab.db, committee, self.tab, only=owners)
        self.dialog.open()
        return self.dialog

    def print_selection(self, path: str | None = None) -> Job | None:
        """The action log of just the selected actions, saved as a PDF (asks where)."""
        rows = self.tab.actions_grid.selected_rows()
        committee = self._one_committee(rows, "print them") if rows else None
        if committee is None:
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self.tab, "Save the selected actions as", str(Path.home() / "actions.pdf"),
                "PDF documents (*.pdf)")
            if not path:
                return None
        from desktop_app.reports.printing import write_document
        db, ids, day, target = self.tab.db, [r.id for r in rows], today(), path
        self.job = start_job(
            lambda _ctx: write_document(db, "action-log", target, committee, today=day,
                                        only_ids=ids),
            on_done=lambda pages: self.tab.status.emit(
                f"Saved {len(ids)} actions ({pages} pages) to {target}"),
            on_error=lambda exc: show_error(self.tab, exc),
            parent=self.tab, title="Print the selected actions", label="Writing the PDF\u2026")
        return self.job
