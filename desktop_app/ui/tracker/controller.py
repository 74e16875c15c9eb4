"""Edits made in the Tracker, as service calls with the row's version (optimistic locking) and,
where the services can reverse them, as commands on the shared undo stack.

An edit runs first; only when it succeeded is a command pushed (its first redo is skipped), so a
refused edit never leaves a dead entry on the stack. Undo and redo use the version the window
last saw for the row, so they refuse (and say who changed what) if someone else saved since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.services.workspace import Database
from desktop_app.domain.records import ActionRow, RecommendationRow, _Record, record
from desktop_app.ui.lazy import service
from desktop_app.services import window_read
from desktop_app.services.errors import ConflictError
from desktop_app.ui.errors import Failed, guarded, show_conflict, show_error
from desktop_app.ui.undo import ServiceCommand

if TYPE_CHECKING:
    from desktop_app.services.actions_bulk import ActionEdit

actions = service("actions")
actions_bulk = service("actions_bulk")
recommendations = service("recommendations")

ACTION, REC = "action", "recommendation"
# Row attribute for each editable field where the names differ.
_ROW_ATTR = {"item_title": "item"}
_CLEAR_REFUSED = {"due_date": "the due date", "meeting_id": "the meeting",
                  "sent_on": "the date sent"}


@record   # dataclass(frozen=True), without a method compiled for it but __init__
class Removed(_Record):
    kind: str
    id: int


class EditCommand(ServiceCommand):
    """A ServiceCommand whose first redo is skipped (the edit already ran) and whose later
    undo/redo hand their result to ``apply`` and their errors to ``report`` (never raising
    inside the undo stack)."""

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[], Any],
                 apply: Callable[[Any], None], report: Callable[[BaseException], None]):
        super().__init__(text, do, undo)
        self._apply, self._report = apply, report
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - reported after the stack settles
            self.setObsolete(True)
            QTimer.singleShot(0, lambda error=exc: self._report(error))
            return
        self._apply(result)


class TrackerController(QObject):
    row_changed = Signal(str, object)    # kind, the new row (after an edit, undo or redo)
    row_removed = Signal(str, int)       # kind, id
    message = Signal(str)                # for the status bar

    def __init__(self, db: Database, undo_stack: QUndoStack, parent: QWidget,
                 version_of: Callable[[str, int], int | None]):
        super().__init__(parent)
        self.db, self.undo_stack, self.widget = db, undo_stack, parent
        self.version_of = version_of

    # ---------------------------------------------------------------- plumbing
    def _apply(self, kind: str, result: Any) -> None:
        if isinstance(result, Removed):
            self.row_removed.emit(result.kind, result.id)
        elif isinstance(result, list):
            for row in result:
                self.row_changed.emit(kind, row)
        elif result is not None:
            self.row_changed.emit(kind, result)

    def full_row(self, kind: str, row_id: int) -> Any:
        """The row as stored now, with its history (raises when it is gone); quick when it
        can (services/window_read.py: the same row)."""
        return (window_read.get_action(self.db, row_id) if kind == ACTION
                else window_read.get_recommendation(self.db, row_id))

    def reload(self, kind: str, row_id: int) -> None:
        try:
            row = (actions.get_action(self.db, row_id) if kind == ACTION
                   else recommendations.get_recommendation(self.db, row_id))
        except Exception:  # noqa: BLE001 - deleted meanwhile
            self.row_removed.emit(kind, row_id)
            return
        self.row_changed.emit(kind, row)

    def _report(self, kind: str, row_id: int | None, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            if show_conflict(self.widget, exc, kind) and row_id is not None:
                self.reload(kind, row_id)
        else:
            show_error(self.widget, exc)

    def _run(self, kind: str, row_id: int | None, fn: Callable[[], Any]) -> Any:
        """Run one edit now; the dialogs on failure; raises Failed."""
        reload = (lambda: self.reload(kind, row_id)) if row_id is not None else None
        result = guarded(self.widget, fn, what=kind, reload=reload)
        self._apply(kind, result)
        return result

    def _push(self, text: str, kind: str, row_id: int | None, do: Callable[[], Any],
              undo: Callable[[], Any], id_box: list | None = None) -> Any:
        result = self._run(kind, row_id, do)
        box = id_box if id_box is not None else [row_id]
        cmd = EditCommand(text, do, undo, apply=lambda r: self._apply(kind, r),
                          report=lambda exc: self._report(kind, box[0], exc))
        self.undo_stack.push(cmd)
        self.message.emit(text)
        return result

    def _v(self, kind: str, row_id: int) -> int | None:
        return self.version_of(kind, row_id)

    @staticmethod
    def _old(row: Any, fields: dict) -> dict:
        return {k: getattr(row, _ROW_ATTR.get(k, k)) for k in fields}

    def _refuse_clearing(self, changes: dict) -> None:
        cleared = [k for k, v in changes.items() if v is None and k in _CLEAR_REFUSED]
        if cleared:
            show_error(self.widget, f"{_CLEAR_REFUSED[cleared[0]].capitalize()} cannot be "
                                    "removed once set; choose another instead.")
            raise Failed("clearing")

    # ---------------------------------------------------------------- actions
    def save_action(self, row: ActionRow, changes: dict) -> ActionRow | None:
        return self._save(ACTION, row, changes, actions.update_action,
                          f"Edit action {row.ref or row.id}")

    def add_progress(self, row: ActionRow, on: dt.date, text: str) -> ActionRow:
        # A dated update is a record in its own right: it stays in the history (not undoable).
        result = self._run(ACTION, row.id, lambda: actions.add_progress_update(
            self.db, row.id, text, on=on, if_version=self._v(ACTION, row.id)))
        self.message.emit(f"Progress update added to action {row.ref or row.id}")
        return result

    def complete_action(self, row: ActionRow, on: dt.date) -> ActionRow:
        rid, was = row.id, row.updated_on
        return self._push(
            f"Mark action {row.ref or rid} complete", ACTION, rid,
            lambda: actions.complete_action(self.db, rid, on=on, if_version=self._v(ACTION, rid)),
            lambda: actions.update_action(self.db, rid, if_version=self._v(ACTION, rid),
                                          status="open", updated_on=was))

    def reopen_action(self, row: ActionRow) -> ActionRow:
        rid, when, was = row.id, row.completed_on, row.updated_on
        return self._push(
            f"Reopen action {row.ref or rid}", ACTION, rid,
            lambda: actions.update_action(self.db, rid, if_version=self._v(ACTION, rid),
                                          status="open"),
            lambda: actions.update_action(self.db, rid, if_version=self._v(ACTION, rid),
                                          status="completed", completed_on=when,
                                          updated_on=was))

    def report_complete(self, row: ActionRow, meeting_id: int) -> ActionRow:
        result = self._run(ACTION, row.id, lambda: actions.report_complete(
            self.db, row.id, meeting_id, if_version=self._v(ACTION, row.id)))
        self.message.emit(f"Action {row.ref or row.id} marked reported complete")
        return result

    def bulk_edit(self, rows: list[ActionRow], edits: list[ActionEdit], text: str) -> list:
        """Several actions changed at once: one transaction and one undo step."""
        undo_edits = actions_bulk.undo_edits(rows, edits)

        def at_versions(batch: list[ActionEdit]) -> Callable[[], list]:
            return lambda: actions_bulk.update_actions(
                self.db, [replace(e, version=self._v(ACTION, e.id)) for e in batch])

        return self._push(text, ACTION, None, at_versions(edits), at_versions(undo_edits))

    def add_action(self, committee: str, meeting: dt.date | None, fields: dict) -> ActionRow:
        box: list = [None]

        def do() -> ActionRow:
            new = actions.add_action(self.db, committee, meeting, **fields)
            box[0] = new.id
            return new

        def undo() -> Removed:
            actions.delete_action(self.db, box[0], if_version=self._v(ACTION, box[0]))
            return Removed(ACTION, box[0])

        return self._push("Add action", ACTION, None, do, undo, id_box=box)

    # ---------------------------------------------------------------- recommendations
    def save_recommendation(self, row: RecommendationRow, changes: dict):
        return self._save(REC, row, changes, recommendations.update_recommendation,
                          f"Edit recommendation {row.label}".strip())

    def record_response(self, row: RecommendationRow, response: str, verdict: str,
                        on: dt.date) -> RecommendationRow:
        rid, old_response, old_verdict, was = row.id, row.response, row.verdict, row.updated_on
        return self._push(
            "Record the executive's response", REC, rid,
            lambda: recommendations.record_response(self.db, rid, response, verdict, on=on,
                                                    if_version=self._v(REC, rid)),
            lambda: recommendations.update_recommendation(
                self.db, rid, if_version=self._v(REC, rid), response=old_response,
                verdict=old_verdict, updated_on=was))

    def add_rec_update(self, row: RecommendationRow, on: dt.date, text: str,
                       status: str) -> RecommendationRow:
        result = self._run(REC, row.id, lambda: recommendations.add_rec_update(
            self.db, row.id, text, on=on, status=status or None))
        self.message.emit("Implementation update added")
        return result

    def add_recommendation(self, committee: str, meeting: dt.date, fields: dict):
        result = self._run(REC, None, lambda: recommendations.add_recommendation(
            self.db, committee, meeting, **fields))
        self.message.emit("Recommendation added")
        return result

    # ---------------------------------------------------------------- shared
    def _save(self, kind: str, row: Any, changes: dict, update: Callable[..., Any], text: str):
        if not changes:
            return None
        self._refuse_clearing(changes)
        rid, was = row.id, row.updated_on
        old = self._old(row, changes)
        undo_fields = {k: v for k, v in old.items() if v is not None}
        do = lambda: update(self.db, rid, if_version=self._v(kind, rid), **changes)  # noqa: E731
        if not undo_fields:   # nothing the services could put back (a first date, say)
            result = self._run(kind, rid, do)
            self.message.emit(f"{text} (saved)")
            return result
        return self._push(text, kind, rid, do,
                          lambda: update(self.db, rid, if_version=self._v(kind, rid),
                                         updated_on=was, **undo_fields))
