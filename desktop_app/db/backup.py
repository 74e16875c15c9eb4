"""Backups of the database, and where-is-it checks (restores: db.restore)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.db.engine import Database, DatabaseError
from desktop_app.db.schema import backup_sqlite, sqlite_path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs",
              "davfs", "fuse.davfs2", "glusterfs", "ceph"}


def network_location(path: Path) -> str | None:
    """Why ``path`` looks like a network location (SQLite is unsafe there), or None."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return "a network share (UNC path)"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes
        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
            return f"a network drive ({drive})"
        return None
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, fstype = "", ""
    resolved = str(path.resolve().parent)
    for line in mounts:
        parts = line.split()
        if (len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/"))
                and len(parts[1]) > len(best)):
            best, fstype = parts[1], parts[2]
    if fstype in NETWORK_FS:
        return f"a network file system ({fstype} at {best})"
    return None


def network_warning(db: Database) -> str | None:
    path = sqlite_path(db)
    if path is None:
        return None
    where = network_location(path)
    if where is None:
        return None
    return (f"warning: the database {path} is on {where}; SQLite files there can be corrupted "
            "when more than one computer uses them. A team should use PostgreSQL (see README).")


def backup(db: Database, target: Path | None = None, reason: str = "manual") -> Path:
    """Copy the live database. SQLite: the online backup API (safe while others use it);
    PostgreSQL: pg_dump in custom format."""
    path = sqlite_path(db)
    if path is not None:
        if target is None:
            from desktop_app import paths
            return backup_sqlite(path, paths.backup_dir(), reason)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".partial")
        src, dst = sqlite3.connect(str(path)), sqlite3.connect(str(tmp))
        try:
            with dst:
                src.backup(dst)
        finally:
            src.close()
            dst.close()
        os.replace(tmp, target)
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
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
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
