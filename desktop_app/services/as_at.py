"""The tracker as it stood on a past date, rebuilt from the audit trail.

Start from today's rows and undo, newest first, every audited change made after that date:
an update puts the old value back, an insert removes the row, a delete brings it back from the
snapshot kept in the audit row.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Boolean, Date, DateTime, Integer, Time, select

from desktop_app.db.engine import Database
from desktop_app.db.models import Action, AuditEntry, Committee, Meeting, Recommendation
from desktop_app.domain.enums import MeetingStatus
from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.services.actions import action_row
from desktop_app.services.common import find_committee
from desktop_app.services.recommendations import rec_row


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


def _rewind(session, model, committee_id: int, cutoff: dt.datetime) -> list:
    rows = {o.id: _columns(o) for o in session.scalars(
        select(model).where(model.committee_id == committee_id))}
    changes = session.scalars(select(AuditEntry).where(
        AuditEntry.table_name == model.__tablename__, AuditEntry.at >= cutoff)
        .order_by(AuditEntry.id.desc()))
    for e in changes:
        if e.operation == "insert":
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


def _context(session, committee_id: int, day: dt.date):
    meetings = {m.id: m for m in session.scalars(select(Meeting).where(
        Meeting.committee_id == committee_id))}
    held = [m.date for m in meetings.values() if m.date <= day and m.status != MeetingStatus.CANCELLED]
    return meetings, (max(held) if held else None)


def actions_as_at(db: Database, committee: str, day: dt.date) -> list[ActionRow]:
    cutoff = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    with db.reading() as s:
        c = find_committee(s, committee)
        meetings, last_held = _context(s, c.id, day)
        objs = _rewind(s, Action, c.id, cutoff)
        rows = [action_row(a, meetings[a.meeting_id].date if a.meeting_id in meetings else None,
                           c.name, last_held, day) for a in objs]
    return sorted(rows, key=lambda r: (r.meeting_date or dt.date.max, r.id))


def recommendations_as_at(db: Database, committee: str, day: dt.date) -> list[RecommendationRow]:
    cutoff = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    with db.reading() as s:
        c: Committee = find_committee(s, committee)
        meetings, last_held = _context(s, c.id, day)
        objs = _rewind(s, Recommendation, c.id, cutoff)
        rows = [rec_row(r, meetings[r.meeting_id].date if r.meeting_id in meetings else None,
                        c.name, last_held, day) for r in objs]
    return sorted(rows, key=lambda r: (r.meeting_date or dt.date.max, r.id))
