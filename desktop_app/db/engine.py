"""Engine and session factory for any SQLAlchemy URL (SQLite file by default, PostgreSQL for a team)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.db import audit, location, search_index
from desktop_app.db.lite import busy_timeout
from desktop_app.domain.errors import ConflictError


class DatabaseError(ValueError):
    """A database that cannot be opened or used, with a one-line reason for people.

    ``reason`` says what kind of problem it is, so that the window can offer the right way out:
    "locked", "read-only", "damaged", "missing" (the file or its folder is not there), "newer"
    (written by a newer version), or "other"."""

    def __init__(self, message: str, reason: str = "other"):
        super().__init__(message)
        self.reason = reason


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


@dataclass
class Database:
    """An engine plus its audited session factory: what services are given."""

    engine: Engine
    url: str

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        audit.install(self.sessions)
        search_index.install_session_hook(self.sessions)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        try:
            with self.sessions() as session, session.begin():
                session.connection(execution_options={"sqlite_immediate": True})
                yield session
        except StaleDataError:
            raise ConflictError("the record was changed by someone else while you were saving; "
                                "nothing was saved: reload and try again") from None

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()
