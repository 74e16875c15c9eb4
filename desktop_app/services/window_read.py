"""What the window shows first, read the quick way: the standard library's sqlite3 on an SQLite
file at the head revision, through the command line's quick reads (services/quick_read.py), so
the rows are the very same ones the services give (domain/records.py ActionRow,
RecommendationRow), each built by the same function (services/tracker_rows.py): every rule
(overdue, new or updated since the last meeting, the s.9FE date) is written once. The same for
the committees, the meetings with their deadlines and the work programme
(services/window_read_sql.py; the deadlines from domain/dates.py, as the service's).

``list_committees``, ``list_meetings``, ``list_work_programme``, ``list_actions`` and
``list_recommendations`` take the services' arguments and give their answer (``quick_actions`` and ``quick_recommendations`` the same, or None when they would have
to fall back). Whenever the quick path is not sure (not SQLite, not at the head revision, a
committee it cannot name, a value it cannot read, any sqlite3 error) it takes the service's own
path, which also gives the service's errors.

A tab's first reads are made together, in one read transaction (``meetings_page``,
``work_page``, ``meetings_and_unscheduled``): each quick read opens the file and checks its
revision (~1 ms), and one transaction sees one moment. Each part is exactly what its function
above gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.domain.records import (ActionRow, AuditRow, CommitteeRow, MeetingRow,
                                        RecommendationRow, WorkItemRow)
from desktop_app.services import quick_read, window_read_sql
from desktop_app.services.clock import today

if TYPE_CHECKING:
    from desktop_app.domain.attendance import AttendanceSheet

# The ORM services (and SQLAlchemy with them) are imported only on the fallback path (issue 18).


def quick_actions(db: Any, committee: str | None = None, status: str | None = None,
                  now: dt.date | None = None,
                  meeting_id: int | None = None) -> list[ActionRow] | None:
    """What ``actions.list_actions`` gives for these arguments, read with sqlite3; None when
    the quick path is not sure (see the module's note)."""
    got = quick_read.read(getattr(db, "url", ""), quick_read.actions(
        committee, status, now or today(), meeting_id), check=False)
    return None if got is None else got[0]


def quick_recommendations(db: Any, committee: str | None = None, status: str | None = None,
                          now: dt.date | None = None,
                          meeting_id: int | None = None) -> list[RecommendationRow] | None:
    """What ``recommendations.list_recommendations`` gives for these arguments, read with
    sqlite3; None when the quick path is not sure."""
    got = quick_read.read(getattr(db, "url", ""), quick_read.recommendations(
        committee, status, now or today(), meeting_id), check=False)
    return None if got is None else got[0]


def list_actions(db: Any, committee: str | None = None, status: str | None = None,
                 now: dt.date | None = None, meeting_id: int | None = None) -> list[ActionRow]:
    """``actions.list_actions(db, committee, status, now=now, meeting_id=meeting_id)``, read the
    quick way when it can."""
    now = now or today()
    rows = quick_actions(db, committee, status, now, meeting_id)
    if rows is None:    # the service's path, and its errors
        from desktop_app.services import actions
        rows = actions.list_actions(db, committee, status, now=now, meeting_id=meeting_id)
    return rows


def list_recommendations(db: Any, committee: str | None = None, status: str | None = None,
                         now: dt.date | None = None,
                         meeting_id: int | None = None) -> list[RecommendationRow]:
    """``recommendations.list_recommendations(db, committee, status, now=now,
    meeting_id=meeting_id)``, read the quick way when it can."""
    now = now or today()
    rows = quick_recommendations(db, committee, status, now, meeting_id)
    if rows is None:
        from desktop_app.services import recommendations
        rows = recommendations.list_recommendations(db, committee, status, now=now,
                                                    meeting_id=meeting_id)
    return rows


def _quick(db: Any, reader) -> Any:
    got = quick_read.read(getattr(db, "url", ""), reader, check=False)
    return None if got is None else got[0]


def list_committees(db: Any) -> list[CommitteeRow]:
    """``committees.list_committees(db)``, read the quick way when it can."""
    rows = _quick(db, quick_read.committees)
    if rows is None:
        from desktop_app.services import committees
        rows = committees.list_committees(db)
    return rows


def list_meetings(db: Any, committee: str) -> list[MeetingRow]:
    """``meetings.list_meetings(db, committee)``, read the quick way when it can."""
    rows = _quick(db, window_read_sql.meetings(committee))
    if rows is None:
        from desktop_app.services import meetings
        rows = meetings.list_meetings(db, committee)
    return rows


def upcoming_first(rows: list[MeetingRow], now: dt.date) -> list[MeetingRow]:
    """``list_meetings(..., upcoming_first=True)``'s order: the meetings from ``now`` on by
    date, then the past ones latest first (services/meetings.py uses this too)."""
    upcoming = [m for m in rows if m.date >= now]
    past = sorted((m for m in rows if m.date < now), key=lambda m: m.date, reverse=True)
    return upcoming + past


def list_meetings_upcoming_first(db: Any, committee: str,
                                 now: dt.date | None = None) -> list[MeetingRow]:
    """``meetings.list_meetings(db, committee, upcoming_first=True)``, read the quick way when
    it can."""
    return upcoming_first(list_meetings(db, committee), now or today())


def list_work_programme(db: Any, committee: str, status: str | None = None
                        ) -> list[WorkItemRow]:
    """``work_programme.list_work_programme(db, committee, status)``, read the quick way when
    it can."""
    rows = _quick(db, window_read_sql.work_programme(committee, status))
    if rows is None:
        from desktop_app.services import work_programme
        rows = work_programme.list_work_programme(db, committee, status)
    return rows


def get_attendance(db: Any, meeting_id: int) -> AttendanceSheet:
    """``attendance.get_attendance(db, meeting_id)``, read the quick way when it can."""
    sheet = _quick(db, window_read_sql.attendance(meeting_id))
    if sheet is None:
        from desktop_app.services import attendance
        sheet = attendance.get_attendance(db, meeting_id)
    return sheet


def work_page(db: Any, committee: str) -> tuple[list[WorkItemRow], list[MeetingRow]]:
    """What the Work programme tab shows: ``list_work_programme(db, committee)`` and
    ``list_meetings(db, committee)``, read in one transaction when the quick path can (each
    read as its function reads it otherwise)."""
    def both(conn: sqlite3.Connection) -> tuple | None:
        work = _part(conn, window_read_sql.work_programme(committee))
        rows = _part(conn, window_read_sql.meetings(committee))
        return None if work is None or rows is None else (work, rows)
    got = _quick(db, both)
    return got if got is not None else (list_work_programme(db, committee),
                                        list_meetings(db, committee))


def meetings_and_unscheduled(db: Any, names: list[str]
                             ) -> dict[str, tuple[list[MeetingRow], list[WorkItemRow]]]:
    """For each committee named: ``list_meetings(db, name)`` and
    ``list_work_programme(db, name, "unscheduled")`` (the Overview's reads), all read in one
    transaction when the quick path can. A committee the quick path is not sure of is left
    out: the caller reads it with those functions."""
    def each(conn: sqlite3.Connection) -> dict:
        out = {}
        for name in names:
            rows = _part(conn, window_read_sql.meetings(name))
            work = _part(conn, window_read_sql.work_programme(name, "unscheduled"))
            if rows is not None and work is not None:
                out[name] = (rows, work)
        return out
    return (_quick(db, each) or {}) if names else {}


@dataclasses.dataclass
class MeetingsPage:
    """What the Meetings tab shows when it loads (``meetings_page``). ``outcomes`` and
    ``attendance`` are None when they were not read (no meeting chosen, or the quick path was
    not sure of them): the caller reads them itself then."""

    meetings: list[MeetingRow]            # upcoming first
    work: list[WorkItemRow]
    shown: int | None = None              # the meeting ``pick`` chose
    outcomes: list | None = None          # its recommendations, then its actions
    attendance: AttendanceSheet | None = None


def _part(conn: sqlite3.Connection, reader: Callable[[sqlite3.Connection], Any]) -> Any:
    """One reader's answer within a shared read, or None where it is not sure."""
    try:
        return reader(conn)
    except (sqlite3.Error, ValueError):
        return None


def meetings_page(db: Any, committee: str, pick: Callable[[list[MeetingRow]], int | None],
                  now: dt.date | None = None) -> MeetingsPage:
    """The committee's meetings upcoming first and its work programme (what
    ``list_meetings_upcoming_first`` and ``list_work_programme`` give), and for the meeting
    ``pick`` chooses among those meetings its recommendations then actions
    (``list_recommendations``, ``list_actions`` with its ``meeting_id``) and its attendance
    (``get_attendance``): read in one transaction, one connection opened and checked rather
    than five. The meetings and work programme the quick path is not sure of are read as
    their functions read them (the service's path, and its errors); the meeting's parts are
    then left None."""
    now = now or today()

    def together(conn: sqlite3.Connection) -> MeetingsPage | None:
        rows = _part(conn, window_read_sql.meetings(committee))
        work = _part(conn, window_read_sql.work_programme(committee))
        if rows is None or work is None:
            return None
        page = MeetingsPage(upcoming_first(rows, now), work)
        page.shown = pick(page.meetings)
        if page.shown is not None:
            recs = _part(conn, quick_read.recommendations(committee, None, now, page.shown))
            acts = _part(conn, quick_read.actions(committee, None, now, page.shown))
            if recs is not None and acts is not None:
                page.outcomes = [*recs, *acts]
            page.attendance = _part(conn, window_read_sql.attendance(page.shown))
        return page

    got = _quick(db, together)
    if got is None:
        got = MeetingsPage(list_meetings_upcoming_first(db, committee, now),
                           list_work_programme(db, committee))
        got.shown = pick(got.meetings)
    return got


def _one(db: Any, table: str, reader: Any, record_id: int) -> Any:
    """One record's row with its progress updates, read in one transaction; None when the
    quick path is not sure or the record is not there (the service then explains)."""
    def both(conn: Any) -> Any:
        rows = reader(conn)
        if not rows:
            return None
        return dataclasses.replace(rows[0], updates=window_read_sql.updates(table, record_id)(conn))
    return _quick(db, both)


def get_action(db: Any, action_id: int, now: dt.date | None = None) -> ActionRow:
    """``actions.get_action(db, action_id)`` (the row with its progress updates), read the
    quick way when it can."""
    row = _one(db, "actions", quick_read.actions(None, None, now or today(),
                                                  record_id=action_id), action_id)
    if row is None:
        from desktop_app.services import actions
        row = actions.get_action(db, action_id)
    return row


def get_recommendation(db: Any, rec_id: int, now: dt.date | None = None) -> RecommendationRow:
    """``recommendations.get_recommendation(db, rec_id)`` (with its progress updates), read
    the quick way when it can."""
    row = _one(db, "recommendations", quick_read.recommendations(
        None, None, now or today(), record_id=rec_id), rec_id)
    if row is None:
        from desktop_app.services import recommendations
        row = recommendations.get_recommendation(db, rec_id)
    return row


def history(db: Any, table: str, row_id: int) -> list[AuditRow]:
    """``history.history(db, table=table, row_id=row_id)`` (a record's change history, oldest
    first), read the quick way when it can."""
    rows = _quick(db, window_read_sql.history(table, row_id))
    if rows is None:
        from desktop_app.services import history as full
        rows = full.history(db, table=table, row_id=row_id)
    return rows
