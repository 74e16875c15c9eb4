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


def wrapped_lines(text: str, font: QFont, width: int, font_key: str | None = None
                  ) -> tuple[str, ...]:
    """``text`` (its whitespace made single spaces) broken into lines of ``width`` pixels at
    word boundaries only: a word wider than the line keeps a line of its own. ``font_key``:
    ``font.key()``, when the caller knows it."""
    key = (text, font.key() if font_key is None else font_key, width)
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


def elide_lines(text: str, font: QFont, width: int, lines: int,
                font_key: str | None = None) -> str:
    """``text`` broken into at most ``lines`` lines of ``width`` pixels, the last elided."""
    out = wrapped_lines(text, font, width, font_key)
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


_DECORATION_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration.value   # a plain int
_FOCUS_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin


class WrapDelegate(QStyledItemDelegate):
    """``lines``: the most lines a cell shows in compact rows; otherwise as many as its row's
    height holds."""

    def __init__(self, lines: int = 2, parent=None):
        super().__init__(parent)
        self.lines = lines
        self.wrap_columns: set[int] = set()
        self.column_keys: list[str] = []   # each column's key, by model column
        # the fonts met in the cells, each with its key and line spacing (asked of Qt once:
        # a grid draws in two or three fonts); found by QFont's own ==, which compares what
        # its key says
        self._fonts: list[tuple[QFont, str, int]] = []

    @staticmethod
    def text_width(option: QStyleOptionViewItem, width: int) -> int:
        """The width the text of a cell ``width`` pixels wide is laid out in."""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(_FOCUS_MARGIN, None, widget) + 1
        out = width - 2 * margin - 4   # a little slack: Qt must not re-wrap
        if option.features.value & _HAS_DECORATION:
            out -= option.decorationSize.width() + 2 * margin
        return out

    def _font(self, font: QFont) -> tuple[str, int]:
        """``font.key()`` and its line spacing."""
        for known, key, spacing in self._fonts:
            if known == font:
                return key, spacing
        key, spacing = font.key(), QFontMetrics(font).lineSpacing()
        if len(self._fonts) < 16:
            self._fonts.append((QFont(font), key, spacing))
        return key, spacing

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt naming
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        # each of the option's values asked of it once (each a copy made by PySide6)
        option.decorationAlignment = _DECORATION_ALIGNMENT
        text = option.text
        if not text:
            return
        rect, font = option.rect, option.font
        width = self.text_width(option, rect.width())
        key, spacing = self._font(font)
        if index.column() in self.wrap_columns:
            height = rect.height()
            lines = max(1, (height - 8) // max(1, spacing)) if height > 0 else self.lines
        else:
            lines = 1
        option.text = elide_lines(text, font, width, lines, key)
