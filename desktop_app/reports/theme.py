"""House style shared by every document: colours, type sizes and paragraph styles.

A council look: navy header band and rules, one clean sans serif, pale zebra rows. Marker
colours follow the officers' spreadsheets (blue text = new since the last meeting, red text =
updated since the last meeting); every colour cue also has a word beside it, so a
black-and-white print loses nothing.
"""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop_app.reports import fonts

NAVY = colors.HexColor("#1F3A5F")
NAVY_TINT = colors.HexColor("#E4EAF2")
RULE = colors.HexColor("#C9D2DE")
ZEBRA = colors.HexColor("#F3F5F8")
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A6472")
NEW_BLUE = colors.HexColor("#0B57B0")
UPDATED_RED = colors.HexColor("#B3261E")
OVERDUE_FILL = colors.HexColor("#FBE9E7")
OVERDUE_DARK = colors.HexColor("#9F1D14")
DONE_GREEN = colors.HexColor("#2E6B30")
WHITE = colors.white
WATERMARK = colors.HexColor("#E3E6EB")     # the pale "DRAFT" across draft minutes

MARGIN = 14 * mm
HEADER_BAND = 15 * mm          # height of the navy band at the top of each page
FOOTER_Y = 8 * mm              # baseline of the footer line
BODY_SIZE = 9.5
TABLE_SIZE = 10             # the table documents pass the officer's choice (10, or 12 large print)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    regular = fonts.register_fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.3,
                          textColor=INK, alignment=TA_LEFT, spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=20, leading=24,
                                textColor=NAVY, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontName=fonts.SEMIBOLD, fontSize=13,
                                   leading=16, textColor=NAVY, spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=base, fontName=fonts.BOLD, fontSize=14, leading=18,
                             textColor=NAVY, spaceBefore=8, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.BOLD, fontSize=11.5, leading=14.5,
                             textColor=NAVY, spaceBefore=8, spaceAfter=2),
        "h3": ParagraphStyle("h3", parent=base, fontName=fonts.BOLD, fontSize=10, leading=13,
                             textColor=INK, spaceBefore=6, spaceAfter=2),
        "label": ParagraphStyle("label", parent=base, fontName=fonts.BOLD, textColor=NAVY,
                                spaceAfter=0),
        "note": ParagraphStyle("note", parent=base, fontName=fonts.ITALIC, textColor=MUTED),
        "exempt": ParagraphStyle("exempt", parent=base, fontName=fonts.BOLD_ITALIC,
                                 textColor=OVERDUE_DARK),
    }


def esc(text: str) -> str:
    """Text made safe for a reportlab Paragraph (which reads a little XML)."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hexcode(colour: colors.Color) -> str:
    return colour.hexval()[2:].upper()
