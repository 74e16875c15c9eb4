"""Recommendations to the executive: the s.9FE response clock, verdicts and implementation."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import select

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.db.models import Committee, Meeting, ProgressUpdate, Recommendation
from desktop_app.domain.dates import s9fe_response_due
from desktop_app.domain.enums import ImplementationStatus, Verdict
from desktop_app.domain.names import clean_name, name_problem
from desktop_app.domain.records import RecommendationRow, UpdateRow
from desktop_app.services.common import (UNSET, Unset, apply_fields, check_version, cleared,
                                         find_committee, find_meeting, get_row,
                                         last_held_meeting, today)
from desktop_app.services.import_words import extra_of
from desktop_app.services.tracker_list import list_rows
from desktop_app.services.errors import ServiceError

STATUS_FILTERS = ("open", "in-progress", "completed", "awaiting-response", "overdue", "all")
EDITABLE = {"label", "text", "addressee", "sent_on", "response", "response_on", "verdict",
            "response_due_override", "status", "item_title", "meeting_id", "verdict_word"}


class _Columns(NamedTuple):
    """What rec_row reads of a Recommendation, and its meeting's date. Listed, recommendations
    load as these plain column tuples (about 1.5x faster than building ORM objects) when the
    progress updates are not wanted."""

    id: int
    version: int
    committee_id: int
    meeting_id: int | None
    item_title: str
    label: str
    text: str
    addressee: str
    sent_on: dt.date | None
    response: str
    verdict: Verdict
    response_on: dt.date | None
    response_due_override: dt.date | None
    status: ImplementationStatus
    updated_on: dt.date | None
    status_word: str
    rag: str
    extra: str
    verdict_word: str
    meeting_date: dt.date | None


def response_due(r: Recommendation | _Columns) -> dt.date | None:
    if r.response_due_override:
        return r.response_due_override
    return s9fe_response_due(r.sent_on) if r.sent_on else None


def rec_row(r: Recommendation | _Columns, meeting_date: dt.date | None, committee: str,
            last_held: dt.date | None, now: dt.date, with_updates: bool = False) -> RecommendationRow:
    due = response_due(r)
    awaiting = r.verdict == Verdict.AWAITING and not r.response.strip()
    new = bool(last_held and meeting_date and meeting_date >= last_held)
    updated = bool(last_held and not new and r.updated_on and r.updated_on > last_held)
    return RecommendationRow(
        id=r.id, version=r.version, committee_id=r.committee_id, committee=committee,
        meeting_id=r.meeting_id, meeting_date=meeting_date, item=r.item_title, label=r.label,
        text=r.text, addressee=r.addressee, sent_on=r.sent_on, response=r.response,
        verdict=r.verdict, response_due=due, response_on=r.response_on,
        response_overdue=bool(awaiting and due is not None and due < now), status=r.status,
        new_since_last_meeting=new, updated_since_last_meeting=updated,
        status_word=r.status_word, rag=r.rag, extra=extra_of(r.extra), responded=not awaiting,
        updated_on=r.updated_on,
        verdict_word=r.verdict_word or "",
        updates=tuple(UpdateRow(id=u.id, on=u.on, text=u.text, author=u.author)
                      for u in r.updates) if with_updates and isinstance(r, Recommendation)
        else ())


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


def matches(row: RecommendationRow, status: str | None) -> bool:
    if status in (None, "", "all"):
        return True
    if status == "awaiting-response":
        return row.verdict == Verdict.AWAITING and not row.response.strip()
    if status == "overdue":
        return row.response_overdue
    if status in ("open", "in-progress", "completed"):
        return row.status == ImplementationStatus(status.replace("-", "_"))
    raise ServiceError(f"unknown status filter {status!r} (choose from {', '.join(STATUS_FILTERS)})")


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
