"""The plain work of the import wizard, run on worker threads (``workers.start_job``).

These functions take and return plain data and never touch widgets. A workbook is read once into
grids (``xlsx_grid.read_grids``, which runs the safety check first); each change of kind or
column mapping re-parses those grids with ``xlsx_reader.parse_grids``, so the file is not opened
again. The import itself is ``services.importing.import_file``, cancelled through its
``cancel`` callable (see ``ImportWizard._saving``).

Column mapping, as the command line's ``--map "Header=field"``: the wizard keeps only the
headers whose reading the officer changed ({"Header text": "field" or "ignore"}); the others keep
the reading the header vocabulary gives them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop_app.services.import_preview import (KINDS, ImportFileError, ParsedWorkbook,
                                                 SheetGrid, candidate_rows, check_workbook_file,
                                                 detect_kind, fail, find_header, header_rows,
                                                 mappable_fields, normalise, parse_grids,
                                                 parse_mapping, read_grids)
from desktop_app.ui.errors import first_line
from desktop_app.ui.importing.text import for_people, show_value


@dataclasses.dataclass
class WorkbookInfo:
    """A workbook read into grids, and what its headers say it is."""
    path: str
    grids: list[SheetGrid]
    detected: str | None
    detect_problem: str
    found: dict[str, list[tuple[str, int, int]]]   # kind -> (sheet, header row, fields)

    @property
    def name(self) -> str:
        return Path(self.path).name


def read_workbook(path: str) -> WorkbookInfo:
    """Check and read ``path`` (worker thread); ImportFileError when it cannot be read."""
    grids = read_grids(path)  # the safety check first, then the cells
    sheets = [g for g in grids if g.rows]
    if not sheets:
        raise fail(path, "the workbook is empty (no sheet has any data)")
    found: dict[str, list[tuple[str, int, int]]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        for grid in sheets:
            header = find_header(grid, kind, {})
            if header is not None:
                found[kind].append((grid.title, header.row, len(header.fields)))
    try:
        detected, problem = detect_kind(path, sheets, {}), ""
    except ImportFileError as exc:
        detected, problem = None, for_people(str(exc))
    return WorkbookInfo(str(path), sheets, detected, problem, found)


@dataclasses.dataclass
class Column:
    """A header of the sheet(s), and what it is read as."""
    label: str                  # as written (the first time it is met)
    sheets: list[str]
    field: str | None           # None: ignored
    sample: str                 # the first value under it
    recognised: bool = True     # False: a row that may be the header, none being recognised


@dataclasses.dataclass
class Preview:
    kind: str
    mapping: dict[str, str]
    columns: list[Column]
    parsed: ParsedWorkbook | None
    problem: str


def _sample(grid: SheetGrid, below: int, col: int) -> str:
    for number in sorted(r for r in grid.rows if r > below)[:40]:
        info = grid.rows[number].get(col)
        if info is not None and info[0] not in (None, ""):
            text = show_value(info[0])
            return text if len(text) <= 60 else text[:57] + "\u2026"
    return ""


def scan_columns(grids: list[SheetGrid], kind: str, mapping: dict[str, str]) -> list[Column]:
    """Every header of the sheets' header rows for ``kind`` with the field it is read as; when
    no sheet has one, the first row of each sheet that looks like headings, all ignored unless
    mapped, so that the officer can say which column is which."""
    columns: dict[str, Column] = {}
    allowed = set(mappable_fields(kind))

    def add(grid: SheetGrid, header_row: int, col: int, label: str, field: str | None,
            recognised: bool) -> None:
        key = normalise(label)
        if not key:
            return
        column = columns.get(key)
        if column is None:
            column = columns[key] = Column(label, [], field, _sample(grid, header_row, col),
                                           recognised)
        if grid.title not in column.sheets:
            column.sheets.append(grid.title)
        if column.field is None and field is not None:
            column.field = field

    for grid in grids:
        for header in header_rows(grid, kind, mapping):  # the first, and any repeated below
            for col, label in sorted(header.labels.items()):
                add(grid, header.row, col, label, header.columns.get(col), True)
    if columns:
        return list(columns.values())
    for grid in grids:  # nothing recognised: offer the likeliest heading row of each sheet
        for number in candidate_rows(grid):
            texts = {col: info[0].strip() for col, info in grid.rows[number].items()
                     if isinstance(info[0], str) and info[0].strip() and len(info[0]) <= 80}
            if len(texts) >= 2:
                for col, label in sorted(texts.items()):
                    mapped = mapping.get(normalise(label))
                    add(grid, number, col, label, mapped if mapped in allowed else None, False)
                break
    return list(columns.values())


def preview(path: str, grids: list[SheetGrid], kind: str, mapping: dict[str, str]) -> Preview:
    """Parse the grids as ``kind`` with the officer's ``mapping`` (worker thread)."""
    user = parse_mapping(path, mapping)
    columns = scan_columns(grids, kind, user)
    try:
        parsed, problem = parse_grids(path, grids, kind, mapping), ""
    except ImportFileError as exc:
        parsed, problem = None, for_people(str(exc))
    return Preview(kind, dict(mapping), columns, parsed, problem)


def check_file(path: str) -> str | None:
    """Why ``path`` cannot be imported (one line), or None. Milliseconds: zip directory only."""
    if not path:
        return None
    try:
        check_workbook_file(path)
    except ImportFileError as exc:
        return first_line(exc)
    return None


__all__ = ["Column", "Preview", "WorkbookInfo", "check_file", "preview",
           "read_workbook", "scan_columns"]
