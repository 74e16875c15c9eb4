"""Backups and restores of the database, and where-is-it checks."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.db.engine import Database, DatabaseError
from desktop_app.db.schema import alembic_config, backup_sqlite, head_revision, sqlite_path

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
        subprocess.run(args, check=True, env=env, capture_output=True)
        return target
    raise DatabaseError(f"backups of {db.engine.dialect.name} databases are not supported")


def backup_before(db: Database, reason: str) -> Path | None:
    """The automatic, rotated backup taken before an import or a migration (SQLite only: a
    PostgreSQL server is backed up by its administrators)."""
    path = sqlite_path(db)
    if path is None or not path.exists():
        return None
    return backup(db, None, reason)


def restore(db: Database, source: Path) -> Path:
    """Replace the SQLite database's contents with ``source`` (a backup), after backing up the
    current contents. Returns the safety backup's path."""
    path = sqlite_path(db)
    if path is None:
        raise DatabaseError("restore works on SQLite files; restore a PostgreSQL database "
                            "with pg_restore")
    if not source.is_file():
        raise DatabaseError(f"{source}: no such backup file")
    with open(source, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise DatabaseError(f"{source}: not a Scrutiny Tracker backup (not an SQLite file)")
    check = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise DatabaseError(f"{source}: the backup file is damaged")
        try:
            revision = check.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            revision = None
    finally:
        check.close()
    if revision is None:
        raise DatabaseError(f"{source}: not a Scrutiny Tracker backup (no schema version)")
    from alembic.script import ScriptDirectory
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision[0])
    except Exception:  # noqa: BLE001
        raise DatabaseError(f"{source}: made by a newer version of Scrutiny Tracker "
                            f"(schema {revision[0]}, this version knows up to {head_revision()})") from None
    safety = backup(db, None, "before-restore")
    db.engine.dispose()
    src, dst = sqlite3.connect(str(source)), sqlite3.connect(str(path))
    try:
        src.backup(dst)  # one transaction on the destination: all or nothing
    finally:
        src.close()
        dst.close()
    return safety
