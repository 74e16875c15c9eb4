"""The executive's response to a committee's recommendations: each row of the executive's
table matched to one of the committee's recommendations, shown with its score, then the rows
the officer accepts recorded (verdict, response, response date) through the audit trail.

    preview = preview_response(db, "Cabinet response.docx", "Place Scrutiny")
    for m in preview.rows:
        print(m.key, m.candidate and m.candidate.label, m.score, m.reason)
    applied = accept_response(db, preview, "all")        # or ["R1", "R3"], ["row2"]

``import_file`` (``ImportOptions(kind="executive-response", accept=...)``) runs these as its
read and save stages, with the backup between them and the cancel points: the command line
and the wizard go through it.

Matching. The executive rewords the recommendations ("That the Council publishes ..." becomes
"The Council should publish ..."), so each row is scored against every recommendation of the
committee made on or before the decision date with rapidfuzz's token set ratio (0-100) on the
texts without case, punctuation and a leading "That". A row matches only at or above
``THRESHOLD`` (70): below it nothing is guessed, and the row is listed as unmatched. Each
recommendation answers one row at most: the best scores are paired first. Numbering counts
where it agrees with the text: a row numbered 3 prefers R3 among candidates within ``MARGIN``
(5 points) of each other; numbering alone never makes a match. A match with another free
candidate within the margin, and no numbering to tell them apart, is "ambiguous": shown, not
ticked, recorded only when the officer names it.

What is recorded, for each accepted row: the verdict (when the row has one), the response, the
response date (the decision date in the heading above the table); the lead, the timescale and
the verdict as written are kept in the recommendation's extra fields ("Executive lead",
"Timescale", "Verdict as written": shown by the column chooser, exported back). All in one
transaction, each change in the audit trail; accepting the same response again changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from desktop_app.db.engine import Database
from desktop_app.db.models import Recommendation
from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import Verdict
from desktop_app.importers.exec_response import (ResponseRow, ResponseTable,
                                                 looks_like_response, read_response)
from desktop_app.services.common import check_version, today
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_committee import existing_committee
from desktop_app.services.import_words import extra_of
from desktop_app.services.recommendations import list_recommendations

THRESHOLD = 70   # a score (0-100) below which a row matches nothing
MARGIN = 5       # candidates closer than this are told apart only by numbering
EXTRA_LEAD, EXTRA_TIMESCALE, EXTRA_WORD = "Executive lead", "Timescale", "Verdict as written"

__all__ = ["EXTRA_LEAD", "EXTRA_TIMESCALE", "EXTRA_WORD", "MARGIN", "THRESHOLD", "Candidate",
           "ResponseApplied", "ResponseMatch", "ResponsePreview", "accept_response",
           "is_response_file", "preview_response", "select_rows"]


@dataclasses.dataclass(frozen=True)
class Candidate:
    """A recommendation of the committee, as it is now."""
    id: int
    version: int
    label: str
    text: str
    meeting_date: dt.date | None
    verdict: Verdict
    response: str
    response_on: dt.date | None
    extra: dict[str, str]

    def numbered(self) -> str:
        return _number(self.label)


@dataclasses.dataclass
class ResponseMatch:
    """One row of the executive's table and the recommendation it answers."""
    key: str                        # "row5": the file's row ("t2-row5": several tables)
    row: ResponseRow
    candidate: Candidate | None     # the match (or, unmatched, the nearest recommendation)
    score: int                      # the text score of ``candidate``, 0-100
    matched: bool                   # at or above the threshold, paired with this row
    ambiguous: bool                 # matched, but another recommendation fits nearly as well
    reason: str                     # for people: why this match, or why none
    changes: tuple[str, ...] = ()   # the fields accepting it would change ("" = none)

    @property
    def ticked(self) -> bool:
        """Accepted by default ("--accept all", the wizard's starting ticks)."""
        return self.matched and not self.ambiguous

    def as_dict(self) -> dict[str, Any]:
        r = self.row
        return {"key": self.key, "sheet": r.sheet, "row": r.row, "label": r.label,
                "recommendation": r.recommendation, "verdict": r.verdict.value if r.verdict
                else None, "verdict_word": r.verdict_word, "response": r.response,
                "lead": r.lead, "timescale": r.timescale,
                "timescale_date": r.timescale_date.isoformat() if r.timescale_date else None,
                "matches": self.candidate.label if self.matched and self.candidate else None,
                "recommendation_id": self.candidate.id if self.matched and self.candidate
                else None,
                "score": self.score, "matched": self.matched, "ambiguous": self.ambiguous,
                "ticked": self.ticked, "reason": self.reason, "changes": list(self.changes)}


@dataclasses.dataclass
class ResponsePreview:
    path: Path
    committee: str
    table: ResponseTable
    rows: list[ResponseMatch]
    unanswered: list[Candidate]     # awaiting, at the meetings answered, answered by no row
    threshold: int = THRESHOLD

    @property
    def decided_on(self) -> dt.date:
        assert self.table.decided_on is not None
        return self.table.decided_on

    @property
    def matched(self) -> list[ResponseMatch]:
        return [m for m in self.rows if m.matched]

    @property
    def unmatched(self) -> list[ResponseMatch]:
        return [m for m in self.rows if not m.matched]

    def as_dict(self) -> dict[str, Any]:
        t = self.table
        return {"file": t.source, "committee": self.committee, "decided_by": t.decided_by,
                "decided_on": self.decided_on.isoformat(), "title": t.title,
                "threshold": self.threshold, "rows": [m.as_dict() for m in self.rows],
                "unanswered": [c.label or f"#{c.id}" for c in self.unanswered],
                "notes": list(t.notes)}


@dataclasses.dataclass
class ResponseApplied:
    """What ``accept_response`` did."""
    committee: str
    source: str
    recorded: list[str]             # the keys of the rows that changed a recommendation
    unchanged: list[str]            # accepted, but already recorded as the file says
    decided_on: dt.date

    def as_dict(self) -> dict[str, Any]:
        return {"committee": self.committee, "file": self.source, "recorded": self.recorded,
                "unchanged": self.unchanged, "response_on": self.decided_on.isoformat()}


def is_response_file(grids: Sequence[Any]) -> bool:
    """True when the grids read from a file are clearly an executive's response table."""
    return looks_like_response(list(grids))


# ------------------------------------------------------------------ matching

_THAT = re.compile(r"^(?:that|recommendation)\s+", re.I)


def _words(text: str) -> str:
    s = text.lower().replace("\u2019", "'")
    s = _THAT.sub("", s.strip())
    s = re.sub(r"[^\w\s%]", " ", s)
    return " ".join(s.split())


def _number(label: str) -> str:
    """"R3", "3.", "Rec 3" -> "3"; "(a)" -> "a"; "" when there is none."""
    digits = re.findall(r"\d+", label)
    if digits:
        return str(int(digits[-1]))
    return re.sub(r"[^a-z]", "", label.lower())[:3]


def _candidates(rows: list[Any], decided_on: dt.date | None) -> list[Candidate]:
    out = []
    for r in rows:
        if decided_on and r.meeting_date and r.meeting_date > decided_on:
            continue  # made after the decision: it cannot be answered by it
        out.append(Candidate(r.id, r.version, r.label, r.text, r.meeting_date,
                             Verdict(r.verdict), r.response, r.response_on, dict(r.extra)))
    return out


def match_rows(table: ResponseTable, candidates: list[Candidate]) -> list[ResponseMatch]:
    """Pair each row with at most one recommendation (see the module's notes)."""
    rows = table.rows
    texts = [_words(c.text) for c in candidates]
    scores = [[int(round(fuzz.token_set_ratio(_words(r.recommendation), t))) for t in texts]
              for r in rows]
    agrees = [[bool(r.label) and _number(r.label) == c.numbered() for c in candidates]
              for r in rows]
    pairs = sorted(((i, j) for i in range(len(rows)) for j in range(len(candidates))
                    if scores[i][j] >= THRESHOLD),
                   key=lambda p: (-(scores[p[0]][p[1]] + (MARGIN if agrees[p[0]][p[1]] else 0)),
                                  p[0], p[1]))
    row_of: dict[int, int] = {}     # candidate -> row
    cand_of: dict[int, int] = {}    # row -> candidate
    for i, j in pairs:
        if i not in cand_of and j not in row_of:
            cand_of[i], row_of[j] = j, i
    out = []
    tables = list(dict.fromkeys(r.sheet for r in rows))
    for i, row in enumerate(rows):
        key = f"row{row.row}" if len(tables) == 1 else \
            f"t{tables.index(row.sheet) + 1}-row{row.row}"
        j = cand_of.get(i)
        if j is None:
            out.append(_unmatched(key, row, candidates, scores[i], row_of))
            continue
        c, score = candidates[j], scores[i][j]
        rivals = [k for k in range(len(candidates)) if k != j and row_of.get(k) in (None, i)
                  and scores[i][k] >= THRESHOLD and scores[i][k] >= score - MARGIN]
        ambiguous = bool(rivals) and not agrees[i][j]
        if ambiguous:
            k = max(rivals, key=lambda k: scores[i][k])
            reason = (f"{_name(candidates[k])} fits nearly as well ({scores[i][k]}): check "
                      "before recording")
        elif agrees[i][j]:
            reason = "text and numbering agree"
        elif row.label and any(agrees[i]):
            other = candidates[agrees[i].index(True)]
            reason = (f"numbered {row.label}, but the text matches {_name(c)}, not "
                      f"{_name(other)} ({scores[i][agrees[i].index(True)]})")
        else:
            reason = "the text matches"
        out.append(ResponseMatch(key, row, c, score, True, ambiguous, reason,
                                 _changes(row, c, table.decided_on)))
    return out


def _unmatched(key: str, row: ResponseRow, candidates: list[Candidate], scores: list[int],
               row_of: dict[int, int]) -> ResponseMatch:
    if not candidates:
        return ResponseMatch(key, row, None, 0, False, False,
                             "the committee has no recommendations to answer")
    best = max(range(len(candidates)), key=lambda k: scores[k])
    c, score = candidates[best], scores[best]
    if score >= THRESHOLD and best in row_of:
        reason = f"{_name(c)} is answered better by row {row_of[best] + 1}"
    else:
        reason = f"nothing scores {THRESHOLD} or more (nearest: {_name(c)}, {score})"
    return ResponseMatch(key, row, c, score, False, False, reason)


def _name(c: Candidate) -> str:
    return c.label or f"recommendation {c.id}"


def _extra(row: ResponseRow) -> dict[str, str]:
    timescale = row.timescale or (format_uk(row.timescale_date, "short")
                                  if row.timescale_date else "")
    values = {EXTRA_LEAD: row.lead, EXTRA_TIMESCALE: timescale, EXTRA_WORD: row.verdict_word}
    return {k: v for k, v in values.items() if v}


def _changes(row: ResponseRow, c: Candidate, on: dt.date | None) -> tuple[str, ...]:
    fields = []
    if row.verdict is not None and row.verdict != c.verdict:
        fields.append("verdict")
    if row.response and row.response != c.response:
        fields.append("response")
    if on is not None and on != c.response_on:
        fields.append("response_on")
    if any(c.extra.get(k) != v for k, v in _extra(row).items()):
        fields.append("extra")
    return tuple(fields)


# ------------------------------------------------------------------ the service

def preview_response(db: Database, path: str | os.PathLike[str], committee: str,
                     table: ResponseTable | None = None) -> ResponsePreview:
    """Read ``path`` (unless ``table`` is given) and match its rows to ``committee``'s
    recommendations; nothing is written. The committee must exist (UnknownCommittee)."""
    table = table or read_response(path)
    name = existing_committee(db, committee)
    recs = list_recommendations(db, name, include_procedural=False)
    candidates = _candidates(recs, table.decided_on)
    matches = match_rows(table, candidates)
    answered = {m.candidate.id for m in matches if m.matched and m.candidate}
    meetings = {m.candidate.meeting_date for m in matches if m.matched and m.candidate}
    unanswered = [c for c in candidates if c.id not in answered and c.meeting_date in meetings
                  and c.verdict == Verdict.AWAITING and not c.response.strip()]
    return ResponsePreview(Path(path), name, table, matches, unanswered)


def select_rows(preview: ResponsePreview, accept: str | Sequence[str] | None
                ) -> list[ResponseMatch]:
    """"all" (the ticked rows: matched, not ambiguous), "none", or row keys ("row5") and
    recommendation labels ("R1"), as a list or comma-separated. A row below the threshold is
    never chosen: naming it is an error, as is a key or label that is not in the preview."""
    if accept is None or accept in ("none", ""):
        return []
    if accept == "all":
        return [m for m in preview.rows if m.ticked]
    wanted = [w.strip() for w in (accept.split(",") if isinstance(accept, str) else accept)
              if w.strip()]
    chosen: list[ResponseMatch] = []
    for word in wanted:
        found = [m for m in preview.rows if m.key.casefold() == word.casefold()] or \
            [m for m in preview.matched if m.candidate and m.candidate.label
             and m.candidate.label.casefold() == word.casefold()]
        if not found:
            raise ServiceError(f"{preview.table.source}: no row or matched recommendation "
                               f"{word!r} (the rows are {preview.rows[0].key}.."
                               f"{preview.rows[-1].key})")
        for m in found:
            if not m.matched:
                raise ServiceError(f"{preview.table.source}: {m.key} matches no recommendation "
                                   f"({m.reason}); nothing is recorded for it")
            if m not in chosen:
                chosen.append(m)
    return chosen


def accept_response(db: Database, preview: ResponsePreview,
                    keys: str | Sequence[str] | list[ResponseMatch],
                    tick: Callable[[int, int], None] | None = None) -> ResponseApplied:
    """Record the chosen rows (``select_rows``'s words, or the matches themselves) in one
    transaction. A recommendation changed by someone else since the preview is refused
    (ConflictError), nothing saved. ``tick(done, all)`` is called before the first row and
    just before the commit; an exception it raises rolls everything back (the cancel)."""
    if isinstance(keys, list) and all(isinstance(k, ResponseMatch) for k in keys):
        chosen: list[ResponseMatch] = list(keys)  # type: ignore[arg-type]
    else:
        chosen = select_rows(preview, keys)  # type: ignore[arg-type]
    applied = ResponseApplied(preview.committee, preview.table.source, [], [],
                              preview.decided_on)
    with db.unit_of_work() as s:
        if tick is not None:
            tick(0, len(chosen))
        for m in chosen:
            c = m.candidate
            assert c is not None
            assert m.matched
            r = s.get(Recommendation, c.id)
            if r is None:
                raise ServiceError(f"{preview.table.source}: recommendation {_name(c)} was "
                                   "deleted since the response was read; nothing was saved")
            _record(r, m.row, preview.decided_on)
            if s.is_modified(r):
                # changed by someone else since the preview, and this would change it again
                check_version(s, r, c.version, f"recommendation {_name(c)}")
                r.updated_on = today()
                applied.recorded.append(m.key)
            else:
                applied.unchanged.append(m.key)
        s.flush()
        if tick is not None:
            tick(len(chosen), len(chosen))
    return applied


def _record(r: Recommendation, row: ResponseRow, on: dt.date) -> None:
    if row.verdict is not None and r.verdict != row.verdict:
        r.verdict = row.verdict
    if row.response and r.response != row.response:
        r.response = row.response
    if r.response_on != on:
        r.response_on = on
    extra = extra_of(r.extra)
    merged = {**extra, **_extra(row)}
    if merged != extra:
        r.extra = json.dumps(merged, ensure_ascii=False)
