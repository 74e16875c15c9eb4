"""The executive's response to a committee's recommendations, as councils receive it: a Word or
Excel table (recommendation, accepted / agreed / partially accepted / accepted in part / not
accepted / rejected / noted, response, lead, timescale) under a heading that carries the
decision date ("Cabinet – 23 March 2023").

    table = read_response("Cabinet response.docx")      # ResponseTable, or ImportFileError
    looks_like_response(read_grids(path))                # True when the headers say so clearly

Pure: no database. The file is read by the readers every tracker uses (``grid.read_grids``);
the header words and the verdict words are vocabulary.json's ("executive-response" and
"verdicts"). Matching the rows to the committee's recommendations is the service's job
(``services.executive_response``).

A table is a response table when its header row names the recommendation, the verdict and the
response, and no meeting date (a recommendation schedule has one); "clearly" (what the import
detects without ``--as``) also needs a lead or timescale column and a decision date above it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from desktop_app.domain.dates import parse_uk_date
from desktop_app.domain.enums import Verdict
from desktop_app.importers import exec_letter
from desktop_app.importers import xlsx_values as V
from desktop_app.importers.grid import SheetGrid, hidden_notes, read_grids
from desktop_app.importers.xlsx_headers import candidate_rows
from desktop_app.importers.xlsx_safety import fail
from desktop_app.importers.xlsx_vocab import match_header, normalise, verdict_word

KIND = "executive-response"
_NEEDED = frozenset({"recommendation", "response"})  # the verdict may be in the response's prose
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE_IN_TEXT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH + r")\.?,?\s+(\d{4})\b",
                           re.I)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2}/\d{1,2}/\d{4})\b")


@dataclasses.dataclass(frozen=True)
class ResponseRow:
    """One row of the executive's table, as written."""
    sheet: str
    row: int                      # 1-based, as the file counts (Word: the table's row)
    label: str                    # "1", "R3", "" when the table is not numbered
    recommendation: str           # the executive's wording of the recommendation
    verdict: Verdict | None       # None: no verdict written (the response alone is recorded)
    verdict_word: str             # as written: "Accepted in part"
    response: str
    lead: str
    timescale: str                # "Summer 2023", or "" when it is a date
    timescale_date: dt.date | None
    hidden: bool = False


@dataclasses.dataclass
class ResponseTable:
    source: str                   # the file's name
    decided_by: str               # "Cabinet"
    decided_on: dt.date | None    # the decision date: the response date of every row
    title: str                    # the heading that carried it
    rows: list[ResponseRow]
    notes: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class _Header:
    row: int
    columns: dict[str, int]       # field -> column


def _header(grid: SheetGrid) -> _Header | None:
    """The row of the grid's first fifteen that reads as a response table's header."""
    for number in candidate_rows(grid):
        columns: dict[str, tuple[int, int]] = {}
        meeting = False
        for col in sorted(grid.rows[number]):
            value = grid.rows[number][col][0]
            if not isinstance(value, str) or len(value) > 80:
                continue
            header = normalise(value)
            if header in ("meeting", "meeting date", "date of meeting", "committee date"):
                meeting = True
            found = match_header(KIND, header) if header else None
            if found is None:
                continue
            field, rank = found
            if field not in columns or rank < columns[field][0]:
                columns[field] = (rank, col)
        if set(columns) >= _NEEDED and not meeting:
            return _Header(number, {f: c for f, (_r, c) in columns.items()})
    return None


_DECIDER = re.compile(r"\b(?:cabinet|executive|leader|mayor|decision|decided|portfolio|"
                      r"cabinet member)\b", re.I)
_NOT_DECISION = re.compile(r"\b(?:updated|printed|as at|version|published|deadline)\b", re.I)


def decision_of(texts: list[str]) -> tuple[str, dt.date | None, str]:
    """(by, date, heading) from the text that carries the decision date ("Cabinet – 23 March
    2023": ("Cabinet", 2023-03-23, the text)): the first dated text naming the executive
    (Cabinet, Executive, Leader, decision ...), else the first dated text that is not a "last
    updated" line; ("", None, "") when none."""
    dated = []
    for text in texts:
        m = _DATE_IN_TEXT.search(text) or _NUMERIC_DATE.search(text)
        if m is None or _NOT_DECISION.search(text):
            continue
        day = parse_uk_date(m.group(0))
        if day is not None:
            dated.append((text, m, day))
    if not dated:
        return "", None, ""
    text, m, day = next((d for d in dated if _DECIDER.search(d[0])), dated[0])
    by = re.split(r"\s*[–—:,-]\s*|\s+(?:on|held|meeting)\b", text[:m.start()].strip(),
                  maxsplit=1)[0].strip(" –—-:,")
    return by, day, text.strip()


def _titles(grid: SheetGrid, above: int) -> list[str]:
    """The headings above a Word table, then the grid's rows above the header row."""
    texts = list(grid.headings)
    for number in sorted(grid.rows):
        if number >= above:
            break
        if number == 0 and grid.headings:
            continue  # the caption: already among the headings
        texts.extend(str(v[0]) for v in grid.rows[number].values()
                     if isinstance(v[0], str) and len(v[0]) <= 200)
    return texts


def response_tables(grids: list[SheetGrid]) -> list[tuple[SheetGrid, _Header]]:
    return [(g, h) for g in grids if g.rows and (h := _header(g)) is not None]


def looks_like_response(grids: list[SheetGrid]) -> bool:
    """True when the file is clearly an executive response: a decision date above a response
    table whose header has a verdict column and a lead or timescale column, or whose responses
    give their verdicts in their prose ("The Cabinet accepts this recommendation in part")."""
    if any(g.letter and _letter_decision(g)[1] is not None for g in grids):
        return True
    for grid, header in response_tables(grids):
        if decision_of(_titles(grid, header.row))[1] is None:
            continue
        if "verdict" in header.columns and {"lead", "timescale"} & set(header.columns):
            return True
        if "verdict" not in header.columns and not _schedule_header(grid, header) and \
                _verdicts_in_prose(grid, header):
            return True
    return False


def _schedule_header(grid: SheetGrid, header: _Header) -> bool:
    """Whether the header names what only a recommendation schedule has: the meeting, the
    implementation status (its responses may open with "The Cabinet accepts ..." too)."""
    fields = {found[0] for info in grid.rows[header.row].values() if isinstance(info[0], str)
              and (found := match_header("recommendations", normalise(info[0])))}
    return bool(fields & {"meeting_date", "status"})


def _verdicts_in_prose(grid: SheetGrid, header: _Header) -> bool:
    """Whether most of the table's responses open with a verdict in words."""
    texts = [V.text(_cell(grid, n, header, "response")) for n in grid.rows if n > header.row]
    texts = [t for t in texts if t]
    return bool(texts) and 2 * sum(verdict_in_prose(t) is not None for t in texts) > len(texts)


_WHO = r"(?:the\s+)?(?:cabinet|executive|council|leader|mayor|portfolio holder|cabinet member)"
_THIS = r"(?:this|the|that)\s+(?:recommendation|proposal)"
# the verdict in a response's first sentence, most particular first
_PROSE = (
    (Verdict.PARTIALLY_ACCEPTED, re.compile(
        rf"\b(?:(?:accepts?|agrees?(?:\s+to)?)\s+(?:{_THIS}\s+)?in\s+part|"
        rf"(?:partially|partly)\s+(?:accepts?|agrees?)|is\s+(?:partially|partly)\s+accepted|"
        rf"is\s+accepted\s+in\s+part)\b", re.I)),
    (Verdict.REJECTED, re.compile(
        r"\b(?:(?:does|do|can)\s*not\s+(?:accept|agree|support)|cannot\s+(?:accept|agree|"
        r"support)|rejects?|declines?|is\s+not\s+(?:accepted|agreed|supported))\b", re.I)),
    (Verdict.ACCEPTED, re.compile(
        rf"\b(?:{_WHO}\s+(?:accepts?|agrees?|supports?)|(?:accepts?|agrees?)\s+{_THIS}|"
        rf"{_THIS}\s+is\s+(?:accepted|agreed|supported))\b", re.I)),
    (Verdict.NOTED, re.compile(rf"\b(?:{_WHO}\s+notes?|{_THIS}\s+is\s+noted)\b", re.I)),
)


def verdict_in_prose(text: str) -> Verdict | None:
    """The verdict a response gives in its first sentence ("The Cabinet accepts this
    recommendation in part. ..." is partially accepted; "does not accept" is rejected), or
    None when it gives none in words we know (then no verdict is recorded: never guessed)."""
    first = re.split(r"(?<=[.;!?])\s", text.strip(), maxsplit=1)[0]
    for verdict, pattern in _PROSE:
        if pattern.search(first):
            return verdict
    return None


def _cell(grid: SheetGrid, number: int, header: _Header, field: str) -> Any:
    col = header.columns.get(field)
    if col is None:
        return None
    info = grid.rows.get(number, {}).get(col)
    return None if info is None else info[0]


def read_response(path: str | os.PathLike[str],
                  grids: list[SheetGrid] | None = None) -> ResponseTable:
    """Every row of the response table(s) in ``path`` (read with ``read_grids`` unless the
    grids are given); ImportFileError, one line naming the file (and table, row), when it is
    not a response table, has no decision date or a row's verdict is not a verdict word."""
    grids = read_grids(path) if grids is None else grids
    name = Path(path).name
    if grids and grids[0].letter:
        return _read_letter(path, grids[0])
    tables = response_tables(grids)
    if not tables:
        raise fail(path, "no executive response table found (looked for a header row with "
                         "Recommendation, Accepted / Rejected and Response columns)")
    by, decided_on, title = "", None, ""
    rows: list[ResponseRow] = []
    for grid, header in tables:
        table_by, table_on, table_title = decision_of(_titles(grid, header.row))
        if table_on is not None:
            by, decided_on, title = table_by, table_on, table_title
        for number in sorted(r for r in grid.rows if r > header.row):
            row = _read_row(path, grid, number, header)
            if row is not None:
                rows.append(row)
    if decided_on is None:
        raise fail(path, "no decision date above the response table (a heading such as "
                         "\"Cabinet – 23 March 2023\" says when the executive decided)")
    if not rows:
        raise fail(path, "the executive response table has no rows")
    return ResponseTable(name, by, decided_on, title, rows, hidden_notes([g for g, _h in tables]))


def _read_row(path: str | os.PathLike[str], grid: SheetGrid, number: int,
              header: _Header) -> ResponseRow | None:
    recommendation = V.text(_cell(grid, number, header, "recommendation"))
    word = V.text(_cell(grid, number, header, "verdict"))
    response = V.text(_cell(grid, number, header, "response"))
    if not recommendation:
        if word or response:
            where = f"{grid.title} row {number}"
            raise fail(path, f"{where}: a response with no recommendation beside it")
        return None  # a blank or banner row
    found = verdict_word(word) if word else None
    if word and found is None:
        raise fail(path, f"{grid.title} row {number}: verdict {word!r} not understood (use "
                         "Accepted, Agreed, Partially accepted, Accepted in part, Not accepted, "
                         "Rejected or Noted)")
    if "verdict" not in header.columns and (prose := verdict_in_prose(response)) is not None:
        found = prose.value  # no verdict column: the verdict the response gives in words
    timescale_date, timescale = V.date_or_text(_cell(grid, number, header, "timescale"))
    return ResponseRow(
        sheet=grid.title, row=number,
        label=V.ref_text(_cell(grid, number, header, "label")).rstrip(".)"),
        recommendation=recommendation,
        verdict=Verdict(found) if found else None, verdict_word=word, response=response,
        lead=V.text(_cell(grid, number, header, "lead")),
        timescale=timescale, timescale_date=timescale_date,
        hidden=grid.hidden or number in grid.hidden_rows)


def _letter_decision(grid: SheetGrid) -> tuple[str, dt.date | None, str]:
    """(by, date, sentence) of a letter: the decision its opening paragraphs report."""
    by, day, text = decision_of(exec_letter.preamble(grid))
    if len(by.split()) > 3:  # "Cabinet considered its four recommendations at its meeting on"
        found = _DECIDER.search(text)
        by = found.group(0).capitalize() if found else ""
    return by, day, text


def _letter_verdict(response: str) -> tuple[str, str, str]:
    """(verdict, the verdict as written, the response after it) of a letter's response:
    "Accepted. From April ..." gives the word; prose ("The Cabinet accepts this recommendation
    in part. ...") gives the verdict only, and the response is all of it."""
    first, _sep, rest = response.partition(". ")
    found = verdict_word(first) if len(first.split()) <= 4 else None
    if found is not None:
        return found, first.strip(" ."), rest.strip()
    prose = verdict_in_prose(response)
    return (prose.value if prose else ""), "", response


def _read_letter(path: str | os.PathLike[str], grid: SheetGrid) -> ResponseTable:
    by, decided_on, title = _letter_decision(grid)
    if decided_on is None:
        raise fail(path, "the letter gives no decision date before its first recommendation "
                         "(a sentence such as \"Cabinet considered the recommendations on 16 "
                         "January 2024\")")
    rows = [ResponseRow(sheet=grid.title, row=r["row"], label=r["label"],
                        recommendation=r["recommendation"],
                        verdict=Verdict(r["verdict"]) if r["verdict"] else None,
                        verdict_word=r["verdict_word"], response=r["response"], lead="",
                        timescale="", timescale_date=None)
            for r in exec_letter.letter_rows(grid, _letter_verdict)]
    return ResponseTable(Path(path).name, by, decided_on, title, rows)


__all__ = ["KIND", "ResponseRow", "ResponseTable", "decision_of", "looks_like_response",
           "read_response"]
