"""The quick way into an SQLite database that is already at the head revision: the standard
library's sqlite3 and nothing else (no SQLAlchemy, no Alembic), for paths where importing the
ORM would cost more than the work itself (the command line's start-up, the window's first
paint, a bulk import).

``open_at_head`` answers None whenever the quick path is not sure (not SQLite, an in-memory or
URI database, no such file, not an SQLite file, a schema that is not exactly the head revision,
any error of SQLite's): the caller then takes the full path (db/schema.py ``open_database``),
which creates, upgrades, backs up and explains. So the quick path never has to handle a
problem; it only skips work when there is none.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path
from urllib.parse import unquote

from desktop_app.db.location import journal_mode
from desktop_app.db.revision import VERSION_TABLE, plain_head_revision

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_VARIABLE = "SCRUTINY_TRACKER_BUSY_TIMEOUT"


def busy_timeout() -> float:
    """Seconds to wait for another program's lock on an SQLite file (10 unless
    SCRUTINY_TRACKER_BUSY_TIMEOUT says otherwise)."""
    try:
        return max(0.0, float(os.environ.get(BUSY_TIMEOUT_VARIABLE, "") or 10))
    except ValueError:
        return 10.0


def sqlite_file(url: str) -> Path | None:
    """The file of an ``sqlite:///path`` URL (``sqlite+pysqlite:///`` too), or None for any
    other database, an in-memory one, a ``file:`` URI or a URL with query options."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+")[0].lower() != "sqlite" or not rest.startswith("/"):
        return None
    name = unquote(rest[1:])
    if not name or name == ":memory:" or name.startswith("file:") or "?" in name:
        return None
    return Path(name)


def open_at_head(url: str, *, write: bool = False) -> sqlite3.Connection | None:
    """A connection to the SQLite file of ``url`` when it exists and is at the head revision,
    else None (see the module's note). Read-only (``query_only``) unless ``write``; a writing
    connection has the pragmas db/engine.py gives SQLAlchemy's connections (foreign keys, busy
    timeout, journal).
    The connection is in autocommit mode (``isolation_level=None``): a writer opens its own
    ``BEGIN IMMEDIATE``. A reading connection's ``close()`` hands it back for the next quick
    read of the same file (``_Reader``)."""
    path = sqlite_file(url)
    head = plain_head_revision()
    if path is None or head is None:
        return None
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        st = os.stat(path)
    except OSError:
        return None
    key, ident = str(path.resolve()), (st.st_dev, st.st_ino)
    conn = None if write else _idle_reader(key, ident)
    if conn is not None:     # the same checks as a new connection's, below
        stored: list | None
        try:
            stored = [r[0] for r in conn.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
            if stored == [head]:
                conn.execute(f"PRAGMA busy_timeout={int(busy_timeout() * 1000)}")
                return conn
        except sqlite3.Error:
            stored = None        # a new connection decides
        conn.close_for_good()
        if stored is not None:
            return None          # not at the head revision (any more)
    # a reading connection is read-write too, made read-only by ``query_only``: SQLite's
    # mode=ro connection cannot remove the -wal and -shm files when it closes last, and leaves
    # them beside the officer's database after every quick read (callers check the file and
    # its folder are writable first, as the full path does)
    mode = "rw"
    conn = None
    try:
        conn = sqlite3.connect(f"{Path(key).as_uri()}?mode={mode}", uri=True,
                               timeout=busy_timeout(), isolation_level=None,
                               check_same_thread=False,
                               factory=sqlite3.Connection if write else _Reader)
        stored = [r[0] for r in conn.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
        if stored != [head]:
            _close(conn)
            return None
        conn.execute(f"PRAGMA busy_timeout={int(busy_timeout() * 1000)}")
        if not write:
            conn.execute("PRAGMA query_only=ON")
            assert isinstance(conn, _Reader)
            conn.taken(key, ident)
        else:
            conn.execute("PRAGMA foreign_keys=ON")
            journal = journal_mode(path)
            conn.execute(f"PRAGMA journal_mode={journal}")
            conn.execute("PRAGMA synchronous=NORMAL" if journal == "WAL"
                         else "PRAGMA synchronous=FULL")
    except sqlite3.Error:
        if conn is not None:
            _close(conn)
        return None
    return conn


# --- reading connections kept for the next quick read ------------------------------------

IDLE_KEPT = 2    # idle reading connections kept, in all (the window reads one file at a time)
_idle: list[_Reader] = []     # the one handed back last, last
_idle_lock = threading.Lock()
_closing_at_exit = False


class _Reader(sqlite3.Connection):
    """A reading connection of ``open_at_head``. Its first statement parses the database's
    schema (53 tables, indexes, triggers and the search index: ~0.6 ms, most of the cost of
    a quick read), so ``close()`` keeps it for the next quick read of the same file, once its
    transaction is ended (ROLLBACK: a reader changes nothing); the next ``open_at_head`` takes
    it after the same checks as a new one (the file there, an SQLite file at the head
    revision) when it is still the same file (not replaced by another). At most ``IDLE_KEPT``
    are kept, the oldest closed first; ``close_idle`` closes them (``Database.dispose``, and
    the process's end: no -wal or -shm file is left beside the database)."""

    key = ""
    ident: tuple[int, int] = (0, 0)
    out = False

    def taken(self, key: str, ident: tuple[int, int]) -> None:
        self.key, self.ident, self.out = key, ident, True

    def close(self) -> None:
        if not self.out:     # closed already (or kept already): nothing to hand back
            return
        self.out = False
        try:
            if self.in_transaction:
                self.rollback()
            self.row_factory = None
            self.text_factory = str
        except sqlite3.Error:
            pass
        if self.in_transaction or not self.ident[1]:
            # (a statement still running; a file system that gives no file number, so that a
            # file put in its place could not be told apart): not kept
            self.close_for_good()
            return
        _keep(self)

    def close_for_good(self) -> None:
        self.out = False
        with contextlib.suppress(sqlite3.Error):
            sqlite3.Connection.close(self)


def _close(conn: sqlite3.Connection) -> None:
    sqlite3.Connection.close(conn)


def _keep(conn: _Reader) -> None:
    global _closing_at_exit
    with _idle_lock:
        _idle.append(conn)
        oldest = _idle.pop(0) if len(_idle) > IDLE_KEPT else None
        if not _closing_at_exit:
            import atexit
            atexit.register(close_idle)
            _closing_at_exit = True
    if oldest is not None:
        oldest.close_for_good()


def _idle_reader(key: str, ident: tuple[int, int]) -> _Reader | None:
    """An idle reading connection to the file at ``key`` (``ident``: its device and inode
    now), or None. One to a file since replaced is closed."""
    with _idle_lock:
        found = next((c for c in reversed(_idle) if c.key == key), None)
        if found is not None:
            _idle.remove(found)
    if found is None:
        return None
    if found.ident != ident:
        found.close_for_good()
        return None
    found.out = True
    return found


def close_idle(url: str | None = None) -> None:
    """Close the idle reading connections kept for ``url``'s file (every one when None)."""
    path = sqlite_file(url) if url is not None else None
    if url is not None and path is None:
        return
    key = str(path.resolve()) if path is not None else None
    with _idle_lock:
        kept = [c for c in _idle if key is None or c.key == key]
        _idle[:] = [c for c in _idle if c not in kept]
    for conn in kept:
        conn.close_for_good()


# --- the writing side (services/import_lite.py) -------------------------------------------

def _writer_pragmas(conn: sqlite3.Connection, path: Path) -> None:
    """The pragmas db/engine.py gives SQLAlchemy's connections."""
    conn.execute(f"PRAGMA busy_timeout={int(busy_timeout() * 1000)}")
    conn.execute("PRAGMA foreign_keys=ON")
    journal = journal_mode(path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("PRAGMA synchronous=NORMAL" if journal == "WAL" else "PRAGMA synchronous=FULL")


def create_at_head(url: str) -> sqlite3.Connection | None:
    """A new SQLite file for ``url`` with the schema ``db/schema.py`` gives a new database
    (every table, the search index and its triggers, the version row: db/lite_schema.py), as a
    writing connection like ``open_at_head(url, write=True)``'s; None when ``url`` is not a
    plain SQLite file, the file exists already, the generated schema is not at the head
    revision, or SQLite refuses (the caller then takes the full path, which explains)."""
    from desktop_app.db import lite_schema

    path = sqlite_file(url)
    head = plain_head_revision()
    if path is None or head is None or head != lite_schema.HEAD or path.exists() \
            or not path.parent.is_dir():
        return None
    conn = None
    try:
        # the file is made here or not at all: mode=rwc on a name nobody has yet
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rwc", uri=True,
                               timeout=busy_timeout(), isolation_level=None,
                               check_same_thread=False)
        _writer_pragmas(conn, path)
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            conn.execute("ROLLBACK")   # someone else made it meanwhile
            conn.close()
            return None
        for sql in lite_schema.SCHEMA:
            conn.execute(sql)
        conn.execute(f"INSERT INTO {VERSION_TABLE} (version_num) VALUES (?)", (head,))
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn is not None:
            conn.close()
        return None
    return conn


def backup_copy(source: Path, folder: Path, reason: str, keep: int = 10) -> Path:
    """Copy a live SQLite file with the online backup API into ``folder``, keeping the last
    ``keep`` backups made for the same database (db/schema.py ``backup_sqlite``)."""
    import datetime as dt

    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{source.stem}-{stamp}-{reason}.db"
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    olds = sorted(folder.glob(f"{source.stem}-*.db"))
    for old in olds[:-keep]:
        old.unlink(missing_ok=True)
    return target
