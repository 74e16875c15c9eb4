"""The window as ``run`` starts it (painted first, then ``load()``), on a committee with an owner
who has many overdue actions: the Overview's long group starts closed with its lines not yet
made, and opening it (Enter) makes exactly the database's lines; the tracker's rows (read the
quick way) are searchable at once, before their search texts have been worked out in idle time;
and an edit made straight after start is saved, with the version the quick read gave."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import actions, committees, meetings
from desktop_app.ui.overview.lines import OWNER_ROLE, TARGET_ROLE, waiting
from tests.ui.conftest import click, click_row

D = dt.date
NAME = "Adults Scrutiny Committee"
MANY = 15


@pytest.fixture(scope="module")
def started(qapp, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("start-quick")
    mp.setenv("SCRUTINY_TRACKER_HOME", str(base / "home"))
    mp.setenv("SCRUTINY_TRACKER_TODAY", "2025-03-04")
    mp.setenv("SCRUTINY_TRACKER_USER", "Test Officer")
    from desktop_app.db.schema import open_database
    db = open_database(f"sqlite:///{base / 'tracker.db'}")
    committees.add_committee(db, NAME, "ASC")
    meetings.add_meeting(db, NAME, D(2025, 1, 14), status="held")
    meetings.add_meeting(db, NAME, D(2025, 3, 11))
    for i in range(MANY):
        actions.add_action(db, NAME, D(2025, 1, 14), f"Send the carers survey to area {i + 1}",
                           owner="Jo Bloggs", due=D(2025, 2, 1) + dt.timedelta(days=i),
                           ref=f"J{i + 1}")
    actions.add_action(db, NAME, D(2025, 1, 14), "Book the site visit", owner="Sam Patel",
                       due=D(2025, 3, 6), ref="S1")

    from desktop_app.ui.main_window import MainWindow
    window = MainWindow(db, remember=False, load=False)
    window.resize(1366, 768)
    window.show()
    window.load()
    window.tracker.wait_loaded()
    window.overview.wait_loaded()
    yield window
    window.close()
    db.dispose()
    mp.undo()


def _owner(page, name):
    return next(i for i in page.items(build=False)
                if (i.data(0, OWNER_ROLE) or ("", ""))[1] == name)


def test_a_long_group_starts_closed_and_its_lines_are_made_when_opened(qtbot, started):
    window = started
    page = window.overview
    assert window.tabs.currentWidget() is page
    jo, sam = _owner(page, "Jo Bloggs"), _owner(page, "Sam Patel")
    assert jo.text(0) == f"Jo Bloggs: {MANY} actions, {MANY} overdue"
    assert not jo.isExpanded()
    assert jo.childCount() == 0
    assert waiting(jo) == MANY
    assert sam.isExpanded()
    assert sam.childCount() == 1
    page.tree.scrollToItem(jo)
    page.tree.setCurrentItem(jo)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)               # a heading opens
    assert jo.isExpanded()
    assert waiting(jo) == 0
    overdue = [a for a in actions.list_actions(window.db, NAME, status="overdue")
               if a.owner == "Jo Bloggs"]
    made = [jo.child(i) for i in range(jo.childCount())]
    assert [i.data(0, TARGET_ROLE).id for i in made] == [a.id for a in overdue]
    assert made[0].text(0) == "J1  Send the carers survey to area 1"
    assert made[0].text(1) == "overdue by 31 days"
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)               # and closes again
    assert not jo.isExpanded()
    assert jo.childCount() == MANY


def test_the_rows_are_searchable_before_their_search_texts_are_worked_out(qtbot, started,
                                                                           monkeypatch):
    window = started
    tracker = window.tracker
    # The texts would begin IDLE_MS (1.5 s) after the rows are shown; on a busy machine the
    # reload below can take that long. Here they begin only when the search box takes the
    # keyboard focus, so what is checked is the state before it, whatever the machine's load.
    monkeypatch.setattr(tracker.search_texts, "IDLE_MS", 2**31 - 1)
    window.tabs.setCurrentWidget(tracker)
    tracker.show_view("action")
    grid = tracker.actions_grid
    stored = actions.list_actions(window.db, NAME)
    assert sorted(grid.proxy.row_at(r).id for r in range(grid.proxy.rowCount())) == \
        sorted(a.id for a in stored)
    tracker.refresh()                        # rows again, their search texts not yet made
    tracker.wait_loaded()
    assert not tracker.search_texts.done()
    grid.search.setFocus()
    qtbot.keyClicks(grid.search, "carers survey")
    wanted = sorted(a.id for a in stored if "carers survey" in a.text)
    qtbot.waitUntil(lambda: sorted(grid.proxy.row_at(r).id
                                   for r in range(grid.proxy.rowCount())) == wanted)
    assert len(wanted) == MANY               # Sam's site visit is not shown
    shown = [grid.proxy.index(r, 5).data() for r in range(grid.proxy.rowCount())]
    assert all(text.startswith("Send the carers survey") for text in shown)
    qtbot.keyClick(grid.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(tracker.search_texts.done)
    assert grid.proxy.rowCount() == len(stored)


def test_an_edit_straight_after_start_is_saved(qtbot, started):
    window = started
    tracker = window.tracker
    window.tabs.setCurrentWidget(tracker)
    tracker.show_view("action", "")
    grid = tracker.actions_grid
    row = next(r for r in range(grid.proxy.rowCount()) if grid.proxy.row_at(r).ref == "S1")
    click_row(qtbot, grid.table, row, 3)
    pane = tracker.action_detail
    assert pane.row is not None
    assert pane.row.ref == "S1"
    qtbot.keyClicks(pane.update_text, "Visit booked for 5 March")
    click(qtbot, pane.add_update_button)
    stored = next(a for a in actions.list_actions(window.db, NAME) if a.ref == "S1")
    assert stored.progress == "Visit booked for 5 March"
    assert tracker.actions_model.find(stored.id).progress == stored.progress
