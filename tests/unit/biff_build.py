"""BIFF8 workbooks built record by record, for the records xlwt never writes (MULRK, LABEL,
RSTRING, a FORMULA's cached number/string/bool/error, a PALETTE of one's own...), inside an OLE2
compound file whose Workbook stream may be small enough to live in the mini stream.

    stream = workbook(sheets=[Sheet("Log", [cell records...])], xfs=[...], sst=[...])
    write_ole(path, stream)
"""

from __future__ import annotations

import dataclasses
import struct
from pathlib import Path

FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def record(code: int, data: bytes) -> bytes:
    return struct.pack("<HH", code, len(data)) + data


def text8(value: str, lenlen: int = 2) -> bytes:
    """A BIFF8 unicode string: Latin-1 when it fits, else UTF-16."""
    head = struct.pack("<B" if lenlen == 1 else "<H", len(value))
    try:
        return head + b"\x00" + value.encode("latin-1")
    except UnicodeEncodeError:
        return head + b"\x01" + value.encode("utf-16-le")


def bof(kind: int) -> bytes:
    return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))


def font(colour: int) -> bytes:
    return record(0x0031, struct.pack("<HHHHHBBBB", 200, 0, colour, 400, 0, 0, 0, 0, 0)
                  + text8("Arial", 1))


def xf(font_index: int = 0, fmt: int = 0, pattern: int = 0, colour: int = 64) -> bytes:
    b2 = pattern << 26
    return record(0x00E0, struct.pack("<HHHBBBBIIH", font_index, fmt, 0, 0x20, 0, 0, 0, 0,
                                      b2, colour | (65 << 7)))


def cell(code: int, row: int, col: int, xf_index: int, rest: bytes) -> bytes:
    return record(code, struct.pack("<HHH", row, col, xf_index) + rest)


def rk_int(value: int, div100: bool = False) -> int:
    return ((value << 2) | 2 | int(div100)) & 0xFFFFFFFF


def rk_float(value: float) -> int:
    """The top 30 bits of a double (exact only for values whose low 34 bits are zero)."""
    high, = struct.unpack("<I", struct.pack("<d", value)[4:])
    return high & 0xFFFFFFFC


@dataclasses.dataclass
class Sheet:
    name: str
    cells: list[bytes]
    visibility: int = 0


def workbook(sheets: list[Sheet], *, fonts: list[bytes], xfs: list[bytes], sst: list[str],
             formats: dict[int, str] | None = None, palette: list[tuple[int, int, int]] | None
             = None, datemode: int = 0, extra: bytes = b"") -> bytes:
    """The Workbook stream: globals (BOUNDSHEET offsets filled in), then each sheet."""
    sst_data = struct.pack("<II", len(sst), len(sst)) + b"".join(text8(s) for s in sst)
    head = [bof(5), extra, record(0x0022, struct.pack("<H", datemode)), *fonts]
    head += [record(0x041E, struct.pack("<H", k) + text8(v)) for k, v in (formats or {}).items()]
    head += xfs
    if palette:
        head.append(record(0x0092, struct.pack("<H", len(palette)) + b"".join(
            struct.pack("<BBBB", r, g, b, 0) for r, g, b in palette)))
    bodies = [bof(0x10) + b"".join(s.cells) + record(0x000A, b"") for s in sheets]
    tail = record(0x00FC, sst_data) + record(0x000A, b"")
    sizes = [len(record(0x0085, struct.pack("<IBB", 0, 0, 0) + text8(s.name, 1)))
             for s in sheets]
    offset = sum(len(h) for h in head) + sum(sizes) + len(tail)
    bound = []
    for sheet, body in zip(sheets, bodies):
        bound.append(record(0x0085, struct.pack("<IBB", offset, sheet.visibility, 0)
                            + text8(sheet.name, 1)))
        offset += len(body)
    return b"".join(head) + b"".join(bound) + tail + b"".join(bodies)


def write_ole(path: Path, stream: bytes, name: str = "Workbook") -> None:
    """An OLE2 compound file holding one stream; under 4096 bytes it goes in the mini stream
    (sector 2 is then the mini FAT, the root entry's sectors the mini stream)."""
    sector = 512
    fat = [FATSECT, END]
    entries_extra = b""
    if len(stream) < 4096:
        minis = (len(stream) + 63) // 64
        minifat = [i + 1 for i in range(minis - 1)] + [END]
        minifat += [FREE] * (128 - len(minifat))
        container = stream.ljust(minis * 64, b"\0")
        fat.append(END)  # sector 2: the mini FAT
        root_first = len(fat)
        count = (len(container) + sector - 1) // sector
        fat.extend(root_first + i + 1 for i in range(count - 1))
        fat.append(END)
        root = (root_first, len(container))
        own = (0, len(stream))
        payload = struct.pack("<128I", *minifat) + container.ljust(count * sector, b"\0")
        mini_header = (2, 1)
    else:
        first = len(fat)
        count = (len(stream) + sector - 1) // sector
        fat.extend(first + i + 1 for i in range(count - 1))
        fat.append(END)
        root = (END, 0)
        own = (first, len(stream))
        payload = stream.ljust(count * sector, b"\0")
        mini_header = (END, 0)
    if len(fat) > 128:
        raise ValueError("one FAT sector only: keep test workbooks under 60 KB")
    fat += [FREE] * (128 - len(fat))

    def entry(label: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (label + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", FREE, FREE, child) + b"\0" * 36
                + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, *root) + entry(name, 2, FREE, *own)
                 + entries_extra).ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, *mini_header, END, 0)
              + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108)
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + payload)
