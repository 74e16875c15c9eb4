"""The shared strings table (SST) of a BIFF8 workbook, and BIFF8's other string forms.

The SST record and the CONTINUE records after it are joined into one buffer; ``breaks`` are
the offsets where each CONTINUE's data starts. A string's characters never cross a break
unnoticed: where they do, the CONTINUE's first byte gives the compression (Latin-1 or UTF-16)
for the rest of them. Rich-text runs and phonetic blocks are skipped (they carry no flag byte
when split). Most strings lie inside one record and cost one slice and one decode.
"""

from __future__ import annotations

import struct

from desktop_app.importers.biff_container import NotSure

def read_sst(buf: bytes, breaks: list[int], count: int) -> list[str]:
    """``count`` strings from ``buf`` (the SST record's data after its 8-byte counts, then each
    CONTINUE's data); ``breaks``: where each CONTINUE's data starts in ``buf``."""
    strings: list[str] = []
    append = strings.append
    unpack_h = struct.Struct("<H").unpack_from
    unpack_i = struct.Struct("<i").unpack_from
    latin = buf.decode("latin-1")  # a compressed string is a slice of this: no decode each
    limits = [*breaks, len(buf)]
    nbreak = 0
    limit = limits[0]
    end = len(buf)
    pos = 0
    for _ in range(count):
        if pos + 3 > limit:
            while pos >= limit and nbreak < len(breaks):  # the string starts in a later record
                nbreak += 1
                limit = limits[nbreak]
            if pos + 3 > limit:
                raise NotSure("SST string header split across records")
        options = buf[pos + 2]
        if not options:  # most strings: Latin-1, no runs, inside one record
            stop = pos + 3 + (buf[pos] | (buf[pos + 1] << 8))
            if stop <= limit:
                append(latin[pos + 3:stop])
                pos = stop
                continue
        nchars = buf[pos] | (buf[pos + 1] << 8)
        pos += 3
        if options & 0x0C:
            rich = 0
            phonetic = 0
            if options & 0x08:
                rich, = unpack_h(buf, pos)
                pos += 2
            if options & 0x04:
                phonetic, = unpack_i(buf, pos)
                pos += 4
            skip = 4 * rich + phonetic
        else:
            skip = 0
        width = 2 if options & 1 else 1
        stop = pos + nchars * width
        if stop <= limit:
            append(latin[pos:stop] if width == 1 else buf[pos:stop].decode("utf-16-le"))
            pos = stop
        else:
            text, pos = _split(buf, pos, nchars, width, limits, nbreak)
            append(text)
        pos += skip
        if pos > end:
            raise NotSure("SST runs past its records")
    return strings


def _split(buf: bytes, pos: int, nchars: int, width: int, limits: list[int], nbreak: int
           ) -> tuple[str, int]:
    """A string whose characters cross one or more CONTINUE records (as xlrd reads it)."""
    parts = []
    got = 0
    limit = limits[nbreak]
    if pos > limit:
        raise NotSure("SST string header split across records")
    while True:
        need = nchars - got
        if width == 2:
            avail = min((limit - pos) >> 1, need)
            parts.append(buf[pos:pos + 2 * avail].decode("utf-16-le"))
            pos += 2 * avail
        else:
            avail = min(limit - pos, need)
            parts.append(buf[pos:pos + avail].decode("latin-1"))
            pos += avail
        got += avail
        if got == nchars:
            return "".join(parts), pos
        nbreak += 1
        if nbreak >= len(limits) or limits[nbreak - 1] >= len(buf):
            raise NotSure("SST string runs past its records")
        pos = limits[nbreak - 1]
        limit = limits[nbreak]
        width = 2 if buf[pos] & 1 else 1
        pos += 1


def unicode_at(data: bytes, pos: int, lenlen: int) -> tuple[str, int]:
    """A BIFF8 unicode string in one record (LABEL, RSTRING, FORMAT, BOUNDSHEET): (text,
    position after it and its own rich-text runs and phonetic block, as xlrd counts them)."""
    if lenlen == 1:
        nchars = data[pos]
    else:
        nchars, = struct.unpack_from("<H", data, pos)
    pos += lenlen
    if not nchars:
        return "", pos
    options = data[pos]
    pos += 1
    skip = 0
    if options & 0x08:
        skip += 4 * struct.unpack_from("<H", data, pos)[0]
        pos += 2
    if options & 0x04:
        skip += struct.unpack_from("<i", data, pos)[0]
        pos += 4
    if options & 1:
        return data[pos:pos + 2 * nchars].decode("utf-16-le"), pos + 2 * nchars + skip
    return data[pos:pos + nchars].decode("latin-1"), pos + nchars + skip
