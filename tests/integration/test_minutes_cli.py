"""``import-minutes`` as an officer runs it: a real process, then the database through services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.services.actions import list_actions
from desktop_app.services.meetings import list_meetings
from desktop_app.services.recommendations import list_recommendations
from tests.conftest import DEMO_COMMITTEE, SEEDS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
COMMITTEE = "Children and Young People Scrutiny Committee"


def seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not present at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not present in {SEEDS}")
    return str(found[0])


@pytest.fixture
def committee(cli):
    r = cli("committee", "add", COMMITTEE, "--short", "CYPSC")
    assert r.code == 0, r
    return "CYPSC"


def test_import_formal_minutes_from_an_agenda_pack(cli, db, committee):
    r = cli("import-minutes", seed("004"), "--committee", committee)
    assert r.code == 0, r
    assert "Items: 10" in r.out
    assert "Recommendations: 7; 4 procedural left out" in r.out
    assert "new meeting of 12 October 2021: 10 items added" in r.out
    assert "Attendance: Present 11; In attendance 9" in r.out
    assert "Approves the minutes of 7 September 2021" in r.out
    assert "  attendance: 20 people recorded" in r.out

    [meeting] = list_meetings(db, committee)
    assert (meeting.date, meeting.time, meeting.status) == (dt.date(2021, 10, 12),
                                                            dt.time(14, 30), "held")
    assert meeting.venue == "Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE"
    assert [i.number for i in meeting.items] == [str(n) for n in range(33, 43)]
    bromyard = meeting.items[6]
    assert bromyard.title == "PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA"
    assert "Actions arising:" in bromyard.minutes_text
    assert not bromyard.incomplete

    recs = list_recommendations(db, committee)
    assert [(r.item, r.label) for r in recs] == [
        ("QUESTIONS FROM MEMBERS OF THE PUBLIC", ""),
        *[("PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA", f"({x})") for x in "abcd"],
        *[("EFFECTIVE SCRUTINY OF CHILDREN'S SERVICES: TRAINING AND DEVELOPMENT OFFER", f"({x})")
          for x in "ab"]]
    assert recs[1].text == ("That the Executive consider if an exemption to the contract "
                            "procedure rules should be applied for.")
    assert all(r.sent_on == dt.date(2021, 10, 12) and r.verdict == "awaiting" for r in recs)

    actions = list_actions(db, committee)
    assert [(a.ref, a.owner, a.item) for a in actions] == [
        ("1", "Children's Commissioning Manager",
         "PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA"),
        ("2", "Deputy Monitoring Officer",
         "PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA"),
        ("3", "", "PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA")]
    assert actions[2].text == "Information on the Friends of Ledbury to be forwarded to the Committee."


def test_importing_twice_adds_nothing(cli, db, committee):
    first = cli("import-minutes", seed("004"), "--committee", committee, "--json")
    assert first.code == 0, first
    assert first.json()["summary"]["recommendations_created"] == 7
    again = cli("import-minutes", seed("004"), "--committee", committee, "--json")
    assert again.code == 0, again
    summary = again.json()["summary"]
    assert (summary["meeting_created"], summary["items_created"], summary["items_updated"],
            summary["recommendations_created"], summary["recommendations_existing"],
            summary["actions_created"], summary["actions_existing"]) == (
        False, [], [], 0, 7, 0, 3)
    assert len(list_meetings(db, committee)) == 1
    assert len(list_meetings(db, committee)[0].items) == 10
    assert len(list_recommendations(db, committee)) == 7
    assert len(list_actions(db, committee)) == 3


def test_include_procedural_keeps_them_flagged(cli, db, committee):
    r = cli("import-minutes", seed("004"), "--committee", committee, "--include-procedural")
    assert r.code == 0, r
    every = list_recommendations(db, committee)
    substantive = list_recommendations(db, committee, include_procedural=False)
    assert len(every) == 11
    assert len(substantive) == 7
    procedural = [r for r in every if r not in substantive]
    assert {(r.item, r.label) for r in procedural} == {
        ("MINUTES", ""), ("EFFECTIVE SCRUTINY OF CHILDREN'S SERVICES: TRAINING AND DEVELOPMENT "
                          "OFFER", "(c)"),
        ("WORK PROGRAMME REVIEW", "(a)"), ("WORK PROGRAMME REVIEW", "(b)")}


def test_page_without_a_date_needs_one(cli, db, committee):
    path = seed("001")
    r = cli("import-minutes", path, "--committee", committee)
    assert r.code == 2
    assert r.err.strip() == (f"scrutiny-tracker: error: {path}: no meeting date in the text; "
                             "give --date YYYY-MM-DD")
    assert list_meetings(db, committee) == []

    r = cli("import-minutes", path, "--committee", committee, "--date", "2022-02-22")
    assert r.code == 0, r
    assert "Incomplete items: 66, 67" in r.out
    [meeting] = list_meetings(db, committee)
    assert meeting.date == dt.date(2022, 2, 22)
    assert meeting.time is None
    assert [i.number for i in meeting.items if i.incomplete] == ["66", "67"]
    recs = list_recommendations(db, committee)
    assert [(r.item, r.label) for r in recs] == [
        ("Fostering Service Update", "(a)"), ("Fostering Service Update", "(b)"),
        ("Children's Services Performance Report", "(a)"),
        ("Children's Services Performance Report", "(b)")]


def test_date_that_contradicts_the_text_is_refused(cli, db, committee):
    path = seed("002")
    r = cli("import-minutes", path, "--committee", committee, "--date", "2022-09-02")
    assert r.code == 2
    assert r.err.strip() == (f"scrutiny-tracker: error: {path}: the minutes are of the meeting "
                             "on 1 September 2022, not 2 September 2022")
    assert list_meetings(db, committee) == []


def test_exempt_and_incomplete_items_are_stored(cli, db, committee):
    r = cli("import-minutes", seed("002"), "--committee", committee)
    assert r.code == 0, r
    [meeting] = list_meetings(db, committee)
    by_number = {i.number: i for i in meeting.items}
    assert (by_number["27"].exempt, by_number["27"].exempt_paragraph) == (True, "2")
    assert [n for n, i in by_number.items() if i.incomplete] == ["20", "21"]
    assert meeting.venue == "Oak Room, County Buildings, Stafford"


def test_dry_run_saves_nothing(cli, db, committee):
    r = cli("import-minutes", str(FIXTURES / "moderngov_corporate_2023-03.txt"),
            "--committee", committee, "--dry-run")
    assert r.code == 0, r
    assert "Would save to" in r.out
    assert "Dry run: nothing was saved." in r.out
    assert list_meetings(db, committee) == []
    assert list_recommendations(db, committee) == []


def test_an_actions_owner_and_due_date_are_shown_then_saved(cli, db, committee):
    # "That the Head of Waste Services provide ... by 30 September 2023": the dry run says the
    # owner and the due date it read, and saving keeps both.
    path = str(FIXTURES / "cmis_westharrowden_environment_2023-07.html")
    r = cli("import-minutes", path, "--committee", committee, "--dry-run")
    assert r.code == 0, r
    assert "[owner: Head of Waste Services; due: 30 September 2023]" in r.out
    assert "[owner: Flood Risk Manager]" in r.out
    assert cli("import-minutes", path, "--committee", committee).code == 0
    saved = {a.owner: a.due_date for a in list_actions(db, committee)}
    assert saved == {"Head of Waste Services": dt.date(2023, 9, 30), "Flood Risk Manager": None}


def test_dry_run_without_a_date_still_shows_the_minutes(cli, db, committee):
    path = seed("000")
    r = cli("import-minutes", path, "--committee", committee, "--dry-run")
    assert r.code == 0, r
    assert "Incomplete items: 5, 6, 8" in r.out
    assert "give --date YYYY-MM-DD to save" in r.err
    assert list_meetings(db, committee) == []


@pytest.mark.parametrize("name", ["minutes.pdf", "empty.txt"])
def test_bad_files_give_one_line_naming_the_file(cli, committee, tmp_path, name):
    path = tmp_path / name
    path.write_text("", encoding="utf-8")
    r = cli("import-minutes", str(path), "--committee", committee)
    assert r.code == 2
    assert r.err.count("\n") == 1
    assert str(path) in r.err
    assert r.err.startswith(f"scrutiny-tracker: error: {path}: ")


def test_unknown_committee(cli, committee):
    r = cli("import-minutes", str(FIXTURES / "formal_economy_2023-06.md"),
            "--committee", "Planning Committee")
    assert r.code == 2
    assert "no committee called 'Planning Committee'" in r.err


def test_minutes_match_what_the_demo_already_tracks(cli, db):
    assert cli("demo").code == 0
    before_actions = list_actions(db, DEMO_COMMITTEE)
    r = cli("import-minutes", seed("004"), "--committee", DEMO_COMMITTEE, "--json")
    assert r.code == 0, r
    summary = r.json()["summary"]
    # The demo's action log has the three actions of 12 October (some without their owner's
    # name in front) and its tracker the recommendations: none are added twice.
    assert (summary["meeting_created"], summary["items_created"], summary["actions_created"],
            summary["actions_existing"], summary["recommendations_created"],
            summary["recommendations_existing"]) == (False, [], 0, 3, 0, 7)
    assert len(list_actions(db, DEMO_COMMITTEE)) == len(before_actions)


def test_word_minutes_through_the_command_line(cli, db, committee, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph().add_run(
        "Minutes of the meeting of the Children and Young People Scrutiny Committee held at "
        "Shire Hall on Tuesday 5 March 2024 at 10.00 am").bold = True
    document.add_heading("12. Youth Justice Plan", level=2)
    document.add_paragraph("RESOLVED – That the committee: endorses the plan; and asks for a "
                           "report on reoffending rates in September.")
    path = tmp_path / "minutes.docx"
    document.save(path)
    r = cli("import-minutes", str(path), "--committee", committee)
    assert r.code == 0, r
    [meeting] = list_meetings(db, committee)
    assert (meeting.date, meeting.time, meeting.venue) == (dt.date(2024, 3, 5),
                                                           dt.time(10, 0), "Shire Hall")
    assert [r.text for r in list_recommendations(db, committee)] == [
        "endorses the plan", "asks for a report on reoffending rates in September."]
