"""Undo/redo for edits: each edit is a pair of service calls (do, undo) on one QUndoStack.

``ServiceCommand`` is one such edit; ``UndoableEdits`` runs and pushes them for a tab's
controller."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from desktop_app.services.errors import ConflictError, ServiceError
from desktop_app.ui.errors import show_conflict, show_error

if TYPE_CHECKING:
    from desktop_app.ui.tab_api import TabPage


class ServiceCommand(QUndoCommand):
    """An edit made through services. ``do`` runs when pushed (redo) and ``undo`` reverses it.

    Both are plain callables that open their own unit of work; after either, ``after`` runs
    (typically: refresh the views). Errors propagate to the caller, which shows a dialog.
    """

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 after: Callable[[], None] | None = None):
        super().__init__(text)
        self._do, self._undo, self._after = do, undo, after
        self.result: object = None

    def redo(self) -> None:
        self.result = self._do()
        if self._after:
            self._after()

    def undo(self) -> None:
        self._undo()
        if self._after:
            self._after()


class UndoableEdits:
    """Edits of one tab (a ``TabPage``) made through services and pushed on its undo stack.

    Owned by the tab's controller. ``after_edit`` reloads the tab's views and says the data
    changed; ``conflict_noun`` names what is edited ("meeting"), for the dialog shown when
    someone else changed it.
    """

    def __init__(self, tab: TabPage, conflict_noun: str, after_edit: Callable[[], None]):
        self.tab = tab
        self.conflict_noun = conflict_noun
        self.after_edit = after_edit
        # the version this window last saw of each record it edits ((kind, id) -> version):
        # every step checks against it, so two steps on one record undo in turn, while
        # somebody else's save in between is still refused
        self._seen: dict[tuple[str, int], int] = {}

    def saw(self, kind: str, row_id: int, version: int) -> None:
        """This window has seen (or written) ``version`` of the record."""
        self._seen[(kind, row_id)] = version

    def last_seen(self, kind: str, row_id: int, default: int) -> int:
        return self._seen.get((kind, row_id), default)

    def run(self, fn):
        """A service call outside a dialog: errors are shown; a conflict offers a reload."""
        try:
            return fn()
        except ConflictError as exc:
            if show_conflict(self.tab, exc, self.conflict_noun):
                self.tab.refresh()
            return None
        except ServiceError as exc:
            show_error(self.tab, exc)
            return None

    def push(self, text: str, do, undo, in_dialog: bool = False, later: bool = False):
        """Run ``do`` now, then push it so Undo calls ``undo`` and Redo calls ``do`` again.

        If ``do`` fails nothing goes on the stack; the error is shown in a message box, or
        raised for the dialog to show (``in_dialog``). ``later``: reload the views on the
        next turn of the event loop (when called from a selection change)."""
        if in_dialog:
            result = do()
        else:
            result = self.run(do)
            if result is None:
                return None
        pending = [True]

        def redo():
            if pending:
                pending.clear()
                return result
            return self.run(do)

        deferred = [True] if later else []

        def after():
            if deferred:
                deferred.clear()
                QTimer.singleShot(0, self.after_edit)
            else:
                self.after_edit()

        self.tab.undo_stack.push(ServiceCommand(text, redo, lambda: self.run(undo), after=after))
        self.tab.status.emit(f"{text} (Ctrl+Z undoes)")
        return result

    def versioned(self, update, row_id: int, version: int, new: dict, old: dict, text: str,
                  in_dialog: bool = False, later: bool = False):
        """An edit of some fields; Undo puts the old values back. Each step checks the
        version the window last saw of the record, so nobody else's change is overwritten
        silently."""
        kind = update.__name__
        self.saw(kind, row_id, version)        # what the window shows now

        def apply(fields):
            def run():
                row = update(self.tab.db, row_id, if_version=self.last_seen(kind, row_id, version),
                             **fields)
                self.saw(kind, row_id, row.version)
                return row
            return run

        return self.push(text, apply(new), apply(old), in_dialog, later)
