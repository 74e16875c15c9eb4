"""The quick way to save a workbook's rows: straight into an SQLite file with the standard
library's sqlite3, without importing SQLAlchemy or making ORM objects, when there is nothing to
match the rows with. It writes exactly what the ORM path (import_service) writes - the
committee, its meetings, the records, an audit row for each as db/audit.py would make it, the
search index's queue filled by its triggers (the entries themselves are made at the next search,
as after the ORM path's bulk insert) - and the tests compare the two table by table.

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
import operator
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop_app.db import lite
from desktop_app.db.who import current_user
from desktop_app.domain.enums import MeetingStatus
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_limits import fitting_rows
from desktop_app.services.import_lite_writer import Writer
from desktop_app.services.import_rows import RowValues, no_agenda_items
from desktop_app.services.import_service import start_summary
from desktop_app.services.import_summary import ImportedRow, ImportedWorkbook, ImportSummary

_TABLES = {"actions": "actions", "recommendations": "recommendations",
           "work-programme": "work_programme_items"}
_RECORDS = ("meetings", "actions", "recommendations", "work_programme_items")
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
        writer = Writer(self.conn, current_user(), summary)
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
                               no_agenda_items)   # new meetings have no items
            new = _new_records(self.parsed.kind, values, rows, tick, ids)
            count = len(rows) if isinstance(new, dict) else len(new)
            summary.created += count
            if count:
                made = writer.records(_TABLES[self.parsed.kind], new, committee_id)
                if self.parsed.kind == "work-programme":
                    writer.moves(zip(made, (r.fields.get("moves") or [] for r in rows)))
            tick(len(rows), len(rows))
            # the search index takes the new rows in at the next search (or the next commit
            # of the app's sessions), as after import_bulk: db/search_index.py DEFERRED
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


def _new_records(kind: str, values: RowValues, rows: list[ImportedRow],
                 tick: Callable[[int, int], None], ids: dict[dt.date, int]
                 ) -> list[dict[str, Any]] | dict[str, list[Any]]:
    """The new records as import_apply.Applier makes them for a committee with none: actions
    column by column (RowValues.new_action_columns), the others as dicts."""
    if kind != "actions":
        return list(_new_rows(kind, values, _batches(rows, tick), ids))
    columns: dict[str, list[Any]] = {}
    for start in range(0, len(rows), BATCH):
        tick(start, len(rows))
        batch = rows[start:start + BATCH]
        days = map(operator.itemgetter("meeting_date"), map(operator.attrgetter("fields"), batch))
        made = values.new_action_columns(batch, [None if d is None else ids[d] for d in days],
                                         start)
        for column, values_of_batch in made.items():
            columns.setdefault(column, []).extend(values_of_batch)
    return columns


def _new_rows(kind: str, values: RowValues, rows: Iterator[ImportedRow],
              ids: dict[dt.date, int]) -> Iterator[dict[str, Any]]:
    """The new recommendations and work items as import_apply.Applier makes them."""
    if kind == "recommendations":
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
