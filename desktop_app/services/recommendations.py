"""Recommendations to the executive: the s.9FE response clock, verdicts and implementation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.db.models import Committee, Meeting, ProgressUpdate, Recommendation
from desktop_app.domain.enums import ImplementationStatus, Verdict
from desktop_app.domain.names import clean_name, name_problem
from desktop_app.domain.records import RecommendationRow
from desktop_app.services.common import (UNSET, Unset, apply_fields, check_version, cleared,
                                         find_committee, find_meeting, get_row,
                                         last_held_meeting, today)
from desktop_app.services.tracker_rows import REC_FILTERS as STATUS_FILTERS
from desktop_app.services.tracker_rows import RecColumns as _Columns
from desktop_app.services.tracker_rows import rec_matches as matches
from desktop_app.services.tracker_list import list_rows
from desktop_app.services.tracker_rows import rec_row
from desktop_app.services.tracker_rows import response_due as response_due   # for stats, calendar
from desktop_app.services.errors import ServiceError

EDITABLE = {"label", "text", "addressee", "sent_on", "response", "response_on", "verdict",
            "response_due_override", "status", "item_title", "meeting_id", "verdict_word"}


def _check_addressee(name: str) -> None:
    """Whom a recommendation goes to is one line of text (it heads their chase email)."""
    problem = name_problem(name or "")
    if problem:
        raise ServiceError(f"the addressee {clean_name(name)!r} {problem}")


def add_recommendation(db: Database, committee: str, meeting: dt.date, text: str, item: str = "",
                       label: str = "", addressee: str = "Executive",
                       sent_on: dt.date | None = None, response: str = "",
                       verdict: str = Verdict.AWAITING, status: str = ImplementationStatus.OPEN,
                       procedural: bool = False) -> RecommendationRow:
    if not text.strip():
        raise ServiceError("a recommendation needs its text")
    _check_addressee(addressee)
    verdict = Verdict.parse(verdict)
    status = ImplementationStatus.parse(status)
    with db.unit_of_work() as s:
        c = find_committee(s, committee)
        m = find_meeting(s, c, meeting)
        item_id = next((i.id for i in m.items if i.title.lower() == item.strip().lower()), None)
        position = len(s.scalars(select(Recommendation.id).where(
            Recommendation.meeting_id == m.id)).all())
        r = Recommendation(committee_id=c.id, meeting_id=m.id, agenda_item_id=item_id,
                           item_title=item.strip(), label=label, text=text.strip(),
                           addressee=addressee, sent_on=sent_on or m.date, response=response,
                           verdict=verdict, status=status, position=position,
                           procedural=procedural)
        s.add(r)
        s.flush()
        return _reload(s, r)


def update_recommendation(db: Database, rec_id: int, if_version: int | None = None,
                          author: str | None = None, on: dt.date | None = None,
                          clear: tuple[str, ...] = (),
                          updated_on: dt.date | None | Unset = UNSET,
                          **fields) -> RecommendationRow:
    """Change fields; None leaves a field alone unless it is named in ``clear`` (which empties
    it: text becomes "", a date None). ``updated_on``: the day of its last change to keep (an
    undo gives the one it had before)."""
    if fields.get("verdict") is not None:
        fields["verdict"] = Verdict.parse(fields["verdict"])
    if fields.get("status") is not None:
        fields["status"] = ImplementationStatus.parse(fields["status"])
    fields = {k: v for k, v in fields.items() if v is not None}
    _check_addressee(fields.get("addressee", ""))
    when = on or today()
    with db.unit_of_work() as s:
        r = get_row(s, Recommendation, rec_id, "recommendation")
        check_version(s, r, if_version, "recommendation")
        old_verdict = r.verdict
        apply_fields(r, fields, EDITABLE)
        apply_fields(r, cleared(Recommendation, clear), EDITABLE)
        if r.verdict != old_verdict and "verdict_word" not in fields:
            r.verdict_word = ""     # the file's word no longer says what the verdict is
        if s.is_modified(r):
            r.updated_on = when
        if not isinstance(updated_on, Unset):
            r.updated_on = updated_on
        s.flush()
        return _reload(s, r)


def record_response(db: Database, rec_id: int, response: str, verdict: str,
                    on: dt.date | None = None, if_version: int | None = None) -> RecommendationRow:
    """The executive's response and verdict, as received on ``on``."""
    return update_recommendation(db, rec_id, if_version=if_version, response=response,
                                 verdict=verdict, response_on=on or today(), on=on)


def add_rec_update(db: Database, rec_id: int, text: str, on: dt.date | None = None,
                   author: str | None = None, status: str | None = None,
                   if_version: int | None = None) -> RecommendationRow:
    when = on or today()
    with db.unit_of_work() as s:
        r = get_row(s, Recommendation, rec_id, "recommendation")
        check_version(s, r, if_version, "recommendation")
        r.updates.append(ProgressUpdate(on=when, text=text, author=author or audit.current_user()))
        if status:
            r.status = ImplementationStatus.parse(status)
        r.updated_on = when
        s.flush()
        return _reload(s, r)


def _reload(s, r: Recommendation) -> RecommendationRow:
    held = last_held_meeting(s, r.committee_id)
    m = s.get(Meeting, r.meeting_id) if r.meeting_id else None
    c = s.get(Committee, r.committee_id)
    return rec_row(r, m.date if m else None, c.name, held.date if held else None, today(), True)


def get_recommendation(db: Database, rec_id: int) -> RecommendationRow:
    with db.reading() as s:
        return _reload(s, get_row(s, Recommendation, rec_id, "recommendation"))


def list_recommendations(db: Database, committee: str | None = None, status: str | None = None,
                         with_updates: bool = False, now: dt.date | None = None,
                         include_procedural: bool = True,
                         meeting_id: int | None = None) -> list[RecommendationRow]:
    """``meeting_id``: only the recommendations made at that meeting."""
    if status not in (None, "", "all") and status not in STATUS_FILTERS:
        matches(None, status)  # type: ignore[arg-type]
    return list_rows(db, Recommendation, _Columns, rec_row, matches, committee=committee,
                     status=status, with_updates=with_updates, now=now, meeting_id=meeting_id,
                     where=() if include_procedural else (Recommendation.procedural.is_(False),))
