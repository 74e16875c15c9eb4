"""The workbook globals of a BIFF8 stream: what every sheet's cells are read against.

From the records before the first EOF: the date mode (1900 or 1904), the palette (with a
PALETTE record's overrides), the fonts' colour indexes, the number formats (a date format or
not, judged as xlrd judges it), the XF records (font, format, fill pattern and colour), the
worksheets (name, visibility, offset) and the shared strings. Each XF is reduced once to
(number kind, text colour flags, fill class), so a cell costs one list look-up.

Anything unexpected (not BIFF8, encrypted, a record too short) raises ``NotSure``.
"""

from __future__ import annotations

import dataclasses
import functools
import struct

from desktop_app.importers.biff_container import NotSure
from desktop_app.importers.biff_sst import read_sst, unicode_at
from desktop_app.importers.xlsx_colours import STRUCK, fill_class, text_class
from desktop_app.domain.lazy_re import lazy

NUMBER, DATE, UNKNOWN = 0, 1, 2  # what a number written in an XF's format is

# Excel's default BIFF8 palette, indexes 8-63 (indexes 0-7 repeat its first eight).
_PALETTE = (
    (0, 0, 0), (255, 255, 255), (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0),
    (255, 0, 255), (0, 255, 255), (128, 0, 0), (0, 128, 0), (0, 0, 128), (128, 128, 0),
    (128, 0, 128), (0, 128, 128), (192, 192, 192), (128, 128, 128), (153, 153, 255),
    (153, 51, 102), (255, 255, 204), (204, 255, 255), (102, 0, 102), (255, 128, 128),
    (0, 102, 204), (204, 204, 255), (0, 0, 128), (255, 0, 255), (255, 255, 0), (0, 255, 255),
    (128, 0, 128), (128, 0, 0), (0, 128, 128), (0, 0, 255), (0, 204, 255), (204, 255, 255),
    (204, 255, 204), (255, 255, 153), (153, 204, 255), (255, 153, 204), (204, 153, 255),
    (255, 204, 153), (51, 102, 255), (51, 204, 204), (153, 204, 0), (255, 204, 0),
    (255, 153, 0), (255, 102, 0), (102, 102, 153), (150, 150, 150), (0, 51, 102),
    (51, 153, 102), (0, 51, 0), (51, 51, 0), (153, 51, 0), (153, 51, 102), (51, 51, 153),
    (51, 51, 51),
)

# Built-in number formats by id: date or not (others: a number), as Excel numbers them.
_BUILTIN_DATES = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59),
                  *range(71, 82)}
_BUILTIN_OTHER = {0, *range(1, 14), *range(37, 45), 48, 49, *range(59, 63), *range(67, 71)}

_NON_DATE_FORMATS = {"0.00E+00", "##0.0E+0", "General", "GENERAL", "general", "@"}
_BRACKETED = lazy(r"\[[^]]*\]")


def is_date_format(fmt: str) -> bool:
    """Whether a number format string shows a date or time (xlrd's judgement: quoted text,
    escaped characters and [brackets] ignored; more of ymdhs than of 0#? means a date)."""
    state = 0
    kept = []
    for c in fmt:
        if state == 0:
            if c == '"':
                state = 1
            elif c in "\\_*":
                state = 2
            elif c not in "$-+/(): ":
                kept.append(c)
        elif state == 1:
            if c == '"':
                state = 0
        else:
            state = 0
    s = _BRACKETED.sub("", "".join(kept))
    if s in _NON_DATE_FORMATS:
        return False
    dates = sum(5 for c in s if c in "ymdhsYMDHS")
    numbers = sum(5 for c in s if c in "0#?")
    if dates and not numbers:
        return True
    if numbers and not dates:
        return False
    return dates > numbers


@dataclasses.dataclass
class Globals:
    datemode: int
    # per XF index: (NUMBER/DATE/UNKNOWN, text colour flags, fill class or None)
    xfs: list[tuple[int, int, str | None]]
    sheets: list[tuple[str, int, int]]  # worksheets: (name, visibility, offset in the stream)
    sst: list[str]
    end: int  # where the globals' EOF record ends

    @functools.cached_property
    def sst_values(self) -> list[str | None]:
        """The shared strings as cell values: blank text is no value."""
        return [s if s.strip() else None for s in self.sst]


def bof_end(stream: bytes, pos: int, kind: int) -> int:
    """The position after a BIFF8 BOF record of ``kind`` (5 globals, 0x10 worksheet)."""
    code, size = struct.unpack_from("<HH", stream, pos)
    if code != 0x0809 or not 8 <= size <= 20 or pos + 4 + size > len(stream):
        raise NotSure("no BIFF8 BOF record")
    version, stream_type = struct.unpack_from("<HH", stream, pos + 4)
    if version != 0x0600 or stream_type != kind:
        raise NotSure("not BIFF8, or not the expected substream")
    return pos + 4 + size


def read_globals(stream: bytes) -> Globals:
    pos = bof_end(stream, 0, 0x0005)
    end = len(stream)
    unpack = struct.unpack_from
    datemode = 0
    colours: dict[int, tuple[int, int, int] | None] = dict(enumerate(_PALETTE[:8]))
    colours.update({8 + i: rgb for i, rgb in enumerate(_PALETTE)})
    colours.update({64: None, 65: None, 0x51: None, 0x7FFF: None})
    palette_seen = False
    fonts: list[int] = []  # colour index per font; xlrd's font list has no font 4
    struck: set[int] = set()  # the fonts struck through
    formats: dict[int, bool] = {}  # FORMAT records: id -> date?
    raw_xfs: list[tuple[int, int, int, int]] = []  # font, format, fill pattern, fill colour
    sheets: list[tuple[str, int, int]] = []
    sst: list[str] = []
    while True:
        if pos + 4 > end:
            raise NotSure("globals without EOF")
        code, size = unpack("<HH", stream, pos)
        body = pos + 4
        pos = body + size
        if pos > end:
            raise NotSure("record runs past the stream")
        if code == 0x00E0:  # XF
            if size < 20:
                raise NotSure("short XF")
            font, fmt, _t, _a, _r, _a2, _u, _b1, b2, b3 = unpack("<HHHBBBBIIH", stream, body)
            raw_xfs.append((font, fmt, (b2 >> 26) & 0x3F, b3 & 0x7F))
        elif code == 0x0031:  # FONT
            if size < 14:
                raise NotSure("short FONT")
            if len(fonts) == 4:
                fonts.append(0)
            options, colour = unpack("<HH", stream, body + 2)
            if options & 0x0008:
                struck.add(len(fonts))
            fonts.append(colour)
        elif code == 0x041E:  # FORMAT
            key, = unpack("<H", stream, body)
            formats[key] = is_date_format(unicode_at(stream[body:pos], 2, 2)[0])
        elif code == 0x00FC:  # SST, then its CONTINUE records
            count, = unpack("<i", stream, body + 4)
            parts = [stream[body + 8:pos]]
            breaks = []
            length = len(parts[0])
            while pos + 4 <= end and unpack("<H", stream, pos)[0] == 0x003C:
                size, = unpack("<H", stream, pos + 2)
                breaks.append(length)
                parts.append(stream[pos + 4:pos + 4 + size])
                length += size
                pos += 4 + size
            sst = read_sst(b"".join(parts), breaks, count)
        elif code == 0x0085:  # BOUNDSHEET
            offset, visibility, sheet_type = unpack("<iBB", stream, body)
            name = unicode_at(stream[body:pos], 6, 1)[0]
            if sheet_type == 0:
                sheets.append((name, visibility, offset))
        elif code == 0x0022:  # DATEMODE
            datemode, = unpack("<H", stream, body)
            if datemode not in (0, 1):
                raise NotSure("odd date mode")
        elif code == 0x0092:  # PALETTE
            count, = unpack("<H", stream, body)
            if palette_seen or count > 56 or not 4 * count + 2 <= size <= 4 * count + 6:
                raise NotSure("odd PALETTE")
            palette_seen = True
            for i, c in enumerate(unpack(f"<{count}i", stream, body + 2)):
                colours[8 + i] = (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF)
        elif code == 0x002F:  # FILEPASS: encrypted
            raise NotSure("encrypted")
        elif code == 0x000A:  # EOF
            break
    return Globals(datemode, _xf_table(raw_xfs, fonts, formats, colours, struck), sheets, sst,
                   pos)


def _xf_table(raw_xfs: list[tuple[int, int, int, int]], fonts: list[int],
              formats: dict[int, bool], colours: dict[int, tuple[int, int, int] | None],
              struck: set[int]
              ) -> list[tuple[int, int, str | None]]:
    """Each XF as (number kind, text colour flags, fill class), as read_xls._styles has it."""

    def rgb(index: int | None) -> tuple[float, float, float] | None:
        found = colours.get(index) if index is not None else None
        if found is None:
            return None
        return (found[0] / 255, found[1] / 255, found[2] / 255)

    table = []
    for font, fmt, pattern, pattern_colour in raw_xfs:
        if fmt in formats:
            kind = DATE if formats[fmt] else NUMBER
        elif fmt in _BUILTIN_DATES:
            kind = DATE
        elif fmt in _BUILTIN_OTHER:
            kind = NUMBER
        else:
            kind = UNKNOWN  # xlrd makes such a number a text cell, and then fails: fall back
        flags = text_class(rgb(fonts[font] if font < len(fonts) else None))
        if font in struck:
            flags |= STRUCK
        fill = fill_class(rgb(pattern_colour)) if pattern else None
        table.append((kind, flags, fill))
    return table
