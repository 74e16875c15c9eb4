"""Issue 15 (3), (4) and (6): restore takes the database for itself, backs up inside that lock,
checks a backup's schema before taking it; check compares the live schema with the expected
one. On PostgreSQL, restore refuses and names pg_restore, and check still compares."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import BACKEND

sqlite_only = pytest.mark.skipif(BACKEND != "sqlite", reason="restore replaces SQLite files")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "migrations"


def _one_line_error(result) -> str:
    code, out, err = result
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def tracker(run):
    assert run("committee", "add", "Restore Scrutiny Committee", "--short", "RSC")[0] == 0
    assert run("meeting", "add", "--committee", "RSC", "--date", "2021-10-12")[0] == 0
    assert run("action", "add", "--committee", "RSC", "--meeting", "2021-10-12",
               "--text", "Kept in the backup")[0] == 0
    return run


def _actions(run) -> list[str]:
    code, out, _ = run("list", "actions", "--committee", "RSC", "--json")
    assert code == 0
    import json
    return [a["text"] for a in json.loads(out)]


def _live(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


def _backup(run, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "backup 1 #a.db"          # a "#" and spaces: file: URIs escaped
    code, _, err = run("backup", "-o", str(target))
    assert code == 0, err
    return target


@sqlite_only
def test_restore_round_trip_through_a_path_with_hash_and_spaces(tracker, tmp_path):
    backup = _backup(tracker, tmp_path / "my #backups")
    assert tracker("action", "add", "--committee", "RSC", "--meeting", "2021-10-12",
                   "--text", "Made after the backup")[0] == 0
    code, out, err = tracker("restore", str(backup))
    assert code == 0, err
    assert _actions(tracker) == ["Kept in the backup"]
    safety = Path(out.split("saved to ", 1)[1].strip())
    with sqlite3.connect(safety) as con:
        texts = {r[0] for r in con.execute("SELECT text FROM actions")}
    assert texts == {"Kept in the backup", "Made after the backup"}
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]   # nothing beside


@sqlite_only
def test_restore_refuses_while_another_process_is_writing(tracker, tmp_path, db_url):
    backup = _backup(tracker, tmp_path / "backups")
    writer = sqlite3.connect(_live(db_url), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE actions SET progress = 'typed by another officer'")
        err = _one_line_error(tracker("restore", str(backup)))
        assert "in use" in err
        writer.execute("COMMIT")
    finally:
        writer.close()
    code, out, _ = tracker("list", "actions", "--committee", "RSC", "--json")
    assert "typed by another officer" in out          # their work is still there
    backups = Path(tmp_path / "home" / "data" / "backups")
    assert not list(backups.glob("*before-restore*"))   # refused before any backup was taken


def _tampered(backup: Path, sql: str) -> Path:
    target = backup.with_name("tampered.db")
    shutil.copy(backup, target)
    with sqlite3.connect(target) as con:
        con.executescript(sql)
    return target


@sqlite_only
@pytest.mark.parametrize(("sql", "named"), [
    ("PRAGMA foreign_keys=OFF; DROP TABLE progress_updates;", "table progress_updates is missing"),
    ("CREATE TRIGGER wipe AFTER UPDATE ON actions BEGIN DELETE FROM actions; END;",
     "unexpected trigger wipe on actions"),
    ("DROP INDEX ix_audit_log_table_row;", "index ix_audit_log_table_row"),
    ("UPDATE alembic_version SET version_num = '9999';", "newer version"),
    ("DROP TABLE alembic_version;", "no schema version"),
])
def test_restore_refuses_a_tampered_backup(tracker, tmp_path, sql, named):
    backup = _backup(tracker, tmp_path / "backups")
    assert tracker("action", "add", "--committee", "RSC", "--meeting", "2021-10-12",
                   "--text", "Still here")[0] == 0
    err = _one_line_error(tracker("restore", str(_tampered(backup, sql))))
    assert named in err
    assert "Still here" in _actions(tracker)          # the live database was not touched


@sqlite_only
def test_restore_of_broken_files_is_one_line(tracker, tmp_path):
    backup = _backup(tracker, tmp_path / "backups")
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(backup.read_bytes()[:9000])
    assert "damaged" in _one_line_error(tracker("restore", str(truncated)))
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database", encoding="utf-8")
    assert "not an SQLite file" in _one_line_error(tracker("restore", str(text_file)))
    assert "no such backup" in _one_line_error(tracker("restore", str(tmp_path / "none.db")))


@sqlite_only
def test_restore_of_an_older_backup_upgrades_it(tracker, tmp_path):
    old = tmp_path / "from 0003.db"
    shutil.copy(FIXTURES / "0003.sqlite", old)
    code, _, err = tracker("restore", str(old))
    assert code == 0, err
    code, out, _ = tracker("check")
    assert code == 0
    assert "as expected" in out


def test_check_compares_the_live_schema(tracker, db_url):
    code, out, err = tracker("check")
    assert code == 0, err
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            if BACKEND == "postgresql":
                conn.execute(text("CREATE FUNCTION wipe() RETURNS trigger AS $$ BEGIN "
                                  "DELETE FROM actions; RETURN NEW; END $$ LANGUAGE plpgsql"))
                conn.execute(text("CREATE TRIGGER wipe AFTER UPDATE ON actions "
                                  "FOR EACH ROW EXECUTE FUNCTION wipe()"))
            else:
                conn.execute(text("CREATE TRIGGER wipe AFTER UPDATE ON actions BEGIN "
                                  "DELETE FROM actions; END"))
            conn.execute(text("CREATE TABLE stray (x INTEGER)"))
    finally:
        engine.dispose()
    err = _one_line_error(tracker("check"))
    assert "unexpected table stray" in err
    assert "unexpected trigger wipe on actions" in err


@pytest.mark.skipif(BACKEND != "postgresql", reason="PostgreSQL's own restore")
def test_restore_on_postgresql_refuses_and_names_pg_restore(tracker, tmp_path):
    dump = tmp_path / "x.dump"
    dump.write_bytes(b"PGDMP")
    err = _one_line_error(tracker("restore", str(dump)))
    assert "pg_restore" in err
