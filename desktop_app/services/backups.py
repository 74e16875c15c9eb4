"""Backups and restores of the database, and the where-is-it warning, for the upper floors
(the ``backup``/``restore``/``check`` commands, File > Back up). The work is done in
``db.backup``: the online backup API for SQLite, pg_dump/pg_restore for PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from desktop_app.db.backup import backup, backup_before, network_warning, restore
from desktop_app.db.engine import Database, DatabaseError
from desktop_app.db.schema import backup_sqlite, sqlite_path

__all__ = ["backup", "backup_before", "backup_to_folder", "database_file", "network_warning",
           "restore"]


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
