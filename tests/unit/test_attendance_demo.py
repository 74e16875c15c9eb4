"""The example committee carries seed 004's attendance and the approval of earlier minutes."""

from __future__ import annotations

import datetime as dt

from desktop_app.services import attendance, meetings, minutes_approval
from desktop_app.services.demo import load_demo


def test_demo_meeting_of_12_october_has_its_attendance(demo_db):
    oct12 = meetings.get_meeting(demo_db, "CYPSC", dt.date(2021, 10, 12)).id
    block = dict(attendance.attendance_block(demo_db, oct12))
    assert list(block) == ["Present", "Virtual attendees", "Apologies", "Substitutes",
                           "In attendance", "Officers"]
    assert block["Apologies"] == block["Substitutes"] == ["None"]
    assert block["Present"][0] == "Councillor Phillip Howells (Chairperson)"
    assert block["Officers"][0].startswith(          # on one line, as the seed
        "Interim Head of Legal Services, Democratic Services Manager, ")
    sheet = attendance.get_attendance(demo_db, oct12)
    assert sum(e.member_id is not None for e in sheet.entries) == 10  # the whole committee
    assert minutes_approval.minutes_approval(demo_db, oct12).approved_on is None  # draft
    sep7 = meetings.get_meeting(demo_db, "CYPSC", dt.date(2021, 9, 7)).id
    assert minutes_approval.minutes_approval(demo_db, sep7).approved_meeting_id == oct12


def test_demo_reset_loads_it_again(demo_db):
    load_demo(demo_db, reset=True)
    oct12 = meetings.get_meeting(demo_db, "CYPSC", dt.date(2021, 10, 12)).id
    assert len(attendance.get_attendance(demo_db, oct12).entries) == 20
