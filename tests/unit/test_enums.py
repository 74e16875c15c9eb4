"""Statuses and kinds: StrEnums in the code, their plain words in the database and in output."""

import datetime as dt
import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from desktop_app.db.models import Committee, Meeting
from desktop_app.domain.enums import ActionStatus, MeetingKind, MemberRole, WorkStatus
from desktop_app.services import actions, committees, meetings

NAME = "Audit and Governance Committee"


def test_a_member_prints_and_serialises_as_its_word():
    assert f"{ActionStatus.COMPLETED}" == "completed"
    assert str(WorkStatus.DEFERRED) == "deferred"
    assert json.dumps({"status": ActionStatus.OPEN}) == '{"status": "open"}'
    assert ActionStatus.OPEN == "open"


def test_parse_takes_the_words_officers_type_and_names_the_choices():
    assert MemberRole.parse("Vice-Chair") is MemberRole.VICE_CHAIR
    assert MeetingKind.parse("improvement focus") is MeetingKind.IMPROVEMENT_FOCUS
    with pytest.raises(ValueError, match="choose from open, completed"):
        ActionStatus.parse("sideways")


def test_columns_store_the_words_and_read_back_as_members(db):
    committees.add_committee(db, NAME)
    meetings.add_meeting(db, NAME, dt.date(2021, 9, 7))
    row = actions.add_action(db, NAME, dt.date(2021, 9, 7), "Circulate the KPIs")
    actions.complete_action(db, row.id, on=dt.date(2021, 10, 1))
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT status FROM actions")).scalar()
        kind = conn.execute(text("SELECT kind FROM meetings")).scalar()
    assert (stored, kind) == ("completed", "mainstream")
    assert type(stored) is str
    (listed,) = actions.list_actions(db, NAME)
    assert listed.status is ActionStatus.COMPLETED
    assert actions.get_action(db, row.id).status is ActionStatus.COMPLETED


def test_a_word_outside_the_vocabulary_is_refused_before_it_is_stored(db):
    committees.add_committee(db, NAME)
    with db.unit_of_work() as s:
        committee = s.scalars(select(Committee)).one()
        s.add(Meeting(committee_id=committee.id, date=dt.date(2021, 9, 7), status="sideways"))
        with pytest.raises(StatementError, match="'sideways' is not a valid MeetingStatus"):
            s.flush()
        s.rollback()
    assert meetings.list_meetings(db, NAME) == []
