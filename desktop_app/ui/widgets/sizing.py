"""Sizing a large dialog to the window (or screen) it opens over."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


def fit_dialog(dialog: QWidget, parent: QWidget | None, smallest: QSize, largest: QSize,
               minimum: QSize) -> None:
    """Resize ``dialog`` to its parent window (else the screen) less a margin, kept between
    ``smallest`` and ``largest``; ``minimum`` is the least the user may shrink it to."""
    if parent is not None:
        base = parent.window().size()
    else:
        screen = dialog.screen()
        base = screen.availableSize() if screen is not None else QSize(1366, 728)
    dialog.resize(max(smallest.width(), min(largest.width(), base.width() - 40)),
                  max(smallest.height(), min(largest.height(), base.height() - 30)))
    dialog.setMinimumSize(minimum)
