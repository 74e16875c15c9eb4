"""New actions and recommendations, detail-pane edits and executive responses in the Tracker,
typed and clicked as an officer would, in the shared main window. Bad input is refused inside
the dialog (one line, nothing written); what is accepted is in the database and in the grid."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.enums import Verdict
from desktop_app.services import actions, recommendations
from desktop_app.ui.app_state import short_date
from tests.ui.conftest import choose, click_row
from tests.ui.officer.conftest import DEMO_COMMITTEE, OTHER, OTHER_SHORT, click

ALL = "All committees"


def grid_text(grid, row_id: int, key: str) -> str:
    """What the grid shows for one record in one column."""
    r = grid.proxy.proxy_row_of(row_id)
    assert r is not None, "the record is not shown"
    col = next(i for i, c in enumerate(grid.model.columns) if c.key == key)
    return grid.table.model().index(r, col).data(Qt.ItemDataRole.DisplayRole) or ""


def press_ok(qtbot, dialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def new_action_dialog(officer):
    tracker = officer.window.tracker
    tracker.show_view("action")
    officer.window.menus.new_action.trigger()
    dialog = tracker.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "New action"
    return dialog


@pytest.mark.parametrize(("text", "due", "owner", "problem"), [
    ("", "", "", "Type what the action is"),
    ("Circulate the fostering figures", "31/02/2022", "", "'31/02/2022' is not a date"),
    ("Circulate the fostering figures", "next week", "", "'next week' is not a date"),
    ("Circulate the fostering figures", "2022-13-01", "", "is not a date"),
    ("Circulate the fostering figures", "", "x" * 300, "owner"),
])
def test_a_new_action_with_bad_input_is_refused_in_the_dialog(officer, text, due, owner,
                                                              problem):
    qtbot, db = officer.qtbot, officer.db
    before = len(actions.list_actions(db, DEMO_COMMITTEE))
    dialog = new_action_dialog(officer)
    qtbot.keyClicks(dialog.text, text)
    qtbot.keyClicks(dialog.due.line, due)
    if owner:
        dialog.owner.setEditText(owner)
    press_ok(qtbot, dialog)
    shown = dialog.error.text() + " ".join(b["text"] for b in officer.boxes.seen)
    assert dialog.isVisible()
    assert problem in shown
    assert "Traceback" not in shown
    dialog.reject()
    assert len(actions.list_actions(db, DEMO_COMMITTEE)) == before


@pytest.mark.parametrize(("meeting", "due", "target"), [
    ("12 October 2021", "14/12/2021", ""),
    ("23 November 2021", "", "Spring 2022"),
    ("(no meeting)", "31/1/2022", ""),
])
def test_a_new_action_is_saved_and_shown_selected_then_undone(officer, meeting, due, target):
    qtbot, db, grid = officer.qtbot, officer.db, officer.window.tracker.actions_grid
    dialog = new_action_dialog(officer)
    offered = [dialog.meeting.itemText(i) for i in range(dialog.meeting.count())]
    if meeting not in offered:
        meeting = offered[0]
        assert dialog.meeting.itemData(0) is None, offered
    choose(dialog.meeting, meeting)
    text = f"Share the SEND inspection letter ({meeting}, {due or target})"
    qtbot.keyClicks(dialog.text, text)
    qtbot.keyClicks(dialog.owner.lineEdit(), "Darryl Freeman")
    qtbot.keyClicks(dialog.due.line, due)
    qtbot.keyClicks(dialog.due_text, target)
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    new = next(a for a in actions.list_actions(db, DEMO_COMMITTEE) if a.text == text)
    assert new.owner == "Darryl Freeman"
    assert new.due_date == (dt.datetime.strptime(due, "%d/%m/%Y").date() if due else None)
    assert new.due_text == target
    assert short_date(new.meeting_date) == ("" if dialog.meeting.currentData() is None
                                            else meeting.replace("October", "Oct")
                                            .replace("November", "Nov"))
    assert grid.detail.row.id == new.id
    assert grid_text(grid, new.id, "text") == text
    assert grid_text(grid, new.id, "owner") == "Darryl Freeman"
    officer.window.undo_stack.undo()
    assert all(a.text != text for a in actions.list_actions(db, DEMO_COMMITTEE))
    assert grid.proxy.proxy_row_of(new.id) is None


def test_a_new_action_for_another_committee_from_all_committees(officer):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    choose(win.committee_combo, ALL)
    assert win.tracker.wait_loaded()
    dialog = new_action_dialog(officer)
    choose(dialog.committee, OTHER)
    assert sorted(dialog.meeting.itemText(i) for i in range(dialog.meeting.count())
                  if dialog.meeting.itemData(i) is not None) == ["30 November 2021",
                                                                 "5 October 2021"]
    choose(dialog.meeting, "5 October 2021")
    qtbot.keyClicks(dialog.text, "Visit the temporary accommodation in Leominster")
    press_ok(qtbot, dialog)
    new = [a for a in actions.list_actions(db, OTHER)
           if a.text == "Visit the temporary accommodation in Leominster"]
    assert len(new) == 1
    assert new[0].meeting_date == dt.date(2021, 10, 5)
    assert not [a for a in actions.list_actions(db, DEMO_COMMITTEE)
                if a.text.startswith("Visit the temporary")]
    assert grid_text(win.tracker.actions_grid, new[0].id, "committee") == OTHER_SHORT  # short name
    win.undo_stack.undo()
    assert not [a for a in actions.list_actions(db, OTHER) if a.text.startswith("Visit the")]


def new_rec_dialog(officer):
    tracker = officer.window.tracker
    tracker.show_view("recommendation")
    officer.window.menus.new_action.trigger()
    dialog = tracker.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "New recommendation"
    return dialog


@pytest.mark.parametrize(("meeting", "label", "sent"), [
    ("12 October 2021", "(a)", ""), ("7 September 2021", "(b)", "20/09/2021"),
    ("23 November 2021", "", "")])
def test_a_new_recommendation_is_saved_with_its_two_month_date(officer, meeting, label, sent):
    qtbot, db = officer.qtbot, officer.db
    grid = officer.window.tracker.recs_grid
    dialog = new_rec_dialog(officer)
    choose(dialog.meeting, meeting)
    text = f"That the executive reviews respite provision {label} {meeting}"
    qtbot.keyClicks(dialog.text, text)
    qtbot.keyClicks(dialog.label, label)
    qtbot.keyClicks(dialog.sent_on.line, sent)
    press_ok(qtbot, dialog)
    new = next(r for r in recommendations.list_recommendations(db, DEMO_COMMITTEE)
               if r.text == text)
    day = dt.datetime.strptime(meeting, "%d %B %Y").date()
    assert (new.meeting_date, new.label, new.addressee) == (day, label, "Executive")
    sent_on = dt.datetime.strptime(sent, "%d/%m/%Y").date() if sent else day
    assert new.sent_on in (sent_on, None if not sent else sent_on)
    start = new.sent_on or day
    month, year = (start.month + 2, start.year) if start.month <= 10 else \
        (start.month - 10, start.year + 1)
    # the last day of the two months beginning with the day it was sent (s.9FE)
    assert new.response_due == dt.date(year, month, start.day) - dt.timedelta(days=1)
    assert grid_text(grid, new.id, "due") == short_date(new.response_due)
    assert grid.detail.row.id == new.id
    assert grid.count.text() == \
        f"{len(recommendations.list_recommendations(db, DEMO_COMMITTEE))} recommendations"


@pytest.mark.parametrize(("text", "sent", "problem"), [
    ("", "", "Type the recommendation"),
    ("That the executive publishes the strategy", "30/02/2022", "is not a date")])
def test_a_new_recommendation_with_bad_input_is_refused(officer, text, sent, problem):
    qtbot, db = officer.qtbot, officer.db
    before = len(recommendations.list_recommendations(db, DEMO_COMMITTEE))
    dialog = new_rec_dialog(officer)
    qtbot.keyClicks(dialog.text, text)
    qtbot.keyClicks(dialog.sent_on.line, sent)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert problem in dialog.error.text()
    dialog.reject()
    assert len(recommendations.list_recommendations(db, DEMO_COMMITTEE)) == before


def select_action(qtbot, win, ref: str):
    grid = win.tracker.actions_grid
    for r in range(grid.proxy.rowCount()):
        if grid.proxy.row_at(r).ref == ref:
            click_row(qtbot, grid.table, r, 3)
            assert grid.detail.row.ref == ref
            return grid.detail.row
    raise AssertionError(ref)


@pytest.mark.parametrize(("field", "typed", "stored_as", "column"), [
    ("owner", "Gladys Rhodes-White", "Gladys Rhodes-White", "owner"),
    ("directorate", "Children and Families", "Children and Families", "directorate"),
    ("due", "21/01/2022", dt.date(2022, 1, 21), "due"),
    ("due_text", "After the Ofsted visit", "After the Ofsted visit", ""),   # beside the date
])
def test_a_detail_pane_edit_is_saved_shown_and_undone(officer, field, typed, stored_as,
                                                      column):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    row = select_action(qtbot, win, "6")
    pane = win.tracker.action_detail
    widget = getattr(pane, field)
    line = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else \
        getattr(widget, "line", widget)
    line.selectAll()
    qtbot.keyClicks(line, typed)
    assert pane.save_button.isEnabled()
    click(qtbot, pane.save_button)
    after = actions.get_action(db, row.id)
    key = "due_date" if field == "due" else field
    assert getattr(after, key) == stored_as, officer.boxes.seen
    shown = grid_text(win.tracker.actions_grid, row.id, column or "due")
    if not column:                  # a target beside an exact date: the grid shows the date
        stored_as = after.due_date
    assert (short_date(stored_as) if isinstance(stored_as, dt.date) else stored_as) in shown
    win.undo_stack.undo()
    assert getattr(actions.get_action(db, row.id), key) == getattr(row, key)


@pytest.mark.parametrize("verdict", [Verdict.ACCEPTED, Verdict.PARTIALLY_ACCEPTED,
                                     Verdict.REJECTED, Verdict.NOTED])
def test_recording_each_verdict_is_stored_and_shown(officer, verdict):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    waiting = [r for r in recommendations.list_recommendations(db, DEMO_COMMITTEE)
               if r.verdict == Verdict.AWAITING and not r.response.strip()]
    assert waiting
    target = waiting[0]
    click_row(qtbot, grid.table, grid.proxy.proxy_row_of(target.id), 2)
    assert grid.detail.row.id == target.id
    pane = win.tracker.rec_detail
    words = f"The Cabinet Member {verdict.label.lower()} this on 1 December 2021."
    pane.response.clear()
    qtbot.keyClicks(pane.response, words)
    choose(pane.verdict, verdict.label)
    click(qtbot, pane.response_button)
    after = recommendations.get_recommendation(db, target.id)
    assert (after.response, after.verdict) == (words, verdict)
    assert not after.response_overdue
    assert grid_text(grid, target.id, "verdict") == verdict.label
    assert grid_text(grid, target.id, "response") == words


def test_clearing_a_due_date_is_refused_with_one_line_and_nothing_is_written(officer):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    row = select_action(qtbot, win, "7")
    pane = win.tracker.action_detail
    pane.due.line.clear()
    click(qtbot, pane.save_button)
    assert [b["text"] for b in officer.boxes.seen] == [
        "The due date cannot be removed once set; choose another instead."]
    after = actions.get_action(db, row.id)
    assert (after.due_date, after.version) == (row.due_date, row.version)
    assert grid_text(win.tracker.actions_grid, row.id, "due") == short_date(row.due_date)
    click(qtbot, pane.revert_button)
    assert pane.due.line.text() == row.due_date.strftime("%d/%m/%Y")
