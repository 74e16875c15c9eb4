"""Formula cells: those saved without a value, and the columns of a tracker that are formulas.

The importer reads the value Excel saved with each formula (the cached value). A workbook
written by a program that does not calculate (a script, some exports) holds formulas with no
value: those cells read as blank, and a row made of them would vanish without a word. This
names them in the import's summary instead, per sheet with the rows, so the officer can open
the file in Excel, save it (which calculates them) and import again.

A column of formulas is read as Excel last showed it (a reference =ROW()-4 is its number),
and named in the summary. A formula that works from today's date (TODAY(), NOW(): "Overdue" when
the due date is past) showed what was true on the day the file was saved, not on the day of the
import: its saved value is not read (xlsx_grid leaves the cell empty), so a stale "Overdue" or
"Open" makes nothing open or overdue; the app works out overdue from the due date itself.

The parts were checked by xlsx_safety before (no DOCTYPE or ENTITY declarations), so the
standard library's parser cannot expand entities here.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

from desktop_app.domain.lazy_re import lazy

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW_OF = lazy(r"(\d+)$")
_VOLATILE = lazy(r"\b(?:TODAY|NOW)\s*\(", re.I)


def is_volatile(formula: str) -> bool:
    """Whether a formula works from today's date (its saved value is as of the saving)."""
    return bool(_VOLATILE.search(formula))


def formula_columns(grid: Any, labels: Mapping[int, str], rows: Iterable[int]
                    ) -> tuple[list[tuple[str, str]], list[str]]:
    """((sheet, header) of each column of the table holding a formula in a record's row, the
    summary's line saying so); ([], []) for a sheet with no formulas (nearly all)."""
    formulas = grid.formulas
    if not formulas:
        return [], []
    found: dict[int, bool] = {}  # column -> whether it works from today's date
    for number in rows:
        for col in labels:
            text = formulas.get((number, col))
            if text is not None:
                found[col] = found.get(col, False) or is_volatile(text)
    if not found:
        return [], []
    names = ", ".join(f"'{labels[c]}'" for c in sorted(found))
    note = (f"sheet '{grid.title}': column(s) {names} are Excel formulas, read as the file last "
            "saved them")
    today = ", ".join(f"'{labels[c]}'" for c in sorted(found) if found[c])
    if today:
        note += (f"; {today} is worked out from today's date (TODAY() or NOW()), so its "
                 "saved values were true on the day the file was saved, not now: not read (the "
                 "app works out what is overdue from the due dates)")
    return [(grid.title, labels[c]) for c in sorted(found)], [note]


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
