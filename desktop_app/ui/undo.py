"""Undo/redo for edits: each edit is a pair of service calls (do, undo) on one QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


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
