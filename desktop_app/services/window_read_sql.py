"""The sqlite3 readers behind services/window_read.py for the meetings, the work programme and
a meeting's attendance: each gives exactly what its ORM service gives (services/meetings.py
``list_meetings``, services/work_programme.py ``list_work_programme``,
services/attendance.py ``get_attendance``): the same rows in the same order, each
value as the ORM reads it, the deadlines from the same domain rules (domain/dates.py). A reader
answers None, or raises ValueError or sqlite3.Error, whenever it is not sure (a committee it
cannot name, a value the ORM would not read as stored): quick_read.read then gives None and
the caller takes the service's own path, which also gives the service's errors.

No SQLAlchemy here.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

# imported with this module, before PySide6 (ui/startup.py): a module imported after PySide6
# has its source read by PySide's import hook, and the Meetings tab shows a meeting's
# attendance at once
from desktop_app.domain.attendance import Attendee, AttendanceSheet, sheet_fingerprint

if TYPE_CHECKING:
    from desktop_app.domain.records import AuditRow, MeetingRow, WorkItemRow

_TIME = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d{6}))?")
_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{6}))?")
WORK_FILTERS = ("proposed", "scheduled", "delivered", "deferred", "dropped", "unscheduled",
                "all")   # services/work_programme.py STATUS_FILTERS (a test holds them equal)


def committee_id(conn: sqlite3.Connection, name: str) -> int | None:
    """The committee called ``name`` (full or short name, ignoring case), as
    services/common.py ``find_committee`` finds it; None when none or more than one match."""
    key = name.strip().lower()
    found = conn.execute("SELECT id FROM committees WHERE lower(name) = ? OR "
                         "lower(short_name) = ?", (key, key)).fetchall()
    return found[0][0] if len(found) == 1 else None


def date_of(value: object) -> dt.date:
    """A date as SQLAlchemy stores it in SQLite ("2021-11-23"); anything else is a ValueError."""
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(f"a date stored as {value!r}")
    return dt.date.fromisoformat(value)


def _maybe_date(value: object) -> dt.date | None:
    return None if value is None else date_of(value)


def _time(value: object) -> dt.time | None:
    """A time as SQLAlchemy stores it in SQLite ("18:30:00.000000")."""
    if value is None:
        return None
    match = _TIME.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"a time stored as {value!r}")
    hour, minute, second, micro = match.groups()
    return dt.time(int(hour), int(minute), int(second), int(micro or 0))


def _stamp(value: object) -> dt.datetime:
    """A date and time as SQLAlchemy stores it in SQLite ("2021-09-01 09:30:00.000000")."""
    match = _STAMP.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"a date and time stored as {value!r}")
    year, month, day, hour, minute, second, micro = (int(p or 0) for p in match.groups())
    return dt.datetime(year, month, day, hour, minute, second, micro)


def _flag(value: object) -> bool:
    if value not in (0, 1):
        raise ValueError(f"a yes/no stored as {value!r}")
    return bool(value)


def meetings(committee: str) -> Callable[[sqlite3.Connection], list[MeetingRow] | None]:
    """A reader giving what ``meetings.list_meetings(db, committee)`` gives: every meeting of
    the committee by date, with its agenda items and their attachments."""
    from desktop_app.domain import dates
    from desktop_app.domain.enums import MeetingKind, MeetingStatus
    from desktop_app.domain.records import AgendaItemRow, AttachmentRow, MeetingRow

    def reader(conn: sqlite3.Connection) -> list[MeetingRow] | None:
        cid = committee_id(conn, committee)
        if cid is None:
            return None
        attachments = defaultdict(list)
        for item_id, *values in conn.execute(
                "SELECT a.agenda_item_id, a.id, a.path, a.title, a.page_count, a.sha256 "
                "FROM attachments AS a JOIN agenda_items AS i ON a.agenda_item_id = i.id "
                "JOIN meetings AS m ON i.meeting_id = m.id WHERE m.committee_id = ? "
                "ORDER BY a.position, a.id", (cid,)):
            aid, path, title, pages, sha = values
            attachments[item_id].append(AttachmentRow(id=aid, path=path, title=title,
                                                      pages=pages, stored=bool(sha)))
        items = defaultdict(list)
        for (iid, meeting_id, number, title, purpose, kind, lead, exempt, paragraph, minutes,
             incomplete, version) in conn.execute(
                "SELECT i.id, i.meeting_id, i.number, i.title, i.purpose, i.scrutiny_type, "
                "i.lead_officers, i.exempt, i.exempt_paragraph, i.minutes_text, i.incomplete, "
                "i.version FROM agenda_items AS i JOIN meetings AS m ON i.meeting_id = m.id "
                "WHERE m.committee_id = ? ORDER BY i.position, i.id", (cid,)):
            items[meeting_id].append(AgendaItemRow(
                id=iid, meeting_id=meeting_id, number=number, title=title, purpose=purpose,
                scrutiny_type=kind, lead_officers=lead, exempt=_flag(exempt),
                exempt_paragraph=paragraph, minutes_text=minutes,
                incomplete=_flag(incomplete), version=version,
                attachments=tuple(attachments[iid])))
        out = []
        for (mid, day, start, venue, kind, status, minute_start, publication, questions,
             version) in conn.execute(
                "SELECT id, date, start_time, venue, kind, status, minute_start, "
                "publication_deadline_override, questions_deadline_override, version "
                "FROM meetings WHERE committee_id = ? ORDER BY date, id", (cid,)):
            day = date_of(day)
            out.append(MeetingRow(
                id=mid, committee_id=cid, date=day, time=_time(start), venue=venue,
                kind=MeetingKind(kind), status=MeetingStatus(status),
                publication_deadline=_maybe_date(publication) or dates.publication_deadline(day),
                questions_deadline=_maybe_date(questions) or dates.questions_deadline(day),
                minute_start=minute_start, version=version, items=tuple(items[mid])))
        return out
    return reader


def work_programme(committee: str, status: str | None = None
                   ) -> Callable[[sqlite3.Connection], list[WorkItemRow] | None]:
    """A reader giving what ``work_programme.list_work_programme(db, committee, status)``
    gives: the items by meeting date (none last), then their sort order, each with its moves;
    None for a filter the service would refuse (it explains)."""
    from desktop_app.domain.enums import WorkFormat, WorkStatus
    from desktop_app.domain.records import MoveRow, WorkItemRow
    from desktop_app.services.import_words import extra_of

    def reader(conn: sqlite3.Connection) -> list[WorkItemRow] | None:
        if status not in (None, "", "all") and status not in WORK_FILTERS:
            return None
        cid = committee_id(conn, committee)
        if cid is None:
            return None
        moves = defaultdict(list)
        for item_id, on, before, after, reason, author in conn.execute(
                "SELECT v.item_id, v.moved_on, v.from_date, v.to_date, v.reason, v.author "
                "FROM work_item_moves AS v JOIN work_programme_items AS w ON v.item_id = w.id "
                "WHERE w.committee_id = ? ORDER BY v.id", (cid,)):
            moves[item_id].append(MoveRow(on=date_of(on), from_date=_maybe_date(before),
                                          to_date=_maybe_date(after), reason=reason,
                                          author=author))
        rows = []
        for (wid, version, title, fmt, kind, origin, lead, position, meeting_id, meeting_day,
             target, target_day, state, order, word, rag, extra) in conn.execute(
                "SELECT w.id, w.version, w.title, w.format, w.scrutiny_type, w.origin, "
                "w.lead_officers, w.current_position, w.meeting_id, m.date, w.target_text, "
                "w.target_date, w.status, w.sort_order, w.status_word, w.rag, w.extra "
                "FROM work_programme_items AS w LEFT OUTER JOIN meetings AS m "
                "ON w.meeting_id = m.id WHERE w.committee_id = ? ORDER BY w.id", (cid,)):
            rows.append(WorkItemRow(
                id=wid, version=version, committee_id=cid, title=title,
                format=WorkFormat(fmt), scrutiny_type=kind, origin=origin, lead=lead,
                position=position, meeting_id=meeting_id,
                meeting_date=_maybe_date(meeting_day), target=target,
                target_date=_maybe_date(target_day), status=WorkStatus(state), sort_order=order,
                status_word=word, rag=rag, extra=extra_of(extra), moves=tuple(moves[wid])))
        rows.sort(key=lambda r: (r.meeting_date is None, r.meeting_date or dt.date.max,
                                 r.sort_order))
        if status == "unscheduled":
            return [r for r in rows if r.meeting_date is None]
        if status not in (None, "", "all"):
            return [r for r in rows if r.status == status]
        return rows
    return reader


def updates(table: str, record_id: int) -> Callable[[sqlite3.Connection], tuple]:
    """A reader giving a record's progress updates as the ORM orders them (by date, then
    id): ``table`` "actions" or "recommendations"."""
    from desktop_app.domain.records import UpdateRow
    column = {"actions": "action_id", "recommendations": "recommendation_id"}[table]

    def reader(conn: sqlite3.Connection) -> tuple:
        return tuple(UpdateRow(id=uid, on=date_of(on), text=text, author=author)
                     for uid, on, text, author in conn.execute(
                         f"SELECT id, \"on\", text, author FROM progress_updates "
                         f"WHERE {column} = ? ORDER BY \"on\", id", (record_id,)))
    return reader


def history(table: str, row_id: int) -> Callable[[sqlite3.Connection], list[AuditRow]]:
    """A reader giving what ``history.history(db, table=table, row_id=row_id)`` gives: the
    record's audit entries, oldest first."""
    from desktop_app.domain.records import AuditRow

    def reader(conn: sqlite3.Connection) -> list[AuditRow]:
        return [AuditRow(id=aid, at=_stamp(at), who=who, table=name, row_id=rid, field=field,
                         old=old, new=new, operation=operation)
                for aid, at, who, name, rid, field, old, new, operation in conn.execute(
                    "SELECT id, at, who, table_name, row_id, field, old, new, operation "
                    "FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id",
                    (table, row_id))]
    return reader


def attendance(meeting_id: int) -> Callable[[sqlite3.Connection], AttendanceSheet | None]:
    """A reader giving what ``attendance.get_attendance(db, meeting_id)`` gives: the meeting's
    attendance lines by position, the sheet's version (domain/attendance.py), and where its
    minutes were approved; None for a meeting that is not there (the service explains)."""
    from types import SimpleNamespace

    from desktop_app.domain.enums import AttendanceKind

    def reader(conn: sqlite3.Connection) -> AttendanceSheet | None:
        found = conn.execute(
            "SELECT m.date, c.name, m.minutes_approved_meeting_id, m.minutes_approved_on "
            "FROM meetings AS m JOIN committees AS c ON m.committee_id = c.id "
            "WHERE m.id = ?", (meeting_id,)).fetchone()
        if found is None:
            return None
        day, committee, approved_at, approved_on = found
        rows = [SimpleNamespace(id=rid, version=version, member_id=member, name=name,
                                kind=AttendanceKind(kind), substitute_for=instead, role=role,
                                position=position)
                for rid, version, member, name, kind, instead, role, position in conn.execute(
                    "SELECT id, version, member_id, name, kind, substitute_for, role, position "
                    "FROM attendance WHERE meeting_id = ? ORDER BY position, id",
                    (meeting_id,))]
        return AttendanceSheet(
            meeting_id=meeting_id, meeting_date=date_of(day), committee=committee,
            entries=tuple(Attendee(id=r.id, name=r.name, kind=r.kind,
                                   substitute_for=r.substitute_for, role=r.role,
                                   member_id=r.member_id) for r in rows),
            version=sheet_fingerprint(rows), minutes_approved_meeting_id=approved_at,
            minutes_approved_on=_maybe_date(approved_on))
    return reader
