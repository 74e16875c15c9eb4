"""The Tracker tab driven through the real window, checked against the database via services."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.db import audit
from desktop_app.services import actions, committees, meetings, recommendations
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose, click, click_row

TODAY = dt.date(2021, 11, 12)


def select_action(qtbot, window, ref: str):
    grid = window.tracker.actions_grid
    window.tracker.show_view("action")
    for r in range(grid.proxy.rowCount()):
        if grid.proxy.row_at(r).ref == ref:
            click_row(qtbot, grid.table, r, 3)
            assert grid.detail.row is not None
            assert grid.detail.row.ref == ref
            return grid.detail.row
    raise AssertionError(f"action {ref} is not shown")


def select_rec(qtbot, window, predicate):
    grid = window.tracker.recs_grid
    window.tracker.show_view("recommendation")
    for r in range(grid.proxy.rowCount()):
        if predicate(grid.proxy.row_at(r)):
            click_row(qtbot, grid.table, r, 2)
            return grid.detail.row
    raise AssertionError("no such recommendation shown")


def test_new_action_through_ctrl_n(qtbot, window):
    tracker = window.tracker
    tracker.show_view("action")
    tracker.actions_grid.table.setFocus()
    qtbot.keyClick(tracker.actions_grid.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tracker.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "New action"
    choose(dialog.meeting, "12 October 2021")
    qtbot.keyClicks(dialog.text, "Circulate the Ofsted monitoring letter to the committee")
    qtbot.keyClicks(dialog.owner.lineEdit(), "Gladys Rhodes-White")
    qtbot.keyClicks(dialog.directorate.lineEdit(), "Children and Families")
    qtbot.keyClicks(dialog.due.line, "14/12/2021")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not dialog.isVisible()

    stored = [a for a in actions.list_actions(window.db, DEMO_COMMITTEE)
              if a.text.startswith("Circulate the Ofsted")]
    assert len(stored) == 1
    new = stored[0]
    assert (new.owner, new.directorate, new.due_date) == (
        "Gladys Rhodes-White", "Children and Families", dt.date(2021, 12, 14))
    assert new.meeting_date == dt.date(2021, 10, 12)
    assert new.ref == "8"                       # the next number in the log
    assert tracker.actions_grid.detail.row.id == new.id   # shown for further editing
    assert tracker.actions_model.rowCount() == 8
    # and the addition can be undone: the action is gone from the database
    window.menus.undo_action.trigger()
    assert all(a.id != new.id for a in actions.list_actions(window.db, DEMO_COMMITTEE))
    assert tracker.actions_model.rowCount() == 7


def test_new_action_dialog_refuses_empty_text(qtbot, window):
    dialog = window.tracker.new_action()
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.isVisible()
    assert "Type what the action is" in dialog.error.text()
    dialog.reject()
    assert len(actions.list_actions(window.db, DEMO_COMMITTEE)) == 7


def test_progress_update_in_detail_pane(qtbot, window):
    row = select_action(qtbot, window, "1")
    pane = window.tracker.action_detail
    qtbot.keyClicks(pane.update_text, "Workshop requirement confirmed with the principal "
                                      "social worker")
    click(qtbot, pane.add_update_button)
    stored = actions.get_action(window.db, row.id)
    assert stored.progress.startswith("Workshop requirement confirmed")
    assert stored.updates[-1].on == TODAY
    assert stored.updates[-1].text == stored.progress
    assert stored.updates[-1].author == "Test Officer"
    # the grid shows the new text and the pane lists the dated update
    assert window.tracker.actions_model.find(row.id).progress == stored.progress
    assert pane.log.updates_model.rowCount() == len(stored.updates)
    assert pane.update_text.text() == ""


def test_filter_to_overdue_and_search(qtbot, window):
    grid = window.tracker.actions_grid
    choose(grid.status, "Overdue")
    expected = actions.list_actions(window.db, DEMO_COMMITTEE, status="overdue")
    assert grid.proxy.rowCount() == len(expected) == 3
    assert {grid.proxy.row_at(r).id for r in range(grid.proxy.rowCount())} == \
        {a.id for a in expected}
    assert grid.count.text() == "3 of 7 actions"
    qtbot.keyClicks(grid.search, "induction")
    assert grid.proxy.rowCount() == 1
    assert grid.proxy.row_at(0).ref == "2"
    click(qtbot, grid.clear_button)
    assert grid.proxy.rowCount() == 7
    choose(grid.owner, "Richard Watson")
    assert grid.proxy.rowCount() == 2
    choose(grid.owner, "All owners")
    choose(grid.meeting, "7 Sep 2021")
    assert grid.proxy.rowCount() == 3


def test_record_executive_response(qtbot, window):
    strip_before = window.strip.overdue_responses
    row = select_rec(qtbot, window, lambda r: r.response_overdue)
    pane = window.tracker.rec_detail
    pane.response.clear()
    qtbot.keyClicks(pane.response, "Agreed by Cabinet on 25 November 2021.")
    choose(pane.verdict, "Partially accepted")
    click(qtbot, pane.response_button)
    stored = recommendations.get_recommendation(window.db, row.id)
    assert stored.response == "Agreed by Cabinet on 25 November 2021."
    assert stored.verdict == "partially_accepted"
    assert not stored.response_overdue
    assert window.strip.overdue_responses == strip_before - 1 == len(
        recommendations.list_recommendations(window.db, DEMO_COMMITTEE, status="overdue"))


def test_mark_complete_and_report_complete(qtbot, window):
    row = select_action(qtbot, window, "4")
    assert row.overdue
    pane = window.tracker.action_detail
    click(qtbot, pane.complete_button)
    stored = actions.get_action(window.db, row.id)
    assert (stored.status, stored.completed_on) == ("completed", TODAY)
    assert window.strip.overdue_actions == 2 == len(
        actions.list_actions(window.db, DEMO_COMMITTEE, status="overdue"))
    assert "COMPLETED" in pane.chips.texts()
    # reported complete at the next meeting (offered first)
    assert pane.report_meeting.currentText() == "23 November 2021"
    click(qtbot, pane.report_button)
    stored = actions.get_action(window.db, row.id)
    assert stored.reported_complete_on == dt.date(2021, 11, 23)


def test_undo_and_redo_an_edit(qtbot, window):
    row = select_action(qtbot, window, "5")
    pane = window.tracker.action_detail
    pane.owner.lineEdit().selectAll()
    qtbot.keyClicks(pane.owner.lineEdit(), "Darryl Freeman")
    assert pane.save_button.isEnabled()
    click(qtbot, pane.save_button)
    assert actions.get_action(window.db, row.id).owner == "Darryl Freeman"
    assert window.undo_stack.undoText() == "Edit action 5"

    window.tracker.actions_grid.table.setFocus()
    qtbot.keyClick(window.tracker.actions_grid.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    assert actions.get_action(window.db, row.id).owner == "Richard Watson"
    assert pane.owner.currentText() == "Richard Watson"
    qtbot.keyClick(window.tracker.actions_grid.table, Qt.Key.Key_Y,
                   Qt.KeyboardModifier.ControlModifier)
    assert actions.get_action(window.db, row.id).owner == "Darryl Freeman"


def test_conflict_shows_the_other_change_and_reloads(qtbot, window, message_boxes):
    row = select_action(qtbot, window, "6")
    pane = window.tracker.action_detail
    pane.directorate.lineEdit().selectAll()
    qtbot.keyClicks(pane.directorate.lineEdit(), "Corporate Services")
    # meanwhile, a colleague saves the same action from their own copy of the app
    token = audit.set_current_user("Sarah Buffrey")
    try:
        actions.update_action(window.db, row.id, if_version=row.version, owner="John Coleman")
    finally:
        audit._current_user.reset(token)
    message_boxes.answers.append(QMessageBox.StandardButton.Ok)   # "Reload"
    click(qtbot, pane.save_button)

    conflict = [m for m in message_boxes.seen if m["name"] == "conflictDialog"]
    assert len(conflict) == 1
    assert "Sarah Buffrey changed the owner to \u201cJohn Coleman\u201d" in conflict[0]["info"]
    stored = actions.get_action(window.db, row.id)
    assert (stored.owner, stored.directorate) == ("John Coleman", "Corporate Centre")
    # reloaded: the pane and the grid show the colleague's version, ready for a new edit
    assert pane.owner.currentText() == "John Coleman"
    assert pane.directorate.currentText() == "Corporate Centre"
    assert window.tracker.actions_model.find(row.id).version == stored.version
    assert window.undo_stack.count() == 0


def test_recommendation_edit_and_history(qtbot, window):
    row = select_rec(qtbot, window, lambda r: r.meeting_date == dt.date(2021, 10, 12)
                     and r.label == "(a)")
    pane = window.tracker.rec_detail
    choose(pane.status, "In progress")
    click(qtbot, pane.save_button)
    assert recommendations.get_recommendation(window.db, row.id).status == "in_progress"
    history = pane.log.history_model
    assert any(h.field == "status" and h.new == "in_progress" for h in history.rows)
    assert pane.log.tabText(1).startswith("Change history (")
    window.menus.undo_action.trigger()
    assert recommendations.get_recommendation(window.db, row.id).status == "open"


def test_new_recommendation_through_ctrl_n(qtbot, window):
    tracker = window.tracker
    tracker.show_view("recommendation")
    tracker.recs_grid.table.setFocus()
    qtbot.keyClick(tracker.recs_grid.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tracker.dialog
    assert dialog.windowTitle() == "New recommendation"
    choose(dialog.meeting, "12 October 2021")
    qtbot.keyClicks(dialog.item, "Exit interviews in children's services")
    qtbot.keyClicks(dialog.text, "That exit interview themes are reported every six months")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    found = [r for r in recommendations.list_recommendations(window.db, DEMO_COMMITTEE)
             if r.text.startswith("That exit interview themes")]
    assert len(found) == 1
    assert found[0].sent_on == dt.date(2021, 10, 12)
    assert found[0].response_due == dt.date(2021, 12, 11)
    assert tracker.recs_grid.detail.row.id == found[0].id


def test_all_committees_lists_every_committee(qtbot, window):
    committees.add_committee(window.db, "Adults and Wellbeing Scrutiny Committee", "AWSC")
    meetings.add_meeting(window.db, "AWSC", dt.date(2021, 10, 4), status="held")
    actions.add_action(window.db, "AWSC", dt.date(2021, 10, 4), "Share the carers strategy",
                       due=dt.date(2021, 11, 1))
    window.reload_committees()
    choose(window.committee_combo, "All committees")
    window.tracker.wait_loaded()
    grid = window.tracker.actions_grid
    assert grid.proxy.rowCount() == len(actions.list_actions(window.db)) == 8
    committee_column = [c.key for c in window.tracker.actions_model.columns].index("committee")
    assert not grid.table.isColumnHidden(committee_column)
    assert window.strip.overdue_actions == len(actions.list_actions(window.db, status="overdue")) == 4
    choose(window.committee_combo, "Adults and Wellbeing Scrutiny Committee (AWSC)")
    window.tracker.wait_loaded()
    assert grid.proxy.rowCount() == 1
    assert grid.table.isColumnHidden(committee_column)


def test_unsaved_edits_are_offered_for_saving(qtbot, window, message_boxes):
    row = select_action(qtbot, window, "7")
    pane = window.tracker.action_detail
    qtbot.keyClicks(pane.due_text, "Spring 2022")
    message_boxes.answers.append(QMessageBox.StandardButton.Save)
    select_action(qtbot, window, "5")
    assert any(m["title"] == "Unsaved changes" for m in message_boxes.seen)
    assert actions.get_action(window.db, row.id).due_text == "Spring 2022"


def test_date_fields_refuse_text_that_is_not_a_date(qtbot, window, message_boxes):
    row = select_action(qtbot, window, "7")
    pane = window.tracker.action_detail
    pane.due.line.selectAll()
    qtbot.keyClicks(pane.due.line, "next Tuesday")
    click(qtbot, pane.save_button)
    assert any("not a date" in m["text"] for m in message_boxes.seen)
    assert actions.get_action(window.db, row.id).due_date == dt.date(2021, 12, 7)
    pane.due.line.selectAll()
    qtbot.keyClicks(pane.due.line, "21 Jan 22")
    click(qtbot, pane.save_button)
    assert actions.get_action(window.db, row.id).due_date == dt.date(2022, 1, 21)


def test_undo_refused_when_someone_else_changed_the_record(qtbot, window, message_boxes):
    row = select_action(qtbot, window, "5")
    pane = window.tracker.action_detail
    pane.owner.lineEdit().selectAll()
    qtbot.keyClicks(pane.owner.lineEdit(), "Darryl Freeman")
    click(qtbot, pane.save_button)
    saved = actions.get_action(window.db, row.id)
    token = audit.set_current_user("Sarah Buffrey")
    try:
        actions.update_action(window.db, row.id, if_version=saved.version, due_text="Spring 2022")
    finally:
        audit._current_user.reset(token)
    message_boxes.answers.append(QMessageBox.StandardButton.Ok)   # "Reload"
    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: any(m["name"] == "conflictDialog" for m in message_boxes.seen))
    stored = actions.get_action(window.db, row.id)
    assert (stored.owner, stored.due_text) == ("Darryl Freeman", "Spring 2022")  # nothing lost
    qtbot.waitUntil(lambda: pane.due_text.text() == "Spring 2022")                # reloaded
    assert window.undo_stack.count() == 0          # the refused step is dropped from the stack


def test_clicking_a_column_header_sorts(qtbot, window):
    from PySide6.QtCore import QPoint

    from desktop_app.ui.tracker.actions_model import ActionsModel
    grid = window.tracker.actions_grid
    select_action(qtbot, window, "6")
    header = grid.table.horizontalHeader()
    x = header.sectionViewportPosition(ActionsModel.DUE) + header.sectionSize(ActionsModel.DUE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    dues = [grid.proxy.row_at(r).due_date for r in range(grid.proxy.rowCount())]
    assert dues == sorted(dues)
    selected = grid.table.selectionModel().selectedRows()
    assert [grid.proxy.row_at(i.row()).ref for i in selected] == ["6"]   # selection kept
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    dues = [grid.proxy.row_at(r).due_date for r in range(grid.proxy.rowCount())]
    assert dues == sorted(dues, reverse=True)
