"""Markers that do not rely on colour alone: each has a word ("NEW", "UPDATED", "OVERDUE") and
a small icon with its own shape, drawn in code so no image files are needed."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

# The seed's convention: blue text for new actions, red text for updates since the last meeting.
NEW_COLOUR = QColor("#1a4fb8")
UPDATED_COLOUR = QColor("#b3261e")
OVERDUE_COLOUR = QColor("#b3261e")
OVERDUE_TINT = QColor("#fdeceb")
DONE_COLOUR = QColor("#2e7d32")


def _pixmap(size: int) -> tuple[QPixmap, QPainter]:
    pm = QPixmap(size * 2, size * 2)
    pm.setDevicePixelRatio(2.0)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pm, p


@functools.cache
def marker_icon(kind: str, size: int = 14) -> QIcon:
    """new: blue star-like disc with '+'; updated: red pencil-ish diamond; overdue: red
    warning triangle with '!'; done: green tick disc."""
    pm, p = _pixmap(size)
    s = float(size)
    if kind == "new":
        p.setBrush(NEW_COLOUR)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        p.setPen(QPen(QColor("white"), 1.8))
        p.drawLine(QPointF(s / 2, 4), QPointF(s / 2, s - 4))
        p.drawLine(QPointF(4, s / 2), QPointF(s - 4, s / 2))
    elif kind == "updated":
        p.setBrush(UPDATED_COLOUR)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF([QPointF(s / 2, 0.5), QPointF(s - 0.5, s / 2),
                                 QPointF(s / 2, s - 0.5), QPointF(0.5, s / 2)]))
        p.setBrush(QColor("white"))
        p.drawEllipse(QPointF(s / 2, s / 2), s / 7, s / 7)
    elif kind == "overdue":
        p.setBrush(OVERDUE_COLOUR)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF([QPointF(s / 2, 0.5), QPointF(s - 0.5, s - 1),
                                 QPointF(0.5, s - 1)]))
        p.setPen(QPen(QColor("white")))
        f = QFont()
        f.setBold(True)
        f.setPixelSize(int(s * 0.62))
        p.setFont(f)
        p.drawText(QRectF(0, s * 0.22, s, s * 0.75), Qt.AlignmentFlag.AlignCenter, "!")
    elif kind == "done":
        p.setBrush(DONE_COLOUR)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        p.setPen(QPen(QColor("white"), 1.8))
        p.drawPolyline(QPolygonF([QPointF(s * 0.28, s * 0.52), QPointF(s * 0.45, s * 0.68),
                                  QPointF(s * 0.74, s * 0.34)]))
    p.end()
    return QIcon(pm)


# RAG ratings as officers colour them (issue 13): the chip beside the word in a grid.
RAG_COLOURS = {"red": QColor("#c62828"), "amber": QColor("#ef9f00"), "green": QColor("#2e7d32"),
               "blue": QColor("#1565c0")}
RAG_TEXT = {"red": QColor("#9b1c1c"), "amber": QColor("#7a4f00"), "green": QColor("#1e5b22"),
            "blue": QColor("#0d47a1")}


@functools.cache
def rag_icon(word: str, size: int = 14) -> QIcon | None:
    """A rounded chip in the RAG colour (grey for a word that is not a colour); None for ''."""
    key = word.strip().lower()
    if not key:
        return None
    pm, p = _pixmap(size)
    s = float(size)
    p.setBrush(RAG_COLOURS.get(key, QColor("#8a8f98")))
    p.setPen(QPen(QColor(0, 0, 0, 60), 0.8))
    p.drawRoundedRect(QRectF(0.5, 2.0, s - 1.0, s - 4.0), 3.0, 3.0)
    p.end()
    return QIcon(pm)
