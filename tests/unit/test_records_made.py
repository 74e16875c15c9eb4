"""domain.records.made: a frozen record made without its generated __init__ is the very record
``cls(**values)`` makes (equal, same hash, same replace and as_dict), and a missing or unknown
field is refused as the class refuses it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.records import ActionRow, MeetingRow, made


def _values(**changes) -> dict:
    values = dict(
        id=7, version=2, committee_id=1, committee="Children's Scrutiny", ref="12",
        meeting_id=3, meeting_date=dt.date(2021, 9, 14), item="Budget", text="Send the note",
        owner="Siân Evans", directorate="Corporate Centre", progress="Drafted",
        due_date=dt.date(2021, 10, 1), due_text="", status=ActionStatus.OPEN, completed_on=None,
        overdue=True, reported_complete_on=None, new_since_last_meeting=False,
        updated_since_last_meeting=True, updates=(), status_word="Amber", rag="amber",
        extra={"Lead member": "Cllr Price"}, updated_on=dt.date(2021, 9, 20))
    values.update(changes)
    return values


def test_made_is_the_record_the_class_makes() -> None:
    quick, plain = made(ActionRow, _values()), ActionRow(**_values())
    assert type(quick) is ActionRow
    assert quick == plain
    assert hash(quick) == hash(plain)
    assert quick.as_dict() == plain.as_dict()
    assert repr(quick) == repr(plain)
    assert dataclasses.replace(quick, owner="Zoë Hughes") == \
        dataclasses.replace(plain, owner="Zoë Hughes")
    assert quick != made(ActionRow, _values(progress="Sent"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.owner = "someone else"  # type: ignore[misc]


@pytest.mark.parametrize("values", [
    {k: v for k, v in _values().items() if k != "owner"},     # one missing
    _values(owners="Zoë Hughes"),                              # one unknown
])
def test_made_refuses_what_the_class_refuses(values) -> None:
    with pytest.raises(TypeError):
        made(ActionRow, values)
    with pytest.raises(TypeError):
        ActionRow(**values)


def test_made_refuses_a_partial_record_even_with_defaults() -> None:
    """The defaults are the class's business: ``made`` wants every field (else the record would
    lack an attribute rather than take its default)."""
    with pytest.raises(TypeError):
        made(MeetingRow, {"id": 1})
