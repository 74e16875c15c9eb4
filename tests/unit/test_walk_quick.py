"""The walk's quick steps give what its full steps give (xlsx_walk): the status words of a row
without RAG or extra columns (``SheetWalk.plain_words`` against ``xlsx_status.row_words``), and a
sheet's rows counted without their blank cells when it has none (the same rows once blank,
fill-only cells are added)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.importers.grid import SheetGrid
from desktop_app.importers.xlsx_colours import FILL_AMBER, FILL_GREEN, FILL_RED
from desktop_app.importers.xlsx_headers import find_header
from desktop_app.importers.xlsx_reader import parse_grids
from desktop_app.importers.xlsx_walk import SheetWalk

# status cells as officers leave them: known words, unknown words, blanks, a date, numbers
STATUSES = ["Open", "  Completed ", "Paused", "Overdue", "Yes", "Green", "", None,
            dt.datetime(2023, 1, 5), 3.0, 1, True, "In progress", "With cabinet", "Complete?"]
FILLS = [None, FILL_RED, FILL_AMBER, FILL_GREEN]
HEADERS = {"actions": ("Action", "Owner", "Status"),
           "recommendations": ("Recommendation", "Response", "Status")}


def _grid(kind: str) -> SheetGrid:
    rows = {1: {c: (name, 0, None) for c, name in enumerate(HEADERS[kind], start=1)}}
    number = 2
    for status in STATUSES:
        for fill in FILLS:
            row = {1: (f"Report back on item {number}", 0, None), 2: ("Claire Ward", 0, None)}
            if status is not None or fill is not None:
                row[3] = (status, 0, fill)
            rows[number] = row
            number += 1
    return SheetGrid("Log", rows, [])


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_plain_words_are_row_words(kind):
    grid = _grid(kind)
    header = find_header(grid, kind, {})
    assert header is not None
    walk = SheetWalk(kind, grid, header, {})
    assert walk.plain_words
    compared = 0
    for number in sorted(grid.rows)[1:]:
        for carried in ("", "Open"):
            quick, full = {"text": "x"}, {"text": "x"}
            walk.carried_word = carried
            walk._words(grid.rows[number], quick)
            walk.plain_words, walk.carried_word = False, carried
            walk._words(grid.rows[number], full)
            walk.plain_words = True
            assert list(quick.items()) == list(full.items()), (number, carried)
            compared += 1
    assert compared == 2 * len(STATUSES) * len(FILLS)
    # the unknown words are told apart from the known ones (not all alike)
    unknown = set()
    for number in sorted(grid.rows)[1:]:
        fields: dict = {}
        walk._words(grid.rows[number], fields)
        unknown.add(fields["unknown_status"])
    assert {"Paused", "With cabinet", ""} <= unknown


def _as_text(parsed) -> list[tuple]:
    return [(r.row_number, list(r.fields.items()), r.colour, r.given) for r in parsed.rows] + \
        [(s.row, s.reason) for s in parsed.skipped]


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_blank_cells_change_no_row(kind):
    plain = parse_grids("log.xlsx", [_grid(kind)], kind)
    with_blanks = _grid(kind)
    for number, row in with_blanks.rows.items():
        if number % 3 == 0:
            row[5] = (None, 0, FILL_RED)  # a filled cell with nothing written
            row[4] = (None, 0, None)
    # a row of nothing but blank cells is no row
    with_blanks.rows[len(with_blanks.rows) + 1] = {1: (None, 0, FILL_AMBER), 2: (None, 0, None)}
    blanks = parse_grids("log.xlsx", [with_blanks], kind)
    assert len(plain.rows) + len(plain.skipped) == len(STATUSES) * len(FILLS)
    assert _as_text(blanks) == _as_text(plain)
