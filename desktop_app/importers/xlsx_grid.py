"""Read a workbook into plain grids: per sheet, each non-empty cell's value, text colour and fill,
with merged ranges filled down.

Why not ``load_workbook(path)`` and walk the cells? Normal mode builds a styled Cell object for
every cell and costs about 1.6x what a read-only pass does (FIELD_NOTES, and measured again),
while read-only mode drops merged ranges and the rich text of inline-string cells (openpyxl
itself writes inline strings). So the fast reader lets openpyxl open the workbook read-only
(workbook, styles, theme; the shared strings with their runs) and then reads each sheet part
in one pass of its own (``_parse_sheet``): values, style ids, inline rich text, and the
``<mergeCells>`` that follow the rows. Colours are judged once per cell style and cached. With
the standard library's C XML parser this pass costs less than openpyxl's read-only iteration,
which goes through defusedxml's pure-Python parser (benchmarks/bench_import.py).

``read_grids_normal`` does the same through openpyxl's public normal-mode API. It is the
fallback should openpyxl's internals move, and the tests hold the two readers to the same
answer on every quirk workbook and seed layout. benchmarks/bench_tricks.py measures the two
side by side (about 3x at 500 rows, 6x at 5,000).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.etree.ElementTree import ParseError

from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.utils.exceptions import InvalidFileException

from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_colours import Palette
from desktop_app.importers.xlsx_safety import ImportFileError, check_workbook_file, fail
from desktop_app.importers.xlsx_formulas import is_volatile
from desktop_app.importers.xlsx_notes import cell_notes
from desktop_app.importers.xlsx_tables import table_ranges

# What openpyxl raises on a damaged part. (Our own errors are ImportFileError, a ValueError,
# and are passed through untouched.)
_DAMAGE = (zipfile.BadZipFile, KeyError, ValueError, ParseError, SyntaxError, OSError, EOFError,
           zlib.error, InvalidFileException, IndexError, TypeError, AttributeError)


def read_grids(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """Every worksheet of a checked workbook as a SheetGrid (fast reader, normal-mode fallback)."""
    check_workbook_file(path)
    return read_grids_checked(path)


def read_grids_checked(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """``read_grids`` once ``check_workbook_file`` has said the file is a safe .xlsx."""
    try:
        return _guard(path, lambda: list(_read_fast(path)))
    except _Unsupported:  # pragma: no cover - an openpyxl whose internals have moved
        return read_grids_normal(path, checked=True)


def read_grids_normal(path: str | os.PathLike[str], checked: bool = False) -> list[SheetGrid]:
    """Every worksheet through openpyxl's normal mode (merged cells and rich text kept)."""
    if not checked:
        check_workbook_file(path)
    from desktop_app.importers.xlsx_grid_normal import read_normal
    return _guard(path, lambda: list(read_normal(path)))


# The names openpyxl opens by path; it refuses any other (a workbook saved as .xls, or .txt)
# with a message about its own formats, though the bytes were found an .xlsx workbook.
_OPENPYXL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


def _openable(path: str | os.PathLike[str]) -> Any:
    """``path``, or (for a workbook whose name openpyxl refuses) its bytes: the format was told
    from them (check_workbook_file), never from the name."""
    if Path(path).suffix.lower() in _OPENPYXL_SUFFIXES:
        return path
    return io.BytesIO(Path(path).read_bytes())


class _Unsupported(Exception):
    """This openpyxl lacks an internal the fast reader relies on."""


def _guard(path: str | os.PathLike[str], job: Callable[[], list[SheetGrid]]) -> list[SheetGrid]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions, data validation
            grids = job()
    except (ImportFileError, _Unsupported):
        raise
    except MemoryError:
        raise fail(path, "the workbook is too large to read") from None
    except _DAMAGE as exc:
        raise _damaged(path, exc) from None
    for grid in grids:
        grid.fill_merges()
    return grids


def _text_flags(value: Any, font_flags: int, palette: Palette) -> tuple[Any, int]:
    if isinstance(value, CellRichText):
        return str(value), palette.runs_class(value, font_flags)
    if isinstance(value, str) and not value.strip():
        return None, 0
    return value, font_flags


def _read_shared_strings(src: Any) -> list[Any]:
    """The shared strings table: a plain entry as str, one with runs as CellRichText (as
    openpyxl's rich-text reader gives it, which builds a CellRichText for every entry first)."""
    si_tag, t_tag = f"{_NS}si", f"{_NS}t"
    strings: list[Any] = []
    for _event, node in ElementTree.iterparse(src):
        if node.tag != si_tag:
            continue
        if len(node) == 1 and node[0].tag == t_tag:
            strings.append(node[0].text or "")
        else:
            # typeshed wants openpyxl's own element type; any ElementTree element works
            rich = CellRichText.from_tree(node)  # pyright: ignore[reportArgumentType]
            if len(rich) == 0:
                strings.append("")
            elif len(rich) == 1 and isinstance(rich[0], str):
                strings.append(rich[0])
            else:
                strings.append(rich)
        node.clear()
    return strings


def _open_read_only(path: str | os.PathLike[str]) -> Any:
    """``load_workbook(path, read_only=True, rich_text=True, data_only=True)`` with the lean
    shared strings reader."""
    try:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.xml.constants import SHARED_STRINGS
    except ImportError as exc:  # pragma: no cover
        raise _Unsupported(str(exc)) from None

    class LeanReader(ExcelReader):
        def read_strings(self) -> None:
            ct = self.package.find(SHARED_STRINGS)
            if ct is not None:
                with self.archive.open(ct.PartName[1:]) as src:
                    self.shared_strings = _read_shared_strings(src)

    reader = LeanReader(_openable(path), read_only=True, data_only=True, rich_text=True)
    reader.read()
    return reader.wb


def _read_fast(path: str | os.PathLike[str]) -> Iterator[SheetGrid]:
    wb = _open_read_only(path)
    try:
        palette = Palette(getattr(wb, "loaded_theme", None))
        try:
            cell_styles, fonts, fills = wb._cell_styles, wb._fonts, wb._fills
            date_styles, timedelta_styles = wb._date_formats, wb._timedelta_formats
            for ws in wb.worksheets:
                if not (hasattr(ws, "_worksheet_path") and hasattr(ws, "_shared_strings")):
                    raise AttributeError("worksheets without _worksheet_path/_shared_strings")
        except AttributeError as exc:  # pragma: no cover
            raise _Unsupported(str(exc)) from None
        styles: dict[int, tuple[int, str | None]] = {}

        def style(style_id: int) -> tuple[int, str | None]:
            found = styles.get(style_id)
            if found is None:
                array = cell_styles[style_id] if style_id < len(cell_styles) else None
                if array is None:
                    found = (palette.font_class(None), None)
                else:
                    font = fonts[array.fontId] if array.fontId < len(fonts) else None
                    fill = fills[array.fillId] if array.fillId < len(fills) else None
                    found = (palette.font_class(font), palette.fill_class(fill))
                styles[style_id] = found
            return found

        for ws in wb.worksheets:
            try:
                formulas: dict[tuple[int, int], str] = {}
                with wb._archive.open(ws._worksheet_path) as src:
                    rows, merges, hidden_rows = _parse_sheet(
                        src, ws._shared_strings, style, palette, date_styles, timedelta_styles,
                        wb.epoch, formulas)
            except _DAMAGE as exc:
                raise _damaged(path, exc, ws.title) from None
            yield SheetGrid(ws.title, rows, merges, hidden=ws.sheet_state != "visible",
                            hidden_rows=hidden_rows, formulas=formulas,
                            tables=table_ranges(wb._archive, ws._worksheet_path),
                            cell_notes=cell_notes(wb._archive, ws._worksheet_path))
    finally:
        wb.close()


def _damaged(path: str | os.PathLike[str], exc: BaseException, sheet: str = "") -> ImportFileError:
    cause = exc.__cause__ if isinstance(exc.__cause__, Exception) else exc
    detail = (str(cause).strip() or cause.__class__.__name__)[:200]
    where = f"sheet '{sheet}' " if sheet else "the workbook "
    return fail(path, f"{where}is damaged and cannot be read ({detail})")


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _C, _V, _IS, _T, _F = (f"{_NS}{t}" for t in ("row", "c", "v", "is", "t", "f"))
_MERGE = f"{_NS}mergeCell"
_COLUMNS: dict[str, int] = {}


def _column(letters: str) -> int:
    found = _COLUMNS.get(letters)
    if found is None:
        found = 0
        for ch in letters:
            found = found * 26 + ord(ch) - 64
        _COLUMNS[letters] = found
    return found


def _parse_sheet(src: Any, shared: list[Any], style: Callable[[int], tuple[int, str | None]],
                 palette: Palette, date_styles: set[int], timedelta_styles: set[int],
                 epoch: dt.datetime, formulas: dict[tuple[int, int], str] | None = None
                 ) -> tuple[dict[int, dict[int, CellInfo]], list[tuple[int, int, int, int]],
                            set[int]]:
    """One worksheet part in a single pass: each cell's value (as openpyxl would give it with
    ``data_only=True, rich_text=True``: dates as datetimes, shared and inline strings, runs as
    CellRichText), its text colour and fill; and the merged ranges, which follow the rows.

    The standard library's C parser is used rather than openpyxl's pure-Python one: the part's
    prolog has been checked for DOCTYPE and ENTITY declarations (xlsx_safety), and without them
    no entity can be expanded.

    ``formulas`` collects each formula cell's formula ((row, column) -> its text, a shared
    formula's from its first cell); a value worked out from today's date (see xlsx_formulas.
    is_volatile) is not read: it was true on the day the file was saved."""
    rows: dict[int, dict[int, CellInfo]] = {}
    shared_formulas: dict[str, str] = {}
    merges: list[tuple[int, int, int, int]] = []
    hidden_rows: set[int] = set()
    row_number = 0
    known: dict[int, tuple[int, str | None]] = {}  # style id -> (text colour, fill)
    columns = _COLUMNS
    for _event, element in ElementTree.iterparse(src):
        tag = element.tag
        if tag == _ROW:
            r = element.get("r")
            row_number = int(float(r)) if r else row_number + 1
            if element.get("hidden") in ("1", "true"):
                hidden_rows.add(row_number)
            col = 0
            row: dict[int, CellInfo] = {}
            for c in element:
                if c.tag != _C:
                    continue
                get = c.get
                ref = get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    col = columns.get(letters) or _column(letters)
                else:
                    col += 1
                style_id = get("s")
                style_id = int(style_id) if style_id else 0
                font_flags, fill = known.get(style_id) or known.setdefault(style_id,
                                                                           style(style_id))
                kind = get("t")
                # the common cells inline: plain inline text, shared text, plain numbers
                if kind == "inlineStr" and len(c) == 1 and len(c[0]) == 1 and \
                        c[0].tag == _IS and c[0][0].tag == _T:
                    value = c[0][0].text
                elif kind == "s":
                    value = c.findtext(_V)
                    value = shared[int(value)] if value else None
                else:
                    value = _cell_value(c, kind or "n", style_id, shared, date_styles,
                                        timedelta_styles, epoch)
                    if len(c) and c[0].tag == _F and formulas is not None:
                        f = c[0]
                        text = f.text or shared_formulas.get(f.get("si", ""), "")
                        if f.get("t") == "shared" and f.text:
                            shared_formulas[f.get("si", "")] = f.text
                        formulas[(row_number, col)] = text
                        if is_volatile(text):
                            value = None
                if value is None or value == "":
                    if fill is not None:
                        row[col] = (None, 0, fill)
                    continue
                if value.__class__ is not str or not value.strip():
                    value, font_flags = _text_flags(value, font_flags, palette)
                    if value is None:
                        if fill is not None:
                            row[col] = (None, 0, fill)
                        continue
                row[col] = (value, font_flags, fill)
            if row:
                rows[row_number] = row
            element.clear()
        elif tag == _MERGE:
            ref = element.get("ref")
            if ref:
                min_col, min_row, max_col, max_row = _bounds(ref)
                merges.append((min_row, min_col, max_row, max_col))
    return rows, merges, hidden_rows


def _cell_value(c: Any, kind: str, style_id: int, shared: list[Any], date_styles: set[int],
                timedelta_styles: set[int], epoch: dt.datetime) -> Any:
    if kind == "inlineStr":
        inline = c.find(_IS)
        if inline is None:
            return None
        if len(inline) == 1 and inline[0].tag == _T:
            return inline[0].text or ""
        rich = CellRichText.from_tree(inline)
        if len(rich) == 1 and isinstance(rich[0], str):
            return rich[0]
        return rich if len(rich) else ""
    text = c.findtext(_V)
    if text is None or text == "":
        return None
    if kind == "n":
        number = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
        if style_id in date_styles:
            try:
                return from_excel(number, epoch, timedelta=style_id in timedelta_styles)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number
    if kind == "s":
        return shared[int(text)]
    if kind == "b":
        return bool(int(text))
    if kind == "d":
        return from_ISO8601(text)
    return text  # "str" (a formula's text result) and "e" (an error such as #N/A)


def _bounds(ref: str) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if min_col is None or min_row is None:  # a whole row or column, never a merged range
        raise ValueError(f"not a range of cells: {ref}")
    return min_col, min_row, max_col or min_col, max_row or min_row
