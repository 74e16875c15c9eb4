"""The Work programme tab: sections like the committee's document, moves with reasons (command
and drag and drop), undo, briefing notes, dropped items; checked against the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox

from desktop_app.services import meetings as meetings_service
from desktop_app.services import work_programme as wp
from desktop_app.ui.work_programme.work_programme_model import (Section, WorkProgrammeModel,
                                                        section_key_of)
from desktop_app.ui.work_programme.work_item_dialogs import MoveDialog, WorkItemDialog
from desktop_app.ui.work_programme.work_programme_tab import WorkProgrammeTab
from tests.conftest import DEMO_COMMITTEE

D = dt.date


@pytest.fixture
def tab(qtbot, demo_db, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-16")
    stack = QUndoStack()
    page = WorkProgrammeTab(demo_db, stack)
    page.undo_stack_ref = stack
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.set_committee(DEMO_COMMITTEE)
    page.show()
    qtbot.waitExposed(page)
    return page


def item_named(db, title: str):
    return next(i for i in wp.list_work_programme(db, DEMO_COMMITTEE, "all")
                if i.title.startswith(title))


def click(qtbot, tab, action):
    qtbot.mouseClick(tab.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def choose(qtbot, tab, title: str):
    row = tab.model.item_row_of(item_named(tab.db, title).id)
    index = tab.model.index(row, WorkProgrammeModel.ORIGIN)
    tab.view.scrollTo(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.visualRect(index).center())
    assert tab.current_item().title.startswith(title)


def wait_dialog(qtbot, tab, cls):
    found = []

    def visible():
        found[:] = [d for d in tab.findChildren(cls) if d.isVisible()]
        assert found

    qtbot.waitUntil(visible)
    return found[-1]


def pick(qtbot, combo, text: str) -> None:
    """Open the drop-down and click the entry that starts with ``text``."""
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    model_index = view.model().index(index, 0)
    view.scrollTo(model_index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model_index).center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == index


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def headings(tab) -> list[Section]:
    return [tab.model.row_at(r) for r in tab.model.heading_rows()]


def test_sections_follow_the_committee_work_programme(tab):
    titles = [s.title for s in headings(tab)]
    assert "Tuesday 23 November 2021, 2:30 pm" in titles
    assert titles[-4:] == ["To be scheduled and prioritised or removed", "Workshops / seminars",
                           "Task and finish groups", "Briefing notes"]
    nov = next(s for s in headings(tab) if s.title.startswith("Tuesday 23 November 2021"))
    assert "Improvement focus" in nov.subtitle
    assert "Publication deadline: 15 November" in nov.subtitle
    assert "Questions deadline: 17 November" in nov.subtitle
    jan = next(s for s in headings(tab) if s.title.startswith("Tuesday 11 January 2022"))
    assert "bank holiday" in jan.subtitle
    # Items sit under their meeting heading, spanning rows are set for the headings.
    row = tab.model.heading_row_of(nov.key)
    assert tab.view.columnSpan(row, 0) == tab.model.columnCount()
    under = [tab.model.row_at(r).title for r in range(row + 1, row + 1 + nov.count)]
    assert under == ["Update on Children's Services Strategic and Operational Improvement Plan",
                     "Independent Review Officer Report", "Carers Portal"]
    briefing = tab.model.heading_row_of(("format", "briefing_note"))
    first = tab.model.row_at(briefing + 1)
    assert tab.model.index(briefing + 1, WorkProgrammeModel.ORIGIN).data() == \
        f"Target date: {first.target}"


def test_move_to_meeting_command_records_the_reason(qtbot, tab):
    position = item_named(tab.db, "Carers Portal").position
    assert position                                   # the officer's own words
    choose(qtbot, tab, "Carers Portal")
    click(qtbot, tab, tab.move_action)
    dialog = wait_dialog(qtbot, tab, MoveDialog)
    # Suggests the next meeting to come; the officer picks 7 December anyway.
    pick(qtbot, dialog.meeting_combo, "Tuesday 7 December")
    assert dialog.values()["to_date"] == D(2021, 12, 7)
    qtbot.keyClicks(dialog.reason_edit, "Report not ready")
    assert dialog.preview_label.text().startswith(
        "Deferred: 23 November 2021 \u2192 7 December 2021.")
    assert "current position is kept" in dialog.preview_label.text()
    press_ok(qtbot, dialog)

    moved = item_named(tab.db, "Carers Portal")
    assert moved.meeting_date == D(2021, 12, 7)
    assert moved.position == position                 # kept: the move is in the history
    assert moved.moves[-1].reason == "Report not ready"
    assert (moved.moves[-1].from_date, moved.moves[-1].to_date) == (D(2021, 11, 23),
                                                                    D(2021, 12, 7))
    # Shown under 7 December, its position as it was, the move in the history pane.
    row = tab.model.item_row_of(moved.id)
    assert tab.model.section_at(row).meeting_date == D(2021, 12, 7)
    assert tab.model.index(row, WorkProgrammeModel.POSITION).data() == position
    assert tab.current_item().id == moved.id
    assert "Report not ready" in tab.detail.toPlainText()
    assert "23 November 2021 \u2192 7 December 2021" in tab.detail.toPlainText()


def test_a_move_needs_a_reason(qtbot, tab):
    choose(qtbot, tab, "Carers Portal")
    click(qtbot, tab, tab.move_action)
    dialog = wait_dialog(qtbot, tab, MoveDialog)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "reason" in dialog.error_label.text()
    assert item_named(tab.db, "Carers Portal").meeting_date == D(2021, 11, 23)
    dialog.reject()


def test_drag_and_drop_onto_another_meeting(qtbot, tab):
    item = item_named(tab.db, "Independent Review Officer Report")
    model = tab.model
    source = model.index(model.item_row_of(item.id), 0)
    data = model.mimeData([source])
    jan = model.heading_row_of(("meeting", meetings_service.get_meeting(
        tab.db, DEMO_COMMITTEE, D(2022, 1, 11)).id))
    target = model.index(jan, 0)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    # Not onto the briefing notes, nor where it already is.
    briefing = model.index(model.heading_row_of(("format", "briefing_note")), 0)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, briefing)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, source)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)

    dialog = wait_dialog(qtbot, tab, MoveDialog)          # asks for the reason
    assert dialog.values()["to_date"] == D(2022, 1, 11)
    qtbot.keyClicks(dialog.reason_edit, "Officer on leave in November")
    press_ok(qtbot, dialog)
    moved = item_named(tab.db, "Independent Review Officer Report")
    assert moved.meeting_date == D(2022, 1, 11)
    assert moved.moves[-1].reason == "Officer on leave in November"
    assert moved.position == item.position


def test_drop_event_on_the_grid_reaches_the_model(qtbot, tab):
    """The view's own drop handling (drag enter, move, drop on a heading) leads to the move."""
    item = item_named(tab.db, "Carers Portal")
    model, view = tab.model, tab.view
    assert view.dragDropMode() == QAbstractItemView.DragDropMode.DragDrop
    source = model.index(model.item_row_of(item.id), 0)
    assert model.flags(source) & Qt.ItemFlag.ItemIsDragEnabled
    data = model.mimeData([source])
    mar = model.index(model.heading_row_of(("meeting", meetings_service.get_meeting(
        tab.db, DEMO_COMMITTEE, D(2022, 3, 22)).id)), 0)
    qtbot.wait(20)                                        # rows fitted to their text
    view.scrollTo(mar)
    qtbot.wait(20)
    pos = QPointF(view.visualRect(mar).center())
    assert view.indexAt(pos.toPoint()) == mar
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    point = pos.toPoint()  # drag enter/move events take integer points
    for event in (QDragEnterEvent(point, Qt.DropAction.MoveAction, data, buttons, mods),
                  QDragMoveEvent(point, Qt.DropAction.MoveAction, data, buttons, mods)):
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(view.viewport(), drop)
    dialog = wait_dialog(qtbot, tab, MoveDialog)
    assert dialog.values()["to_date"] == D(2022, 3, 22)
    qtbot.keyClicks(dialog.reason_edit, "Fits the March agenda better")
    press_ok(qtbot, dialog)
    assert item_named(tab.db, "Carers Portal").meeting_date == D(2022, 3, 22)


def test_drop_between_rows_lands_in_the_section_above(qtbot, tab):
    item = item_named(tab.db, "Principal Social Worker")          # to be scheduled
    model = tab.model
    data = model.mimeData([model.index(model.item_row_of(item.id), 0)])
    dec = model.heading_row_of(("meeting", meetings_service.get_meeting(
        tab.db, DEMO_COMMITTEE, D(2021, 12, 7)).id))
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, dec + 2, 0, model.index(-1, -1))
    dialog = wait_dialog(qtbot, tab, MoveDialog)
    assert dialog.values()["to_date"] == D(2021, 12, 7)
    dialog.reject()
    assert item_named(tab.db, "Principal Social Worker").meeting_date is None


def test_undo_and_redo_a_move(qtbot, tab):
    before = item_named(tab.db, "Carers Portal")
    choose(qtbot, tab, "Carers Portal")
    click(qtbot, tab, tab.move_action)
    dialog = wait_dialog(qtbot, tab, MoveDialog)
    pick(qtbot, dialog.meeting_combo, "Tuesday 11 January 2022")
    qtbot.keyClicks(dialog.reason_edit, "Chair asked for it in the new year")
    press_ok(qtbot, dialog)
    assert item_named(tab.db, "Carers Portal").meeting_date == D(2022, 1, 11)

    tab.undo_stack.undo()
    back = item_named(tab.db, "Carers Portal")
    assert back.meeting_date == D(2021, 11, 23)
    assert (back.position, back.status) == (before.position, before.status)
    assert tab.model.section_at(tab.model.item_row_of(back.id)).meeting_date == D(2021, 11, 23)
    tab.undo_stack.redo()
    again = item_named(tab.db, "Carers Portal")
    assert again.meeting_date == D(2022, 1, 11)
    assert again.position == before.position
    assert [m.reason for m in again.moves][-1:] == ["Chair asked for it in the new year"]


def test_move_back_to_be_scheduled(qtbot, tab):
    choose(qtbot, tab, "Carers Portal")
    click(qtbot, tab, tab.move_action)
    dialog = wait_dialog(qtbot, tab, MoveDialog)
    pick(qtbot, dialog.meeting_combo, "To be scheduled")
    qtbot.keyClicks(dialog.reason_edit, "To be covered by a briefing")
    press_ok(qtbot, dialog)
    moved = item_named(tab.db, "Carers Portal")
    assert moved.meeting_date is None
    assert moved.status == "deferred"
    row = tab.model.item_row_of(moved.id)
    assert tab.model.section_at(row).key == ("unscheduled", None)


def test_add_briefing_note_with_a_fuzzy_target(qtbot, tab):
    click(qtbot, tab, tab.new_action)
    dialog = wait_dialog(qtbot, tab, WorkItemDialog)
    pick(qtbot, dialog.format_combo, "Briefing note")
    assert dialog.format_combo.currentData() == "briefing_note"
    assert not dialog.meeting_combo.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.title_edit, "Outcome of the audit of child protection plans")
    qtbot.keyClicks(dialog.target_edit, "Summer 2021")
    assert dialog.target_hint.text() == "Kept as written (not an exact date)"
    qtbot.keyClicks(dialog.lead_edit, "Head of Safeguarding")
    press_ok(qtbot, dialog)

    note = item_named(tab.db, "Outcome of the audit of child protection plans")
    assert (note.format, note.target, note.target_date) == ("briefing_note", "Summer 2021", None)
    assert note.lead == "Head of Safeguarding"
    assert note.meeting_date is None
    row = tab.model.item_row_of(note.id)
    assert tab.model.section_at(row).title == "Briefing notes"
    assert tab.model.index(row, WorkProgrammeModel.ORIGIN).data() == "Target date: Summer 2021"


def test_add_agenda_item_to_a_meeting_with_an_exact_target(qtbot, tab):
    click(qtbot, tab, tab.new_action)
    dialog = wait_dialog(qtbot, tab, WorkItemDialog)
    pick(qtbot, dialog.meeting_combo, "Tuesday 22 March 2022")
    qtbot.keyClicks(dialog.title_edit, "Youth Justice Plan 2022/23")
    qtbot.keyClicks(dialog.target_edit, "22/03/2022")
    assert dialog.target_hint.text() == "Read as Tuesday 22 March 2022"
    press_ok(qtbot, dialog)
    added = item_named(tab.db, "Youth Justice Plan 2022/23")
    assert added.meeting_date == D(2022, 3, 22)
    assert added.status == "scheduled"
    assert added.target_date == D(2022, 3, 22)


def test_edit_item_then_undo(qtbot, tab):
    choose(qtbot, tab, "Carers Portal")
    click(qtbot, tab, tab.edit_action)
    dialog = wait_dialog(qtbot, tab, WorkItemDialog)
    assert not dialog.meeting_combo.isEnabled()     # meetings change by moving
    dialog.lead_edit.clear()
    qtbot.keyClicks(dialog.lead_edit, "Head of Adult Social Care")
    qtbot.keyClicks(dialog.scrutiny_combo.lineEdit(), "Performance review")
    press_ok(qtbot, dialog)
    edited = item_named(tab.db, "Carers Portal")
    assert (edited.lead, edited.scrutiny_type) == ("Head of Adult Social Care",
                                                   "Performance review")
    tab.undo_stack.undo()
    assert item_named(tab.db, "Carers Portal").lead == "Matthew Sampson"


def test_drop_item_hidden_then_shown_struck_through_and_undo(qtbot, tab):
    choose(qtbot, tab, "Principal Social Worker")
    click(qtbot, tab, tab.drop_action)
    dropped = item_named(tab.db, "Principal Social Worker")
    assert dropped.status == "dropped"
    assert tab.model.item_row_of(dropped.id) == -1            # hidden by default
    qtbot.mouseClick(tab.show_dropped_check, Qt.MouseButton.LeftButton)
    row = tab.model.item_row_of(dropped.id)
    assert row >= 0
    assert tab.model.index(row, WorkProgrammeModel.ITEM).data(Qt.ItemDataRole.FontRole).strikeOut()
    tab.undo_stack.undo()
    assert item_named(tab.db, "Principal Social Worker").status == "proposed"


def test_restore_a_dropped_item(qtbot, tab):
    item = item_named(tab.db, "Early years intervention")
    wp.drop_work_item(tab.db, item.id)
    tab.refresh()
    qtbot.mouseClick(tab.show_dropped_check, Qt.MouseButton.LeftButton)
    choose(qtbot, tab, "Early years intervention")
    assert tab.restore_action.isEnabled()
    assert not tab.move_action.isEnabled()
    click(qtbot, tab, tab.restore_action)
    assert item_named(tab.db, "Early years intervention").status == "proposed"


def test_search_narrows_to_matching_sections(qtbot, tab):
    tab.focus_search()
    qtbot.keyClicks(tab.search_edit, "Sampson")
    items = [tab.model.row_at(r) for r in range(tab.model.rowCount())
             if not isinstance(tab.model.row_at(r), Section)]
    assert {i.title for i in items} == {"Independent Review Officer Report", "Carers Portal"}
    assert [s.title for s in headings(tab)] == ["Tuesday 23 November 2021, 2:30 pm"]


def test_model_passes_the_model_tester(qtmodeltester, demo_db):
    model = WorkProgrammeModel()
    items = wp.list_work_programme(demo_db, DEMO_COMMITTEE, "all")
    model.set_data(items, meetings_service.list_meetings(demo_db, DEMO_COMMITTEE),
                   D(2021, 11, 16))
    qtmodeltester.check(model)
    assert all(section_key_of(i) for i in items)
