"""Rows into an SQLite database's tables as the ORM and import_bulk write them - the models'
defaults filled in, each value converted as SQLAlchemy converts it, an "insert" audit row per
row as db/audit.py writes it, the search index brought up to date as its session hook does -
with the standard library's sqlite3 (services/import_lite.py's writing half)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from desktop_app.db.lite_schema import COLUMNS, CONVERTED, DEFAULTS, ENUMS, SEARCH_APPLY, SEARCH_TABLE
from desktop_app.domain import enums
from desktop_app.domain.as_at import KNOWN_FROM_IMPORT
from desktop_app.domain.enums import MeetingStatus
from desktop_app.services.clock import today
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_rows import snapshots, values_of
from desktop_app.services.import_summary import ImportedRow, ImportSummary

_SKIP = {"id", "created_at", "updated_at", "version", "content"}   # as db.audit leaves them out


class Writer:
    """Rows into tables as the ORM and import_bulk write them, with their audit rows."""

    def __init__(self, conn: sqlite3.Connection, who: str, summary: ImportSummary):
        self.conn = conn
        self.who = who
        self.summary = summary
        self.today = today()

    def committee(self, name: str) -> int:
        """A new committee (import_apply.Applier._committee)."""
        made = [{"name": name}]
        [committee_id] = self.insert("committees", made)
        self.audit("committees", [committee_id], made, lambda _i: committee_id)
        self.summary.committee_created = True
        return committee_id

    def meetings(self, committee_id: int, rows: Sequence[ImportedRow]
                 ) -> dict[dt.date, tuple[int, MeetingStatus]]:
        """The meetings the rows need, in date order (Applier._meetings, for a committee
        with none): day -> (id, status)."""
        days = sorted({d for d in (r.fields.get("meeting_date") for r in rows) if d is not None})
        if not days:
            return {}
        made = [{"committee_id": committee_id, "date": day,
                 "status": MeetingStatus.HELD if day < self.today else MeetingStatus.SCHEDULED}
                for day in days]
        ids = self.insert("meetings", made)
        self.audit("meetings", ids, made, lambda _i: committee_id)
        self.summary.meetings_created += len(days)
        return {m["date"]: (i, m["status"]) for i, m in zip(ids, made)}

    def records(self, table: str, rows: list[dict[str, Any]], committee_id: int) -> list[int]:
        """import_bulk.insert_audited."""
        ids = self.insert(table, rows)
        self.audit(table, ids, rows, lambda _i: committee_id)
        return ids

    def moves(self, items: Iterable[tuple[int, Sequence[Mapping[str, Any]]]]) -> None:
        """A new work item's moves as the file gives them (import_moves.add_file_moves, for
        items that have none yet); audited as db/audit.py audits a WorkItemMove added with
        only its item's id: no committee, no version."""
        made, seen = [], set()
        for item_id, moves in items:
            for m in moves:
                key = (item_id, m.get("from_date"), m.get("to_date"))
                if key not in seen:
                    seen.add(key)
                    made.append({"item_id": item_id, "moved_on": self.today,
                                 "from_date": key[1], "to_date": key[2],
                                 "reason": str(m.get("reason") or ""), "author": self.who})
        if made:
            ids = self.insert("work_item_moves", made)
            self.audit("work_item_moves", ids, made, lambda _i: None, version=None)

    def insert(self, table: str, rows: list[dict[str, Any]]) -> list[int]:
        """Insert ``rows`` (dicts of some columns; the others take the models' defaults, as
        the ORM fills them in) and complete each dict with those defaults; the new ids."""
        now = dt.datetime.now().replace(microsecond=0)
        defaults = {c: now if v == "NOW" else v for c, v in DEFAULTS[table].items()}
        columns = [c for c in COLUMNS[table] if c != "id"]
        given = [c for c in columns if c in rows[0]]
        left_out = [c for c in columns if c not in rows[0]]
        fill = {c: defaults.get(c) for c in left_out}   # no default: NULL, as the ORM leaves it
        for row in rows:
            row.update(fill)
        # the values left out are the same in every row: converted once
        constant = []
        for c in left_out:
            f = _converter(table, c)
            constant.append(fill[c] if f is None else f(fill[c]))
        convert = [(i, f) for i, c in enumerate(given) if (f := _converter(table, c)) is not None]
        values = values_of(given)
        params = []
        for row in rows:
            row_values = [*values(row), *constant]
            for i, f in convert:
                row_values[i] = f(row_values[i])
            params.append(row_values)
        before = self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
        names = ", ".join(f'"{c}"' for c in given + left_out)
        self.conn.executemany(f"INSERT INTO {table} ({names}) "
                              f"VALUES ({', '.join('?' * len(given + left_out))})", params)
        top, count = self.conn.execute(f"SELECT max(id), count(*) FROM {table} WHERE id > ?",
                                       (before,)).fetchone()
        if count != len(rows) or top != before + len(rows):  # pragma: no cover - another writer
            raise ServiceError(f"{table}: {count} rows appeared for {len(rows)} inserted; "
                               "nothing was imported")
        return list(range(before + 1, before + 1 + len(rows)))

    def audit(self, table: str, ids: list[int], rows: list[dict[str, Any]],
              committee_of: Callable[[int], int | None], version: int | None = 1) -> None:
        """The "insert" audit row of each new row, known from the import (db/audit.py)."""
        columns = [c for c in COLUMNS[table] if c not in _SKIP]
        at = _datetime(dt.datetime.now().replace(microsecond=0))
        self.conn.executemany(
            "INSERT INTO audit_log (at, who, committee_id, table_name, row_id, operation, field, "
            "old, new, row_version) VALUES (?, ?, ?, ?, ?, 'insert', ?, NULL, ?, ?)",
            [(at, self.who, committee_of(i), table, i, KNOWN_FROM_IMPORT, text, version)
             for i, text in zip(ids, snapshots(rows, columns))])

    def index(self) -> None:
        """What db/search_index.py's session hook does before a commit: the rows the triggers
        noted go into the search index."""
        if self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                             "name = ?", (SEARCH_TABLE,)).fetchone()[0] != 1:
            return
        if not self.conn.execute(f"SELECT EXISTS (SELECT 1 FROM {SEARCH_TABLE}_queue)"
                                 ).fetchone()[0]:
            return
        for sql in SEARCH_APPLY:
            self.conn.execute(sql)


def _date(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    raise TypeError("SQLite Date type only accepts Python date objects as input.")


def _datetime(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:"
                f"{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}")
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d} 00:00:00.000000"
    raise TypeError("SQLite DateTime type only accepts Python datetime and date objects as "
                    "input.")


def _time(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.time):
        return (f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}."
                f"{value.microsecond:06d}")
    raise TypeError("SQLite Time type only accepts Python time objects as input.")


def _bool(value: Any) -> Any:
    return None if value is None else int(bool(value))


_CONVERT = {"date": _date, "datetime": _datetime, "time": _time, "bool": _bool}


def _converter(table: str, column: str) -> Callable[[Any], Any] | None:
    """What SQLAlchemy's bind processing does to a value of ``column`` (remembered per value:
    the same dates and words come again and again)."""
    kind = CONVERTED[table].get(column)
    enum_name = ENUMS[table].get(column)
    if kind is not None:
        process = _CONVERT[kind]
    elif enum_name is not None:
        vocabulary = getattr(enums, enum_name)

        def process(value: Any) -> Any:   # models.StoredEnum.process_bind_param
            return None if value is None else vocabulary(value).value
    else:
        return None   # as it is: sqlite3 binds a str subclass (a StrEnum) as its text
    seen: dict[Any, Any] = {}

    def memo(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = out = process(value)
            return out
        except TypeError:   # not hashable
            return process(value)
    return memo
