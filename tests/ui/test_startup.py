"""Start-up that explains itself (issue 16): with no console (``sys.stdout`` and ``sys.stderr``
None, as in the window build on Windows) a damaged, a locked and a read-only database each give
a logged, visible message; the window offers to choose or create a database and remembers it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app import paths
from desktop_app.cli import main
from desktop_app.db.schema import open_database

B = QMessageBox.StandardButton


@contextlib.contextmanager
def no_console():
    """sys.stdout and sys.stderr None for the block (set in the test body: pytest puts its own
    streams back before each test phase)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = None
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _log() -> str:
    path = paths.log_dir() / "scrutiny-tracker.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    return path


def _made(tmp_path: Path, name: str = "tracker.db") -> Path:
    path = tmp_path / name
    open_database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def choose_file(monkeypatch):
    """The file the officer picks in the Open database box (Qt's own dialog is not shown)."""
    picked: list[Path | None] = []

    def fake(*_args, **_kwargs):
        path = picked.pop(0) if picked else None
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return picked


def test_damaged_database_without_a_console(tmp_path, message_boxes):
    path = _damaged(tmp_path)
    with no_console():
        assert main(["--db", f"sqlite:///{path}"]) == 2
    [box] = message_boxes.seen
    assert box["name"] == "databaseProblemDialog"
    assert str(path) in box["text"]
    assert "damaged" in box["text"]
    assert "restore" in box["info"]
    assert str(paths.log_dir() / "scrutiny-tracker.log") in box["info"]
    assert f"cannot open the database sqlite:///{path}" in _log()
    assert "gave up opening a database" in _log()


def test_locked_database_offers_to_try_again(tmp_path, message_boxes, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_BUSY_TIMEOUT", "0.2")
    path = _made(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE held_by_another_program (x)")
    message_boxes.answers.extend([B.Retry, B.Close])
    try:
        with no_console():
            assert main(["--db", f"sqlite:///{path}", "gui"]) == 2
    finally:
        holder.close()
    assert [b["name"] for b in message_boxes.seen] == ["databaseProblemDialog"] * 2
    assert "locked by another program" in message_boxes.seen[0]["text"]
    assert "Try again" in message_boxes.seen[0]["info"]
    assert _log().count("locked by another program") == 2


def test_locked_database_opens_when_the_lock_goes(tmp_path, message_boxes, monkeypatch):
    from desktop_app.ui.shell.database_dialogs import open_with_help
    monkeypatch.setenv("SCRUTINY_TRACKER_BUSY_TIMEOUT", "0.2")
    path = _made(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE t (x)")

    def answer_after_closing_the_other_program(box):
        message_boxes.seen.append({"name": box.objectName(), "text": box.text()})
        holder.close()
        return B.Retry

    monkeypatch.setattr(QMessageBox, "exec", answer_after_closing_the_other_program)
    opened = open_with_help(f"sqlite:///{path}")
    assert opened is not None
    db, chosen = opened
    db.dispose()
    assert chosen is None
    assert len(message_boxes.seen) == 1


def test_read_only_database(tmp_path, message_boxes, monkeypatch):
    path = _made(tmp_path)
    path.chmod(0o444)
    real_access = os.access

    def access(target, mode, *args, **kwargs):   # the OS's answer (root may write anything)
        if mode & os.W_OK and Path(target) == path:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    try:
        with no_console():
            assert main(["--db", f"sqlite:///{path}"]) == 2
    finally:
        path.chmod(0o644)
    [box] = message_boxes.seen
    assert "read-only" in box["text"]
    assert "Copy it to a folder of your own" in box["info"]
    assert "read-only" in _log()


def test_failure_of_a_command_without_a_console_is_a_message_box(tmp_path,
                                                                   message_boxes):
    path = _damaged(tmp_path)
    with no_console():
        assert main(["--db", f"sqlite:///{path}", "committee", "list"]) == 2
    [box] = message_boxes.seen
    assert box["name"] == "startupFailureDialog"
    assert "damaged" in box["text"]
    assert str(paths.log_dir() / "scrutiny-tracker.log") in box["info"]
    assert "exit 2:" in _log()
    assert "damaged" in _log()


def test_bad_command_line_without_a_console_is_a_message_box(message_boxes):
    with no_console():
        assert main(["--no-such-option"]) == 2
    [box] = message_boxes.seen
    assert box["name"] == "startupFailureDialog"
    assert "--no-such-option" in box["text"]
    assert "the command line was not understood" in _log()


def test_with_a_console_the_failure_is_one_line_on_stderr(tmp_path, capsys, message_boxes):
    path = _damaged(tmp_path)
    assert main(["--db", f"sqlite:///{path}", "committee", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("scrutiny-tracker: error: ")
    assert "damaged" in err
    assert message_boxes.seen == []


def test_choose_or_create_another_database_from_the_failure(tmp_path,
                                                             message_boxes, choose_file):
    from desktop_app.ui.launch import start_url
    from desktop_app.ui.shell.database_dialogs import open_with_help, remember_database
    fresh = tmp_path / "new folder" / "my tracker"
    fresh.parent.mkdir()
    choose_file.append(fresh)
    message_boxes.answers.append(B.Open)
    with no_console():
        opened = open_with_help(f"sqlite:///{_damaged(tmp_path)}")
    assert opened is not None
    db, chosen = opened
    db.dispose()
    assert chosen == fresh.with_suffix(".db")
    assert chosen.exists()                # created at the current schema
    remember_database(chosen)
    # next start without --db: the remembered one
    url, remembered = start_url(paths.default_db_url(), None)
    assert (url, remembered) == (f"sqlite:///{chosen}", True)


def test_remembered_database_gone_offers_the_standard_one(tmp_path, message_boxes):
    from desktop_app.ui.launch import start_url
    from desktop_app.ui.shell.database_dialogs import (open_with_help, remember_database,
                                                       remembered_database)
    remember_database(tmp_path / "unplugged drive" / "tracker.db")
    url, remembered = start_url(paths.default_db_url(), None)
    message_boxes.answers.append(B.RestoreDefaults)
    opened = open_with_help(url, remembered=remembered)
    assert opened is not None
    opened[0].dispose()
    assert "does not exist" in message_boxes.seen[0]["text"]
    assert "Connect the drive" in message_boxes.seen[0]["info"]
    assert remembered_database() is None
    assert paths.default_db_path().exists()


def test_file_open_database_switches_the_window_and_remembers(tmp_path, qtbot, demo_db,
                                                             open_window, choose_file, today):
    from desktop_app.ui.launch import start_url
    window = open_window(demo_db)
    assert window.stack.currentWidget() is window.main_page
    other = tmp_path / "hot desk.db"
    choose_file.append(other)
    window.menus.open_database_action.trigger()
    from desktop_app.ui.shell import database_switch
    new = [w for w in qtbot_windows() if w is not window and w.isVisible()]
    assert len(new) == 1
    new = new[0]
    qtbot.addWidget(new)
    assert not window.isVisible()
    assert new.stack.currentWidget() is new.welcome      # the new database is empty
    assert "hot desk.db" in new.db_text()
    assert start_url(paths.default_db_url(), None) == (f"sqlite:///{other}", True)
    new.close()
    database_switch.dispose_all()


def qtbot_windows():
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_network_or_onedrive_warning_in_the_window(tmp_path, db, open_window, today,
                                                   monkeypatch):
    from desktop_app.logging_setup import setup_logging
    setup_logging()   # as main() does
    for name in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(name, raising=False)
    local = open_window(db)
    assert local.location_banner.isHidden()
    synced = tmp_path / "OneDrive - Northshire Council" / "Scrutiny"
    synced.mkdir(parents=True)
    risky = open_database(f"sqlite:///{synced / 'tracker.db'}")
    window = open_window(risky)
    banner = window.location_banner
    assert banner.isVisible()
    assert "OneDrive" in banner.text()
    assert str(synced / "tracker.db") in banner.text()
    assert "not synced" in banner.text()
    assert "a folder that OneDrive or SharePoint synchronises" in _log()
    banner.window().grab().save(str(tmp_path / "banner.png"))
