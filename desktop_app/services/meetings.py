"""Meetings and their agenda items."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.db.engine import Database
from desktop_app.db.models import AgendaItem, Meeting
from desktop_app.domain.agenda_numbers import place_of
from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingKind, MeetingStatus
from desktop_app.domain.records import AgendaItemRow, AttachmentRow, MeetingRow
from desktop_app.services.attachments import new_attachment
from desktop_app.services.common import (apply_fields, check_version, find_committee,
                                         find_meeting, get_row, today)
from desktop_app.services.errors import ServiceError


def item_row(i: AgendaItem) -> AgendaItemRow:
    return AgendaItemRow(
        id=i.id, meeting_id=i.meeting_id, number=i.number, title=i.title, purpose=i.purpose,
        scrutiny_type=i.scrutiny_type, lead_officers=i.lead_officers, exempt=i.exempt,
        exempt_paragraph=i.exempt_paragraph, minutes_text=i.minutes_text,
        incomplete=i.incomplete, version=i.version,
        attachments=tuple(AttachmentRow(id=a.id, path=a.path, title=a.title,
                                        pages=a.page_count, stored=bool(a.sha256))
                          for a in i.attachments))


def meeting_row(m: Meeting, with_items: bool = True) -> MeetingRow:
    return MeetingRow(
        id=m.id, committee_id=m.committee_id, date=m.date, time=m.start_time, venue=m.venue,
        kind=m.kind, status=m.status,
        publication_deadline=m.publication_deadline_override or dates.publication_deadline(m.date),
        questions_deadline=m.questions_deadline_override or dates.questions_deadline(m.date),
        minute_start=m.minute_start, version=m.version,
        items=tuple(item_row(i) for i in m.items) if with_items else ())


def _time(value: str | dt.time | None) -> dt.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value
    text = value.strip().lower().replace(".", ":")
    for fmt in ("%H:%M", "%I:%M%p", "%I:%M %p", "%I%p", "%I %p"):
        try:
            return dt.datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    raise ServiceError(f"time {value!r} is not a time (use HH:MM)")


def add_meeting(db: Database, committee: str, date: dt.date, time: str | dt.time | None = None,
                venue: str = "", kind: str = MeetingKind.MAINSTREAM, status: str | None = None,
                minute_start: int | None = None, publication_deadline: dt.date | None = None,
                questions_deadline: dt.date | None = None) -> MeetingRow:
    kind_value = MeetingKind.parse(kind)
    status_value = MeetingStatus.parse(status) if status else MeetingStatus.SCHEDULED
    with db.unit_of_work() as s:
        c = find_committee(s, committee)
        if s.scalars(select(Meeting).where(Meeting.committee_id == c.id, Meeting.date == date)).first():
            raise ServiceError(f"{c.name} already has a meeting on {date.isoformat()}")
        m = Meeting(committee_id=c.id, date=date, start_time=_time(time), venue=venue,
                    kind=kind_value, status=status_value, minute_start=minute_start,
                    publication_deadline_override=publication_deadline,
                    questions_deadline_override=questions_deadline)
        s.add(m)
        s.flush()
        return meeting_row(m)


def update_meeting(db: Database, meeting_id: int, if_version: int | None = None,
                   **fields) -> MeetingRow:
    if "kind" in fields and fields["kind"] is not None:
        fields["kind"] = MeetingKind.parse(fields["kind"])
    if "status" in fields and fields["status"] is not None:
        fields["status"] = MeetingStatus.parse(fields["status"])
    if "start_time" in fields:
        fields["start_time"] = _time(fields["start_time"])
    with db.unit_of_work() as s:
        m = get_row(s, Meeting, meeting_id, "meeting")
        check_version(s, m, if_version, "meeting")
        day = fields.get("date")
        if day is not None and day != m.date and s.scalars(select(Meeting).where(
                Meeting.committee_id == m.committee_id, Meeting.date == day)).first():
            raise ServiceError(f"{m.committee.name} already has a meeting on "
                               f"{dates.format_uk(day, 'full')}")
        apply_fields(m, fields, {"date", "start_time", "venue", "kind", "status", "minute_start",
                                 "publication_deadline_override", "questions_deadline_override",
                                 "notes"})
        s.flush()
        return meeting_row(m)


def set_meeting_status(db: Database, meeting_id: int, status: str) -> MeetingRow:
    return update_meeting(db, meeting_id, status=status)


def list_meetings(db: Database, committee: str, *, upcoming_first: bool = False) -> list[MeetingRow]:
    with db.reading() as s:
        c = find_committee(s, committee)
        rows = s.scalars(select(Meeting).where(Meeting.committee_id == c.id)
                         .options(selectinload(Meeting.items).selectinload(AgendaItem.attachments))
                         .order_by(Meeting.date)).all()
        result = [meeting_row(m) for m in rows]
    if upcoming_first:
        from desktop_app.services.window_read import upcoming_first as in_order
        result = in_order(result, today())
    return result


def get_meeting(db: Database, committee: str, date: dt.date) -> MeetingRow:
    with db.reading() as s:
        return meeting_row(find_meeting(s, find_committee(s, committee), date))


def next_meeting(db: Database, committee: str) -> MeetingRow | None:
    """The next meeting still to be held (scheduled, not cancelled), earliest first."""
    with db.reading() as s:
        c = find_committee(s, committee)
        m = s.scalars(select(Meeting).where(Meeting.committee_id == c.id,
                                            Meeting.status == MeetingStatus.SCHEDULED)
                      .order_by(Meeting.date)).first()
        return meeting_row(m) if m else None


def add_item(db: Database, committee: str, meeting: dt.date, number: str, title: str,
             purpose: str = "", lead: str = "", scrutiny_type: str = "",
             exempt_paragraph: str | None = None, attachments: list[str] | None = None,
             minutes_text: str = "") -> AgendaItemRow:
    if not title.strip():
        raise ServiceError("an agenda item needs a title")
    # every file checked (and copied) before anything is saved
    prepared = [new_attachment(path, Path(path).stem, n)
                for n, path in enumerate(attachments or [])]
    with db.unit_of_work() as s:
        m = find_meeting(s, find_committee(s, committee), meeting)
        if any(i.number == str(number) for i in m.items):
            raise ServiceError(f"the meeting on {meeting.isoformat()} already has an item {number}")
        item = AgendaItem(meeting=m, number=str(number), title=title.strip(), purpose=purpose,
                          lead_officers=lead, scrutiny_type=scrutiny_type,
                          exempt=bool(exempt_paragraph), exempt_paragraph=exempt_paragraph or "",
                          minutes_text=minutes_text, position=_next_position(m))
        s.add(item)
        item.attachments.extend(prepared)
        s.flush()
        return item_row(item)


def _next_position(m: Meeting) -> int:
    return max((i.position for i in m.items), default=-1) + 1


def update_item(db: Database, item_id: int, if_version: int | None = None, **fields) -> AgendaItemRow:
    if "exempt_paragraph" in fields:
        fields["exempt"] = bool(fields["exempt_paragraph"])
    with db.unit_of_work() as s:
        item = get_row(s, AgendaItem, item_id, "agenda item")
        check_version(s, item, if_version, "agenda item")
        renumbered = "number" in fields and fields["number"] is not None and \
            str(fields["number"]).strip() != item.number
        apply_fields(item, fields, {"number", "title", "purpose", "scrutiny_type", "lead_officers",
                                    "exempt", "exempt_paragraph", "minutes_text", "resolutions",
                                    "incomplete"})
        if renumbered:
            _take_place(item)
        s.flush()
        return item_row(item)


def _take_place(item: AgendaItem) -> None:
    """A renumbered item moves to where its new number reads in the agenda (the others keep
    their order); positions are written again 0, 1, 2... only where they change."""
    others = [i for i in sorted(item.meeting.items, key=lambda i: i.position) if i is not item]
    others.insert(place_of(item.number, [i.number for i in others]), item)
    for position, each in enumerate(others):
        if each.position != position:
            each.position = position


def attach_file(db: Database, item_id: int, path: str, title: str = "") -> AgendaItemRow:
    attachment = new_attachment(path, title or Path(path).stem, 0)
    with db.unit_of_work() as s:
        item = get_row(s, AgendaItem, item_id, "agenda item")
        attachment.position = len(item.attachments)
        item.attachments.append(attachment)
        s.flush()
        return item_row(item)


def remove_item(db: Database, item_id: int) -> None:
    with db.unit_of_work() as s:
        s.delete(get_row(s, AgendaItem, item_id, "agenda item"))
