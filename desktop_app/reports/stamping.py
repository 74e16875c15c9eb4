"""Continuous page numbers stamped on every page of a pack (pypdf + a reportlab overlay).

The number sits in a strip at the foot of the page. The pack's own documents leave that strip
clear. A merged report may print anything there (its own footer, page numbers, a logo), and
finding out costs more than the whole pack (reading every page's text: 50 ms a page), so every
attached report's page is scaled down by 3% (centred, its top kept) to clear the strip: the
pack's number never covers the report's own words. Pages of an exempt item also carry their
marking in the strip ("NOT FOR PUBLICATION – Exempt: paragraph 3"), left of the number.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, IndirectObject, NameObject,
)
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
    leave the strip clear (the pack's own documents do; attached reports are made room on)."""

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
    canv = Canvas(out, invariant=1, pageCompression=1, initialFontName=fonts.BOLD)  # pyright: ignore[reportArgumentType]
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


def _raw(writer: PdfWriter, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _form(writer: PdfWriter, overlay: PageObject) -> IndirectObject:
    """An overlay page as a form XObject (drawn with one "Do", nothing parsed)."""
    content = overlay.get_contents()
    form = DecodedStreamObject()
    form.set_data(content.get_data() if content is not None else b"")
    box = overlay.mediabox
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (
            box.left, box.bottom, box.right, box.top)]),
        NameObject("/Resources"): overlay["/Resources"].clone(writer),
    })
    return writer._add_object(form.flate_encode())


def room_matrix(page: PageObject) -> tuple[float, float, float, float, float, float]:
    """The transformation that scales the page's content (centred, top kept) so that the
    strip at its foot is clear."""
    left, bottom, width, height = _box(page)
    scale = (height - STRIP - 2) / height
    tx = left + width * (1 - scale) / 2 - left * scale
    ty = bottom + STRIP + 2 - bottom * scale
    return scale, 0.0, 0.0, scale, tx, ty


def _number(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".") or "0"


def _stamp_page(writer: PdfWriter, page: PageObject, form: IndirectObject, index: int,
                room: bool) -> None:
    """Wrap the page's own content in q ... Q (scaled when ``room``) and draw the stamp after
    it: the page's content streams are kept as they are, never decoded."""
    contents = page.get(NameObject("/Contents"))
    streams: list = []
    if contents is not None:
        resolved = contents.get_object()
        streams = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
    head = b"q\n"
    if room:
        head += (" ".join(_number(v) for v in room_matrix(page)) + " cm\n").encode()
    found = page.get(NameObject("/Resources"))
    resources = found.get_object() if found is not None else None
    if not isinstance(resources, DictionaryObject):
        resources = DictionaryObject()
    found = resources.get(NameObject("/XObject"))
    xobjects = found.get_object() if found is not None else None
    if not isinstance(xobjects, DictionaryObject):
        xobjects = DictionaryObject()
        resources[NameObject("/XObject")] = xobjects
    name = f"/PackStamp{index}"
    xobjects[NameObject(name)] = form
    page[NameObject("/Resources")] = resources
    left, bottom, _w, _h = _box(page)
    # the number is page furniture: an artifact (tagged PDF, reports/tagging.py)
    tail = (f"\nQ\n/Artifact <</Type /Pagination>> BDC q 1 0 0 1 {_number(left)} "
            f"{_number(bottom)} cm {name} Do Q EMC\n").encode()
    page[NameObject("/Contents")] = ArrayObject(
        [_raw(writer, head), *streams, _raw(writer, tail)])


def stamp_numbers(writer: PdfWriter, first: int = 1, stamps: Sequence[PageStamp] = ()) -> None:
    """Stamp ``first``, ``first + 1``, ... on the writer's pages, after turning any /Rotate
    into the content so the number lands at the foot as the page is read, and making room at
    the foot of every page not known to leave it clear."""
    pages = list(writer.pages)
    stamps = list(stamps) + [PageStamp()] * (len(pages) - len(stamps))
    for page in pages:
        if page.rotation:
            page.transfer_rotation_to_content()
            page.compress_content_streams()
    boxes = [_box(page) for page in pages]
    overlay = number_overlay(boxes, first, [s.mark for s in stamps])
    for index, (page, stamp, over) in enumerate(zip(pages, stamps, overlay.pages)):
        _stamp_page(writer, page, _form(writer, over), first + index, not stamp.clear)
