"""The OLE2 compound file around an Excel 97-2003 workbook: its "Workbook" (or "Book") stream.

The fast .xls reader (biff.py) starts here. The file is one bytes object; the header gives the
sector size, the FAT is gathered from the header's DIFAT entries and any DIFAT sectors, the
directory is read by its chain, and the stream's sectors are joined (a stream under the
mini-stream cutoff lives in the root entry's mini stream, addressed through the mini FAT).

Whatever looks odd (another sector size, a chain that loops or leaves the file, a stream
shorter than its directory entry says, a directory that is not a tree) raises ``NotSure``: the
caller then reads the file through xlrd, which explains damage in its own words.
"""

from __future__ import annotations

import contextlib
import os
import struct

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = -2
_FREE = -1
_HEADER = 512


class NotSure(Exception):  # noqa: N818 - a verdict, not an error: the caller falls back
    """The fast reader does not understand something here: read the file through xlrd."""


def _chain(table: list[int] | tuple[int, ...], first: int, limit: int) -> list[int]:
    """The sector numbers of a chain, checked: inside the table and the file, ends at
    ENDOFCHAIN, and no longer than the sectors there are (longer would be a loop)."""
    found: list[int] = []
    append = found.append
    bound = min(len(table), limit)
    sector = first
    steps = 0
    while sector != _END_OF_CHAIN:
        if not 0 <= sector < bound or steps == bound:
            raise NotSure(f"sector chain broken at {sector}")
        append(sector)
        steps += 1
        sector = table[sector]
    return found


def _join(data: bytes, sectors: list[int], size: int, base: int, length: int | None) -> bytes:
    """The bytes of ``sectors`` (each ``size`` long, numbered from ``base``), cut to
    ``length`` (None: all of them); runs of consecutive sectors are sliced at once."""
    view = memoryview(data)
    parts = []
    start = prev = -2
    for sector in sectors:
        if sector != prev + 1:
            if start >= 0:
                parts.append(view[base + start * size:base + (prev + 1) * size])
            start = sector
        prev = sector
    if start >= 0:
        parts.append(view[base + start * size:base + (prev + 1) * size])
    joined = b"".join(parts)
    if length is None:
        return joined
    if len(joined) < length:
        raise NotSure("stream shorter than its directory entry")
    return joined[:length]


def _fat(data: bytes, sector_size: int, nsectors: int) -> list[int]:
    per = sector_size // 4
    difat_first, ndifat_sectors = struct.unpack_from("<ii", data, 0x44)
    difat = list(struct.unpack_from("<109i", data, 0x4C))
    sector = difat_first
    seen = set()
    while sector not in (_END_OF_CHAIN, _FREE) and ndifat_sectors != 0:
        if sector < 0 or sector >= nsectors or sector in seen:
            raise NotSure("DIFAT chain broken")
        seen.add(sector)
        entries = struct.unpack_from(f"<{per}i", data, _HEADER + sector * sector_size)
        difat.extend(entries[:-1])
        sector = entries[-1]
    fat: list[int] = []
    for sector in difat:
        if sector in (_FREE, _END_OF_CHAIN):
            continue
        if sector < 0 or sector >= nsectors:
            raise NotSure("FAT sector outside the file")
        fat.extend(struct.unpack_from(f"<{per}i", data, _HEADER + sector * sector_size))
    return fat


def _find(directory: list[tuple[str, int, int, int, int, int, int]], names: tuple[str, ...]
          ) -> tuple[str, int, int, int, int, int, int] | None:
    """The first of ``names`` (case-insensitive) among the root storage's streams."""
    wanted = [n.lower() for n in names]
    children = {}
    stack = [directory[0][5]]  # the root's child: a red-black tree by left/right siblings
    seen = set()
    while stack:
        did = stack.pop()
        if did < 0:
            continue
        if did >= len(directory) or did in seen:
            raise NotSure("directory tree broken")
        seen.add(did)
        entry = directory[did]
        children.setdefault(entry[0].lower(), entry)
        stack.append(entry[3])
        stack.append(entry[4])
    for name in wanted:
        entry = children.get(name)
        if entry is not None:
            return entry if entry[1] == 2 else None
    return None


def workbook_stream(data: bytes) -> bytes:
    """The "Workbook" (else "Book") stream of an OLE2 compound file, or NotSure."""
    if len(data) < _HEADER + 512 or data[:8] != OLE_MAGIC:
        raise NotSure("not an OLE2 compound file")
    byte_order, sector_shift, mini_shift = struct.unpack_from("<HHH", data, 0x1C)
    if byte_order != 0xFFFE or sector_shift != 9 or mini_shift != 6:
        raise NotSure("sector sizes other than 512/64")
    size, mini_size = 512, 64
    nsectors = (len(data) - _HEADER) // size
    dir_first, = struct.unpack_from("<i", data, 0x30)
    cutoff, minifat_first = struct.unpack_from("<Ii", data, 0x38)
    fat = _fat(data, size, nsectors)
    raw = _join(data, _chain(fat, dir_first, nsectors), size, _HEADER, None)
    directory = []
    for pos in range(0, len(raw) - 127, 128):
        name_len, kind, _colour, left, right, child = struct.unpack_from("<HBBiii", raw, pos + 64)
        first, length = struct.unpack_from("<iI", raw, pos + 116)
        name = raw[pos:pos + max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        directory.append((name, kind, first, left, right, child, length))
    if not directory or directory[0][1] != 5:
        raise NotSure("no root entry")
    entry = _find(directory, ("Workbook", "Book"))
    if entry is None:
        raise NotSure("no Workbook stream")
    _name, _kind, first, _left, _right, _child, length = entry
    if length > len(data) - _HEADER:
        raise NotSure("stream longer than the file")
    if length >= cutoff:
        sectors = _chain(fat, first, nsectors)
        if len(sectors) != (length + size - 1) // size:
            raise NotSure("stream chain length differs from its size")
        return _join(data, sectors, size, _HEADER, length)
    root = directory[0]
    mini_stream = _join(data, _chain(fat, root[2], nsectors), size, _HEADER, root[6])
    minifat_raw = _join(data, _chain(fat, minifat_first, nsectors), size, _HEADER, None)
    minifat = struct.unpack(f"<{len(minifat_raw) // 4}i", minifat_raw)
    sectors = _chain(minifat, first, len(mini_stream) // mini_size)
    if len(sectors) != (length + mini_size - 1) // mini_size:
        raise NotSure("short stream chain length differs from its size")
    return _join(mini_stream, sectors, mini_size, 0, length)


# The Workbook stream found while the file was checked (xlsx_safety), handed to the reader
# (read_xls) so that the file is read and its sectors joined once: {path: (stat key, stream)}.
_CHECKED: dict[str, tuple[tuple[int, int], bytes]] = {}


def _stat_key(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def keep_stream(path: str | os.PathLike[str], stream: bytes) -> None:
    """Keep the stream of the file just checked (only the last one, and not past 16 MB)."""
    _CHECKED.clear()
    if len(stream) > 16 * 2**20:
        return
    with contextlib.suppress(OSError):
        _CHECKED[os.fspath(path)] = (_stat_key(os.fspath(path)), stream)


def checked_stream(path: str | os.PathLike[str]) -> bytes | None:
    """The stream kept by keep_stream for ``path`` if the file is unchanged since (same size
    and modification time), else None; given once."""
    found = _CHECKED.pop(os.fspath(path), None)
    if found is None:
        return None
    try:
        return found[1] if _stat_key(os.fspath(path)) == found[0] else None
    except OSError:
        return None
