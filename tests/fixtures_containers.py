"""Files as other programs save them, built byte by byte for the importers' tests: an OLE
compound file (the container of .xls workbooks and of password-protected .xlsx ones) and a
workbook whose text sits in a shared strings table, as Excel saves it. tests/fixtures_xlsx.py
imports both, so ``fixtures_xlsx.make_ole`` and ``fixtures_xlsx.as_shared_strings`` still work."""

from __future__ import annotations

import re
from pathlib import Path


def make_ole(path: Path, streams: dict[str, bytes]) -> None:
    """A small but well-formed OLE compound file (the container of .xls workbooks and of
    password-protected .xlsx ones) holding ``streams`` at the root. Streams are padded with zero
    bytes to at least 4 KB so that all live in regular 512-byte sectors (no mini stream)."""
    import struct

    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    sector = 512
    data = [(name, payload.ljust(4096, b"\0")) for name, payload in streams.items()]
    fat: list[int] = [fat_sect, end]  # sector 0: the FAT, sector 1: the directory
    starts: list[int] = []
    for _name, payload in data:
        count = len(payload) // sector + (len(payload) % sector > 0)
        first = len(fat)
        starts.append(first)
        fat.extend(first + i + 1 for i in range(count - 1))
        fat.append(end)
    fat.extend([free] * (sector // 4 - len(fat)))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4
                + b"\0" * 16 + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, 1 if data else free, free, end, 0)]
    for i, (name, payload) in enumerate(data, start=1):
        right = i + 1 if i < len(data) else free
        entries.append(entry(name, 2, free, right, starts[i - 1], len(payload)))
    while len(entries) % 4:
        entries.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", free, free,
                                                                                  free)
                       + b"\0" * 40 + struct.pack("<IQ", 0, 0))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    body = struct.pack(f"<{sector // 4}I", *fat) + b"".join(entries)[:sector].ljust(sector, b"\0")
    path.write_bytes(header + body + b"".join(payload for _n, payload in data))


_INLINE_CELL = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)


def as_shared_strings(src: Path, dst: Path) -> Path:
    """A copy of an openpyxl-written workbook with its text moved, runs and all, from inline
    strings into a shared strings table, which is how Excel saves text."""
    import zipfile

    table: dict[bytes, int] = {}

    def swap(m: re.Match[bytes]) -> bytes:
        index = table.setdefault(m.group(3), len(table))
        return b"<c " + m.group(1) + b't="s"' + m.group(2) + b"><v>%d</v></c>" % index

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE_CELL.sub(swap, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" '
                                    b'ContentType="application/vnd.openxmlformats-officedocument.'
                                    b'spreadsheetml.sharedStrings+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSST" '
                                    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                    b'relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    b"</Relationships>")
            zout.writestr(info, data)
        items = b"".join(b"<si>" + s + b"</si>" for s in table)
        zout.writestr("xl/sharedStrings.xml",
                      b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.'
                      b'openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
                      % (len(table), len(table)) + items + b"</sst>")
    return dst
