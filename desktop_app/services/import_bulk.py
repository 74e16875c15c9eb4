"""New rows in bulk, audited as the ORM listener would audit them one by one.

A 20,000-row action log added as ORM objects takes seconds (object set-up, the unit of work,
and the after-flush audit listener for each); as one multi-row insert it takes a fraction of
that. The audit trail must not notice the difference: each new row gets the same "insert"
row, with the same snapshot of its non-empty values, that ``db.audit`` writes for a row added
through the ORM (the tests compare the two).
"""

from __future__ import annotations

import datetime as dt
import operator
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop_app.db.models import AuditEntry
from desktop_app.domain.as_at import KNOWN_FROM_IMPORT
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_rows import snapshots

_SKIP = {"id", "created_at", "updated_at", "version"}  # as db.audit leaves them out


def insert_audited(session: Session, model: type, rows: list[dict[str, Any]],
                   committee_id: int, who: str) -> list[int]:
    """Insert ``rows`` (each a dict of every column but id and the timestamps) into
    ``model``'s table with their audit rows, marked known from the import; the new ids, in
    order."""
    table = model.__table__
    ids = _insert(session, table, rows)
    now = dt.datetime.now().replace(microsecond=0)
    columns = [c.key for c in table.columns if c.key not in _SKIP]
    name = str(table.name)  # not SQLAlchemy's quoted_name: the driver adapts it slowly
    audit_rows = [{"at": now, "who": who, "committee_id": committee_id, "table_name": name,
                   "row_id": row_id, "operation": "insert", "field": KNOWN_FROM_IMPORT, "old": None,
                   "new": text, "row_version": 1}
                  for row_id, text in zip(ids, snapshots(rows, columns))]
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        _sqlite_executemany(connection, AuditEntry.__table__, audit_rows)
    else:
        connection.execute(insert(AuditEntry.__table__), audit_rows)
    return ids


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``table``; their new ids, in order.

    Core rather than the ORM's bulk insert, whose RETURNING in parameter order is quadratic in
    the rows (SQLAlchemy 2.1; seconds for 20,000). SQLite returns rows one statement at a
    time, so there the rows go in one executemany and the ids are read back: the unit of work
    holds SQLite's write lock (BEGIN IMMEDIATE), so nobody else inserts meanwhile, and a table
    without AUTOINCREMENT numbers new rows on from its highest id. Other databases return the
    ids with the insert."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return list(connection.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
        ).scalars())
    before = connection.execute(select(func.max(table.c.id))).scalar() or 0
    _sqlite_executemany(connection, table, rows)
    ids = list(connection.execute(select(table.c.id).where(table.c.id > before)
                                  .order_by(table.c.id)).scalars())
    if len(ids) != len(rows):  # pragma: no cover - would mean another writer
        raise ServiceError(f"{table.name}: {len(ids)} rows appeared for {len(rows)} inserted; "
                           "nothing was imported")
    return ids


def _sqlite_executemany(connection: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """``connection.execute(insert(table), rows)`` for SQLite, straight to the driver's
    executemany: SQLAlchemy's per-row parameter handling costs more than SQLite's insert (half
    a second for 20,000 actions and their audit rows, measured). The values are still
    converted by each column type's own bind processor (dates as SQLAlchemy stores them), and
    columns the rows leave out take their defaults (created and updated now, version 1)."""
    dialect = connection.dialect
    columns = [c for c in table.columns if c.key != "id"]
    given = [c for c in columns if c.key in rows[0]]
    left_out = [c for c in columns if c.key not in rows[0]]
    defaults = []
    for c in left_out:
        if c.default is None:
            raise ValueError(f"{table.name}.{c.key}: no value and no default")
        defaults.append(c.default.arg(None) if c.default.is_callable else c.default.arg)
    processors = [(i, _memo(p)) for i, c in enumerate(given)
                  if (p := c.type.dialect_impl(dialect).bind_processor(dialect)) is not None
                  or (p := _plain_str if _str_subclass(rows[0][c.key]) else None) is not None]
    for n, c in enumerate(left_out):  # the same value in every row: converted once
        process = c.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            defaults[n] = process(defaults[n])
    values_of = operator.itemgetter(*(c.key for c in given))
    params = []
    for row in rows:
        values = [*values_of(row), *defaults]
        for i, process in processors:
            values[i] = process(values[i])
        params.append(tuple(values))
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} "
           f"({', '.join(quote(c.name) for c in given + left_out)}) "
           f"VALUES ({', '.join('?' * len(given + left_out))})")
    connection.exec_driver_sql(sql, params)


def _str_subclass(value: Any) -> bool:
    return isinstance(value, str) and value.__class__ is not str


def _plain_str(value: Any) -> Any:
    """A str subclass (a status StrEnum) as a plain str, which the driver binds at once."""
    return str(value) if isinstance(value, str) else value


def _memo(process: Any) -> Any:
    """``process`` remembering its answers: the same dates and words come again and again (a
    meeting's date on each of its actions). Bind processors are pure functions of the value."""
    seen: dict[Any, Any] = {}

    def memo(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = out = process(value)
            return out
        except TypeError:           # not hashable: converted each time
            return process(value)
    return memo
