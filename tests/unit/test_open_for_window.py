"""services/workspace.open_for_window (issue 18): an SQLite file at the head revision is opened
without SQLAlchemy, which is imported and the schema checked the full way on first use; any
other database takes the full path at once (created, upgraded after a backup, refused with
the same one-line error as open_database); a failure on the deferred open is the error the
full path gives. ``gui --smoke-test`` as a whole process says whether SQLAlchemy was needed:
not on a database at head, and an older one is still upgraded."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.db.revision import plain_head_revision
from desktop_app.services import committees, workspace
from desktop_app.services.demo import load_demo
from desktop_app.services.workspace import DatabaseError, open_database, open_for_window

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "migrations"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo data in an SQLite file at the head revision (copied by each test)."""
    base = tmp_path_factory.mktemp("open-for-window")
    mp = pytest.MonkeyPatch()
    mp.setenv("SCRUTINY_TRACKER_HOME", str(base / "home"))
    path = base / "demo.db"
    db = open_database(f"sqlite:///{path}")
    load_demo(db)
    db.dispose()
    mp.undo()
    return path


def _copy(src: Path, folder: Path, name: str = "tracker.db") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, folder / name)
    return f"sqlite:///{folder / name}"


def _stored_revision(url: str) -> list[str]:
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    finally:
        conn.close()


def test_a_file_at_head_is_opened_on_first_use_and_then_is_the_full_paths(demo_file, tmp_path):
    url = _copy(demo_file, tmp_path)
    db = open_for_window(url)
    assert not db.opened
    assert db.is_sqlite
    full = open_database(url)
    try:
        # what the window shows before the first use is what the full path says
        assert workspace.describe_database(db) == workspace.describe_database(full) \
            == "tracker.db"
        assert workspace.location_warning(db) == workspace.location_warning(full)
        assert not db.opened
        rows = committees.list_committees(db)   # an ORM service: the first use
        assert db.opened
        assert rows
        assert rows == committees.list_committees(full)
        assert str(db.engine.url) == str(full.engine.url)
        assert workspace.describe_database(db) == "tracker.db"
    finally:
        db.dispose()
        full.dispose()


def test_any_other_database_takes_the_full_path_at_once(tmp_path):
    new = f"sqlite:///{tmp_path / 'new.db'}"
    db = open_for_window(new)                  # created
    assert db.opened
    assert _stored_revision(new) == [plain_head_revision()]
    db.dispose()
    older = sorted(FIXTURES.glob("*.sqlite"))[-2]       # one revision behind the head
    url = _copy(older, tmp_path / "old")
    db = open_for_window(url, backups=tmp_path / "backups")   # upgraded after a backup
    assert db.opened
    assert _stored_revision(url) == [plain_head_revision()]
    assert list((tmp_path / "backups").glob("tracker-*-before-upgrade-*.db"))
    db.dispose()
    memory = open_for_window("sqlite://")
    assert memory.opened
    memory.dispose()


def _open_and_use(url: str) -> None:
    open_for_window(url).engine  # noqa: B018 - the deferred open, if it was deferred


def _same_error(url: str) -> tuple[str, str]:
    with pytest.raises(DatabaseError) as full:
        open_database(url)
    with pytest.raises(DatabaseError) as quick:
        _open_and_use(url)
    assert str(quick.value) == str(full.value)
    assert quick.value.reason == full.value.reason
    return str(full.value), full.value.reason


def test_a_database_the_full_path_refuses_is_refused_the_same_way(demo_file, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database at all\n" * 20, encoding="utf-8")
    assert _same_error(f"sqlite:///{bad}")[1] == "damaged"
    assert _same_error(f"sqlite:///{tmp_path / 'no-such-folder' / 'x.db'}")[1] == "missing"
    url = _copy(demo_file, tmp_path / "ro")
    path = Path(url.removeprefix("sqlite:///"))
    path.chmod(0o444)
    if not os.access(path, os.W_OK):   # (root may write it all the same)
        assert _same_error(url)[1] == "read-only"
    path.chmod(0o644)


def test_a_failure_on_the_deferred_open_is_the_full_paths_error(demo_file, tmp_path):
    url = _copy(demo_file, tmp_path)
    db = open_for_window(url)
    assert not db.opened
    path = Path(url.removeprefix("sqlite:///"))
    path.write_bytes(b"overwritten by another program " * 100)   # meanwhile
    with pytest.raises(DatabaseError) as failed:
        committees.list_committees(db)
    with pytest.raises(DatabaseError) as full:
        open_database(url)
    assert str(failed.value) == str(full.value)
    assert "not an SQLite file" in str(failed.value)
    assert not db.opened
    # put right, the next use opens it
    shutil.copy(demo_file, path)
    assert committees.list_committees(db)
    db.dispose()


def test_a_file_gone_before_the_deferred_open_is_not_made_afresh(demo_file, tmp_path):
    url = _copy(demo_file, tmp_path / "share")
    db = open_for_window(url)
    path = Path(url.removeprefix("sqlite:///"))
    path.unlink()                               # deleted meanwhile
    with pytest.raises(DatabaseError, match="no longer there") as failed:
        committees.list_committees(db)
    assert failed.value.reason == "missing"
    assert not path.exists()                    # no empty database in its place
    shutil.rmtree(tmp_path / "share")           # the folder too: the full path's words
    with pytest.raises(DatabaseError) as full:
        open_database(url)
    with pytest.raises(DatabaseError) as again:
        committees.list_committees(db)
    assert str(again.value) == str(full.value)
    assert "does not exist" in str(again.value)


def _smoke(url: str, home: Path) -> dict:
    env = dict(os.environ, SCRUTINY_TRACKER_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               SCRUTINY_TRACKER_TODAY="2021-11-12", PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", url, "gui",
                           "--smoke-test"], capture_output=True, text=True, encoding="utf-8",
                          env=env, cwd=REPO, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_smoke_test_on_a_database_at_head_never_imports_sqlalchemy(demo_file, tmp_path):
    url = _copy(demo_file, tmp_path)
    result = _smoke(url, tmp_path / "home")
    assert result["orm_loaded"] is False
    assert result["rows"] == 7
    assert result["rows_meetings"]
    assert result["rows_work_programme"]
    assert not result["welcome"]


def test_smoke_test_on_an_older_database_upgrades_it(tmp_path):
    older = sorted(FIXTURES.glob("*.sqlite"))[-2]
    url = _copy(older, tmp_path)
    assert _stored_revision(url) != [plain_head_revision()]
    result = _smoke(url, tmp_path / "home")
    assert result["orm_loaded"] is True
    assert _stored_revision(url) == [plain_head_revision()]
    assert list((tmp_path / "home").rglob("tracker-*-before-upgrade-*.db"))


def test_the_check_made_ahead_is_taken_only_while_the_file_is_as_it_was(demo_file, tmp_path,
                                                                         monkeypatch):
    """app.run_gui checks the file while the window's modules load (workspace.check_ahead);
    open_for_window takes that answer, but asks again when the file changed since."""
    url = _copy(demo_file, tmp_path)
    asked: list[str] = []
    real = workspace.quick_open_ok
    monkeypatch.setattr(workspace, "quick_open_ok", lambda u: asked.append(u) or real(u))
    workspace.check_ahead(url)
    workspace._ahead[url][0].join()
    assert asked == [url]
    db = open_for_window(url)
    assert not db.opened                        # the answer given ahead: at head, quick_check ok
    assert asked == [url]                       # taken, not asked again
    db.dispose()
    workspace.check_ahead(url)
    workspace._ahead[url][0].join()             # answered (at head) before the file changes
    path = Path(url.removeprefix("sqlite:///"))
    path.write_bytes(b"overwritten by another program " * 100)
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_for_window(url)                    # asked again: the full path's refusal
    assert asked == [url, url, url]
    assert url not in workspace._ahead
