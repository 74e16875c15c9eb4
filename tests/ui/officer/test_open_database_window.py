"""File > Open database… from the shared window, when the file chosen cannot be opened: the
box says why and what to do (with the log file's path), Cancel keeps the window on its own
database, and nothing is remembered. (Switching to a good database replaces the window:
tests/ui/test_startup.py.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.services import actions
from desktop_app.ui import app_state
from desktop_app.ui.shell.database_dialogs import KEY_DATABASE
from tests.ui.officer.conftest import DEMO_COMMITTEE
from tests.ui.officer.test_menus_and_shortcuts import choose_from_menu


def _text_file(path: Path, _db_file: Path) -> None:
    path.write_text("Ref,Action,Owner\n1,Circulate the report,Richard Watson\n",
                    encoding="utf-8")


def _newer(path: Path, db_file: Path) -> None:
    source = sqlite3.connect(str(db_file))
    copy = sqlite3.connect(str(path))
    try:
        source.backup(copy)
        copy.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        copy.commit()
    finally:
        source.close()
        copy.close()


def _a_folder(path: Path, _db_file: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(("name", "make", "advice"), [
    ("minutes.db", _text_file, "The file is damaged or is not a Scrutiny Tracker database"),
    ("from a newer version.db", _newer, "Install the newer version of Scrutiny Tracker"),
    ("a folder.db", _a_folder, ""),
])
def test_a_database_that_cannot_be_opened_is_explained_and_the_window_stays(
        officer, tmp_path, monkeypatch, name, make, advice):
    win = officer.window
    from desktop_app.services.backups import database_file
    target = tmp_path / name
    make(target, database_file(win.db))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    officer.boxes.answers.append(QMessageBox.StandardButton.Close)     # Cancel
    before = win.db_label.text()
    choose_from_menu(win, "File", "Open database\u2026")
    assert len(officer.boxes.seen) == 1
    box = officer.boxes.seen[0]
    assert box["name"] == "databaseProblemDialog"
    assert box["title"] == "Scrutiny Tracker: cannot open the database"
    assert box["text"]
    assert "Traceback" not in box["text"] + box["info"]
    assert advice in box["info"]
    assert "The details are in the log file:" in box["info"]
    assert win.isVisible()
    assert win.db_label.text() == before
    assert app_state.read_str(KEY_DATABASE, "") == ""
    assert len(actions.list_actions(win.db, DEMO_COMMITTEE)) >= 7    # still usable
