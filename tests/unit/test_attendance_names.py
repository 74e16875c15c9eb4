"""Reading attendance as minutes and the command line write it (domain, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.attendance import (name_key, parse_substitute,
                                           person_and_role, split_names, strip_title)
from desktop_app.domain.minutes_approval import MinutesApproval


def test_plural_title_is_given_to_each_name_and_and_splits():
    assert split_names("Councillor Phillip Howells, Cllr Jennie Hewitt, Councillors Graham "
                       "Andrews, Toni Fagan and Mike Jones, Mr Sam Pratley") == [
        "Councillor Phillip Howells", "Cllr Jennie Hewitt", "Councillor Graham Andrews",
        "Councillor Toni Fagan", "Councillor Mike Jones", "Mr Sam Pratley"]
    assert split_names("Councillors: Graham Andrews, Toni Fagan") == [
        "Councillor Graham Andrews", "Councillor Toni Fagan"]


def test_seed_001_apologies_keep_roles_with_their_names():
    text = ("Councillor Graham Andrews, Mr Sam Pratley - Education Co-optee, Mr Andy James - "
            "Education Co-Optee and Jane Ellis, Director of Healthwatch")
    assert [person_and_role(p) for p in split_names(text)] == [
        ("Councillor Graham Andrews", ""), ("Mr Sam Pratley", "Education Co-optee"),
        ("Mr Andy James", "Education Co-Optee"), ("Jane Ellis", "Director of Healthwatch")]


def test_and_inside_a_role_does_not_split():
    [one] = split_names("Councillor Diana Toynbee, Cabinet Member for Children and Family Services")
    assert person_and_role(one) == ("Councillor Diana Toynbee",
                                     "Cabinet Member for Children and Family Services")
    assert person_and_role("E Jones (Cabinet Member for Education)") == (
        "E Jones", "Cabinet Member for Education")


def test_officers_are_job_titles():
    assert split_names("Interim Head of Legal Services, Democratic Services Manager, Interim "
                       "Assistant Director Quality Assurance, Safeguarding and Partnerships, "
                       "Early Help Service Manager and Children's Joint Commissioning Manager",
                       officers=True) == [
        "Interim Head of Legal Services", "Democratic Services Manager",
        "Interim Assistant Director Quality Assurance, Safeguarding and Partnerships",
        "Early Help Service Manager", "Children's Joint Commissioning Manager"]


@pytest.mark.parametrize(("written", "name"), [
    ("Councillor Phillip Howells (Chairperson)", "Phillip Howells"),
    ("Cllr. Jennie Hewitt (Vice-Chairperson)", "Jennie Hewitt"),
    ("Rev Preb Michael Metcalf", "Michael Metcalf"),
    ("Councillor Jim Kenyon (non-voting member)", "Jim Kenyon"),
    ("Mr Andy James", "Andy James"),
])
def test_titles_and_chair_notes_are_stripped_for_matching(written, name):
    assert strip_title(written) == name


def test_name_key_ignores_case_and_curly_quotes():
    assert name_key("Councillor Helen l’Anson") == name_key("helen l'anson")


@pytest.mark.parametrize(("text", "pair"), [
    ("Cllr D Smith for Cllr C Jones", ("Cllr D Smith", "Cllr C Jones")),
    ("Councillor X Ray (substitute for Councillor Y Zed)", ("Councillor X Ray", "Councillor Y Zed")),
    ("Councillor X Ray as substitute for Councillor Y Zed", ("Councillor X Ray", "Councillor Y Zed")),
    ("Dana Smith", ("Dana Smith", "")),
])
def test_substitutes(text, pair):
    assert parse_substitute(text) == pair


def test_minutes_are_draft_until_the_approving_meeting():
    approval = MinutesApproval(meeting_id=1, meeting_date=dt.date(2021, 10, 12),
                               approved_meeting_id=2, approved_on=dt.date(2021, 11, 23))
    assert approval.is_draft(dt.date(2021, 11, 15))
    assert not approval.is_draft(dt.date(2021, 11, 23))
    assert MinutesApproval(meeting_id=1, meeting_date=dt.date(2021, 10, 12)).is_draft(
        dt.date(2030, 1, 1))
