"""The Work programme tab in the main window, driven as an officer would: every section lists
the items the database files there; add an item of each format; targets typed as people write
them; move an item to each meeting (the reason kept) and back; change its status; search;
refusals inside the dialogs; right-click and double-click. Checked against the database and
against what the grid shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingStatus, WorkFormat, WorkStatus
from desktop_app.domain.records import WorkItemRow
from desktop_app.services import meetings, work_programme
from desktop_app.ui.work_programme.work_item_dialogs import MoveDialog, WorkItemDialog
from desktop_app.ui.work_programme.work_programme_model import Section, WorkProgrammeModel
from tests.ui.officer.conftest import DEMO_COMMITTEE, TODAY, click, click_tool, visible_dialog

FORMAT_SECTIONS = {"workshop", "task_and_finish", "briefing_note"}
UPCOMING = [dt.date(2021, 11, 23), dt.date(2021, 12, 7), dt.date(2022, 1, 11),
            dt.date(2022, 3, 22)]


@pytest.fixture
def tab(officer):
    win = officer.window
    win.tabs.setCurrentWidget(win.work_tab)
    return win.work_tab


def stored_items(db) -> list[WorkItemRow]:
    return work_programme.list_work_programme(db, DEMO_COMMITTEE)


def where_filed(item: WorkItemRow) -> tuple:
    """The section an item belongs in, written from its stored fields."""
    if item.format in FORMAT_SECTIONS:
        return ("format", str(item.format))
    if item.meeting_id is not None:
        return ("meeting", item.meeting_id)
    return ("unscheduled", None)


def grid_sections(tab) -> dict[tuple, list[int]]:
    """What the grid shows: each section heading with the ids of the items under it."""
    model = tab.model
    shown: dict[tuple, list[int]] = {}
    current: tuple | None = None
    for r in range(model.rowCount()):
        row = model.row_at(r)
        if isinstance(row, Section):
            key = row.key
            current = ("unscheduled", None) if key[0] not in ("meeting", "format") else \
                (key[0], str(key[1]) if key[0] == "format" else key[1])
            shown[current] = []
        else:
            assert current is not None
            shown[current].append(row.id)
    return shown


def select(qtbot, tab, item_id: int) -> None:
    r = tab.model.item_row_of(item_id)
    assert r >= 0, "the item is not shown"
    index = tab.model.index(r, WorkProgrammeModel.LEAD)
    tab.view.scrollTo(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.visualRect(index).center())
    assert tab.current_item().id == item_id


def ok(qtbot, dialog) -> None:
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))


@pytest.mark.parametrize("section", ["unscheduled", "workshop", "task_and_finish",
                                     "briefing_note", "meetings"])
def test_each_section_lists_the_items_the_database_files_there(officer, tab, section):
    live = [i for i in stored_items(officer.db) if i.status != WorkStatus.DROPPED]
    expected: dict[tuple, list[int]] = {}
    for item in live:
        expected.setdefault(where_filed(item), []).append(item.id)
    shown = grid_sections(tab)
    keys = [k for k in set(expected) | set(shown)
            if (k[0] == "meeting") == (section == "meetings")
            and (section == "meetings" or k[1] == (None if section == "unscheduled"
                                                   else section))]
    assert keys
    for key in keys:
        assert sorted(shown.get(key, [])) == sorted(expected.get(key, [])), key


def test_every_scheduled_meeting_has_a_section_even_when_empty(officer, tab):
    shown = grid_sections(tab)
    for m in meetings.list_meetings(officer.db, DEMO_COMMITTEE):
        if m.status == MeetingStatus.SCHEDULED:
            assert ("meeting", m.id) in shown, m.date


@pytest.mark.parametrize("fmt", list(WorkFormat))
def test_add_an_item_of_each_format_and_it_is_filed_in_its_section(officer, tab, fmt):
    qtbot, db = officer.qtbot, officer.db
    click_tool(qtbot, tab.toolbar, tab.new_action)
    dialog = visible_dialog(qtbot, WorkItemDialog, tab)
    assert dialog.windowTitle() == "New work programme item"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findText(fmt.label))
    takes_meeting = fmt in (WorkFormat.AGENDA_ITEM, WorkFormat.ANNUAL_REPORT)
    assert dialog.meeting_combo.isVisibleTo(dialog) is takes_meeting
    if takes_meeting:
        dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData("2022-01-11"))
    title = f"School place planning ({fmt.label})"
    qtbot.keyClicks(dialog.title_edit, title)
    qtbot.keyClicks(dialog.lead_edit, "Head of Learning Places")
    ok(qtbot, dialog)
    new = [i for i in stored_items(db) if i.title == title]
    assert len(new) == 1
    item = new[0]
    assert item.format == fmt
    assert item.lead == "Head of Learning Places"
    assert item.meeting_date == (dt.date(2022, 1, 11) if takes_meeting else None)
    assert item.id in grid_sections(tab)[where_filed(item)]
    assert tab.current_item().id == item.id
    assert title in tab.detail.toPlainText()


@pytest.mark.parametrize(("typed", "exact", "hint"), [
    ("Summer 2022", None, "Kept as written (not an exact date)"),
    ("June / July 2022", None, "Kept as written (not an exact date)"),
    ("14/06/2022", dt.date(2022, 6, 14), "Read as Tuesday 14 June 2022"),
    ("1/3/2022", dt.date(2022, 3, 1), "Read as Tuesday 1 March 2022"),
    ("31/02/2022", None, "Kept as written (not an exact date)"),
])
def test_a_target_is_read_as_a_date_only_when_it_is_one(officer, tab, typed, exact, hint):
    qtbot, db = officer.qtbot, officer.db
    click_tool(qtbot, tab.toolbar, tab.new_action)
    dialog = visible_dialog(qtbot, WorkItemDialog, tab)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findText("Briefing note"))
    title = f"Home to school transport costs, target {typed}"
    qtbot.keyClicks(dialog.title_edit, title)
    qtbot.keyClicks(dialog.target_edit, typed)
    assert dialog.target_hint.text() == hint
    ok(qtbot, dialog)
    item = next(i for i in stored_items(db) if i.title == title)
    assert (item.target, item.target_date) == (typed, exact)
    r = tab.model.item_row_of(item.id)
    assert tab.model.index(r, WorkProgrammeModel.ORIGIN).data().startswith(
        f"Target date: {typed}")


def test_an_item_without_a_title_is_refused(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    before = len(stored_items(db))
    click_tool(qtbot, tab.toolbar, tab.new_action)
    dialog = visible_dialog(qtbot, WorkItemDialog, tab)
    qtbot.keyClicks(dialog.lead_edit, "Somebody")
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Give the item a title."
    dialog.reject()
    assert len(stored_items(db)) == before
    assert not officer.boxes.seen


def _scheduled_item(db, not_on: dt.date | None = None) -> WorkItemRow:
    return next(i for i in stored_items(db) if i.format == WorkFormat.AGENDA_ITEM
                and i.meeting_date is not None and i.meeting_date >= TODAY
                and i.status == WorkStatus.SCHEDULED and i.meeting_date != not_on)


def test_a_move_without_a_reason_is_refused_and_nothing_moves(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    item = _scheduled_item(db)
    select(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.move_action)
    dialog = visible_dialog(qtbot, MoveDialog, tab)
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == \
        "Say why the item is moving: the reason is kept in its history."
    dialog.reject()
    after = next(i for i in stored_items(db) if i.id == item.id)
    assert (after.meeting_date, after.version, after.moves) == \
        (item.meeting_date, item.version, item.moves)


@pytest.mark.parametrize("to", [*UPCOMING, None], ids=[*map(str, UPCOMING), "unscheduled"])
def test_move_an_item_to_each_meeting_with_its_reason_then_undo(officer, tab, to):
    qtbot, db = officer.qtbot, officer.db
    item = _scheduled_item(db, not_on=to)
    select(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.move_action)
    dialog = visible_dialog(qtbot, MoveDialog, tab)
    offered = [dialog.meeting_combo.itemData(i) for i in range(dialog.meeting_combo.count())]
    assert item.meeting_date.isoformat() not in offered       # not where it is already
    dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData(
        to.isoformat() if to else ""))
    reason = f"Report not ready (moving to {to or 'be scheduled'})"
    qtbot.keyClicks(dialog.reason_edit, reason)
    ok(qtbot, dialog)
    moved = next(i for i in stored_items(db) if i.id == item.id)
    assert moved.meeting_date == to
    assert moved.moves
    assert moved.moves[-1].reason == reason
    assert moved.moves[-1].to_date == to
    assert moved.moves[-1].from_date == item.meeting_date
    assert item.id in grid_sections(tab)[where_filed(moved)]
    assert reason in tab.detail.toPlainText()
    officer.window.undo_stack.undo()
    back = next(i for i in stored_items(db) if i.id == item.id)
    assert back.meeting_date == item.meeting_date
    assert item.id in grid_sections(tab)[where_filed(back)]


@pytest.mark.parametrize("status", [WorkStatus.PROPOSED, WorkStatus.DELIVERED,
                                    WorkStatus.DEFERRED])
def test_change_an_items_status_and_the_grid_says_so_then_undo(officer, tab, status):
    qtbot, db = officer.qtbot, officer.db
    item = _scheduled_item(db)
    select(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.edit_action)
    dialog = visible_dialog(qtbot, WorkItemDialog, tab)
    assert not dialog.meeting_combo.isEnabled()         # moved only with its reason
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText(status.label))
    ok(qtbot, dialog)
    assert next(i for i in stored_items(db) if i.id == item.id).status == status
    r = tab.model.item_row_of(item.id)
    assert tab.model.index(r, WorkProgrammeModel.STATUS).data().split("\n")[0] == status.label
    officer.window.undo_stack.undo()
    assert next(i for i in stored_items(db) if i.id == item.id).status == item.status


@pytest.mark.parametrize("section", ["meeting", "unscheduled", "briefing_note",
                                     "task_and_finish"])
def test_the_toolbar_offers_what_the_chosen_item_allows(officer, tab, section):
    qtbot = officer.qtbot
    items = [i for i in stored_items(officer.db) if i.status != WorkStatus.DROPPED]
    pick = next(i for i in items if where_filed(i)[0] == section
                or (section in FORMAT_SECTIONS and where_filed(i) == ("format", section)))
    select(qtbot, tab, pick.id)
    assert tab.edit_action.isEnabled()
    assert tab.move_action.isEnabled() is (section not in FORMAT_SECTIONS)
    assert tab.drop_action.isEnabled()
    assert not tab.restore_action.isEnabled()


@pytest.mark.parametrize("typed", ["dental", "Bromyard", "briefing", "mental health",
                                   "no such topic"])
def test_search_shows_only_the_matching_items(officer, tab, typed):
    qtbot = officer.qtbot
    qtbot.keyClicks(tab.search_edit, typed)
    words = typed.lower().split()

    def words_of(i) -> str:
        return " ".join((i.title, i.scrutiny_type, i.origin, i.lead, i.position, i.target,
                         str(i.status))).lower()

    wanted = sorted(i.id for i in stored_items(officer.db)
                    if i.status != WorkStatus.DROPPED and all(w in words_of(i) for w in words))
    shown = sorted(i for ids in grid_sections(tab).values() for i in ids)
    assert shown == wanted
    assert all(ids for ids in grid_sections(tab).values())   # empty sections are left out


def test_dropped_items_are_shown_only_when_asked(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    item = next(i for i in stored_items(db) if i.status == WorkStatus.PROPOSED)
    select(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.drop_action)
    assert next(i for i in stored_items(db) if i.id == item.id).status == WorkStatus.DROPPED
    assert tab.model.item_row_of(item.id) == -1
    click(qtbot, tab.show_dropped_check)
    r = tab.model.item_row_of(item.id)
    assert r >= 0
    assert tab.model.index(r, WorkProgrammeModel.ITEM).data(Qt.ItemDataRole.FontRole).strikeOut()
    officer.window.undo_stack.undo()
    assert next(i for i in stored_items(db) if i.id == item.id).status == WorkStatus.PROPOSED


def test_right_click_offers_the_item_commands(officer, tab):
    item = _scheduled_item(officer.db)
    select(officer.qtbot, tab, item.id)
    index = tab.model.index(tab.model.item_row_of(item.id), WorkProgrammeModel.LEAD)
    pos = tab.view.visualRect(index).center()
    QApplication.sendEvent(tab.view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, tab.view.viewport().mapToGlobal(pos)))
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus
    entries = [(a.text().replace("&", ""), a.isEnabled()) for a in menus[-1].actions()
               if a.text()]
    for menu in menus:
        menu.close()
    assert entries == [("Edit item\u2026", True), ("Move to meeting\u2026", True),
                       ("Drop item", True), ("Restore item", False), ("New item\u2026", True)]


@pytest.mark.parametrize("day", [dt.date(2021, 12, 7), dt.date(2022, 1, 11)])
def test_double_clicking_a_meetings_heading_adds_an_item_to_that_meeting(officer, tab, day):
    qtbot = officer.qtbot
    m = meetings.get_meeting(officer.db, DEMO_COMMITTEE, day)
    r = tab.model.heading_row_of(("meeting", m.id))
    index = tab.model.index(r, 0)
    tab.view.scrollTo(index)
    pos = tab.view.visualRect(index).center()
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    dialog = visible_dialog(qtbot, WorkItemDialog, tab)
    assert dialog.meeting_combo.currentData() == day.isoformat()
    assert dialog.meeting_combo.currentText().startswith(dates.format_uk(day, "full"))
    dialog.reject()
