"""Restoring an SQLite database from a backup without losing anyone's work.

1. The backup is copied (never changed itself) beside the live file, checked for damage,
   upgraded when an older version of the app made it, and its schema compared with the one
   this version expects (tables, columns, indexes, triggers, views, Alembic revision). A
   backup that fails any of that is refused, and the live database is not touched.
2. The live database is taken for itself: one write transaction (BEGIN IMMEDIATE). While
   another process (another window, a command) is saving, restore refuses with one line
   rather than wait for, or race with, that change.
3. Inside that lock the safety backup of the current contents is taken, so it holds
   everything committed before the restore and nothing can be committed in between.
4. The tables are replaced from the checked copy in the same transaction, and the
   references checked, before it commits: all or nothing, and processes that have the file
   open see either the old contents or the new, never a mix. (The file itself is not
   swapped: a renamed-in file would leave other processes writing to the old one.)

A PostgreSQL database is restored with the server's tools (pg_restore); restore says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from sqlalchemy import URL

from desktop_app.db.engine import Database, DatabaseError, make_engine
from desktop_app.db.schema import BACKUPS_KEPT, head_revision, sqlite_path, upgrade
from desktop_app.db import search_index
from desktop_app.db.schema_check import VERSION_TABLE, expected_shape, schema_problems

LOCK_WAIT = 2.0          # seconds to wait for another process's write to finish
SQLITE_MAGIC = b"SQLite format 3\x00"


def ro_uri(path: Path) -> str:
    """A read-only ``file:`` URI for ``path``; "#", "?", "%" and spaces escaped. Without a
    write-ahead log beside it the file is opened as immutable, so that reading it leaves no
    -wal or -shm file beside the officer's backup."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return uri if Path(f"{path}-wal").exists() else uri + "&immutable=1"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__


def _copy_candidate(source: Path, folder: Path) -> Path:
    """The backup copied (with SQLite's backup API, read-only) into ``folder``."""
    if not source.is_file():
        raise DatabaseError(f"{source}: no such backup file")
    with open(source, "rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise DatabaseError(f"{source}: not a Scrutiny Tracker backup (not an SQLite file)")
    target = folder / f".restore-{os.getpid()}-{dt.datetime.now():%H%M%S%f}.db"
    try:
        src = sqlite3.connect(ro_uri(source), uri=True)
        try:
            if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DatabaseError(f"{source}: the backup file is damaged")
            _copy(src, target)
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError(f"{source}: the backup file is damaged or truncated "
                            f"({_one_line(exc)})") from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _prepare(source: Path, candidate: Path) -> None:
    """Bring the copy to the head revision and check its schema; DatabaseError if not."""
    db = Database(make_engine(URL.create("sqlite", database=str(candidate)).render_as_string()),
                  str(candidate))
    try:
        with db.engine.connect() as conn:
            tables = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'").scalars())
            revision = (conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()
                        if VERSION_TABLE in tables else None)
        if revision is None:
            raise DatabaseError(f"{source}: not a Scrutiny Tracker backup (no schema version)")
        from alembic.script import ScriptDirectory

        from desktop_app.db.schema import alembic_config
        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(revision)
        except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown revision
            raise DatabaseError(f"{source}: made by a newer version of Scrutiny Tracker (schema "
                                f"{revision}, this version knows up to {head_revision()})") from None
        if revision != head_revision():
            try:
                upgrade(db, "head")
            except Exception as exc:  # noqa: BLE001 - a tampered file can fail any step
                raise DatabaseError(f"{source}: cannot be upgraded from schema {revision} "
                                    f"({_one_line(exc)})") from None
        with db.engine.connect() as conn:
            problems = schema_problems(conn)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise DatabaseError(f"{source}: not restored: its schema is not the one this version "
                                f"expects: {problems[0]}{more}")
    finally:
        db.dispose()


def _copy(src: sqlite3.Connection, target: Path) -> None:
    """SQLite's online backup of ``src`` into a new file ``target``."""
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()


def _safety_copy(path: Path, folder: Path) -> Path:
    """The live file's committed contents, copied while the caller holds the write lock."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-before-restore.db"
    src = sqlite3.connect(str(path), timeout=LOCK_WAIT)
    try:
        _copy(src, target)
    finally:
        src.close()
    for old in sorted(folder.glob(f"{path.stem}-*.db"))[:-BACKUPS_KEPT]:
        if old != target:
            old.unlink(missing_ok=True)
    return target


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _swap(path: Path, candidate: Path, backups: Path) -> Path:
    """Replace the live tables from ``candidate`` in one write transaction; the safety backup
    is taken inside it. Returns the safety backup's path."""
    # the search index is not copied: its triggers follow the copy, and it is rebuilt after
    tables = [t for t in expected_shape().tables
              if not search_index.is_search_table(t)] + [VERSION_TABLE]
    conn = sqlite3.connect(str(path), timeout=LOCK_WAIT, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")           # only outside a transaction
        conn.execute("ATTACH DATABASE ? AS candidate", (str(candidate),))
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseError(f"{path}: the database is in use: another Scrutiny Tracker "
                                    "(or another program) is saving changes to it; close it or "
                                    "wait, then restore again") from None
            raise
        try:
            safety = _safety_copy(path, backups)
            for table in tables:
                columns = [r[1] for r in conn.execute(
                    f"PRAGMA candidate.table_info({_quote(table)})")]
                names = ", ".join(_quote(c) for c in columns)
                conn.execute(f"DELETE FROM main.{_quote(table)}")
                conn.execute(f"INSERT INTO main.{_quote(table)} ({names}) "
                             f"SELECT {names} FROM candidate.{_quote(table)}")
            has_seq = conn.execute("SELECT count(*) FROM candidate.sqlite_master "
                                   "WHERE name = 'sqlite_sequence'").fetchone()[0]
            if has_seq and conn.execute("SELECT count(*) FROM main.sqlite_master "
                                        "WHERE name = 'sqlite_sequence'").fetchone()[0]:
                conn.execute("DELETE FROM main.sqlite_sequence")
                conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM "
                             "candidate.sqlite_sequence")
            if search_index.fts5_available() and conn.execute(
                    "SELECT count(*) FROM main.sqlite_master WHERE name = ?",
                    (search_index.TABLE,)).fetchone()[0]:
                search_index.rebuild_raw(conn)
            broken = conn.execute("PRAGMA main.foreign_key_check").fetchall()
            if broken:
                raise DatabaseError(f"{candidate}: not restored: {len(broken)} broken "
                                    f"reference(s) (first in table {broken[0][0]})")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DETACH DATABASE candidate")
        conn.close()
    return safety


def restore(db: Database, source: Path, backups: Path | None = None) -> Path:
    """Replace the SQLite database's contents with the backup ``source``, after checking it and
    backing up the current contents. Returns the safety backup's path."""
    path = sqlite_path(db)
    if path is None:
        if db.engine.dialect.name == "postgresql":
            name = db.engine.url.database or "DBNAME"
            raise DatabaseError("restore replaces an SQLite file; this database is on a "
                                "PostgreSQL server: stop everyone using it, then restore the "
                                "dump with the server's tools, e.g. pg_restore --clean "
                                f"--if-exists -d {name} BACKUP.dump")
        raise DatabaseError(f"restore works on SQLite files, not {db.engine.dialect.name}")
    db.engine.dispose()      # this process's own pooled connections hold no lock
    candidate = _copy_candidate(Path(source), path.parent)
    try:
        _prepare(Path(source), candidate)
        if backups is None:
            from desktop_app import paths
            backups = paths.backup_dir()
        return _swap(path, candidate, backups)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{candidate}{suffix}").unlink(missing_ok=True)
