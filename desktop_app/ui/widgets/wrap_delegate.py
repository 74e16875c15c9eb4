"""Draws long text in a grid cell as whole lines that fit, the last one ending in an ellipsis,
instead of clipping a half-visible line. The full text stays in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_CACHE: dict[tuple, str] = {}
_CACHE_MAX = 20000


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` broken into at most ``lines`` lines of ``width`` pixels, the last elided."""
    key = (text, font.key(), width, lines)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    fm = QFontMetrics(font)
    flat = " ".join(text.split())
    if width <= 0 or fm.horizontalAdvance(flat) <= width:
        result = flat
    else:
        layout = QTextLayout(flat, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        out: list[str] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            if len(out) == lines - 1:
                out.append(fm.elidedText(flat[start:], Qt.TextElideMode.ElideRight, width))
                break
            out.append(flat[start:start + line.textLength()].rstrip())
        layout.endLayout()
        result = "\u2028".join(out)
    if len(_CACHE) > _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = result
    return result


class WrapDelegate(QStyledItemDelegate):
    def __init__(self, lines: int = 2, parent=None):
        super().__init__(parent)
        self.lines = lines
        self.wrap_columns: set[int] = set()

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt naming
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if not option.text:
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        width = option.rect.width() - 2 * margin - 4   # a little slack: Qt must not re-wrap
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= option.decorationSize.width() + 2 * margin
        lines = self.lines if index.column() in self.wrap_columns else 1
        option.text = elide_lines(option.text, option.font, width, lines)
