"""``committee list`` reads an SQLite database at head through sqlite3 alone (services/quick_read,
issue 18) and prints byte for byte what the ORM path prints: text and --json, the order, every
column, the warning about where the file is; anything the quick path is not sure of (a missing
file, an older schema, a damaged or foreign file, another database) goes the full way."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services import quick_read

REPO = Path(__file__).resolve().parents[2]
ODD = [  # name, short, council: apostrophes, Welsh letters, case, a long name, a line break
    ("Children's Services Scrutiny Committee", "CSSC", "Herefordshire Council"),
    ("Pwyllgor Craffu Gŵyr a Môn", "", "Cyngor Sir Ynys Môn"),
    ("adult social care scrutiny", "asc", ""),
    ("Zebra Crossings Task and Finish Group of the Place and Environment Scrutiny Panel",
     "ZTFG", "Bro Morgannwg\nVale of Glamorgan"),
]

CONTACTS = [("Siân O'Brien", "sian.obrien@ynysmon.gov.uk", "Head of Children's Services",
             "Children's Services"),
            ("dafydd ap Gwilym", "", "", ""),
            ("Ådne Øvergård", "adne@example.org", "Director of Place", "Place")]


def _run(argv: list[str], capsys, monkeypatch, *, quick: bool) -> tuple[int, str, str, list]:
    """One in-process run; ``quick=False`` makes the quick path unsure (the full path)."""
    taken: list[bool] = []
    real = quick_read.read

    def read(url, reader):
        done = real(url, reader) if quick else None
        taken.append(done is not None)
        return done

    monkeypatch.setattr(quick_read, "read", read)
    code = main(argv)
    out, err = capsys.readouterr()
    monkeypatch.setattr(quick_read, "read", real)
    return code, out, err, taken


def _both(url: str, capsys, monkeypatch, *extra: str,
          command: tuple[str, ...] = ("committee", "list")) -> tuple[int, str, str]:
    """The same command both ways: the same exit code and bytes; the quick one really quick."""
    argv = ["--db", url, *command, *extra]
    full = _run(argv, capsys, monkeypatch, quick=False)
    fast = _run(argv, capsys, monkeypatch, quick=True)
    assert fast[3] == [True]
    assert full[3] == [False]
    assert fast[:3] == full[:3]
    return fast[:3]


@pytest.fixture(scope="module")
def committees_db(tmp_path_factory) -> Path:
    """A database with odd committee names and saved print choices (one of them damaged), and
    an address book."""
    from desktop_app.domain.print_options import DocumentOptions
    from desktop_app.services.committees import add_committee
    from desktop_app.services.contacts import set_contact
    from desktop_app.services.print_options import save_print_options
    from desktop_app.services.workspace import open_database

    path = tmp_path_factory.mktemp("quick") / "committees.db"
    db = open_database(f"sqlite:///{path}")
    try:
        for name, short, council in ODD:
            add_committee(db, name, short, council)
        save_print_options(db, "CSSC", DocumentOptions(order="meeting", dates="short",
                                                       text_size=12))
        for name, email, title, directorate in CONTACTS:
            set_contact(db, name, email, title, directorate)
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE committees SET print_options = '{\"order\": \"sideways\"', "
                     "contact = 'Democratic Services, 01432 260000' WHERE short_name = 'asc'")
    conn.close()
    return path


def test_committee_list_is_the_same_both_ways(committees_db, tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{committees_db}"
    code, out, err = _both(url, capsys, monkeypatch)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["id", "name", "short", "council"]
    # SQLite's order of names: capitals first, as the ORM's ORDER BY gives it
    names = [name for name, _s, _c in ODD]
    assert [next(n for n in names if n[:40] in line) for line in lines[2:]] == sorted(names)
    assert "Pwyllgor Craffu Gŵyr a Môn" in out
    assert "Children's Services" in out
    assert "Bro Morgannwg Vale of Glamorgan" in out                 # the line break as a space
    assert f"{ODD[3][0][:57]}...  ZTFG" in out                    # cut at 60 characters

    code, out, err = _both(url, capsys, monkeypatch, "--json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == sorted(names)
    by_short = {r["short_name"]: r for r in rows}
    assert by_short["CSSC"]["print_options"] == {"order": "meeting", "dates": "short",
                                                 "text_size": 12}
    assert by_short["asc"]["print_options"] == {"order": "number", "dates": "long",
                                                "text_size": 10}     # damaged: the defaults
    assert by_short["asc"]["contact"] == "Democratic Services, 01432 260000"
    assert "Cyngor Sir Ynys Môn" in out                                # not \u escapes

    # an empty database at head: "(none)" and [] both ways
    empty = tmp_path / "empty.db"
    assert main(["--db", f"sqlite:///{empty}", "committee", "add", "Gone"]) == 0
    with sqlite3.connect(empty) as conn:
        conn.execute("DELETE FROM committees")
    conn.close()
    capsys.readouterr()
    assert _both(f"sqlite:///{empty}", capsys, monkeypatch) == (0, "(none)\n", "")
    assert _both(f"sqlite:///{empty}", capsys, monkeypatch, "--json") == (0, "[]\n", "")


def test_contact_list_is_the_same_both_ways(committees_db, capsys, monkeypatch):
    url = f"sqlite:///{committees_db}"
    for extra in ((), ("--json",)):
        code, out, err = _both(url, capsys, monkeypatch, *extra, command=("contact", "list"))
        assert code == 0
        assert err == ""
        assert "Siân O'Brien" in out
    rows = json.loads(out)
    assert [r["name"] for r in rows] == sorted(c[0] for c in CONTACTS)
    assert rows[0] == {"id": 1, "name": "Siân O'Brien", "email": "sian.obrien@ynysmon.gov.uk",
                       "job_title": "Head of Children's Services",
                       "directorate": "Children's Services"}


def test_the_network_warning_is_the_same_both_ways(committees_db, tmp_path, capsys,
                                                   monkeypatch):
    from desktop_app.db import location
    share = tmp_path / "share"
    share.mkdir()
    shutil.copy(committees_db, share / "tracker.db")
    monkeypatch.setattr(location, "_mounts", lambda: [("/", "ext4"), (str(share), "cifs")])
    code, out, err = _both(f"sqlite:///{share / 'tracker.db'}", capsys, monkeypatch, "--json")
    assert code == 0
    assert len(json.loads(out)) == len(ODD)
    assert err.startswith(f"scrutiny-tracker: warning: the database {share / 'tracker.db'} is on "
                          "a network file system (cifs at")
    assert len(err.splitlines()) == 1


def test_what_the_quick_path_is_not_sure_of_goes_the_full_way(tmp_path, capsys, monkeypatch):
    # a missing file: the full path creates it, at head; the next run is quick
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert quick_read.read(url, quick_read.committees) is None
    assert _run(["--db", url, "committee", "list"], capsys, monkeypatch, quick=True) == \
        (0, "(none)\n", "", [False])
    assert quick_read.read(url, quick_read.committees) == ([], None)
    # an older schema is left for the full path to back up and upgrade
    old = tmp_path / "0001.sqlite"
    shutil.copy(REPO / "tests" / "fixtures" / "migrations" / "0001.sqlite", old)
    before = old.read_bytes()
    assert quick_read.read(f"sqlite:///{old}", quick_read.committees) is None
    assert old.read_bytes() == before
    # not an SQLite file; another kind of database; an in-memory one
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    for other in (f"sqlite:///{tmp_path / 'notes.db'}", "postgresql://localhost/scrutiny",
                  "sqlite://", "sqlite:///:memory:"):
        assert quick_read.read(other, quick_read.committees) is None, other
    # a damaged file (tables' pages overwritten): the full path says so in one line, exit 2
    damaged = tmp_path / "damaged.db"
    shutil.copy(tmp_path / "new.db", damaged)
    with open(damaged, "r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 4096 * 3)
    assert quick_read.read(f"sqlite:///{damaged}", quick_read.committees) is None
    code, out, err, taken = _run(["--db", f"sqlite:///{damaged}", "committee", "list"],
                                 capsys, monkeypatch, quick=True)
    assert (code, out, taken) == (2, "", [False])
    assert err.startswith("scrutiny-tracker: error: ")
    assert "damaged" in err
    assert len(err.splitlines()) == 1


QUICK_PROCESS = """
import sys
from desktop_app.cli import main
for extra in ([], ["--json"]):
    assert main(["--db", sys.argv[1], "committee", "list", *extra]) == 0
print(sorted(m for m in ("sqlalchemy", "alembic", "logging.handlers", "openpyxl")
             if m in sys.modules))
"""


def test_committee_list_on_a_database_at_head_imports_no_sqlalchemy(committees_db):
    proc = subprocess.run([sys.executable, "-c", QUICK_PROCESS, f"sqlite:///{committees_db}"],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.splitlines()[-1] == "[]"
    assert "Pwyllgor Craffu Gŵyr a Môn" in proc.stdout


def test_a_quick_read_leaves_nothing_beside_the_database_and_writes_nothing(committees_db,
                                                                             tmp_path):
    """The program as installed (app.program: the process ends without the interpreter's
    teardown) after a quick `committee list`: no -wal or -shm file is left beside the
    officer's database (a read-only SQLite connection leaves both), and the quick reader's
    connection refuses to write."""
    from desktop_app.db import lite
    folder = tmp_path / "folder"
    folder.mkdir()
    copy = folder / "copy.db"
    shutil.copyfile(committees_db, copy)
    url = f"sqlite:///{copy}"
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", url, "committee", "list"],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Pwyllgor Craffu Gŵyr a Môn" in proc.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["copy.db"]
    conn = lite.open_at_head(url)
    assert conn is not None
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM committees")
    finally:
        conn.close()        # kept for the next quick read (db/lite.py), until close_idle
    lite.close_idle(url)
    assert sorted(p.name for p in folder.iterdir()) == ["copy.db"]


def test_the_log_file_is_made_on_the_first_record_and_still_rotates(tmp_path, monkeypatch):
    import logging

    from desktop_app import logging_setup
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 400)
    path = logging_setup.setup_logging()
    assert path is not None
    assert not path.exists()
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, logging_setup.LogFile))
    assert handler.stream is None                        # nothing logged, nothing made
    assert logging_setup.setup_logging() == path         # one handler, however often set up
    log = logging.getLogger("desktop_app.test")
    for n in range(20):
        log.info("record %d of the officer's day: Gŵyr", n)
    handler.flush()
    assert "record 19 of the officer's day: Gŵyr" in path.read_text(encoding="utf-8")
    assert path.with_name(path.name + ".1").exists()     # rotated at MAX_BYTES
    assert len(list(path.parent.glob(path.name + ".*"))) <= logging_setup.BACKUPS


TRACKERS = REPO / "tests" / "fixtures" / "trackers"


@pytest.fixture(scope="module")
def tracker_db(tmp_path_factory) -> str:
    """The example committee, and a second one whose tracker came from a council's workbooks
    (status words as written, RAG, extra columns, Welsh text); an action with no meeting, an
    updated one and one reported complete."""
    url = f"sqlite:///{tmp_path_factory.mktemp('quick') / 'tracker.db'}"
    for argv in (["demo"],
                 ["import", str(TRACKERS / "03_actions_rag_on_track.xlsx"), "--committee",
                  "Pwyllgor Craffu Gŵyr", "--create-committee"],
                 ["import", str(TRACKERS / "02_recs_welsh_bilingual_exec_date.xlsx"),
                  "--committee", "Pwyllgor Craffu Gŵyr"],
                 ["action", "add", "--committee", "Pwyllgor Craffu Gŵyr", "--text",
                  "Ask the Cabinet Member's office for the figures", "--due", "2022-01-31"],
                 ["action", "update", "1", "--progress", "Chased on 3 March"],
                 ["meeting", "held", "--committee", "CYPSC", "--date", "2021-11-23"],
                 ["action", "report-complete", "2", "--meeting", "2021-11-23", "--complete"]):
        assert main(["--db", url, *argv]) == 0, argv
    return url


@pytest.mark.parametrize("argv", [
    ("list", "actions"), ("list", "actions", "--json"),
    ("list", "actions", "--committee", "pwyllgor craffu gŵyr", "--status", "open"),
    ("list", "actions", "--status", "overdue", "--json"),
    ("list", "actions", "--committee", "CYPSC", "--status", "reported-complete"),
    ("list", "recommendations"), ("list", "recommendations", "--json"),
    ("list", "recommendations", "--status", "overdue"),
    ("list", "recommendations", "--committee", "cypsc", "--status", "awaiting-response"),
    # what the quick path leaves to the full one: the same error, one line, exit 2
    ("list", "actions", "--committee", "Pwyllgor Craffu Gower"),
    ("list", "recommendations", "--status", "late"),
])
def test_tracker_listings_are_the_same_both_ways(argv, tracker_db, capsys, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2022-03-01")
    capsys.readouterr()
    full = _run(["--db", tracker_db, *argv], capsys, monkeypatch, quick=False)
    fast = _run(["--db", tracker_db, *argv], capsys, monkeypatch, quick=True)
    assert fast[:3] == full[:3]
    code, out, err = fast[:3]
    if argv[-1] in ("Pwyllgor Craffu Gower", "late"):
        assert fast[3] == [False]
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1
        return
    assert fast[3] == [True]
    assert code == 0
    assert err == ""
    assert out.strip() not in ("", "(none)", "[]")
    if "--json" in argv and argv[1] == "actions":
        rows = json.loads(out)
        if "overdue" in argv:
            assert all(r["overdue"] for r in rows)
        else:
            assert {r["committee"] for r in rows} == {
                "Children and Young People Scrutiny Committee", "Pwyllgor Craffu Gŵyr"}
            assert any(r["rag"] for r in rows)
            assert any(r["extra"] for r in rows)
            assert any(r["new_since_last_meeting"] for r in rows)
            assert any(r["updated_since_last_meeting"] for r in rows)
            assert rows[-1]["meeting_date"] is None    # no meeting: last, as NULLS LAST
