"""The main window: attention strip, committee chooser, first run, menus and shortcuts, window
state, the smoke test and the no-sub-command launch."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDialogButtonBox, QLineEdit,
                               QPlainTextEdit, QTableView)

from desktop_app.services import actions, committees, meetings, recommendations
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose, click


def test_attention_strip_counts_match_services(window):
    db = window.db
    overdue = actions.list_actions(db, DEMO_COMMITTEE, status="overdue")
    late = recommendations.list_recommendations(db, DEMO_COMMITTEE, status="overdue")
    assert window.strip.overdue_actions == len(overdue) == 3
    assert window.strip.overdue_responses == len(late)
    assert window.strip.actions_button.text() == "3 overdue actions"
    assert window.strip.responses_button.text() == f"{len(late)} executive responses overdue"
    nxt = meetings.next_meeting(db, DEMO_COMMITTEE)
    info = window.strip.next_meeting
    assert (info.date, info.publication, info.questions) == (
        nxt.date, nxt.publication_deadline, nxt.questions_deadline)
    assert "Tuesday 23 November 2021" in window.strip.meeting_button.text()
    assert "Mon 15 Nov" in window.strip.deadlines.text()
    assert "Wed 17 Nov" in window.strip.deadlines.text()
    assert not window.strip.has_bank_holiday_flag()


def test_bank_holiday_deadline_is_flagged(qtbot, demo_db, open_window, monkeypatch):
    # After 7 December 2021 the next meeting is 11 January 2022, whose publication deadline
    # (five clear working days) lands on the bank holiday of Monday 3 January 2022.
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-12-08")
    win = open_window(demo_db)
    assert win.strip.next_meeting.date == dt.date(2022, 1, 11)
    assert win.strip.next_meeting.publication == dt.date(2022, 1, 3)
    assert win.strip.has_bank_holiday_flag()
    assert "Mon 3 Jan" in win.strip.deadlines.text()


def test_all_committees_strip_names_the_committee_by_its_short_name(qtbot, demo_db, today,
                                                                    open_window):
    # A committee with a long name holds the next meeting across all committees: the strip
    # names it by its short name (as the tables do) and shows the whole date at 1366 pixels.
    long_name = "Audit, Governance and Standards Committee of the County Borough"
    committees.add_committee(demo_db, long_name, short_name="AGSC")
    meetings.add_meeting(demo_db, long_name, dt.date(2021, 11, 18))
    win = open_window(demo_db)
    choose(win.committee_combo, "All committees")
    win.tracker.wait_loaded()
    qtbot.waitUntil(lambda: win.strip.next_meeting is not None
                    and win.strip.next_meeting.committee == long_name)
    button = win.strip.meeting_button
    assert button.text() == "Next meeting: AGSC: Thursday 18 November 2021"
    assert long_name in button.toolTip()
    qtbot.waitUntil(lambda: button.width() >= button.sizeHint().width())   # none of it cut off
    choose(win.committee_combo, f"{DEMO_COMMITTEE} (CYPSC)")
    win.tracker.wait_loaded()
    qtbot.waitUntil(lambda: win.strip.next_meeting.committee == DEMO_COMMITTEE)
    assert button.text() == "Next meeting: Tuesday 23 November 2021"


def test_all_committees_tabs_offer_each_committee(qtbot, demo_db, today, open_window):
    # "All committees" on the Meetings (or Work programme) tab: the placeholder names every
    # committee as a link; following one from the keyboard chooses that committee.
    committees.add_committee(demo_db, "Audit & Governance Committee", short_name="AGC")
    meetings.add_meeting(demo_db, "Audit & Governance Committee", dt.date(2021, 11, 18))
    win = open_window(demo_db)
    choose(win.committee_combo, "All committees")
    for tab in (win.work_tab, win.meetings_tab):
        win.tabs.setCurrentWidget(tab)
        assert tab.stack.currentWidget() is tab.placeholder
        text = tab.placeholder.text()
        assert "Audit &amp; Governance Committee (AGC)</a>" in text
        assert f"{DEMO_COMMITTEE} (CYPSC)</a>" in text
    label = win.meetings_tab.placeholder
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_Tab)       # the first link: the committees in name order
    qtbot.keyClick(label, Qt.Key.Key_Return)
    assert win.committee_combo.currentData() == "Audit & Governance Committee"
    assert win.meetings_tab.stack.currentWidget() is win.meetings_tab.splitter
    model = win.meetings_tab.meetings_model
    assert [model.row_at(i).date for i in range(model.rowCount())] == [dt.date(2021, 11, 18)]


def test_clicking_a_count_opens_the_tracker_filtered(qtbot, window):
    window.tabs.setCurrentWidget(window.meetings_tab)
    click(qtbot, window.strip.actions_button)
    tracker = window.tracker
    assert window.tabs.currentWidget() is tracker
    assert tracker.current_grid() is tracker.actions_grid
    assert tracker.actions_grid.status.currentText() == "Overdue"
    assert tracker.actions_grid.proxy.rowCount() == 3
    click(qtbot, window.strip.responses_button)
    assert tracker.current_grid() is tracker.recs_grid
    assert tracker.recs_grid.status.currentText() == "Response overdue (s.9FE)"
    assert tracker.recs_grid.proxy.rowCount() == window.strip.overdue_responses


def test_first_run_welcome_loads_the_example(qtbot, empty_window):
    win = empty_window
    assert win.stack.currentWidget() is win.welcome
    assert not win.menus.new_action.isEnabled()
    click(qtbot, win.welcome.demo_button)
    assert [c.name for c in committees.list_committees(win.db)] == [DEMO_COMMITTEE]
    assert win.stack.currentWidget() is win.main_page
    assert win.tabs.currentWidget() is win.overview     # data now: the Overview first
    win.overview.wait_loaded()
    assert win.overview.tree.topLevelItem(0).text(0) == f"{DEMO_COMMITTEE} (CYPSC)"
    win.tracker.wait_loaded()
    assert win.tracker.actions_model.rowCount() == len(actions.list_actions(win.db)) == 7
    assert win.committee_combo.currentData() == DEMO_COMMITTEE
    assert win.strip.overdue_actions == 3


def test_first_run_create_a_committee(qtbot, empty_window):
    win = empty_window
    click(qtbot, win.welcome.create_button)
    dialog = win.dialog
    qtbot.keyClicks(dialog.name, "Scrutiny Management Board")
    qtbot.keyClicks(dialog.short_name, "SMB")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert [(c.name, c.short_name) for c in committees.list_committees(win.db)] == [
        ("Scrutiny Management Board", "SMB")]
    assert win.stack.currentWidget() is win.main_page
    assert win.tabs.currentWidget() is win.meetings_tab


def test_menus_and_standard_shortcuts(window):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Tools", "Help"]

    def entries(name):
        return [a.text().replace("&", "") for a in menus[name].actions() if a.text()]

    assert entries("File") == ["Open database\u2026", "Import\u2026", "Import minutes\u2026",
                               "Print / export\u2026", "Export calendar\u2026",
                               "Back up\u2026", "Quit"]
    assert entries("Edit")[:2] == ["Undo", "Redo"]
    assert "Find" in entries("Edit")
    assert {"User guide", "About", "Open log folder"} <= set(entries("Help"))
    assert QKeySequence("Ctrl+I") in window.menus.import_action.shortcuts()
    assert QKeySequence("Ctrl+P") in window.menus.print_action.shortcuts()
    assert QKeySequence("Ctrl+Z") in window.menus.undo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in window.menus.redo_action.shortcuts()
    assert QKeySequence("Ctrl+F") in window.menus.find_action.shortcuts()
    assert QKeySequence("Ctrl+N") in window.menus.new_action.shortcuts()


def test_ctrl_f_focuses_the_current_search(qtbot, window):
    window.tracker.show_view("recommendation")
    qtbot.keyClick(window.tracker.recs_grid.table, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.tracker.recs_grid.search.hasFocus()


def test_import_and_print_open_their_dialogs(qtbot, window):
    from desktop_app.ui.importing.wizard import ImportWizard
    from desktop_app.ui.printing.dialog import PrintDialog
    for opener, cls in ((window.commands.open_import_wizard, ImportWizard),
                        (window.commands.open_print_dialog, PrintDialog)):
        dialog = opener()
        assert isinstance(dialog, cls)
        assert window.dialog is dialog
        assert dialog.isVisible()
        dialog.close()


def test_window_state_is_remembered(qtbot, demo_db, open_window, today):
    committees.add_committee(demo_db, "Adults and Wellbeing Scrutiny Committee", "AWSC")
    # (the offscreen screen is 800x800; a size it can hold is restored exactly)
    first = open_window(demo_db, size=(960, 700))
    choose(first.committee_combo, "Adults and Wellbeing Scrutiny Committee (AWSC)")
    first.tabs.setCurrentWidget(first.work_tab)
    first.tracker.show_view("recommendation")
    splitter = first.tracker.actions_grid.splitter
    splitter.setSizes([700, 700])
    sizes = splitter.sizes()
    first.close()

    second = open_window(demo_db, size=None)   # as restored
    assert second.committee == "Adults and Wellbeing Scrutiny Committee"
    assert second.tabs.currentWidget() is second.work_tab
    assert second.tracker.current_grid() is second.tracker.recs_grid
    assert (second.width(), second.height()) == (960, 700)   # not the 1366x768 default
    restored = second.tracker.actions_grid.splitter.sizes()
    assert sizes[0] == sizes[1]
    assert abs(restored[0] - restored[1]) <= 2


def test_usable_at_1366_by_768_with_accessible_names(window):
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 768
    grid = window.tracker.actions_grid
    assert grid.table.viewport().width() > 700
    assert grid.detail.width() >= 340
    unnamed = []
    for w in window.tracker.findChildren(QLineEdit) + window.tracker.findChildren(QComboBox) + \
            window.tracker.findChildren(QPlainTextEdit) + window.tracker.findChildren(QTableView) \
            + window.strip.findChildren(QAbstractButton) + [window.committee_combo]:
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
            continue    # the editor inside an editable combo: the combo carries the name
        if w.objectName().startswith("qt_"):
            continue    # Qt's own parts (the calendar pop-up's year box)
        if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text()):
            unnamed.append(f"{type(w).__name__} {w.objectName()}")
    assert unnamed == []


def test_smoke_test_prints_one_json_line(demo_db, cli):
    result = cli("gui", "--smoke-test", env={"SCRUTINY_TRACKER_TODAY": "2021-11-12"})
    assert result.code == 0, result
    lines = result.out.strip().splitlines()
    assert len(lines) == 1
    timings = json.loads(lines[0])
    assert {"window_shown", "tab_meetings", "tab_work_programme", "tab_tracker",
            "total"} <= set(timings)
    assert timings["rows"] == 7
    assert timings["welcome"] is False


def test_no_sub_command_opens_the_window(db_url, monkeypatch):
    import desktop_app.ui.main_window as main_window
    from desktop_app.cli import main
    opened = []
    monkeypatch.setattr(main_window, "run", lambda db, args=None: opened.append(db.url) or 0)
    assert main(["--db", db_url]) == 0
    assert opened == [db_url]


@pytest.mark.parametrize("size", [(1366, 768), (1600, 900)])
def test_each_tab_renders(qtbot, window, size, tmp_path):
    window.resize(*size)
    for tab in (window.meetings_tab, window.work_tab, window.tracker):
        window.tabs.setCurrentWidget(tab)
        qtbot.wait(10)
        image = window.grab()
        assert (image.width(), image.height()) == size
