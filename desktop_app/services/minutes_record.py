"""What the minutes print besides the items' text: the attendance block, the approval and what
was resolved under each item, read for the meetings a document needs (read only; editing attendance and recording an approval are
the meetings services' business)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.db.engine import Database
from desktop_app.db.models import Attendance, Meeting, Membership
from desktop_app.domain.minutes_people import MinutesPerson, MinutesRecord
from desktop_app.domain.enums import AttendanceKind


def minutes_records(db: Database, meeting_ids: Iterable[int]) -> dict[int, MinutesRecord]:
    """meeting id -> its attendance and approval, for each meeting asked for that exists."""
    wanted = sorted(set(meeting_ids))
    if not wanted:
        return {}
    out: dict[int, MinutesRecord] = {}
    with db.reading() as s:
        meetings = s.scalars(select(Meeting).where(Meeting.id.in_(wanted)).options(
            selectinload(Meeting.attendance).selectinload(Attendance.member),
            selectinload(Meeting.items))).all()
        committee_ids = {m.committee_id for m in meetings}
        links = s.scalars(select(Membership).where(
            Membership.committee_id.in_(committee_ids))).all()
        places = {(link.committee_id, link.member_id): link for link in links}
        approving_ids = {m.minutes_approved_meeting_id for m in meetings
                         if m.minutes_approved_meeting_id is not None}
        approving = {m.id: m.date for m in s.scalars(
            select(Meeting).where(Meeting.id.in_(approving_ids)))} if approving_ids else {}
        for meeting in meetings:
            people = []
            for row in meeting.attendance:
                link = places.get((meeting.committee_id, row.member_id)) \
                    if row.member_id is not None else None
                member = row.member
                # a member as the address book spells them, with the title it gives or,
                # failing that, the one written ("Mrs Gita Hale"); anyone else as written
                name = member.name if member is not None else row.name
                title = (member.title.strip() or _title(row.name)) if member is not None else ""
                people.append(MinutesPerson(
                    name=name or row.name,
                    kind=AttendanceKind(row.kind), role=row.role or "",
                    substitute_for=row.substitute_for or "",
                    member_role=link.role if link is not None else None,
                    voting=link.voting if link is not None else True,
                    title=title, position=row.position))
            out[meeting.id] = MinutesRecord(
                attendance=tuple(people), approved_on=meeting.minutes_approved_on,
                approved_at=approving.get(meeting.minutes_approved_meeting_id)
                if meeting.minutes_approved_meeting_id is not None else None,
                resolutions={item.id: item.resolutions for item in meeting.items
                             if item.resolutions})
    return out


_TITLES = ("councillor", "cllr", "cllr.", "mr", "mrs", "ms", "miss", "mx", "dr", "rev", "prof")


def _title(written: str) -> str:
    """The title a name was written with ("Mrs" of "Mrs Gita Hale"), or ""."""
    first = (written or "").split(" ", 1)[0]
    return first if first.casefold() in _TITLES and " " in (written or "").strip() else ""
