"""No lost updates and no half-done work, with real processes (SQLite file or PostgreSQL)."""

import json
import os
import random
import subprocess
import sys
import textwrap
import time

import pytest

from desktop_app.db.schema import open_database
from desktop_app.services import actions, committees, meetings
from tests.conftest import REPO


def _python(code: str, url: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), url, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", cwd=REPO)


def _setup(url: str) -> int:
    import datetime as dt
    db = open_database(url)
    committees.add_committee(db, "Audit and Governance Committee", short_name="AGC")
    meetings.add_meeting(db, "AGC", dt.date(2022, 9, 6))
    row = actions.add_action(db, "AGC", dt.date(2022, 9, 6), "Review the risk register",
                             owner="Claire Ward")
    db.dispose()
    return row.id


def test_two_officers_edit_the_same_action_second_save_is_refused(cli, db_url):
    action_id = _setup(db_url)
    # Both officers open the action and see the same version.
    seen_a = cli("list", "actions", "--committee", "AGC", "--json").json()[0]
    seen_b = cli("list", "actions", "--committee", "AGC", "--json").json()[0]
    assert seen_a["version"] == seen_b["version"]
    first = cli("--user", "Officer A", "action", "update", str(action_id), "--owner",
                "Kate Charlton", "--if-version", str(seen_a["version"]))
    assert first.code == 0, first
    second = cli("--user", "Officer B", "action", "update", str(action_id), "--owner",
                 "Richard Watson", "--if-version", str(seen_b["version"]))
    assert second.code == 3, second
    assert "Officer A changed owner to 'Kate Charlton'" in second.err
    assert "nothing was saved" in second.err
    (row,) = cli("list", "actions", "--committee", "AGC", "--json").json()
    assert row["owner"] == "Kate Charlton"


RACER = """
import sys, time, pathlib
from desktop_app.db.schema import open_database
from desktop_app.services import actions
from desktop_app.services.errors import ConflictError
url, action_id, name, go = sys.argv[1], int(sys.argv[2]), sys.argv[3], pathlib.Path(sys.argv[4])
db = open_database(url)
version = actions.get_action(db, action_id).version
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
try:
    actions.update_action(db, action_id, if_version=version, owner=name, progress="by " + name)
    print("saved", flush=True)
except ConflictError as exc:
    print("refused", exc, flush=True)
"""


def test_simultaneous_saves_one_wins_the_other_is_refused(db_url, tmp_path):
    action_id = _setup(db_url)
    go = tmp_path / "go"
    procs = [_python(RACER, db_url, str(action_id), name, str(go)) for name in ("A", "B")]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    go.touch()
    outcomes = [p.communicate(timeout=120)[0].split()[0] for p in procs]
    assert sorted(outcomes) == ["refused", "saved"], [p.stderr for p in procs]
    db = open_database(db_url)
    row = actions.get_action(db, action_id)
    winner = "AB"[outcomes.index("saved")]
    assert row.owner == winner
    assert row.progress == f"by {winner}"
    assert [u.text for u in row.updates] == [f"by {winner}"]
    db.dispose()


LOADER = """
import sys
from desktop_app.db.schema import open_database
from desktop_app.services.demo import load_demo
db = open_database(sys.argv[1])
print("open", flush=True)
while True:
    load_demo(db, reset=True)
"""

EDITOR = """
import sys, itertools
from desktop_app.db.schema import open_database
from desktop_app.services import actions
db = open_database(sys.argv[1])
action_id = int(sys.argv[2])
print("open", flush=True)
for n in itertools.count():
    actions.update_action(db, action_id, owner=f"Owner {n}", progress=f"Update {n}",
                          directorate=f"Directorate {n}")
"""


def _kill_at_random(code: str, url: str, *args: str, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(rounds):
        proc = _python(code, url, *args)
        assert proc.stdout.readline().strip() == "open", proc.stderr.read()
        time.sleep(rng.uniform(0.05, 0.6))
        proc.kill()   # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up either way
        proc.wait(timeout=30)


def test_kill_9_during_a_big_transaction_leaves_all_or_nothing(db_url):
    from desktop_app.services.demo import demo_data
    data = demo_data()
    db = open_database(db_url)
    db.dispose()
    _kill_at_random(LOADER, db_url, rounds=6, seed=1)
    db = open_database(db_url)  # runs the integrity check on SQLite
    try:
        from desktop_app.services import list_counts
        counts = list_counts.counts(db)
        assert counts["committees"] in (0, 1)
        if counts["committees"]:
            assert counts == {"committees": 1, "actions": len(data["actions"]),
                              "recommendations": len(data["recommendations"]),
                              "work_programme_items": len(data["work_programme"])}
    finally:
        db.dispose()


def test_kill_9_during_edits_never_leaves_a_half_edit(db_url):
    action_id = _setup(db_url)
    _kill_at_random(EDITOR, db_url, str(action_id), rounds=6, seed=2)
    db = open_database(db_url)
    try:
        row = actions.get_action(db, action_id)
        if row.updates:
            n = row.updates[-1].text.split()[-1]
            assert (row.owner, row.progress, row.directorate) == (
                f"Owner {n}", f"Update {n}", f"Directorate {n}")
            from desktop_app.services import history
            progress_changes = [h for h in history.history(db, "AGC", "actions", action_id)
                                if h.field == "progress"]
            assert len(progress_changes) == len(row.updates)  # written in the same transaction
            assert [h.new for h in progress_changes] == [u.text for u in row.updates]
        else:
            assert row.owner == "Claire Ward"
    finally:
        db.dispose()


@pytest.mark.skipif(os.environ.get("SCRUTINY_TEST_BACKEND", "sqlite") != "sqlite",
                    reason="file backups are for SQLite")
def test_backup_and_restore(cli, db_url, tmp_path):
    _setup(db_url)
    target = tmp_path / "copy.db"
    r = cli("backup", "-o", str(target))
    assert r.code == 0, r
    assert target.exists()
    cli("action", "add", "--committee", "AGC", "--text", "Added after the backup")
    assert len(cli("list", "actions", "--committee", "AGC", "--json").json()) == 2
    r = cli("restore", str(target))
    assert r.code == 0, r
    rows = cli("list", "actions", "--committee", "AGC", "--json").json()
    assert [a["text"] for a in rows] == ["Review the risk register"]
    junk = tmp_path / "junk.db"
    junk.write_text("not a backup", encoding="utf-8")
    r = cli("restore", str(junk))
    assert r.code == 2
    assert "not an SQLite file" in r.err
    assert json.dumps(rows)
