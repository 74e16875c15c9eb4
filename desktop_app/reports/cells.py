"""What goes in a table cell: styled blocks of text, word badges, and the word wrapping that
lays them out in lines (measured with the font's advance widths, each word once)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from desktop_app.reports import fonts, theme


# ------------------------------------------------------------------ cell content

@dataclasses.dataclass(frozen=True)
class Block:
    """One run of text in a cell, wrapped to the cell width, in one font and colour.

    ``badge`` draws the text as a small filled label (white type); ``hang`` indents the wrapped
    lines after the first (for "• " bullets and "(a) " labels).
    """

    text: str
    font: str = fonts.REGULAR
    colour: colors.Color = theme.INK
    badge: colors.Color | None = None
    hang: float = 0.0


_FACES = {(False, False): fonts.REGULAR, (True, False): fonts.BOLD,
          (False, True): fonts.ITALIC, (True, True): fonts.BOLD_ITALIC}


def text(value: str, *, bold: bool = False, italic: bool = False,
         colour: colors.Color = theme.INK, hang: float = 0.0) -> Block:
    return Block(value or "", _FACES[(bold, italic)], colour, None, hang)


def badge(label: str, fill: colors.Color) -> Block:
    return Block(label, fonts.BOLD, theme.WHITE, fill)


Cell = Sequence[Block]


@dataclasses.dataclass(frozen=True)
class Column:
    """A table column: its heading, its share of the width, and ``fit``, a sample (a date, a
    badge's word) the column is made wide enough to hold on one line."""

    title: str
    weight: float
    align: str = "left"      # "left" or "right"
    fit: str = ""


# ------------------------------------------------------------------ measuring and wrapping

_WORD_WIDTHS: dict[str, dict[str, float]] = {}


def _widths_for(font_name: str) -> dict[str, float]:
    cache = _WORD_WIDTHS.get(font_name)
    if cache is None:
        cache = _WORD_WIDTHS[font_name] = {}
    return cache


def width_of(word: str, font_name: str, cache: dict[str, float]) -> float:
    """Width of ``word`` at 1 pt (cached per font)."""
    w = cache.get(word)
    if w is None:
        w = cache[word] = pdfmetrics.stringWidth(word, font_name, 1.0)
    return w


def wrap(value: str, font_name: str, size: float, width: float, hang: float = 0.0) -> list[str]:
    """Greedy word wrap of ``value`` to ``width`` points; explicit newlines are kept. A word
    longer than the line is broken between characters. Never drops text."""
    cache = _widths_for(font_name)
    limit = width / size
    hang_units = hang / size
    space = width_of(" ", font_name, cache)
    get = cache.get
    out: list[str] = []
    for para in value.strip().splitlines():
        words = para.split()
        if not words:
            if out and out[-1]:         # one blank line between paragraphs, never a run
                out.append("")
            continue
        line: list[str] = []
        used = 0.0
        avail = limit
        for word in words:
            w = get(word)
            if w is None:
                w = width_of(word, font_name, cache)
            if line and used + space + w <= avail:
                line.append(word)
                used += space + w
                continue
            if line:
                out.append(" ".join(line))
                avail = limit - hang_units
            if w <= avail:
                line, used = [word], w
                continue
            # a word wider than the line: break it between characters
            piece = ""
            piece_w = 0.0
            for ch in word:
                cw = width_of(ch, font_name, cache)
                if piece and piece_w + cw > avail:
                    out.append(piece)
                    avail = limit - hang_units
                    piece, piece_w = "", 0.0
                piece += ch
                piece_w += cw
            line, used = [piece], piece_w
        out.append(" ".join(line))
    return out


@dataclasses.dataclass(slots=True)
class Line:
    text: str
    font: str
    colour: colors.Color
    dx: float
    badge: colors.Color | None = None


def lay_cell(cell: Cell, width: float, size: float) -> list[Line]:
    lines: list[Line] = []
    for block in cell:
        if block.badge is not None:
            lines.append(Line(block.text, block.font, block.colour, 0.0, block.badge))
            continue
        for i, part in enumerate(wrap(block.text, block.font, size, width, block.hang)):
            lines.append(Line(part, block.font, block.colour, block.hang if i else 0.0))
    return lines
