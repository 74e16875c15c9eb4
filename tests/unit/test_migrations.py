"""Schema creation, upgrade from the first revision with a backup, refusal of newer databases."""

import datetime as dt

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from desktop_app.db.engine import Database, DatabaseError, make_engine
from desktop_app.db.models import Base
from desktop_app.db.schema import alembic_config, head_revision, open_database, schema_revision
from desktop_app.services import actions


def _at_first_revision(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO committees (id, name, short_name, council, contact, "
                          "created_at, updated_at, version) VALUES (1, 'Audit Committee', 'AC', "
                          "'', '', '2021-01-01', '2021-01-01', 1)"))
        conn.execute(text("INSERT INTO meetings (id, committee_id, date, venue, kind, status, "
                          "notes, created_at, updated_at, version) VALUES (1, 1, '2021-09-07', "
                          "'', 'mainstream', 'held', '', '2021-01-01', '2021-01-01', 1)"))
        conn.execute(text(
            "INSERT INTO actions (id, committee_id, ref, meeting_id, item_title, text, owner, "
            "directorate, progress, due_text, status, position, created_at, updated_at, version, "
            "due_date) VALUES (1, 1, '1', 1, '', 'Check the Human Rights Act', 'Claire Ward', "
            "'Corporate Centre', 'Legal services checking', '', 'open', 0, '2021-01-01', "
            "'2021-01-01', 1, '2021-11-02')"))
    engine.dispose()


def test_upgrade_from_first_revision_keeps_rows_and_backs_up(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _at_first_revision(url)
    backups = tmp_path / "backups"
    db = open_database(url, backups=backups)
    try:
        assert schema_revision(db) == head_revision() != "0001"
        (row,) = actions.list_actions(db, "Audit Committee")
        assert (row.text, row.owner, row.due_date) == (
            "Check the Human Rights Act", "Claire Ward", dt.date(2021, 11, 2))
        with db.engine.connect() as conn:  # the table the second revision adds exists
            assert conn.execute(text("SELECT count(*) FROM contacts")).scalar() == 0
    finally:
        db.dispose()
    (backup,) = backups.glob("old-*-before-upgrade-0001.db")
    old = create_engine(f"sqlite:///{backup}")
    with old.connect() as conn:
        assert conn.execute(text("SELECT text FROM actions")).scalar() == "Check the Human Rights Act"
    old.dispose()


def test_new_database_is_created_at_head(db):
    assert schema_revision(db) == head_revision()


def test_models_and_migrations_agree(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        # the full-text index is made by migration 0006, not from the models
        from desktop_app.db.search_index import include_name
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_name": include_name}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_database_from_newer_version_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    open_database(url).dispose()
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(url)


def test_damaged_or_foreign_file_is_refused(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_database(f"sqlite:///{junk}")


def test_foreign_keys_and_wal_are_on(db: Database):
    if not db.is_sqlite:
        pytest.skip("SQLite settings")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
