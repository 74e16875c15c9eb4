"""One real main window for the tracker-side window tests of this folder (issue 18): the
Overview, the Tracker's grids (editing in the cell, bulk changes, columns, order, rows), the
recommendation responses, the search window and the filters.

The database is a real SQLite file holding the example committee, a small Housing committee
written here (owners, directorates, statuses and meetings of its own) and an Adults committee
brought in from a real .xlsx action log with RAG and a column of the officer's own ("Area"), so
that the columns kept from imports are there too. The window is opened once for the folder;
each test starts on the Tracker's actions with no filter, no sort, no selection, no dialog and
an empty undo stack (``desk`` below), and chooses its committee (``scope``). A test that changes data undoes
its change or uses records no other test looks at, so the order of the tests does not matter.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from tests.conftest import DEMO_COMMITTEE
from tests.ui.shared_window import shared_home, shared_main_window
from tests.ui.conftest import DEMO_TODAY
from tests.ui.officer.conftest import close_dialogs

TODAY = dt.date.fromisoformat(DEMO_TODAY)
HOUSING, HOUSING_SHORT = "Housing Scrutiny Committee", "HSC"
ADULTS, ADULTS_SHORT = "Adults Scrutiny Committee", "ASC"
DEMO_SHORT = "CYPSC"
HELD, NEXT = dt.date(2021, 10, 5), dt.date(2021, 11, 30)      # the Housing committee's meetings
ADULTS_MEETING = dt.date(2021, 10, 19)

# The Housing committee's actions: ref -> (text, owner, directorate, due, completed)
HOUSING_ACTIONS = {
    "H1": ("Report the repairs backlog by ward", "Jo Bloggs", "Housing", dt.date(2021, 11, 1),
           False),
    "H2": ("Circulate the damp and mould survey", "Sam Reed", "Housing", dt.date(2022, 1, 31),
           False),
    "H3": ("Share the homelessness prevention figures", "Priya Shah", "Communities",
           dt.date(2021, 11, 20), True),
    "H4": ("Brief members on the allocations policy", "Jo Bloggs", "Communities",
           dt.date(2021, 12, 15), False),
    "H5": ("Confirm the void turnaround times", "Priya Shah", "Housing", dt.date(2021, 10, 29),
           False),
    "H6": ("Send the selective licensing consultation", "Sam Reed", "Regulatory Services",
           dt.date(2021, 11, 26), False),
    "H7": ("Publish the tenant satisfaction results", "Priya Shah", "Housing",
           dt.date(2021, 9, 30), True),          # and reported complete to the 5 October meeting
}
# The Adults committee's imported action log: RAG and "Area" kept from the file.
ADULTS_ROWS = [
    ["A1", ADULTS_MEETING, "Report the day opportunities review", "Ann Bell",
     dt.date(2022, 1, 10), "Paused", "Amber", "Day care"],
    ["A2", ADULTS_MEETING, "Check the carers assessment backlog", "Tom Hale",
     dt.date(2022, 2, 10), "Done", "Green", "Carers"],
    ["A3", ADULTS_MEETING, "Review the home care framework", "Tom Hale",
     dt.date(2021, 11, 1), "On hold", "Red", "Home care"],
    ["A4", ADULTS_MEETING, "Visit the reablement service", "Ann Bell",
     dt.date(2022, 3, 1), "Open", "", ""],
]


@pytest.fixture(scope="package")
def more_env(tmp_path_factory):
    """The folder's own home folder and a fixed 'today' (12 November 2021)."""
    yield from shared_home(tmp_path_factory, 'tracker-more')


def _housing(db) -> None:
    from desktop_app.services import actions, committees, meetings, recommendations
    from desktop_app.services import work_programme
    committees.add_committee(db, HOUSING, HOUSING_SHORT, "Herefordshire Council")
    held = meetings.add_meeting(db, HOUSING, HELD, status="held")
    meetings.add_meeting(db, HOUSING, NEXT, venue="Shire Hall, Hereford")
    for ref, (text, owner, directorate, due, done) in HOUSING_ACTIONS.items():
        row = actions.add_action(db, HOUSING, HELD, text, owner=owner, directorate=directorate,
                                 due=due, ref=ref)
        if ref == "H7":
            actions.report_complete(db, row.id, held.id)
        elif done:
            actions.complete_action(db, row.id, on=dt.date(2021, 11, 8))
    recommendations.add_recommendation(db, HOUSING, HELD,
                                       "That the executive publishes a voids strategy",
                                       label="R1", sent_on=dt.date(2021, 9, 10))   # overdue
    recommendations.add_recommendation(db, HOUSING, HELD,
                                       "That the executive reviews the rent arrears policy",
                                       label="R2", sent_on=dt.date(2021, 10, 8))
    r3 = recommendations.add_recommendation(db, HOUSING, HELD,
                                            "That the executive funds a tenancy sustainment team",
                                            label="R3", sent_on=dt.date(2021, 10, 8))
    recommendations.record_response(db, r3.id, "Agreed: two posts from April.", "accepted",
                                    on=dt.date(2021, 11, 1))
    r4 = recommendations.add_recommendation(db, HOUSING, HELD,
                                            "That the executive refreshes the homelessness "
                                            "strategy", label="R4", sent_on=dt.date(2021, 10, 8))
    recommendations.record_response(db, r4.id, "Agreed.", "accepted", on=dt.date(2021, 11, 2))
    work_programme.add_work_item(db, HOUSING, "Empty homes review", target="Spring 2022")


def _adults(db, folder) -> None:
    from desktop_app.services import actions, committees, meetings
    from desktop_app.services.importing import ImportOptions, import_file
    from tests.fixtures_xlsx import save_rows
    committees.add_committee(db, ADULTS, ADULTS_SHORT, "Herefordshire Council")
    meetings.add_meeting(db, ADULTS, ADULTS_MEETING, status="held")
    meetings.add_meeting(db, ADULTS, dt.date(2021, 12, 14))
    log = folder / "adults-log.xlsx"
    save_rows(log, [["Action No.", "Meeting date", "Action", "Owner", "Due date", "Status",
                     "RAG", "Area"], *ADULTS_ROWS])
    import_file(db, log, ADULTS, ImportOptions(kind="actions"))
    assert len(actions.list_actions(db, ADULTS)) == len(ADULTS_ROWS)


@pytest.fixture(scope="package")
def more_db(more_env):
    from desktop_app.db.schema import open_database
    from desktop_app.services.demo import load_demo
    database = open_database(f"sqlite:///{more_env / 'tracker.db'}")
    load_demo(database)
    _housing(database)
    _adults(database, more_env)
    yield database
    database.dispose()


@pytest.fixture(scope="package")
def more_window(qapp, more_db):
    yield from shared_main_window(qapp, more_db)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As tests/ui/officer/conftest.py's: the young generations collected here, on the GUI
    thread (the shared window stays alive, so a full collection after each test is not
    needed)."""
    import gc

    from desktop_app.ui import gc_guard
    gc_guard.install(qapp)
    yield
    gc.collect(1)


def _reset(win) -> None:
    close_dialogs()
    if win.search_window is not None and win.search_window.isVisible():
        win.search_window.hide()
    tracker = win.tracker
    if not tracker.details_visible():
        tracker.set_details_visible(True)
    if tracker.is_compact():
        tracker.set_compact(False)
    for grid in (tracker.actions_grid, tracker.recs_grid):
        grid.detail.show_row(None)
        grid.forget_shown()
        grid.table.clearSelection()
        if grid.search.text() or any(c.currentIndex() > 0 for c in (
                grid.status, grid.owner, grid.directorate, grid.meeting, grid.rag)):
            grid.clear_filters()
        if grid.table.horizontalHeader().sortIndicatorSection() >= 0:
            grid.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    win.undo_stack.clear()
    win.tabs.setCurrentWidget(tracker)
    tracker.show_view("action")
    assert tracker.wait_loaded()
    win.activateWindow()


@pytest.fixture
def desk(more_window, message_boxes, qtbot):
    """The shared window, back at the start: Tracker, actions, no filters, no sort, rows grown
    to their text, the detail pane shown. The committee shown is left as the last test left it
    (choosing one reloads the rows): each test chooses its own with ``scope``."""
    win = more_window
    _reset(win)
    yield SimpleNamespace(window=win, db=win.db, boxes=message_boxes, qtbot=qtbot)
    close_dialogs()


# ------------------------------------------------------------------ helpers for the tests
def column_of(grid, key: str) -> int:
    keys = [c.key for c in grid.model.columns]
    assert key in keys, keys
    return keys.index(key)


def shown_column(grid, key: str, role=Qt.ItemDataRole.DisplayRole) -> list[str]:
    """What the table shows in one column, top to bottom."""
    model, col = grid.table.model(), column_of(grid, key)
    return [model.index(r, col).data(role) or "" for r in range(model.rowCount())]


def shown_ids(grid) -> list[int]:
    """The ids of the rows shown, top to bottom."""
    return [grid.proxy.row_at(r).id for r in range(grid.proxy.rowCount())]


def cell_text(grid, row_id: int, key: str, role=Qt.ItemDataRole.DisplayRole) -> str:
    r = grid.proxy.proxy_row_of(row_id)
    assert r is not None, f"record {row_id} is not shown"
    return grid.table.model().index(r, column_of(grid, key)).data(role) or ""


def scope(win, name: str | None) -> None:
    """Show one committee (its name) or all of them (None), the rows loaded (nothing reloads
    when it is shown already)."""
    win.choose_committee(name)
    assert win.tracker.wait_loaded()
    assert win.committee == name


def housing_action(db, ref: str):
    from desktop_app.services import actions
    found = next(a for a in actions.list_actions(db, HOUSING) if a.ref == ref)
    return actions.get_action(db, found.id)      # with its updates


def click_cell(qtbot, grid, row_id: int, key: str = "text", modifier=None) -> None:
    r = grid.proxy.proxy_row_of(row_id)
    assert r is not None, f"record {row_id} is not shown"
    index = grid.proxy.index(r, column_of(grid, key))
    grid.table.scrollTo(index)
    qtbot.mouseClick(grid.table.viewport(), Qt.MouseButton.LeftButton,
                     modifier if modifier is not None else Qt.KeyboardModifier.NoModifier,
                     grid.table.visualRect(index).center())


__all__ = ["ADULTS", "ADULTS_MEETING", "ADULTS_ROWS", "ADULTS_SHORT", "DEMO_COMMITTEE",
           "DEMO_SHORT", "HELD", "HOUSING", "HOUSING_ACTIONS", "HOUSING_SHORT", "NEXT", "TODAY",
           "cell_text", "click_cell", "column_of", "housing_action", "scope", "shown_column", "shown_ids"]
