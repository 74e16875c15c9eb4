"""Every migration revision has a committed SQLite file (tests/fixtures/migrations/<rev>.sqlite,
made by make.py there). Opened through the app's normal open path, each is backed up and upgraded
to the head revision, keeps every row it had, and ends with the schema of a freshly created
database."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from desktop_app.db.schema import MIGRATIONS, head_revision, open_database, schema_revision
from desktop_app.services import actions, recommendations

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "migrations"
REVISIONS = sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*.py"))


def _rows(path: Path) -> dict[str, list[dict]]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            # the search index is made from the other tables (tests/integration/test_search.py)
            "AND name != 'alembic_version' AND name NOT LIKE 'search_index%'")]
        return {t: [dict(r) for r in con.execute(f'SELECT * FROM "{t}" ORDER BY rowid')]
                for t in tables}
    finally:
        con.close()


def _schema(url: str) -> dict[str, dict]:
    """Tables, columns, keys, indexes and constraints as SQLAlchemy reads them back."""
    engine = create_engine(url)
    try:
        insp = inspect(engine)
        out = {}
        for table in sorted(insp.get_table_names()):
            out[table] = {
                "columns": sorted((c["name"], str(c["type"]), c["nullable"],
                                   str(c.get("default")).strip("()") if c.get("default") else None)
                                  for c in insp.get_columns(table)),
                "primary key": insp.get_pk_constraint(table)["constrained_columns"],
                "foreign keys": sorted((tuple(f["constrained_columns"]), f["referred_table"],
                                        tuple(f["referred_columns"]),
                                        f.get("options", {}).get("ondelete"))
                                       for f in insp.get_foreign_keys(table)),
                "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                                  for i in insp.get_indexes(table)),
                "unique": sorted((u["name"], tuple(u["column_names"]))
                                 for u in insp.get_unique_constraints(table)),
                "checks": sorted((c["name"], " ".join(c["sqltext"].split()))
                                 for c in insp.get_check_constraints(table)),
            }
        return out
    finally:
        engine.dispose()


def test_every_revision_has_its_file():
    assert REVISIONS
    assert REVISIONS[-1] == head_revision()
    missing = [r for r in REVISIONS if not (FILES / f"{r}.sqlite").is_file()]
    assert not missing, (f"no tests/fixtures/migrations/<revision>.sqlite for {missing}: add the "
                         "revision's rows to ROWS in tests/fixtures/migrations/make.py and run it")


@pytest.mark.parametrize("revision", REVISIONS)
def test_revision_file_upgrades_to_head_keeping_its_rows(revision, tmp_path):
    path = tmp_path / f"officer-{revision}.db"
    shutil.copyfile(FILES / f"{revision}.sqlite", path)
    before = _rows(path)
    assert before["committees"], "the file holds no committees"
    assert before["actions"], "the file holds no actions"
    url = f"sqlite:///{path}"
    backups = tmp_path / "backups"

    db = open_database(url, backups=backups)
    try:
        assert schema_revision(db) == head_revision()
        listed = actions.list_actions(db, "Audit Committee")
        assert [(a.ref, a.owner, a.due_date) for a in listed] == [
            (r["ref"], r["owner"], dt.date.fromisoformat(r["due_date"]) if r["due_date"] else None)
            for r in sorted(before["actions"], key=lambda r: r["position"])]
        assert len(recommendations.list_recommendations(db, "Audit Committee")) == \
            len(before["recommendations"])
    finally:
        db.dispose()

    after = _rows(path)
    for table, rows in before.items():
        kept = [{k: r[k] for k in rows[0]} for r in after[table]] if rows else after[table]
        assert kept == rows, f"rows of {table} changed in the upgrade from {revision}"
    backed_up = sorted(backups.glob("*.db"))
    if revision == head_revision():
        assert backed_up == []
    else:
        (backup,) = backed_up
        assert _rows(backup) == before


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgraded_schema_equals_a_fresh_one(revision, tmp_path):
    upgraded, fresh = tmp_path / "upgraded.db", tmp_path / "fresh.db"
    shutil.copyfile(FILES / f"{revision}.sqlite", upgraded)
    for path in (upgraded, fresh):
        open_database(f"sqlite:///{path}", backups=tmp_path / "backups").dispose()
    got, want = _schema(f"sqlite:///{upgraded}"), _schema(f"sqlite:///{fresh}")
    assert sorted(got) == sorted(want)
    for table in want:
        assert got[table] == want[table], f"{table} differs after the upgrade from {revision}"
