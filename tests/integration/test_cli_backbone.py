"""The command line as a user runs it: a real process, a real SQLite file."""

import json

from tests.conftest import DEMO_COMMITTEE

SEED_ACTIONS = [
    ("1", "2021-09-07", "check and confirm if the Human Rights Act is highlighted as a workshop requirement for social workers", "Claire Ward", "2021-11-02"),
    ("2", "2021-09-07", "provide an example of an induction pack for new starters", "Claire Ward", "2021-11-02"),
    ("3", "2021-09-07", "seek an update on the schools update briefing promised on 28 July 2020.", "Clerk to the committee", "2021-11-02"),
    ("4", "2021-08-05", "Advertise and recruit to the Co-optee positions", "Clerk to the committee", "2021-09-01"),
    ("5", "2021-10-12", "Circulate to the Committee the Key Performance Indicators (KPIs) of the Children's Centre Service contracts, with comparisons of the different providers used within the County.", "Richard Watson", "2021-12-07"),
    ("6", "2021-10-12", "The Deputy Monitoring Officer to provide the Committee with the current procurement rules, including the guidance on current exemptions to these rules.", "Kate Charlton", "2021-12-07"),
    ("7", "2021-10-12", "Information on the Friends of Ledbury to be forwarded to the Committee.", "Richard Watson", "2021-12-07"),
]


def test_demo_then_list_actions_shows_the_seed_log(cli):
    r = cli("demo")
    assert r.code == 0, r
    r = cli("list", "actions", "--committee", DEMO_COMMITTEE, "--json")
    assert r.code == 0, r
    rows = r.json()
    assert [(a["ref"], a["meeting_date"], a["text"], a["owner"], a["due_date"]) for a in rows] \
        == sorted(SEED_ACTIONS, key=lambda a: (a[1], int(a[0])))
    required = {"id", "version", "ref", "meeting_date", "text", "owner", "directorate", "progress",
                "due_date", "status", "overdue", "reported_complete_on",
                "new_since_last_meeting", "updated_since_last_meeting"}
    assert required <= set(rows[0])
    by_ref = {a["ref"]: a for a in rows}
    assert by_ref["3"]["status"] == "completed"
    assert not by_ref["3"]["overdue"]
    assert by_ref["1"]["status"] == "open"
    assert by_ref["1"]["overdue"]
    # 12 October 2021 is the last meeting held in the demo: its actions are new since then.
    assert [a["ref"] for a in rows if a["new_since_last_meeting"]] == ["5", "6", "7"]
    assert by_ref["3"]["updated_since_last_meeting"]


def test_demo_twice_is_harmless_and_reset_reloads(cli):
    assert cli("demo").code == 0
    again = cli("demo")
    assert again.code == 0
    assert "already loaded" in again.out
    assert cli("demo", "--reset").code == 0
    assert len(cli("list", "actions", "--committee", "CYPSC", "--json").json()) == 7


def test_listings_are_json_arrays_with_iso_dates(cli):
    assert cli("demo").code == 0
    meetings = cli("list", "meetings", "--committee", DEMO_COMMITTEE, "--json").json()
    nov = next(m for m in meetings if m["date"] == "2021-11-23")
    assert (nov["publication_deadline"], nov["questions_deadline"]) == ("2021-11-15", "2021-11-17")
    assert nov["kind"] == "improvement_focus"
    assert nov["time"] == "14:30"
    assert {"id", "date", "time", "venue", "kind", "status", "items"} <= set(nov)
    recs = cli("list", "recommendations", "--committee", DEMO_COMMITTEE, "--json").json()
    assert {"id", "meeting_date", "item", "text", "response", "verdict", "response_due",
            "status"} <= set(recs[0])
    wp = cli("list", "work-programme", "--committee", DEMO_COMMITTEE, "--json").json()
    assert {"id", "title", "format", "meeting_date", "target", "lead", "position",
            "status"} <= set(wp[0])
    assert any(w["meeting_date"] is None for w in wp)
    assert any(w["target"] == "Summer 2021" for w in wp)


def test_if_version_refuses_with_exit_3(cli):
    assert cli("committee", "add", "Audit and Governance Committee", "--short", "AGC").code == 0
    assert cli("meeting", "add", "--committee", "AGC", "--date", "2022-09-06").code == 0
    added = cli("action", "add", "--committee", "AGC", "--meeting", "2022-09-06", "--text",
                "Review the risk register", "--ref", "SOS/22/01", "--json").json()
    ok = cli("action", "update", str(added["id"]), "--progress", "Under way", "--if-version",
             str(added["version"]))
    assert ok.code == 0, ok
    stale = cli("action", "update", str(added["id"]), "--progress", "Other", "--if-version",
                str(added["version"]))
    assert stale.code == 3
    assert stale.err.count("\n") == 1
    assert "changed by someone else" in stale.err
    assert "Traceback" not in stale.err
    (row,) = cli("list", "actions", "--committee", "AGC", "--json").json()
    assert row["progress"] == "Under way"
    assert row["ref"] == "SOS/22/01"


def test_errors_are_one_line_exit_2(cli, tmp_path):
    for args in (["list", "actions", "--committee", "Nope"],
                 ["meeting", "add", "--committee", "Nope", "--date", "2022-01-01"],
                 ["list", "actions", "--status", "sideways"]):
        r = cli(*args)
        assert r.code == 2, (args, r)
        assert "Traceback" not in r.err, r.err
        assert r.err.strip().count("\n") == 0, r.err
    bad = tmp_path / "notadb.db"
    bad.write_text("hello" * 100, encoding="utf-8")
    r = cli("committee", "list", url=f"sqlite:///{bad}")
    assert r.code == 2
    assert "not an SQLite file" in r.err
    assert "Traceback" not in r.err


def test_history_shows_who_changed_what(cli):
    assert cli("--user", "Sarah Buffrey", "committee", "add", "Scrutiny Board").code == 0
    cli("meeting", "add", "--committee", "Scrutiny Board", "--date", "2022-03-22")
    added = cli("action", "add", "--committee", "Scrutiny Board", "--text", "Write up",
                "--json").json()
    cli("--user", "John Coleman", "action", "update", str(added["id"]), "--owner", "Matthew Sampson")
    rows = cli("history", "--committee", "Scrutiny Board", "--json").json()
    assert ("John Coleman", "actions", "owner", "", "Matthew Sampson") in [
        (r["who"], r["table"], r["field"], r["old"], r["new"]) for r in rows]
    assert any(r["who"] == "Sarah Buffrey" and r["table"] == "committees" for r in rows)
    assert json.dumps(rows)  # plain JSON
