"""One real main window for the tests of this folder, on a real SQLite file holding the example
committee and a small second committee, so that many quick tests can drive the window as an
officer would (type, click, choose) and check the database and what the window shows.

The window is shared by the tests of this folder (opening it costs about a second); each test
starts from the example committee on the Tracker with no filter, no dialog open and an empty
undo stack (``officer`` below). A test that changes data uses its own names and dates, or
undoes its change, so the order of the tests does not matter. Message boxes are answered as the
other window tests do (``message_boxes`` in tests/ui/conftest.py).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tests.conftest import DEMO_COMMITTEE
from tests.ui.shared_window import shared_home, shared_main_window
from tests.ui.conftest import DEMO_TODAY

TODAY = dt.date.fromisoformat(DEMO_TODAY)
OTHER = "Housing Scrutiny Committee"
OTHER_SHORT = "HSC"
OTHER_MEETING = dt.date(2021, 11, 30)
# Only so that a broken build fails instead of hanging on a busy machine; nothing is timed.
SAFETY_MS = 60_000


@pytest.fixture(scope="package")
def officer_env(tmp_path_factory):
    """The folder's own home folder and a fixed 'today' (the week before the 23 November 2021
    meeting, as the other window tests use)."""
    yield from shared_home(tmp_path_factory, 'officer')


def _second_committee(db) -> None:
    from desktop_app.services import actions, committees, meetings, recommendations
    committees.add_committee(db, OTHER, OTHER_SHORT, "Herefordshire Council")
    meetings.add_meeting(db, OTHER, dt.date(2021, 10, 5), status="held")
    meetings.add_meeting(db, OTHER, OTHER_MEETING, venue="Shire Hall, Hereford")
    actions.add_action(db, OTHER, dt.date(2021, 10, 5), "Report the repairs backlog by ward",
                       owner="Jo Bloggs", directorate="Housing", due=dt.date(2021, 11, 1))
    actions.add_action(db, OTHER, dt.date(2021, 10, 5), "Circulate the damp and mould survey",
                       owner="Sam Reed", directorate="Housing", due=dt.date(2022, 1, 31))
    recommendations.add_recommendation(db, OTHER, dt.date(2021, 10, 5),
                                       "That the executive publishes a voids strategy")


@pytest.fixture(scope="package")
def officer_db(officer_env):
    from desktop_app.db.schema import open_database
    from desktop_app.services.demo import load_demo
    database = open_database(f"sqlite:///{officer_env / 'tracker.db'}")
    load_demo(database)
    _second_committee(database)
    yield database
    database.dispose()


@pytest.fixture(scope="package")
def shared_window(qapp, officer_db):
    yield from shared_main_window(qapp, officer_db)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As tests/ui/conftest.py's, but cheaper: the shared window stays alive, so a full
    collection after each test (a third of a second with the window's objects) is not
    needed; the young generations are collected here, on the GUI thread, and the rest by the
    app's own collector (desktop_app/ui/gc_guard.py), also on the GUI thread."""
    import gc

    from desktop_app.ui import gc_guard
    gc_guard.install(qapp)
    yield
    gc.collect(1)


def close_dialogs() -> None:
    """Close whatever a test left open (a dialog, a menu), so the next one starts clean."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and isinstance(widget, QDialog):
            widget.done(0)
        elif widget.isVisible() and widget.inherits("QMenu"):
            widget.close()
    QApplication.processEvents()


@pytest.fixture
def officer(shared_window, message_boxes, qtbot):
    """The shared window, back at the start: example committee, Tracker, actions, no filters."""
    win = shared_window
    close_dialogs()
    for grid in (win.tracker.actions_grid, win.tracker.recs_grid):
        grid.detail.show_row(None)
        grid.forget_shown()
        grid.table.clearSelection()
        if grid.search.text() or any(c.currentIndex() > 0 for c in (
                grid.status, grid.owner, grid.directorate, grid.meeting, grid.rag)):
            grid.clear_filters()
    if win.committee != DEMO_COMMITTEE:
        win.choose_committee(DEMO_COMMITTEE)
    for box in (win.meetings_tab.search_edit, win.work_tab.search_edit):
        if box.text():
            box.clear()
    if win.work_tab.show_dropped_check.isChecked():
        win.work_tab.show_dropped_check.setChecked(False)
    win.undo_stack.clear()
    win.tabs.setCurrentWidget(win.tracker)
    win.tracker.show_view("action")
    assert win.tracker.wait_loaded()
    win.activateWindow()
    yield SimpleNamespace(window=win, db=win.db, boxes=message_boxes, qtbot=qtbot)
    close_dialogs()


def visible_dialog(qtbot, cls, parent: QWidget | None = None):
    """The dialog of this class now shown (waiting for it to appear)."""
    found: list = []

    def shown():
        pool = parent.findChildren(cls) if parent is not None else [
            w for w in QApplication.topLevelWidgets() if isinstance(w, cls)]
        found[:] = [d for d in pool if d.isVisible()]
        assert found, f"no {cls.__name__} is shown"

    qtbot.waitUntil(shown, timeout=SAFETY_MS)
    return found[-1]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_tool(qtbot, toolbar, action) -> None:
    """Click an action's button on a toolbar, as a person would."""
    button = toolbar.widgetForAction(action)
    assert button is not None, f"{action.text()!r} is not on the toolbar"
    assert button.isVisible(), f"{action.text()!r} is hidden"
    assert action.isEnabled(), f"{action.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown_texts(view, column: int, role=Qt.ItemDataRole.DisplayRole) -> list[str]:
    """What a table view shows in one column, top to bottom."""
    model = view.model()
    return [model.index(r, column).data(role) or "" for r in range(model.rowCount())]


def no_error_boxes(boxes) -> None:
    assert not boxes.seen, f"unexpected message: {boxes.seen}"


__all__ = ["DEMO_COMMITTEE", "OTHER", "OTHER_MEETING", "OTHER_SHORT", "QMessageBox",
           "SAFETY_MS", "TODAY",
           "click", "click_tool", "close_dialogs", "no_error_boxes", "shown_texts",
           "visible_dialog"]
