"""Saving minutes through the service: one transaction, matching what is already stored."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.importers.minutes import parse_minutes_text
from desktop_app.services.actions import add_action, list_actions
from desktop_app.services.committees import add_committee
from desktop_app.services.meetings import add_item, add_meeting, get_meeting, list_meetings
from desktop_app.services.minutes_import import (
    MinutesImportError,
    everything,
    save_minutes,
)
from desktop_app.services.recommendations import list_recommendations

COMMITTEE = "Housing Scrutiny Committee"
DAY = dt.date(2023, 3, 7)

PAGE = """Agenda and minutes

Housing Scrutiny Committee - Tuesday 7th March 2023 6.30 pm

Venue: Council Chamber

Items
No. Item

4.

Minutes

Minutes:

RESOLVED – That the minutes of the meeting held on 24 January 2023 be approved.

5.

Housing Repairs Performance pdf icon PDF 301 KB

To scrutinise the repairs service.

Minutes:

{minutes}

6.

Damp and Mould

Minutes:

Resolved: That:

a)   the Cabinet Member publish a damp and mould charter; and

b)   tenants be told how to report damp.

Actions arising:

- The Head of Housing to circulate the damp and mould action plan.
"""

FULL = ("The Cabinet Member presented the report. Members asked about the backlog of 1,400 jobs "
        "and were told it would be cleared by June.")
CUT = "The Cabinet Member presented the report. Members asked about  ...  view the full minutes text for item 5."


@pytest.fixture
def committee(db):
    add_committee(db, COMMITTEE)
    return COMMITTEE


def proposal(minutes: str = FULL, date: str = "Tuesday 7th March 2023 6.30 pm"):
    text = PAGE.format(minutes=minutes).replace("Tuesday 7th March 2023 6.30 pm", date)
    return parse_minutes_text(text, source="page.txt")


def test_new_meeting_items_recommendations_and_actions(db, committee):
    summary = save_minutes(db, committee, proposal())
    assert summary.meeting_created
    assert summary.items_created == ["4", "5", "6"]
    assert (summary.recommendations_created, summary.recommendations_left_out) == (2, 1)
    meeting = get_meeting(db, committee, DAY)
    assert (meeting.time, meeting.venue, meeting.minute_start) == (dt.time(18, 30),
                                                                   "Council Chamber", 4)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("4", "Minutes"), ("5", "Housing Repairs Performance"), ("6", "Damp and Mould")]
    assert meeting.items[1].minutes_text == FULL
    assert meeting.items[1].purpose == "To scrutinise the repairs service."
    assert [(r.label, r.text) for r in list_recommendations(db, committee)] == [
        ("(a)", "the Cabinet Member publish a damp and mould charter"),
        ("(b)", "tenants be told how to report damp.")]
    [action] = list_actions(db, committee)
    assert (action.owner, action.item, action.meeting_date) == (
        "Head of Housing", "Damp and Mould", DAY)


def test_one_transaction_nothing_saved_when_it_fails_half_way(db, committee):
    seen = []

    def accept(item, rec):
        seen.append(rec.label)
        if len(seen) == 2:
            raise RuntimeError("disk full")
        return True

    with pytest.raises(RuntimeError, match="disk full"):
        save_minutes(db, committee, proposal(), accept=accept)
    assert list_meetings(db, committee) == []
    assert list_recommendations(db, committee) == []


def test_dry_run_counts_but_rolls_back(db, committee):
    summary = save_minutes(db, committee, proposal(), dry_run=True)
    assert summary.dry_run
    assert summary.meeting_created
    assert summary.actions_created == 1
    assert list_meetings(db, committee) == []


def test_existing_agenda_items_are_filled_in_not_duplicated(db, committee):
    add_meeting(db, committee, DAY, time="18:00")
    # The agenda numbered the item differently and in other capitals: matched by title.
    add_item(db, committee, DAY, "2", "HOUSING REPAIRS PERFORMANCE", purpose="From the agenda.")
    summary = save_minutes(db, committee, proposal())
    meeting = get_meeting(db, committee, DAY)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("2", "HOUSING REPAIRS PERFORMANCE"), ("4", "Minutes"), ("6", "Damp and Mould")]
    repairs = meeting.items[0]
    assert (repairs.purpose, repairs.minutes_text) == ("From the agenda.", FULL)
    assert summary.items_updated == ["5"]
    assert summary.items_created == ["4", "6"]
    # The time already saved is kept, and the difference reported.
    assert meeting.time == dt.time(18, 0)
    assert meeting.status == "held"
    assert summary.warnings == [
        "the minutes give the start as 18:30; kept 18:00 already saved"]


def test_a_cut_page_does_not_replace_full_minutes(db, committee):
    save_minutes(db, committee, proposal(FULL))
    summary = save_minutes(db, committee, proposal(CUT))
    item = get_meeting(db, committee, DAY).items[1]
    assert item.minutes_text == FULL
    assert not item.incomplete
    assert summary.incomplete_items == ["5"]
    assert "item 5: kept the full minutes already saved" in summary.warnings[0]


def test_full_minutes_complete_an_item_saved_from_a_cut_page(db, committee):
    save_minutes(db, committee, proposal(CUT))
    assert get_meeting(db, committee, DAY).items[1].incomplete
    summary = save_minutes(db, committee, proposal(FULL))
    item = get_meeting(db, committee, DAY).items[1]
    assert item.minutes_text == FULL
    assert not item.incomplete
    assert summary.items_updated == ["5"]
    assert summary.recommendations_created == 0


def test_actions_already_logged_without_the_owner_in_front(db, committee):
    add_meeting(db, committee, DAY)
    add_action(db, committee, DAY, "Circulate the damp and mould action plan", owner="J Smith")
    summary = save_minutes(db, committee, proposal())
    assert (summary.actions_created, summary.actions_existing) == (0, 1)
    assert [a.owner for a in list_actions(db, committee)] == ["J Smith"]


def test_procedural_included_on_request(db, committee):
    save_minutes(db, committee, proposal(), accept=everything)
    recs = list_recommendations(db, committee)
    assert [(r.item, r.label) for r in recs][0] == ("Minutes", "")
    assert len(list_recommendations(db, committee, include_procedural=False)) == 2
    # Procedural resolutions are not sent to the executive: no response clock.
    assert recs[0].sent_on is None
    assert recs[0].response_due is None


def test_dates_missing_or_contradicting(db, committee):
    undated = proposal(date="")
    assert undated.meeting_date is None
    with pytest.raises(MinutesImportError) as exc:
        save_minutes(db, committee, undated)
    assert str(exc.value) == "page.txt: no meeting date in the text; give --date YYYY-MM-DD"
    with pytest.raises(MinutesImportError, match="not 8 March 2023"):
        save_minutes(db, committee, proposal(), meeting_date=dt.date(2023, 3, 8))
    summary = save_minutes(db, committee, undated, meeting_date=dt.date(2023, 3, 9))
    assert summary.meeting_date == dt.date(2023, 3, 9)
    assert list_meetings(db, committee)[0].time is None
