"""The full-text index behind "Search everything" (issue 18), kept up to date by the database.

What is indexed, one entry per record (``SOURCES``): actions (text; progress, owner,
directorate, item, number), recommendations (text; the executive's response, item, addressee),
work programme items (title; current position, origin, lead officers, type), agenda items
(title; purpose, lead officers), minutes (an agenda item's minutes and resolutions, when it has
any) and attached report PDFs (title; the text pypdf extracted when the file was attached).

SQLite: one FTS5 table, ``search_index`` (porter stemmer over unicode61, diacritics folded),
whose rowid is ``record id * 8 + kind``. Triggers on each source table note every insert,
change and delete (the ORM, bulk imports, cascading deletes alike) in ``search_index_queue``,
and the index takes the noted rows in before the transaction commits (see QUEUE below) - except
after an import (services/import_apply.py, import_lite.py), whose rows wait in the queue until
the next search or the next other commit, which take them in first. PostgreSQL: one expression GIN index per source
(``to_tsvector('english', ...)``), which the server keeps current itself; queries repeat the
indexed expression so the planner uses it.

A new database gets these objects with ``Base.metadata.create_all`` (a listener on the
metadata); an old one from migration 0006. A later migration that rebuilds an indexed table on
SQLite (``batch_alter_table`` copies and renames it, dropping its triggers) is covered by
``restore_triggers``, which the migrations' env.py runs after every upgrade.

A Python whose SQLite lacks FTS5 gets no index (``fts5_available``): the app works, and search
says so in one line (see services/search.py).
"""

from __future__ import annotations

import dataclasses
import functools
import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection

TABLE = "search_index"
STRIDE = 8            # rowid = id * STRIDE + kind
PG_CONFIG = "english"
HIGHLIGHT = ("\u27e6", "\u27e7")   # the match in a snippet: ⟦ ⟧
SEPARATOR = "'\n'"       # between the fields of a body (a snippet shows them apart)


@dataclasses.dataclass(frozen=True)
class Source:
    kind: str            # the result kind (services.search names them for people)
    code: int            # 1..7, the low part of the rowid
    table: str
    title: str           # SQL over alias {r}: the record's own words
    body: tuple[str, ...]   # columns of {r} joined into the searchable body
    committee: str       # SQL giving the committee id, over alias {r}
    when: str = ""       # SQL over {r}: only such rows have an entry

    @property
    def columns(self) -> tuple[str, ...]:
        named = {self.title, *self.body}
        extra = ("meeting_id",) if "meeting_id" in self.committee else \
            ("agenda_item_id",) if "agenda_item_id" in self.committee else ("committee_id",)
        return tuple(sorted(named | set(extra)))

    def body_sql(self, r: str) -> str:
        return f" || {SEPARATOR} || ".join(f"coalesce({r}.{c}, '')" for c in self.body)

    def title_sql(self, r: str) -> str:
        return f"coalesce({r}.{self.title}, '')"

    def committee_sql(self, r: str) -> str:
        return self.committee.format(r=r)

    def when_sql(self, r: str) -> str:
        return self.when.format(r=r)

    def tsvector_sql(self, r: str | None = None) -> str:
        prefix = f"{r}." if r else ""
        parts = f" || {SEPARATOR} || ".join(f"coalesce({prefix}{c}, '')"
                                     for c in (self.title, *self.body))
        return f"to_tsvector('{PG_CONFIG}'::regconfig, {parts})"

    @property
    def pg_index(self) -> str:
        return f"ix_search_{self.kind}"


_VIA_MEETING = "(SELECT m.committee_id FROM meetings AS m WHERE m.id = {r}.meeting_id)"
_VIA_ITEM = ("(SELECT m.committee_id FROM agenda_items AS i JOIN meetings AS m "
             "ON m.id = i.meeting_id WHERE i.id = {r}.agenda_item_id)")
_HAS_MINUTES = "({r}.minutes_text <> '' OR {r}.resolutions <> '')"

SOURCES: tuple[Source, ...] = (
    Source("action", 1, "actions", "text",
           ("progress", "owner", "directorate", "item_title", "ref"), "{r}.committee_id"),
    Source("recommendation", 2, "recommendations", "text",
           ("response", "item_title", "addressee", "label"), "{r}.committee_id"),
    Source("work_item", 3, "work_programme_items", "title",
           ("current_position", "origin", "lead_officers", "scrutiny_type"), "{r}.committee_id"),
    Source("agenda_item", 4, "agenda_items", "title", ("purpose", "lead_officers"),
           _VIA_MEETING),
    Source("minutes", 5, "agenda_items", "title", ("minutes_text", "resolutions"),
           _VIA_MEETING, when=_HAS_MINUTES),
    Source("attachment", 6, "attachments", "title", ("text_content",), _VIA_ITEM),
)
BY_KIND = {s.kind: s for s in SOURCES}
BY_CODE = {s.code: s for s in SOURCES}


@functools.lru_cache(maxsize=1)
def fts5_available() -> bool:
    """Does this Python's SQLite have the FTS5 extension? (Debian's does.)"""
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        return True
    except sqlite3.Error:
        return False
    finally:
        con.close()


def is_search_table(name: str) -> bool:
    return name == TABLE or name.startswith(TABLE + "_")


def include_name(name: str | None, type_: str, _parent_names: Any) -> bool:
    """Alembic's autogenerate leaves the index alone (it is made by create/migration 0006,
    not from the models): pass as ``include_name`` (the migrations' env.py does)."""
    if type_ == "table":
        return not is_search_table(name or "")
    if type_ == "index":
        return not (name or "").startswith("ix_search_")
    return True


# --- SQLite ------------------------------------------------------------------------------
# The triggers only note which entries are stale (``QUEUE``, a plain table): FTS5 written from
# inside a trigger flushes its pending terms at every statement, about seven times slower than
# the same rows written in one statement (10,000 actions: 1.5 s against 0.2 s). The stale
# entries are written in one go by ``apply_queue``, before every commit of the app's sessions
# (``install_session_hook``; not an import's: DEFERRED) and before every search.

QUEUE = f"{TABLE}_queue"


def _sqlite_table_sql() -> list[str]:
    return [f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(committee_id UNINDEXED, "
            "title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
            f"CREATE TABLE IF NOT EXISTS {QUEUE} (row_key INTEGER NOT NULL PRIMARY KEY)"]


def _insert_sql(source: Source, where: str = "") -> str:
    r = "r"
    values = (f"{r}.id * {STRIDE} + {source.code}, {source.committee_sql(r)}, "
              f"{source.title_sql(r)}, {source.body_sql(r)}")
    conds = [c for c in (where, source.when_sql(r) if source.when else "") if c]
    tail = f" WHERE {' AND '.join(conds)}" if conds else ""
    return (f"INSERT INTO {TABLE} (rowid, committee_id, title, body) "
            f"SELECT {values} FROM {source.table} AS {r}{tail}")


def _note_sql(source: Source, r: str) -> str:
    return f"INSERT OR IGNORE INTO {QUEUE} (row_key) VALUES ({r}.id * {STRIDE} + {source.code})"


def sqlite_triggers() -> dict[str, str]:
    """Trigger name -> its CREATE statement (``IF NOT EXISTS``)."""
    out: dict[str, str] = {}
    for s in SOURCES:
        base = f"search_{s.kind}"
        cols = ", ".join(s.columns)
        out[f"{base}_ai"] = (f"CREATE TRIGGER IF NOT EXISTS {base}_ai AFTER INSERT ON {s.table} "
                             f"BEGIN {_note_sql(s, 'NEW')}; END")
        out[f"{base}_ad"] = (f"CREATE TRIGGER IF NOT EXISTS {base}_ad AFTER DELETE ON {s.table} "
                             f"BEGIN {_note_sql(s, 'OLD')}; END")
        out[f"{base}_au"] = (f"CREATE TRIGGER IF NOT EXISTS {base}_au AFTER UPDATE OF {cols} "
                             f"ON {s.table} BEGIN {_note_sql(s, 'OLD')}; {_note_sql(s, 'NEW')}; "
                             "END")
    return out


def expected_triggers() -> frozenset[tuple[str, str]]:
    """(table, trigger) pairs the index keeps on SQLite."""
    if not fts5_available():
        return frozenset()
    return frozenset((s.table, f"search_{s.kind}_{op}") for s in SOURCES
                     for op in ("ai", "ad", "au"))


def _has_sqlite_index(conn: Connection) -> bool:
    return conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
        (TABLE,)).scalar() == 1


def _apply_statements() -> list[str]:
    stale = f"SELECT row_key FROM {QUEUE}"
    return ([f"DELETE FROM {TABLE} WHERE rowid IN ({stale})"]
            + [_insert_sql(s, f"r.id IN (SELECT row_key / {STRIDE} FROM {QUEUE} "
                              f"WHERE row_key % {STRIDE} = {s.code})") for s in SOURCES]
            + [f"DELETE FROM {QUEUE}"])


def _rebuild_statements() -> list[str]:
    return [f"DELETE FROM {TABLE}", f"DELETE FROM {QUEUE}"] + \
        [_insert_sql(s) for s in SOURCES]


def pending(conn: Connection) -> bool:
    """Are there changes the SQLite index has not taken in yet?"""
    if conn.dialect.name != "sqlite" or not _has_sqlite_index(conn):
        return False
    return bool(conn.exec_driver_sql(f"SELECT EXISTS (SELECT 1 FROM {QUEUE})").scalar())


def apply_queue(conn: Connection) -> None:
    """Bring the SQLite index up to date with the rows the triggers noted (in the caller's
    transaction)."""
    if pending(conn):
        for sql in _apply_statements():
            conn.exec_driver_sql(sql)


# ``session.info[DEFERRED] = True``: this session's commit leaves the queue as it is (a bulk
# import: its rows are indexed at the next search, or by the next commit that is not deferred)
DEFERRED = "search_index_deferred"


def install_session_hook(sessions) -> None:
    """Before each commit of a session made by ``sessions``, the index takes in its changes,
    in the same transaction (unless the session says DEFERRED)."""
    def before_commit(session) -> None:
        session.flush()
        if session.info.get(DEFERRED):
            return
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            apply_queue(conn)
    event.listen(sessions, "before_commit", before_commit)


def rebuild(conn: Connection) -> None:
    """Empty the SQLite index and fill it again from the source tables."""
    if conn.dialect.name != "sqlite" or not _has_sqlite_index(conn):
        return
    for sql in _rebuild_statements():
        conn.exec_driver_sql(sql)


def rebuild_raw(conn: sqlite3.Connection) -> None:
    """``rebuild`` on a plain sqlite3 connection (restore works on one)."""
    for sql in _rebuild_statements():
        conn.execute(sql)


def restore_triggers(conn: Connection) -> None:
    """Re-create any trigger a table rebuild dropped (SQLite), when the index exists."""
    if conn.dialect.name != "sqlite" or not _has_sqlite_index(conn):
        return
    have = {r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [sql for name, sql in sqlite_triggers().items() if name not in have]
    for sql in missing:
        conn.exec_driver_sql(sql)
    if missing:
        rebuild(conn)   # rows changed while a trigger was missing are indexed again


# --- PostgreSQL --------------------------------------------------------------------------

def pg_index_sql(source: Source) -> str:
    where = f" WHERE {source.when.replace('{r}.', '')}" if source.when else ""
    return (f"CREATE INDEX IF NOT EXISTS {source.pg_index} ON {source.table} "
            f"USING gin (({source.tsvector_sql()})){where}")


def expected_pg_indexes() -> frozenset[tuple[str, str]]:
    return frozenset((s.table, s.pg_index) for s in SOURCES)


# --- both --------------------------------------------------------------------------------

def create(conn: Connection) -> None:
    """Create the index for the database behind ``conn`` and fill it from the data there."""
    if conn.dialect.name == "sqlite":
        if not fts5_available():
            return
        for sql in _sqlite_table_sql():
            conn.exec_driver_sql(sql)
        for sql in sqlite_triggers().values():
            conn.exec_driver_sql(sql)
        rebuild(conn)
    elif conn.dialect.name == "postgresql":
        for s in SOURCES:
            conn.exec_driver_sql(pg_index_sql(s))


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in sqlite_triggers():
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {QUEUE}")
    elif conn.dialect.name == "postgresql":
        for s in SOURCES:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {s.pg_index}")


def install(metadata) -> None:
    """Every ``metadata.create_all`` also creates the index (a new database, the expected
    schema in db.schema_check, tests)."""
    event.listen(metadata, "after_create",
                 lambda _target, connection, **_kw: create(connection))
