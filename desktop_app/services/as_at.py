"""The tracker as it stood on a past date, rebuilt from the audit trail.

Start from today's rows and undo, newest first, every audited change made after that date:
an update puts the old value back, an insert removes the row, a delete brings it back from the
snapshot kept in the audit row.

A row created by an import (its "insert" marked ``KNOWN_FROM_IMPORT``) was not new on the
import date: it counts from what the file says. It stands on a date on or after its meeting's
date (or the date it was raised or sent, for a row without a meeting), with the file's own later
dates (completed, reported complete, responded) undone when they fall after that date.
``known_history`` says from when the committee's history is known at all, so that a document
that comes out empty can say why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Boolean, Date, DateTime, Integer, Time, exists, or_, select

from desktop_app.db.engine import Database
from desktop_app.db.models import (Action, AuditEntry, Committee, Meeting, ProgressUpdate,
                                   Recommendation, WorkItemMove, WorkProgrammeItem)
from desktop_app.domain.as_at import KNOWN_FROM_IMPORT, KnownHistory
from desktop_app.domain.enums import ActionStatus, MeetingStatus, Verdict
from desktop_app.domain.records import ActionRow, RecommendationRow, UpdateRow, WorkItemRow
from desktop_app.services.actions import action_row
from desktop_app.services.common import find_committee
from desktop_app.services.recommendations import rec_row
from desktop_app.services.work_programme import sort_work_rows, work_row

Row = TypeVar("Row", ActionRow, RecommendationRow)


def _convert(model, field: str, text: str | None):
    if text is None:
        return None
    column = model.__table__.c.get(field)
    if column is None:
        return text
    kind = column.type
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(text)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(text)
    if isinstance(kind, Time):
        return dt.time.fromisoformat(text)
    if isinstance(kind, Boolean):
        return text == "yes"
    if isinstance(kind, Integer):
        return int(text)
    return text


def _columns(obj) -> dict:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


# for each audited table: the row's own date it counts from when it has no meeting, and the
# file's later dates that are undone (field -> the values it and its companions go back to)
_OWN_DATE = {"actions": "raised_on", "recommendations": "sent_on"}
_LATER = {
    "actions": {"completed_on": {"completed_on": None, "status": ActionStatus.OPEN},
                "reported_complete_on": {"reported_complete_on": None,
                                         "reported_complete_meeting_id": None},
                "updated_on": {"updated_on": None},
                "raised_on": {"raised_on": None}},   # an import dates undated rows its own day
    "recommendations": {"response_on": {"response_on": None, "response": "",
                                        "verdict": Verdict.AWAITING},
                        "sent_on": {"sent_on": None},
                        "updated_on": {"updated_on": None}},
}


def _as_the_file_says(table: str, values: dict, meeting_dates: dict[int, dt.date],
                      day: dt.date) -> dict | None:
    """An imported row as it stood on ``day`` by its own dates, or None if it did not yet.
    A work programme item is planned ahead of its meeting and has no date of its own: it
    stands as the file says."""
    if table not in _OWN_DATE:
        return dict(values)
    since = meeting_dates.get(values.get("meeting_id") or 0) or values.get(_OWN_DATE[table])
    if since is None or since > day:
        return None
    out = dict(values)
    for field, undone in _LATER[table].items():
        when = out.get(field)
        if when is not None and when > day:
            out.update(undone)
    return out


def _rewind(session, model, committee_id: int, day: dt.date,
            meeting_dates: dict[int, dt.date], keep_late: bool = False) -> list:
    """The committee's rows of ``model`` as they stood on ``day``. A row typed in after ``day``
    is left out (a document then did not show it) unless ``keep_late``: then, as an imported
    row, it stands by its own dates as first entered (a year's figures count an action of one
    of its meetings that the officer typed in afterwards)."""
    cutoff = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    table = model.__tablename__
    rows = {o.id: _columns(o) for o in session.scalars(
        select(model).where(model.committee_id == committee_id))}
    changes = session.scalars(select(AuditEntry).where(
        AuditEntry.table_name == table, AuditEntry.at >= cutoff,
        or_(AuditEntry.committee_id == committee_id, AuditEntry.committee_id.is_(None)))
        .order_by(AuditEntry.id.desc()))
    for e in changes:
        if e.operation == "insert" and (keep_late or e.field == KNOWN_FROM_IMPORT) \
                and e.row_id in rows:
            kept = _as_the_file_says(table, rows[e.row_id], meeting_dates, day)
            if kept is None:
                rows.pop(e.row_id)
            else:
                rows[e.row_id] = kept
        elif e.operation == "insert":
            rows.pop(e.row_id, None)
        elif e.operation == "delete" and e.old:
            values = {k: _convert(model, k, v) for k, v in json.loads(e.old).items()}
            if values.get("committee_id") == committee_id:
                rows[e.row_id] = {"id": e.row_id, **values}
        elif e.operation == "update" and e.row_id in rows and e.field:
            rows[e.row_id][e.field] = _convert(model, e.field, e.old)
    defaults = {c.key: (c.default.arg if c.default is not None and not callable(c.default.arg)
                        else None) for c in model.__table__.columns}
    return [model(**{**defaults, **values}) for values in rows.values()]


def _updates_by(session, model, committee_id: int, day: dt.date
                ) -> dict[int, tuple[UpdateRow, ...]]:
    """The committee's progress notes on its actions (or recommendations) dated on or before
    ``day``, by the action (or recommendation)."""
    column = ProgressUpdate.action_id if model is Action else ProgressUpdate.recommendation_id
    out: dict[int, list[UpdateRow]] = {}
    for owner, u in session.execute(
            select(column, ProgressUpdate).join(model, model.id == column)
            .where(model.committee_id == committee_id, ProgressUpdate.on <= day)
            .order_by(ProgressUpdate.on, ProgressUpdate.id)):
        out.setdefault(owner, []).append(UpdateRow(id=u.id, on=u.on, text=u.text, author=u.author))
    return {k: tuple(v) for k, v in out.items()}


def _order(obj, meetings: dict) -> tuple:
    """As the live lists order them: by meeting (none last), then position, then id."""
    meeting = meetings.get(obj.meeting_id)
    return (meeting.date if meeting else dt.date.max, obj.position or 0, obj.id)


def _context(session, committee_id: int, day: dt.date):
    meetings = {m.id: m for m in session.scalars(select(Meeting).where(
        Meeting.committee_id == committee_id))}
    # as the live lists count "new" and "updated": from the last meeting marked held
    held = [m.date for m in meetings.values() if m.date <= day and m.status == MeetingStatus.HELD]
    return meetings, (max(held) if held else None)


def actions_as_at(db: Database, committee: str, day: dt.date) -> list[ActionRow]:
    return _rows_as_at(db, committee, day, Action, action_row)


def recommendations_as_at(db: Database, committee: str, day: dt.date) -> list[RecommendationRow]:
    return _rows_as_at(db, committee, day, Recommendation, rec_row)


def _rows_as_at(db: Database, committee: str, day: dt.date,
                model: type[Action] | type[Recommendation], make_row: Callable[..., Row]
                ) -> list[Row]:
    """The committee's records of ``model`` as they stood on ``day``, in the live lists'
    order, made into rows by ``make_row`` (action_row or rec_row) with their updates to then."""
    with db.reading() as s:
        c: Committee = find_committee(s, committee)
        meetings, last_held = _context(s, c.id, day)
        objs = _rewind(s, model, c.id, day, {m.id: m.date for m in meetings.values()})
        objs.sort(key=lambda o: _order(o, meetings))
        notes = _updates_by(s, model, c.id, day)
        rows = [dataclasses.replace(make_row(
            o, meetings[o.meeting_id].date if o.meeting_id in meetings else None, c.name,
            last_held, day), updates=notes.get(o.id, ())) for o in objs]
    return rows


def work_programme_as_at(db: Database, committee: str, day: dt.date) -> list[WorkItemRow]:
    """The committee's work programme as it stood on ``day``: each item at the meeting it was
    planned for then, with its status then and only the moves made by then."""
    cutoff = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    with db.reading() as s:
        c = find_committee(s, committee)
        dates = {m.id: m.date for m in s.scalars(select(Meeting).where(
            Meeting.committee_id == c.id))}
        items = _rewind(s, WorkProgrammeItem, c.id, day, dates)
        recorded_later = set(s.scalars(select(AuditEntry.row_id).where(
            AuditEntry.table_name == WorkItemMove.__tablename__, AuditEntry.operation == "insert",
            AuditEntry.field != KNOWN_FROM_IMPORT, AuditEntry.at >= cutoff,
            or_(AuditEntry.committee_id == c.id, AuditEntry.committee_id.is_(None)))))
        moves: dict[int, list[WorkItemMove]] = {}
        first_later: dict[int, WorkItemMove] = {}
        for m in s.scalars(select(WorkItemMove).join(WorkProgrammeItem)
                           .where(WorkProgrammeItem.committee_id == c.id)
                           .order_by(WorkItemMove.moved_on, WorkItemMove.id)):
            if m.moved_on > day:
                first_later.setdefault(m.item_id, m)
            elif m.id not in recorded_later:
                moves.setdefault(m.item_id, []).append(m)
        by_date = {d: mid for mid, d in sorted(dates.items(), reverse=True)}
        for w in items:
            # a move dated after the day (an imported file's): the item was where it came from
            if w.id in first_later:
                w.meeting_id = by_date.get(first_later[w.id].from_date)  # type: ignore[arg-type]
        rows = [work_row(w, meeting_date=dates.get(w.meeting_id or 0),
                         moves=moves.get(w.id, [])) for w in items]
    return sort_work_rows(rows)


_TRACKED = ("actions", "recommendations")


def changed_after(db: Database, committee: str, day: dt.date,
                  tables: tuple[str, ...] = _TRACKED) -> bool:
    """Whether any action or recommendation (or row of ``tables``) of the committee was
    created, changed or deleted after ``day`` (if not, today's rows are the rows as at
    ``day``)."""
    cutoff = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    with db.reading() as s:
        c = find_committee(s, committee)
        return bool(s.scalar(select(exists().where(
            AuditEntry.table_name.in_(tables), AuditEntry.at >= cutoff,
            or_(AuditEntry.committee_id == c.id, AuditEntry.committee_id.is_(None))))))


def known_history(db: Database, committee: str) -> KnownHistory:
    """From when the committee's actions and recommendations are known: the day of the first
    audited record of them, and whether that record came from an import."""
    with db.reading() as s:
        return known_history_in(s, find_committee(s, committee).id)


def known_history_in(session, committee_id: int) -> KnownHistory:
    """``known_history`` within an open session, by the committee's id."""
    first = session.scalars(select(AuditEntry).where(
        AuditEntry.table_name.in_(_TRACKED), AuditEntry.committee_id == committee_id)
        .order_by(AuditEntry.id).limit(1)).first()
    if first is None:
        return KnownHistory(None)
    return KnownHistory(first.at.date(), first.field == KNOWN_FROM_IMPORT)


def tracker_objects_as_at(session, committee_id: int, day: dt.date
                          ) -> tuple[list[Action], list[Recommendation]]:
    """The committee's actions and recommendations as they stood on ``day`` (unsaved objects
    rebuilt from the audit trail, not attached to ``session``), for counting."""
    dates = {m.id: m.date for m in session.scalars(select(Meeting).where(
        Meeting.committee_id == committee_id))}
    return (_rewind(session, Action, committee_id, day, dates, keep_late=True),
            _rewind(session, Recommendation, committee_id, day, dates, keep_late=True))
