"""The database as the upper floors (ui/, cli/) see it: open it, name its type in annotations,
say who is making the changes. They never import ``desktop_app.db`` themselves.

    db = open_database("sqlite:///tracker.db")    # created, or upgraded after a backup
    db = open_for_window("sqlite:///tracker.db")  # the same, SQLAlchemy left for first use
    set_current_user("Sam Officer")               # the author in the audit trail

No SQLAlchemy at import (issue 18): the window opens, paints and fills its tabs without it
when the database is an SQLite file at the head revision (``open_for_window``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from desktop_app.db import lite, location
from desktop_app.db.database import Database, DatabaseError
from desktop_app.db.who import current_user, set_current_user

__all__ = ["Database", "DatabaseError", "current_user", "describe_database", "location_warning",
           "check_ahead", "open_database", "open_for_window", "orm_loaded", "schema_revision",
           "set_current_user"]


def open_database(url: str, *, backups: Path | None = None, migrate: bool = True) -> Database:
    """Open (creating or upgrading as needed, after a backup) the database at ``url``; a
    DatabaseError with a one-line reason when it cannot (db/schema.py)."""
    from desktop_app.db.schema import open_database as full
    return full(url, backups=backups, migrate=migrate)


def open_for_window(url: str, *, backups: Path | None = None) -> Database:
    """What ``open_database(url)`` gives, but when ``url`` is an SQLite file at the head revision
    that the full path would open as it is (writable, an SQLite file, passing ``quick_check``),
    SQLAlchemy is not imported yet: the engine is made, and the schema checked the full way,
    on first use of ``.engine`` or a session (a failure then, say the file was removed
    meanwhile, is the same DatabaseError ``open_database`` gives). Any other database takes
    the full path at once, which creates, upgrades or explains."""
    if _checked_ahead(url):
        return Database.deferred(url, lambda: _open_again(url, backups))
    return open_database(url, backups=backups)


# url -> (the thread, its answer once it has one: (the file's state, quick_open_ok's answer))
_ahead: dict[str, tuple[threading.Thread, list[tuple[tuple, bool]]]] = {}
_ahead_lock = threading.Lock()


def check_ahead(url: str) -> None:
    """Start asking ``quick_open_ok(url)`` now, in a thread, for ``open_for_window(url)`` to
    take the answer later: the window's start (app.run_gui) asks before it imports PySide6 and
    the window's modules (~0.15 s), so SQLite's ``quick_check`` of the whole file (~10 ms for
    10,000 actions, outside the GIL) runs meanwhile on another core. The answer is taken only
    if the file (its -wal file, its folder) is as it was when it was given; else, or when
    anything went wrong, ``open_for_window`` asks again itself."""
    path = lite.sqlite_file(url)
    if path is None:
        return
    answer: list[tuple[tuple, bool]] = []

    def ask() -> None:
        try:
            before = _file_state(path)
            ok = quick_open_ok(url)
            if _file_state(path) == before:
                answer.append((before, ok))
        except Exception:  # noqa: BLE001, S110 - only a head start: open_for_window asks again
            pass

    thread = threading.Thread(target=ask, name="check-database-ahead", daemon=True)
    with _ahead_lock:
        if url in _ahead:
            return
        _ahead[url] = (thread, answer)
    thread.start()


def _file_state(path: Path) -> tuple:
    """What changes when the file or its -wal file is written, replaced or removed, or the file
    or its folder is made read-only (None for one that is not there). Not the folder's times:
    opening the file (a WAL database) makes and removes its -wal and -shm files there; and an
    empty -wal file is none (a reader opening the file makes one; a write makes it grow, or
    changes the file itself when it is copied back into it)."""
    def state(p: Path | str, whole: bool = True):
        try:
            st = os.stat(p)
        except OSError:
            return None
        if not whole:
            return st.st_ino, st.st_dev, st.st_mode
        return st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode
    wal = state(f"{path}-wal")
    return state(path), wal if wal and wal[2] else None, state(path.parent, whole=False)


def _checked_ahead(url: str) -> bool:
    """``quick_open_ok(url)``: the answer of ``check_ahead(url)`` when there is one (waiting for
    it) and the file is still as it was then; else asked now."""
    with _ahead_lock:
        ahead = _ahead.pop(url, None)
    if ahead is not None:
        thread, answer = ahead
        thread.join()
        path = lite.sqlite_file(url)
        if answer and path is not None and answer[0][0] == _file_state(path):
            return answer[0][1]
    return quick_open_ok(url)


def _open_again(url: str, backups: Path | None) -> Database:
    """The deferred open: the full path, except that a file gone meanwhile is not made afresh
    under a window still showing its rows (the full path would create an empty database)."""
    path = lite.sqlite_file(url)
    # (with its folder gone too, the full path says so: "is the drive ... connected?")
    if path is not None and not path.exists() and path.parent.is_dir():
        raise DatabaseError(f"{path}: the database file is no longer there (moved, renamed "
                            "or deleted by another program); nothing was saved", "missing")
    return open_database(url, backups=backups)


def quick_open_ok(url: str) -> bool:
    """Whether the full path would open ``url`` with nothing to do or say: an SQLite file at
    the head revision (db/lite.py), the file and its folder writable (db/schema.py refuses a
    read-only one), SQLite's ``quick_check`` passing. False whenever unsure."""
    path = lite.sqlite_file(url)
    if path is None or not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return False
    conn = lite.open_at_head(url)
    if conn is None:
        return False
    try:
        return conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def orm_loaded() -> bool:
    """Whether SQLAlchemy has been imported in this process (the smoke test reports it)."""
    import sys
    return "sqlalchemy" in sys.modules


def schema_revision(db: Database) -> str | None:
    from desktop_app.db.schema import schema_revision as revision
    return revision(db)


def _sqlite_file(db: Database) -> Path | None:
    """The SQLite file of a database not opened yet (its URL is a plain SQLite file's, or it
    would not have been deferred); None otherwise (ask the engine)."""
    return None if db.opened else lite.sqlite_file(db.url)


def describe_database(db: Database) -> str:
    """Which database, for the status bar: an SQLite file's name, or the server's URL without
    its password."""
    path = _sqlite_file(db)
    if path is not None:
        return os.path.basename(str(path))
    url = db.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return os.path.basename(url.database)
    return url.render_as_string(hide_password=True)


def location_warning(db: Database) -> str | None:
    """The network-share or OneDrive warning for an SQLite database, or None
    (services/backups.py ``network_warning``, without opening a deferred database)."""
    path = _sqlite_file(db)
    if path is not None:
        return location.sqlite_warning(path)
    from desktop_app.services.backups import network_warning
    return network_warning(db)
