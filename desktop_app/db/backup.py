"""Backups of the database, and where-is-it checks (restores: db.restore)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from desktop_app.db import location
from desktop_app.db.engine import Database, DatabaseError
from desktop_app.db.schema import backup_sqlite, sqlite_path

NETWORK_FS = location.NETWORK_FS
network_location = location.network_location   # kept here for older callers


def network_warning(db: Database) -> str | None:
    """The network-share or OneDrive warning for an SQLite database (see ``db.location``)."""
    path = sqlite_path(db)
    if path is None:
        return None
    return location.sqlite_warning(path)


def backup(db: Database, target: Path | None = None, reason: str = "manual") -> Path:
    """Copy the live database. SQLite: the online backup API (safe while others use it);
    PostgreSQL: pg_dump in custom format."""
    path = sqlite_path(db)
    if path is not None:
        if target is None:
            from desktop_app import paths
            return backup_sqlite(path, paths.backup_dir(), reason)
        tmp = target.with_suffix(target.suffix + ".partial")
        try:
            if target.is_dir():
                raise IsADirectoryError(21, "it is a folder")
            if target.parent.exists() and not target.parent.is_dir():
                raise NotADirectoryError(20, f"{target.parent} is a file, not a folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            src, dst = sqlite3.connect(str(path)), sqlite3.connect(str(tmp))
            try:
                with dst:
                    src.backup(dst)
            finally:
                src.close()
                dst.close()
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            why = getattr(exc, "strerror", None) or str(exc)
            raise DatabaseError(f"{target}: cannot write the backup: {why}") from None
        return target
    if db.engine.dialect.name == "postgresql":
        dump = shutil.which("pg_dump")
        if not dump:
            raise DatabaseError("pg_dump is not installed: back up the PostgreSQL server with "
                                "your usual server backups")
        if target is None:
            from desktop_app import paths
            target = paths.backup_dir() / f"postgres-{reason}.dump"
        url = db.engine.url
        env = dict(os.environ)
        if url.password:
            env["PGPASSWORD"] = str(url.password)
        args = [dump, "-Fc", "-f", str(target), "-d", url.database or "postgres"]
        if url.username:
            args += ["-U", url.username]
        host = url.host or url.query.get("host")
        if host:
            args += ["-h", str(host)]
        port = url.port or url.query.get("port")
        if port:
            args += ["-p", str(port)]
        done = subprocess.run(args, env=env, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", check=False)
        if done.returncode != 0:
            said = " ".join((done.stderr or "").split())[:200] or f"exit {done.returncode}"
            raise DatabaseError(f"{target}: pg_dump could not write the backup ({said})")
        return target
    raise DatabaseError(f"backups of {db.engine.dialect.name} databases are not supported")


def backup_before(db: Database, reason: str) -> Path | None:
    """The automatic, rotated backup taken before an import or a migration (SQLite only: a
    PostgreSQL server is backed up by its administrators)."""
    path = sqlite_path(db)
    if path is None or not path.exists():
        return None
    return backup(db, None, reason)
