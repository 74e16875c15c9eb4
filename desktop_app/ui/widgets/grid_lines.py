"""A table's grid lines in a colour of the app's choosing, drawn as QTableView draws them.

QTableView takes its grid's colour from its style; the way Qt offers to choose it, a style sheet
("QTableView { gridline-color: ... }"), puts the whole table under Qt's style-sheet style, which
looks for a rule before drawing each part of each cell: a repaint of the Tracker's grid took
twice as long (16 -> 8 ms). So a RecordTable keeps the application's style, has Qt draw its
grid with no pen (``no_grid_pen``: the cells keep the one-pixel gap of a grid), and draws the
lines itself (``draw``), at the places QTableView.paintEvent (Qt 6) draws them.
tests/ui/test_grid_lines.py holds the pixels equal to the style sheet's."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

GRID_COLOUR = QColor("#e1e4e8")   # the app's grid lines (RecordTable, the Work programme)
_LEFT_TOP = QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines


def no_grid_pen(view: QTableView) -> None:
    """Qt draws the grid with no pen: ``draw`` draws it."""
    view.setGridStyle(Qt.PenStyle.NoPen)


def draw(view: QTableView, event: QPaintEvent, colour: QColor, *, spans: bool = False) -> None:
    """The grid lines of the part of ``view`` that ``event`` repaints, in ``colour``: what
    QTableView.paintEvent draws with a solid pen, after the cells. ``spans``: the view has
    spanned cells (setSpan), inside which no line is drawn (Qt clips them out likewise)."""
    if not view.showGrid():
        return
    vh, hh = view.verticalHeader(), view.horizontalHeader()
    model = view.model()
    if hh.count() == 0 or vh.count() == 0 or model is None:
        return
    viewport = view.viewport()
    rtl = view.isRightToLeft()
    x = hh.length() - hh.offset() - (0 if rtl else 1)
    y = vh.length() - vh.offset() - 1
    alternate = view.alternatingRowColors()
    painter = QPainter(viewport)
    painter.setPen(QPen(colour, 1, Qt.PenStyle.SolidLine))
    if spans:
        _clip_spans(view, painter)
    left_top: bool | None = None
    for rect in event.region():
        dirty = QRect(rect)
        dirty.setBottom(min(dirty.bottom(), y))
        if rtl:
            dirty.setLeft(max(dirty.left(), viewport.width() - x))
        else:
            dirty.setRight(min(dirty.right(), x))
        if not dirty.isValid():
            continue
        left, right = hh.visualIndexAt(dirty.left()), hh.visualIndexAt(dirty.right())
        if rtl:
            left, right = right, left
        left = 0 if left == -1 else left
        right = hh.count() - 1 if right == -1 else right
        bottom = vh.visualIndexAt(dirty.bottom())
        bottom = vh.count() - 1 if bottom == -1 else bottom
        top = _top(vh, dirty, alternate, bottom)
        if top == -1 or top > bottom:
            continue
        while vh.isSectionHidden(vh.logicalIndex(bottom)):
            bottom -= 1
        for visual in range(top, bottom + 1):
            row = vh.logicalIndex(visual)
            if vh.isSectionHidden(row):
                continue
            at = view.rowViewportPosition(row) + view.rowHeight(row) - 1
            painter.drawLine(QLineF(dirty.left(), at, dirty.right(), at).translated(0.5, 0.5))
        for visual in range(left, right + 1):
            col = hh.logicalIndex(visual)
            if hh.isSectionHidden(col):
                continue
            at = view.columnViewportPosition(col)
            if not rtl:
                at += view.columnWidth(col) - 1
            painter.drawLine(QLineF(at, dirty.top(), at, dirty.bottom()).translated(0.5, 0.5))
        if left_top is None:
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            left_top = bool(view.style().styleHint(_LEFT_TOP, option, view))
        if left_top and hh.isHidden():
            row = vh.logicalIndex(top)
            if not vh.isSectionHidden(row):
                at = view.rowViewportPosition(row)
                if at == dirty.top():
                    painter.drawLine(dirty.left(), at, dirty.right(), at)
        if left_top and vh.isHidden():
            col = hh.logicalIndex(left)
            if not hh.isSectionHidden(col):
                at = view.columnViewportPosition(col)
                if rtl:
                    at += view.columnWidth(left) - 1
                if at == (dirty.right() if rtl else dirty.left()):
                    painter.drawLine(at, dirty.top(), at, dirty.bottom())
    painter.end()


def _clip_spans(view: QTableView, painter: QPainter) -> None:
    """The painter kept out of the spanned cells shown, as QTableView's drawAndClipSpans
    keeps it (Qt 6)."""
    viewport = view.viewport()
    vh, hh, model = view.verticalHeader(), view.horizontalHeader(), view.model()
    first, last = vh.visualIndexAt(0), vh.visualIndexAt(viewport.height() - 1)
    last = vh.count() - 1 if last == -1 else last
    left, right = hh.visualIndexAt(0), hh.visualIndexAt(viewport.width() - 1)
    left, right = max(left, 0), hh.count() - 1 if right == -1 else right
    region, found = QRegion(viewport.rect()), set()
    for visual in range(max(first, 0), last + 1):
        row = vh.logicalIndex(visual)
        for across in range(left, right + 1):
            col = hh.logicalIndex(across)
            if view.columnSpan(row, col) > 1 or view.rowSpan(row, col) > 1:
                rect = view.visualRect(model.index(row, col))
                key = (rect.x(), rect.y(), rect.width(), rect.height())
                if key in found:
                    continue
                found.add(key)
                top = row   # the span's first row: Qt keeps the top and left lines of the
                while top > 0 and view.visualRect(model.index(top - 1, col)) == rect:
                    top -= 1   # grid's first row drawable (its checks, as written there)
                if hh.visualIndex(top) == 0:
                    rect.setTop(rect.top() + 1)
                if vh.visualIndex(top) == 0:
                    if view.isRightToLeft():
                        rect.setRight(rect.right() - 1)
                    else:
                        rect.setLeft(rect.left() + 1)
                region -= QRegion(rect)
    if found:
        painter.setClipRegion(region)


def _top(vh, dirty: QRect, alternate: bool, bottom: int) -> int:
    """The first row to draw (as QTableView.paintEvent finds it)."""
    if alternate and vh.sectionsHidden():
        offset, top, y = vh.offset(), 0, 0
        while True:
            y += vh.sectionSize(top)
            if not (y <= offset and top < bottom):
                break
            top += 1
        return top
    return vh.visualIndexAt(dirty.top())
