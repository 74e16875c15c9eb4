"""Backups and restores of the database, and the where-is-it warning, for the upper floors
(the ``backup``/``restore``/``check`` commands, File > Back up). The work is done in
``db.backup``: the online backup API for SQLite, pg_dump/pg_restore for PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from desktop_app.db.backup import backup, backup_before, network_warning
from desktop_app.db.engine import Database, DatabaseError
from desktop_app.db.restore import restore
from desktop_app.db.schema import backup_sqlite, sqlite_path
from desktop_app.db.schema_check import schema_problems

__all__ = ["backup", "backup_before", "backup_to_folder", "check_database", "database_file",
           "network_warning", "restore"]


def database_file(db: Database) -> Path | None:
    """The SQLite file behind ``db``; None for a database on a server."""
    return sqlite_path(db)


def backup_to_folder(db: Database, folder: Path, reason: str = "manual") -> Path:
    """A dated copy of the SQLite file in ``folder`` (rotated as the automatic ones are)."""
    source = sqlite_path(db)
    if source is None:
        raise DatabaseError("this database is on a server: back it up with the server's tools "
                         "(for PostgreSQL, pg_dump)")
    return backup_sqlite(source, Path(folder), reason)


def check_database(db: Database) -> list[str]:
    """What is wrong with the live database, as short phrases (empty when nothing): SQLite's
    full integrity check and reference check, and the schema compared with the one this
    version expects (tables, columns, indexes, triggers, views, revision)."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        if db.is_sqlite:
            result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if result != ["ok"]:
                problems.append(f"integrity check: {result[0]}")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                problems.append(f"{len(broken)} broken reference(s), first in table "
                                f"{broken[0][0]}")
        problems += schema_problems(conn)
    return problems
