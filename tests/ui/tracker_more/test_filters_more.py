"""The Tracker's filters chosen as an officer would, on committees other than the example: every
status, owner, directorate, meeting and RAG value gives the rows the database says, the table
shows them (the owner, directorate, meeting and RAG columns say so) and the count agrees."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.enums import ActionStatus, ImplementationStatus, Verdict
from desktop_app.services import actions, recommendations
from desktop_app.ui.app_state import short_date
from tests.ui.conftest import choose
from tests.ui.tracker_more.conftest import (ADULTS, ADULTS_MEETING, ADULTS_ROWS, HELD, HOUSING,
                                            TODAY, scope, shown_column, shown_ids)

ALL = None


def count_text(shown: int, total: int, noun: str) -> str:
    return f"{shown:,} of {total:,} {noun}" if shown != total else f"{total:,} {noun}"


ACTION_MEANING = {
    "All actions": lambda a: True,
    "Open": lambda a: a.status == ActionStatus.OPEN,
    "Overdue": lambda a: a.status == ActionStatus.OPEN and a.due_date is not None
    and a.due_date < TODAY,
    "Completed": lambda a: a.status == ActionStatus.COMPLETED,
    "Completed, not yet reported": lambda a: a.status == ActionStatus.COMPLETED
    and a.reported_complete_on is None,
    "Reported complete": lambda a: a.reported_complete_on is not None,
    "New or updated since last meeting": lambda a: a.new_since_last_meeting
    or a.updated_since_last_meeting,
}
REC_MEANING = {
    "All recommendations": lambda r: True,
    "Awaiting response": lambda r: r.verdict == Verdict.AWAITING and not r.response.strip(),
    "Response overdue (s.9FE)": lambda r: r.response_overdue,
    "Open": lambda r: r.status == ImplementationStatus.OPEN,
    "In progress": lambda r: r.status == ImplementationStatus.IN_PROGRESS,
    "Completed": lambda r: r.status == ImplementationStatus.COMPLETED,
    "New or updated since last meeting": lambda r: r.new_since_last_meeting
    or r.updated_since_last_meeting,
}


@pytest.mark.parametrize(("committee", "label"), [(c, label) for c in (HOUSING, ADULTS)
                                                  for label in ACTION_MEANING])
def test_each_action_status_shows_the_rows_the_database_says(desk, committee, label):
    win = desk.window
    scope(win, committee)
    grid = win.tracker.actions_grid
    choose(grid.status, label)
    stored = actions.list_actions(win.db, committee)
    wanted = [a for a in stored if ACTION_MEANING[label](a)]
    assert sorted(shown_ids(grid)) == sorted(a.id for a in wanted)
    assert sorted(shown_column(grid, "ref")) == sorted(a.ref for a in wanted)
    assert grid.count.text() == count_text(len(wanted), len(stored), "actions")
    if label == "Overdue":
        assert set(shown_column(grid, "status")) <= {"OVERDUE"}


def test_the_committees_here_give_the_status_choices_something_to_show(desk):
    """So that the choices above are tested on rows: each committee has open, overdue and
    completed actions, and not only those."""
    for committee in (HOUSING, ADULTS):
        stored = actions.list_actions(desk.db, committee)
        for label in ("Open", "Overdue", "Completed"):
            assert 0 < sum(map(ACTION_MEANING[label], stored)) < len(stored), (committee, label)


@pytest.mark.parametrize("label", list(REC_MEANING))
def test_each_recommendation_status_of_the_housing_committee(desk, label):
    win = desk.window
    scope(win, HOUSING)
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    choose(grid.status, label)
    stored = recommendations.list_recommendations(win.db, HOUSING)
    wanted = [r for r in stored if REC_MEANING[label](r)]
    assert sorted(shown_ids(grid)) == sorted(r.id for r in wanted)
    assert grid.count.text() == count_text(len(wanted), len(stored), "recommendations")
    assert sorted(t.split()[0] for t in shown_column(grid, "text")) == \
        sorted(r.label for r in wanted)


@pytest.mark.parametrize(("committee", "owner"), [
    (HOUSING, "Jo Bloggs"), (HOUSING, "Sam Reed"), (HOUSING, "Priya Shah"),
    (ADULTS, "Ann Bell"), (ADULTS, "Tom Hale"),
    (ALL, "Priya Shah"), (ALL, "Tom Hale"), (ALL, "Richard Watson")])
def test_each_owner_shows_their_actions_and_only_theirs(desk, committee, owner):
    win = desk.window
    scope(win, committee)
    grid = win.tracker.actions_grid
    stored = actions.list_actions(win.db, committee)
    offered = [grid.owner.itemText(i) for i in range(grid.owner.count())]
    assert offered == ["All owners"] + sorted({a.owner for a in stored if a.owner},
                                              key=str.lower)
    choose(grid.owner, owner)
    wanted = sorted(a.id for a in stored if a.owner == owner)
    assert wanted
    assert sorted(shown_ids(grid)) == wanted
    assert set(shown_column(grid, "owner")) == {owner}
    assert grid.count.text() == count_text(len(wanted), len(stored), "actions")


@pytest.mark.parametrize(("committee", "directorate"), [
    (HOUSING, "Housing"), (HOUSING, "Communities"), (HOUSING, "Regulatory Services"),
    (ALL, "Communities"), (ALL, "Corporate Centre")])
def test_each_directorate_shows_its_actions(desk, committee, directorate):
    win = desk.window
    scope(win, committee)
    grid = win.tracker.actions_grid
    stored = actions.list_actions(win.db, committee)
    offered = [grid.directorate.itemText(i) for i in range(grid.directorate.count())]
    assert offered == ["All directorates"] + sorted({a.directorate for a in stored
                                                     if a.directorate}, key=str.lower)
    choose(grid.directorate, directorate)
    wanted = sorted(a.id for a in stored if a.directorate == directorate)
    assert wanted
    assert sorted(shown_ids(grid)) == wanted
    assert set(shown_column(grid, "directorate")) == {directorate}


ALL_MEETINGS = [dt.date(2021, 8, 5), dt.date(2021, 9, 7), dt.date(2021, 10, 12), HELD,
                ADULTS_MEETING]


@pytest.mark.parametrize("day", ALL_MEETINGS, ids=[d.isoformat() for d in ALL_MEETINGS])
def test_each_meeting_in_all_committees_shows_the_actions_it_agreed(desk, day):
    win = desk.window
    scope(win, ALL)
    grid = win.tracker.actions_grid
    stored = actions.list_actions(win.db)
    offered = [grid.meeting.itemText(i) for i in range(1, grid.meeting.count())]
    assert offered == [short_date(d) for d in sorted({a.meeting_date for a in stored
                                                      if a.meeting_date}, reverse=True)]
    choose(grid.meeting, short_date(day))
    wanted = sorted(a.id for a in stored if a.meeting_date == day)
    assert wanted
    assert sorted(shown_ids(grid)) == wanted
    assert set(shown_column(grid, "meeting")) == {short_date(day)}


RAG_CHOICES = {"RAG: Amber": "amber", "RAG: Green": "green", "RAG: Red": "red",
               "RAG: none": ""}


@pytest.mark.parametrize("label", list(RAG_CHOICES))
def test_each_rag_value_of_an_imported_log_shows_its_actions(desk, label):
    win = desk.window
    scope(win, ADULTS)
    grid = win.tracker.actions_grid
    assert grid.rag.isVisibleTo(grid)
    offered = [grid.rag.itemText(i) for i in range(grid.rag.count())]
    assert offered == ["RAG: any", "RAG: Red", "RAG: Amber", "RAG: Green", "RAG: none"]
    choose(grid.rag, label)
    stored = actions.list_actions(win.db, ADULTS)
    wanted = sorted(a.id for a in stored if a.rag.lower() == RAG_CHOICES[label])
    assert wanted
    assert sorted(shown_ids(grid)) == wanted
    refs = {row[0] for row in ADULTS_ROWS if (row[6] or "").lower() == RAG_CHOICES[label]}
    assert set(shown_column(grid, "ref")) == refs          # as the file said


def test_no_rag_filter_for_a_committee_without_rag(desk):
    win = desk.window
    scope(win, HOUSING)
    grid = win.tracker.actions_grid
    assert not grid.rag.isVisibleTo(grid)
    assert all(not a.rag for a in actions.list_actions(win.db, HOUSING))


def test_owner_and_directorate_combine_in_all_committees(desk):
    win = desk.window
    scope(win, ALL)
    grid = win.tracker.actions_grid
    choose(grid.owner, "Jo Bloggs")
    choose(grid.directorate, "Communities")
    stored = actions.list_actions(win.db)
    wanted = [a for a in stored if a.owner == "Jo Bloggs" and a.directorate == "Communities"]
    assert [a.ref for a in wanted] == ["H4"]
    assert shown_ids(grid) == [wanted[0].id]
    assert shown_column(grid, "committee") == ["HSC"]
    assert grid.count.text() == f"1 of {len(stored)} actions"
