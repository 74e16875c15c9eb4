"""Excel tables (Insert > Table: a ListObject) on a sheet: where each one is.

An officer's tracker may be an Excel table, with a second small table beside it on the same
sheet (a key to the statuses, a list of contacts) sharing its header row. The table's own range
says which columns are the tracker's: a header is read within one table, so the other table's
columns are neither fields nor extra columns of the records (xlsx_headers.find_header). A totals
row is the table's last row; the walk already passes over "Total" rows.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from typing import Any

_TABLE_REL = "/table"

# (first row, first column, last row, last column), 1-based, header row first
TableRange = tuple[int, int, int, int]


def table_ranges(archive: zipfile.ZipFile, sheet_part: str) -> list[TableRange]:
    """The ranges of the Excel tables on one worksheet part ("xl/worksheets/sheet1.xml"), in
    the order the sheet lists them; [] when it has none (most sheets: no rels part at all)."""
    from openpyxl.utils.cell import range_boundaries

    from desktop_app.importers.xlsx_rels import related_roots

    found: list[TableRange] = []
    for root in related_roots(archive, sheet_part, _TABLE_REL):
        try:
            min_col, min_row, max_col, max_row = range_boundaries(root.get("ref", ""))
        except (ValueError, TypeError):
            continue
        if None not in (min_col, min_row, max_col, max_row):
            found.append((int(min_row or 0), int(min_col or 0), int(max_row or 0),
                          int(max_col or 0)))
    return found


def other_tables_note(grid: Any, header_row: int, columns: Iterable[int]) -> list[str]:
    """The summary's line naming the Excel tables on the sheet beside the one the records were
    read from (a key, a contacts list): not read. [] when there are none."""
    cols = set(columns)
    own = [t for t in grid.tables if t[0] == header_row and cols and
           t[1] <= min(cols) and max(cols) <= t[3]]
    if not own:
        return []
    others = [t for t in grid.tables if t not in own]
    if not others:
        return []
    from openpyxl.utils.cell import get_column_letter

    shown = ", ".join(f"{get_column_letter(c0)}{r0}:{get_column_letter(c1)}{r1}"
                      for r0, c0, r1, c1 in others)
    return [f"sheet '{grid.title}': Excel table(s) {shown} beside the records' table not read "
            "(a key or a list, not records)"]
