"""The tracker as it stood on a past date, rebuilt from the audit trail."""

import datetime as dt

from sqlalchemy import update

from desktop_app.db.models import AuditEntry
from desktop_app.services import actions, committees, meetings, recommendations
from desktop_app.services.as_at import actions_as_at, recommendations_as_at

D = dt.date
NAME = "Children and Young People Scrutiny Committee"


def _stamp_from(db, first_id: int, when: dt.datetime) -> None:
    """Date the audit rows written from ``first_id`` on (the changes 'happened' then)."""
    with db.unit_of_work() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id >= first_id).values(at=when))


def _last_audit_id(db) -> int:
    with db.reading() as s:
        return max((e.id for e in s.query(AuditEntry)), default=0)


def test_actions_and_recommendations_as_they_stood(db):
    committees.add_committee(db, NAME)
    meetings.add_meeting(db, NAME, D(2021, 10, 12), status="held")
    kpis = actions.add_action(db, NAME, D(2021, 10, 12), "Circulate the KPIs",
                              owner="Richard Watson", due=D(2021, 12, 7))
    rules = actions.add_action(db, NAME, D(2021, 10, 12), "Provide the procurement rules")
    rec = recommendations.add_recommendation(db, NAME, D(2021, 10, 12), "Consider an exemption",
                                             label="(a)")
    _stamp_from(db, 1, dt.datetime(2021, 10, 13, 9))

    mark = _last_audit_id(db) + 1
    actions.update_action(db, kpis.id, progress="Circulated", status="completed")
    recommendations.record_response(db, rec.id, "Agreed to apply.", "accepted")
    actions.delete_action(db, rules.id)
    late = actions.add_action(db, NAME, D(2021, 10, 12), "Added in December")
    _stamp_from(db, mark, dt.datetime(2021, 12, 1, 10))

    before = {a.text: a for a in actions_as_at(db, NAME, D(2021, 11, 23))}
    assert set(before) == {"Circulate the KPIs", "Provide the procurement rules"}
    assert before["Circulate the KPIs"].status == "open"
    assert before["Circulate the KPIs"].progress == ""
    assert not before["Circulate the KPIs"].overdue  # due 7 December, not yet past
    (r,) = recommendations_as_at(db, NAME, D(2021, 11, 23))
    assert (r.verdict, r.response) == ("awaiting", "")

    after = {a.text: a for a in actions_as_at(db, NAME, D(2021, 12, 1))}
    assert set(after) == {"Circulate the KPIs", "Added in December"}
    assert after["Circulate the KPIs"].status == "completed"
    assert after["Added in December"].id == late.id
    (r,) = recommendations_as_at(db, NAME, D(2021, 12, 2))
    assert r.verdict == "accepted"
