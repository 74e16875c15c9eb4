"""``meeting attendance`` and ``meeting approve-minutes`` as an officer types them."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.cli import main
from desktop_app.domain.enums import AttendanceKind as K
from desktop_app.services import attendance, meetings, minutes_approval
from tests.conftest import DEMO_COMMITTEE


@pytest.fixture
def run(demo_db, db_url, capsys):
    def go(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return go


def test_set_and_show_attendance(run, demo_db):
    code, out, err = run(
        "meeting", "attendance", "CYPSC", "2021-09-07",
        "--present", "Councillor Phillip Howells, Cllr Jennie Hewitt, Councillors Graham "
                     "Andrews and Toni Fagan",
        "--apologies", "Helen I'Anson, Mr Sam Pratley",
        "--substitute", "Cllr Bob Smith for Cllr Mike Jones",
        "--in-attendance", "Councillor Diana Toynbee (Cabinet Member for Children and Family "
                           "Services)",
        "--officers", "Democratic Services Manager")
    assert (code, err) == (0, ""), err
    assert "saved the attendance of the meeting on 7 September 2021 (9 people" in out
    code, out, _ = run("meeting", "attendance", "CYPSC", "07/09/2021")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{DEMO_COMMITTEE}, meeting on Tuesday 7 September 2021"
    # the printed minutes' words (the seeds'), in their order
    assert lines[1] == ("  Present: Councillor Phillip Howells (Chairperson); Councillor Jennie "
                        "Hewitt (Vice-Chairperson); Councillors: Graham Andrews and Toni Fagan")
    assert lines[2] == ("  Apologies: Councillor Helen l'Anson, "
                        "Mr Sam Pratley \u2013 co-optee")
    assert lines[3] == "  Substitutes: Councillor Bob Smith (substitute for Councillor Mike Jones)"
    assert lines[4] == ("  In attendance: Councillor Diana Toynbee, Cabinet Member for Children "
                        "and Family Services")
    assert lines[5] == "  Officers: Democratic Services Manager"
    mid = meetings.get_meeting(demo_db, "CYPSC", dt.date(2021, 9, 7)).id
    sheet = attendance.get_attendance(demo_db, mid)
    assert [e.kind for e in sheet.entries].count(K.PRESENT) == 4


def test_version_and_json(run, demo_db):
    run("meeting", "attendance", "CYPSC", "2021-09-07", "--present", "Phillip Howells")
    code, out, _ = run("meeting", "attendance", "CYPSC", "2021-09-07", "--json")
    import json
    data = json.loads(out)
    assert data["entries"][0]["name"] == "Phillip Howells"
    assert data["entries"][0]["kind"] == "present"
    stale = str(data["version"])
    assert run("meeting", "attendance", "CYPSC", "2021-09-07", "--apologies", "Phillip Howells",
               "--if-version", stale)[0] == 0
    code, out, err = run("meeting", "attendance", "CYPSC", "2021-09-07", "--present",
                         "Phillip Howells", "--if-version", stale)
    assert code == 3
    assert "changed by someone else" in err
    assert len(err.splitlines()) == 1
    code, out, err = run("meeting", "attendance", "CYPSC", "2021-09-07", "--clear")
    assert code == 0
    mid = meetings.get_meeting(demo_db, "CYPSC", dt.date(2021, 9, 7)).id
    assert attendance.get_attendance(demo_db, mid).entries == ()


@pytest.mark.parametrize(("args", "message"), [
    (["--substitute", "Bob Smith"], 'write "NAME for MEMBER"'),
    (["--substitute", "Bob Smith for Nobody Atall"], "not a member of the committee"),
    (["--present", "Phillip Howells", "--apologies", "Cllr Phillip Howells"], "listed twice"),
    (["--present", "A", "--clear"], "give no names"),
])
def test_bad_attendance_is_one_line_exit_2_nothing_written(run, demo_db, args, message):
    run("meeting", "attendance", "CYPSC", "2021-09-07", "--present", "Mike Jones")
    code, out, err = run("meeting", "attendance", "CYPSC", "2021-09-07", *args)
    assert (code, len(err.splitlines())) == (2, 1), err
    assert message in err
    mid = meetings.get_meeting(demo_db, "CYPSC", dt.date(2021, 9, 7)).id
    assert [e.name for e in attendance.get_attendance(demo_db, mid).entries] == ["Mike Jones"]


def test_unknown_meeting_is_refused(run):
    code, _, err = run("meeting", "attendance", "CYPSC", "2021-09-08")
    assert code == 2
    assert "has no meeting on 2021-09-08" in err


def test_approve_minutes_and_undo(run, demo_db):
    code, out, err = run("meeting", "approve-minutes", "CYPSC", "2021-10-12", "--at", "2021-09-07")
    assert code == 2
    assert "must be a later meeting" in err
    assert len(err.splitlines()) == 1
    code, out, err = run("meeting", "approve-minutes", "CYPSC", "2021-10-12", "--at", "2021-11-23")
    assert code == 0, err
    assert out.strip() == ("the minutes of 12 October 2021 were approved at the meeting on "
                           "23 November 2021")
    mid = meetings.get_meeting(demo_db, "CYPSC", dt.date(2021, 10, 12)).id
    assert minutes_approval.minutes_approval(demo_db, mid).approved_on == dt.date(2021, 11, 23)
    code, out, _ = run("meeting", "attendance", "CYPSC", "2021-10-12")
    assert "Minutes approved at the meeting on 23 November 2021" in out
    code, out, _ = run("meeting", "approve-minutes", "CYPSC", "2021-10-12", "--undo")
    assert out.strip() == "the minutes of 12 October 2021 are not approved (draft)"
    assert minutes_approval.minutes_approval(demo_db, mid).approved_on is None


def test_as_a_real_process(cli):
    assert cli("demo").code == 0
    r = cli("meeting", "attendance", "CYPSC", "2021-09-07", "--present", "Phillip Howells",
            "--substitute", "Bob Smith for Councillor Zed")
    assert r.code == 2
    assert r.err.startswith("scrutiny-tracker: error: Bob Smith substitutes for")
    r = cli("meeting", "attendance", "CYPSC", "2021-09-07", "--present", "Phillip Howells")
    assert r.code == 0, r
    r = cli("meeting", "attendance", "CYPSC", "2021-09-07")
    assert "Present: Councillor Phillip Howells (Chairperson)" in r.out
