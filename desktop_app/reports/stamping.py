"""Continuous page numbers stamped on every page of a pack (pypdf + a reportlab overlay).

The number sits in a strip at the foot of the page. A merged report that prints its own footer
in that strip is scaled down a little (and centred) so that the strip is clear: the pack's
number never covers the report's own words. Pages of an exempt item also carry their marking
in the strip ("NOT FOR PUBLICATION – Exempt: paragraph 3"), left of the number.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

from pypdf import PageObject, PdfReader, Transformation
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports import fonts, theme

STAMP_SIZE = 9.0
STAMP_Y = 7.5          # baseline, points above the bottom edge of the visible page
STRIP = 22.0           # the foot of the page the stamp needs clear
MARK_SIZE = 7.5


@dataclasses.dataclass(frozen=True)
class PageStamp:
    """What one pack page gets: its marking ("" for none), and whether the page is known to
    leave the strip clear (the pack's own documents do; attachments are checked)."""

    mark: str = ""
    clear: bool = False


def _box(page: PageObject) -> tuple[float, float, float, float]:
    box = page.cropbox
    return float(box.left), float(box.bottom), float(box.width), float(box.height)


def number_overlay(boxes: Sequence[tuple[float, float, float, float]], first: int = 1,
                   marks: Sequence[str] = ()) -> PdfReader:
    """One overlay page per pack page, each the size of that page, with its number centred in
    a small white box at the foot (legible over whatever the attachment printed there)."""
    fonts.register_fonts()
    rl_config.useA85 = 0
    out = io.BytesIO()
    canv = Canvas(out, invariant=1, pageCompression=1)
    for offset, (_x, _y, width, height) in enumerate(boxes):
        canv.setPageSize((width, height))
        label = str(first + offset)
        w = canv.stringWidth(label, fonts.BOLD, STAMP_SIZE) + 10
        cx = width / 2
        canv.setFillColor(theme.WHITE)
        canv.setStrokeColor(theme.NAVY)
        canv.setLineWidth(0.6)
        canv.roundRect(cx - w / 2, STAMP_Y - 3.5, w, STAMP_SIZE + 5, 2.5, stroke=1, fill=1)
        canv.setFillColor(theme.NAVY)
        canv.setFont(fonts.BOLD, STAMP_SIZE)
        canv.drawCentredString(cx, STAMP_Y, label)
        mark = marks[offset] if offset < len(marks) else ""
        if mark:
            canv.setFillColor(theme.OVERDUE_DARK)
            canv.setFont(fonts.BOLD, MARK_SIZE)
            canv.drawString(theme.MARGIN, STAMP_Y, mark)
        canv.showPage()
    canv.save()
    return PdfReader(io.BytesIO(out.getvalue()))


def lowest_text(page: PageObject) -> float | None:
    """The lowest baseline of any text drawn on the page (page space), or None for none."""
    lowest: list[float] = []

    def visit(text, cm, tm, _font, _size):
        if not text.strip():
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        lowest.append(y)

    try:
        page.extract_text(visitor_text=visit)
    except Exception:       # noqa: BLE001 - an unreadable stream: assume the strip is used
        return float("-inf")
    return min(lowest) if lowest else None


def needs_room(page: PageObject) -> bool:
    """Whether the page prints something in the stamp's strip."""
    _left, bottom, _w, _h = _box(page)
    low = lowest_text(page)
    return low is not None and low < bottom + STRIP + 2


def make_room(page: PageObject) -> float:
    """Scale the page's content (centred, top kept) so that the strip at its foot is clear;
    returns the scale."""
    left, bottom, width, height = _box(page)
    scale = (height - STRIP - 2) / height
    page.add_transformation(
        Transformation().translate(-left, -bottom).scale(scale, scale)
        .translate(left + width * (1 - scale) / 2, bottom + STRIP + 2))
    return scale


def stamp_numbers(pages: Sequence[PageObject], first: int = 1,
                  stamps: Sequence[PageStamp] = ()) -> None:
    """Stamp ``first``, ``first + 1``, ... on ``pages`` (pages of a PdfWriter), after turning
    any /Rotate into the content so the number lands at the foot as the page is read, and
    making room at the foot of any page that prints there."""
    stamps = list(stamps) + [PageStamp()] * (len(pages) - len(stamps))
    for page, stamp in zip(pages, stamps):
        if page.rotation:
            page.transfer_rotation_to_content()
        if not stamp.clear and needs_room(page):
            make_room(page)
    boxes = [_box(page) for page in pages]
    overlay = number_overlay(boxes, first, [s.mark for s in stamps])
    for page, stamp, (x, y, _w, _h) in zip(pages, overlay.pages, boxes):
        if x or y:
            page.merge_transformed_page(stamp, Transformation().translate(x, y))
        else:
            page.merge_page(stamp)
        page.compress_content_streams()
