"""The Meetings tab in the shared window, on what tests/ui/officer/ leaves out: every meeting's
deadlines, status, venue, attendance and minutes approval as its details line and row show
them; the date of a meeting moved (its deadlines move with it, bank holidays skipped) and
undone, or refused in the dialog when the committee already meets that day; each upcoming
meeting cancelled, after which the work programme no longer offers it; a meeting added in the
past marked held; Cancel on the dialog writes nothing. Each is checked against the database
and against what the tab shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingStatus, WorkFormat, WorkStatus
from desktop_app.services import attendance, work_programme
from desktop_app.ui.meetings.meeting_dialogs import MeetingDialog
from desktop_app.ui.meetings.meetings_model import MeetingsModel, deadline_text
from desktop_app.ui.work_programme.work_item_dialogs import MoveDialog
from tests.ui.desk_more.meeting_steps import (DEMO_MEETINGS, NEXT, SPARE, UPCOMING, cell,
                                              choose_meeting, ok, stored, type_into)
from tests.ui.officer.conftest import (DEMO_COMMITTEE, TODAY, click, click_tool, visible_dialog)


@pytest.fixture
def tab(officer):
    win = officer.window
    win.tabs.setCurrentWidget(win.meetings_tab)
    return win.meetings_tab


# ------------------------------------------------------------------ what each meeting shows

@pytest.mark.parametrize("day", DEMO_MEETINGS, ids=map(str, DEMO_MEETINGS))
def test_each_meeting_shows_its_deadlines_status_and_attendance(officer, tab, day):
    choose_meeting(officer.qtbot, tab, day)
    m = stored(officer.db, day)
    details = tab.meeting_details.text()
    for label, deadline, column in (
            ("Publication deadline", m.publication_deadline, MeetingsModel.PUBLICATION),
            ("Questions deadline", m.questions_deadline, MeetingsModel.QUESTIONS)):
        assert f"{label}: {deadline_text(deadline)}" in details
        assert cell(tab, m.id, column).startswith(deadline_text(deadline))
    held = m.status == MeetingStatus.HELD
    assert f"<b>{'Held' if held else 'Scheduled'}</b>" in details
    assert cell(tab, m.id, MeetingsModel.STATUS) == ("Held" if held else "Scheduled")
    if m.venue:
        assert m.venue in details
        assert cell(tab, m.id, MeetingsModel.VENUE) == m.venue
    sheet = attendance.get_attendance(officer.db, m.id)
    said = tab.meeting_attendance.text()
    present = [e for e in sheet.entries if e.kind == "present"]
    if present:
        assert f"Attendance: {len(present)} present" in said
    elif day <= TODAY:
        assert "Attendance not recorded" in said
    if sheet.minutes_approved_on:
        assert f"Minutes approved at the meeting on {dates.format_uk(sheet.minutes_approved_on)}" \
            in said
    elif day <= TODAY:
        assert "Minutes not yet approved (draft)" in said
    else:
        assert said == ""                    # nothing to say yet of a meeting still to come


# ------------------------------------------------------------------ the meeting itself

MOVES = [dt.date(2022, 4, 19),     # after Easter: Good Friday and Easter Monday skipped
         dt.date(2022, 5, 5),      # after the early May bank holiday
         dt.date(2022, 6, 7)]      # after the two Jubilee bank holidays


@pytest.mark.parametrize("to", MOVES, ids=map(str, MOVES))
def test_moving_a_meetings_date_moves_its_deadlines_then_undo(officer, tab, to):
    qtbot, db = officer.qtbot, officer.db
    before = stored(db, SPARE)
    choose_meeting(qtbot, tab, SPARE)
    click_tool(qtbot, tab.toolbar, tab.edit_meeting_action)
    dialog = visible_dialog(qtbot, MeetingDialog, tab)
    dialog.date_edit.setDate(QDate(to.year, to.month, to.day))
    # the dialog shows the rule's dates for the new day before anything is saved
    assert dates.format_uk(dates.publication_deadline(to), "full") in \
        dialog.publication.rule_label.text()
    ok(qtbot, dialog)
    assert stored(db, SPARE) is None
    moved = stored(db, to)
    assert moved.id == before.id
    pub, questions = dates.publication_deadline(to), dates.questions_deadline(to)
    assert (moved.publication_deadline, moved.questions_deadline) == (pub, questions)
    # five and three clear working days: no weekend day and no bank holiday is counted
    working = [pub + dt.timedelta(days=n) for n in range(1, (to - pub).days)]
    assert len([d for d in working if d.weekday() < 5 and not dates.is_bank_holiday(d)]) == 5
    assert cell(tab, moved.id, MeetingsModel.DATE) == dates.format_uk(to, "full")
    assert cell(tab, moved.id, MeetingsModel.PUBLICATION).startswith(deadline_text(pub))
    assert cell(tab, moved.id, MeetingsModel.QUESTIONS).startswith(deadline_text(questions))
    assert tab.current_meeting().id == before.id
    officer.window.undo_stack.undo()
    back = stored(db, SPARE)
    assert (back.id, back.publication_deadline, back.questions_deadline) == \
        (before.id, before.publication_deadline, before.questions_deadline)
    assert cell(tab, before.id, MeetingsModel.DATE) == dates.format_uk(SPARE, "full")


def _move_offers(qtbot, win, not_on: dt.date) -> list[str]:
    """The meetings the work programme's Move dialog offers for an item on another meeting."""
    work = win.work_tab
    win.tabs.setCurrentWidget(work)
    item = next(i for i in work_programme.list_work_programme(win.db, DEMO_COMMITTEE)
                if i.format == WorkFormat.AGENDA_ITEM and i.meeting_date is not None
                and i.meeting_date != not_on and i.status == WorkStatus.SCHEDULED)
    work.select_item(item.id)
    click_tool(qtbot, work.toolbar, work.move_action)
    dialog = visible_dialog(qtbot, MoveDialog, work)
    offered = [dialog.meeting_combo.itemData(i) for i in range(dialog.meeting_combo.count())]
    dialog.reject()
    return offered


@pytest.mark.parametrize("day", UPCOMING, ids=map(str, UPCOMING))
def test_a_cancelled_meeting_is_no_longer_offered_for_work_items_then_undo(officer, tab, day):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    assert day.isoformat() in _move_offers(qtbot, win, day)
    win.tabs.setCurrentWidget(tab)
    m = choose_meeting(qtbot, tab, day)
    click_tool(qtbot, tab.toolbar, tab.cancel_meeting_action)
    assert stored(db, day).status == MeetingStatus.CANCELLED
    assert cell(tab, m.id, MeetingsModel.STATUS) == "Cancelled"
    assert "<b>Cancelled</b>" in tab.meeting_details.text()
    assert not tab.cancel_meeting_action.isEnabled()
    assert day.isoformat() not in _move_offers(qtbot, win, day)
    win.undo_stack.undo()
    assert stored(db, day).status == MeetingStatus.SCHEDULED
    assert day.isoformat() in _move_offers(qtbot, win, day)


def test_a_meeting_added_in_the_past_can_be_marked_held_then_undo(officer, tab):
    """(The meeting, on a day no other test uses, stays: adding a meeting is not undone.)"""
    qtbot, db = officer.qtbot, officer.db
    day = dt.date(2021, 11, 2)
    click_tool(qtbot, tab.toolbar, tab.new_meeting_action)
    dialog = visible_dialog(qtbot, MeetingDialog, tab)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    type_into(qtbot, dialog.venue_edit, "Committee Room 1")
    ok(qtbot, dialog)
    m = stored(db, day)
    assert (m.status, m.venue) == (MeetingStatus.SCHEDULED, "Committee Room 1")
    assert cell(tab, m.id, MeetingsModel.STATUS) == "Not marked held"
    choose_meeting(qtbot, tab, day)
    click_tool(qtbot, tab.toolbar, tab.mark_held_action)
    assert stored(db, day).status == MeetingStatus.HELD
    assert cell(tab, m.id, MeetingsModel.STATUS) == "Held"
    assert not tab.mark_held_action.isEnabled()
    officer.window.undo_stack.undo()
    assert stored(db, day).status == MeetingStatus.SCHEDULED
    assert cell(tab, m.id, MeetingsModel.STATUS) == "Not marked held"
    assert tab.mark_held_action.isEnabled()
    assert not officer.window.undo_stack.canUndo()   # a new meeting is added, not undone


# ------------------------------------------------------------------ refused or cancelled

@pytest.mark.parametrize("taken", [NEXT, dt.date(2021, 10, 12)], ids=["next", "held"])
def test_moving_a_meeting_onto_another_meetings_date_is_refused_in_the_dialog(officer, tab,
                                                                              taken):
    qtbot, db = officer.qtbot, officer.db
    before = stored(db, SPARE)
    choose_meeting(qtbot, tab, SPARE)
    click_tool(qtbot, tab.toolbar, tab.edit_meeting_action)
    dialog = visible_dialog(qtbot, MeetingDialog, tab)
    dialog.date_edit.setDate(QDate(taken.year, taken.month, taken.day))
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    said = dialog.error_label.text()
    assert said == f"{DEMO_COMMITTEE} already has a meeting on {dates.format_uk(taken, 'full')}"
    assert "\n" not in said
    assert "Traceback" not in said
    dialog.reject()
    after = stored(db, SPARE)
    assert (after.id, after.version) == (before.id, before.version)
    assert stored(db, taken).id != before.id
    assert not officer.window.undo_stack.canUndo()
    assert not officer.boxes.seen


CHANGES = [("venue_edit", "Town Hall, Leominster"), ("kind_combo", "Extraordinary"),
           ("time_edit", "10:00")]


@pytest.mark.parametrize(("widget", "value"), CHANGES, ids=[c[0] for c in CHANGES])
def test_cancel_on_the_meeting_dialog_writes_nothing(officer, tab, widget, value):
    qtbot, db = officer.qtbot, officer.db
    before = stored(db, SPARE)
    choose_meeting(qtbot, tab, SPARE)
    click_tool(qtbot, tab.toolbar, tab.edit_meeting_action)
    dialog = visible_dialog(qtbot, MeetingDialog, tab)
    box = getattr(dialog, widget)
    if widget == "kind_combo":
        box.setCurrentIndex(box.findText(value, Qt.MatchFlag.MatchStartsWith))
    elif widget == "time_edit":
        box.setTime(box.time().fromString(value, "hh:mm"))
    else:
        type_into(qtbot, box, value)
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel))
    assert not dialog.isVisible()
    after = stored(db, SPARE)
    assert after == before
    assert cell(tab, before.id, MeetingsModel.VENUE) == before.venue
    assert not officer.window.undo_stack.canUndo()
