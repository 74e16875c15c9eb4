"""Formula cells saved without a value.

The importer reads the value Excel saved with each formula (the cached value). A workbook
written by a program that does not calculate (a script, some exports) holds formulas with no
value: those cells read as blank, and a row made of them would vanish without a word. This
names them in the import's summary instead, per sheet with the rows, so the officer can open
the file in Excel, save it (which calculates them) and import again.

The parts were checked by xlsx_safety before (no DOCTYPE or ENTITY declarations), so the
standard library's parser cannot expand entities here.
"""

from __future__ import annotations

import os
import posixpath
import zipfile
from desktop_app.domain.lazy_re import lazy

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW_OF = lazy(r"(\d+)$")


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet title, part name) in workbook order."""
    from xml.etree import ElementTree  # (only for an .xlsx: an .xls or .csv never needs it)

    rels = {}
    try:
        tree = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        for rel in tree.iter(f"{_PKG_REL}Relationship"):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            rels[rel.get("Id")] = part
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    except (KeyError, ElementTree.ParseError):
        return []
    return [(s.get("name", ""), rels.get(s.get(f"{_REL}id"), ""))
            for s in book.iter(f"{_MAIN}sheet")]


def uncached_formulas(path: str | os.PathLike[str]) -> dict[str, list[int]]:
    """Sheet title -> the rows holding a formula saved without a value (xlsx/xlsm only)."""
    found: dict[str, list[int]] = {}
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        return found
    with archive:
        from xml.etree import ElementTree

        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return found
        for title, part in _sheet_parts(archive):
            if part not in names:
                continue
            with archive.open(part) as src:
                if b"<f" not in src.read():      # most parts: no formula at all
                    continue
            rows: set[int] = set()
            with archive.open(part) as src:
                for _event, element in ElementTree.iterparse(src):
                    if element.tag == f"{_MAIN}c":
                        formula = element.find(f"{_MAIN}f")
                        if formula is not None and not (element.findtext(f"{_MAIN}v") or
                                                        element.find(f"{_MAIN}is") is not None):
                            m = _ROW_OF.search(element.get("r", ""))
                            if m:
                                rows.add(int(m.group(1)))
                        element.clear()
                    elif element.tag == f"{_MAIN}row":
                        element.clear()
            if rows:
                found[title] = sorted(rows)
    return found


def formula_notes(path: str | os.PathLike[str]) -> list[str]:
    """The summary's lines for formula cells saved without a value."""
    notes = []
    for title, rows in uncached_formulas(path).items():
        shown = ", ".join(str(r) for r in rows[:20]) + (" ..." if len(rows) > 20 else "")
        notes.append(f"sheet '{title}': formula cells saved without a value (read as blank) in "
                     f"row{'s' if len(rows) > 1 else ''} {shown}; open the file in Excel, "
                     "save it and import again")
    return notes
