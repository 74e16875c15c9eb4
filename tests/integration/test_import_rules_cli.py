"""Issue 13's rules as an officer meets them on the command line: ``--committee`` must name a
committee that exists (a close match is offered), ``--create-committee`` creates one, unknown
status words are listed and ``--status WORD=STATUS`` says what they mean."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
UNKNOWN_WORDS = CORPUS / "05_actions_unknown_status_words.xlsx"
COMMITTEE = "Environment and Economy Scrutiny Committee"


def test_a_committee_typo_is_refused_with_the_nearest_name(cli):
    assert cli("committee", "add", COMMITTEE, "--short", "EESC").code == 0
    r = cli("import", str(UNKNOWN_WORDS), "--committee", "Enviroment and Economy Scrutiny")
    assert r.code == 2, r
    assert len(r.err.strip().splitlines()) == 1
    assert f"did you mean '{COMMITTEE}'" in r.err
    assert [c["name"] for c in cli("committee", "list", "--json").json()] == [COMMITTEE]
    assert cli("list", "actions", "--committee", "EESC", "--json").json() == []


def test_the_short_name_names_the_committee(cli):
    assert cli("committee", "add", COMMITTEE, "--short", "EESC").code == 0
    r = cli("import", str(UNKNOWN_WORDS), "--committee", "eesc", "--json")
    assert r.code == 0, r
    assert (r.json()["committee"], r.json()["committee_created"]) == (COMMITTEE, False)


def test_create_committee_creates_it(cli):
    r = cli("import", str(UNKNOWN_WORDS), "--committee", COMMITTEE, "--json")
    assert r.code == 2, r
    assert "no committees yet" in r.err
    r = cli("import", str(UNKNOWN_WORDS), "--committee", COMMITTEE, "--create-committee", "--json")
    assert r.code == 0, r
    assert r.json()["committee_created"] is True


def test_unknown_status_words_come_in_open_and_are_listed(cli):
    r = cli("import", str(UNKNOWN_WORDS), "--committee", COMMITTEE, "--create-committee")
    assert r.code == 0, r
    assert "  status 'Paused' not known (2 rows): imported as open" in r.out
    listed = cli("list", "actions", "--committee", COMMITTEE, "--json").json()
    paused = [a for a in listed if a["status_word"] == "Paused"]
    assert [a["status"] for a in paused] == ["open", "open"]


def test_status_says_what_a_word_means(cli):
    r = cli("import", str(UNKNOWN_WORDS), "--committee", COMMITTEE, "--create-committee",
            "--status", "Superseded=completed", "--status", "paused=completed", "--json")
    assert r.code == 0, r
    assert r.json()["unknown_status_words"] == {"With cabinet": 2}
    listed = cli("list", "actions", "--committee", COMMITTEE, "--json").json()
    assert {a["status"] for a in listed if a["status_word"] in ("Paused", "Superseded")} == \
        {"completed"}


def test_a_status_that_is_not_one_is_refused(cli):
    r = cli("import", str(UNKNOWN_WORDS), "--committee", COMMITTEE, "--create-committee",
            "--status", "Paused=asleep")
    assert r.code == 2, r
    assert "'asleep' is not a status of actions" in r.err


PER_COMMITTEE = CORPUS / "51_actions_committee_per_sheet.xlsx"


def test_a_workbook_of_several_committees_imports_the_one_chosen_or_none(cli):
    """A sheet per committee (51): into a committee it does not hold, one line and exit 2,
    nothing created; into one it holds, that sheet only, the others named."""
    r = cli("import", str(PER_COMMITTEE), "--committee", "Standards Committee",
            "--create-committee")
    assert r.code == 2, r
    assert len(r.err.strip().splitlines()) == 1
    assert "Licensing Committee" in r.err
    assert "Traceback" not in r.err
    assert cli("committee", "list", "--json").json() == []
    r = cli("import", str(PER_COMMITTEE), "--committee", "Audit & Governance Committee",
            "--create-committee", "--json")
    assert r.code == 0, r
    assert (r.json()["created"], [o["sheet"] for o in r.json()["other_committees"]]) == \
        (3, ["Overview & Scrutiny", "Licensing"])
