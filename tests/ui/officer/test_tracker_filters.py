"""The Tracker's filters, chosen as an officer would: every status, owner, directorate and
meeting choice, and typed searches, give exactly the rows the database says, and the count
beside the filters says how many of how many are shown."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.enums import ActionStatus, ImplementationStatus, Verdict
from desktop_app.services import actions, recommendations
from desktop_app.services.demo import demo_data
from desktop_app.ui.app_state import short_date
from tests.ui.conftest import choose
from tests.ui.officer.conftest import DEMO_COMMITTEE, OTHER, click

ALL = "All committees"
LAST_HELD = dt.date(2021, 10, 12)      # the example committee's last meeting held


def scope(win, which: str) -> str | None:
    """Show one committee or all; the committee name the services take (None: all)."""
    if which == ALL:
        choose(win.committee_combo, ALL)
        name = None
    else:
        win.choose_committee(DEMO_COMMITTEE)
        name = DEMO_COMMITTEE
    assert win.tracker.wait_loaded()
    return name


def shown_ids(grid) -> list[int]:
    return sorted(grid.proxy.row_at(r).id for r in range(grid.proxy.rowCount()))


def shown_in_table(grid, column_key: str) -> list[str]:
    """What the table itself shows in one column, top to bottom."""
    model = grid.table.model()
    col = next(i for i, c in enumerate(grid.model.columns) if c.key == column_key)
    return [model.index(r, col).data(Qt.ItemDataRole.DisplayRole) or ""
            for r in range(model.rowCount())]


def count_text(shown: int, total: int, noun: str) -> str:
    return f"{shown:,} of {total:,} {noun}" if shown != total else f"{total:,} {noun}"


# What each status choice means, written from the stored fields.
ACTION_MEANING = {
    "All actions": lambda a: True,
    "Open": lambda a: a.status == ActionStatus.OPEN,
    "Overdue": lambda a: a.status == ActionStatus.OPEN and a.due_date is not None
    and a.due_date < dt.date(2021, 11, 12),
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


@pytest.mark.parametrize("which", [DEMO_COMMITTEE, ALL])
@pytest.mark.parametrize("label", list(ACTION_MEANING))
def test_each_action_status_choice_shows_the_rows_the_database_says(officer, label, which):
    win = officer.window
    name = scope(win, which)
    grid = win.tracker.actions_grid
    choose(grid.status, label)
    stored = actions.list_actions(win.db, name)
    wanted = sorted(a.id for a in stored if ACTION_MEANING[label](a))
    assert shown_ids(grid) == wanted
    assert grid.count.text() == count_text(len(wanted), len(stored), "actions")
    assert sorted(shown_in_table(grid, "ref")) == sorted(a.ref for a in stored
                                                         if ACTION_MEANING[label](a))


@pytest.mark.parametrize("which", [DEMO_COMMITTEE, ALL])
@pytest.mark.parametrize("label", list(REC_MEANING))
def test_each_recommendation_status_choice_shows_the_rows_the_database_says(officer, label,
                                                                            which):
    win = officer.window
    name = scope(win, which)
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    choose(grid.status, label)
    stored = recommendations.list_recommendations(win.db, name)
    wanted = sorted(r.id for r in stored if REC_MEANING[label](r))
    assert shown_ids(grid) == wanted
    assert grid.count.text() == count_text(len(wanted), len(stored), "recommendations")


def test_the_demo_has_rows_for_most_status_choices(officer):
    """So that the choices above are tested on something: most give some rows, not all."""
    win = officer.window
    stored = actions.list_actions(win.db, DEMO_COMMITTEE)
    recs = recommendations.list_recommendations(win.db, DEMO_COMMITTEE)
    for label in ("Open", "Overdue", "Completed"):
        assert 0 < sum(map(ACTION_MEANING[label], stored)) < len(stored), label
    for label in ("Awaiting response", "In progress", "Completed"):
        assert 0 < sum(map(REC_MEANING[label], recs)) < len(recs), label


@pytest.mark.parametrize(("which", "owner"), [
    (DEMO_COMMITTEE, "Claire Ward"), (DEMO_COMMITTEE, "Clerk to the committee"),
    (DEMO_COMMITTEE, "Richard Watson"), (DEMO_COMMITTEE, "Kate Charlton"),
    (ALL, "Jo Bloggs"), (ALL, "Sam Reed"), (ALL, "Claire Ward")])
def test_each_owner_shows_that_owners_actions(officer, which, owner):
    win = officer.window
    name = scope(win, which)
    grid = win.tracker.actions_grid
    offered = [grid.owner.itemText(i) for i in range(grid.owner.count())]
    stored = actions.list_actions(win.db, name)
    assert offered == ["All owners"] + sorted({a.owner for a in stored if a.owner},
                                              key=str.lower)
    choose(grid.owner, owner)
    assert shown_ids(grid) == sorted(a.id for a in stored if a.owner == owner)
    assert set(shown_in_table(grid, "owner")) == {owner}


@pytest.mark.parametrize(("which", "directorate"), [
    (DEMO_COMMITTEE, "Corporate Centre"), (ALL, "Housing"), (ALL, "Corporate Centre")])
def test_each_directorate_shows_its_actions(officer, which, directorate):
    win = officer.window
    name = scope(win, which)
    grid = win.tracker.actions_grid
    choose(grid.directorate, directorate)
    stored = actions.list_actions(win.db, name)
    wanted = sorted(a.id for a in stored if a.directorate == directorate)
    assert wanted
    assert shown_ids(grid) == wanted


ACTION_MEETINGS = sorted({a["meeting_date"] for a in demo_data()["actions"]})
REC_MEETINGS = sorted({r["meeting_date"] for r in demo_data()["recommendations"]})


@pytest.mark.parametrize("day", ACTION_MEETINGS)
def test_each_meeting_shows_the_actions_it_agreed(officer, day):
    win = officer.window
    grid = win.tracker.actions_grid
    day = dt.date.fromisoformat(day)
    choose(grid.meeting, short_date(day))
    stored = actions.list_actions(win.db, DEMO_COMMITTEE)
    wanted = sorted(a.id for a in stored if a.meeting_date == day)
    assert wanted
    assert shown_ids(grid) == wanted


@pytest.mark.parametrize("day", REC_MEETINGS)
def test_each_meeting_shows_the_recommendations_it_made(officer, day):
    win = officer.window
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    day = dt.date.fromisoformat(day)
    offered = [grid.meeting.itemText(i) for i in range(grid.meeting.count())]
    assert offered[0] == "All meetings"
    assert short_date(day) in offered
    choose(grid.meeting, short_date(day))
    stored = recommendations.list_recommendations(win.db, DEMO_COMMITTEE)
    wanted = sorted(r.id for r in stored if r.meeting_date == day)
    assert wanted
    assert shown_ids(grid) == wanted
    assert grid.count.text() == count_text(len(wanted), len(stored), "recommendations")


def _action_words(a) -> str:
    return " ".join((a.ref, a.text, a.owner, a.directorate, a.progress, a.item)).lower()


@pytest.mark.parametrize("typed", ["legal", "Bromyard", "claire", "co-optee", "procurement",
                                   "Ledbury", "induction pack", "Richard KPI",
                                   "no such words anywhere"])
def test_typing_a_search_shows_the_actions_with_every_word(officer, typed):
    win, qtbot = officer.window, officer.qtbot
    grid = win.tracker.actions_grid
    grid.search.setFocus()
    qtbot.keyClicks(grid.search, typed)
    stored = actions.list_actions(win.db, DEMO_COMMITTEE)
    words = typed.lower().split()
    wanted = sorted(a.id for a in stored if all(w in _action_words(a) for w in words))
    assert shown_ids(grid) == wanted
    assert grid.count.text() == count_text(len(wanted), len(stored), "actions")
    qtbot.keyClick(grid.search, Qt.Key.Key_Escape)        # Escape clears the search
    assert shown_ids(grid) == sorted(a.id for a in stored)


@pytest.mark.parametrize("typed", ["care leavers", "Ewen Archibald", "dental", "Bromyard",
                                   "no such words anywhere"])
def test_typing_a_search_finds_recommendations_and_their_responses(officer, typed):
    win, qtbot = officer.window, officer.qtbot
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    qtbot.keyClicks(grid.search, typed)
    stored = recommendations.list_recommendations(win.db, DEMO_COMMITTEE)
    words = typed.lower().split()

    def words_of(r) -> str:
        return " ".join((r.text, r.response, r.item, r.label)).lower()

    wanted = sorted(r.id for r in stored if all(w in words_of(r) for w in words))
    assert shown_ids(grid) == wanted


def test_filters_combine_and_clear_filters_shows_everything_again(officer):
    win, qtbot = officer.window, officer.qtbot
    grid = win.tracker.actions_grid
    choose(grid.status, "Open")
    choose(grid.owner, "Richard Watson")
    stored = actions.list_actions(win.db, DEMO_COMMITTEE)
    both = sorted(a.id for a in stored if a.status == ActionStatus.OPEN
                  and a.owner == "Richard Watson")
    assert len(both) == 2
    assert shown_ids(grid) == both
    qtbot.keyClicks(grid.search, "Ledbury")
    ledbury = [a for a in stored if "Ledbury" in a.text]
    assert shown_ids(grid) == [a.id for a in ledbury]
    assert grid.count.text() == f"1 of {len(stored)} actions"
    click(qtbot, grid.clear_button)
    assert shown_ids(grid) == sorted(a.id for a in stored)
    assert (grid.status.currentText(), grid.owner.currentText(), grid.search.text()) == \
        ("All actions", "All owners", "")
    assert grid.count.text() == f"{len(stored)} actions"


def test_a_filter_with_no_rows_says_none_are_shown(officer):
    win = officer.window
    grid = win.tracker.actions_grid
    choose(grid.status, "Reported complete")
    choose(grid.owner, "Kate Charlton")
    stored = actions.list_actions(win.db, DEMO_COMMITTEE)
    assert not [a for a in stored if a.owner == "Kate Charlton" and a.reported_complete_on]
    assert grid.proxy.rowCount() == 0
    assert grid.count.text() == f"0 of {len(stored)} actions"


def test_another_committees_owner_is_not_offered_for_this_committee(officer):
    win = officer.window
    scope(win, DEMO_COMMITTEE)
    grid = win.tracker.actions_grid
    offered = {grid.owner.itemText(i) for i in range(grid.owner.count())}
    others = {a.owner for a in actions.list_actions(win.db, OTHER)}
    assert others
    assert not offered & others


@pytest.mark.parametrize("kind", ["action", "recommendation"])
def test_the_status_filter_follows_the_attention_strip_and_survives_a_reload(officer, kind):
    win = officer.window
    (win.show_overdue_actions if kind == "action" else win.show_overdue_responses)()
    grid = win.tracker.actions_grid if kind == "action" else win.tracker.recs_grid
    assert win.tracker.current_grid() is grid
    assert grid.status.value() == "overdue"
    before = shown_ids(grid)
    win.refresh_all()
    assert win.tracker.wait_loaded()
    assert grid.status.value() == "overdue"
    assert shown_ids(grid) == before
    stored = (actions.list_actions(win.db, DEMO_COMMITTEE) if kind == "action"
              else recommendations.list_recommendations(win.db, DEMO_COMMITTEE))
    assert before == sorted(r.id for r in stored
                            if (r.overdue if kind == "action" else r.response_overdue))
