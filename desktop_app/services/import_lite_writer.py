"""Rows into an SQLite database's tables as the ORM and import_bulk write them - the models'
defaults filled in, each value converted as SQLAlchemy converts it, an "insert" audit row per
row as db/audit.py writes it (the search index's triggers note the new rows; the index takes
them in at the next search) - with the standard library's sqlite3 (services/import_lite.py's
writing half)."""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from desktop_app.db.lite_schema import COLUMNS, CONVERTED, DEFAULTS, ENUMS
from desktop_app.domain import enums
from desktop_app.domain.as_at import KNOWN_FROM_IMPORT
from desktop_app.domain.enums import MeetingStatus
from desktop_app.services.clock import today
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_rows import Same, column_snapshots, values_of
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
        inserted = self.insert("committees", made)
        [committee_id] = inserted.ids
        self.audit("committees", inserted, committee_id)
        self.summary.committee_created = True
        return committee_id

    def meetings(self, committee_id: int, rows: Sequence[ImportedRow]
                 ) -> dict[dt.date, tuple[int, MeetingStatus]]:
        """The meetings the rows need, in date order (Applier._meetings, for a committee
        with none): day -> (id, status)."""
        found: set[Any] = {row.fields.get("meeting_date") for row in rows}
        found.discard(None)
        days = sorted(found)
        if not days:
            return {}
        made = [{"committee_id": committee_id, "date": day,
                 "status": MeetingStatus.HELD if day < self.today else MeetingStatus.SCHEDULED}
                for day in days]
        inserted = self.insert("meetings", made)
        self.audit("meetings", inserted, committee_id)
        self.summary.meetings_created += len(days)
        return {m["date"]: (i, m["status"]) for i, m in zip(inserted.ids, made)}

    def records(self, table: str, rows: list[dict[str, Any]] | dict[str, list[Any]],
                committee_id: int) -> list[int]:
        """import_bulk.insert_audited (``rows``: dicts, or the rows column by column)."""
        if isinstance(rows, dict):
            inserted = self.insert_columns(table, dict(rows),
                                           len(next(iter(rows.values()), ())))
        else:
            inserted = self.insert(table, rows)
        self.audit(table, inserted, committee_id)
        return inserted.ids

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
            inserted = self.insert("work_item_moves", made)
            self.audit("work_item_moves", inserted, None, version=None)

    def insert(self, table: str, rows: list[dict[str, Any]]) -> Inserted:
        """Insert ``rows`` (dicts of some columns, the same in each; the others take the
        models' defaults, as the ORM fills them in): their ids, and their values by column."""
        given = [c for c in COLUMNS[table] if c != "id" and c in rows[0]]
        values: dict[str, Sequence[Any] | Same] = {}
        if given:
            values.update(zip(given, zip(*map(values_of(given), rows))))
        return self.insert_columns(table, values, len(rows))

    def insert_columns(self, table: str, values: dict[str, Sequence[Any] | Same],
                       count: int) -> Inserted:
        """``insert`` of ``count`` rows given column by column (``values``: column -> the
        rows' values; a column left out takes its default, or NULL, as the ORM fills them in).

        Each value is converted as SQLAlchemy converts it (once per distinct value), and a
        value that is the same in every row is written into the statement rather than bound
        for each row (sqlite3 binding a value costs more than SQLite storing it)."""
        now = dt.datetime.now().replace(microsecond=0)
        defaults = {c: now if v == "NOW" else v for c, v in DEFAULTS[table].items()}
        columns = [c for c in COLUMNS[table] if c != "id"]
        unknown = set(values) - set(columns)
        if unknown:
            raise ValueError(f"{table}: no column {sorted(unknown)[0]!r}")
        for c in columns:
            if c not in values:
                values[c] = Same(defaults.get(c))
        before = self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
        bound = []
        for c, v in values.items():
            kept, one_class = _stored_of(table, c, v)
            bound.append(kept)
            if one_class and isinstance(kept, Same) and not isinstance(v, Same):
                values[c] = Same(v[0])   # equal values of one class: one text in the audit
        found = _insert_many(self.conn, table, list(values), bound, count)
        # (the rows this statement inserted, not counting the triggers' rows; and the top id
        # looked up, not 20,000 rows counted again)
        top = self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
        if found != count or top != before + count:  # pragma: no cover - another writer
            raise ServiceError(f"{table}: {found} rows appeared for {count} inserted; "
                               "nothing was imported")
        return Inserted(list(range(before + 1, before + 1 + count)), values)

    def audit(self, table: str, inserted: Inserted, committee_id: int | None,
              version: int | None = 1) -> None:
        """The "insert" audit row of each new row, known from the import (db/audit.py), its
        snapshot made from the rows' values column by column (import_rows.column_snapshots)."""
        ids = inserted.ids
        if not ids:
            return
        columns = [c for c in COLUMNS[table] if c not in _SKIP]
        texts = column_snapshots(columns, [inserted.values[c] for c in columns], len(ids))
        at = _datetime(dt.datetime.now().replace(microsecond=0))
        _insert_many(self.conn, "audit_log",
                     ["at", "who", "committee_id", "table_name", "row_id", "operation", "field",
                      "old", "new", "row_version"],
                     [Same(at), Same(self.who), Same(committee_id), Same(table), ids,
                      Same("insert"), Same(KNOWN_FROM_IMPORT), Same(None), texts,
                      Same(version)], len(ids))


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


class Inserted(NamedTuple):
    """What ``Writer.insert`` did: the new ids, in order, and the rows' values by column (as
    given, before conversion: the audit trail's snapshots are made from them)."""
    ids: list[int]
    values: dict[str, Sequence[Any] | Same]


def _process(table: str, column: str) -> Callable[[Any], Any] | None:
    """What SQLAlchemy's bind processing does to a value of ``column``; None: nothing."""
    kind = CONVERTED[table].get(column)
    enum_name = ENUMS[table].get(column)
    if kind is not None:
        return _CONVERT[kind]
    if enum_name is not None:
        vocabulary = getattr(enums, enum_name)

        def process(value: Any) -> Any:   # models.StoredEnum.process_bind_param
            return None if value is None else vocabulary(value).value
        return process
    return None   # as it is: sqlite3 binds a str subclass (a StrEnum) as its text


def _stored(table: str, name: str, values: Sequence[Any] | Same) -> Sequence[Any] | Same:
    """A column's values as they are bound: converted (each distinct value once), and
    ``Same(value)`` when every row has the same."""
    return _stored_of(table, name, values)[0]


def _stored_of(table: str, name: str, values: Sequence[Any] | Same
               ) -> tuple[Sequence[Any] | Same, bool]:
    """``_stored``, and whether the values given were all of one class."""
    process = _process(table, name)
    if isinstance(values, Same):
        return (values if process is None else Same(process(values.value))), True
    if process is None and values and values.count(values[0]) != len(values):
        return values, False   # bound as they are (and not one value: the classes are moot)
    classes = set(map(type, values))
    return _stored_values(process, values, classes), len(classes) == 1


def _stored_values(process: Callable[[Any], Any] | None, values: Sequence[Any],
                   classes: set[type]) -> Sequence[Any] | Same:
    # equal values of different classes (1, 1.0 and True) may be stored differently
    mixed = len(classes & {bool, int, float}) > 1 or float in classes
    if process is None:   # only the same value in every row to look for
        if not mixed and values and values.count(values[0]) == len(values):
            return Same(values[0])
        return values
    try:
        distinct = set(values)
    except TypeError:   # not hashable: converted one by one
        distinct = None
    if distinct is None or mixed:
        return list(map(process, values))
    converted = {v: process(v) for v in distinct}
    if len(distinct) == 1:
        return Same(next(iter(converted.values())))
    return list(map(converted.__getitem__, values))


def _literal(value: Any) -> str | None:
    """``value`` as an SQL literal that SQLite stores as sqlite3 stores it bound, or None."""
    if value is None:
        return "NULL"
    if value.__class__ is int:
        return str(value)
    if isinstance(value, str) and "\x00" not in value and (
            value.__class__ is str or isinstance(value, enum.StrEnum)):
        return "'" + str.__str__(value).replace("'", "''") + "'"
    return None


def _insert_many(conn: sqlite3.Connection, table: str, names: list[str],
                 columns: list[Sequence[Any] | Same], count: int) -> int:
    """``count`` rows into ``table``, given column by column: a value that is the same in
    every row is written into the statement when it can be, the others are bound. Returns how
    many rows the statement inserted."""
    slots, bound = [], []
    for column in columns:
        if isinstance(column, Same):
            literal = _literal(column.value)
            if literal is not None:
                slots.append(literal)
                continue
            column = [column.value] * count
        slots.append("?")
        bound.append(column)
    params = zip(*bound) if bound else itertools.repeat((), count)
    quoted = ", ".join(f'"{n}"' for n in names)
    return conn.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(slots)})",
                            params).rowcount
