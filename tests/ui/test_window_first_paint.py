"""The window is painted before its data is read (``MainWindow(load=False)``, then ``load()``
after the first paint, as ``run`` does), and the smoke test does the same and checks that every
tab then shows its rows."""

from __future__ import annotations

import io
import json

from PySide6.QtWidgets import QApplication

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.smoke import smoke_test
from desktop_app.ui.tracker.actions_model import ActionsModel


def _painted(qtbot, db) -> MainWindow:
    window = MainWindow(db, remember=False, load=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_window_is_painted_first_and_filled_by_load(qtbot, demo_db, today, message_boxes):
    window = _painted(qtbot, demo_db)
    # painted: the tabs, not the welcome page, and nothing that needs a committee yet
    assert window.stack.currentWidget() is window.main_page
    assert not window.committee_combo.isEnabled()
    assert window.committee_combo.count() == 0
    assert not any(a.isEnabled() for a in window.menus.needs_committee())
    assert window.tracker.actions_model.rowCount() == 0
    assert not window.strip.isVisible()     # no "no overdue actions" before it is known

    window.load()
    assert not window.strip.isVisible()     # nor while the Tracker is still counting
    window.tracker.wait_loaded()
    qtbot.waitUntil(lambda: window.tracker.actions_model.rowCount() == 7)
    assert window.committee_combo.isEnabled()
    assert window.committee_combo.currentData() == window.committee
    assert window.strip.isVisible()
    assert all(a.isEnabled() for a in window.menus.needs_committee())
    window.tabs.setCurrentWidget(window.tracker)
    grid = window.tracker.actions_grid
    owners = [grid.proxy.index(r, ActionsModel.OWNER).data()
              for r in range(grid.proxy.rowCount())]
    assert owners.count("Claire Ward") == 2               # what the table shows
    window.tabs.setCurrentWidget(window.meetings_tab)
    assert window.meetings_tab.meetings_model.rowCount() > 0
    window.close()


def test_the_strip_turned_off_stays_off_after_load(qtbot, demo_db, today, message_boxes):
    window = _painted(qtbot, demo_db)
    window.menus.strip_action.setChecked(False)   # View > Show what needs attention, off
    window.load()
    window.tracker.wait_loaded()
    qtbot.waitUntil(lambda: window.tracker.actions_model.rowCount() == 7)
    assert window.strip.isHidden()
    window.menus.strip_action.setChecked(True)
    assert window.strip.isVisible()
    assert window.strip.overdue_actions == window.tracker.summary()[0]
    window.close()


def test_empty_database_shows_the_welcome_page_after_load(qtbot, db, today, message_boxes):
    window = _painted(qtbot, db)
    window.load()
    assert window.stack.currentWidget() is window.welcome
    assert not window.committee_combo.isEnabled()
    window.close()


def test_smoke_test_paints_first_then_fills_every_tab(demo_db, today):
    out = io.StringIO()
    app = QApplication.instance()
    assert smoke_test(app, demo_db, out) == 0
    timings = json.loads(out.getvalue())
    assert 0 < timings["first_paint"] <= timings["window_shown"] <= timings["total"]
    assert timings["rows"] == 7
    assert timings["rows_meetings"] > 0
    assert timings["rows_work_programme"] > 0
    # the counts are the database's, through the services
    from desktop_app.services import recommendations, work_programme
    from tests.conftest import DEMO_COMMITTEE
    assert timings["recommendations"] == len(recommendations.list_recommendations(demo_db)) > 0
    assert timings["work_items"] == len(work_programme.list_work_programme(demo_db,
                                                                           DEMO_COMMITTEE)) > 0
    assert timings["welcome"] is False


def test_smoke_test_names_a_tab_that_shows_nothing_although_there_are_records(window):
    from desktop_app.ui.smoke import _empty_tabs

    shown = {"welcome": False, "rows": 7, "rows_meetings": 0, "rows_work_programme": 0}
    assert _empty_tabs(window.db, window, shown) == ["rows_meetings", "rows_work_programme"]
    shown.update(rows=0, rows_meetings=3, rows_work_programme=2)
    assert _empty_tabs(window.db, window, shown) == ["rows"]
    assert _empty_tabs(window.db, window, {**shown, "welcome": True}) == []


def test_the_update_and_history_tables_are_made_when_the_pane_is_first_shown(qtbot, demo_db,
                                                                            today,
                                                                            message_boxes):
    """Issue 18: a detail pane's Progress updates / Change history tables are made when the
    pane is first shown, not before the first paint; shown, they list the record's rows."""
    from desktop_app.services import actions
    from desktop_app.ui.widgets.record_table import RecordTable
    from tests.ui.conftest import click, click_row

    window = _painted(qtbot, demo_db)
    tracker = window.tracker
    for pane in (tracker.action_detail, tracker.rec_detail):
        assert pane.log.findChildren(RecordTable) == []     # the Overview is what is shown
    window.load()
    tracker.wait_loaded()
    window.tabs.setCurrentWidget(tracker)
    tracker.show_view("action", "")
    click_row(qtbot, tracker.actions_grid.table, 0, 3)
    pane = tracker.action_detail
    log = pane.log
    tables = log.findChildren(RecordTable)
    assert len(tables) == 2
    assert log.updates_view in tables
    assert log.history_view in tables
    assert log.updates_view.isVisible()
    qtbot.keyClicks(pane.update_text, "Chased by phone")
    click(qtbot, pane.add_update_button)
    stored = actions.get_action(demo_db, pane.row.id)
    assert stored.progress == "Chased by phone"
    updates = log.updates_view.model()
    assert updates.rowCount() == len(stored.updates) > 0      # what the table shows
    texts = [updates.index(r, c).data() for r in range(updates.rowCount())
             for c in range(updates.columnCount())]
    assert "Chased by phone" in texts
    assert log.tabText(0) == f"Progress updates ({len(stored.updates)})"
    log.setCurrentIndex(1)
    assert log.history_view.isVisible()
    assert log.history_view.model().rowCount() == log.history_model.rowCount() > 0
    # the Recommendations' pane, not shown yet, has only its models
    assert tracker.rec_detail.log.findChildren(RecordTable) == []
    window.close()
