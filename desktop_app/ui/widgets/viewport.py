"""A scroll area's viewport made from Python (issue 18: a quicker start).

The viewport a QTableView makes itself is a plain QWidget that Python has never seen: the first
time any such widget is handed to Python (``view.viewport()``, which painting the grid lines or
fitting the columns asks for), PySide6 works out its type by making every QtWidgets class it
has not made yet, each with all its enum classes (~70 of them, ~6-16 ms, once per process).
A viewport made here is known to Python from the start; it is set up as Qt sets up its own
(the same name, background role and filling; setViewport gives it the same parent, focus proxy,
event filter and gesture) and put back at the bottom of the view's children, where Qt's was.
tests/ui/test_grid_lines.py holds the two alike, attribute by attribute."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

NAME = "qt_scrollarea_viewport"   # QAbstractScrollAreaPrivate::init's


def own_viewport(view: QAbstractScrollArea) -> QWidget:
    """Give ``view`` (just made) a viewport made from Python, set up as Qt's own."""
    viewport = QWidget()
    viewport.setObjectName(NAME)
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    view.setViewport(viewport)   # Qt's own is deleted
    viewport.lower()             # first among the view's children, as Qt's was
    return viewport
