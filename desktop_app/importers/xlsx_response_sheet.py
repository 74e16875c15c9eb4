"""The executive's response kept on a sheet of its own, beside the recommendations.

A recommendation tracker may keep the executive's response under s.9FE of the Local Government
Act 2000 on a second sheet: a row per answered recommendation, named by its number ("Rec No."),
in the executive's order, with the verdict, the response and the date of the decision, but not
the recommendation's text. Such a sheet adds no records: each of its rows is the response of
the recommendation of the same number on the other sheets (a number given to two of them
matches neither, and the summary says so; a response written beside the recommendation
itself is kept).
"""

from __future__ import annotations

from typing import Any

from desktop_app.importers import xlsx_values as V
from desktop_app.importers.grid import SheetGrid
from desktop_app.importers.xlsx_headers import Header, candidate_rows, map_row
from desktop_app.importers.xlsx_rows import ParsedRow, Skip

_ANSWERS = ("response", "verdict", "response_on")
_GIVEN = frozenset({"response", "verdict", "verdict_word", "response_on"})


def response_header(grid: SheetGrid, mapping: dict[str, str]) -> Header | None:
    """The header of a sheet of responses: a recommendation's number and its response or
    verdict, no recommendation text (a sheet with the text is a schedule of its own)."""
    for number in candidate_rows(grid):
        header = map_row("recommendations", grid.rows[number], mapping, number, main="label")
        if header is not None and "text" not in header.fields and \
                header.fields & {"response", "verdict"}:
            return header
    return None


def _key(label: Any) -> str:
    return "".join(V.ref_text(label).split()).casefold()


def apply_responses(grid: SheetGrid, header: Header, rows: list[ParsedRow],
                    skipped: list[Skip], notes: list[str]) -> None:
    """Give each recommendation in ``rows`` the response on ``grid`` of the same number."""
    col = {field: c for c, field in header.columns.items()}
    by_label: dict[str, list[ParsedRow]] = {}
    for row in rows:
        if row.fields.get("label"):
            by_label.setdefault(_key(row.fields["label"]), []).append(row)
    matched, unmatched, doubled = 0, [], []
    for number in sorted(grid.rows):
        if number <= header.row:
            continue
        cells = grid.rows[number]
        label = cells.get(col["label"], (None,))[0]
        values = {f: cells.get(col[f], (None,))[0] for f in _ANSWERS if f in col}
        if label is None or not any(v is not None for v in values.values()):
            continue
        try:
            verdict = V.verdict(values.get("verdict"))
            response_on, not_a_date = V.date_or_text(values.get("response_on"))
            if not_a_date:
                raise ValueError(f"response date {not_a_date!r} is not a date")
        except ValueError as exc:
            skipped.append(Skip(grid.title, number, str(exc)))
            continue
        found = by_label.get(_key(label), [])
        if len(found) != 1:
            (doubled if found else unmatched).append(V.ref_text(label))
            continue
        target = found[0]
        fields = target.fields
        if fields["response"] or fields["verdict"] is not None:
            continue  # answered beside the recommendation itself: that is kept
        fields["response"] = V.text(values.get("response"))
        fields["verdict"], fields["verdict_word"] = verdict, V.text(values.get("verdict"))
        if response_on is not None:
            fields["response_on"] = response_on
        if target.given is not None:
            target.given = target.given | _GIVEN
        matched += 1
    notes.append(f"sheet '{grid.title}': the executive's responses, matched to "
                 f"{matched} recommendation(s) by number")
    if unmatched:
        notes.append(f"sheet '{grid.title}': response(s) to {', '.join(unmatched)} match no "
                     "recommendation: not read")
    if doubled:
        notes.append(f"sheet '{grid.title}': response(s) to {', '.join(doubled)} match more "
                     "than one recommendation of that number: not read")
