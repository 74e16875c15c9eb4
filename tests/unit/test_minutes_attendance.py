"""Attendance and approved minutes read from the seeds' real pages, then saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.domain.enums import AttendanceKind as K
from desktop_app.importers.minutes import parse_minutes_file
from desktop_app.services import attendance, committees, meetings, minutes_approval
from desktop_app.services.minutes_import import save_minutes

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
C = "Children and Young People Scrutiny Committee"


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not present in {SEEDS}")
    return found[0]


@pytest.fixture(scope="module")
def pack():
    return parse_minutes_file(seed("004"))


def entries(proposal, kind):
    return [(a.name, a.role) for a in proposal.attendance if a.kind == kind]


def test_pack_block_present_virtual_in_attendance_officers(pack):
    assert entries(pack, K.PRESENT) == [
        ("Councillor Phillip Howells", ""), ("Councillor Jennie Hewitt", ""),
        ("Councillor Graham Andrews", ""), ("Councillor Toni Fagan", ""),
        ("Councillor Helen l'Anson", ""), ("Councillor Mike Jones", ""),
        ("Councillor Diana Toynbee", "Cabinet Member for Children and Family Services"),
        ("Councillor David Summers", "Virtual attendee"),
        ("Councillor Jim Kenyon", "Virtual attendee"),
        ("Mr Andy James", "Virtual attendee"), ("Mr Sam Pratley", "Virtual attendee")]
    in_attendance = entries(pack, K.IN_ATTENDANCE)
    assert in_attendance[:2] == [("Councillor Alan Seldon", ""), ("Councillor Nigel Shaw", "")]
    officers = [name for name, role in in_attendance if role == "Officer"]
    assert officers[0] == "Interim Head of Legal Services"
    assert officers[-1] == "Children's Joint Commissioning Manager"
    assert len(officers) == 7
    assert entries(pack, K.APOLOGIES) == entries(pack, K.SUBSTITUTE) == []  # "There were no ..."


def test_pack_minute_36_approves_7_september(pack):
    assert pack.approves_minutes_of == [dt.date(2021, 9, 7)]


def test_seed_001_apologies_and_two_meetings_approved():
    p = parse_minutes_file(seed("001"))
    assert entries(p, K.APOLOGIES) == [
        ("Councillor Graham Andrews", ""), ("Mr Sam Pratley", "Education Co-optee"),
        ("Mr Andy James", "Education Co-Optee"), ("Jane Ellis", "Director of Healthwatch")]
    assert [a.kind for a in p.attendance] == [K.APOLOGIES] * 4
    # no date on the page: "11 January" in the resolution has its year from the agenda text
    assert p.approves_minutes_of == [dt.date(2021, 11, 23), dt.date(2022, 1, 11)]


def test_seed_000_and_002_approvals_and_an_item_attendee():
    assert parse_minutes_file(seed("000")).approves_minutes_of == [dt.date(2020, 7, 28)]
    p = parse_minutes_file(seed("002"))
    assert p.approves_minutes_of == [dt.date(2022, 7, 19)]
    assert [(a.name, a.kind, a.role) for a in p.attendance] == [
        ("Rev Preb Michael Metcalf", K.IN_ATTENDANCE,
         "for item 21, representing the Prosperous Overview & Scrutiny Committee")]


@pytest.fixture
def cyp(db):
    committees.add_committee(db, C, "CYPSC")
    for name, role, voting, title in (
            ("Phillip Howells", "chair", True, None), ("Jennie Hewitt", "vice-chair", True, None),
            ("Graham Andrews", "councillor", True, None), ("Toni Fagan", "councillor", True, None),
            ("Helen l'Anson", "councillor", True, None), ("Mike Jones", "councillor", True, None),
            ("Jim Kenyon", "councillor", False, None), ("David Summers", "councillor", True, None),
            ("Andy James", "co-optee", False, "Mr"), ("Sam Pratley", "co-optee", False, "Mr")):
        committees.add_member(db, C, name, role, voting, title)
    meetings.add_meeting(db, C, dt.date(2021, 9, 7), status="held")
    return db


def test_saving_the_pack_stores_attendance_and_the_approval(cyp, pack):
    db = cyp
    summary = save_minutes(db, C, pack)
    assert summary.attendance_saved == 20
    assert summary.approved_minutes_of == ["2021-09-07"]
    oct12 = summary.meeting_id
    block = dict(attendance.attendance_block(db, oct12))
    assert block["Present"][:2] == ["Councillor Phillip Howells (Chairperson)",
                                    "Councillor Jennie Hewitt (Vice-Chairperson)"]
    assert block["Virtual attendees"] == [
        "Councillor David Summers", "Councillor Jim Kenyon (non-voting member)",
        "Mr Andy James \u2013 co-optee", "Mr Sam Pratley \u2013 co-optee"]   # seed: "– co-optee"
    assert block["In attendance"] == ["Councillors Alan Seldon and Nigel Shaw"]   # seed 004
    sheet = attendance.get_attendance(db, oct12)
    matched = [e.name for e in sheet.entries if e.member_id is not None]
    assert len(matched) == 10  # every committee member; not the cabinet member or officers
    sept = meetings.get_meeting(db, C, dt.date(2021, 9, 7)).id
    assert minutes_approval.minutes_approval(db, sept).approved_on == dt.date(2021, 10, 12)

    again = save_minutes(db, C, pack)  # the same minutes again change nothing
    assert (again.attendance_saved, again.approved_minutes_of, again.warnings) == (0, [], [])
    assert attendance.get_attendance(db, oct12).version == sheet.version


def test_attendance_edited_since_is_kept_and_said(cyp, pack):
    db = cyp
    oct12 = save_minutes(db, C, pack).meeting_id
    attendance.set_attendance(db, oct12, [attendance.Attendee("Phillip Howells", K.PRESENT)])
    again = save_minutes(db, C, pack)
    assert "kept the attendance already saved (1 person); the minutes list 20 people" in again.warnings
    assert len(attendance.get_attendance(db, oct12).entries) == 1


def test_approval_of_a_meeting_not_stored_is_noted(cyp):
    p = parse_minutes_file(seed("001"))
    summary = save_minutes(cyp, C, p, meeting_date=dt.date(2022, 2, 1))
    assert summary.approved_minutes_of == []
    assert summary.approved_not_stored == ["2021-11-23", "2022-01-11"]
    assert summary.warnings == []
    assert summary.attendance_saved == 4
