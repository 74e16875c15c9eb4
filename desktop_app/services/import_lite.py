"""The quick way to save a workbook's rows: straight into an SQLite file with the standard
library's sqlite3, without importing SQLAlchemy or making ORM objects, when there is nothing to
match the rows with. It writes exactly what the ORM path (import_service) writes - the
committee, its meetings, the records, an audit row for each as db/audit.py would make it, the
search index filled as its triggers and the session hook fill it - and the tests compare the two
table by table.

``QuickImport.open`` answers None, having written nothing, whenever it is not sure: not an
SQLite file, a file not at the head revision (db/lite.py), a dry run, a committee that is not named exactly or that already has meetings or records (which
need matching: re-imports and merges), any error of SQLite's while opening. The caller then
takes the ORM path, which explains, upgrades and matches.

    quick = QuickImport.open(url, "Housing", parsed, create_committee=True)
    if quick is not None:
        with quick:
            backup = quick.backup("before-import")
            summary = quick.save(skip_bad_rows=False, tick=tick)
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop_app.db import lite
from desktop_app.db.lite_schema import COLUMNS, CONVERTED, DEFAULTS, ENUMS, SEARCH_APPLY, SEARCH_TABLE
from desktop_app.db.who import current_user
from desktop_app.domain import enums
from desktop_app.domain.as_at import KNOWN_FROM_IMPORT
from desktop_app.domain.enums import MeetingStatus
from desktop_app.services.clock import today
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_limits import fitting_rows
from desktop_app.services.import_rows import RowValues, snapshots, values_of
from desktop_app.services.import_service import start_summary
from desktop_app.services.import_summary import ImportedRow, ImportedWorkbook, ImportSummary

_TABLES = {"actions": "actions", "recommendations": "recommendations",
           "work-programme": "work_programme_items"}
_RECORDS = ("meetings", "actions", "recommendations", "work_programme_items")
_SKIP = {"id", "created_at", "updated_at", "version", "content"}   # as db.audit leaves them out
BATCH = 500   # rows between two calls of ``tick``, as import_apply.Applier


def database_warning(url: str) -> str | None:
    """The network-share or synced-folder warning for the SQLite file of ``url``
    (services.backups.network_warning, without opening the database)."""
    from desktop_app.db.location import location_warning

    path = lite.sqlite_file(url)
    warning = location_warning(path) if path is not None else None
    return f"warning: {warning}" if warning else None


class QuickImport:
    """One quick import: the database open and the committee found (see the module's note)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, committee: str,
                 committee_id: int | None, parsed: ImportedWorkbook, create: bool = True):
        self.conn = conn
        self.path = path
        self.create = create
        self.committee = committee          # as given, or the full name --committee named
        self.committee_id = committee_id    # None: created by ``save``
        self.parsed = parsed

    @classmethod
    def open(cls, url: str, committee: str, parsed: ImportedWorkbook, *,
             create_committee: bool, dry_run: bool = False) -> QuickImport | None:
        if dry_run or parsed.kind not in _TABLES:
            return None
        path = lite.sqlite_file(url)
        if path is None:
            return None
        if path.exists():
            if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                return None   # the full path says it is read-only
            conn = lite.open_at_head(url, write=True)
            # the check the full path makes whenever it opens a file (db/schema.py)
            if conn is not None and not _intact(conn):
                conn.close()
                return None
        else:
            # a new database, made here as the full path makes it; only with
            # --create-committee (without it, the full path names the missing committee)
            conn = lite.create_at_head(url) if create_committee else None
        if conn is None:
            return None
        try:
            found = cls._committee(conn, committee, create_committee)
        except sqlite3.Error:
            found = None
        if found is None:
            conn.close()
            return None
        name, committee_id = found
        return cls(conn, path, name, committee_id, parsed, create_committee)

    @staticmethod
    def _committee(conn: sqlite3.Connection, name: str, create: bool
                   ) -> tuple[str, int | None] | None:
        """(the name to import under, the committee's id or None for a new one), or None when
        the full path must decide (an unknown name without --create-committee, a committee
        with meetings or records already)."""
        name = name.strip()   # as import_service.start_summary keeps it
        if not create:
            # services.import_committee.existing_committee: its name or short name, any case
            wanted = name.casefold()
            named = [full for full, short in conn.execute(
                "SELECT name, short_name FROM committees") if wanted in (full.casefold(),
                                                                        short.casefold())]
            if not named:
                return None
            name = named[0]
        # import_apply.Applier._committee's query
        wanted = name.lower()
        row = conn.execute("SELECT committees.id, committees.name FROM committees WHERE "
                           "lower(committees.name) = ? OR lower(committees.short_name) = ?",
                           (wanted, wanted)).fetchone()
        if row is None:
            return name, None
        for table in _RECORDS:
            if conn.execute(f"SELECT 1 FROM {table} WHERE committee_id = ? LIMIT 1",
                            (row[0],)).fetchone():
                return None
        return name, row[0]

    def __enter__(self) -> QuickImport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def backup(self, reason: str) -> Path:
        """The rotated backup the full path takes before an import (db.backup.backup_before)."""
        from desktop_app import paths
        return lite.backup_copy(self.path, paths.backup_dir(), reason)

    def save(self, *, skip_bad_rows: bool = False,
             tick: Callable[[int, int], None] | None = None) -> ImportSummary:
        """The rows saved in one transaction (import_service.import_workbook's checks first);
        ``tick`` as there: an exception it raises rolls everything back."""
        summary = start_summary(self.committee, self.parsed, skip_bad_rows=skip_bad_rows)
        rows = fitting_rows(self.parsed, skip_bad_rows, summary)
        tick = tick or (lambda _done, _total: None)
        writer = _Writer(self.conn, current_user(), summary)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            # looked at again under the write lock: nobody added records meanwhile
            if self._committee(self.conn, self.committee, self.create) != (
                    self.committee, self.committee_id):
                raise ServiceError(f"{self.path}: the committee {self.committee!r} was changed by "
                                   "someone else while the file was read; nothing was saved: "
                                   "import it again")
            committee_id = self.committee_id
            if committee_id is None:
                committee_id = writer.committee(summary.committee)
            else:
                summary.committee = self.conn.execute(
                    "SELECT name FROM committees WHERE id = ?", (committee_id,)).fetchone()[0]
            meetings = writer.meetings(committee_id, rows)
            held = [day for day, (_id, status) in meetings.items()
                    if status == MeetingStatus.HELD]
            last_held = max(held) if held else None
            ids = {day: meeting_id for day, (meeting_id, _status) in meetings.items()}
            values = RowValues(committee_id, writer.today, last_held,
                               lambda day: ids[day] if day is not None else None, ids.get,
                               lambda _day, _title: None)   # new meetings have no items
            new = list(_new_rows(self.parsed.kind, values, _batches(rows, tick), ids))
            summary.created += len(new)
            if new:
                made = writer.records(_TABLES[self.parsed.kind], new, committee_id)
                if self.parsed.kind == "work-programme":
                    writer.moves(zip(made, (r.fields.get("moves") or [] for r in rows)))
            tick(len(rows), len(rows))
            writer.index()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):   # locked past the busy timeout, disk full...
                raise ServiceError(f"{self.path}: the import could not be saved ({exc}); "
                                   "nothing was saved") from None
            raise
        return summary


def _intact(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        return False


def _batches(rows: list[ImportedRow], tick: Callable[[int, int], None]) -> Iterator[ImportedRow]:
    for start in range(0, len(rows), BATCH):
        tick(start, len(rows))
        yield from rows[start:start + BATCH]


def _new_rows(kind: str, values: RowValues, rows: Iterator[ImportedRow],
              ids: dict[dt.date, int]) -> Iterator[dict[str, Any]]:
    """The new records as import_apply.Applier makes them for a committee with none."""
    if kind == "actions":
        for position, row in enumerate(rows):
            day = row.fields["meeting_date"]
            yield values.new_action(row, ids[day] if day is not None else None, position)
    elif kind == "recommendations":
        positions: dict[int | None, int] = {}
        for row in rows:
            day = row.fields["meeting_date"]
            meeting_id = ids[day] if day is not None else None
            position = positions.get(meeting_id, 0)
            positions[meeting_id] = position + 1
            yield values.new_recommendation(row, meeting_id, position)
    else:
        for order, row in enumerate(rows):
            yield values.new_work_item(row.fields, order)


class _Writer:
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
