"""Tracker file (.xlsx/.xlsm, .xls, .csv, Word .docx: see grid.py) -> normalised rows: an action log, a recommendation schedule or a work programme,
as councils keep them, read without hand-editing.

    parsed = parse_workbook("action log.xlsx")            # kind told from headers and names
    parsed = parse_workbook(path, kind="recommendations", mapping={"Cabinet reply": "response"})

Pure: no database. Each data row becomes a ParsedRow whose ``fields`` always hold every field of
its kind (see xlsx_vocab.FIELDS), and whose ``given`` names the fields the sheet actually says
something about (the others are defaults: a log without a Directorate column says nothing about
directorates); a row that cannot be read becomes a Skip naming its sheet and row and why.
Title, banner, legend, heading and repeated header rows are neither. A file that cannot be read
at all raises ImportFileError with one line naming the file; xlsx_safety checks it before
anything parses it.

How rows are read (xlsx_walk.py has the details):
- the header may be on any of the first 15 non-empty rows, and may repeat further down, even
  with different columns (a work programme's "Briefing notes" block has "Target date" where the
  agenda blocks have "Origin");
- a sheet without a meeting column takes its meeting from heading rows ("Thursday 5 August
  2021, 2:30 pm", "7 September cont.", "28 July 2020"); sections such as "To be scheduled",
  "Workshops / seminars", "Task and finish groups" and "Briefing notes" are headings or sheets;
- merged cells show their value on every row they span; a row whose meeting and item are blank
  continues the item above, and a recommendation's status written on the item's first row holds
  for its other rows; one row is one action or recommendation: text is never split or joined;
- blue text (all of the row's main text) marks the row "new", red text anywhere in it
  "updated", from the font of each cell or of each run of rich text.
"""

from __future__ import annotations

import dataclasses

import os
from collections.abc import Mapping
from pathlib import Path

from desktop_app.domain.gc_pause import paused_gc
from desktop_app.importers.grid import SheetGrid, hidden_notes, hidden_parts, read_grids
from desktop_app.importers.xlsx_formulas import formula_columns, formula_notes
from desktop_app.importers.xlsx_tables import other_tables_note
from desktop_app.importers.xlsx_committees import committee_named
from desktop_app.importers.xlsx_headers import (canonical_kind, check_mapping, detect_kind,
                                                find_header, parse_mapping, title_texts)
from desktop_app.importers.xlsx_response_sheet import apply_responses, response_header
from desktop_app.importers.xlsx_safety import ImportFileError, check_workbook_file, fail
from desktop_app.importers.xlsx_vocab import FIELDS, KINDS
from desktop_app.importers.xlsx_rows import ParsedRow, ParsedWorkbook, Skip
from desktop_app.importers.xlsx_walk import SheetWalk

__all__ = ["ImportFileError", "KINDS", "FIELDS", "ParsedRow", "ParsedWorkbook", "Skip",
           "check_workbook_file", "parse_workbook", "parse_grids"]


def parse_workbook(path: str | os.PathLike[str], kind: str | None = None,
                   mapping: Mapping[str, str] | None = None) -> ParsedWorkbook:
    """Read ``path`` (checked by xlsx_safety first, any format grid.read_grids reads) into
    normalised rows."""
    with paused_gc():
        grids = read_grids(path)
        return parse_grids(path, grids, kind, mapping)


def parse_grids(path: str | os.PathLike[str], grids: list[SheetGrid], kind: str | None = None,
                mapping: Mapping[str, str] | None = None) -> ParsedWorkbook:
    user_map = parse_mapping(path, mapping)
    sheets = [g for g in grids if g.rows]
    if not sheets:
        raise fail(path, "the workbook is empty (no sheet has any data)")
    if kind is None:
        kind = detect_kind(path, sheets, user_map)
    else:
        try:
            kind = canonical_kind(kind)
        except ImportFileError as exc:
            raise fail(path, str(exc)) from None
    check_mapping(path, kind, user_map)

    result = ParsedWorkbook(kind, [], [], source=Path(path).name)
    result.hidden_sheets, result.hidden_rows = hidden_parts(sheets)
    result.notes.extend(formula_notes(path))     # never a row lost without a word
    result.notes.extend(note for grid in sheets for note in grid.notes)  # a reader's word
    used: set[str] = set()
    read: set[str] = set()
    walk: SheetWalk | None = None
    answers = []  # the executive's responses on a sheet of their own (xlsx_response_sheet)
    for grid in sheets:
        header = find_header(grid, kind, user_map)
        before = walk if grid.continues else None
        if before is not None and (header is None or header.row > min(grid.rows)):
            # a Word table split across pages: its first rows go on under the header of the
            # table before it, with its meeting and item still standing (a header written
            # again further down is read as a repeated header)
            header = dataclasses.replace(before.header, row=min(grid.rows) - 1)
        else:
            before = None
        if header is None and kind == "recommendations" and \
                (found := response_header(grid, user_map)) is not None:
            answers.append((grid, found))
            walk = None
            continue
        if header is None:
            result.notes.append(f"sheet '{grid.title}' has no {kind} header row: ignored")
            walk = None
            continue
        read.add(grid.title)
        result.sheet_committees[grid.title] = committee_named(
            title_texts(grid, header.row)[1:])
        walk = SheetWalk(kind, grid, header, user_map, carried_from=before)
        start = len(result.rows)
        walk.run(result.rows, result.skipped, result.notes)
        columns, notes = formula_columns(grid, header.labels,
                                         (r.row_number for r in result.rows[start:]))
        result.formula_columns += columns
        result.notes += notes + other_tables_note(grid, header.row, header.columns)
        used |= walk.mapped_by_user
    for grid, header in answers:
        if result.rows:
            apply_responses(grid, header, result.rows, result.skipped, result.notes)
    result.notes[:0] = hidden_notes(sheets, {r.sheet for r in result.rows})
    if not read:
        raise fail(path, f"no {kind} header row found in the first 15 rows of any sheet; use "
                         "--map \"Header=field\" to name the columns")
    unused = sorted(set(user_map) - used)
    if unused:
        raise fail(path, f"--map: no header {unused[0]!r} in any sheet's header row")
    return result
