"""What the import wizard needs before anything is imported: the workbook read into grids once
(the safety check first) with each sheet's header rows and the kind they suggest
(``read_workbook``), the columns as read and the rows parsed again with the officer's column
mapping whenever it changes (``preview``), and a quick check of a chosen file (``check_file``).
Importing itself is ``services.importing.import_file``, given the ``ParsedWorkbook`` shown.

Column mapping, as the command line's ``--map "Header=field"``: the wizard keeps only the
headers whose reading the officer changed ({"Header text": "field" or "ignore"}); the others keep
the reading the header vocabulary gives them. Messages are the readers' own; the window words
them for people. Plain data in and out: these run on worker threads.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

from desktop_app.domain.enums import ActionStatus, ImplementationStatus, WorkStatus
from desktop_app.importers.grid import SheetGrid, read_grids
from desktop_app.importers.xlsx_headers import (candidate_rows, detect_kind, find_header,
                                                header_rows, parse_mapping)
from desktop_app.importers.xlsx_reader import ParsedWorkbook, parse_grids
from desktop_app.importers.xlsx_safety import ImportFileError, check_workbook_file, fail
from desktop_app.importers.xlsx_vocab import KINDS, MAIN_FIELD, mappable_fields, normalise


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
        detected, problem = None, str(exc)
    return WorkbookInfo(str(path), sheets, detected, problem, found)


@dataclasses.dataclass
class Column:
    """A header of the sheet(s), and what it is read as."""
    label: str                  # as written (the first time it is met)
    sheets: list[str]
    field: str | None           # None: ignored
    sample: Any                 # the first value under it, as read
    recognised: bool = True     # False: a row that may be the header, none being recognised


@dataclasses.dataclass
class StatusWord:
    """A status word of the file as written, how many rows use it and what they are read as
    (the wizard's value-to-status table; its choices become ``ImportOptions.status_map``)."""
    word: str                   # as first written
    rows: int
    status: str                 # what most of its rows are read as (a status value of the kind)
    known: bool                 # False: nobody knows the word (the rows come in as open)


@dataclasses.dataclass
class Preview:
    kind: str
    mapping: dict[str, str]
    columns: list[Column]
    parsed: ParsedWorkbook | None
    problem: str
    status_words: list[StatusWord] = dataclasses.field(default_factory=list)


def status_choices(kind: str) -> list[tuple[str, str]]:
    """(label, value) of each status a record of ``kind`` can have, in order."""
    enum = {"actions": ActionStatus, "recommendations": ImplementationStatus,
            "work-programme": WorkStatus}[kind]
    return [(member.label, member.value) for member in enum]


def status_words(rows: Any) -> list[StatusWord]:
    """Every status word of ``rows`` (parsed rows, before any status_map is applied), as
    written, with its count and the status its rows were read as; the order is the file's."""
    found: dict[str, tuple[str, Counter[str], bool]] = {}
    for row in rows:
        word = str(row.fields.get("status_word") or "").strip()
        if not word:
            continue
        key = word.casefold()
        status = row.fields.get("status")
        value = str(getattr(status, "value", status) or "")
        first, counts, known = found.get(key, (word, Counter(), True))
        counts[value] += 1
        found[key] = (first, counts, known and not row.fields.get("unknown_status"))
    return [StatusWord(first, sum(counts.values()), counts.most_common(1)[0][0], known)
            for first, counts, known in found.values()]


def _sample(grid: SheetGrid, below: int, col: int) -> Any:
    for number in sorted(r for r in grid.rows if r > below)[:40]:
        info = grid.rows[number].get(col)
        if info is not None and info[0] not in (None, ""):
            return info[0]
    return None


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
        parsed, problem = None, str(exc)
    words = status_words(parsed.rows) if parsed is not None else []
    return Preview(kind, dict(mapping), columns, parsed, problem, words)


def check_file(path: str) -> str | None:
    """Why ``path`` cannot be imported (one line), or None. Milliseconds: zip directory only."""
    if not path:
        return None
    try:
        check_workbook_file(path)
    except ImportFileError as exc:
        text = str(exc).strip()
        return text.splitlines()[0] if text else "the file cannot be imported"
    return None


__all__ = ["KINDS", "MAIN_FIELD", "Column", "ImportFileError", "ParsedWorkbook", "Preview",
           "SheetGrid", "StatusWord", "WorkbookInfo", "check_file", "mappable_fields",
           "normalise", "preview", "read_workbook", "scan_columns", "status_choices",
           "status_words"]
