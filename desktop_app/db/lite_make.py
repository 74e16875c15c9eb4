"""Writes db/lite_schema.py: what the quick sqlite3 writer (db/lite.py ``create_at_head``,
services/import_lite.py) needs to know of the schema without importing SQLAlchemy, taken from
what ``schema._create_at_head`` makes NOW (tables, indexes, the search index and its triggers,
the version table) and from ``Base.metadata`` (column order, the columns SQLAlchemy converts,
text lengths). tests/unit/test_import_lite.py fails when the file is not what this would write,
so it cannot drift from the models:

    python -m desktop_app.db.lite_make      # rewrite desktop_app/db/lite_schema.py
"""

from __future__ import annotations

import enum
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, String, Time

from desktop_app.db import search_index
from desktop_app.db.engine import Database, make_engine
from desktop_app.db.models import Base, StoredEnum
from desktop_app.db.revision import plain_head_revision

TARGET = Path(__file__).with_name("lite_schema.py")


def schema_rows(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    """(type, name, table, sql) of ``sqlite_master`` in creation order."""
    return [tuple(r) for r in conn.execute(  # type: ignore[misc]
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")]


def _made_at_head() -> tuple[list[str], str]:
    """The CREATE statements ``_create_at_head`` runs on a new SQLite database, in order (the
    tables FTS5 makes for itself left out: they come with its CREATE VIRTUAL TABLE)."""
    from desktop_app.db.schema import _create_at_head

    head = plain_head_revision()
    if head is None:
        raise RuntimeError("the migrations are not a plain chain: no quick schema")
    db = Database(make_engine("sqlite://"), "sqlite://")
    try:
        _create_at_head(db, head)
        with db.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            rows = schema_rows(raw)
    finally:
        db.dispose()
    shadows = {f"{search_index.TABLE}_{s}" for s in ("data", "idx", "content", "docsize",
                                                      "config")}
    kept = [(kind, name, sql) for kind, name, _table, sql in rows if sql and name not in shadows]
    # a table's indexes come from a set (their order changes from run to run): by name
    out: list[str] = []
    run: list[tuple[str, str]] = []
    for kind, name, sql in [*kept, ("end", "", "")]:
        if kind == "index":
            run.append((name, sql))
            continue
        out.extend(sql for _name, sql in sorted(run))
        run = []
        if kind != "end":
            out.append(sql)
    return out, head


def _kind(column) -> str | None:
    t = column.type
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, Time):
        return "time"
    if isinstance(t, Boolean):
        return "bool"
    return None


def _default(column) -> object:
    """A column's Python-side default as the quick writer takes it: a plain value, or NOW for
    the timestamps' callable (models._now)."""
    default = column.default
    if default.is_callable:
        if default.arg.__name__ != "_now":   # pragma: no cover - a new kind of default
            raise RuntimeError(f"{column}: a callable default lite_make does not know")
        return "NOW"
    value = default.arg
    return value.value if isinstance(value, enum.Enum) else value


def generate() -> str:
    statements, head = _made_at_head()
    tables = Base.metadata.sorted_tables
    lines = [
        '"""Written by ``python -m desktop_app.db.lite_make`` (db/lite_make.py): do not edit.',
        "",
        "The schema a new database gets at the head revision, and what the quick sqlite3 writer",
        "needs to know of the models, without importing SQLAlchemy; tests/unit/test_import_lite.py",
        'checks that this file is what lite_make would write now."""',
        "",
        f"HEAD = {head!r}",
        "",
        "# sqlite_master's statements in order, as schema._create_at_head makes them",
        "SCHEMA: tuple[str, ...] = (",
        *(f"    {sql!r}," for sql in statements),
        ")",
        "",
        "# every column of each table, in order",
        "COLUMNS: dict[str, tuple[str, ...]] = {",
        *(f"    {t.name!r}: {tuple(c.name for c in t.columns)!r}," for t in tables),
        "}",
        "",
        "# the columns SQLAlchemy converts on the way in: date, datetime, time, bool",
        "CONVERTED: dict[str, dict[str, str]] = {",
        *(f"    {t.name!r}: {dict((c.name, k) for c in t.columns if (k := _kind(c)))!r},"
          for t in tables),
        "}",
        "",
        "# the Python-side defaults the ORM fills in (NOW: the time of the insert)",
        "DEFAULTS: dict[str, dict[str, object]] = {",
        *(f"    {t.name!r}: "
          f"{dict((c.name, _default(c)) for c in t.columns if c.default is not None)!r},"
          for t in tables),
        "}",
        "",
        "# the columns stored as a domain.enums vocabulary (models.StoredEnum): checked on the way in",
        "ENUMS: dict[str, dict[str, str]] = {",
        *(f"    {t.name!r}: "
          f"{dict((c.name, c.type.enum_class.__name__) for c in t.columns if isinstance(c.type, StoredEnum))!r},"
          for t in tables),
        "}",
        "",
        "# the length of each VARCHAR column",
        "LENGTHS: dict[str, dict[str, int]] = {",
        *(f"    {t.name!r}: "
          f"{dict((c.name, c.type.length) for c in t.columns if isinstance(c.type, String) and c.type.length)!r},"
          for t in tables),
        "}",
        "",
        "# db/search_index.py: the search index takes in the rows its triggers noted",
        f"SEARCH_TABLE = {search_index.TABLE!r}",
        "SEARCH_APPLY: tuple[str, ...] = (",
        *(f"    {sql!r}," for sql in search_index._apply_statements()),
        ")",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    TARGET.write_text(generate(), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
