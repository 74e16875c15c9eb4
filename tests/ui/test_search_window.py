"""Search everything in the window (issue 18): Ctrl+Shift+F, type, the results grouped by kind
as you type, Enter opens the record in its tab, committee and row. Checked against the database
and against what the tabs' tables show."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services import actions, committees, meetings, work_programme
from desktop_app.services.search import search
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose

D = dt.date
PLACES = "Places Scrutiny Committee"


@pytest.fixture
def two(window):
    """The example committee and a second one with a few records of its own."""
    committees.add_committee(window.db, PLACES, short_name="PSC")
    meetings.add_meeting(window.db, PLACES, D(2021, 12, 14))
    actions.add_action(window.db, PLACES, D(2021, 12, 14),
                       "Ask the safeguarding board for the Zetland audit")
    work_programme.add_work_item(window.db, PLACES, "Safeguarding in leisure centres")
    window.reload_committees(select=DEMO_COMMITTEE)
    return window


def open_search(qtbot, window):
    window.activateWindow()        # as after the search window hid itself to open a record
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    panel = window.search_window
    assert panel is not None
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.box.hasFocus())
    return panel


def type_and_wait(qtbot, panel, text: str) -> None:
    panel.box.selectAll()
    qtbot.keyClicks(panel.box, text)
    assert panel.timer.isActive()          # debounced: no search per keystroke
    qtbot.waitUntil(lambda: not panel.timer.isActive() and panel.results is not None
                    and panel.results.text == text, timeout=5000)


def rows_shown(panel) -> list[tuple[str, str]]:
    return [(i.text(1), i.data(0, Qt.ItemDataRole.DisplayRole)) for i in panel.hit_items()]


def test_typing_shows_results_grouped_and_enter_opens_the_record(qtbot, two):
    window = two
    panel = open_search(qtbot, window)
    type_and_wait(qtbot, panel, "safeguar")
    expected = search(window.db, "safeguar")
    assert panel.group_labels() == [f"{g.label} ({len(g.hits)})" for g in expected.groups]
    assert panel.group_labels()[0] == "Actions (1)"
    shown = rows_shown(panel)
    assert ("PSC", "Ask the safeguarding board for the Zetland audit") in shown
    assert ("PSC", "Safeguarding in leisure centres") in shown
    assert {c for c, _t in shown} == {"PSC", "CYPSC"}           # across committees
    assert shown == [(h.committee, h.title.text) for h in expected.hits()]

    # the example committee's action about procurement rules, picked by typing more
    type_and_wait(qtbot, panel, "procurement rules")
    assert panel.group_labels()[0] == "Actions (1)"      # the first result is selected
    want = next(a for a in actions.list_actions(window.db, DEMO_COMMITTEE)
                if "procurement rules" in a.text)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert not panel.isVisible()
    assert window.tabs.currentWidget() is window.tracker
    grid = window.tracker.actions_grid
    assert window.tracker.current_grid() is grid
    (selected,) = grid.table.selectionModel().selectedRows()
    assert grid.proxy.row_at(selected.row()).id == want.id
    headers = [grid.proxy.headerData(c, Qt.Orientation.Horizontal)
               for c in range(grid.proxy.columnCount())]
    shown = grid.proxy.index(selected.row(), headers.index("Action")).data()
    assert "procurement rules" in shown

    # a result of another committee opens there
    panel = open_search(qtbot, window)
    type_and_wait(qtbot, panel, "zetland aud")
    assert rows_shown(panel) == [("PSC", "Ask the safeguarding board for the Zetland audit")]
    qtbot.keyClick(panel.box, Qt.Key.Key_Enter)
    assert window.committee == PLACES
    assert window.committee_combo.currentData() == PLACES
    (zetland,) = actions.list_actions(window.db, PLACES)

    def selected():
        rows = grid.table.selectionModel().selectedRows()
        return [grid.proxy.row_at(r.row()) for r in rows]

    qtbot.waitUntil(lambda: [r.id for r in selected()] == [zetland.id])   # once loaded
    (row,) = selected()
    assert (row.text, row.committee) == ("Ask the safeguarding board for the Zetland audit",
                                         PLACES)

    # the scope: one committee only; a work item opens in the work programme
    open_search(qtbot, window)
    choose(panel.scope, "PSC")
    type_and_wait(qtbot, panel, "leisure")
    assert panel.group_labels() == ["Work programme (1)"]
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.work_tab
    assert window.work_tab.current_item().title == "Safeguarding in leisure centres"
    type_and_wait(qtbot, open_search(qtbot, window), "zzqx")
    assert panel.hit_items() == []
    assert panel.status.text() == "Nothing found for \u201czzqx\u201d."


def test_a_minutes_result_opens_its_meeting_and_item(qtbot, window):
    panel = open_search(qtbot, window)
    type_and_wait(qtbot, panel, "Bromyard childminders")
    labels = panel.group_labels()
    assert labels[0] == "Minutes (1)", labels
    (item,) = panel.hit_items()
    key = item.data(0, Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.tree.currentItem() is item
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    tab = window.meetings_tab
    assert window.tabs.currentWidget() is tab
    assert tab.current_meeting().id == key.meeting_id
    assert tab.current_item().id == key.agenda_item_id
    assert "Bromyard" in tab.current_item().title
    (shown,) = tab.meetings_view.selectionModel().selectedRows()
    meeting = meetings.list_meetings(window.db, DEMO_COMMITTEE)
    date = next(m.date for m in meeting if m.id == key.meeting_id)
    assert shown.data() == f"{date:%A} {date.day} {date:%B %Y}"      # the meeting of the minutes
