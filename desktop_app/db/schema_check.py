"""Is a database's schema the one this version of the app expects?

The expected schema is read from a database freshly created in memory (the models' tables,
columns, indexes; no triggers, no views) and the head Alembic revision. ``schema_problems``
compares a database with it: a dropped table or column, a missing or extra index, an extra
table, view or trigger (a trigger that deletes rows is how a tampered backup would quietly
lose work), or another schema revision. It works on SQLite and PostgreSQL alike, so that
``restore`` can check a backup before taking it, and ``check`` the live database.
"""

from __future__ import annotations

import dataclasses
import functools

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection

from desktop_app.db import search_index
from desktop_app.db.models import Base

VERSION_TABLE = "alembic_version"
_INTERNAL_TABLES = {VERSION_TABLE, "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}


@dataclasses.dataclass(frozen=True)
class SchemaShape:
    tables: dict[str, frozenset[tuple[str, bool]]]           # table -> (column, nullable)
    indexes: frozenset[tuple[str, str, tuple[str, ...], bool]]   # table, name, columns, unique
    triggers: frozenset[tuple[str, str]]                     # table, trigger
    views: frozenset[str]
    revision: str | None


def _triggers(conn: Connection) -> frozenset[tuple[str, str]]:
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'").all()
    elif conn.dialect.name == "postgresql":
        rows = conn.execute(text(
            "SELECT DISTINCT event_object_table, trigger_name FROM information_schema.triggers "
            "WHERE trigger_schema = current_schema()")).all()
    else:
        rows = []
    return frozenset((str(t), str(n)) for t, n in rows)


def shape_of(conn: Connection) -> SchemaShape:
    """What the database behind ``conn`` holds."""
    insp = inspect(conn)
    tables: dict[str, frozenset[tuple[str, bool]]] = {}
    indexes: set[tuple[str, str, tuple[str, ...], bool]] = set()
    for table in insp.get_table_names():
        if table in _INTERNAL_TABLES:
            continue
        tables[table] = frozenset((c["name"], bool(c["nullable"]))
                                  for c in insp.get_columns(table))
        for index in insp.get_indexes(table):
            if index.get("duplicates_constraint") or not index.get("name"):
                continue       # PostgreSQL's index behind a unique constraint
            columns = index["column_names"]
            indexes.add((table, str(index["name"]),
                         ("(expression)",) if None in columns else tuple(str(c) for c in columns),
                         bool(index["unique"])))
    revision = None
    if insp.has_table(VERSION_TABLE):
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
        revision = ",".join(sorted(str(r[0]) for r in rows)) or None
    return SchemaShape(tables, frozenset(indexes), _triggers(conn),
                       frozenset(insp.get_view_names()), revision)


@functools.lru_cache(maxsize=2)
def expected_shape(dialect: str = "sqlite") -> SchemaShape:
    """The schema of a database this version creates (at the head revision). It is read from
    one made in memory on SQLite; on PostgreSQL the search index is expression indexes
    instead of SQLite's FTS5 table and triggers (db/search_index.py)."""
    from desktop_app.db.schema import head_revision
    engine = create_engine("sqlite://")
    try:
        Base.metadata.create_all(engine)
        with engine.connect() as conn:
            shape = shape_of(conn)
    finally:
        engine.dispose()
    shape = dataclasses.replace(shape, revision=head_revision())
    if dialect != "postgresql":
        return shape
    search_triggers = search_index.expected_triggers()
    return dataclasses.replace(
        shape,
        tables={t: c for t, c in shape.tables.items() if not search_index.is_search_table(t)},
        triggers=shape.triggers - search_triggers,
        indexes=shape.indexes | {(table, name, ("(expression)",), False)
                                 for table, name in search_index.expected_pg_indexes()})


def compare(actual: SchemaShape, expected: SchemaShape | None = None) -> list[str]:
    """Each way ``actual`` differs from the expected schema, as a short phrase."""
    expected = expected or expected_shape()
    problems: list[str] = []
    if actual.revision != expected.revision:
        problems.append(f"schema version {actual.revision or 'missing'}, expected "
                        f"{expected.revision}")
    for table in sorted(set(expected.tables) - set(actual.tables)):
        problems.append(f"table {table} is missing")
    for table in sorted(set(actual.tables) - set(expected.tables)):
        problems.append(f"unexpected table {table}")
    for table in sorted(set(expected.tables) & set(actual.tables)):
        want = dict(expected.tables[table])
        have = dict(actual.tables[table])
        for column in sorted(set(want) - set(have)):
            problems.append(f"column {table}.{column} is missing")
        for column in sorted(set(have) - set(want)):
            problems.append(f"unexpected column {table}.{column}")
        for column in sorted(set(want) & set(have)):
            if want[column] != have[column]:
                problems.append(f"column {table}.{column} is "
                                f"{'nullable' if have[column] else 'NOT NULL'}")
    for _t, name, cols, unique in sorted(expected.indexes - actual.indexes):
        problems.append(f"index {name} ({', '.join(cols)}{', unique' if unique else ''}) "
                        "is missing or different")
    for _t, name, _c, _u in sorted(actual.indexes - expected.indexes):
        if not any(name == e[1] for e in expected.indexes):
            problems.append(f"unexpected index {name}")
    for table, name in sorted(actual.triggers - expected.triggers):
        problems.append(f"unexpected trigger {name} on {table}")
    for view in sorted(actual.views - expected.views):
        problems.append(f"unexpected view {view}")
    return problems


def _search_trigger_problems(conn: Connection) -> list[str]:
    """A search trigger must be the one this version writes, word for word: one that has been
    rewritten to delete rows would pass a check of names alone."""
    if conn.dialect.name != "sqlite":
        return []
    have = dict(conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
    problems = []
    if not search_index.expected_triggers():
        return []          # no FTS5 in this Python: no index expected
    for name, sql in search_index.sqlite_triggers().items():
        want = " ".join(sql.replace(" IF NOT EXISTS", "").split())
        if name not in have:
            problems.append(f"trigger {name} is missing (the search index misses changes)")
        elif " ".join(str(have[name]).split()) != want:
            problems.append(f"trigger {name} is not the one this version writes")
    return problems


def schema_problems(conn: Connection) -> list[str]:
    return compare(shape_of(conn), expected_shape(conn.dialect.name)) + \
        _search_trigger_problems(conn)
