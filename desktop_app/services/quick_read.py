"""The quick way to read a listing (issue 18): the standard library's sqlite3 on a database that
is already at the head revision, without importing SQLAlchemy (whose ORM alone costs twice what
the command line's whole start-up may).

``read(url, reader)`` runs ``reader(connection)`` on a read-only connection and gives back what
it returned with the warning the full path would have printed about where the file is (network
share, OneDrive), or None whenever the quick path is not sure: not an SQLite file at the head
revision (db/lite.py), a file or folder the full path would refuse as read-only, a database that
fails SQLite's ``quick_check``, any error of SQLite's. The caller then takes the full path
(``open_database`` and the ORM service), which creates, upgrades, explains or refuses. So the
quick path never reports a problem; it only skips work when there is none.

A reader gives exactly what the ORM service gives (the same rows, in the same order, built by
the same domain code); tests/unit/test_quick_read.py runs both on the same databases.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from desktop_app.db import lite, location

if TYPE_CHECKING:
    from desktop_app.domain.records import (ActionRow, CommitteeRow, ContactRow,
                                            RecommendationRow)

T = TypeVar("T")


def read(url: str, reader: Callable[[sqlite3.Connection], T | None], *, check: bool = True
         ) -> tuple[T, str | None] | None:
    """``(reader's result, the location warning or None)``, or None: take the full path (also
    when the reader answers None). The reader runs in one read transaction (every query sees
    the same moment). ``check=False`` skips ``quick_check``, for a caller that has already
    opened the database the full way (the window)."""
    path = lite.sqlite_file(url)
    # the full path refuses a file or folder it cannot write (db/schema.py _check_sqlite)
    if path is None or not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    conn = lite.open_at_head(url)
    if conn is None:
        return None
    try:
        # as the full path checks every file it opens: a damaged one is for it to explain
        if check and conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
            return None
        conn.execute("BEGIN")
        result = reader(conn)
    except (sqlite3.Error, ValueError):   # ValueError: a value the ORM would not read either
        return None
    finally:
        conn.close()
    if result is None:   # the reader is not sure (a committee it cannot find, a bad filter)
        return None
    return result, location.sqlite_warning(path)


# -- readers: each gives what its ORM service gives ---------------------------------------------

def committees(conn: sqlite3.Connection) -> list[CommitteeRow]:
    """What services.committees.list_committees gives: every committee, by name."""
    from desktop_app.domain.print_options import DocumentOptions
    from desktop_app.domain.records import CommitteeRow
    return [CommitteeRow(id=id_, name=name, short_name=short, council=council, contact=contact,
                         print_options=DocumentOptions.from_json(options))
            for id_, name, short, council, contact, options in conn.execute(
                "SELECT id, name, short_name, council, contact, print_options "
                "FROM committees ORDER BY name")]


def contacts(conn: sqlite3.Connection) -> list[ContactRow]:
    """What services.contacts.list_contacts gives: the address book, by name."""
    from desktop_app.domain.records import ContactRow
    return [ContactRow(*row) for row in conn.execute(
        "SELECT id, name, email, job_title, directorate FROM contacts ORDER BY name")]


def actions(committee: str | None, status: str | None, now: dt.date,
            meeting_id: int | None = None, record_id: int | None = None
            ) -> Callable[[sqlite3.Connection], list[ActionRow] | None]:
    """A reader giving what services.actions.list_actions(db, committee, status, now=now,
    meeting_id=meeting_id) gives; None (the full path) for a committee it cannot find or a
    filter it does not know, which the full path explains. ``record_id``: only that action
    (services/window_read.py ``get_action``)."""
    from desktop_app.domain.enums import ActionStatus
    from desktop_app.services import tracker_rows as tr
    # open and overdue actions are stored as open (action_rows decides overdue): read only those
    sieve = ActionStatus.OPEN.value if status in ("open", "overdue") else None

    def build(records: list, committees: dict, days: _MeetingDays) -> list[ActionRow]:
        # each distinct stored date and status converted once (a log has few of each)
        return tr.action_rows(records, committees, now, dates=days.dates, days=days,
                              statuses=_Remembered(ActionStatus))

    def reader(conn: sqlite3.Connection) -> list[ActionRow] | None:
        return _tracker(conn, "actions", tr.ActionColumns, committee, status,
                        tr.ACTION_FILTERS, build, tr.action_matches, meeting_id=meeting_id,
                        sieve=sieve, record_id=record_id)
    return reader


def recommendations(committee: str | None, status: str | None, now: dt.date,
                    meeting_id: int | None = None, record_id: int | None = None
                    ) -> Callable[[sqlite3.Connection], list[RecommendationRow] | None]:
    """A reader giving what services.recommendations.list_recommendations(db, committee,
    status, now=now, meeting_id=meeting_id) gives (None and ``record_id`` as ``actions``)."""
    from desktop_app.domain.enums import ImplementationStatus, Verdict
    from desktop_app.services import tracker_rows as tr
    columns = tr.RecColumns

    def build(records: list, committees: dict, days: _MeetingDays) -> list[RecommendationRow]:
        # each distinct stored value converted once (a log has few distinct dates and statuses)
        dates = {name for name, kind in columns.__annotations__.items() if "dt.date" in str(kind)}
        enums: dict[str, dict] = {"status": _Remembered(ImplementationStatus),
                                  "verdict": _Remembered(Verdict),
                                  "meeting_date": days}   # read as the meeting's id
        convert = [(i, enums.get(name, days.dates))
                   for i, name in enumerate(columns._fields) if name in dates or name in enums]
        make, out = columns._make, []
        for values in records:   # each a list of its own (from JSON)
            for i, remembered in convert:
                values[i] = remembered[values[i]]
            record = make(values)
            name, held = committees[record.committee_id]
            out.append(tr.rec_row(record, record.meeting_date, name, held, now))
        return out

    def reader(conn: sqlite3.Connection) -> list[RecommendationRow] | None:
        return _tracker(conn, "recommendations", columns, committee, status, tr.REC_FILTERS,
                        build, tr.rec_matches, meeting_id=meeting_id, record_id=record_id)
    return reader


def _tracker(conn: sqlite3.Connection, table: str, columns, committee: str | None,
             status: str | None, filters: tuple[str, ...], build: Callable, matches: Callable,
             *, meeting_id: int | None = None, sieve: str | None = None,
             record_id: int | None = None) -> list | None:
    """The list services/actions.py and recommendations.py make with the ORM: the committee
    (by name or short name, ignoring case), each one's last held meeting, the records by
    committee, oldest meeting first (no meeting last), then by position and id; the rows built
    (``build(records, {committee id: (name, last held meeting's date)}, days)``, each record
    a list of its values, the last its meeting's id, whose date ``days`` gives) and filtered
    by the same functions (services/tracker_rows.py). ``meeting_id``: only the records from
    that meeting; ``sieve``: only those stored with that status (a first sieve for speed;
    ``matches`` still decides); ``record_id``: only that record.

    The order is the ORM's ``ORDER BY committee_id, meeting's date NULLS LAST, position, id``,
    worked out here (``_in_order``) rather than by SQLite, whose sorter would carry every
    column of every row through a temporary B-tree after a join (10,007 actions: ~15 ms of
    the ~65 ms read). When every committee is wanted, the table is read straight through
    (``+committee_id``: not through the committee's index, a look-up per row)."""
    from desktop_app.domain.enums import MeetingStatus
    if status not in (None, "", "all") and status not in filters:
        return None
    names = dict(conn.execute("SELECT id, name FROM committees"))
    if committee:
        key = committee.strip().lower()
        found = conn.execute("SELECT id FROM committees WHERE lower(name) = ? OR "
                             "lower(short_name) = ?", (key, key)).fetchone()
        if found is None:
            return None
        wanted = [found[0]]
    else:
        wanted = list(names)
    if not wanted:
        return []
    committees = {}
    for cid in wanted:
        held = conn.execute("SELECT date FROM meetings WHERE committee_id = ? AND status = ? "
                            "ORDER BY date DESC", (cid, MeetingStatus.HELD.value)).fetchone()
        committees[cid] = (names[cid], _date(held[0]) if held else None)
    import json
    fields = columns._fields[:-1]
    every = record_id is None and meeting_id is None and len(wanted) == len(names)
    # every record's values in one JSON array, parsed in one call: sqlite3 hands each row
    # over with the GIL let go and taken back (a window busy meanwhile makes the read wait
    # each time: 10,007 actions read beside the window's tabs took ~245 ms rather than ~95);
    # a REAL in a whole-number column (SQLite's JSON writes 15 digits) goes the full way, as
    # bytes do (json_array refuses them)
    text, kinds = conn.execute(
        f"SELECT json_group_array(json_array({', '.join(f'r.{name}' for name in fields)}, "
        f"r.meeting_id)), typeof(sum(r.version + r.position + r.committee_id + "
        f"coalesce(r.meeting_id, 0))) FROM {table} AS r "
        f"WHERE {'+' if every else ''}r.committee_id IN ({', '.join('?' * len(wanted))}) "
        + ("AND r.status = ? " if sieve is not None else "")
        + ("AND r.meeting_id = ? " if meeting_id is not None else "")
        + ("AND r.id = ? " if record_id is not None else ""),
        [*wanted, *(x for x in (sieve, meeting_id, record_id) if x is not None)]).fetchone()
    if kinds == "real":
        return None
    records = json.loads(text)
    days = _MeetingDays(conn.execute("SELECT id, date FROM meetings").fetchall())
    if not _in_order(records, fields.index("committee_id"), fields.index("position"), days):
        return None
    rows = build(records, committees, days)
    if status in (None, "", "all"):   # matches() would keep every row
        return rows
    return [row for row in rows if matches(row, status)]


class _MeetingDays(dict):
    """Each meeting's date by its id (None: no meeting, or none with that id, as the ORM's
    outer join gives), converted as ``_dates`` converts when first asked for; ``rank`` orders
    the meetings as SQLite orders their stored dates (NULLS LAST); None when their dates are
    of kinds SQLite and Python order differently (the full path reads them)."""

    def __init__(self, meetings: list[tuple[int, object]]):
        super().__init__()
        self.dates = _dates()
        self.stored: dict[int | None, object] = dict(meetings)
        self.stored[None] = None
        kept = {day for _id, day in meetings if day is not None}
        self.last = len(kept)
        if all(type(day) is str for day in kept):
            place: dict[object, int] = {day: i for i, day in enumerate(sorted(map(str, kept)))}
            self.rank: dict | None = {id_: place[day] if day is not None else self.last
                                      for id_, day in meetings}
        else:
            self.rank = None

    def __missing__(self, meeting_id):
        result = self[meeting_id] = self.dates[self.stored.get(meeting_id)]
        return result


def _in_order(records: list, committee_at: int, position_at: int, days: _MeetingDays) -> bool:
    """Sorts ``records`` (the id first, the meeting's id last) as the ORM orders them: by
    committee, meeting's date (none last), position, id. False when it cannot be sure: values
    of kinds SQLite orders and Python will not compare (a NULL position, text beside numbers,
    raise TypeError at the first such comparison; text beside text, numbers beside numbers
    compare alike in both)."""
    rank, last = days.rank, days.last
    if rank is None:
        return False
    get = rank.get
    try:
        records.sort(key=lambda v: (v[committee_at], get(v[-1], last), v[position_at], v[0]))
    except TypeError:
        return False
    return True


def _dates() -> _Remembered:
    """Each stored date as the ORM reads it, worked out once per distinct value (None: None)."""
    known = _Remembered(_date)
    known[None] = None
    return known


class _Remembered(dict):
    """``convert(value)``, worked out once per distinct value."""

    def __init__(self, convert: Callable):
        super().__init__()
        self.convert = convert

    def __missing__(self, value):
        result = self[value] = self.convert(value)
        return result


def _date(value: str) -> dt.date:
    """A date as SQLAlchemy stores it in SQLite ("2021-11-23"); anything else is a ValueError
    (the full path then reads it, or explains)."""
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(f"a date stored as {value!r}")
    return dt.date.fromisoformat(value)
