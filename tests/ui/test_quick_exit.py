"""After the window closes, ``python -m desktop_app`` ends the process without the interpreter's
teardown (app.end_process, issue 18): what the teardown did that matters is still done. The
real window is started and closed in a child process the way the program runs, and what it
leaves is read back: the exit code, the remembered window state, the log, the database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from desktop_app.services.workspace import open_database

# the program as __main__ runs it, with a timer that closes the window once it is shown
PROGRAM = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.ui.launch import ensure_app
from desktop_app.cli import main
from desktop_app.app import end_process

app = ensure_app()

def close_when_shown():
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    if windows and windows[0].isVisible() and windows[0].committee_combo.count():
        print(json.dumps({"committees": windows[0].committee_combo.count()}), flush=True)
        windows[0].resize(1111, 700)
        windows[0].close()
    else:
        QTimer.singleShot(50, close_when_shown)

import json
QTimer.singleShot(50, close_when_shown)
code = main(["--db", sys.argv[1], "gui"])
sys.exit(end_process(code))
"""


@pytest.fixture(scope="module")
def closed_window(tmp_path_factory):
    base = tmp_path_factory.mktemp("quick-exit")
    home = base / "home"
    env = dict(os.environ, SCRUTINY_TRACKER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    mp = pytest.MonkeyPatch()
    mp.setenv("SCRUTINY_TRACKER_HOME", str(home))
    from desktop_app.services.demo import load_demo
    url = f"sqlite:///{base / 'demo.db'}"
    db = open_database(url)
    load_demo(db)
    db.dispose()
    mp.undo()
    proc = subprocess.run([sys.executable, "-c", PROGRAM, url], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    return proc, home, base / "demo.db"


def test_the_window_closes_and_the_process_ends_with_its_code_and_output(closed_window):
    proc, _home, _path = closed_window
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1])["committees"] > 0


def test_what_the_window_remembers_is_written(closed_window):
    _proc, home, _path = closed_window
    text = (home / "settings.ini").read_text(encoding="utf-8")
    assert "geometry" in text            # saved as the window closed (window_state.save)


def test_the_log_is_flushed_and_the_database_is_whole(closed_window):
    _proc, home, path = closed_window
    logs = list((home / "logs").glob("*.log"))
    assert logs
    text = "".join(log.read_text(encoding="utf-8") for log in logs)
    assert "opened" in text
    # the quick end was taken, and its own line, written last, reached the file
    assert text.rstrip().endswith("exit 0 without the interpreter's teardown")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM committees").fetchone()[0] > 0
