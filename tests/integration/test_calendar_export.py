"""``export calendar`` (issue 18): the .ics file is written from a real database, read back with
icalendar, and checked against what the app itself says (the meeting's deadlines as the
Meetings tab shows them, the s.9FE date as the tracker shows it). Exporting again gives the same
UIDs; a moved meeting keeps its UID with its new time; cancelled and deleted meetings stay as
cancelled events; another database gives other UIDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from desktop_app.cli import main
from desktop_app.db.models import Meeting
from desktop_app.db.schema import open_database
from desktop_app.exporters.ics_safe import one_line, safe_text
from desktop_app.services import committees, meetings, recommendations
from desktop_app.services.calendar_export import export_calendar
from desktop_app.services.db_identity import database_token
from desktop_app.services.errors import ServiceError

D = dt.date
LONDON = ZoneInfo("Europe/London")
AUDIT, HOUSING = "Audit and Governance Committee", "Housing Scrutiny Committee"


def _data(db) -> dict:
    committees.add_committee(db, AUDIT, short_name="AGC")
    committees.add_committee(db, HOUSING, short_name="HSC")
    nov = meetings.add_meeting(db, AUDIT, D(2021, 11, 23), time="14:30", venue="Council Chamber",
                               kind="improvement-focus")
    meetings.add_item(db, AUDIT, D(2021, 11, 23), "5", "Internal audit plan\x07 2022/23")
    dec = meetings.add_meeting(db, AUDIT, D(2021, 12, 7), kind="extra")      # no time yet
    summer = meetings.add_meeting(db, AUDIT, D(2022, 7, 5), time="10:00", venue="Room 2")
    meetings.add_meeting(db, HOUSING, D(2021, 11, 30), time="18:00", venue="Town Hall")
    meetings.add_meeting(db, AUDIT, D(2021, 10, 12), status="held")
    waiting = recommendations.add_recommendation(db, AUDIT, D(2021, 10, 12), "That the risk "
                                                 "register is reviewed", label="R1",
                                                 sent_on=D(2021, 10, 15))
    answered = recommendations.add_recommendation(db, AUDIT, D(2021, 10, 12), "That the audit "
                                                  "plan is published", label="R2",
                                                  sent_on=D(2021, 10, 15))
    recommendations.record_response(db, answered.id, "Agreed.", "accepted", on=D(2021, 11, 1))
    return {"nov": nov, "dec": dec, "summer": summer, "waiting": waiting, "answered": answered}


@pytest.fixture
def data(db):
    return _data(db)


def _by_uid(path: Path) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def _one(path: Path, kind: str, record_id: int):
    found = [e for uid, e in _by_uid(path).items() if uid.startswith(f"{kind}-{record_id}-")]
    assert len(found) == 1, f"{kind} {record_id}: {len(found)} events"
    return found[0]


def test_meetings_deadlines_and_response_dates(db, data, tmp_path):
    path = tmp_path / "agc.ics"
    done = export_calendar(db, path, "AGC")
    cal = Calendar.from_ical(path.read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Scrutiny: AGC"
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/London"
    assert {str(c["TZNAME"]) for c in tz.subcomponents} == {"GMT", "BST"}
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids)) == done.events
    token = database_token(db)
    assert all(uid.endswith(f"-{token}@scrutiny-tracker") for uid in uids)
    assert not any("HSC" in str(e["SUMMARY"]) for e in cal.walk("VEVENT"))   # one committee

    nov = _one(path, "meeting", data["nov"].id)
    assert nov["DTSTART"].dt == dt.datetime(2021, 11, 23, 14, 30, tzinfo=LONDON)
    assert nov["DTEND"].dt == dt.datetime(2021, 11, 23, 16, 30, tzinfo=LONDON)
    assert nov["DTSTART"].params["TZID"] == "Europe/London"
    assert str(nov["LOCATION"]) == "Council Chamber"
    assert str(nov["SUMMARY"]) == f"{AUDIT}: meeting (improvement focus)"
    assert "Kind of meeting: Improvement focus" in str(nov["DESCRIPTION"])
    assert "5. Internal audit plan 2022/23" in str(nov["DESCRIPTION"])      # \x07 removed
    assert str(nov["STATUS"]) == "CONFIRMED"
    summer = _one(path, "meeting", data["summer"].id)                      # in summer time
    assert summer["DTSTART"].dt.utcoffset() == dt.timedelta(hours=1)
    dec = _one(path, "meeting", data["dec"].id)                            # no time: all day
    assert dec["DTSTART"].dt == D(2021, 12, 7)
    assert str(dec["SUMMARY"]) == f"{AUDIT}: extraordinary meeting"

    # the deadlines the Meetings tab shows, all day and free time
    shown = meetings.get_meeting(db, AUDIT, D(2021, 11, 23))
    publication = _one(path, "publication", data["nov"].id)
    questions = _one(path, "questions", data["nov"].id)
    assert publication["DTSTART"].dt == shown.publication_deadline
    assert questions["DTSTART"].dt == shown.questions_deadline
    assert publication["DTEND"].dt == shown.publication_deadline + dt.timedelta(days=1)
    assert str(publication["TRANSP"]) == "TRANSPARENT"
    assert "Tuesday 23 November 2021" in str(publication["SUMMARY"])

    # the s.9FE date the tracker shows; a response recorded cancels the reminder
    waiting = recommendations.get_recommendation(db, data["waiting"].id)
    due = _one(path, "response-due", waiting.id)
    assert due["DTSTART"].dt == waiting.response_due == D(2021, 12, 14)
    assert str(due["STATUS"]) == "CONFIRMED"
    assert "R1" in str(due["SUMMARY"])
    answered = _one(path, "response-due", data["answered"].id)
    assert str(answered["STATUS"]) == "CANCELLED"
    assert str(answered["SUMMARY"]).startswith("Response received:")


def test_same_export_twice_gives_the_same_file_and_a_move_keeps_the_uid(db, data, tmp_path):
    first, again = tmp_path / "1.ics", tmp_path / "2.ics"
    export_calendar(db, first, AUDIT)
    export_calendar(db, again, "agc")
    assert first.read_bytes() == again.read_bytes()

    before = _one(first, "meeting", data["nov"].id)
    meetings.update_meeting(db, data["nov"].id, date=D(2021, 11, 25), start_time="10:00")
    moved_path = tmp_path / "3.ics"
    export_calendar(db, moved_path, AUDIT)
    assert set(_by_uid(moved_path)) == set(_by_uid(first))                 # nothing new
    moved = _one(moved_path, "meeting", data["nov"].id)
    assert moved["UID"] == before["UID"]
    assert moved["DTSTART"].dt == dt.datetime(2021, 11, 25, 10, 0, tzinfo=LONDON)
    assert moved["SEQUENCE"] > before["SEQUENCE"]
    assert moved["LAST-MODIFIED"].dt >= before["LAST-MODIFIED"].dt
    shown = meetings.get_meeting(db, AUDIT, D(2021, 11, 25))
    assert _one(moved_path, "publication", data["nov"].id)["DTSTART"].dt == \
        shown.publication_deadline

    # another database: other UIDs for records with the same ids
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        _data(other)
        export_calendar(other, tmp_path / "other.ics", AUDIT)
    finally:
        other.dispose()
    assert not set(_by_uid(tmp_path / "other.ics")) & set(_by_uid(first))


def test_cancelled_and_deleted_meetings_stay_as_cancelled_events(db, data, tmp_path):
    before = tmp_path / "before.ics"
    export_calendar(db, before, AUDIT)
    meetings.set_meeting_status(db, data["dec"].id, "cancelled")
    with db.unit_of_work() as s:                    # no command deletes a meeting yet
        s.delete(s.get(Meeting, data["summer"].id))
    after = tmp_path / "after.ics"
    done = export_calendar(db, after, AUDIT)
    assert set(_by_uid(after)) == set(_by_uid(before))
    for record in (data["dec"].id, data["summer"].id):
        for kind in ("meeting", "publication", "questions"):
            was, now = _one(before, kind, record), _one(after, kind, record)
            assert str(was["STATUS"]) == "CONFIRMED"
            assert str(now["STATUS"]) == "CANCELLED", (kind, record)
            assert now["SEQUENCE"] > was["SEQUENCE"]
            assert str(now["SUMMARY"]).startswith("Cancelled: ")
    assert _one(after, "meeting", data["summer"].id)["DTSTART"].dt == D(2022, 7, 5)
    assert done.cancelled == 7      # 2 meetings x 3 events, and R2's answered response


def test_all_committees_and_refusals(db, db_url, data, tmp_path, capsys):
    everyone = tmp_path / "all.ics"
    assert main(["--db", db_url, "export", "calendar", "--all", "-o", str(everyone)]) == 0
    assert "for every committee" in capsys.readouterr().out
    summaries = [str(e["SUMMARY"]) for e in _by_uid(everyone).values()]
    assert any(s.startswith(HOUSING) for s in summaries)
    assert any(s.startswith(AUDIT) for s in summaries)

    bad = tmp_path / "bad.ics"
    for args, said in ((["--committee", "Audit and Governence"],
                        f"did you mean '{AUDIT}'"),
                       (["--committee", "AGC", "--all"], "--committee NAME or --all"),
                       ([], "--committee NAME or --all"),
                       (["--committee", "AGC", "--meeting", "2021-11-23"], "not for a calendar")):
        assert main(["--db", db_url, "export", "calendar", *args, "-o", str(bad)]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert said in err, err
        assert not bad.exists()
    with pytest.raises(ServiceError, match="ends in .ics"):
        export_calendar(db, tmp_path / "agc.txt", AUDIT)


def test_the_command_as_a_process(cli, db, data, tmp_path):
    out = tmp_path / "Audit meetings.ics"
    result = cli("export", "calendar", "--committee", "AGC", "-o", str(out))
    assert result.code == 0, result
    assert result.out.startswith(f"wrote {out}: ")
    assert str(_one(out, "meeting", data["nov"].id)["LOCATION"]) == "Council Chamber"


def test_the_writer_seam():
    assert one_line("Review\r\nof the\tplan\x1b[31m") == "Review of the plan[31m"
    assert safe_text("a\u202eb\r\nc") == "ab\nc"
    assert safe_text("x" * 50, limit=20).endswith(" [cut]")
    assert len(safe_text("x" * 50, limit=20)) == 20
