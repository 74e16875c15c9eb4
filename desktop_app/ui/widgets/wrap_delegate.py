"""Draws long text in a grid cell as whole lines broken at word boundaries (never
"Accommodat|ion"), as many as the row's height holds, the last elided when the text goes on.
The full text stays in the tooltip. ``wrapped_lines`` says how many lines a text needs, so the
table can grow its rows to show the whole text (``RecordTable``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_LINES: dict[tuple, tuple[str, ...]] = {}
_CACHE_MAX = 20000


def wrapped_lines(text: str, font: QFont, width: int) -> tuple[str, ...]:
    """``text`` (its whitespace made single spaces) broken into lines of ``width`` pixels at
    word boundaries only: a word wider than the line keeps a line of its own."""
    key = (text, font.key(), width)
    hit = _LINES.get(key)
    if hit is not None:
        return hit
    flat = " ".join(text.split())
    fm = QFontMetrics(font)
    if width <= 0 or fm.horizontalAdvance(flat) <= width:
        result: tuple[str, ...] = (flat,)
    else:
        layout = QTextLayout(flat, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        out: list[str] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            out.append(flat[start:start + line.textLength()].rstrip())
        layout.endLayout()
        result = tuple(out)
    if len(_LINES) > _CACHE_MAX:
        _LINES.clear()
    _LINES[key] = result
    return result


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` broken into at most ``lines`` lines of ``width`` pixels, the last elided."""
    out = wrapped_lines(text, font, width)
    if len(out) <= lines:
        return "\u2028".join(out)
    fm = QFontMetrics(font)
    flat = " ".join(text.split())
    shown = list(out[:lines - 1])
    rest = flat[sum(len(s) + 1 for s in shown):] if shown else flat
    last = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    kept = last.removesuffix("\u2026")
    if len(kept) < len(rest) and rest[len(kept)] != " " and " " in kept:
        last = kept.rsplit(" ", 1)[0] + "\u2026"   # end at a whole word, not inside one
    return "\u2028".join([*shown, last])


class WrapDelegate(QStyledItemDelegate):
    """``lines``: the most lines a cell shows in compact rows; otherwise as many as its row's
    height holds."""

    def __init__(self, lines: int = 2, parent=None):
        super().__init__(parent)
        self.lines = lines
        self.wrap_columns: set[int] = set()
        self.column_keys: list[str] = []   # each column's key, by model column

    @staticmethod
    def text_width(option: QStyleOptionViewItem, width: int) -> int:
        """The width the text of a cell ``width`` pixels wide is laid out in."""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        out = width - 2 * margin - 4   # a little slack: Qt must not re-wrap
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            out -= option.decorationSize.width() + 2 * margin
        return out

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt naming
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if not option.text:
            return
        width = self.text_width(option, option.rect.width())
        if index.column() in self.wrap_columns:
            fits = max(1, (option.rect.height() - 8) // max(1, QFontMetrics(option.font)
                                                          .lineSpacing()))
            lines = fits if option.rect.height() > 0 else self.lines
        else:
            lines = 1
        option.text = elide_lines(option.text, option.font, width, lines)
