"""The Attendance dialog of the Meetings tab in the shared window: each choice for a member is
stored as the minutes would write it and summed up under the meeting; people who are not
members are kept with their role; the minutes are approved at a later meeting, and Undo puts
both parts back. Checked in the database and in what the tab shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.enums import AttendanceKind as K
from desktop_app.services import attendance, meetings, minutes_approval
from desktop_app.ui.meetings.attendance_dialog import AttendanceDialog
from tests.ui.officer.conftest import (DEMO_COMMITTEE, SAFETY_MS, click, click_tool,
                                       visible_dialog)
from tests.ui.officer.test_meetings_window import choose_meeting

EMPTY = dt.date(2021, 12, 7)        # nothing recorded yet
HELD = dt.date(2021, 10, 12)        # held, minutes in draft


@pytest.fixture
def tab(officer):
    win = officer.window
    win.tabs.setCurrentWidget(win.meetings_tab)
    return win.meetings_tab


def open_attendance(officer, tab, day: dt.date) -> AttendanceDialog:
    choose_meeting(officer.qtbot, tab, day)
    click_tool(officer.qtbot, tab.toolbar, tab.attendance_action)
    return visible_dialog(officer.qtbot, AttendanceDialog, tab)


def row_of(dialog, name: str) -> int:
    return next(i for i, m in enumerate(dialog.members) if m.name.endswith(name))


def press_ok(qtbot, dialog) -> None:
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SAFETY_MS)


def meeting_id(db, day) -> int:
    return meetings.get_meeting(db, DEMO_COMMITTEE, day).id


@pytest.mark.parametrize(("choice", "kinds", "summary"), [
    ("Present", {"Councillor Mike Jones": K.PRESENT}, "Attendance: 1 present"),
    ("Apologies", {"Councillor Mike Jones": K.APOLOGIES}, "Attendance: 1 apologies"),
    ("Absent", {"Councillor Mike Jones": K.ABSENT}, "Attendance: 1 absent"),
    ("Substitute", {"Councillor Mike Jones": K.APOLOGIES, "Councillor Bob Smith": K.SUBSTITUTE},
     "Attendance: 1 apologies, 1 substitutes"),
])
def test_each_choice_for_a_member_is_stored_and_summed_up_then_undone(officer, tab, choice,
                                                                       kinds, summary):
    qtbot, db = officer.qtbot, officer.db
    dialog = open_attendance(officer, tab, EMPTY)
    assert {c.currentText() for c in dialog.choices} == {"Not recorded"}
    r = row_of(dialog, "Mike Jones")
    dialog.choices[r].setCurrentText(choice)
    if choice == "Substitute":
        qtbot.keyClicks(dialog.substitutes[r], "Councillor Bob Smith")
    press_ok(qtbot, dialog)
    entries = attendance.get_attendance(db, meeting_id(db, EMPTY)).entries
    assert {e.name: e.kind for e in entries} == kinds
    assert summary in tab.meeting_attendance.text()
    officer.window.undo_stack.undo()
    assert attendance.get_attendance(db, meeting_id(db, EMPTY)).entries == ()
    assert "Attendance:" not in tab.meeting_attendance.text()


def test_all_present_marks_every_member_present(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    dialog = open_attendance(officer, tab, EMPTY)
    click(qtbot, dialog.all_present_button)
    assert {c.currentText() for c in dialog.choices} == {"Present"}
    press_ok(qtbot, dialog)
    entries = attendance.get_attendance(db, meeting_id(db, EMPTY)).entries
    assert len(entries) == len(dialog.members)
    assert {e.kind for e in entries} == {K.PRESENT}
    assert f"Attendance: {len(entries)} present" in tab.meeting_attendance.text()
    officer.window.undo_stack.undo()
    assert attendance.get_attendance(db, meeting_id(db, EMPTY)).entries == ()


@pytest.mark.parametrize("kind", ["In attendance", "Present", "Apologies"])
def test_someone_who_is_not_a_member_is_kept_with_their_role(officer, tab, kind):
    qtbot, db = officer.qtbot, officer.db
    dialog = open_attendance(officer, tab, EMPTY)
    click(qtbot, dialog.add_other_button)
    row = dialog.others_table.rowCount() - 1
    dialog.others_table.item(row, 0).setText("Darryl Freeman")
    dialog.others_table.item(row, 1).setText("Corporate Director, Children and Young People")
    dialog.others_table.cellWidget(row, 2).setCurrentText(kind)
    press_ok(qtbot, dialog)
    entries = attendance.get_attendance(db, meeting_id(db, EMPTY)).entries
    assert [(e.name, e.role, e.kind) for e in entries] == [
        ("Darryl Freeman", "Corporate Director, Children and Young People",
         {"In attendance": K.IN_ATTENDANCE, "Present": K.PRESENT,
          "Apologies": K.APOLOGIES}[kind])]
    officer.window.undo_stack.undo()


def test_a_substitute_must_be_named(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    dialog = open_attendance(officer, tab, EMPTY)
    dialog.choices[row_of(dialog, "Jim Kenyon")].setCurrentText("Substitute")
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("Name the substitute for")
    assert "Jim Kenyon" in dialog.error_label.text()
    dialog.reject()
    assert attendance.get_attendance(db, meeting_id(db, EMPTY)).entries == ()


@pytest.mark.parametrize("at", [dt.date(2021, 11, 23), dt.date(2021, 12, 7),
                                dt.date(2022, 1, 11)])
def test_minutes_approved_at_each_later_meeting_then_undone(officer, tab, at):
    qtbot, db = officer.qtbot, officer.db
    dialog = open_attendance(officer, tab, HELD)
    offered = [dialog.approved_combo.itemText(i) for i in range(dialog.approved_combo.count())]
    assert offered[0] == "Not yet approved (draft)"
    later = [m.date for m in meetings.list_meetings(db, DEMO_COMMITTEE)
             if m.date > HELD and m.status != "cancelled"]
    assert len(offered) == 1 + len(later)
    wanted = f"the meeting on {at:%A} {at.day} {at:%B %Y}"
    dialog.approved_combo.setCurrentIndex(dialog.approved_combo.findText(wanted))
    press_ok(qtbot, dialog)
    mid = meeting_id(db, HELD)
    assert minutes_approval.minutes_approval(db, mid).approved_on == at
    assert f"Minutes approved at the meeting on {at.day} {at:%B %Y}" in \
        tab.meeting_attendance.text()
    officer.window.undo_stack.undo()
    assert minutes_approval.minutes_approval(db, mid).approved_on is None
    assert "Minutes not yet approved (draft)" in tab.meeting_attendance.text()
