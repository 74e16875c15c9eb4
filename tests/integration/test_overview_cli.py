"""``scrutiny-tracker overview [--committee C] [--json]``: the Overview page's facts as text or
JSON, with 'today' fixed (SCRUTINY_TRACKER_TODAY)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.cli import main
from desktop_app.services import actions, committees, meetings, recommendations, work_programme

D = dt.date
TODAY = "2025-03-04"
ADULTS = "Adults Scrutiny Committee"
CHILDREN = "Children's Scrutiny Committee"


@pytest.fixture
def data(db, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", TODAY)
    committees.add_committee(db, ADULTS, "ASC")
    committees.add_committee(db, CHILDREN, "CSC")
    meetings.add_meeting(db, ADULTS, D(2025, 1, 14), status="held")
    meetings.add_meeting(db, ADULTS, D(2025, 3, 11), venue="Room 1")
    recommendations.add_recommendation(db, ADULTS, D(2025, 1, 14), "Publish the strategy",
                                       label="R1", sent_on=D(2025, 1, 3))
    actions.add_action(db, ADULTS, D(2025, 1, 14), "Send the carers survey", owner="Jo Bloggs",
                       due=D(2025, 2, 20), ref="A1")
    work_programme.add_work_item(db, ADULTS, "Home care market", target="Summer 2025")
    return db


@pytest.fixture
def run(data, db_url, capsys):
    def go(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return go


def test_overview_as_text(run):
    code, out, err = run("overview")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Overview as at Tuesday 4 March 2025",
        "",
        f"{ADULTS} (ASC)",
        "  Next meetings",
        "    Tue 11 Mar 2025 (in 7 days), Room 1: papers published by Mon 3 Mar 2025 - missed; "
        "questions by Wed 5 Mar 2025 - 1 day left",
        "  Executive responses due within 14 days or overdue (s.9FE)",
        "    R1 Publish the strategy - due 02/03/2025, overdue by 2 days",
        "  Actions to chase (overdue or due by the next meeting)",
        "    Jo Bloggs: 1 action, 1 overdue",
        "      A1  Send the carers survey - due 20/02/2025, overdue by 12 days",
        "  To be scheduled",
        "    Home care market (target Summer 2025)",
        "",
        f"{CHILDREN} (CSC)",
        "  Next meetings",
        "    No meeting scheduled",
    ]


def test_one_committee_as_json(run, data):
    code, out, _err = run("overview", "--committee", "asc", "--json")
    assert code == 0
    got = json.loads(out)
    assert got["today"] == TODAY
    assert [c["name"] for c in got["committees"]] == [ADULTS]
    adults = got["committees"][0]
    assert adults["next_meeting"] == "2025-03-11"
    assert adults["meetings"][0]["publication"] == {"day": "2025-03-03", "days_left": -1,
                                                    "missed": True, "bank_holiday": False}
    assert [(g["owner"], g["overdue"], [a["ref"] for a in g["actions"]])
            for g in adults["owners"]] == [("Jo Bloggs", 1, ["A1"])]
    assert [(r["label"], r["due"], r["overdue"]) for r in adults["responses"]] == [
        ("R1", "2025-03-02", True)]
    assert [w["title"] for w in adults["unscheduled"]] == ["Home care market"]


def test_unknown_committee_is_one_line_and_exit_2(run):
    code, out, err = run("overview", "--committee", "Planning")
    assert code == 2
    assert out == ""
    assert err.strip().splitlines() == [
        "scrutiny-tracker: error: no committee called 'Planning' (known: "
        f"{ADULTS}, {CHILDREN})"]


def test_overview_in_its_own_process(data, cli):
    result = cli("overview", "--json", env={"SCRUTINY_TRACKER_TODAY": TODAY})
    assert result.code == 0, result
    assert [c["short_name"] for c in result.json()["committees"]] == ["ASC", "CSC"]
