"""One grid model that every tracker format feeds: per sheet (or Word table, or CSV file), each
non-empty cell's value, text colour and fill, the merged ranges, and what was hidden.

    grids = read_grids("tracker.xls")     # .xlsx/.xlsm, .xls, .csv or .docx, told by signature

Header finding, continuation rows, statuses and dates (xlsx_headers, xlsx_walk, xlsx_values)
read these grids and nothing else, so they are written once for every format. One small reader
per format fills them: ``xlsx_grid`` (openpyxl), ``read_xls`` (xlrd), ``read_csv`` (the csv
module), ``read_docx`` (python-docx). Which reader runs is decided by the file's first bytes
(``xlsx_safety.check_workbook_file``), not by its extension: a .xls that is really a CSV is read
as a CSV.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

# One cell: (value, text colour flags from xlsx_colours, fill class or None). Values are str,
# int, float, bool, datetime/date/time; rich text arrives as its plain str.
CellInfo = tuple[Any, int, "str | None"]


@dataclasses.dataclass
class SheetGrid:
    title: str  # the sheet's name; "Table 1", "Table 2" for Word; the file's stem for a CSV
    # 1-based row -> 1-based column -> cell; a Word table's caption is row 0 (above its rows)
    rows: dict[int, dict[int, CellInfo]]
    merges: list[tuple[int, int, int, int]]  # (min_row, min_col, max_row, max_col)
    hidden: bool = False
    # rows the officer hid (1-based, as Excel counts); imported, and named in the summary
    hidden_rows: set[int] = dataclasses.field(default_factory=set)
    # Word: the nearest heading or paragraph above the table (also row 0, read as a title row)
    caption: str = ""
    # Word: the headings between the previous table and this one, top first ("Cabinet – 23
    # March 2023" above "Response to ..."): where an executive response names its decision date
    headings: list[str] = dataclasses.field(default_factory=list)
    # cells whose value was copied from the top of a merged range by ``fill_merges``: for the
    # rules, such a value counts as "same as above", not as a value written again
    merge_filled: set[tuple[int, int]] = dataclasses.field(default_factory=set)
    # Word: a letter with no table, one row per paragraph (an executive response: exec_letter)
    letter: bool = False
    # Excel tables (ListObjects) as (first row, first column, last row, last column): a header
    # is read within one of them (xlsx_tables)
    tables: list[tuple[int, int, int, int]] = dataclasses.field(default_factory=list)
    # Word: the paragraphs under the document's tables (a key to the colours: "Key: Green – on
    # track; ..."), the same list for every table of the document
    legend: list[str] = dataclasses.field(default_factory=list)
    # Word: the table goes on from the one before it (split across pages: nothing written
    # between them, as many columns); read under that table's header when it has none itself
    continues: bool = False
    # what the reader has to say about the file (a CSV's dates read month first)
    notes: list[str] = dataclasses.field(default_factory=list)
    # .xlsx: the formula of each formula cell, (row, column) -> its text; the cell holds the
    # value Excel saved with it, or nothing when it works from today's date (xlsx_formulas)
    formulas: dict[tuple[int, int], str] = dataclasses.field(default_factory=dict)
    # .xlsx: the cell notes (comments), (row, column) -> text without Excel's "Author:" line
    cell_notes: dict[tuple[int, int], str] = dataclasses.field(default_factory=dict)

    @property
    def max_row(self) -> int:
        return max(self.rows, default=0)

    @property
    def max_col(self) -> int:
        return max((max(r) for r in self.rows.values() if r), default=0)

    def filled_from_merge(self, row: int, col: int) -> bool:
        return (row, col) in self.merge_filled

    def fill_merges(self) -> None:
        """A range merged down several rows shows its value on each of them, in its first column
        (a meeting date or item merged down over its recommendations). Merges across columns
        add nothing: the value stays in the first cell. The copies carry no text colour: the
        colour belongs to the row where it was written."""
        for min_row, min_col, max_row, _max_col in self.merges:
            if max_row <= min_row:
                continue
            top = self.rows.get(min_row, {}).get(min_col)
            if top is None:
                continue
            top = (top[0], 0, top[2])
            for r in range(min_row + 1, max_row + 1):
                row = self.rows.setdefault(r, {})
                if row.get(min_col) is None:
                    row[min_col] = top
                    self.merge_filled.add((r, min_col))


def read_grids(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """Every sheet (or table) of a checked tracker file as a SheetGrid, whatever its format."""
    from desktop_app.importers.xlsx_safety import check_workbook_file

    fmt = check_workbook_file(path)
    if fmt == "xls":
        from desktop_app.importers.read_xls import read_xls
        return read_xls(path)
    if fmt == "csv":
        from desktop_app.importers.read_csv import read_csv
        return read_csv(path)
    if fmt == "docx":
        from desktop_app.importers.read_docx import read_docx
        return read_docx(path)
    from desktop_app.importers.xlsx_grid import read_grids_checked
    return read_grids_checked(path)


def hidden_parts(grids: list[SheetGrid]) -> tuple[list[str], list[tuple[str, int]]]:
    """(hidden sheets, hidden rows with something in them as (sheet, row)): what the import's
    summary names."""
    sheets = [g.title for g in grids if g.hidden]
    rows = [(g.title, r) for g in grids for r in sorted(g.hidden_rows) if g.rows.get(r)]
    return sheets, rows


def hidden_notes(grids: list[SheetGrid], read: set[str] | None = None) -> list[str]:
    """The summary's lines naming hidden sheets and hidden rows (imported all the same).
    ``read``: the sheets records were read from (None: all); a hidden sheet with none on it (a
    drop-down "Lists" sheet, an empty template) is named as having nothing to import."""
    notes = []
    for grid in grids:
        if grid.hidden:
            imported = read is None or grid.title in read
            notes.append(f"sheet '{grid.title}' is hidden: "
                         + ("its rows are imported" if imported else "nothing on it to import"))
        rows = sorted(r for r in grid.hidden_rows if grid.rows.get(r))
        if rows:
            shown = ", ".join(str(r) for r in rows[:20]) + (" ..." if len(rows) > 20 else "")
            notes.append(f"sheet '{grid.title}': hidden row{'s' if len(rows) > 1 else ''} "
                         f"{shown} imported")
    return notes
