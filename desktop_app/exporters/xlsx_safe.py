"""The one writer seam for every workbook the app writes for other people (the tracker
export, the statistics, the chase workbooks, anything new).

Text that reaches a workbook may have come from someone else's spreadsheet, so on the way out:

- it is written as text, never as a formula (openpyxl saves any string starting with "=" as a
  live formula); text Excel would read as a formula when the cell is edited (starting with
  = + - @, a tab or a carriage return, after any spaces, or their full-width forms) also gets
  Excel's quote prefix;
- control characters that are not allowed in the file format (and that openpyxl refuses with
  IllegalCharacterError) are removed;
- it is cut to Excel's limit of 32,767 characters per cell, saying so at its end.

``save_workbook`` passes over every cell of every sheet before saving, so a value written any
other way (``ws.append``, ``ws["A1"] = ...``) is made safe too, and writes the file in one step
(a temporary file beside it, renamed into place; never a stray ``.part`` file).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.exporters.atomic import replace_whole

MAX_CELL_CHARS = 32_767
TRUNCATED = " [cut: longer than a spreadsheet cell holds]"
DATE_FORMAT = "dd/mm/yyyy"
# The characters XML 1.0 cannot carry (openpyxl's ILLEGAL_CHARACTERS_RE), and the other C0/C1
# controls and bidirectional overrides, which only ever disguise text; tab, CR, LF are kept.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20",
                  "\ufe62", "\ufe63", "\ufe66")


def clean_text(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """``text`` without control characters and within ``limit`` characters."""
    text = _CONTROL.sub("", text)
    if len(text) > limit:
        text = text[:limit - len(TRUNCATED)] + TRUNCATED
    return text


def formula_like(text: str) -> bool:
    """Would Excel (or LibreOffice) take this text for a formula when the cell is edited?"""
    stripped = text.lstrip(" ")
    return stripped.startswith(_FORMULA_START) or text.startswith(_FORMULA_START)


def _make_safe(cell: Any) -> None:
    value = cell.value
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        cell.data_type = "s"        # text, whatever it begins with
        if formula_like(value):
            cell.quotePrefix = True


def put_cell(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    """Write one value: text as safe text, dates as date cells (dd/mm/yyyy), numbers as
    numbers; anything else as its text."""
    cell: Any = ws.cell(row=row, column=col)
    if isinstance(value, dt.datetime):
        value = value.date()
    if value is None or isinstance(value, (bool, int, float, dt.date, dt.time)):
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        return cell
    text = clean_text(value if isinstance(value, str) else str(value))
    cell.value = text
    cell.data_type = "s"
    if formula_like(text):
        cell.quotePrefix = True
    return cell


def make_safe(wb: Workbook) -> int:
    """Neutralise every text cell of every sheet; returns the number of cells looked at."""
    seen = 0
    for ws in wb.worksheets:
        if not isinstance(ws, Worksheet):
            continue
        for cell in list(ws._cells.values()):  # noqa: SLF001 - every stored cell, no new ones
            seen += 1
            _make_safe(cell)
        for dv in ws.data_validations.dataValidation:   # our own lists: keep them short text
            if dv.formula1 and len(dv.formula1) > 255:
                raise ValueError("a list of choices is longer than Excel allows (255)")
    return seen


def save_workbook(wb: Workbook, path: str | os.PathLike[str]) -> Path:
    """Make every cell safe, then write ``path`` in one step."""
    make_safe(wb)
    return replace_whole(path, wb.save)
