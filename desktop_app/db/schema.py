"""Opening a database: create a new one at the head revision, upgrade an old one (after a
backup), refuse one written by a newer version of the app, and check SQLite files for damage."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from desktop_app.db.engine import Database, DatabaseError, make_engine
from desktop_app.db.models import Base

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
BACKUPS_KEPT = 10


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def sqlite_path(db: Database) -> Path | None:
    if not db.is_sqlite:
        return None
    name = db.engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def backup_sqlite(source: Path, folder: Path, reason: str, keep: int = BACKUPS_KEPT) -> Path:
    """Copy a live SQLite file with the online backup API into ``folder``, keeping the last
    ``keep`` backups made for the same database."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{source.stem}-{stamp}-{reason}.db"
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    olds = sorted(folder.glob(f"{source.stem}-*.db"))
    for old in olds[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _revision(conn) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _check_sqlite(db: Database) -> None:
    path = sqlite_path(db)
    if path is None or not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise DatabaseError(f"{path}: not a Scrutiny Tracker database (not an SQLite file)")
        with db.engine.connect() as conn:
            result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
    except OperationalError as exc:
        raise DatabaseError(f"{path}: the database file is damaged or locked "
                            f"({exc.orig}); restore a backup") from None
    if result != "ok":
        raise DatabaseError(f"{path}: the database file is damaged ({result}); restore a backup "
                            "with 'scrutiny-tracker restore FILE'")


def open_database(url: str, *, backups: Path | None = None, migrate: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``url``."""
    db = Database(make_engine(url), url)
    try:
        _check_sqlite(db)
        ensure_schema(db, backups=backups, migrate=migrate)
    except SQLAlchemyError as exc:
        db.dispose()
        raise DatabaseError(f"{db.engine.url.render_as_string(hide_password=True)}: "
                            f"cannot open the database ({exc.__class__.__name__}: "
                            f"{str(exc).splitlines()[0]})") from None
    except Exception:
        db.dispose()
        raise
    return db


def ensure_schema(db: Database, *, backups: Path | None = None, migrate: bool = True) -> str:
    """Bring the schema to head. Returns what was done: created / upgraded / current."""
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
                            f"(schema {current}); install the newer version") from None
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


def ping(db: Database) -> None:
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
