"""The Overview tab through the real window (pytest-qt): shown first once there is data, its
lines match the database, double-click / Enter opens each kind of record (the tab, the
committee and the selected row), the committee filter, Chase... per owner, and the reload after
an edit and its undo. One window on one small database for the module, 'today' fixed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import actions, committees, meetings, recommendations, work_programme
from desktop_app.ui.overview.lines import Target
from tests.ui.conftest import choose, click, click_row

D = dt.date
TODAY = "2025-03-04"
ADULTS = "Adults Scrutiny Committee"
CHILDREN = "Children's Scrutiny Committee"


@pytest.fixture(scope="module")
def world(qapp, tmp_path_factory):
    """Two committees with a little of everything, and the window opened on them."""
    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("overview-ui")
    mp.setenv("SCRUTINY_TRACKER_HOME", str(base / "home"))
    mp.setenv("SCRUTINY_TRACKER_TODAY", TODAY)
    mp.setenv("SCRUTINY_TRACKER_USER", "Test Officer")
    from desktop_app.db.schema import open_database
    db = open_database(f"sqlite:///{base / 'tracker.db'}")
    ids: dict[str, int] = {}
    committees.add_committee(db, ADULTS, "ASC")
    committees.add_committee(db, CHILDREN, "CSC")
    meetings.add_meeting(db, ADULTS, D(2025, 1, 14), status="held")
    ids["asc-next"] = meetings.add_meeting(db, ADULTS, D(2025, 3, 11), venue="Room 1").id
    ids["csc-next"] = meetings.add_meeting(db, CHILDREN, D(2025, 3, 18)).id
    meetings.add_meeting(db, CHILDREN, D(2025, 1, 21), status="held")
    ids["rec-late"] = recommendations.add_recommendation(
        db, ADULTS, D(2025, 1, 14), "Publish the carers strategy", label="R1",
        sent_on=D(2025, 1, 3)).id                       # due 2 March: overdue
    ids["rec-soon"] = recommendations.add_recommendation(
        db, ADULTS, D(2025, 1, 14), "Review the day-care charges", label="R2",
        sent_on=D(2025, 1, 19)).id                      # due 18 March: in 14 days
    recommendations.add_recommendation(db, ADULTS, D(2025, 1, 14), "Too far off",
                                       sent_on=D(2025, 1, 20))   # due 19 March: not shown
    ids["jo-late"] = actions.add_action(db, ADULTS, D(2025, 1, 14), "Send the carers survey",
                                        owner="Jo Bloggs", due=D(2025, 2, 20), ref="A1").id
    ids["sam-soon"] = actions.add_action(db, ADULTS, D(2025, 1, 14), "Book the site visit",
                                         owner="Sam Patel", due=D(2025, 3, 6), ref="A2").id
    actions.add_action(db, ADULTS, D(2025, 1, 14), "After the meeting", owner="Sam Patel",
                       due=D(2025, 4, 1), ref="A3")
    ids["kim-late"] = actions.add_action(db, CHILDREN, D(2025, 1, 21), "Share the SEND data",
                                         owner="Kim Lee", due=D(2025, 2, 28), ref="C1").id
    ids["work"] = work_programme.add_work_item(db, ADULTS, "Home care market",
                                               target="Summer 2025").id

    from desktop_app.ui.main_window import MainWindow
    window = MainWindow(db, remember=False)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()      # for the keyboard shortcuts (Ctrl+Z)
    window.tracker.wait_loaded()
    window.overview.wait_loaded()
    yield window, ids
    window.close()
    db.dispose()
    mp.undo()


def _home(qtbot, window):
    """Back to the Overview tab by clicking it, lines loaded."""
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(window.tabs.indexOf(window.overview)).center())
    assert window.tabs.currentWidget() is window.overview
    window.overview.wait_loaded()
    return window.overview


def _double_click(qtbot, page, target: Target) -> None:
    item = page.item_of(target)
    assert item is not None, f"{target} is not shown"
    page.tree.scrollToItem(item)
    pos = page.tree.visualItemRect(item).center()
    # as a mouse does it: press and release, then the double-click
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _enter(qtbot, page, target: Target) -> None:
    page.tree.setCurrentItem(page.item_of(target))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)


def test_shown_first_with_the_lines_the_database_gives(world):
    window, ids = world
    page = window.overview
    assert window.tabs.currentWidget() is page
    assert page.heading.text().startswith("<b>Overview</b> as at Tuesday 4 March 2025")
    shown = {(t.kind, t.id): (what, when) for t, what, when in page.lines()}
    assert shown == {
        ("meeting", ids["asc-next"]): ("Tuesday 11 March 2025, Room 1", "in 7 days"),
        ("meeting", ids["csc-next"]): ("Tuesday 18 March 2025", "in 14 days"),
        ("recommendation", ids["rec-late"]): ("R1 Publish the carers strategy",
                                              "overdue by 2 days"),
        ("recommendation", ids["rec-soon"]): ("R2 Review the day-care charges", "due in 14 days"),
        ("action", ids["jo-late"]): ("A1  Send the carers survey", "overdue by 12 days"),
        ("action", ids["sam-soon"]): ("A2  Book the site visit", "due in 2 days"),
        ("action", ids["kim-late"]): ("C1  Share the SEND data", "overdue by 4 days"),
        ("work", ids["work"]): ("Home care market", ""),
    }
    # the tracker's own rule agrees on what is overdue
    overdue = {a.id for a in actions.list_actions(window.db, status="overdue")}
    assert overdue == {t.id for t, _w, when in page.lines()
                       if t.kind == "action" and when.startswith("overdue")}
    meeting = page.item_of(Target("meeting", ADULTS, ids["asc-next"]))
    # 11 March: papers by Monday 3 March (yesterday), questions by Wednesday 5 March
    assert meeting.text(2) == ("Papers published by Mon 3 Mar: missed  \u00b7  "
                               "Questions by Wed 5 Mar: 1 day left")
    owners = [i.text(0) for i in page.items() if i.data(0, Qt.ItemDataRole.UserRole + 1)]
    assert owners == ["Jo Bloggs: 1 action, 1 overdue", "Sam Patel: 1 action",
                      "Kim Lee: 1 action, 1 overdue"]


def test_double_click_opens_an_action_in_the_tracker(qtbot, world):
    window, ids = world
    choose(window.committee_combo, "All committees")
    window.tracker.wait_loaded()
    page = _home(qtbot, window)
    _double_click(qtbot, page, Target("action", CHILDREN, ids["kim-late"]))
    window.tracker.wait_loaded()
    qtbot.waitUntil(lambda: window.tracker.actions_grid.shown_id() == ids["kim-late"])
    assert window.tabs.currentWidget() is window.tracker
    assert window.committee_combo.currentData() == CHILDREN
    grid = window.tracker.current_grid()
    assert grid is window.tracker.actions_grid
    selected = grid.table.selectionModel().selectedRows()
    assert len(selected) == 1
    assert grid.proxy.row_at(selected[0].row()).id == ids["kim-late"]
    texts = [grid.proxy.index(selected[0].row(), c).data() for c in range(grid.proxy.columnCount())]
    assert "Share the SEND data" in texts


def test_enter_opens_a_recommendation_a_meeting_and_a_work_item(qtbot, world):
    window, ids = world
    page = _home(qtbot, window)
    _enter(qtbot, page, Target("recommendation", ADULTS, ids["rec-soon"]))
    qtbot.waitUntil(lambda: window.tracker.recs_grid.shown_id() == ids["rec-soon"])
    assert window.tabs.currentWidget() is window.tracker
    assert window.tracker.current_grid() is window.tracker.recs_grid
    assert window.committee_combo.currentData() == ADULTS

    page = _home(qtbot, window)
    _enter(qtbot, page, Target("meeting", ADULTS, ids["asc-next"]))
    assert window.tabs.currentWidget() is window.meetings_tab
    assert window.meetings_tab.current_meeting().id == ids["asc-next"]
    assert window.meetings_tab.meetings_view.selectionModel().selectedRows()

    page = _home(qtbot, window)
    _enter(qtbot, page, Target("work", ADULTS, ids["work"]))
    assert window.tabs.currentWidget() is window.work_tab
    assert window.work_tab.current_item().id == ids["work"]
    assert window.work_tab.current_item().title == "Home care market"


def test_the_committee_filter(qtbot, world):
    window, ids = world
    page = _home(qtbot, window)
    choose(page.filter, f"{CHILDREN} (CSC)")
    page.wait_loaded()
    heads = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert heads == [f"{CHILDREN} (CSC)"]
    assert {t.committee for t, _w, _when in page.lines()} == {CHILDREN}
    assert {(t.kind, t.id) for t, _w, _when in page.lines()} == {
        ("meeting", ids["csc-next"]), ("action", ids["kim-late"])}
    choose(page.filter, "All committees")
    page.wait_loaded()
    assert page.tree.topLevelItemCount() == 2


def test_chase_opens_chase_owners_on_that_owner(qtbot, world):
    window, _ids = world
    page = _home(qtbot, window)
    buttons = {b.accessibleName(): b for b in page.tree.findChildren(type(page.refresh_button),
                                                                     "overviewChase")}
    assert set(buttons) == {"Chase Jo Bloggs", "Chase Sam Patel", "Chase Kim Lee"}
    click(qtbot, buttons["Chase Sam Patel"])
    dialog = window.dialog
    try:
        assert dialog.objectName() == "chaseDialog"
        assert dialog.committee == ADULTS
        row = dialog.table.selectionModel().selectedRows()[0].row()
        assert dialog.table.item(row, 0).text() == "Sam Patel"
    finally:
        dialog.close()
        window.activateWindow()


def test_reloads_after_an_edit_and_after_its_undo(qtbot, world):
    window, ids = world
    page = _home(qtbot, window)
    target = Target("action", ADULTS, ids["jo-late"])
    _double_click(qtbot, page, target)
    qtbot.waitUntil(lambda: window.tracker.actions_grid.shown_id() == ids["jo-late"])
    click(qtbot, window.tracker.action_detail.complete_button)
    assert actions.get_action(window.db, ids["jo-late"]).status == "completed"
    page = _home(qtbot, window)
    assert page.item_of(target) is None
    assert "Jo Bloggs: 1 action, 1 overdue" not in [i.text(0) for i in page.items()]
    # undone while the Overview is shown: it reloads at once
    window.activateWindow()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.tracker.wait_loaded()
    page.wait_loaded()
    assert actions.get_action(window.db, ids["jo-late"]).status == "open"
    assert page.item_of(target) is not None


def test_the_trackers_rows_serve_the_overview_only_while_they_are_new(qtbot, world):
    """With the Tracker on "All committees", F5 reads the Tracker's rows and the Overview takes
    them rather than reading again (the very overview the services give); after an edit in the
    Tracker (which changes its row in place, reading nothing) the Overview reads afresh."""
    from desktop_app.services import overview
    from desktop_app.ui.tracker.loading import SHARED
    window, ids = world
    before = window.committee_combo.currentText()
    choose(window.committee_combo, "All committees")
    window.tracker.wait_loaded()
    page = _home(qtbot, window)
    served = SHARED.served
    qtbot.keyClick(window, Qt.Key.Key_F5)
    window.tracker.wait_loaded()
    page.wait_loaded()
    assert SHARED.served == served + 1
    assert page.result == overview.build_overview(window.db, D(2025, 3, 4))   # the ORM's
    target = Target("action", ADULTS, ids["sam-soon"])
    assert page.item_of(target) is not None
    bar = window.tabs.tabBar()      # to the Tracker, still on all committees
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(window.tabs.indexOf(window.tracker)).center())
    grid = window.tracker.actions_grid
    click_row(qtbot, grid.table, grid.proxy.proxy_row_of(ids["sam-soon"]), 3)
    qtbot.waitUntil(lambda: grid.shown_id() == ids["sam-soon"])
    click(qtbot, window.tracker.action_detail.complete_button)
    assert window.committee_combo.currentText() == "All committees"
    assert actions.get_action(window.db, ids["sam-soon"]).status == "completed"
    page = _home(qtbot, window)
    assert page.item_of(target) is None          # read afresh: not the Tracker's older rows
    assert SHARED.served == served + 1
    assert page.result == overview.build_overview(window.db, D(2025, 3, 4))
    window.tracker.undo_stack.undo()
    window.tracker.wait_loaded()
    page.wait_loaded()
    assert actions.get_action(window.db, ids["sam-soon"]).status == "open"
    choose(window.committee_combo, before)
    window.tracker.wait_loaded()
