"""The quick import (services/import_lite.py: sqlite3, no ORM) against the ORM path on the same
files: the same database, table by table - records, meetings, the audit trail, the search index
- and a repeat import after a quick one changes nothing. Also: the generated schema it uses
(db/lite_schema.py) is what the models and migrations would make now, and it steps aside
whenever it is not sure."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_app.db import lite, lite_make, lite_schema
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_lite import QuickImport
from desktop_app.services.import_summary import BadRowsError
from desktop_app.services.importing import ImportOptions, import_file

TRACKERS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
COMMITTEE = "Children and Young People Scrutiny Committee"
# one file of each format and kind (the work programmes carry moves)
FILES = ["11_actions_excel97.xls", "12_recs_excel97_merged.xls", "13_actions_semicolon_cp1252.csv",
         "01_recs_merged_meeting_schedule.xlsx", "21_work_programme_same_committee.xlsx",
         "15_recs_word_tables.docx", "18_work_programme_word.docx"]
STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000000$")
TIMESTAMPS = {"created_at", "updated_at", "at"}


def _contents(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows in id order (the FTS index by its rowid, its own shadow tables
    included), timestamps checked for form and then blanked: the two imports ran at different
    seconds."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
            order = "rowid" if table == "search_index" else "1"
            rows = []
            for row in conn.execute(f"SELECT * FROM '{table}' ORDER BY {order}"):
                cells = list(row)
                for i, name in enumerate(columns):
                    if name in TIMESTAMPS:
                        assert STAMP.match(cells[i]), (table, name, cells[i])
                        cells[i] = "<stamp>"
                rows.append(tuple(cells))
            out[table] = rows
        return out
    finally:
        conn.close()


def _contents_raw(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t}").fetchall()
                for t in ("committees", "meetings", "actions", "audit_log")}
    finally:
        conn.close()


def _import(url: str, source: Path, quick: bool, committee: str = COMMITTEE, **options) -> Any:
    from desktop_app.services.workspace import open_database

    opened = []

    def db():
        opened.append(open_database(url))
        return opened[0]
    try:
        return import_file(db, source, committee,
                           ImportOptions(**{"create_committee": True, **options}),
                           url=url if quick else None)
    finally:
        for d in opened:
            d.dispose()


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory) -> dict[str, tuple[Path, Path, object, object]]:
    """Each file imported into a new database both ways: (quick db, ORM db, outcomes)."""
    folder = tmp_path_factory.mktemp("both")
    mp = pytest.MonkeyPatch()
    mp.setenv("SCRUTINY_TRACKER_HOME", str(folder / "home"))
    mp.setenv("SCRUTINY_TRACKER_USER", "Test Officer")
    mp.setenv("SCRUTINY_TRACKER_TODAY", "2023-06-01")   # some meetings held, some to come
    made = {}
    try:
        for name in FILES:
            quick_db, orm_db = folder / f"quick-{name}.db", folder / f"orm-{name}.db"
            done = _import(f"sqlite:///{quick_db}", TRACKERS / name, True)
            full = _import(f"sqlite:///{orm_db}", TRACKERS / name, False)
            made[name] = (quick_db, orm_db, done, full)
    finally:
        mp.undo()
    return made


def test_the_generated_schema_is_what_the_models_and_migrations_make_now():
    assert lite_schema.__file__ is not None
    assert Path(lite_schema.__file__).read_text(encoding="utf-8") == lite_make.generate(), \
        "run: python -m desktop_app.db.lite_make"


def test_a_new_database_made_quickly_is_the_one_the_full_path_makes(tmp_path):
    from desktop_app.services.workspace import open_database

    conn = lite.create_at_head(f"sqlite:///{tmp_path / 'quick.db'}")
    assert conn is not None
    conn.close()
    open_database(f"sqlite:///{tmp_path / 'full.db'}").dispose()
    rows = {}
    for name in ("quick", "full"):
        c = sqlite3.connect(tmp_path / f"{name}.db")
        # (the full path creates a table's indexes in an order that changes from run to run)
        rows[name] = (sorted(lite_make.schema_rows(c), key=repr), c.execute("SELECT * FROM alembic_version")
                      .fetchall(), c.execute("PRAGMA journal_mode").fetchone())
        c.close()
    assert rows["quick"] == rows["full"]
    assert rows["quick"][1] == [(lite_schema.HEAD,)]
    # the file exists now: create_at_head never touches one that does; open_at_head takes it
    assert lite.create_at_head(f"sqlite:///{tmp_path / 'quick.db'}") is None
    again = lite.open_at_head(f"sqlite:///{tmp_path / 'quick.db'}", write=True)
    assert again is not None
    again.close()


@pytest.mark.parametrize("name", FILES)
def test_the_quick_path_writes_what_the_orm_path_writes(both_ways, name):
    quick_db, orm_db, done, full = both_ways[name]
    assert done.quick
    assert not full.quick
    assert done.summary.as_dict() == full.summary.as_dict()
    assert done.summary.created > 0
    assert done.summary.meetings_created > 0
    quick, orm = _contents(quick_db), _contents(orm_db)
    assert quick.keys() == orm.keys()
    for table in orm:
        assert quick[table] == orm[table], table
    # and there is something to compare: every record is in the audit trail, and waits in the
    # search index's queue (both ways: db/search_index.py DEFERRED)
    kind = {"actions": "actions", "recommendations": "recommendations",
            "work-programme": "work_programme_items"}[done.summary.kind]
    audited = {r[5] for r in quick["audit_log"] if r[4] == kind}
    assert audited == {r[0] for r in quick[kind]}
    assert len(quick["search_index_queue"]) >= len(quick[kind])
    assert not quick["search_index"]
    if kind == "work_programme_items":
        assert quick["work_item_moves"]
    assert done.backup is not None
    assert done.backup.is_file()


@pytest.mark.parametrize("name", ["11_actions_excel97.xls", "15_recs_word_tables.docx"])
def test_the_first_search_after_an_import_indexes_it_the_same_both_ways(both_ways, name,
                                                                         tmp_path, capsys):
    """The imported rows wait in the queue; ``search`` (the command) takes them in first and
    finds them, and the two databases are still the same, index and all."""
    from desktop_app.cli import main

    found = {}
    for way, source in zip(("quick", "orm"), both_ways[name][:2]):
        path = tmp_path / f"{way}.db"
        shutil.copy(source, path)
        record = _contents(path)["actions" if "actions" in name else "recommendations"][0]
        word = max(re.findall(r"[A-Za-z]{6,}", record[6]), key=len)
        assert main(["--db", f"sqlite:///{path}", "search", word, "--json"]) == 0
        hits = json.loads(capsys.readouterr().out)
        assert record[0] in {h["id"] for h in hits}, (word, hits)
        found[way] = _contents(path)
        assert not found[way]["search_index_queue"]
        assert len(found[way]["search_index"]) >= len(found[way]["actions"]
                                                     or found[way]["recommendations"])
    assert found["quick"] == found["orm"]


def test_a_repeat_import_after_a_quick_one_changes_nothing(both_ways, tmp_path):
    for name in ("12_recs_excel97_merged.xls", "21_work_programme_same_committee.xlsx"):
        quick_db = tmp_path / f"{name}.db"
        shutil.copy(both_ways[name][0], quick_db)
        before = _contents(quick_db)
        again = _import(f"sqlite:///{quick_db}", TRACKERS / name, True)
        assert not again.quick          # the committee has records: matched through the ORM
        assert again.summary.created == again.summary.updated == 0
        assert again.summary.unchanged == both_ways[name][2].summary.created
        assert _contents(quick_db) == before


def test_a_new_committee_in_a_database_with_another_goes_in_quickly_too(both_ways, tmp_path):
    """Two databases holding the same first committee; a second committee imported into one
    quickly and into the other through the ORM: the same again (ids carry on from the first)."""
    base = both_ways["11_actions_excel97.xls"][1]
    dbs = {way: tmp_path / f"{way}.db" for way in ("quick", "orm")}
    outcomes = {}
    for way, path in dbs.items():
        shutil.copy(base, path)
        outcomes[way] = _import(f"sqlite:///{path}", TRACKERS / "12_recs_excel97_merged.xls",
                                way == "quick", committee="Housing")
        # and the first committee again, by name with stray spaces and another case: found,
        # not made twice; it has records, so the ORM path matches them either way
        again = _import(f"sqlite:///{path}", TRACKERS / "11_actions_excel97.xls", way == "quick",
                        committee=f"  {COMMITTEE.upper()} ")
        assert not again.quick
        assert again.summary.created == 0
    assert outcomes["quick"].quick
    assert not outcomes["orm"].quick
    assert outcomes["quick"].summary.committee_created
    assert _contents(dbs["quick"]) == _contents(dbs["orm"])


def test_the_quick_path_steps_aside_when_it_is_not_sure(both_ways, tmp_path):
    from desktop_app.importers.xlsx_reader import parse_workbook

    parsed = parse_workbook(TRACKERS / "11_actions_excel97.xls")
    has_records = f"sqlite:///{both_ways['11_actions_excel97.xls'][0]}"
    new = f"sqlite:///{tmp_path / 'new.db'}"
    assert QuickImport.open(has_records, COMMITTEE, parsed, create_committee=True) is None
    assert QuickImport.open(new, COMMITTEE, parsed, create_committee=True, dry_run=True) is None
    # a new file without --create-committee: the full path names the missing committee
    assert QuickImport.open(new, COMMITTEE, parsed, create_committee=False) is None
    assert QuickImport.open("postgresql://localhost/x", COMMITTEE, parsed,
                            create_committee=True) is None
    assert not (tmp_path / "new.db").exists()
    # a database at an older revision is upgraded by the full path, never written here
    old = tmp_path / "old.db"
    c = sqlite3.connect(old)
    c.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    c.execute("INSERT INTO alembic_version VALUES ('0001')")
    c.commit()
    c.close()
    assert QuickImport.open(f"sqlite:///{old}", COMMITTEE, parsed, create_committee=True) is None


def test_bad_rows_and_a_cancel_leave_nothing_written(tmp_path):
    from desktop_app.importers.xlsx_reader import parse_workbook

    parsed = parse_workbook(TRACKERS / "11_actions_excel97.xls")
    url = f"sqlite:///{tmp_path / 'new.db'}"
    long_owner = parsed.rows[2].fields["owner"] = "x" * 201   # longer than the column
    assert long_owner
    quick = QuickImport.open(url, COMMITTEE, parsed, create_committee=True)
    assert quick is not None
    with quick, pytest.raises(BadRowsError, match="owner is longer than 200"):
        quick.save()

    def cancel(done, total):
        if done == total:
            raise KeyboardInterrupt

    parsed.rows[2].fields["owner"] = "Ann Owner"
    quick = QuickImport.open(url, COMMITTEE, parsed, create_committee=True)
    assert quick is not None
    with quick, pytest.raises(KeyboardInterrupt):
        quick.save(tick=cancel)
    left = _contents(tmp_path / "new.db")
    assert all(not left[t] for t in ("committees", "meetings", "actions", "audit_log",
                                     "search_index", "search_index_queue"))
    # someone else makes the committee between the look and the save: refused, not doubled
    quick = QuickImport.open(url, COMMITTEE, parsed, create_committee=True)
    assert quick is not None
    other = sqlite3.connect(tmp_path / "new.db")
    other.execute("INSERT INTO committees (name, short_name, council, contact, print_options, "
                  "created_at, updated_at, version) VALUES (?, '', '', '', '', 'x', 'x', 1)",
                  (COMMITTEE,))
    other.commit()
    other.close()
    with quick, pytest.raises(ServiceError, match="changed by someone else"):
        quick.save()
    left = _contents_raw(tmp_path / "new.db")
    assert [len(left[t]) for t in ("committees", "meetings", "actions", "audit_log")] == \
        [1, 0, 0, 0]


def test_a_database_locked_by_someone_else_is_one_line_and_nothing_saved(tmp_path, monkeypatch):
    from desktop_app.importers.xlsx_reader import parse_workbook

    monkeypatch.setenv("SCRUTINY_TRACKER_BUSY_TIMEOUT", "0")
    parsed = parse_workbook(TRACKERS / "11_actions_excel97.xls")
    url = f"sqlite:///{tmp_path / 'new.db'}"
    quick = QuickImport.open(url, COMMITTEE, parsed, create_committee=True)
    assert quick is not None
    other = sqlite3.connect(tmp_path / "new.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with quick, pytest.raises(ServiceError, match="could not be saved .*locked"):
            quick.save()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _contents_raw(tmp_path / "new.db")["committees"] == []


def test_the_command_line_imports_a_new_database_without_sqlalchemy(tmp_path):
    """``import`` of an .xls into a new SQLite file: the quick path, and neither SQLAlchemy nor
    any other heavy package imported (in a child process, whose modules are its own)."""
    import subprocess
    import sys

    code = ("import sys\nfrom desktop_app.cli import main\n"
            "code = main(sys.argv[1:])\n"
            "heavy = {'sqlalchemy', 'alembic', 'openpyxl', 'reportlab', 'PySide6', 'pikepdf', "
            "'rapidfuzz', 'docx'} & {m.split('.')[0] for m in sys.modules}\n"
            "assert not heavy, heavy\n"
            "sys.exit(code)\n")
    db = tmp_path / "cli.db"
    done = subprocess.run([sys.executable, "-c", code, "--db", f"sqlite:///{db}", "import",
                           str(TRACKERS / "11_actions_excel97.xls"), "--committee", COMMITTEE,
                           "--create-committee"], capture_output=True, text=True,
                          encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert "8 created" in done.stdout
    assert len(_contents(db)["actions"]) == 8
