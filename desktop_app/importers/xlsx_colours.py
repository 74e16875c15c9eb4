"""Colours in a workbook, reduced to what officers mean by them.

Two conventions matter. Text colour: blue text marks an action or recommendation that is new
since the last meeting, red text an update made since then (the Herefordshire action log says
so in its legend). Cell fill: red, amber and green mark a RAG status. A colour may be written
as an RGB value, as a theme colour (with a tint) or as an index into the legacy palette, and in
rich text each run may have its own; all of those end up here as one RGB triple, judged by hue.
"""

from __future__ import annotations

import colorsys
from typing import Any

# defusedxml and openpyxl are imported where they are used: an .xls, .csv or .docx import
# needs only text_class/fill_class, and importing openpyxl costs a seventh of a second.

# Text colour classes (bit flags, so that a cell's runs can be combined).
RED = 1
BLUE = 2
OTHER = 4  # visible text in any other colour (black, automatic, grey, green...)
# Not a colour: every run of the cell's text struck through (Ctrl+5 in Excel; Word's
# strike-through), the way some officers mark an action done when the log has no status
# column. Word only, beside it: the cell starts with a verdict in bold ("Accepted." at the
# head of the executive's response).
STRUCK = 8
VERDICT_LEAD = 16

# Theme colours 10 and 11 are the theme's hyperlink and followed-hyperlink colours: Excel's
# "Hyperlink" cell style, not an officer's blue for "new" (Excel's palette does not offer them)
_LINK_THEMES = (10, 11)

# Fill classes.
FILL_RED = "red"
FILL_AMBER = "amber"
FILL_GREEN = "green"

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# SpreadsheetML theme index -> clrScheme element. Excel swaps dark/light for 0-3.
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")
# The Office theme, for workbooks that carry no theme part.
_OFFICE_THEME = ("FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5",
                 "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72")


def theme_palette(theme_xml: bytes | str | None) -> tuple[str, ...]:
    """RGB hex strings for theme indexes 0-11, from the workbook's theme part."""
    if not theme_xml:
        return _OFFICE_THEME
    from defusedxml import ElementTree as SafeET
    try:
        root = SafeET.fromstring(theme_xml)
    except Exception:  # noqa: BLE001 - a damaged theme only costs us theme colours
        return _OFFICE_THEME
    scheme = root.find(f"{_A}themeElements/{_A}clrScheme")
    if scheme is None:
        return _OFFICE_THEME
    found: dict[str, str] = {}
    for child in scheme:
        tag = child.tag.replace(_A, "")
        for colour in child:
            value = colour.get("lastClr") or colour.get("val")
            if value and len(value) == 6:
                found[tag] = value.upper()
                break
    return tuple(found.get(name, default) for name, default in zip(_THEME_ORDER, _OFFICE_THEME))


def _apply_tint(rgb: tuple[float, float, float], tint: float) -> tuple[float, float, float]:
    if not tint:
        return rgb
    hue, light, sat = colorsys.rgb_to_hls(*rgb)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    return colorsys.hls_to_rgb(hue, min(max(light, 0.0), 1.0), sat)


def _hex_rgb(value: str) -> tuple[float, float, float] | None:
    value = value.strip().lstrip("#")
    if len(value) == 8:
        value = value[2:]
    if len(value) != 6:
        return None
    try:
        return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return None


def resolve_rgb(color: Any, palette: tuple[str, ...]) -> tuple[float, float, float] | None:
    """An openpyxl Color as an (r, g, b) triple in 0..1, or None for automatic/unknown."""
    if color is None:
        return None
    kind = getattr(color, "type", None)
    rgb: tuple[float, float, float] | None = None
    if kind == "rgb":
        value = color.rgb
        rgb = _hex_rgb(value) if isinstance(value, str) else None
    elif kind == "theme":
        index = color.theme
        if isinstance(index, int) and 0 <= index < len(palette):
            rgb = _hex_rgb(palette[index])
    elif kind == "indexed":
        from openpyxl.styles.colors import COLOR_INDEX
        index = color.indexed
        if isinstance(index, int) and 0 <= index < len(COLOR_INDEX) and index < 64:
            rgb = _hex_rgb(COLOR_INDEX[index])
    if rgb is None:
        return None
    return _apply_tint(rgb, float(getattr(color, "tint", 0) or 0))


def text_class(rgb: tuple[float, float, float] | None) -> int:
    """RED, BLUE or OTHER for a font colour (None = automatic, i.e. black)."""
    if rgb is None:
        return OTHER
    h, s, v = colorsys.rgb_to_hsv(*rgb)
    hue = h * 360
    if s >= 0.5 and v >= 0.4 and (hue <= 15 or hue >= 340):
        return RED
    if s >= 0.45 and v >= 0.25 and 185 <= hue <= 255:
        return BLUE
    return OTHER


def fill_class(rgb: tuple[float, float, float] | None) -> str | None:
    """FILL_RED, FILL_AMBER, FILL_GREEN or None for a cell's background colour."""
    if rgb is None:
        return None
    h, s, v = colorsys.rgb_to_hsv(*rgb)
    hue = h * 360
    if s < 0.15 or v < 0.35:
        return None
    if hue <= 12 or hue >= 340:
        return FILL_RED
    if 18 <= hue <= 65:
        return FILL_AMBER
    if 70 <= hue <= 170:
        return FILL_GREEN
    return None


class Palette:
    """Classifies the fonts and fills of one workbook against its theme. (The readers cache
    the answers per cell style, so a 20,000-row log costs a dictionary look-up a cell.)"""

    def __init__(self, theme_xml: bytes | str | None) -> None:
        self.theme = theme_palette(theme_xml)

    def font_class(self, font: Any) -> int:
        color = getattr(font, "color", None)
        flags = OTHER if self.is_link(font) else text_class(resolve_rgb(color, self.theme))
        return flags | STRUCK if getattr(font, "strike", None) else flags

    def is_link(self, font: Any) -> bool:
        """A font in Excel's hyperlink style: the theme's hyperlink colour by its theme index,
        or written out as RGB and underlined, as other programs save a link (the workbook's
        theme's link colours, or today's Office theme's)."""
        color = getattr(font, "color", None)
        if color is None:
            return False
        kind = getattr(color, "type", None)
        if kind == "theme":
            return color.theme in _LINK_THEMES
        if kind == "rgb" and getattr(font, "u", None) and isinstance(color.rgb, str):
            return color.rgb[-6:].upper() in {palette[i] for i in _LINK_THEMES
                                              for palette in (self.theme, _OFFICE_THEME)}
        return False

    def fill_class(self, fill: Any) -> str | None:
        if fill is None or getattr(fill, "fill_type", None) in (None, "none"):
            return None
        return fill_class(resolve_rgb(getattr(fill, "fgColor", None), self.theme))

    def runs_class(self, rich: Any, cell_font_class: int) -> int:
        """Combined class of the visible runs of a CellRichText: a plain run takes the cell's
        font; a run with its own properties but no colour is automatic (black). STRUCK only
        when every visible run is struck through."""
        flags = 0
        struck = True
        for part in rich:
            text = part if isinstance(part, str) else getattr(part, "text", "")
            if not text or not text.strip():
                continue
            if isinstance(part, str):
                flags |= cell_font_class & ~STRUCK
                struck = struck and bool(cell_font_class & STRUCK)
            else:
                flags |= self.font_class(part.font) & ~STRUCK
                struck = struck and bool(getattr(part.font, "strike", None))
        return flags | STRUCK if flags and struck else flags
