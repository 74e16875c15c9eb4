"""Find the header row of each sheet, map its columns to fields, and tell the kind of workbook.

The header may sit under title, banner and legend rows, anywhere in a sheet's first fifteen
non-empty rows. A row is a header for a kind when it names that kind's main column and at least
one other; the row naming the most fields wins (ties: the higher one). A user's mapping
("Header text" -> field, the CLI's --map) is consulted before the vocabulary.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any
from collections.abc import Mapping

from desktop_app.importers.grid import SheetGrid
from desktop_app.importers.xlsx_safety import ImportFileError, fail
from desktop_app.importers.xlsx_vocab import (IGNORE, KINDS, MAIN_FIELD, is_signature,
                                              mappable_fields, match_header, name_hint,
                                              normalise, vocabulary_words)

HEADER_SEARCH_ROWS = 15

_KIND_ALIASES = {
    "actions": "actions", "action": "actions", "action-log": "actions", "action_log": "actions",
    "recommendations": "recommendations", "recommendation": "recommendations",
    "recs": "recommendations",
    "work-programme": "work-programme", "work_programme": "work-programme",
    "workprogramme": "work-programme", "work-program": "work-programme", "wp": "work-programme",
}


def canonical_kind(kind: str) -> str:
    found = _KIND_ALIASES.get(kind.strip().lower().replace(" ", "-"))
    if found is None:
        raise ImportFileError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    return found


@dataclasses.dataclass
class Header:
    row: int
    columns: dict[int, str]        # column -> field
    labels: dict[int, str]         # column -> header text as written
    ignored: list[str]             # header texts that map to no field (or lost a tie)
    score: float
    mapped_by_user: set[str] = dataclasses.field(default_factory=set)  # normalised headers used

    @property
    def fields(self) -> set[str]:
        return set(self.columns.values())

    def signature(self) -> tuple[tuple[int, str], ...]:
        return tuple(sorted(self.columns.items()))


def parse_mapping(path: str | os.PathLike[str], mapping: Mapping[str, str] | None
                  ) -> dict[str, str]:
    """{"Header text": "field"} -> {normalised header: field}; fields checked later per kind."""
    out: dict[str, str] = {}
    for header, field in (mapping or {}).items():
        key = normalise(header)
        value = str(field).strip().lower().replace("-", "_").replace(" ", "_")
        if not key or not value:
            raise fail(path, f"--map {header!r}={field!r}: give it as \"Header text=field\"")
        out[key] = "ignore" if value in IGNORE else value
    return out


def check_mapping(path: str | os.PathLike[str], kind: str, mapping: dict[str, str]) -> None:
    allowed = mappable_fields(kind)
    for field in mapping.values():
        if field != "ignore" and field not in allowed:
            raise fail(path, f"--map: {field!r} is not a field of {kind} "
                             f"(choose from {', '.join(allowed)} or ignore)")


def map_row(kind: str, row: dict[int, Any], mapping: dict[str, str], number: int,
            main: str | None = None) -> Header | None:
    """The row read as a header for ``kind``, or None if it names too few fields or not the
    kind's main column (or ``main``: a response sheet's is the recommendation's number)."""
    best: dict[str, tuple[int, int]] = {}  # field -> (rank, column); user mapping = rank -1
    labels: dict[int, str] = {}
    ignored: list[str] = []
    used: set[str] = set()
    signatures = 0
    for col in sorted(row):
        value = row[col][0]
        if not isinstance(value, str) or len(value) > 80:
            continue
        header = normalise(value)
        if not header:
            continue
        labels[col] = value.strip()
        if header in mapping:
            used.add(header)
            field = mapping[header]
            if field == "ignore" or field not in mappable_fields(kind):
                ignored.append(value.strip())
                continue
            rank = -1
        else:
            found = match_header(kind, header)
            if found is None:
                ignored.append(value.strip())
                continue
            field, rank = found
            if is_signature(kind, header):
                signatures += 1
        previous = best.get(field)
        if previous is None or rank < previous[0]:
            if previous is not None:
                ignored.append(labels[previous[1]])
            best[field] = (rank, col)
        else:
            ignored.append(value.strip())
    fields = set(best)
    if (main or MAIN_FIELD[kind]) not in fields or len(fields) < 2:
        return None
    columns = {col: field for field, (_rank, col) in best.items()}
    return Header(number, columns, labels, ignored, len(fields) + signatures, mapped_by_user=used)


def candidate_rows(grid: SheetGrid) -> list[int]:
    return sorted(grid.rows)[:HEADER_SEARCH_ROWS]


def find_header(grid: SheetGrid, kind: str, mapping: dict[str, str]) -> Header | None:
    best: Header | None = None
    for number in candidate_rows(grid):
        for row in _within_tables(grid, number, _stacked(grid, number)):
            header = map_row(kind, row, mapping, number)
            if header is not None and (best is None or header.score > best.score):
                best = header
    return best


def _stacked(grid: SheetGrid, number: int) -> dict[int, Any]:
    """Row ``number`` of the sheet, read as the second row of a header written over two rows
    when it is one: headings merged down both rows ("Action No.", "Status"), and others split
    over them, "Date of" above "meeting", "Target" above "date", each read as one ("Date of
    meeting", "Target date"). A heading merged across several columns above (a group: "Progress"
    over Update / RAG) stays apart, as does a row with nothing merged down into it."""
    row = grid.rows[number]
    above = grid.rows.get(number - 1)
    if not above or not any(r0 == number - 1 and r1 >= number and c0 == c1
                            for r0, c0, r1, c1 in grid.merges):
        return row
    grouped = {c for r0, c0, r1, c1 in grid.merges if r0 <= number - 1 <= r1 and c1 > c0
               for c in range(c0, c1 + 1)}
    joined = dict(row)
    for col, info in row.items():
        top = above.get(col)
        if top is None or col in grouped or grid.filled_from_merge(number, col) or \
                grid.filled_from_merge(number - 1, col):
            continue
        if isinstance(top[0], str) and isinstance(info[0], str) and top[0].strip() and \
                info[0].strip():
            joined[col] = (f"{top[0].strip()} {info[0].strip()}", info[1], info[2])
    return joined


def _within_tables(grid: SheetGrid, number: int, row: dict[int, Any]
                   ) -> list[dict[int, Any]]:
    """A candidate header row as whole, or - when Excel tables start on it (a tracker table and
    a key table beside it) - the part of it within each table: a header is one table's."""
    spans = [(c0, c1) for r0, c0, _r1, c1 in grid.tables if r0 == number]
    if not spans:
        return [row]
    return [{c: v for c, v in row.items() if c0 <= c <= c1} for c0, c1 in spans]


def repeated_headers(grid: SheetGrid, kind: str, mapping: dict[str, str],
                     below: int) -> dict[int, Header]:
    """Rows under row ``below`` (the first header) that are header rows again, possibly with
    other columns: two or more header words of ``kind`` or of ``mapping`` on a row, then the
    row read as a header ({row number: header}, in the grid's order)."""
    words = vocabulary_words(kind) | set(mapping)
    found: dict[int, Header] = {}
    seen: dict[str, bool] = {}  # cell text -> a header word (a log repeats its words)
    for number, row in grid.rows.items():
        if number <= below:
            continue
        hits = 0
        for info in row.values():
            v = info[0]
            if v.__class__ is not str or len(v) > 60:
                continue
            hit = seen.get(v)
            if hit is None:
                hit = seen[v] = v.strip().lower().rstrip(":.* ").replace("(s)", "s") in words
            if hit:
                hits += 1
        if hits >= 2:
            header = map_row(kind, row, mapping, number)
            if header is not None:
                found[number] = header
    return found


def header_rows(grid: SheetGrid, kind: str, mapping: dict[str, str]) -> list[Header]:
    """The header rows of a sheet for ``kind``, top to bottom: the first (``find_header``) and
    the ones repeated below it; [] when the sheet has none."""
    first = find_header(grid, kind, mapping)
    if first is None:
        return []
    below = repeated_headers(grid, kind, mapping, first.row)
    return [first, *(below[number] for number in sorted(below))]


def title_texts(grid: SheetGrid, above: int | None = None) -> list[str]:
    """The sheet name and the text of the rows above the header (titles, banners, legends)."""
    texts = [grid.title]
    for number in candidate_rows(grid):
        if above is not None and number >= above:
            break
        texts.extend(str(v[0]) for v in grid.rows[number].values()
                     if isinstance(v[0], str) and len(v[0]) <= 200)
    return texts


def detect_kind(path: str | os.PathLike[str], grids: list[SheetGrid],
                mapping: dict[str, str]) -> str:
    """The kind whose headers fit best across the sheets, helped by sheet names and titles."""
    scores = {kind: 0.0 for kind in KINDS}
    for grid in grids:
        for kind in KINDS:
            header = find_header(grid, kind, mapping)
            if header is None:
                continue
            scores[kind] += header.score
            hints = title_texts(grid, header.row)
            if any(name_hint(kind, t) for t in hints):
                scores[kind] += 2
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (top, top_score), (_second, second_score) = ranked[0], ranked[1]
    if top_score == 0:
        raise fail(path, "no header row found in the first 15 rows of any sheet (looked for "
                         "columns such as Action, Owner, Due date; Recommendations, Executive "
                         "response; Item, Origin, Lead officer, Current position); use --map "
                         "\"Header=field\" to name them")
    if top_score == second_score:
        raise fail(path, f"cannot tell whether this is {ranked[0][0]} or {ranked[1][0]} from its "
                         "headers; say which with --as")
    return top
