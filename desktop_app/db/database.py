"""What services are given: a database's engine and its audited session factory
(``Database``), and the error for a database that cannot be opened (``DatabaseError``).

No SQLAlchemy at import (issue 18): the window opens an SQLite file that is already at the head
revision with ``Database.deferred(url, opener)``, and SQLAlchemy is imported, the engine made
and the schema checked only when something first asks for ``.engine`` or a session (the first
save, or a read with no quick path). ``Database(engine, url)`` is the database opened already,
as before. db/engine.py names both classes as it always has.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker


class DatabaseError(ValueError):
    """A database that cannot be opened or used, with a one-line reason for people.

    ``reason`` says what kind of problem it is, so that the window can offer the right way out:
    "locked", "read-only", "damaged", "missing" (the file or its folder is not there), "newer"
    (written by a newer version), or "other"."""

    def __init__(self, message: str, reason: str = "other"):
        super().__init__(message)
        self.reason = reason


class Database:
    """An engine plus its audited session factory: what services are given."""

    def __init__(self, engine: Engine, url: str):
        self.url = url
        self._engine: Engine | None = engine
        self._sessions: sessionmaker[Session] | None = None
        self._opener: Callable[[], Database] | None = None
        self._lock = threading.Lock()
        self._make_sessions()

    @classmethod
    def deferred(cls, url: str, opener: Callable[[], Database]) -> Database:
        """A database whose engine comes from ``opener()`` (the full way to open ``url``) on
        first use. Only for an SQLite file the caller has checked already (``is_sqlite``)."""
        db = cls.__new__(cls)
        db.url = url
        db._engine = None
        db._sessions = None
        db._opener = opener
        db._lock = threading.Lock()
        return db

    @property
    def opened(self) -> bool:
        """Whether the engine exists (always, but for a deferred database not used yet)."""
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._open()
        assert self._engine is not None
        return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        if self._sessions is None:
            self._open()
        assert self._sessions is not None
        return self._sessions

    def _open(self) -> None:
        """The deferred open: the opener's errors (DatabaseError) are the caller's, and the
        next use tries again."""
        with self._lock:
            if self._engine is not None or self._opener is None:
                return
            real = self._opener()
            self._sessions = real.sessions
            self._engine = real.engine
            self._opener = None

    def _make_sessions(self) -> None:
        from sqlalchemy.orm import sessionmaker

        from desktop_app.db import audit, search_index
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        audit.install(self._sessions)
        search_index.install_session_hook(self._sessions)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        from sqlalchemy.orm.exc import StaleDataError

        from desktop_app.domain.errors import ConflictError
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
        if self._engine is None and self._opener is not None:
            return True    # deferred: only ever for an SQLite file
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        """Nothing of this database left open: the engine's connections, and the quick
        reads' idle ones (db/lite.py)."""
        if self._engine is not None:
            self._engine.dispose()
        from desktop_app.db.lite import close_idle
        close_idle(self.url)

    def __repr__(self) -> str:
        state = "" if self.opened else ", not opened yet"
        return f"Database(url={self.url!r}{state})"

