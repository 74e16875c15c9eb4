"""What the window shows first, read the quick way: the standard library's sqlite3 on an SQLite
file at the head revision (db/lite.py ``open_at_head``), no ORM objects and no SQL compiled by
SQLAlchemy. The rows are the very same ones the services give (domain/records.py ActionRow,
RecommendationRow): each is built by the service's own function (``actions.action_row``,
``recommendations.rec_row``) from the same columns, so every rule (overdue, new or updated since
the last meeting, the s.9FE date) is written once.

``list_actions`` and ``list_recommendations`` take the services' arguments and give their
answer (``quick_actions`` and ``quick_recommendations`` the same, or None when they would have
to fall back). Whenever the quick path is not sure (not SQLite, not at the head revision, a committee
it cannot name, a value it cannot read, any sqlite3 error) it takes the service's own path,
which also gives the service's errors.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

from desktop_app.db.lite import open_at_head
from desktop_app.domain import enums
from desktop_app.domain.enums import ActionStatus, MeetingStatus
from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.services import actions, recommendations
from desktop_app.services.common import today

log = logging.getLogger(__name__)


class _NotSure(Exception):
    """The quick path cannot answer for certain: take the service's path."""


@contextmanager
def _reading(db: Any) -> Iterator[sqlite3.Connection]:
    """A read-only connection in one read transaction (every query sees the same moment)."""
    conn = open_at_head(getattr(db, "url", ""))
    if conn is None:
        raise _NotSure("not an SQLite file at the head revision")
    try:
        conn.execute("BEGIN")
        yield conn
    except sqlite3.Error as exc:
        raise _NotSure(str(exc)) from exc
    finally:
        conn.close()


def _converter(annotation: Any) -> _Remembered | None:
    """How a stored value becomes the value SQLAlchemy gives, from the type named in the
    service's column tuple: a date, one of domain/enums.py's vocabularies, or as stored. Each
    converter remembers what it has seen (a log has few distinct dates and statuses)."""
    text = getattr(annotation, "__forward_arg__", None) or getattr(annotation, "__name__",
                                                                   str(annotation))
    kind = text.split("|")[0].strip()
    if kind == "dt.date":
        return _Remembered(_date)
    enum = getattr(enums, kind, None)
    if isinstance(enum, type) and issubclass(enum, Enum):
        return _Remembered(enum)
    return None


class _Remembered(dict):
    """``convert(value)``, worked out once per distinct value."""

    def __init__(self, convert: Callable[[Any], Any]):
        super().__init__()
        self.convert = convert

    def __missing__(self, value: Any) -> Any:
        result = self[value] = self.convert(value)
        return result


def _date(value: Any) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise _NotSure(f"a date stored as {value!r}")
    return dt.date.fromisoformat(value)


def _columns(fields: tuple[str, ...], annotations: dict[str, Any]) -> list[tuple[int, dict]]:
    pairs = []
    for i, name in enumerate(fields):
        convert = _converter(annotations[name])
        if convert is not None:
            pairs.append((i, convert))
    return pairs


def _committees(conn: sqlite3.Connection, committee: str | None) -> tuple[dict[int, str],
                                                                            list[int]]:
    """Every committee's name by id, and the ids wanted (one by name or short name, or all)."""
    names = {cid: name for cid, name in conn.execute("SELECT id, name FROM committees")}
    if not committee:
        return names, list(names)
    key = committee.strip().lower()
    found = conn.execute("SELECT id FROM committees WHERE lower(name) = ? OR lower(short_name) = ?"
                         " ORDER BY id LIMIT 1", (key, key)).fetchone()
    if found is None:
        raise _NotSure("no such committee: the service says so")
    return names, [found[0]]


def _last_held(conn: sqlite3.Connection, wanted: list[int]) -> dict[int, dt.date | None]:
    held = dict.fromkeys(wanted)
    for cid, day in conn.execute("SELECT committee_id, max(date) FROM meetings WHERE status = ? "
                                 "GROUP BY committee_id", (MeetingStatus.HELD.value,)):
        if cid in held and day is not None:
            held[cid] = _date(day)
    return held


def _read(conn: sqlite3.Connection, table: str, columns_cls: Any, wanted: list[int],
          status: str | None = None, meeting_id: int | None = None) -> list:
    """The service's column tuples (the record's columns, then its meeting's date), in the
    service's order: committee, meeting date (none last), position, id. ``status``: only the
    records stored with that status (a first sieve; the service's rule still decides);
    ``meeting_id``: only those from that meeting."""
    fields = columns_cls._fields
    select = ", ".join(f"r.{name}" for name in fields[:-1]) + ", m.date"
    marks = ", ".join("?" * len(wanted))
    query = (f"SELECT {select} FROM {table} AS r LEFT OUTER JOIN meetings AS m "
             f"ON r.meeting_id = m.id WHERE r.committee_id IN ({marks}) "
             + ("AND r.status = ? " if status is not None else "")
             + ("AND r.meeting_id = ? " if meeting_id is not None else "")
             + "ORDER BY r.committee_id, m.date IS NULL, m.date, r.position, r.id")
    convert = _columns(fields, columns_cls.__annotations__)
    make = columns_cls._make
    out = []
    try:
        params = [*wanted, *(x for x in (status, meeting_id) if x is not None)]
        for raw in conn.execute(query, params):
            values = list(raw)
            for i, known in convert:
                value = values[i]
                if value is not None:
                    values[i] = known[value]
            out.append(make(values))
    except ValueError as exc:
        raise _NotSure(str(exc)) from exc
    return out


def quick_actions(db: Any, committee: str | None = None, status: str | None = None,
                  now: dt.date | None = None,
                  meeting_id: int | None = None) -> list[ActionRow] | None:
    """What ``actions.list_actions`` gives for these arguments, read with sqlite3; None when
    the quick path is not sure (see the module's note)."""
    now = now or today()
    if status not in (None, "", "all") and status not in actions.STATUS_FILTERS:
        return None
    try:
        with _reading(db) as conn:
            names, wanted = _committees(conn, committee)
            last = _last_held(conn, wanted)
            # open and overdue actions are stored as open (action_row): read only those
            sieve = ActionStatus.OPEN.value if status in ("open", "overdue") else None
            rows = _read(conn, "actions", actions._Columns, wanted, sieve, meeting_id)
    except _NotSure as why:
        log.debug("actions the full way: %s", why)
        return None
    out = []
    for a in rows:
        row = actions.action_row(a, a.meeting_date, names[a.committee_id],
                                 last.get(a.committee_id), now)
        if actions.matches(row, status):
            out.append(row)
    return out


def quick_recommendations(db: Any, committee: str | None = None, status: str | None = None,
                          now: dt.date | None = None,
                          meeting_id: int | None = None) -> list[RecommendationRow] | None:
    """What ``recommendations.list_recommendations`` gives for these arguments, read with
    sqlite3; None when the quick path is not sure."""
    now = now or today()
    if status not in (None, "", "all") and status not in recommendations.STATUS_FILTERS:
        return None
    try:
        with _reading(db) as conn:
            names, wanted = _committees(conn, committee)
            last = _last_held(conn, wanted)
            rows = _read(conn, "recommendations", recommendations._Columns, wanted,
                         meeting_id=meeting_id)
    except _NotSure as why:
        log.debug("recommendations the full way: %s", why)
        return None
    out = []
    for r in rows:
        row = recommendations.rec_row(r, r.meeting_date, names[r.committee_id],
                                      last.get(r.committee_id), now)
        if recommendations.matches(row, status):
            out.append(row)
    return out


def list_actions(db: Any, committee: str | None = None, status: str | None = None,
                 now: dt.date | None = None, meeting_id: int | None = None) -> list[ActionRow]:
    """``actions.list_actions(db, committee, status, now=now, meeting_id=meeting_id)``, read the
    quick way when it can."""
    now = now or today()
    rows = quick_actions(db, committee, status, now, meeting_id)
    if rows is None:    # the service's path, and its errors
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
        rows = recommendations.list_recommendations(db, committee, status, now=now,
                                                    meeting_id=meeting_id)
    return rows
