"""The executive's response to a committee's recommendations: each row of the executive's
table matched to one of the committee's recommendations, shown with its score, then the rows
the officer accepts recorded (verdict, response, response date) through the audit trail.

    preview = preview_response(db, "Cabinet response.docx", "Place Scrutiny")
    for m in preview.rows:
        print(m.key, m.candidate and m.candidate.label, m.score, m.reason)
    applied = accept_response(db, preview, "all")        # or ["R1", "R3"], ["row5"]

``import_file`` (``ImportOptions(kind="executive-response", accept=...)``) runs these as its
read and save stages, with the backup between them and the cancel points: the command line
and the wizard go through it.

Matching is ``services.response_match``'s: the executive rewords the recommendations, so
each row is scored (rapidfuzz, 0-100) against every recommendation of the committee made on or
before the decision date; a row matches only at or above ``THRESHOLD`` (70), nothing is guessed
below it; each recommendation answers one row at most; numbering counts where it agrees with the
text. An "ambiguous" match (a rival within ``MARGIN`` that numbering cannot settle) is shown,
not ticked, and recorded only when the officer names it. The row keys ("row5") are the file's
rows.

What is recorded, for each accepted row: the verdict (when the row has one), the response, the
response date (the decision date in the heading above the table) and the verdict as written
(``verdict_word``, when it says more than the verdict's name); the lead and the timescale are
kept in the recommendation's extra fields ("Executive lead", "Timescale": shown by the column
chooser, exported back). All in one
transaction, each change in the audit trail; accepting the same response again changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.db.engine import Database
from desktop_app.db.models import Recommendation
from desktop_app.domain.enums import Verdict
from desktop_app.importers.exec_response import (ResponseRow, ResponseTable,
                                                 looks_like_response, read_response)
from desktop_app.services.common import check_version, today
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_committee import existing_committee
from desktop_app.services.import_words import extra_of, verdict_as_written
from desktop_app.services.recommendations import list_recommendations
from desktop_app.services.response_match import (EXTRA_LEAD, EXTRA_TIMESCALE, EXTRA_WORD,
                                                 MARGIN, THRESHOLD, Candidate, ResponseMatch,
                                                 candidates_of, extra_fields, match_rows,
                                                 name_of)

__all__ = ["EXTRA_LEAD", "EXTRA_TIMESCALE", "EXTRA_WORD", "MARGIN", "THRESHOLD", "Candidate",
           "ResponseApplied", "ResponseMatch", "ResponsePreview", "accept_response",
           "is_response_file", "preview_response", "select_rows"]



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


# ------------------------------------------------------------------ the service

def preview_response(db: Database, path: str | os.PathLike[str], committee: str,
                     table: ResponseTable | None = None) -> ResponsePreview:
    """Read ``path`` (unless ``table`` is given) and match its rows to ``committee``'s
    recommendations; nothing is written. The committee must exist (UnknownCommittee)."""
    table = table or read_response(path)
    name = existing_committee(db, committee)
    recs = list_recommendations(db, name, include_procedural=False)
    candidates = candidates_of(recs, table.decided_on)
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
                raise ServiceError(f"{preview.table.source}: recommendation {name_of(c)} was "
                                   "deleted since the response was read; nothing was saved")
            _record(r, m.row, preview.decided_on)
            if s.is_modified(r):
                # changed by someone else since the preview, and this would change it again
                check_version(s, r, c.version, f"recommendation {name_of(c)}")
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
    word = verdict_as_written(row.verdict, row.verdict_word) if row.verdict is not None else None
    if word is not None and r.verdict_word != word:
        r.verdict_word = word
    if row.response and r.response != row.response:
        r.response = row.response
    if r.response_on != on:
        r.response_on = on
    extra = extra_of(r.extra)
    merged = {**extra, **extra_fields(row)}
    if merged != extra:
        r.extra = json.dumps(merged, ensure_ascii=False)
