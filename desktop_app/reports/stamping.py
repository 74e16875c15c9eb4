"""Continuous page numbers stamped on every page of a pack (pypdf + a reportlab overlay)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PageObject, PdfReader, Transformation
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports import fonts, theme

STAMP_SIZE = 9.0
STAMP_Y = 7.5          # baseline, points above the bottom edge of the visible page


def _boxes(pages: Sequence[PageObject]) -> list[tuple[float, float, float, float]]:
    out = []
    for page in pages:
        box = page.cropbox
        out.append((float(box.left), float(box.bottom), float(box.width), float(box.height)))
    return out


def number_overlay(boxes: Sequence[tuple[float, float, float, float]], first: int = 1) -> PdfReader:
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
        canv.showPage()
    canv.save()
    return PdfReader(io.BytesIO(out.getvalue()))


def stamp_numbers(pages: Sequence[PageObject], first: int = 1) -> None:
    """Stamp ``first``, ``first + 1``, ... on ``pages`` (pages of a PdfWriter), after turning
    any /Rotate into the content so the number lands at the foot as the page is read."""
    for page in pages:
        if page.rotation:
            page.transfer_rotation_to_content()
    overlay = number_overlay(_boxes(pages), first)
    for page, stamp, (x, y, _w, _h) in zip(pages, overlay.pages, _boxes(pages)):
        if x or y:
            page.merge_transformed_page(stamp, Transformation().translate(x, y))
        else:
            page.merge_page(stamp)
        page.compress_content_streams()
