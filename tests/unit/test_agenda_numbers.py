"""Agenda numbers read as people read them, and a renumbered item takes its place in the agenda
(the agenda pack and the window print and show items in that order)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.agenda_numbers import number_key, place_of
from desktop_app.services import committees, meetings


def test_numbers_sort_as_read():
    assert sorted(["10", "2", "10a", "1", "9", "11", "5.1"], key=number_key) == \
        ["1", "2", "5.1", "9", "10", "10a", "11"]


@pytest.mark.parametrize(("number", "others", "place"), [
    ("11", ["1", "2", "4", "5"], 4),
    ("3", ["1", "2", "4", "5"], 2),
    ("4a", ["1", "2", "4", "5"], 3),
    ("0", ["1", "2"], 0),
    ("7", [], 0),
])
def test_place_of(number, others, place):
    assert place_of(number, others) == place


def test_a_renumbered_item_moves_and_moves_back(db):
    committees.add_committee(db, "Audit Committee", "AC", "Somewhere Council")
    day = dt.date(2022, 3, 1)
    meetings.add_meeting(db, "Audit Committee", day)
    ids = {n: meetings.add_item(db, "Audit Committee", day, n, f"Item {n}").id
           for n in ("1", "2", "3", "4", "5")}

    def order() -> list[str]:
        return [i.number for i in meetings.get_meeting(db, "Audit Committee", day).items]

    meetings.update_item(db, ids["3"], number="11")
    assert order() == ["1", "2", "4", "5", "11"]
    meetings.update_item(db, ids["3"], title="Renamed, not renumbered")
    assert order() == ["1", "2", "4", "5", "11"]
    meetings.update_item(db, ids["3"], number="3")
    assert order() == ["1", "2", "3", "4", "5"]
