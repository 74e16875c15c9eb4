"""Who attended a meeting (present, apologies, substitutes, others in attendance), read and
set as one sheet per meeting, with names matched to the committee's members.

Setting a sheet changes the stored rows in place (a person's kind, role or substitute), adds
and removes rows, so the audit trail says "apologies -> present" for the person, not "deleted,
inserted". The sheet's ``version`` is a fingerprint of what is stored: ``if_version`` refuses
(ConflictError) when someone else changed the sheet since it was read.

The minutes' approval record is in ``services.minutes_approval``; the counts per member for the
annual statistics are :func:`member_attendance`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.engine import Database
from desktop_app.db.models import Attendance, Meeting, Member, Membership
from desktop_app.domain.attendance import (Attendee, AttendanceSheet, name_key,
                                           sheet_fingerprint, strip_title)
from desktop_app.domain.attendance_year import MemberAttendance
from desktop_app.domain.enums import AttendanceKind, MeetingStatus, MemberRole
from desktop_app.services.common import find_committee, find_meeting, get_row
from desktop_app.services.errors import ConflictError, ServiceError

_FUZZY = 88  # rapidfuzz WRatio at or above which a differently spelt name is the same person
# the order of the block in minutes, and of the sheet
_KIND_ORDER = {AttendanceKind.PRESENT: 0, AttendanceKind.SUBSTITUTE: 1,
               AttendanceKind.IN_ATTENDANCE: 2, AttendanceKind.APOLOGIES: 3,
               AttendanceKind.ABSENT: 4}


# ----------------------------------------------------------------------------- reading

def _fingerprint(rows: Sequence[Attendance]) -> int:
    return sheet_fingerprint(rows)   # domain/attendance.py: the window's quick read uses it too


def _sheet(m: Meeting) -> AttendanceSheet:
    rows = list(m.attendance)
    return AttendanceSheet(
        meeting_id=m.id, meeting_date=m.date, committee=m.committee.name,
        entries=tuple(Attendee(id=r.id, name=r.name, kind=r.kind, substitute_for=r.substitute_for,
                               role=r.role, member_id=r.member_id) for r in rows),
        version=_fingerprint(rows), minutes_approved_meeting_id=m.minutes_approved_meeting_id,
        minutes_approved_on=m.minutes_approved_on)


def get_attendance(db: Database, meeting_id: int) -> AttendanceSheet:
    with db.reading() as s:
        return _sheet(get_row(s, Meeting, meeting_id, "meeting"))


def meeting_id_of(db: Database, committee: str, day: dt.date) -> int:
    with db.reading() as s:
        return find_meeting(s, find_committee(s, committee), day).id


# ----------------------------------------------------------------------------- names

class MemberIndex:
    """The committee's members (and the address book, for substitutes), found by name as
    written: title stripped ("Councillor", "Cllr", "Mr" ...), then exactly, then by surname
    and first initial, then with rapidfuzz where the spelling differs."""

    def __init__(self, session: Session, committee_id: int):
        links = session.scalars(select(Membership).where(
            Membership.committee_id == committee_id)).all()
        self.committee = [(link.member, link.role) for link in links]
        self.others = [m for m in session.scalars(select(Member))
                       if m.id not in {link.member_id for link in links}]

    def _find(self, name: str, members: list[Member]) -> Member | None:
        key = name_key(name)
        if not key:
            return None
        keys = {m.id: name_key(m.name) for m in members}
        exact = [m for m in members if keys[m.id] == key]
        if len(exact) == 1:
            return exact[0]
        words = key.split()
        if len(words) >= 2:  # "D Smith" / "Dav Smith" for "David Smith", not "Bob" for "Bill"
            first = words[0].rstrip(".")
            same = [m for m in members if keys[m.id].split()[-1:] == words[-1:]
                    and _same_first_name(first, keys[m.id].split()[0])]
            if len(same) == 1:
                return same[0]
        from rapidfuzz import fuzz, process  # only for a name that matches nobody exactly
        choices = {m.id: keys[m.id] for m in members}
        found = process.extract(key, choices, scorer=fuzz.WRatio, limit=2)
        if found and found[0][1] >= _FUZZY and (len(found) == 1 or found[1][1] < found[0][1] - 5):
            return next(m for m in members if m.id == found[0][2])
        return None

    def member(self, name: str) -> Member | None:
        """A member of the committee."""
        return self._find(name, [m for m, _ in self.committee])

    def anyone(self, name: str) -> Member | None:
        """A member of the committee, else anyone in the address book."""
        return self.member(name) or self._find(name, self.others)

    def names(self) -> list[str]:
        return [m.name for m, _ in self.committee]


def _same_first_name(written: str, stored: str) -> bool:
    """An initial, or the start of the name ("Dav" for "David")."""
    if len(written) == 1:
        return stored.startswith(written)
    return stored.startswith(written) or written.startswith(stored)

# ----------------------------------------------------------------------------- setting

def _check(entries: Sequence[Attendee], index: MemberIndex) -> list[tuple[Attendee, int | None]]:
    """Each entry with the member it is, refused with one line when it cannot be stored."""
    out: list[tuple[Attendee, int | None]] = []
    seen: dict[str, Attendee] = {}
    for e in entries:
        kind = AttendanceKind.parse(e.kind)
        name = " ".join(e.name.split())
        if not strip_title(name):
            raise ServiceError(f"a {kind.label.lower()} line has no name")
        if len(name) > 200:
            raise ServiceError(f"the name {name[:40]!r}... is longer than 200 characters")
        member = index.anyone(name) if e.member_id is None else None
        member_id = e.member_id if e.member_id is not None else (member.id if member else None)
        key = f"m{member_id}" if member_id is not None else name_key(name)
        if key in seen:
            raise ServiceError(f"{name} is listed twice (as {seen[key].kind.label.lower()} and "
                               f"{kind.label.lower()})")
        substitute_for = " ".join(e.substitute_for.split())
        if kind == AttendanceKind.SUBSTITUTE:
            if not substitute_for:
                raise ServiceError(f"{name} is a substitute: say for whom (\"{name} for ...\")")
            stood_for = index.member(substitute_for)
            if stood_for is None and index.names():
                raise ServiceError(f"{name} substitutes for {substitute_for}, who is not a member "
                                   f"of the committee (members: {', '.join(index.names())})")
            if stood_for is not None:
                substitute_for = f"{stood_for.title} {stood_for.name}".strip()
        elif substitute_for:
            raise ServiceError(f"{name}: only a substitute stands in for someone")
        item = Attendee(name=name, kind=kind, substitute_for=substitute_for, role=e.role.strip(),
                        member_id=member_id)
        seen[key] = item
        out.append((item, member_id))
    return out


def store_attendance(session: Session, meeting: Meeting, entries: Sequence[Attendee]) -> None:
    """Make the meeting's stored rows say ``entries`` (checked), in the session given: rows of
    the same person are changed in place, others added or removed."""
    index = MemberIndex(session, meeting.committee_id)
    checked = _check(entries, index)
    checked.sort(key=lambda pair: _KIND_ORDER[pair[0].kind])  # stable: as given within a kind
    old = list(meeting.attendance)

    def same(row: Attendance, e: Attendee, member_id: int | None) -> bool:
        if member_id is not None or row.member_id is not None:
            return row.member_id == member_id
        return name_key(row.name) == name_key(e.name)

    kept: set[int] = set()
    for position, (e, member_id) in enumerate(checked):
        row = next((r for r in old if id(r) not in kept and same(r, e, member_id)), None)
        if row is None:
            row = Attendance(meeting_id=meeting.id, member_id=member_id)
            meeting.attendance.append(row)
        row.meeting = meeting  # loaded, so the audit trail files the change under the committee
        kept.add(id(row))
        for field, value in (("name", e.name), ("kind", e.kind),
                             ("substitute_for", e.substitute_for), ("role", e.role),
                             ("position", position), ("member_id", member_id)):
            if getattr(row, field) != value:
                setattr(row, field, value)
    for row in old:
        if id(row) not in kept:
            row.meeting = meeting
            session.delete(row)  # left in the collection until the caller's flush and refresh


def set_attendance(db: Database, meeting_id: int, entries: Sequence[Attendee],
                   if_version: int | None = None) -> AttendanceSheet:
    """Replace the meeting's attendance with ``entries``. ``if_version``: the sheet's version
    as read; refused (ConflictError, nothing saved) if someone changed it since."""
    with db.unit_of_work() as s:
        m = get_row(s, Meeting, meeting_id, "meeting")
        if if_version is not None and _fingerprint(m.attendance) != if_version:
            raise ConflictError(
                f"the attendance of the meeting on {m.date:%d/%m/%Y} was changed by someone "
                "else since you read it; nothing was saved")
        store_attendance(s, m, entries)
        s.flush()
        s.refresh(m, ["attendance"])
        return _sheet(m)


# ----------------------------------------------------------------------------- the year

def member_attendance(db: Database, committee: str, start: dt.date,
                      end: dt.date) -> list[MemberAttendance]:
    """Per committee member, over held meetings from ``start`` to ``end`` whose attendance is
    recorded: expected, present, apologies, substituted (someone stood in), absent.

    A meeting whose record lists who was present is a full roll: a member not on it was absent.
    A record with no one present (a ModernGov page minutes only the apologies) says nothing of
    the members it leaves out, so they are not counted for that meeting."""
    with db.reading() as s:
        c = find_committee(s, committee)
        return member_attendance_in_session(s, c.id, start, end)


def member_attendance_in_session(s: Session, committee_id: int, start: dt.date,
                                 end: dt.date) -> list[MemberAttendance]:
    links = sorted(s.scalars(select(Membership).where(Membership.committee_id == committee_id)),
                   key=lambda link: (_ROLE_ORDER.get(link.role, 9), link.position))
    meetings = [m for m in s.scalars(select(Meeting).where(
        Meeting.committee_id == committee_id, Meeting.date >= start, Meeting.date <= end,
        Meeting.status == MeetingStatus.HELD).order_by(Meeting.date)) if m.attendance]
    out = []
    for link in links:
        member = link.member
        counts = dict(expected=0, present=0, apologies=0, substituted=0, absent=0)
        for m in meetings:
            mine = next((a for a in m.attendance if a.member_id == member.id), None)
            stood_in = any(a.kind == AttendanceKind.SUBSTITUTE
                           and name_key(a.substitute_for) == name_key(member.name)
                           for a in m.attendance)
            full_roll = any(a.kind == AttendanceKind.PRESENT for a in m.attendance)
            if mine is None and not stood_in and not full_roll:
                continue
            counts["expected"] += 1
            if mine is not None and mine.kind in (AttendanceKind.PRESENT,
                                                  AttendanceKind.IN_ATTENDANCE):
                counts["present"] += 1
            elif mine is not None and mine.kind == AttendanceKind.APOLOGIES:
                counts["apologies"] += 1
                counts["substituted"] += stood_in
            elif stood_in:
                counts["substituted"] += 1
            else:
                counts["absent"] += 1
        out.append(MemberAttendance(name=f"{member.title} {member.name}".strip(),
                                    role=link.role.label, **counts))
    return out


_ROLE_ORDER = {MemberRole.CHAIR: 0, MemberRole.VICE_CHAIR: 1, MemberRole.COUNCILLOR: 2,
               MemberRole.CO_OPTEE: 3}


# ----------------------------------------------------------------------------- the block

def attendance_block(db: Database, meeting_id: int) -> list[tuple[str, list[str]]]:
    """What the printed minutes put above the first item, in the same words (one function:
    ``domain.minutes_people.attendance_block``, the seeds' wording): ("Present", [...]),
    ("Virtual attendees", [...]), ("Apologies", [...] or ["None"]), ("Substitutes", [...] or
    ["None"]), ("In attendance", [...]), ("Officers", [...]), ("Absent", [...]); [] when
    nothing is recorded. A co-optee is "Mr Andy James – education co-optee"."""
    from desktop_app.domain.minutes_people import attendance_block as block_of
    from desktop_app.services.minutes_record import minutes_records
    record = minutes_records(db, [meeting_id]).get(meeting_id)
    if record is None:
        with db.reading() as s:
            get_row(s, Meeting, meeting_id, "meeting")     # says which is missing
        return []
    return [(label, list(lines)) for label, lines in block_of(record.attendance).rows]


__all__ = ["Attendee", "AttendanceSheet", "MemberAttendance", "MemberIndex", "attendance_block",
           "get_attendance", "meeting_id_of", "member_attendance", "set_attendance",
           "store_attendance"]
