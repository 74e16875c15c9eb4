"""Every menu entry and every shortcut of the main window, used as an officer would (chosen
from its menu or typed on the keyboard), does what it says: checked on what the window then
shows and, where the entry changes or reads data, against the database. The Tools and Help
menus are test_tools_and_help_menus.py's."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.services import actions, meetings, recommendations
from tests.ui.officer.conftest import DEMO_COMMITTEE, OTHER, SAFETY_MS, visible_dialog


def menu_action(window, menu: str, entry: str):
    """The action of ``entry`` in the menu bar's ``menu``, as a person reads them."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu:
            for action in top.menu().actions():
                if action.text().replace("&", "") == entry:
                    return action
    raise AssertionError(f"no {menu} > {entry}")


def choose_from_menu(window, menu: str, entry: str) -> None:
    action = menu_action(window, menu, entry)
    assert action.isEnabled(), f"{menu} > {entry} is disabled"
    action.trigger()


def type_keys(window, keys: str) -> None:
    """Type a shortcut with the keyboard focus inside the window."""
    window.activateWindow()
    target = QApplication.focusWidget() or window.tabs.currentWidget()
    QTest.keySequence(target, QKeySequence(keys))
    QApplication.processEvents()


TABS = {"Meetings": "meetings_tab", "Work programme": "work_tab", "Tracker": "tracker"}


# ------------------------------------------------------------------------------- the tabs

@pytest.mark.parametrize(("keys", "tab"), [("Ctrl+1", "meetings_tab"), ("Ctrl+2", "work_tab"),
                                           ("Ctrl+3", "tracker")])
def test_ctrl_number_goes_to_its_tab(officer, keys, tab):
    win = officer.window
    start = win.work_tab if tab != "work_tab" else win.meetings_tab
    win.tabs.setCurrentWidget(start)
    start.setFocus()
    type_keys(win, keys)
    assert win.tabs.currentWidget() is getattr(win, tab)


@pytest.mark.parametrize("entry", list(TABS))
def test_view_menu_goes_to_each_tab_and_shows_its_rows(officer, entry):
    win = officer.window
    win.tabs.setCurrentIndex((list(TABS).index(entry) + 1) % 3)
    choose_from_menu(win, "View", entry)
    tab = getattr(win, TABS[entry])
    assert win.tabs.currentWidget() is tab
    assert win.tabs.tabText(win.tabs.currentIndex()).replace("&", "") == entry
    if entry == "Meetings":
        assert tab.meetings_model.rowCount() == len(meetings.list_meetings(win.db, DEMO_COMMITTEE))
    elif entry == "Tracker":
        assert tab.actions_grid.proxy.rowCount() == len(actions.list_actions(win.db,
                                                                             DEMO_COMMITTEE))


# ------------------------------------------------------------------------------- new / find

def _new_dialog_class(where: str):
    from desktop_app.ui.meetings.meeting_dialogs import MeetingDialog
    from desktop_app.ui.tracker.new_record_dialogs import (NewActionDialog,
                                                           NewRecommendationDialog)
    from desktop_app.ui.work_programme.work_item_dialogs import WorkItemDialog
    return {"meetings": MeetingDialog, "work": WorkItemDialog, "actions": NewActionDialog,
            "recommendations": NewRecommendationDialog}[where]


def _go(win, where: str) -> None:
    if where == "meetings":
        win.tabs.setCurrentWidget(win.meetings_tab)
    elif where == "work":
        win.tabs.setCurrentWidget(win.work_tab)
    else:
        win.tabs.setCurrentWidget(win.tracker)
        win.tracker.show_view("action" if where == "actions" else "recommendation")


@pytest.mark.parametrize("how", ["Ctrl+N", "menu"])
@pytest.mark.parametrize("where", ["meetings", "work", "actions", "recommendations"])
def test_new_opens_the_new_record_dialog_of_the_tab_shown(officer, where, how):
    win, qtbot = officer.window, officer.qtbot
    _go(win, where)
    win.tabs.currentWidget().setFocus()
    if how == "menu":
        choose_from_menu(win, "Edit", "New\u2026")
    else:
        type_keys(win, how)
    dialog = visible_dialog(qtbot, _new_dialog_class(where))
    title = dialog.windowTitle()
    assert title.startswith("New")
    dialog.reject()        # cancelled: nothing is written
    assert len(actions.list_actions(win.db, DEMO_COMMITTEE)) == 7


def _search_box(win, where: str):
    return {"meetings": win.meetings_tab.search_edit, "work": win.work_tab.search_edit,
            "actions": win.tracker.actions_grid.search,
            "recommendations": win.tracker.recs_grid.search}[where]


@pytest.mark.parametrize("how", ["Ctrl+F", "menu"])
@pytest.mark.parametrize("where", ["meetings", "work", "actions", "recommendations"])
def test_find_puts_the_cursor_in_the_search_box_of_the_tab_shown(officer, where, how):
    win = officer.window
    _go(win, where)
    win.tabs.tabBar().setFocus()
    if how == "menu":
        choose_from_menu(win, "Edit", "Find")
    else:
        type_keys(win, how)
    box = _search_box(win, where)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert (focused is box or box.isAncestorOf(focused))


# ------------------------------------------------------------------------------- File

@pytest.mark.parametrize("how", ["Ctrl+I", "menu"])
def test_import_opens_the_wizard_for_the_committee_shown(officer, how):
    from desktop_app.ui.importing.wizard import ImportWizard
    win = officer.window
    if how == "menu":
        choose_from_menu(win, "File", "Import\u2026")
    else:
        type_keys(win, how)
    wizard = visible_dialog(officer.qtbot, ImportWizard)
    assert wizard.committee == DEMO_COMMITTEE
    assert wizard.file_page.committee_combo.currentText() == DEMO_COMMITTEE
    wizard.reject()
    assert len(actions.list_actions(win.db, DEMO_COMMITTEE)) == 7


@pytest.mark.parametrize("how", ["Ctrl+P", "menu"])
def test_print_opens_on_the_committee_shown(officer, how):
    from desktop_app.ui.printing.dialog import PrintDialog
    win = officer.window
    if how == "menu":
        choose_from_menu(win, "File", "Print / export\u2026")
    else:
        type_keys(win, how)
    dialog = visible_dialog(officer.qtbot, PrintDialog)
    assert dialog.options.committee().name == DEMO_COMMITTEE
    dialog.cancel_build()
    assert dialog.wait_idle()
    dialog.done(0)


@pytest.mark.parametrize("how", ["Ctrl+Shift+I", "menu"])
def test_import_minutes_asks_for_a_file_and_cancelling_writes_nothing(officer, monkeypatch, how):
    from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
    asked: list[str] = []

    def no_file(parent, caption, *args, **kwargs):
        asked.append(caption)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(no_file))
    win = officer.window
    before = len(recommendations.list_recommendations(win.db, DEMO_COMMITTEE))
    if how == "menu":
        choose_from_menu(win, "File", "Import minutes\u2026")
    else:
        type_keys(win, how)
    assert isinstance(win.dialog, MinutesReviewDialog)
    officer.qtbot.waitUntil(lambda: asked == ["Choose minutes to review"], timeout=SAFETY_MS)
    officer.qtbot.waitUntil(lambda: not win.dialog.isVisible(), timeout=SAFETY_MS)
    assert len(recommendations.list_recommendations(win.db, DEMO_COMMITTEE)) == before


def test_back_up_copies_the_database_into_the_folder_chosen(officer, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(folder)))
    win = officer.window
    choose_from_menu(win, "File", "Back up\u2026")
    officer.qtbot.waitUntil(lambda: "Backed up to" in win.statusBar().currentMessage(),
                            timeout=SAFETY_MS)
    copies = list(folder.iterdir())
    assert len(copies) == 1
    assert str(copies[0]) in win.statusBar().currentMessage()
    from desktop_app.db.schema import open_database
    copy = open_database(f"sqlite:///{copies[0]}")
    try:
        assert [a.ref for a in actions.list_actions(copy, DEMO_COMMITTEE)] == \
            [a.ref for a in actions.list_actions(win.db, DEMO_COMMITTEE)]
    finally:
        copy.dispose()


def test_back_up_cancelled_writes_no_file(officer, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: ""))
    win = officer.window
    win.statusBar().clearMessage()
    choose_from_menu(win, "File", "Back up\u2026")
    QApplication.processEvents()
    assert "Backed up" not in win.statusBar().currentMessage()
    assert not officer.boxes.seen


def test_open_database_cancelled_keeps_this_database(officer, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    win = officer.window
    before = win.db_label.text()
    choose_from_menu(win, "File", "Open database\u2026")
    assert win.isVisible()
    assert win.db_label.text() == before
    assert win.committee == DEMO_COMMITTEE


# ------------------------------------------------------------------------------- Edit

@pytest.mark.parametrize("how", ["keys", "menu"])
def test_undo_and_redo_of_a_new_meeting_change_the_database(officer, how):
    from desktop_app.ui.meetings.meeting_dialogs import MeetingDialog
    win, qtbot = officer.window, officer.qtbot
    day = dt.date(2022, 6, 14) if how == "keys" else dt.date(2022, 6, 28)
    win.tabs.setCurrentWidget(win.meetings_tab)
    win.meetings_tab.new_meeting_action.trigger()
    dialog = visible_dialog(qtbot, MeetingDialog, win.meetings_tab)
    dialog.date_edit.setDate(day)
    dialog.venue_edit.setText("Plough Lane, Hereford")
    dialog.accept()
    assert meetings.get_meeting(win.db, DEMO_COMMITTEE, day).venue == "Plough Lane, Hereford"
    # a new meeting is added directly (not on the undo stack); its venue edit is undoable
    m = win.meetings_tab.current_meeting()
    assert m.date == day
    win.meetings_tab.edit_meeting_action.trigger()
    dialog = visible_dialog(qtbot, MeetingDialog, win.meetings_tab)
    dialog.venue_edit.setText("Shire Hall, Hereford")
    dialog.accept()
    assert meetings.get_meeting(win.db, DEMO_COMMITTEE, day).venue == "Shire Hall, Hereford"
    assert menu_action(win, "Edit", "Undo Edit the meeting on " +
                       f"{day.day} {day:%B %Y}").isEnabled()
    if how == "menu":
        menu_action(win, "Edit", win.menus.undo_action.text().replace("&", "")).trigger()
    else:
        win.meetings_tab.meetings_view.setFocus()
        type_keys(win, "Ctrl+Z")
    assert meetings.get_meeting(win.db, DEMO_COMMITTEE, day).venue == "Plough Lane, Hereford"
    assert "Plough Lane" in win.meetings_tab.meeting_details.text()
    if how == "menu":
        menu_action(win, "Edit", win.menus.redo_action.text().replace("&", "")).trigger()
    else:
        type_keys(win, "Ctrl+Y")
    assert meetings.get_meeting(win.db, DEMO_COMMITTEE, day).venue == "Shire Hall, Hereford"
    assert "Shire Hall" in win.meetings_tab.meeting_details.text()


# ------------------------------------------------------------------------------- View

@pytest.mark.parametrize("how", ["F5", "menu"])
def test_refresh_shows_what_someone_else_added(officer, how):
    win = officer.window
    text = f"Send the SEND strategy to members ({how})"
    actions.add_action(win.db, DEMO_COMMITTEE, dt.date(2021, 10, 12), text, owner="Claire Ward")
    grid = win.tracker.actions_grid
    assert text not in [grid.proxy.row_at(r).text for r in range(grid.proxy.rowCount())]
    if how == "menu":
        choose_from_menu(win, "View", "Refresh")
    else:
        grid.table.setFocus()
        type_keys(win, how)
    assert win.tracker.wait_loaded()
    shown = [grid.proxy.row_at(r).text for r in range(grid.proxy.rowCount())]
    assert text in shown
    assert len(shown) == len(actions.list_actions(win.db, DEMO_COMMITTEE))
    new = next(a for a in actions.list_actions(win.db, DEMO_COMMITTEE) if a.text == text)
    actions.delete_action(win.db, new.id)
    choose_from_menu(win, "View", "Refresh")
    assert win.tracker.wait_loaded()


@pytest.mark.parametrize("on", [False, True])
def test_attention_strip_shown_or_hidden_from_the_view_menu(officer, on):
    win = officer.window
    action = menu_action(win, "View", "Show what needs attention")
    action.setChecked(not on)
    action.trigger()                 # as a click on the checkable entry
    assert action.isChecked() is on
    assert win.strip.isVisible() is on
    action.setChecked(True)


@pytest.mark.parametrize("on", [False, True])
def test_detail_pane_shown_or_hidden_and_remembered(officer, on):
    from desktop_app.ui import app_state
    win = officer.window
    action = menu_action(win, "View", "Show the detail pane")
    action.setChecked(not on)
    action.trigger()
    assert win.tracker.action_detail.isVisible() is on
    assert win.tracker.details_visible() is on
    win.tracker.save_state()
    assert app_state.read_bool(app_state.KEY_DETAILS, not on) is on
    action.setChecked(True)


# ------------------------------------------------------------------------------- committees

@pytest.mark.parametrize("entry", ["All committees",
                                   f"{DEMO_COMMITTEE} (CYPSC)", f"{OTHER} (HSC)"])
def test_choosing_a_committee_shows_its_rows_in_every_tab(officer, entry):
    win = officer.window
    combo = win.committee_combo
    index = combo.findText(entry)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    assert win.tracker.wait_loaded()
    name = None if entry == "All committees" else entry.rsplit(" (", 1)[0]
    assert win.windowTitle().startswith(name or "All committees")
    grid = win.tracker.actions_grid
    shown = sorted(grid.proxy.row_at(r).id for r in range(grid.proxy.rowCount()))
    assert shown == sorted(a.id for a in actions.list_actions(win.db, name))
    recs = win.tracker.recs_grid
    assert recs.proxy.rowCount() == len(recommendations.list_recommendations(win.db, name))
    column = next(i for i, c in enumerate(grid.model.columns) if c.key == "committee")
    assert grid.table.isColumnHidden(column) is (name is not None)
    win.tabs.setCurrentWidget(win.meetings_tab)
    if name is None:
        assert win.meetings_tab.meetings_model.rowCount() == 0
    else:
        assert sorted(win.meetings_tab.meetings_model.row_at(r).date
                      for r in range(win.meetings_tab.meetings_model.rowCount())) == \
            sorted(m.date for m in meetings.list_meetings(win.db, name))
