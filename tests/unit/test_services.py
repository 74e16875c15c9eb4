"""Services against a real SQLite file: actions, recommendations, work programme, audit."""

import datetime as dt

import pytest
from pypdf import PdfWriter

from desktop_app.services import (actions, committees, history, meetings, recommendations,
                                  work_programme)
from desktop_app.services.errors import ConflictError, NotFound, ServiceError

D = dt.date
NAME = "Safeguarding Overview and Scrutiny Committee"


@pytest.fixture
def committee(db):
    committees.add_committee(db, NAME, short_name="SOSC", council="Staffordshire County Council")
    for day in (D(2021, 9, 7), D(2021, 10, 12), D(2022, 9, 6)):
        meetings.add_meeting(db, NAME, day, "14:30", "Oak Room", "mainstream")
    return db


def test_same_reference_at_different_meetings_stays_two_actions(committee):
    db = committee
    a = actions.add_action(db, NAME, D(2021, 9, 7), "Circulate the KPIs", ref="1")
    b = actions.add_action(db, NAME, D(2022, 9, 6), "Provide the procurement rules", ref="1")
    rows = actions.list_actions(db, NAME)
    assert [(r.ref, r.meeting_date, r.text) for r in rows] == [
        ("1", D(2021, 9, 7), "Circulate the KPIs"),
        ("1", D(2022, 9, 6), "Provide the procurement rules")]
    assert a.id != b.id


def test_text_reference_kept_as_written(committee):
    row = actions.add_action(committee, "sosc", D(2022, 9, 6), "Chase the audit", ref="SOS/22/01")
    assert actions.get_action(committee, row.id).ref == "SOS/22/01"


def test_progress_update_is_dated_and_audited(committee):
    db = committee
    row = actions.add_action(db, NAME, D(2021, 10, 12), "Send the letter", owner="Kate Charlton",
                             due=D(2021, 12, 7))
    after = actions.update_action(db, row.id, if_version=row.version, progress="Letter drafted",
                                  on=D(2021, 11, 1))
    assert after.progress == "Letter drafted"
    assert [(u.on, u.text, u.author) for u in after.updates] == [
        (D(2021, 11, 1), "Letter drafted", "Test Officer")]
    trail = history.history(db, NAME, "actions", row.id)
    assert ("update", "progress", "", "Letter drafted", "Test Officer") in [
        (t.operation, t.field, t.old, t.new, t.who) for t in trail]


def test_stale_version_is_refused_and_names_the_change(committee):
    db = committee
    row = actions.add_action(db, NAME, D(2021, 10, 12), "Send the letter")
    actions.update_action(db, row.id, if_version=row.version, owner="Richard Watson")
    with pytest.raises(ConflictError) as err:
        actions.update_action(db, row.id, if_version=row.version, owner="Someone else")
    assert "Richard Watson" in str(err.value)
    assert actions.get_action(db, row.id).owner == "Richard Watson"


def test_overdue_new_and_updated_flags(committee):
    db = committee
    meetings.set_meeting_status(db, meetings.get_meeting(db, NAME, D(2021, 10, 12)).id, "held")
    old = actions.add_action(db, NAME, D(2021, 9, 7), "Old one", due=D(2021, 11, 2))
    actions.add_action(db, NAME, D(2021, 10, 12), "New one", due=D(2099, 1, 1))
    actions.update_action(db, old.id, progress="Chased", on=D(2021, 10, 20))
    rows = {r.text: r for r in actions.list_actions(db, NAME, now=D(2021, 11, 23))}
    assert rows["Old one"].overdue
    assert not rows["New one"].overdue
    assert rows["New one"].new_since_last_meeting
    assert not rows["Old one"].new_since_last_meeting
    assert rows["Old one"].updated_since_last_meeting
    assert [r.text for r in actions.list_actions(db, NAME, "overdue", now=D(2021, 11, 23))] == ["Old one"]


def test_complete_and_report_complete(committee):
    db = committee
    row = actions.add_action(db, NAME, D(2021, 9, 7), "Do it", due=D(2021, 10, 1))
    done = actions.complete_action(db, row.id, on=D(2021, 10, 5))
    assert done.status == "completed"
    assert done.completed_on == D(2021, 10, 5)
    assert not done.overdue
    m = meetings.get_meeting(db, NAME, D(2021, 10, 12))
    reported = actions.report_complete(db, row.id, m.id)
    assert reported.reported_complete_on == D(2021, 10, 12)
    assert [r.id for r in actions.list_actions(db, NAME, "reported-complete")] == [row.id]


def test_recommendation_response_clock(committee):
    db = committee
    r = recommendations.add_recommendation(db, NAME, D(2021, 10, 12), "That the Executive consider",
                                           item="Provision of children centre service", label="(a)")
    assert r.sent_on == D(2021, 10, 12)
    assert r.response_due == D(2021, 12, 11)
    rows = recommendations.list_recommendations(db, NAME, "overdue", now=D(2021, 12, 12))
    assert [x.id for x in rows] == [r.id]
    assert recommendations.list_recommendations(db, NAME, "overdue", now=D(2021, 12, 11)) == []
    answered = recommendations.record_response(db, r.id, "Agreed.", "accepted", on=D(2021, 12, 1))
    assert answered.verdict == "accepted"
    assert not answered.response_overdue
    assert recommendations.list_recommendations(db, NAME, "awaiting-response") == []
    edited = recommendations.update_recommendation(db, r.id, response_due_override=D(2022, 1, 31))
    assert edited.response_due == D(2022, 1, 31)


def test_work_programme_move_keeps_history(committee):
    db = committee
    item = work_programme.add_work_item(db, NAME, "Mental health", meeting=D(2021, 10, 12),
                                        scrutiny_type="Performance review",
                                        position="Scoping agreed with the director")
    moved = work_programme.move_work_item(db, item.id, D(2022, 9, 6), "Officer unavailable",
                                          on=D(2021, 10, 1))
    assert moved.meeting_date == D(2022, 9, 6)
    assert moved.position == "Scoping agreed with the director"     # kept (issue 18)
    assert [(m.from_date, m.to_date, m.reason) for m in moved.moves] == [
        (D(2021, 10, 12), D(2022, 9, 6), "Officer unavailable")]
    parked = work_programme.move_work_item(db, item.id, None, "To be rescheduled")
    assert parked.meeting_date is None
    assert parked.status == "deferred"
    assert [r.id for r in work_programme.list_work_programme(db, NAME, "unscheduled")] == [item.id]
    with pytest.raises(ServiceError):
        work_programme.move_work_item(db, item.id, None)


def test_meeting_deadlines_computed_and_overridable(committee):
    db = committee
    m = meetings.get_meeting(db, NAME, D(2021, 10, 12))
    assert (m.publication_deadline, m.questions_deadline) == (D(2021, 10, 4), D(2021, 10, 6))
    m2 = meetings.update_meeting(db, m.id, publication_deadline_override=D(2021, 10, 1))
    assert m2.publication_deadline == D(2021, 10, 1)
    assert m2.questions_deadline == D(2021, 10, 6)


def test_agenda_items_and_exempt(committee, tmp_path):
    db = committee
    pdf = tmp_path / "report.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(pdf)           # a real PDF: attachments are checked when attached (issue 15)
    meetings.add_item(db, NAME, D(2022, 9, 6), "27", "Contract award", purpose="To consider",
                      exempt_paragraph="3", attachments=[str(pdf)])
    m = meetings.get_meeting(db, NAME, D(2022, 9, 6))
    (item,) = m.items
    assert item.exempt
    assert item.exempt_paragraph == "3"
    assert [a.path for a in item.attachments] == [str(pdf.resolve())]
    assert item.attachments[0].stored
    assert item.attachments[0].pages == 1
    with pytest.raises(ServiceError, match="was not found"):
        meetings.add_item(db, NAME, D(2022, 9, 6), "28", "Other", attachments=[str(tmp_path / "x.pdf")])


def test_unknown_committee_and_duplicates(committee):
    with pytest.raises(NotFound, match="no committee called 'Nope'"):
        actions.list_actions(committee, "Nope")
    with pytest.raises(ServiceError, match="already"):
        committees.add_committee(committee, NAME.upper())
    with pytest.raises(ServiceError, match="already has a meeting"):
        meetings.add_meeting(committee, NAME, D(2021, 9, 7))


def test_members_in_role_order(committee):
    db = committee
    committees.add_member(db, NAME, "Jim Kenyon", "councillor", voting=False)
    committees.add_member(db, NAME, "Phillip Howells", "chair")
    committees.add_member(db, NAME, "Andy James", "co-optee", voting=False, title="")
    committees.add_member(db, NAME, "Jennie Hewitt", "vice-chair")
    rows = committees.list_members(db, NAME)
    assert [(r.name, r.role, r.voting) for r in rows] == [
        ("Councillor Phillip Howells", "chair", True),
        ("Councillor Jennie Hewitt", "vice_chair", True),
        ("Councillor Jim Kenyon", "councillor", False),
        ("Andy James", "co_optee", False)]


def test_clearing_a_target(committee):
    db = committee
    item = work_programme.add_work_item(db, NAME, "Kick Start Programme", "briefing-note",
                                        target="June / July 2021", target_date=D(2021, 7, 1))
    cleared = work_programme.update_work_item(db, item.id, clear=("target_date",))
    assert cleared.target_date is None
    assert cleared.target == "June / July 2021"


def test_clearing_dates_and_dated_updates(committee):
    db = committee
    a = actions.add_action(db, NAME, D(2021, 9, 7), "Do it", due=D(2021, 10, 1))
    assert actions.update_action(db, a.id, clear=("due_date",)).due_date is None
    with_update = actions.update_action(db, a.id, progress="First", on=D(2021, 9, 10))
    second = actions.update_action(db, a.id, progress="Second", on=D(2021, 9, 20))
    assert second.progress == "Second"
    assert [(u.on, u.text) for u in second.updates] == [(D(2021, 9, 10), "First"),
                                                        (D(2021, 9, 20), "Second")]
    assert with_update.updates[0].text == "First"
    r = recommendations.add_recommendation(db, NAME, D(2021, 10, 12), "Consider it")
    r2 = recommendations.update_recommendation(db, r.id, clear=("sent_on",))
    assert r2.sent_on is None
    assert r2.response_due is None
    answered = recommendations.record_response(db, r.id, "Yes", "accepted", on=D(2021, 11, 1))
    assert answered.response_on == D(2021, 11, 1)
    with pytest.raises(ConflictError):
        recommendations.add_rec_update(db, r.id, "late", if_version=r.version)
