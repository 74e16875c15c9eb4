"""Text and colour as PDF page operators, written directly (reports/fasttable.py draws its
cells with them): a line of text in one font and colour as ``Tm`` and ``Tj`` inside one
BT/ET, in the font subsets reportlab's canvas uses, so the document's fonts are embedded and
subset as for any other text.

``text_pieces`` is what ``TTFont.splitString`` gives, without its per-character loop for the
characters a document has already given a code (tests/unit/test_pdf_quick_paths.py holds the
two to the same pieces)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

__all__ = ["ESCAPE", "TextWriter", "rgb", "text_pieces"]

ESCAPE = {i: f"\\{i:03o}" for i in range(256) if i < 32 or i > 126}
_ESCAPE_ASCII = {ord("\\"): "\\\\", ord("("): "\\(", ord(")"): "\\)"}
ESCAPE.update(_ESCAPE_ASCII)


_RGB_OPS: dict[tuple[float, float, float, str], str] = {}


def rgb(colour: colors.Color, op: str) -> str:
    key = (colour.red, colour.green, colour.blue, op)
    made = _RGB_OPS.get(key)
    if made is None:
        made = _RGB_OPS[key] = f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} {op}"
    return made


class TextWriter:
    """Writes text lines as PDF operators inside one BT/ET, switching font and colour only
    when they change."""

    def __init__(self, canv, size: float):
        self.doc = canv._doc
        self.size = size
        self.ops: list[str] = ["BT"]
        self.subset = None
        self.colour = None
        self._fonts: dict[str, object] = {}
        # (font, subset, size) -> its Tf operator, for the whole document
        self._selects: dict = self.doc.__dict__.setdefault("_fast_text_selects", {})

    def line(self, x: float, y: float, value: str, font_name: str, colour: colors.Color,
             size: float | None = None) -> None:
        if not value:
            return
        size = size or self.size
        ops = self.ops
        if colour is not self.colour:
            ops.append(rgb(colour, "rg"))
            self.colour = colour
        font = self._fonts.get(font_name)
        if font is None:
            font = self._fonts[font_name] = pdfmetrics.getFont(font_name)
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, chunk in text_pieces(value, font, self.doc):
            key = (font_name, subset, size)
            if key != self.subset:
                select = self._selects.get(key)
                if select is None:    # the first use also enters the font in the document
                    name = font.getSubsetInternalName(subset, self.doc)  # type: ignore[attr-defined]
                    select = self._selects[key] = f"{name} {size:g} Tf"
                ops.append(select)
                self.subset = key
            ops.append(f"({chunk}) Tj")

    def raw(self, op: str) -> None:
        """An operator as it is (a marked-content BDC or EMC)."""
        self.ops.append(op)

    def close(self) -> str:
        self.ops.append("ET")
        return "\n".join(self.ops)


def text_pieces(value: str, font, doc) -> Sequence[tuple[int, str]]:
    """``value`` as (font subset, escaped PDF string) pieces, as ``font.splitString`` gives
    them: the fonts are registered ASCII-readable, so subset 0 maps printable ASCII to itself,
    and a character already given a code in subset 0 in this document (``_codes``) is that
    code; anything else (a character new to the document, or one in a later subset) goes
    through ``splitString``, which gives it its code."""
    if value.isascii() and value.isprintable():
        if "\\" in value or "(" in value or ")" in value:
            value = value.translate(ESCAPE)
        return ((0, value),) if value else ()
    tables = doc.__dict__.setdefault("_fast_text_codes", {})
    codes = tables.get(font.fontName) or _codes(font, doc, tables)
    if codes is not None:
        known = value.translate(codes)
        if known.isascii() and known.isprintable():
            return ((0, known),)
    state = font.state.get(doc)
    assigned = len(state.assignments) if state is not None else -1
    chunks = [(subset, chunk.decode("latin-1").translate(ESCAPE)) for subset, chunk in
              font.splitString(value, doc)]
    if len(font.state[doc].assignments) != assigned:
        tables.pop(font.fontName, None)       # new codes given out: the table is made again
    return chunks


def _codes(font, doc, tables: dict) -> dict[int, str] | None:
    """The characters ``font`` has codes for in subset 0 of ``doc``, each as its escaped code
    (a translation table, kept in ``tables`` until ``splitString`` gives out new codes); None
    before the font is used in the document."""
    state = font.state.get(doc)
    if state is None:
        return None
    table = {code: chr(n).translate(ESCAPE) for code, n in state.assignments.items()
             if n < 256 and (code != n or code < 32 or code > 126)}
    table.update(_ESCAPE_ASCII)
    if state.assignments.get(32) == 32:
        table[0xA0] = " "          # splitString prints a no-break space as a space
    tables[font.fontName] = table
    return table
