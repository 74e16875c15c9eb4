"""The Meetings tab's Attendance dialog, driven as an officer would, checked in the database."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.enums import AttendanceKind as K
from desktop_app.services import attendance, meetings, minutes_approval
from desktop_app.ui.meetings.attendance_dialog import AttendanceDialog
from desktop_app.ui.meetings.meetings_model import MeetingsModel, RowRole
from desktop_app.ui.meetings.meetings_tab import MeetingsTab
from tests.conftest import DEMO_COMMITTEE

D = dt.date


@pytest.fixture
def tab(qtbot, demo_db, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-24")
    stack = QUndoStack()
    page = MeetingsTab(demo_db, stack)
    page.undo_stack_ref = stack
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.set_committee(DEMO_COMMITTEE)
    page.show()
    qtbot.waitExposed(page)
    return page


def choose_meeting(qtbot, tab, day):
    proxy = tab.meetings_proxy
    for r in range(proxy.rowCount()):
        index = proxy.index(r, MeetingsModel.DATE)
        if index.data(RowRole).date == day:
            tab.meetings_view.scrollTo(index)
            qtbot.mouseClick(tab.meetings_view.viewport(), Qt.MouseButton.LeftButton,
                             pos=tab.meetings_view.visualRect(index).center())
            assert tab.current_meeting().date == day
            return tab.current_meeting().id
    raise AssertionError(f"no meeting on {day}")


def open_dialog(qtbot, tab) -> AttendanceDialog:
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.attendance_action), Qt.MouseButton.LeftButton)
    found = []

    def visible():
        found[:] = [d for d in tab.findChildren(AttendanceDialog) if d.isVisible()]
        assert found
    qtbot.waitUntil(visible)
    return found[-1]


def row_of(dialog, name):
    return next(i for i, m in enumerate(dialog.members) if m.name.endswith(name))


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_the_demo_meeting_shows_its_attendance_and_draft_minutes(qtbot, tab):
    choose_meeting(qtbot, tab, D(2021, 10, 12))
    details = tab.meeting_attendance.text()
    assert "Attendance: 11 present, 9 in attendance" in details
    assert "Minutes not yet approved (draft)" in details
    dialog = open_dialog(qtbot, tab)
    assert dialog.choices[row_of(dialog, "Phillip Howells")].currentText() == "Present"
    others = [dialog.others_table.item(r, 0).text() for r in range(dialog.others_table.rowCount())]
    assert others[0] == "Councillor Diana Toynbee"
    assert "Democratic Services Manager" in others
    shots = os.environ.get("SCRUTINY_SCREENSHOTS")
    if shots:
        dialog.grab().save(os.path.join(shots, "attendance-dialog.png"))
        tab.grab().save(os.path.join(shots, "meetings-tab-attendance.png"))
    dialog.reject()


def test_record_attendance_substitute_and_approval_then_undo(qtbot, tab, demo_db):
    mid = choose_meeting(qtbot, tab, D(2021, 11, 23))
    dialog = open_dialog(qtbot, tab)
    qtbot.mouseClick(dialog.all_present_button, Qt.MouseButton.LeftButton)
    dialog.choices[row_of(dialog, "Graham Andrews")].setCurrentText("Apologies")
    dialog.choices[row_of(dialog, "Toni Fagan")].setCurrentText("Substitute")
    press_ok(qtbot, dialog)                               # no substitute named yet
    assert dialog.isVisible()
    assert "Name the substitute for Councillor Toni Fagan." in dialog.error_label.text()
    qtbot.keyClicks(dialog.substitutes[row_of(dialog, "Toni Fagan")], "Councillor Bob Smith")
    dialog.choices[row_of(dialog, "Sam Pratley")].setCurrentText("Not recorded")
    qtbot.mouseClick(dialog.add_other_button, Qt.MouseButton.LeftButton)
    row = dialog.others_table.rowCount() - 1
    dialog.others_table.item(row, 0).setText("Councillor Diana Toynbee")
    dialog.others_table.item(row, 1).setText("Cabinet Member for Children and Family Services")
    dialog.approved_combo.setCurrentIndex(dialog.approved_combo.findText(
        "the meeting on Tuesday 7 December 2021"))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    sheet = attendance.get_attendance(demo_db, mid)
    kinds = {e.name: e.kind for e in sheet.entries}
    assert kinds["Councillor Graham Andrews"] == K.APOLOGIES
    assert kinds["Councillor Toni Fagan"] == K.APOLOGIES
    assert kinds["Councillor Bob Smith"] == K.SUBSTITUTE
    assert kinds["Councillor Diana Toynbee"] == K.IN_ATTENDANCE
    assert "Mr Sam Pratley" not in kinds
    assert sum(k == K.PRESENT for k in kinds.values()) == 7
    assert ("Substitutes", ["Councillor Bob Smith (substitute for Councillor Toni Fagan)"]) in \
        attendance.attendance_block(demo_db, mid)
    assert minutes_approval.minutes_approval(demo_db, mid).approved_on == D(2021, 12, 7)
    assert "Minutes approved at the meeting on 7 December 2021" in tab.meeting_attendance.text()

    tab.undo_stack.undo()
    assert attendance.get_attendance(demo_db, mid).entries == ()
    assert minutes_approval.minutes_approval(demo_db, mid).approved_on is None
    tab.undo_stack.redo()
    assert len(attendance.get_attendance(demo_db, mid).entries) == len(sheet.entries)
    assert minutes_approval.minutes_approval(demo_db, mid).approved_on == D(2021, 12, 7)


def test_someone_elses_change_keeps_the_dialog_open(qtbot, tab, demo_db):
    mid = choose_meeting(qtbot, tab, D(2021, 11, 23))
    dialog = open_dialog(qtbot, tab)
    dialog.choices[row_of(dialog, "Mike Jones")].setCurrentText("Present")
    attendance.set_attendance(demo_db, mid, [attendance.Attendee("Mike Jones", K.APOLOGIES)])
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "changed by someone else" in dialog.error_label.text()
    assert attendance.get_attendance(demo_db, mid).entries[0].kind == K.APOLOGIES
    assert tab.undo_stack.count() == 0
    dialog.reject()
    assert meetings.get_meeting(demo_db, DEMO_COMMITTEE, D(2021, 11, 23)).id == mid
