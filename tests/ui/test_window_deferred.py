"""The window on a database opened for it (services/workspace.open_for_window, issue 18): it
opens, paints and fills every tab from an SQLite file at the head revision, and shows an
action's details and history, without opening the database the SQLAlchemy way; the first save
does that, and is saved; and when the file has gone bad meanwhile, the window says so in the
full path's one line, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.services import actions
from desktop_app.services.workspace import DatabaseError, open_database, open_for_window
from tests.ui.conftest import click, click_row

NAME = "Children's Services Scrutiny Committee"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("window-deferred")
    mp = pytest.MonkeyPatch()
    mp.setenv("SCRUTINY_TRACKER_HOME", str(base / "home"))
    from desktop_app.services.demo import load_demo
    db = open_database(f"sqlite:///{base / 'demo.db'}")
    load_demo(db)
    db.dispose()
    mp.undo()
    return base / "demo.db"


@pytest.fixture
def started(qtbot, demo_file, tmp_path, today, message_boxes):
    """The window as ``run`` starts it, on a copy of the demo file opened for the window."""
    path = tmp_path / "tracker.db"
    shutil.copy(demo_file, path)
    db = open_for_window(f"sqlite:///{path}")
    from desktop_app.ui.main_window import MainWindow
    window = MainWindow(db, remember=False, load=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.load()
    window.tracker.wait_loaded()
    window.overview.wait_loaded()
    for tab in (window.meetings_tab, window.work_tab, window.tracker):
        window.tabs.setCurrentWidget(tab)
    yield window, db, path
    window.close()
    db.dispose()


def _select_first_action(qtbot, window):
    tracker = window.tracker
    tracker.show_view("action", "")
    click_row(qtbot, tracker.actions_grid.table, 0, 3)
    return tracker.action_detail


def test_every_tab_filled_without_the_orm_then_its_first_use_opens_it(qtbot, started):
    window, db, _path = started
    assert window.committee_combo.count() > 0
    assert window.tracker.actions_model.rowCount() == 7
    assert window.meetings_tab.meetings_model.rowCount() > 0
    assert window.work_tab.model.rowCount() > 0
    assert window.overview.tree.topLevelItemCount() > 0
    assert window.db_label.text() == "Database: tracker.db"
    assert not db.opened                       # all of that read with sqlite3
    pane = _select_first_action(qtbot, window)
    row = pane.row
    assert row is not None
    assert pane.log.history_model.rowCount() > 0     # its change history, shown
    assert not db.opened                       # the details and history read quickly too
    qtbot.keyClicks(pane.update_text, "Chased by phone")
    click(qtbot, pane.add_update_button)
    assert db.opened                           # the first save opened it the full way
    stored = next(a for a in actions.list_actions(db, None) if a.id == row.id)
    assert stored.progress == "Chased by phone"
    assert window.tracker.actions_model.find(row.id).progress == "Chased by phone"


def test_a_file_gone_bad_before_the_first_use_gives_the_full_paths_one_line_error(
        qtbot, started, message_boxes):
    window, db, path = started
    assert not db.opened
    junk = b"overwritten by another program " * 100   # meanwhile, by another program
    path.write_bytes(junk)
    tracker = window.tracker
    _select_first_action(qtbot, window)   # not read quickly now: the service's way
    with pytest.raises(DatabaseError) as full:
        open_database(f"sqlite:///{path}")
    assert "not an SQLite file" in str(full.value)
    assert window.statusBar().currentMessage() == str(full.value)
    assert tracker.action_detail.row is None
    assert not message_boxes.seen                 # no "something went wrong"
    assert path.read_bytes() == junk              # nothing written
    assert not db.opened
