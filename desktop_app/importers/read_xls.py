"""An Excel 97-2003 (.xls) workbook into grids: biff.py's fast reader, else xlrd.

``read_biff`` (biff.py) reads an ordinary BIFF8 workbook several times faster than xlrd and
gives the same grids; whenever it is not sure of something (an older BIFF, encryption, damage,
records it does not expect) it gives up, and the file is read through xlrd as below, which
also words the one-line error for a file neither can read. ``READS`` counts which path read
each workbook (the tests check that an ordinary file takes the fast one).

Through xlrd:
``open_workbook(path, formatting_info=True)`` gives the cells with their XF (style) records, so
each cell's font colour (blue = new, red = updated, as in .xlsx) and fill (red/amber/green) are
judged once per XF and cached; merged ranges come from ``sheet.merged_cells``, hidden sheets from
``sheet.visibility``, hidden rows from ``rowinfo_map``, dates from the cell type (xldate).
"""

from __future__ import annotations

import gc
import os
from typing import Any

from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_colours import STRUCK, fill_class, text_class
from desktop_app.importers.xlsx_safety import ImportFileError, fail


# how many workbooks each path has read in this process: "biff" (fast), "xlrd" (fallback)
READS = {"biff": 0, "xlrd": 0}


def read_xls(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """Every sheet of a checked .xls workbook as a SheetGrid (merges filled down)."""
    grids = _read_fast(path)
    if grids is None:
        READS["xlrd"] += 1
        grids = _read_with_xlrd(path)
    else:
        READS["biff"] += 1
    for grid in grids:
        grid.fill_merges()
    return grids


def _formulas_beside_xlrd(path: str | os.PathLike[str], grids: list[SheetGrid]) -> None:
    """The formula cells of a workbook xlrd read (xlrd keeps no formulas), from its stream
    when that is plain BIFF8: as the fast reader has them, TODAY() / NOW() values left out."""
    from desktop_app.importers.biff import without_today
    from desktop_app.importers.biff_container import NotSure, workbook_stream
    from desktop_app.importers.biff_formulas import sheet_formulas

    try:
        with open(path, "rb") as fh:
            found = sheet_formulas(workbook_stream(fh.read()))
    except (NotSure, OSError, ValueError):
        return
    for grid in grids:
        marks = found.get(grid.title)
        if marks:
            grid.formulas = without_today(grid.rows, marks)
            grid.rows = {r: row for r, row in grid.rows.items() if row}


def _read_fast(path: str | os.PathLike[str]) -> list[SheetGrid] | None:
    """The grids from biff.py's reader, or None when it is not sure (or anything failed)."""
    from desktop_app.importers.biff import read_biff, read_biff_stream
    from desktop_app.importers.biff_container import checked_stream

    collecting = gc.isenabled()
    gc.disable()  # the grid is a tree of tuples and dicts: nothing for the collector to find
    try:
        stream = checked_stream(path)  # found when the file was checked, if unchanged since
        if stream is not None:
            return read_biff_stream(stream)
        with open(path, "rb") as fh:
            data = fh.read()
        return read_biff(data)
    except Exception:  # noqa: BLE001 - NotSure, or any surprise: xlrd reads it instead
        return None
    finally:
        if collecting:
            gc.enable()


def _read_with_xlrd(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """Every sheet through xlrd (merges not yet filled); a file it cannot read: one line."""
    import xlrd

    try:
        with open(os.devnull, "w") as quiet:
            book = xlrd.open_workbook(str(path), formatting_info=True, logfile=quiet,
                                      on_demand=True)
            try:
                styles = _styles(book)
                grids = []
                for i in range(book.nsheets):
                    grids.append(_sheet(book, book.sheet_by_index(i), styles))
                    book.unload_sheet(i)  # its cells are in the grid now: free xlrd's copy
            finally:
                book.release_resources()
    except ImportFileError:
        raise
    except MemoryError:
        raise fail(path, "the workbook is too large to read") from None
    except Exception as exc:  # noqa: BLE001 - xlrd raises XLRDError, struct/index errors...
        detail = (str(exc).strip() or exc.__class__.__name__)[:200]
        raise fail(path, f"this Excel 97-2003 (.xls) workbook cannot be read ({detail}); open "
                         "it in Excel and save as .xlsx") from None
    _formulas_beside_xlrd(path, grids)
    return grids


def _rgb(book: Any, index: int | None) -> tuple[float, float, float] | None:
    if index is None:
        return None
    found = book.colour_map.get(index)
    if found is None:
        return None
    return (found[0] / 255, found[1] / 255, found[2] / 255)


def _styles(book: Any) -> list[tuple[int, str | None]]:
    """(text colour flags, fill class) for every XF record of the workbook."""
    fonts = book.font_list
    found = []
    for xf in book.xf_list:
        font = fonts[xf.font_index] if xf.font_index < len(fonts) else None
        flags = text_class(_rgb(book, font.colour_index if font is not None else None))
        if font is not None and font.struck_out:
            flags |= STRUCK
        background = xf.background
        fill = None
        if background is not None and background.fill_pattern:
            fill = fill_class(_rgb(book, background.pattern_colour_index))
        found.append((flags, fill))
    return found


def _sheet(book: Any, sheet: Any, styles: list[tuple[int, str | None]]) -> SheetGrid:
    import xlrd
    from xlrd.xldate import xldate_as_datetime

    text, number, date, boolean, error = (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER,
                                          xlrd.XL_CELL_DATE, xlrd.XL_CELL_BOOLEAN,
                                          xlrd.XL_CELL_ERROR)
    datemode = book.datemode
    rows: dict[int, dict[int, CellInfo]] = {}
    # (flags, fill) per XF index; a cell without one (-1, past the list) has neither
    style = [*styles, (0, None)]
    plain = len(style) - 1
    dates: dict[float, Any] = {}  # a tracker repeats its meeting and due dates
    all_types, all_values, all_xfs = sheet._cell_types, sheet._cell_values, sheet._cell_xf_indexes
    for r in range(sheet.nrows):
        row: dict[int, CellInfo] = {}
        types, values = all_types[r], all_values[r]
        xfs = all_xfs[r] if r < len(all_xfs) else ()
        known = len(xfs)
        for i, kind in enumerate(types):
            value = values[i]
            if kind == text:
                if not value.strip():
                    value = None
            elif kind == number:
                if value.is_integer():
                    value = int(value)
            elif kind == date:
                day = dates.get(value)
                if day is None:
                    try:
                        day = dates[value] = xldate_as_datetime(value, datemode)
                    except Exception:  # noqa: BLE001 - an out-of-range date stays a number
                        day = value
                value = day
            elif kind == boolean:
                value = bool(value)
            elif kind == error:
                value = xlrd.error_text_from_code.get(value, "#VALUE!")
            else:  # empty or blank
                value = None
            xf = xfs[i] if i < known else -1
            flags, fill = style[xf if 0 <= xf < plain else plain]
            if value is None:
                if fill is not None:
                    row[i + 1] = (None, 0, fill)
                continue
            row[i + 1] = (value, flags, fill)
        if row:
            rows[r + 1] = row
    merges = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
    hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
    return SheetGrid(sheet.name, rows, merges, hidden=sheet.visibility != 0,
                     hidden_rows=hidden_rows)
