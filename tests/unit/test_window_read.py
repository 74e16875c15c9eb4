"""services/window_read.py: the rows the window reads with sqlite3 are exactly the rows the
services read through the ORM (the demo committee plus a second committee with the awkward
cases), for every status filter, committee (by name or short name), meeting and 'today'; and
whenever the quick path is not sure it says so (None) and the service's answer is given."""

from __future__ import annotations

import datetime as dt
import sqlite3
from types import SimpleNamespace

import pytest

from desktop_app.db.schema import open_database
from desktop_app.services import (actions, committees, meetings, recommendations,
                                  window_read)
from desktop_app.services.demo import load_demo
from desktop_app.services.errors import ServiceError

D = dt.date
WELSH = "Pwyllgor Craffu Môn"
DAYS = (D(2021, 11, 12), D(2022, 3, 1))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The demo committee, and a second one: a meeting held and one to come, an action with
    no meeting, one due "Summer" with no date, one completed and reported complete, one
    updated since the meeting; recommendations sent, answered, with the s.9FE date
    overridden. An SQLite file (the quick path is for SQLite only)."""
    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("window-read")
    mp.setenv("SCRUTINY_TRACKER_HOME", str(base / "home"))
    mp.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-12")
    db = open_database(f"sqlite:///{base / 'tracker.db'}")
    load_demo(db)
    committees.add_committee(db, WELSH, "PCM")
    meetings.add_meeting(db, WELSH, D(2021, 9, 6), status="held")
    held = meetings.add_meeting(db, WELSH, D(2021, 10, 4), status="held")
    meetings.add_meeting(db, WELSH, D(2021, 12, 6))
    actions.add_action(db, WELSH, None, "No meeting at all", owner="Siân Evans",
                       due=D(2021, 11, 1))
    actions.add_action(db, WELSH, D(2021, 10, 4), "Due in the summer", due_text="Summer 2022")
    done = actions.add_action(db, WELSH, D(2021, 10, 4), "Done and reported", owner="Zoë",
                              due=D(2021, 10, 30))
    actions.complete_action(db, done.id, on=D(2021, 10, 20))
    actions.report_complete(db, done.id, held.id)
    changed = actions.add_action(db, WELSH, D(2021, 9, 6), "Changed since", due=D(2022, 1, 5))
    actions.update_action(db, changed.id, progress="Under way", on=D(2021, 11, 1))
    recommendations.add_recommendation(db, WELSH, D(2021, 10, 4), "Sent, awaiting",
                                       sent_on=D(2021, 9, 1))
    answered = recommendations.add_recommendation(db, WELSH, D(2021, 10, 4), "Answered",
                                                  label="(b)", sent_on=D(2021, 10, 5))
    recommendations.record_response(db, answered.id, "Agreed", "accepted", on=D(2021, 11, 2))
    moved = recommendations.add_recommendation(db, WELSH, D(2021, 10, 4), "Date moved",
                                               sent_on=D(2021, 10, 5))
    recommendations.update_recommendation(db, moved.id, response_due_override=D(2022, 2, 1))
    yield db, held.id
    db.dispose()
    mp.undo()


def _copy(db, path, change: str):
    """A copy of the database file with one change made by hand."""
    src, dst = sqlite3.connect(db.url.removeprefix("sqlite:///")), sqlite3.connect(path)
    try:
        src.backup(dst)
        dst.execute(change)
        dst.commit()
    finally:
        src.close()
        dst.close()
    return path


def _meeting_ids(db) -> list[int]:
    return [m.id for c in committees.list_committees(db)
            for m in meetings.list_meetings(db, c.name)]


@pytest.mark.parametrize("committee", [None, WELSH, "pcm"])
def test_actions_read_quickly_are_the_services_rows(world, committee):
    db, _held = world
    for now in DAYS:
        for status in (None, "all", *actions.STATUS_FILTERS):
            quick = window_read.quick_actions(db, committee, status, now)
            assert quick is not None, "the quick path fell back on a plain SQLite file"
            assert quick == actions.list_actions(db, committee, status, now=now), \
                (committee, status, now)
    assert len(window_read.quick_actions(db, committee) or []) > 0


@pytest.mark.parametrize("committee", [None, "cypsc"])
def test_recommendations_read_quickly_are_the_services_rows(world, committee):
    db, _held = world
    for now in DAYS:
        for status in (None, "all", *recommendations.STATUS_FILTERS):
            quick = window_read.quick_recommendations(db, committee, status, now)
            assert quick is not None
            assert quick == recommendations.list_recommendations(db, committee, status,
                                                                 now=now), (committee, status)


def test_one_meetings_outcomes_are_the_services_rows(world):
    db, _held = world
    found = 0
    for meeting_id in _meeting_ids(db):
        quick = window_read.quick_actions(db, None, meeting_id=meeting_id)
        assert quick == actions.list_actions(db, None, meeting_id=meeting_id)
        recs = window_read.quick_recommendations(db, None, meeting_id=meeting_id)
        assert recs == recommendations.list_recommendations(db, None, meeting_id=meeting_id)
        found += len(quick or []) + len(recs or [])
    assert found > 0


def test_the_flags_the_window_shows_come_out_of_the_quick_path(world):
    """Not only equal: the awkward cases are there to be compared."""
    db, _held = world
    rows = {a.text: a for a in window_read.list_actions(db, WELSH, now=D(2021, 11, 12))}
    assert rows["No meeting at all"].meeting_date is None
    assert rows["No meeting at all"].overdue
    assert rows["Due in the summer"].due_text == "Summer 2022"
    assert rows["Done and reported"].reported_complete_on is not None
    assert rows["Changed since"].updated_since_last_meeting
    recs = {r.text: r for r in window_read.list_recommendations(db, WELSH, now=D(2021, 11, 12))}
    assert recs["Sent, awaiting"].response_overdue
    assert recs["Answered"].responded
    assert recs["Date moved"].response_due == D(2022, 2, 1)


def test_not_sure_means_the_services_answer(world, tmp_path):
    db, _held = world
    # not SQLite: None, and list_* is the service (which would open the server)
    assert window_read.quick_actions(SimpleNamespace(url="postgresql://u@h/db")) is None
    # a committee nobody has: the service's one-line error
    assert window_read.quick_actions(db, "No such committee") is None
    with pytest.raises(ServiceError, match="no committee called"):
        window_read.list_actions(db, "No such committee")
    with pytest.raises(ServiceError, match="unknown status filter"):
        window_read.list_actions(db, None, "sideways")
    # a copy at another revision: not at head, so not read quickly
    copy = _copy(db, tmp_path / "old.db", "UPDATE alembic_version SET version_num = 'older'")
    assert window_read.quick_actions(SimpleNamespace(url=f"sqlite:///{copy}")) is None


def test_a_date_the_quick_path_cannot_read_falls_back(world, tmp_path):
    db, _held = world
    copy = _copy(db, tmp_path / "odd.db", "UPDATE actions SET due_date = '2021W094' WHERE id = 1")
    odd = open_database(f"sqlite:///{copy}")
    try:
        assert window_read.quick_actions(odd) is None
        assert window_read.list_actions(odd) == actions.list_actions(odd)
    finally:
        odd.dispose()
