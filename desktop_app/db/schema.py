"""Opening a database: create a new one at the head revision, upgrade an old one (after a
backup), refuse one written by a newer version of the app, and check SQLite files for damage.

Alembic is imported only when it has work to do (create, stamp, upgrade, an unknown revision):
opening a database that is already at the head revision - every start but the first after an
upgrade - reads ``alembic_version`` with one query and compares it with the head revision read
from the migration files, which saves the ~0.3 s that importing Alembic costs.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table, inspect, text
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.db.engine import Database, DatabaseError, make_engine
from desktop_app.db.models import Base
from desktop_app.db.lite import backup_copy
from desktop_app.db.revision import MIGRATIONS, VERSION_TABLE, plain_head_revision

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
BACKUPS_KEPT = 10

def alembic_config() -> Config:
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _stored_revision(conn) -> tuple[str, ...] | None:
    """The rows of the version table, or None when there is no version table."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return tuple(r[0] for r in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")))


def head_revision() -> str:
    from alembic.script import ScriptDirectory
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the package carries no migrations")
    return head


def sqlite_path(db: Database) -> Path | None:
    if not db.is_sqlite:
        return None
    name = db.engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def backup_sqlite(source: Path, folder: Path, reason: str, keep: int = BACKUPS_KEPT) -> Path:
    """Copy a live SQLite file with the online backup API into ``folder``, keeping the last
    ``keep`` backups made for the same database (db/lite.py, which the quick import uses too)."""
    return backup_copy(source, folder, reason, keep)


def _revision(conn) -> str | None:
    from alembic.runtime.migration import MigrationContext
    return MigrationContext.configure(conn).get_current_revision()


def _check_sqlite(db: Database) -> None:
    path = sqlite_path(db)
    if path is None:
        return
    if not path.exists():
        folder = path.parent
        if not folder.is_dir():
            raise DatabaseError(f"{path}: the folder {folder} does not exist (is the drive or "
                                "the network share connected?)", "missing")
        if not os.access(folder, os.W_OK):
            raise DatabaseError(f"{path}: cannot create the database there: the folder is "
                                "read-only for you", "read-only")
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        what = "the file" if not os.access(path, os.W_OK) else "its folder"
        raise DatabaseError(f"{path}: the database is read-only ({what} cannot be written)",
                            "read-only")
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise DatabaseError(f"{path}: not a Scrutiny Tracker database (not an SQLite file)",
                                "damaged")
        with db.engine.connect() as conn:
            result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
    except PermissionError as exc:
        raise DatabaseError(f"{path}: another program holds the file ({exc.strerror})",
                            "locked") from None
    except SqlDatabaseError as exc:
        raise classify_error(path, exc.orig) from None
    if result != "ok":
        raise DatabaseError(f"{path}: the database file is damaged ({result}); restore a backup "
                            "with 'scrutiny-tracker restore FILE'", "damaged")


def classify_error(where: Path | str, error: BaseException | None) -> DatabaseError:
    """A DatabaseError with its reason for an error SQLite gave while opening ``where``."""
    text = str(error)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return DatabaseError(f"{where}: the database is locked by another program ({text})",
                             "locked")
    if "readonly" in low or "read-only" in low:
        return DatabaseError(f"{where}: the database is read-only ({text})", "read-only")
    if "unable to open" in low:
        return DatabaseError(f"{where}: the database file cannot be opened ({text}): the folder "
                             "may be missing or not allowed to you", "missing")
    return DatabaseError(f"{where}: the database file is damaged ({text}); restore a backup",
                         "damaged")


def open_database(url: str, *, backups: Path | None = None, migrate: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``url``."""
    db = Database(make_engine(url), url)
    try:
        _check_sqlite(db)
        ensure_schema(db, backups=backups, migrate=migrate)
    except SqlDatabaseError as exc:
        db.dispose()
        path = sqlite_path(db)
        if path is not None:
            raise classify_error(path, exc.orig) from None
        raise DatabaseError(f"{db.engine.url.render_as_string(hide_password=True)}: "
                            f"cannot open the database ({exc.__class__.__name__}: "
                            f"{str(exc).splitlines()[0]})") from None
    except SQLAlchemyError as exc:
        db.dispose()
        raise DatabaseError(f"{db.engine.url.render_as_string(hide_password=True)}: "
                            f"cannot open the database ({exc.__class__.__name__}: "
                            f"{str(exc).splitlines()[0]})") from None
    except Exception:
        db.dispose()
        raise
    return db


def ensure_schema(db: Database, *, backups: Path | None = None, migrate: bool = True,
                  quick: bool = True) -> str:
    """Bring the schema to head. Returns what was done: created / upgraded / current.
    ``quick=False`` always asks Alembic (the plain path, for the benchmark)."""
    head = plain_head_revision() if quick else None
    if head is not None:
        try:
            with db.engine.connect() as conn:
                stored = _stored_revision(conn)
                empty = stored is None and not inspect(conn).get_table_names()
        except SQLAlchemyError:
            stored, empty = None, False   # Alembic looks again below, and reports what it finds
        if stored == (head,):
            return "current"      # the usual case, without importing Alembic
        if empty:
            _create_at_head(db, head)
            return "created"
    return _ensure_schema(db, backups=backups, migrate=migrate)


def _create_at_head(db: Database, head: str) -> None:
    """A new database: every table, and the version table as ``alembic stamp head`` writes it,
    in one transaction (without importing Alembic, ~0.2 s of a first start or an import into
    a new file; tests/unit/test_cli_lazy.py compares the two)."""
    with db.engine.begin() as conn:
        Base.metadata.create_all(conn)
        version = Table(VERSION_TABLE, MetaData(), Column("version_num", String(32),
                                                         nullable=False),
                        PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"))
        version.create(conn)
        conn.execute(version.insert().values(version_num=head))


def _ensure_schema(db: Database, *, backups: Path | None, migrate: bool) -> str:
    from alembic import command
    from alembic.script import ScriptDirectory
    head = head_revision()
    script = ScriptDirectory.from_config(alembic_config())
    with db.engine.connect() as conn:
        current = _revision(conn)
        has_tables = bool(inspect(conn).get_table_names())
    if current is None and not has_tables:
        Base.metadata.create_all(db.engine)
        with db.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.stamp(cfg, "head")
        return "created"
    if current is None:
        raise DatabaseError("the database has tables but no schema version: it was not made by "
                            "Scrutiny Tracker")
    if current == head:
        return "current"
    try:
        script.get_revision(current)
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown revision
        raise DatabaseError(f"the database was written by a newer version of Scrutiny Tracker "
                            f"(schema {current}); install the newer version", "newer") from None
    if not migrate:
        raise DatabaseError(f"the database schema {current} needs upgrading to {head}")
    path = sqlite_path(db)
    if path is not None:
        from desktop_app import paths
        saved = backup_sqlite(path, backups or paths.backup_dir(), f"before-upgrade-{current}")
        log.info("backed up %s to %s before upgrading", path, saved)
    upgrade(db, "head")
    return "upgraded"


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection if db.is_sqlite else None
        if raw is not None:  # must happen outside a transaction to take effect
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
        if raw is not None:
            bad = raw.execute("PRAGMA foreign_key_check").fetchall()
            if bad:
                raise DatabaseError(f"upgrade left {len(bad)} broken references; "
                                    "the backup is kept")


def schema_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return _revision(conn)
