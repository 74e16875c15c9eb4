"""The fallback .xlsx reader (``xlsx_grid.read_grids_normal``): the same grids as the fast
reader, through openpyxl's public normal-mode API (merged cells, rich text, notes, tables and
formulas kept; a value worked out from today's date left out, as the fast reader does). The
tests hold the two readers to the same answer."""

from __future__ import annotations

import os
from collections.abc import Iterator

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_colours import Palette
from desktop_app.importers.xlsx_formulas import is_volatile
from desktop_app.importers.xlsx_grid import _bounds, _openable, _text_flags
from desktop_app.importers.xlsx_notes import note_text


def _formulas(path: str | os.PathLike[str]) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet title -> each formula cell's formula ((row, column) -> its text without "="; a
    shared formula worked out for each of its cells), through openpyxl's public API."""
    wb = load_workbook(_openable(path), read_only=True, data_only=False)
    try:
        found: dict[str, dict[tuple[int, int], str]] = {}
        for ws in wb.worksheets:
            formulas = found[ws.title] = {}
            for line in ws.iter_rows():
                for cell in line:
                    if getattr(cell, "data_type", None) == "f":
                        value = cell.value
                        text = getattr(value, "text", value)  # an array formula: its text
                        formulas[(int(cell.row or 0), int(cell.column or 0))] = \
                            str(text or "").lstrip("=")
        return found
    finally:
        wb.close()


def read_normal(path: str | os.PathLike[str]) -> Iterator[SheetGrid]:
    all_formulas = _formulas(path)
    wb = load_workbook(_openable(path), rich_text=True, data_only=True)
    try:
        palette = Palette(getattr(wb, "loaded_theme", None))
        for ws in wb.worksheets:
            rows: dict[int, dict[int, CellInfo]] = {}
            notes: dict[tuple[int, int], str] = {}
            for line in ws.iter_rows():
                for cell in line:
                    if isinstance(cell, MergedCell):
                        continue
                    if cell.comment is not None and (
                            text := note_text(cell.comment.text or "", cell.comment.author)):
                        notes[(cell.row, cell.column)] = text
                    fill = palette.fill_class(cell.fill)
                    font_flags = palette.font_class(cell.font)
                    value, flags = _text_flags(cell.value, font_flags, palette)
                    if value is None and fill is None:
                        continue
                    rows.setdefault(cell.row, {})[cell.column] = \
                        (value, flags if value is not None else 0, fill)
            merges = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
            hidden_rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
            tables = []
            for table in ws.tables.values():
                min_col, min_row, max_col, max_row = _bounds(table.ref)
                tables.append((min_row, min_col, max_row, max_col))
            formulas = all_formulas.get(ws.title, {})
            for (r, c), text in formulas.items():  # a value of today's date: not read
                cell_info = rows.get(r, {}).get(c)
                if cell_info is not None and is_volatile(text):
                    if cell_info[2] is None:
                        del rows[r][c]
                    else:
                        rows[r][c] = (None, 0, cell_info[2])
            rows = {r: row for r, row in rows.items() if row}
            yield SheetGrid(ws.title, rows, merges, hidden=ws.sheet_state != "visible",
                            hidden_rows=hidden_rows, tables=tables, cell_notes=notes,
                            formulas=formulas)
    finally:
        wb.close()
