"""services/tracker_rows.py makes its rows without ``made``'s check after the first of each
class: every row is still the record the class itself makes from the same fields."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.domain.enums import ActionStatus, ImplementationStatus, Verdict
from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.services import tracker_rows as tr

D = dt.date


def _action(i: int, status: ActionStatus, due: dt.date | None) -> tr.ActionColumns:
    return tr.ActionColumns(
        id=i, version=2, committee_id=1, ref=f"A{i}", meeting_id=3, item_title="Item",
        text=f"Action {i}", owner="Claire Ward", directorate="Corporate Centre", progress="",
        due_date=due, due_text="", status=status, completed_on=None, reported_complete_on=None,
        raised_on=None, updated_on=D(2021, 10, 5), status_word="", rag="Red",
        extra='{"Area": "Education"}', position=0, meeting_date=D(2021, 9, 7))


def _rec(i: int) -> tr.RecColumns:
    return tr.RecColumns(
        id=i, version=1, committee_id=1, meeting_id=3, item_title="Item", label=f"R{i}",
        text=f"Recommendation {i}", addressee="Cabinet", sent_on=D(2021, 9, 10), response="",
        verdict=Verdict.AWAITING, response_on=None, response_due_override=None,
        status=ImplementationStatus.OPEN, updated_on=None, status_word="", rag="",
        extra="", verdict_word="", position=0, meeting_date=D(2021, 9, 7))


def test_rows_after_the_first_are_the_records_the_class_makes():
    now = D(2021, 11, 12)
    for i, (status, due) in enumerate([(ActionStatus.OPEN, D(2021, 11, 1)),
                                       (ActionStatus.COMPLETED, None),
                                       (ActionStatus.OPEN, D(2022, 1, 1))]):
        row = tr.action_row(_action(i, status, due), D(2021, 9, 7), "CYPSC", D(2021, 9, 7), now)
        fields = {f.name: getattr(row, f.name) for f in dataclasses.fields(ActionRow)}
        assert row == ActionRow(**fields)
        assert type(row) is ActionRow
        assert row.overdue == (i == 0)
        assert row.extra == {"Area": "Education"}
        assert dataclasses.replace(row, owner="Kate Charlton").owner == "Kate Charlton"
    for i in range(3):
        rec = tr.rec_row(_rec(i), D(2021, 9, 7), "CYPSC", None, now)
        fields = {f.name: getattr(rec, f.name) for f in dataclasses.fields(RecommendationRow)}
        assert rec == RecommendationRow(**fields)
        assert type(rec) is RecommendationRow
        assert rec.response_overdue   # sent 10 Sep, no response by 12 Nov


def test_a_draft_keeps_each_field_of_the_row_it_becomes():
    """``ActionRowDraft`` takes ActionRow's fields in their order and keeps each as itself:
    made into the row, it is the record the class makes from the same values."""
    import inspect

    from desktop_app.domain.records import ActionRowDraft
    names = [f.name for f in dataclasses.fields(ActionRow)]
    assert list(inspect.signature(ActionRowDraft).parameters) == names
    values = {name: f"value of {name}" for name in names}
    row = ActionRowDraft(*values.values())
    row.__class__ = ActionRow
    assert row == ActionRow(**values)
    assert {name: getattr(row, name) for name in names} == values
    assert hash(row) == hash(ActionRow(**values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.owner = "Kate Charlton"
