"""Other councils' minutes written blind (tests/fixtures/minutes/*.expected.json): what a careful
officer would record from each file, checked against what the reader proposes. The shape of
the expectation files is described in tests/fixtures/minutes/README.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop_app.importers.minutes import parse_minutes_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
CASES = sorted(FIXTURES.glob("*.expected.json"))


def _key(text: str) -> str:
    """Words only, without a leading "That": the recommendation as an officer reads it."""
    return re.sub(r"^that ", "", re.sub(r"\W+", " ", text).strip().casefold())


@pytest.fixture(scope="module", params=CASES, ids=lambda p: p.name.split(".")[0])
def case(request):
    expected = json.loads(request.param.read_text(encoding="utf-8"))
    return expected, parse_minutes_file(FIXTURES / expected["source"])


def test_meeting_and_items(case):
    expected, got = case
    assert got.meeting_date is not None
    assert got.meeting_date.isoformat() == expected["meeting_date"]
    assert [(i.number, i.title, i.exempt) for i in got.items] == [
        (e["number"], e["title"], e.get("exempt", False)) for e in expected["items"]]


def test_recommendations_to_the_executive(case):
    expected, got = case
    found = [(item.number, rec.text) for item in got.items if not item.exempt
             for rec in item.recommendations if not rec.procedural]
    assert len(found) == len(expected["recommendations"]), found
    for want, (number, text) in zip(expected["recommendations"], found, strict=True):
        assert number == want["item"]
        assert _key(want["text"]) in _key(text)


def test_actions(case):
    expected, got = case
    found = [(item.number, action) for item in got.items if not item.exempt
             for action in item.actions]
    found += [(None, action) for action in got.meeting_actions]  # "item": null, the meeting's
    assert len(found) == len(expected["actions"]), found
    for want, (number, action) in zip(expected["actions"], found, strict=True):
        assert want["item"] == number
        assert _key(want["text"]) == _key(action.text)
        assert (action.owner, action.due) == (want["owner"], want["due"] or "")


def test_exempt_business_stays_with_its_exempt_item(case):
    expected, got = case
    held = {item.number: {"recommendations": len(item.recommendations),
                          "actions": len(item.actions)} for item in got.items if item.exempt}
    assert held == expected.get("exempt_item_records", held)
    public = " ".join([rec.text for item in got.items if not item.exempt
                       for rec in item.recommendations]
                      + [a.text for item in got.items if not item.exempt for a in item.actions])
    for words in expected["must_not_appear"]:
        assert words.casefold() not in public.casefold()


def test_attendance(case):
    """Who was present and who sent apologies, as an officer records them (second round on)."""
    from desktop_app.domain.enums import AttendanceKind as K

    expected, got = case
    want = expected.get("attendance")
    if want is None:
        pytest.skip("this file's expectation does not list the attendance")
    names = {kind: [a.name for a in got.attendance if a.kind == kind]
             for kind in (K.PRESENT, K.APOLOGIES)}
    assert (names[K.PRESENT], names[K.APOLOGIES]) == (want["present"], want["apologies"])
