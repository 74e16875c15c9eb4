"""Editing the action log in the grid itself (double-click or F2 on Owner, Progress update, Due
or Status), as an officer does: what is typed is saved (the database), shown (the cell and the
detail pane), undone and redone from the Edit menu; what is not a date is refused with the
pane's message and writes nothing; Escape writes nothing; the other columns do not edit."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from desktop_app.services import actions
from desktop_app.ui.app_state import short_date
from tests.ui.tracker_more.conftest import (HOUSING, TODAY, cell_text, click_cell, column_of,
                                            housing_action, scope)


def housing_grid(desk):
    scope(desk.window, HOUSING)
    return desk.window.tracker.actions_grid


def open_editor(qtbot, grid, row_id: int, key: str):
    """Click the cell, then double-click it, as a person does; the editor that opens."""
    click_cell(qtbot, grid, row_id, key)
    index = grid.proxy.index(grid.proxy.proxy_row_of(row_id), column_of(grid, key))
    qtbot.mouseDClick(grid.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=grid.table.visualRect(index).center())
    editor = QApplication.focusWidget()
    assert editor is not grid.table, "no editor opened in the cell"
    assert grid.table.isAncestorOf(editor)
    return editor


def type_into(qtbot, editor, text: str, key=Qt.Key.Key_Return) -> None:
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, key)


def undo_redo(desk, redo: bool = False) -> None:
    menus = desk.window.menus
    (menus.redo_action if redo else menus.undo_action).trigger()


@pytest.mark.parametrize(("typed", "stored"), [
    ("Darryl Freeman", "Darryl Freeman"),
    ("Gladys Rhodes-White", "Gladys Rhodes-White"),
    ("Priya Shah", "Priya Shah"),                      # one of the names offered
    ("  Ewen Archibald  ", "Ewen Archibald"),          # spaces trimmed, as in the pane
])
def test_an_owner_typed_in_the_cell_is_saved_shown_undone_and_redone(desk, typed, stored):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H1")
    editor = open_editor(qtbot, grid, before.id, "owner")
    assert editor.currentText() == before.owner            # the editor starts from the value
    type_into(qtbot, editor, typed)
    qtbot.waitUntil(lambda: actions.get_action(db, before.id).owner == stored)
    assert cell_text(grid, before.id, "owner") == stored
    assert desk.window.tracker.action_detail.owner.currentText() == stored   # the pane too
    assert desk.window.undo_stack.count() == 1
    undo_redo(desk)
    assert actions.get_action(db, before.id).owner == before.owner
    assert cell_text(grid, before.id, "owner") == before.owner
    undo_redo(desk, redo=True)
    assert actions.get_action(db, before.id).owner == stored
    assert cell_text(grid, before.id, "owner") == stored
    undo_redo(desk)
    assert actions.get_action(db, before.id).owner == before.owner


def test_the_owner_editor_offers_the_owners_of_the_rows_shown(desk):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    row = housing_action(db, "H2")
    editor = open_editor(qtbot, grid, row.id, "owner")
    offered = [editor.itemText(i) for i in range(editor.count())]
    assert offered == sorted({a.owner for a in actions.list_actions(db, HOUSING)},
                             key=str.lower)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


@pytest.mark.parametrize("typed", [
    "Survey fieldwork finished; analysis under way",
    "Awaiting the contractor's figures (due 19/11/2021)",
    "Report drafted - with the Director for sign-off",
])
def test_a_progress_update_typed_in_the_cell_is_added_to_the_history_and_shown(desk, typed):
    """A dated progress update is a record in its own right, as from the pane: kept in the
    action's history (not an undo step), the latest one shown in the cell and the pane."""
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H2")
    type_into(qtbot, open_editor(qtbot, grid, before.id, "progress"), typed)
    qtbot.waitUntil(lambda: actions.get_action(db, before.id).progress == typed)
    after = actions.get_action(db, before.id)
    assert len(after.updates) == len(before.updates) + 1
    assert typed in [u.text for u in after.updates]
    assert [u.on for u in after.updates if u.text == typed] == [TODAY]
    assert cell_text(grid, before.id, "progress") == typed
    assert desk.window.tracker.action_detail.latest.text() == f"Latest: {typed}"
    assert desk.window.undo_stack.count() == 0


def test_an_empty_progress_update_writes_nothing(desk):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H4")
    type_into(qtbot, open_editor(qtbot, grid, before.id, "progress"), "   ")
    after = actions.get_action(db, before.id)
    assert (after.version, after.progress) == (before.version, before.progress)
    assert desk.window.undo_stack.count() == 0
    assert not desk.boxes.seen


@pytest.mark.parametrize(("typed", "day"), [
    ("14/01/2022", dt.date(2022, 1, 14)),
    ("1/2/2022", dt.date(2022, 2, 1)),
    ("31/12/2021", dt.date(2021, 12, 31)),
    ("07/03/2022", dt.date(2022, 3, 7)),               # day first: 7 March, not 3 July
    ("today", TODAY),
])
def test_a_due_date_typed_in_the_cell_is_read_day_first_saved_and_undone(desk, typed, day):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H6")
    editor = open_editor(qtbot, grid, before.id, "due")
    assert editor.text() == short_date(before.due_date)
    type_into(qtbot, editor, typed)
    qtbot.waitUntil(lambda: actions.get_action(db, before.id).due_date == day)
    assert cell_text(grid, before.id, "due") == short_date(day)
    assert desk.window.tracker.action_detail.due.date() == day
    stored = actions.get_action(db, before.id)
    assert stored.overdue is (day < TODAY)
    assert cell_text(grid, before.id, "status") == ("OVERDUE" if day < TODAY else "Open")
    undo_redo(desk)
    assert actions.get_action(db, before.id).due_date == before.due_date
    assert cell_text(grid, before.id, "due") == short_date(before.due_date)


@pytest.mark.parametrize("typed", ["31/02/2022", "next week", "2022-13-01", "32/01/2022",
                                   "14/13/2021", "Spring"])
def test_a_due_date_that_is_not_a_date_is_refused_and_nothing_is_written(desk, typed):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H4")
    type_into(qtbot, open_editor(qtbot, grid, before.id, "due"), typed)
    qtbot.waitUntil(lambda: bool(desk.boxes.seen))
    (said,) = desk.boxes.seen
    assert said["text"] == (f"{typed!r} is not a date: type it as day/month/year, "
                            "e.g. 07/09/2021")
    after = actions.get_action(db, before.id)
    assert (after.due_date, after.version) == (before.due_date, before.version)
    assert cell_text(grid, before.id, "due") == short_date(before.due_date)
    assert desk.window.undo_stack.count() == 0


def test_clearing_a_due_date_in_the_cell_is_refused_as_in_the_pane(desk):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H4")
    editor = open_editor(qtbot, grid, before.id, "due")
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(desk.boxes.seen))
    assert desk.boxes.seen[-1]["text"] == \
        "The due date cannot be removed once set; choose another instead."
    after = actions.get_action(db, before.id)
    assert (after.due_date, after.version) == (before.due_date, before.version)
    assert cell_text(grid, before.id, "due") == short_date(before.due_date)


def test_status_completed_in_the_cell_then_undone(desk):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H5")                # open and overdue
    assert cell_text(grid, before.id, "status") == "OVERDUE"
    combo = open_editor(qtbot, grid, before.id, "status")
    assert combo.currentText() == "Open"
    combo.setCurrentIndex(combo.findText("Completed"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.get_action(db, before.id).status == "completed")
    assert actions.get_action(db, before.id).completed_on == TODAY
    assert cell_text(grid, before.id, "status") == "Completed"
    assert "COMPLETED" in desk.window.tracker.action_detail.status_text.text().upper()
    undo_redo(desk)
    undone = actions.get_action(db, before.id)
    assert (undone.status, undone.completed_on) == ("open", None)
    assert cell_text(grid, before.id, "status") == "OVERDUE"


def test_a_completed_action_reopened_in_the_cell_then_undone(desk):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H3")
    assert before.status == "completed"
    combo = open_editor(qtbot, grid, before.id, "status")
    assert combo.currentText() == "Completed"
    combo.setCurrentIndex(combo.findText("Open"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.get_action(db, before.id).status == "open")
    assert cell_text(grid, before.id, "status") == "Open"
    undo_redo(desk)
    assert actions.get_action(db, before.id).status == "completed"
    assert cell_text(grid, before.id, "status") == "Completed"


def test_a_reported_complete_action_is_not_reopened_from_the_cell(desk):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H7")
    assert before.reported_complete_on is not None
    assert cell_text(grid, before.id, "status") == "Reported complete"
    combo = open_editor(qtbot, grid, before.id, "status")
    combo.setCurrentIndex(combo.findText("Open"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(desk.boxes.seen))
    assert desk.boxes.seen[-1]["text"] == "A reported-complete action cannot be reopened."
    after = actions.get_action(db, before.id)
    assert (after.status, after.version) == ("completed", before.version)
    assert cell_text(grid, before.id, "status") == "Reported complete"


@pytest.mark.parametrize(("key", "typed"), [("owner", "Someone Else"),
                                             ("progress", "Half-typed update"),
                                             ("due", "01/01/2023")])
def test_escape_leaves_the_cell_and_writes_nothing(desk, key, typed):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H2")
    shown = cell_text(grid, before.id, key)
    type_into(qtbot, open_editor(qtbot, grid, before.id, key), typed, key=Qt.Key.Key_Escape)
    assert grid.table.state() != QAbstractItemView.State.EditingState
    after = actions.get_action(db, before.id)
    assert after.version == before.version
    assert cell_text(grid, before.id, key) == shown
    assert desk.window.undo_stack.count() == 0


@pytest.mark.parametrize("key", ["ref", "meeting", "text", "directorate", "flag"])
def test_the_other_columns_do_not_open_an_editor(desk, key):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    row = housing_action(db, "H2")
    click_cell(qtbot, grid, row.id, key)
    index = grid.proxy.index(grid.proxy.proxy_row_of(row.id), column_of(grid, key))
    qtbot.mouseDClick(grid.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=grid.table.visualRect(index).center())
    assert grid.table.state() != QAbstractItemView.State.EditingState
    assert QApplication.focusWidget() is grid.table           # no editor took the focus
    assert actions.get_action(db, row.id).version == row.version
    assert desk.window.tracker.action_detail.row.id == row.id   # the row is shown in the pane


def test_f2_edits_the_owner_of_the_current_row(desk):
    qtbot, db = desk.qtbot, desk.db
    grid = housing_grid(desk)
    before = housing_action(db, "H6")
    click_cell(qtbot, grid, before.id, "owner")
    qtbot.keyClick(grid.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert grid.table.isAncestorOf(editor)
    type_into(qtbot, editor, "Marcus Oyelaran")
    qtbot.waitUntil(lambda: actions.get_action(db, before.id).owner == "Marcus Oyelaran")
    assert cell_text(grid, before.id, "owner") == "Marcus Oyelaran"
    grid.table.setFocus()
    qtbot.keyClick(grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert actions.get_action(db, before.id).owner == before.owner
    assert cell_text(grid, before.id, "owner") == before.owner
