"""What every main-window tab offers, so the window can drive them the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.services.workspace import Database


class TabPage(QWidget):
    """Base class of the Meetings, Work programme and Tracker tabs.

    The window calls ``set_committee`` when the committee chooser changes (None = all
    committees, where a tab supports it), ``refresh`` after edits elsewhere, ``new_record`` for
    Ctrl+N and ``focus_search`` for Ctrl+F. A tab emits ``data_changed`` after it changed the
    database (the window then refreshes the attention strip and the other tabs) and ``status``
    with a short message for the status bar.
    """

    data_changed = Signal()
    status = Signal(str)
    committee_requested = Signal(str)   # a committee's link on the placeholder was clicked
    title = "Tab"

    def __init__(self, db: Database, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.undo_stack = undo_stack
        self.committee: str | None = None
        # (name, short name) of every committee, for the placeholder's links ("All committees")
        self.committee_choices: list[tuple[str, str]] = []

    # -- a tab made before its widgets: its __init__ sets ``self._built = False`` (then calls
    # ``build()`` unless the window is shown before its data, MainWindow(load=False)), and its
    # ``_build`` makes them. They are made when the tab is first shown or first used (any of
    # its widgets asked for), not before the window's first paint.
    def build(self) -> None:
        """Make the tab's widgets (``_build``), once; nothing for a tab made with them."""
        if not self.__dict__.get("_built", True):
            self._built = True
            self._build()

    def _build(self) -> None:   # a tab made before its widgets makes them here
        pass

    def __getattr__(self, name: str):
        # reached only for a name not found: one of the widgets of a tab not built yet
        if name.startswith("__") or self.__dict__.get("_built", True):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.build()
        return getattr(self, name)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.build()
        super().showEvent(event)

    def lay_out(self, toolbar: QWidget, body: QWidget, placeholder: str) -> None:
        """The toolbar above a body that shows ``placeholder`` until a committee is chosen
        (``self.stack``: page 0 the placeholder label, page 1 the body). Under the words, a
        link to each committee (``show_placeholder``), which asks the window to choose it."""
        self._placeholder_words = placeholder
        self.placeholder = QLabel(placeholder)
        self.placeholder.setObjectName("committeePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setTextFormat(Qt.TextFormat.RichText)
        self.placeholder.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.placeholder.linkActivated.connect(self.committee_requested.emit)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 8)
        outer.addWidget(toolbar)
        outer.addWidget(self.stack, 1)

    def show_placeholder(self) -> None:
        """Show the placeholder (no committee chosen), with a link to each committee."""
        from html import escape
        links = "<br>".join(
            f"<a href=\"{escape(name)}\">{escape(name)}{f' ({escape(short)})' if short else ''}</a>"
            for name, short in self.committee_choices)
        self.placeholder.setText(escape(self._placeholder_words)
                                 + (f"<br><br>{links}" if links else ""))
        self.stack.setCurrentWidget(self.placeholder)

    def set_committee(self, name: str | None) -> None:
        self.committee = name
        self.refresh()

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def new_record(self) -> None:
        pass

    def focus_search(self) -> None:
        pass

    def _action(self, text: str, slot, tip: str) -> QAction:
        """A toolbar / menu action calling ``slot()``, with ``tip`` as tooltip and status tip."""
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action
