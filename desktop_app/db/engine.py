"""Engine and session factory for any SQLAlchemy URL (SQLite file by default, PostgreSQL for a team)."""

from __future__ import annotations

import contextlib
import functools

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from desktop_app.db import location
# Database and DatabaseError live in db/database.py (no SQLAlchemy at import, issue 18): named
# here as before, so that callers do not change
from desktop_app.db.database import Database, DatabaseError
from desktop_app.db.lite import busy_timeout

__all__ = ["Database", "DatabaseError", "make_engine"]


def _sqlite_pragmas(dbapi_conn, _record, *, journal: str = "WAL",
                    timeout_ms: int = 10000) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")
    with contextlib.suppress(Exception):  # read-only or in-memory databases keep their mode
        cur.execute(f"PRAGMA journal_mode={journal}")
    cur.execute("PRAGMA synchronous=NORMAL" if journal == "WAL" else "PRAGMA synchronous=FULL")
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"{url}: not a database URL ({exc})") from None
    kwargs: dict = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": busy_timeout()}
    try:
        engine = create_engine(parsed, **kwargs)
    except NoSuchModuleError as exc:
        raise DatabaseError(f"{url}: unsupported database ({exc})") from None
    except ModuleNotFoundError as exc:
        raise DatabaseError(f"{url}: the database driver is not installed ({exc.name})") from None
    if engine.dialect.name == "sqlite":
        name = parsed.database
        on_disk = bool(name) and name != ":memory:" and not str(name).startswith("file:")
        # no WAL on a network share or a synced folder (db/location.py)
        journal = location.journal_mode(name) if on_disk else "WAL"
        event.listen(engine, "connect", functools.partial(
            _sqlite_pragmas, journal=journal, timeout_ms=int(busy_timeout() * 1000)))
        # pysqlite's own transaction handling is switched off so that a unit of work can
        # start with BEGIN IMMEDIATE: two writers then queue up on the lock instead of one
        # failing half-way through.
        @event.listens_for(engine, "begin")
        def _begin(conn):
            immediate = conn.get_execution_options().get("sqlite_immediate")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        @event.listens_for(engine, "connect")
        def _no_pysqlite_tx(dbapi_conn, _record):
            dbapi_conn.isolation_level = None
    return engine
