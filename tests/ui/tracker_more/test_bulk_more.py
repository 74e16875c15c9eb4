"""Several actions selected in the Tracker (Ctrl+click, Shift+click, Ctrl+A) and changed at
once from the bar over the grid: reported complete at a meeting, a new owner, a new due date,
chase their owners, print them. Each change is one undo step with an audit entry per action;
bad input is refused in the dialog with one line and nothing written; a selection across
committees is refused where the change needs one committee."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.services import actions, history
from desktop_app.ui.app_state import long_date, short_date
from tests.ui.conftest import choose
from tests.ui.officer.conftest import click
from tests.ui.tracker_more.conftest import (DEMO_COMMITTEE, HELD, HOUSING, NEXT, cell_text,
                                            click_cell, housing_action, scope)

CTRL = Qt.KeyboardModifier.ControlModifier


def select(desk, refs: list[str]) -> list:
    """Click the first action, Ctrl+click the others (Housing committee); their rows."""
    scope(desk.window, HOUSING)
    grid = desk.window.tracker.actions_grid
    rows = [housing_action(desk.db, ref) for ref in refs]
    click_cell(desk.qtbot, grid, rows[0].id)
    for row in rows[1:]:
        click_cell(desk.qtbot, grid, row.id, modifier=CTRL)
    return rows


def ok(desk, dialog) -> None:
    click(desk.qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def open_bulk(desk, key: str):
    click(desk.qtbot, desk.window.tracker.edits.bulk_bar.buttons[key])
    dialog = desk.window.tracker.edits.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


@pytest.mark.parametrize("refs", [["H1", "H2"], ["H1", "H4", "H6"], ["H2", "H3", "H5", "H6"]],
                         ids=["two", "three", "four"])
def test_the_bar_counts_the_actions_selected(desk, refs):
    rows = select(desk, refs)
    tracker = desk.window.tracker
    bar = tracker.edits.bulk_bar
    assert bar.isVisible()
    assert bar.label.text() == f"{len(refs)} actions selected:"
    assert sorted(r.id for r in tracker.actions_grid.selected_rows()) == sorted(r.id for r in rows)
    assert tracker.action_detail.row.id == rows[-1].id       # the pane: the row clicked last


def test_one_row_selected_shows_no_bar(desk):
    select(desk, ["H2"])
    assert not desk.window.tracker.edits.bulk_bar.isVisible()
    assert desk.window.tracker.action_detail.row.ref == "H2"


def test_shift_click_selects_the_rows_between(desk):
    scope(desk.window, HOUSING)
    grid = desk.window.tracker.actions_grid
    first, last = grid.proxy.row_at(0), grid.proxy.row_at(3)
    click_cell(desk.qtbot, grid, first.id)
    click_cell(desk.qtbot, grid, last.id, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert [r.id for r in grid.selected_rows()] == [grid.proxy.row_at(i).id for i in range(4)]
    assert desk.window.tracker.edits.bulk_bar.label.text() == "4 actions selected:"


def test_ctrl_a_selects_every_row_shown(desk):
    scope(desk.window, HOUSING)
    grid = desk.window.tracker.actions_grid
    choose(grid.owner, "Jo Bloggs")
    click_cell(desk.qtbot, grid, grid.proxy.row_at(0).id)
    desk.qtbot.keyClick(grid.table, Qt.Key.Key_A, CTRL)
    stored = [a for a in actions.list_actions(desk.db, HOUSING) if a.owner == "Jo Bloggs"]
    assert sorted(r.id for r in grid.selected_rows()) == sorted(a.id for a in stored)
    assert desk.window.tracker.edits.bulk_bar.label.text() == f"{len(stored)} actions selected:"


@pytest.mark.parametrize("owner", ["Gladys Rhodes-White", "Sam Reed"])
def test_a_new_owner_for_the_selection_is_one_step_with_an_audit_entry_each(desk, owner):
    rows = select(desk, ["H1", "H3", "H5"])
    grid = desk.window.tracker.actions_grid
    dialog = open_bulk(desk, "owner")
    assert dialog.windowTitle() == "A new owner for the 3 selected actions"
    desk.qtbot.keyClicks(dialog.field.lineEdit(), owner)
    ok(desk, dialog)
    assert not dialog.isVisible()
    for row in rows:
        assert actions.get_action(desk.db, row.id).owner == owner
        assert cell_text(grid, row.id, "owner") == owner
        changes = [e for e in history.history(desk.db, table="actions", row_id=row.id)
                   if e.field == "owner" and e.new == owner]
        assert len(changes) == 1
    assert desk.window.undo_stack.count() == 1
    assert desk.window.undo_stack.undoText() == "New owner for 3 actions"
    desk.window.menus.undo_action.trigger()
    for row in rows:      # each gets its own owner back
        assert actions.get_action(desk.db, row.id).owner == row.owner
        assert cell_text(grid, row.id, "owner") == row.owner


@pytest.mark.parametrize("how", ["empty", "cancel"])
def test_no_new_owner_writes_nothing(desk, how):
    rows = select(desk, ["H2", "H4"])
    dialog = open_bulk(desk, "owner")
    if how == "empty":
        desk.qtbot.keyClicks(dialog.field.lineEdit(), "   ")
        ok(desk, dialog)
        assert dialog.isVisible()
        assert dialog.error.text() == "Type the new owner."
        dialog.reject()
    else:
        desk.qtbot.keyClicks(dialog.field.lineEdit(), "Nobody Chosen")
        click(desk.qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        assert not dialog.isVisible()
    for row in rows:
        assert actions.get_action(desk.db, row.id).version == row.version
    assert desk.window.undo_stack.count() == 0


@pytest.mark.parametrize(("typed", "problem"), [
    ("31/02/2022", "'31/02/2022' is not a date"), ("soon", "'soon' is not a date"),
    ("", "Type the new due date.")])      # a blank date would clear them all: refused
def test_a_bulk_due_date_that_is_not_a_date_is_refused_in_the_dialog(desk, typed, problem):
    rows = select(desk, ["H2", "H4"])
    dialog = open_bulk(desk, "due")
    desk.qtbot.keyClicks(dialog.field.line, typed)
    ok(desk, dialog)
    assert dialog.isVisible()
    assert problem in dialog.error.text()
    assert "\n" not in dialog.error.text()                   # one line
    dialog.reject()
    for row in rows:
        assert actions.get_action(desk.db, row.id).due_date == row.due_date


@pytest.mark.parametrize(("typed", "day"), [("28/02/2022", dt.date(2022, 2, 28)),
                                             ("1/11/2021", dt.date(2021, 11, 1))])
def test_a_bulk_due_date_is_saved_shown_and_undone(desk, typed, day):
    rows = select(desk, ["H2", "H4", "H6"])
    grid = desk.window.tracker.actions_grid
    dialog = open_bulk(desk, "due")
    assert dialog.windowTitle() == "A new due date for the 3 selected actions"
    desk.qtbot.keyClicks(dialog.field.line, typed)
    ok(desk, dialog)
    for row in rows:
        stored = actions.get_action(desk.db, row.id)
        assert stored.due_date == day
        assert cell_text(grid, row.id, "due") == short_date(day)
        # 1 November is before 'today' (12 November): they are open, so overdue now
        assert cell_text(grid, row.id, "status") == ("OVERDUE" if stored.overdue else "Open")
        assert stored.overdue is (day < dt.date(2021, 11, 12))
    desk.window.menus.undo_action.trigger()
    for row in rows:
        assert actions.get_action(desk.db, row.id).due_date == row.due_date
        assert cell_text(grid, row.id, "due") == short_date(row.due_date)


@pytest.mark.parametrize("meeting", [NEXT, HELD], ids=["next", "held"])
def test_open_actions_reported_complete_at_the_meeting_chosen_after_asking(desk, meeting):
    rows = select(desk, ["H2", "H4"])
    grid = desk.window.tracker.actions_grid
    dialog = open_bulk(desk, "report")
    offered = [dialog.field.itemText(i) for i in range(dialog.field.count())]
    assert offered == [long_date(HELD), long_date(NEXT)]
    assert dialog.field.currentText() == long_date(NEXT)      # the next meeting first
    choose(dialog.field, long_date(meeting))
    desk.boxes.answers.append(QMessageBox.StandardButton.Yes)
    ok(desk, dialog)
    assert desk.boxes.seen[-1]["title"] == "Action still open"
    for row in rows:
        stored = actions.get_action(desk.db, row.id)
        assert (stored.status, stored.reported_complete_on) == ("completed", meeting)
        assert cell_text(grid, row.id, "status") == "Reported complete"
    assert desk.window.undo_stack.count() == 1
    desk.window.menus.undo_action.trigger()
    for row in rows:
        stored = actions.get_action(desk.db, row.id)
        assert (stored.status, stored.reported_complete_on) == ("open", None)
        assert cell_text(grid, row.id, "status") == "Open"


def test_open_actions_not_confirmed_are_not_reported(desk):
    rows = select(desk, ["H2", "H6"])
    dialog = open_bulk(desk, "report")
    desk.boxes.answers.append(QMessageBox.StandardButton.No)
    ok(desk, dialog)
    assert desk.boxes.seen[-1]["title"] == "Action still open"
    assert dialog.isVisible()                          # the officer can choose again
    dialog.reject()
    for row in rows:
        stored = actions.get_action(desk.db, row.id)
        assert (stored.version, stored.reported_complete_on) == (row.version, None)


def test_a_completed_action_is_reported_without_asking_and_one_reported_is_left(desk):
    rows = select(desk, ["H3", "H7"])      # completed, not reported; reported already
    grid = desk.window.tracker.actions_grid
    dialog = open_bulk(desk, "report")
    assert dialog.windowTitle() == "Report the 1 selected actions complete at the meeting"
    ok(desk, dialog)
    assert not desk.boxes.seen                       # nothing to ask: it is completed
    h3, h7 = (actions.get_action(desk.db, r.id) for r in rows)
    assert h3.reported_complete_on == NEXT
    assert h7.reported_complete_on == rows[1].reported_complete_on   # untouched
    assert h7.version == rows[1].version
    assert cell_text(grid, h3.id, "status") == "Reported complete"
    desk.window.menus.undo_action.trigger()
    assert actions.get_action(desk.db, h3.id).reported_complete_on is None
    assert cell_text(grid, h3.id, "status") == "Completed"


@pytest.mark.parametrize(("key", "message"), [
    ("report", "Choose actions of one committee to report complete at its meeting."),
    ("chase", "Choose actions of one committee to chase their owners."),
    ("print", "Choose actions of one committee to print them.")])
def test_a_selection_across_committees_is_refused_where_one_is_needed(desk, key, message):
    win = desk.window
    scope(win, None)
    grid = win.tracker.actions_grid
    housing = housing_action(desk.db, "H2")
    demo = next(a for a in actions.list_actions(desk.db, DEMO_COMMITTEE) if a.ref == "5")
    click_cell(desk.qtbot, grid, housing.id)
    click_cell(desk.qtbot, grid, demo.id, modifier=CTRL)
    assert {cell_text(grid, housing.id, "committee"), cell_text(grid, demo.id, "committee")} \
        == {"HSC", "CYPSC"}
    click(desk.qtbot, win.tracker.edits.bulk_bar.buttons[key])
    assert [b["text"] for b in desk.boxes.seen] == [message]
    for row in (housing, demo):
        assert actions.get_action(desk.db, row.id).version == row.version


def test_a_new_owner_across_committees_is_allowed(desk):
    win = desk.window
    scope(win, None)
    grid = win.tracker.actions_grid
    housing = housing_action(desk.db, "H6")
    demo = next(a for a in actions.list_actions(desk.db, DEMO_COMMITTEE) if a.ref == "7")
    click_cell(desk.qtbot, grid, housing.id)
    click_cell(desk.qtbot, grid, demo.id, modifier=CTRL)
    dialog = open_bulk(desk, "owner")
    desk.qtbot.keyClicks(dialog.field.lineEdit(), "Hilary Hall")
    ok(desk, dialog)
    assert {actions.get_action(desk.db, r.id).owner for r in (housing, demo)} == {"Hilary Hall"}
    assert cell_text(grid, demo.id, "owner") == "Hilary Hall"
    win.menus.undo_action.trigger()
    assert actions.get_action(desk.db, housing.id).owner == housing.owner
    assert actions.get_action(desk.db, demo.id).owner == demo.owner


@pytest.mark.parametrize(("refs", "owners"), [
    (["H1", "H2", "H4"], ["Jo Bloggs", "Sam Reed"]),
    (["H3", "H6"], ["Priya Shah", "Sam Reed"])])
def test_chase_owners_offers_just_the_owners_of_the_selection(desk, refs, owners):
    select(desk, refs)
    click(desk.qtbot, desk.window.tracker.edits.bulk_bar.buttons["chase"])
    dialog = desk.window.tracker.edits.dialog
    assert dialog.isVisible()
    assert dialog.committee == HOUSING
    assert sorted(line.name for line in dialog.lines) == owners
    dialog.reject()


def test_print_the_selection_writes_just_those_actions(desk, tmp_path):
    """The example committee's records (known from its papers, so in its log as at 'today');
    the two overdue ones selected, the others left out."""
    from pypdf import PdfReader
    win = desk.window
    scope(win, DEMO_COMMITTEE)
    grid = win.tracker.actions_grid
    stored = {a.ref: a for a in actions.list_actions(desk.db, DEMO_COMMITTEE)}
    click_cell(desk.qtbot, grid, stored["4"].id)
    click_cell(desk.qtbot, grid, stored["1"].id, modifier=CTRL)
    assert win.tracker.edits.bulk_bar.label.text() == "2 actions selected:"
    target = tmp_path / "selected.pdf"
    win.tracker.edits.print_selection(str(target))
    desk.qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith(
        "Saved 2 actions"), timeout=60_000)
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(target).pages)
    assert "Advertise and recruit" in text                      # action 4
    assert "Human Rights Act" in text                           # action 1
    assert "Key Performance Indicators" not in text             # action 5, not selected
    assert "Deputy Monitoring Officer" not in text              # action 6, not selected
    assert "2 current actions, 2 overdue" in text
