"""Matching the executive's response to a committee's recommendations (for
``services.executive_response``): each row of the executive's table scored against every
candidate recommendation, then paired one to one.

The executive rewords the recommendations ("That the Council publishes ..." becomes "The
Council should publish ..."), so texts are compared with rapidfuzz's token set ratio (0-100)
without case, punctuation and a leading "That". A row matches only at or above ``THRESHOLD``;
the best scores are paired first, and each recommendation answers one row at most. Numbering
counts where it agrees with the text: a row numbered 3 prefers R3 among candidates within
``MARGIN`` of each other; numbering alone never makes a match. A match with another free
candidate within the margin, and no numbering to tell them apart, is ambiguous.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from rapidfuzz import fuzz

from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import Verdict
from desktop_app.importers.exec_response import ResponseRow, ResponseTable
from desktop_app.services.import_words import verdict_as_written

THRESHOLD = 70   # a score (0-100) below which a row matches nothing
MARGIN = 5       # candidates closer than this are told apart only by numbering
EXTRA_LEAD, EXTRA_TIMESCALE, EXTRA_WORD = "Executive lead", "Timescale", "Verdict as written"

__all__ = ["EXTRA_LEAD", "EXTRA_TIMESCALE", "EXTRA_WORD", "MARGIN", "THRESHOLD", "Candidate",
           "ResponseMatch", "candidates_of", "extra_fields", "match_rows", "name_of"]


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
    verdict_word: str = ""

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


def candidates_of(rows: list[Any], decided_on: dt.date | None) -> list[Candidate]:
    out = []
    for r in rows:
        if decided_on and r.meeting_date and r.meeting_date > decided_on:
            continue  # made after the decision: it cannot be answered by it
        out.append(Candidate(r.id, r.version, r.label, r.text, r.meeting_date,
                             Verdict(r.verdict), r.response, r.response_on, dict(r.extra),
                             r.verdict_word))
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
            reason = (f"{name_of(candidates[k])} fits nearly as well ({scores[i][k]}): check "
                      "before recording")
        elif agrees[i][j]:
            reason = "text and numbering agree"
        elif row.label and any(agrees[i]):
            other = candidates[agrees[i].index(True)]
            reason = (f"numbered {row.label}, but the text matches {name_of(c)}, not "
                      f"{name_of(other)} ({scores[i][agrees[i].index(True)]})")
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
        reason = f"{name_of(c)} is answered better by row {row_of[best] + 1}"
    else:
        reason = f"nothing scores {THRESHOLD} or more (nearest: {name_of(c)}, {score})"
    return ResponseMatch(key, row, c, score, False, False, reason)


def name_of(c: Candidate) -> str:
    return c.label or f"recommendation {c.id}"


def extra_fields(row: ResponseRow) -> dict[str, str]:
    timescale = row.timescale or (format_uk(row.timescale_date, "short")
                                  if row.timescale_date else "")
    values = {EXTRA_LEAD: row.lead, EXTRA_TIMESCALE: timescale}
    return {k: v for k, v in values.items() if v}


def _changes(row: ResponseRow, c: Candidate, on: dt.date | None) -> tuple[str, ...]:
    fields = []
    if row.verdict is not None and row.verdict != c.verdict:
        fields.append("verdict")
    if row.verdict is not None and verdict_as_written(row.verdict, row.verdict_word) \
            != c.verdict_word:
        fields.append("verdict_word")
    if row.response and row.response != c.response:
        fields.append("response")
    if on is not None and on != c.response_on:
        fields.append("response_on")
    if any(c.extra.get(k) != v for k, v in extra_fields(row).items()):
        fields.append("extra")
    return tuple(fields)
