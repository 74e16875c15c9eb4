"""The plain work of the import wizard, run on worker threads (``workers.start_job``).

These functions take and return plain data and never touch widgets. A workbook is read once into
grids (``xlsx_grid.read_grids``, which runs the safety check first); each change of kind or
column mapping re-parses those grids with ``xlsx_reader.parse_grids``, so the file is not opened
again. The import itself runs inside ``cancel_points``, so that Cancel rolls it back.

Column mapping, as the command line's ``--map "Header=field"``: the wizard keeps only the
headers whose reading the officer changed ({"Header text": "field" or "ignore"}); the others keep
the reading the header vocabulary gives them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event

from desktop_app.importers.xlsx_grid import SheetGrid, read_grids
from desktop_app.importers.xlsx_headers import (candidate_rows, detect_kind, find_header,
                                                header_rows, parse_mapping)
from desktop_app.importers.xlsx_reader import ParsedWorkbook, parse_grids
from desktop_app.importers.xlsx_safety import ImportFileError, check_workbook_file, fail
from desktop_app.importers.xlsx_vocab import KINDS, mappable_fields, normalise
from desktop_app.ui.errors import first_line
from desktop_app.ui.importing.text import for_people, show_value
from desktop_app.ui.workers import Cancelled


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


@contextlib.contextmanager
def cancel_points(db: Any, ctx: Any) -> Iterator[None]:
    """While the block runs on this thread, each SQL statement and the final commit first
    look at the job's cancel flag and raise Cancelled when it is set: the unit of work then
    rolls back, so a cancelled import leaves the database as it was."""
    me = threading.get_ident()

    def statement(*_args: Any) -> None:
        if ctx.cancelled and threading.get_ident() == me:
            raise Cancelled()

    def commit(_session: Any) -> None:
        if ctx.cancelled and threading.get_ident() == me:
            raise Cancelled()

    event.listen(db.engine, "before_cursor_execute", statement)
    event.listen(db.sessions, "before_commit", commit)
    try:
        yield
    finally:
        event.remove(db.engine, "before_cursor_execute", statement)
        event.remove(db.sessions, "before_commit", commit)


def check_file(path: str) -> str | None:
    """Why ``path`` cannot be imported (one line), or None. Milliseconds: zip directory only."""
    if not path:
        return None
    try:
        check_workbook_file(path)
    except ImportFileError as exc:
        return first_line(exc)
    return None


__all__ = ["Column", "Preview", "WorkbookInfo", "cancel_points", "check_file", "preview",
           "read_workbook", "scan_columns"]
