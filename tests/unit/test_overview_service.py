"""services.overview on a real SQLite file with a fixed 'today': the next meetings and their
deadlines, executive responses due within 14 days or overdue (s.9FE), actions to chase by
owner, agenda items to be scheduled; a committee with no next meeting; the committee filter."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.services import (actions, committees, meetings, overview, recommendations,
                                  work_programme)
from desktop_app.services.errors import NotFound

D = dt.date
TODAY = D(2025, 3, 4)            # a Tuesday
ADULTS = "Adults Scrutiny Committee"
CHILDREN = "Children's Scrutiny Committee"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """Two committees, built once for the module through the services (as the app would)."""
    from desktop_app.db.schema import open_database
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('overview') / 'tracker.db'}")
    ids: dict[str, int] = {}
    committees.add_committee(db, ADULTS, "ASC")
    committees.add_committee(db, CHILDREN, "CSC")
    meetings.add_meeting(db, ADULTS, D(2025, 1, 14), status="held")
    meetings.add_meeting(db, ADULTS, D(2025, 3, 11), venue="Council Chamber")
    meetings.add_meeting(db, ADULTS, D(2025, 3, 25), status="cancelled")
    for day in (D(2025, 4, 15), D(2025, 5, 20), D(2025, 6, 24)):
        meetings.add_meeting(db, ADULTS, day)
    # the children's committee: only a past meeting nobody marked held - no next meeting
    meetings.add_meeting(db, CHILDREN, D(2025, 2, 1))

    def rec(key, sent, response=""):
        ids[key] = recommendations.add_recommendation(
            db, ADULTS, D(2025, 1, 14), f"Recommendation {key}", label=key, sent_on=sent,
            response=response).id
    rec("late", D(2025, 1, 3))             # due 2 March: overdue by two days
    rec("today", D(2025, 1, 5))            # due 4 March: due today, not yet overdue
    rec("edge", D(2025, 1, 19))            # due 18 March: in 14 days, shown
    rec("beyond", D(2025, 1, 20))          # due 19 March: in 15 days, not shown
    rec("answered", D(2025, 1, 3), response="Agreed by Cabinet")

    def act(key, due, owner="", committee=ADULTS, meeting=None):
        meeting = meeting or D(2025, 1, 14)
        ids[key] = actions.add_action(db, committee, meeting, f"Action {key}", owner=owner,
                                      due=due).id
    act("jo-late", D(2025, 2, 20), "Jo Bloggs")
    act("jo-meeting-day", D(2025, 3, 11), "Jo Bloggs")
    act("jo-after", D(2025, 3, 12), "Jo Bloggs")
    act("sam-soon", D(2025, 3, 6), "Sam Patel")
    act("nobody-today", D(2025, 3, 4))
    act("sam-done", D(2025, 2, 1), "Sam Patel")
    actions.complete_action(db, ids["sam-done"], on=D(2025, 2, 2))
    act("sam-undated", None, "Sam Patel")
    act("kids-late", D(2025, 2, 1), "Jo Bloggs", CHILDREN, D(2025, 2, 1))
    act("kids-soon", D(2025, 3, 5), "Jo Bloggs", CHILDREN, D(2025, 2, 1))

    def work(key, **kw):
        ids[key] = work_programme.add_work_item(db, ADULTS, f"Item {key}", **kw).id
    work("unscheduled", target="Summer 2025", lead="Director of Adults")
    work("dropped")
    work_programme.drop_work_item(db, ids["dropped"], "No longer needed")
    work("briefing", format="briefing-note")
    work("scheduled", meeting=D(2025, 4, 15))
    yield db, ids
    db.dispose()


def _by_name(result: overview.Overview) -> dict[str, overview.CommitteeOverview]:
    return {c.name: c for c in result.committees}


def test_next_meetings_with_deadlines_days_left_and_missed(data):
    db, _ids = data
    adults = _by_name(overview.build_overview(db, TODAY))[ADULTS]
    assert adults.next_meeting == D(2025, 3, 11)
    # the held and the cancelled meetings are not "next"; three are shown, the fourth is not
    assert [m.date for m in adults.meetings] == [D(2025, 3, 11), D(2025, 4, 15), D(2025, 5, 20)]
    assert adults.unmarked == ()
    first = adults.meetings[0]
    assert (first.days_left, first.venue) == (7, "Council Chamber")
    # five clear working days before Tuesday 11 March: Monday 3 March, yesterday - missed;
    # three clear working days: Wednesday 5 March, tomorrow
    assert (first.publication.day, first.publication.days_left, first.publication.missed) == (
        D(2025, 3, 3), -1, True)
    assert (first.questions.day, first.questions.days_left, first.questions.missed) == (
        D(2025, 3, 5), 1, False)
    assert not first.publication.bank_holiday


def test_responses_due_within_14_days_or_overdue(data):
    db, ids = data
    adults = _by_name(overview.build_overview(db, TODAY))[ADULTS]
    shown = [(r.recommendation_id, r.due, r.days_left, r.overdue) for r in adults.responses]
    assert shown == [(ids["late"], D(2025, 3, 2), -2, True),
                     (ids["today"], D(2025, 3, 4), 0, False),
                     (ids["edge"], D(2025, 3, 18), 14, False)]
    # the same answer the tracker gives: the rows it calls overdue are the overdue lines here
    tracker_overdue = {r.id for r in recommendations.list_recommendations(
        db, ADULTS, "overdue", now=TODAY)}
    assert tracker_overdue == {r.recommendation_id for r in adults.responses if r.overdue}


def test_actions_to_chase_grouped_by_owner(data):
    db, ids = data
    adults = _by_name(overview.build_overview(db, TODAY))[ADULTS]
    groups = [(g.owner, g.overdue, [a.action_id for a in g.actions]) for g in adults.owners]
    assert groups == [("Jo Bloggs", 1, [ids["jo-late"], ids["jo-meeting-day"]]),
                      ("Sam Patel", 0, [ids["sam-soon"]]),
                      (overview.NO_OWNER, 0, [ids["nobody-today"]])]
    late = adults.owners[0].actions[0]
    assert (late.due, late.days_left, late.overdue, late.ref) == (D(2025, 2, 20), -12, True,
                                                                  actions.get_action(
                                                                      db, ids["jo-late"]).ref)


def test_a_committee_with_no_next_meeting_shows_only_what_is_overdue(data):
    db, ids = data
    children = _by_name(overview.build_overview(db, TODAY))[CHILDREN]
    assert children.next_meeting is None
    assert children.meetings == ()
    # its past meeting nobody marked held is named, to be put right
    assert [(m.date, m.days_left) for m in children.unmarked] == [(D(2025, 2, 1), -31)]
    assert overview.meeting_words(-31) == "31 days ago"
    assert [(g.owner, [a.action_id for a in g.actions]) for g in children.owners] == [
        ("Jo Bloggs", [ids["kids-late"]])]
    assert children.responses == ()
    assert children.unscheduled == ()


def test_agenda_items_to_be_scheduled(data):
    db, ids = data
    adults = _by_name(overview.build_overview(db, TODAY))[ADULTS]
    assert [(w.item_id, w.target, w.lead) for w in adults.unscheduled] == [
        (ids["unscheduled"], "Summer 2025", "Director of Adults")]


def test_one_committee_by_short_name_and_an_unknown_one(data):
    db, _ids = data
    only = overview.build_overview(db, TODAY, committee="csc")
    assert [c.name for c in only.committees] == [CHILDREN]
    with pytest.raises(NotFound, match="no committee called 'Nobody'"):
        overview.build_overview(db, TODAY, committee="Nobody")


def test_a_later_today_moves_lines_between_groups(data):
    """The same data a fortnight later: the first meeting has passed, its actions are overdue."""
    db, ids = data
    later = _by_name(overview.build_overview(db, D(2025, 3, 18)))[ADULTS]
    assert later.next_meeting == D(2025, 4, 15)
    assert [m.date for m in later.unmarked] == [D(2025, 3, 11)]   # held? nobody said so
    jo = next(g for g in later.owners if g.owner == "Jo Bloggs")
    assert [a.action_id for a in jo.actions] == [ids["jo-late"], ids["jo-meeting-day"],
                                                 ids["jo-after"]]
    assert all(a.overdue for a in jo.actions)
    assert [r.recommendation_id for r in later.responses] == [
        ids["late"], ids["today"], ids["edge"], ids["beyond"]]


@pytest.mark.parametrize(("committee", "read"), [
    (None, None),               # the Tracker showed all committees
    ("csc", None),              # the overview of one, the Tracker's rows of all
    ("csc", CHILDREN),          # both of the same one
    (None, ADULTS),             # not enough: the Tracker read one of two (the caller's check)
])
def test_given_rows_give_the_overview_read_again(data, committee, read):
    """``given`` (the rows the window's Tracker has just read, every status) gives the very
    overview the reads of open actions and awaiting responses give, on days either side of a
    meeting; the window passes them only when they cover the committees shown."""
    db, _ids = data
    for day in (TODAY, D(2025, 3, 18)):
        given = (actions.list_actions(db, read, now=day),
                 recommendations.list_recommendations(db, read, now=day))
        read_again = overview.build_overview(db, day, committee)
        from_given = overview.build_overview(db, day, committee, given=given)
        if read == ADULTS and committee is None:
            assert from_given != read_again    # the children's actions are not in them
        else:
            assert from_given == read_again
            assert from_given.committees
            assert any(c.owners for c in from_given.committees)


def test_action_lines_made_quickly_are_the_dataclass(data):
    """``action_line`` gives what ``ActionLine(...)`` gives: every field, equal, hashed alike,
    the same repr and JSON (a field added to ActionLine and not to action_line fails here)."""
    db, _ids = data
    adults = _by_name(overview.build_overview(db, TODAY))[ADULTS]
    lines = [a for g in adults.owners for a in g.actions]
    assert lines
    names = [f.name for f in dataclasses.fields(overview.ActionLine)]
    for line in lines:
        assert type(line) is overview.ActionLine
        assert sorted(vars(line)) == sorted(names)
        plain = overview.ActionLine(*(getattr(line, n) for n in names))
        assert (line, hash(line), repr(line), line.as_dict()) == (plain, hash(plain),
                                                                  repr(plain), plain.as_dict())
    assert [g.as_dict()["overdue"] for g in adults.owners] == [1, 0, 0]


def test_owner_groups_make_their_lines_when_first_read(data):
    """A group says how many actions it has and how many are overdue without making its lines
    (the page shows a long group's heading only); read, they are the lines, and the group is
    the one ``OwnerGroup(owner, lines)`` gives: equal, hashed alike, the same JSON."""
    db, ids = data
    groups = overview.owner_groups(actions.list_actions(db, ADULTS, "open", now=TODAY), TODAY,
                                   D(2025, 3, 11))
    assert [(g.owner, g.count, g.overdue, overview.owner_words(g)) for g in groups] == [
        ("Jo Bloggs", 2, 1, "Jo Bloggs: 2 actions, 1 overdue"),
        ("Sam Patel", 1, 0, "Sam Patel: 1 action"),
        (overview.NO_OWNER, 1, 0, "No owner: 1 action")]
    assert not any("actions" in vars(g) for g in groups)      # no line made yet
    jo = groups[0]
    assert [a.action_id for a in jo.actions] == [ids["jo-late"], ids["jo-meeting-day"]]
    assert "actions" in vars(jo)
    made = overview.OwnerGroup(jo.owner, jo.actions)
    assert (jo, hash(jo), repr(jo), jo.as_dict(), jo.count) == (
        made, hash(made), repr(made), made.as_dict(), made.count)
    assert groups[1] == overview.OwnerGroup("Sam Patel", groups[1].actions)
