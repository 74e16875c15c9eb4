"""Attendance and minutes approval through the services, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.db.models import AuditEntry
from desktop_app.domain.attendance import Attendee
from desktop_app.domain.enums import AttendanceKind as K
from desktop_app.services import attendance, committees, meetings, minutes_approval
from desktop_app.services.errors import ConflictError, ServiceError

C = "Adults Scrutiny"
D1, D2, D3 = dt.date(2023, 1, 10), dt.date(2023, 3, 14), dt.date(2023, 5, 16)


@pytest.fixture
def com(db):
    committees.add_committee(db, C, "ASC")
    for name, role, voting in (("Ann Bell", "chair", True), ("Colin Dyer", "vice-chair", True),
                               ("Erin Ford", "councillor", True),
                               ("Helen l'Anson", "councillor", True),
                               ("Gita Hale", "co-optee", False)):
        committees.add_member(db, C, name, role, voting)
    ids = [meetings.add_meeting(db, C, d, status="held").id for d in (D1, D2)]
    ids.append(meetings.add_meeting(db, C, D3).id)
    return db, ids


def P(name, kind=K.PRESENT, **kw):
    return Attendee(name=name, kind=kind, **kw)


def test_names_match_members_with_titles_and_spelling(com):
    db, (m1, _, _) = com
    sheet = attendance.set_attendance(db, m1, [
        P("Councillor Ann Bell"), P("Cllr. Colin Dyer"), P("Councillor Helen I'Anson"),
        P("Mrs Gita Hale", K.APOLOGIES), P("Dana Smith", K.SUBSTITUTE, substitute_for="Cllr Dyer"),
        P("Councillor Iris Jay", K.IN_ATTENDANCE, role="Cabinet Member for Adults")])
    got = {e.name: e for e in sheet.entries}
    members = {m.name.removeprefix("Councillor "): m.id for m in committees.list_members(db, C)}
    assert got["Councillor Ann Bell"].member_id == members["Ann Bell"]
    assert got["Councillor Helen I'Anson"].member_id == members["Helen l'Anson"]  # spelt apart
    assert got["Mrs Gita Hale"].member_id == members["Gita Hale"]
    assert got["Dana Smith"].member_id is None
    assert got["Dana Smith"].substitute_for == "Councillor Colin Dyer"
    assert got["Councillor Iris Jay"].member_id is None
    # the block's order: present, substitutes, in attendance, apologies
    assert [e.kind for e in sheet.entries] == [K.PRESENT] * 3 + [
        K.SUBSTITUTE, K.IN_ATTENDANCE, K.APOLOGIES]
    # the block in the printed minutes' words (the seeds'): a co-optee is "– co-optee"
    assert attendance.attendance_block(db, m1) == [
        ("Present", ["Councillor Ann Bell (Chairperson)", "Councillor Colin Dyer (Vice-Chairperson)",
                     "Councillor Helen l'Anson"]),
        ("Apologies", ["Mrs Gita Hale \u2013 co-optee"]),
        ("Substitutes", ["Dana Smith (substitute for Councillor Colin Dyer)"]),
        ("In attendance", ["Councillor Iris Jay, Cabinet Member for Adults"])]


def test_changes_are_made_in_place_and_audited(com):
    db, (m1, _, _) = com
    first = attendance.set_attendance(db, m1, [P("Ann Bell"), P("Erin Ford", K.APOLOGIES)])
    second = attendance.set_attendance(db, m1, [P("Ann Bell"), P("Erin Ford")],
                                       if_version=first.version)
    assert [e.id for e in second.entries] == [e.id for e in first.entries]
    assert second.version != first.version
    with db.reading() as s:
        changes = s.execute(select(AuditEntry.field, AuditEntry.old, AuditEntry.new).where(
            AuditEntry.table_name == "attendance", AuditEntry.operation == "update")).all()
    assert ("kind", "apologies", "present") in [tuple(c) for c in changes]
    third = attendance.set_attendance(db, m1, [P("Ann Bell")])
    assert [e.name for e in third.entries] == ["Ann Bell"]
    with db.reading() as s:
        deleted = s.scalars(select(AuditEntry.row_id).where(
            AuditEntry.table_name == "attendance", AuditEntry.operation == "delete")).all()
    assert deleted == [first.entries[1].id]


def test_someone_elses_change_is_not_overwritten(com):
    db, (m1, _, _) = com
    read = attendance.set_attendance(db, m1, [P("Ann Bell")])
    attendance.set_attendance(db, m1, [P("Ann Bell", K.APOLOGIES)], if_version=read.version)
    with pytest.raises(ConflictError, match="changed by someone else"):
        attendance.set_attendance(db, m1, [P("Ann Bell")], if_version=read.version)
    assert attendance.get_attendance(db, m1).entries[0].kind == K.APOLOGIES


@pytest.mark.parametrize(("entries", "message"), [
    ([P("Ann Bell"), P("Cllr Ann Bell", K.APOLOGIES)], "listed twice"),
    ([P("Dana Smith", K.SUBSTITUTE)], "say for whom"),
    ([P("Dana Smith", K.SUBSTITUTE, substitute_for="Zed Nobody")], "not a member of the committee"),
    ([P("Councillor ")], "has no name"),
    ([P("Ann Bell", substitute_for="Erin Ford")], "only a substitute"),
])
def test_bad_sheets_are_refused_and_nothing_is_written(com, entries, message):
    db, (m1, _, _) = com
    attendance.set_attendance(db, m1, [P("Erin Ford")])
    with pytest.raises(ServiceError, match=message):
        attendance.set_attendance(db, m1, entries)
    assert [e.name for e in attendance.get_attendance(db, m1).entries] == ["Erin Ford"]


def test_approve_minutes_refuses_an_earlier_meeting_and_undoes(com):
    db, (m1, m2, m3) = com
    with pytest.raises(ServiceError, match="must be a later meeting"):
        minutes_approval.approve_minutes(db, m2, m1)
    with pytest.raises(ServiceError, match="must be a later meeting"):
        minutes_approval.approve_minutes(db, m2, m2)
    done = minutes_approval.approve_minutes(db, m1, m2)
    assert (done.approved_meeting_id, done.approved_on) == (m2, D2)
    assert attendance.get_attendance(db, m1).minutes_approved_on == D2
    assert done.is_draft(D2 - dt.timedelta(days=1))
    assert not done.is_draft(D2)
    undone = minutes_approval.approve_minutes(db, m1, None)
    assert (undone.approved_meeting_id, undone.approved_on) == (None, None)
    meetings.set_meeting_status(db, m3, "cancelled")
    with pytest.raises(ServiceError, match="cancelled"):
        minutes_approval.approve_minutes(db, m2, m3)


def test_approve_minutes_checks_the_version(com):
    db, (m1, m2, _) = com
    seen = minutes_approval.minutes_approval(db, m1)
    meetings.update_meeting(db, m1, venue="Room 2")
    with pytest.raises(ConflictError):
        minutes_approval.approve_minutes(db, m1, m2, if_version=seen.version)


def test_member_counts_for_the_year(com):
    db, (m1, m2, m3) = com
    attendance.set_attendance(db, m1, [P("Ann Bell"), P("Colin Dyer"), P("Erin Ford", K.APOLOGIES),
                                       P("Dana Smith", K.SUBSTITUTE, substitute_for="Erin Ford")])
    attendance.set_attendance(db, m2, [P("Ann Bell"), P("Colin Dyer", K.APOLOGIES),
                                       P("Erin Ford"), P("Gita Hale", K.ABSENT)])
    attendance.set_attendance(db, m3, [P("Ann Bell")])  # not held yet: not counted
    rows = {r.name: r for r in attendance.member_attendance(db, C, dt.date(2022, 5, 1),
                                                            dt.date(2023, 4, 30))}
    assert [r.name for r in rows.values()][:2] == ["Councillor Ann Bell", "Councillor Colin Dyer"]
    bell, dyer, ford = rows["Councillor Ann Bell"], rows["Councillor Colin Dyer"], \
        rows["Councillor Erin Ford"]
    assert (bell.expected, bell.present, bell.apologies, bell.absent) == (2, 2, 0, 0)
    assert (dyer.present, dyer.apologies) == (1, 1)
    assert (ford.present, ford.apologies, ford.substituted) == (1, 1, 1)
    assert (rows["Gita Hale"].absent, rows["Gita Hale"].present) == (2, 0)  # absent + unlisted
    assert bell.percentage == 100
    assert dyer.percentage == 50


def test_a_record_of_apologies_only_says_nothing_of_the_others(com):
    db, (m1, m2, _) = com
    attendance.set_attendance(db, m1, [P("Ann Bell"), P("Colin Dyer")])
    attendance.set_attendance(db, m2, [P("Erin Ford", K.APOLOGIES)])  # as a ModernGov page
    rows = {r.name: r for r in attendance.member_attendance(db, C, D1, D2)}
    bell, ford = rows["Councillor Ann Bell"], rows["Councillor Erin Ford"]
    assert (bell.expected, bell.present, bell.absent) == (1, 1, 0)
    assert (ford.expected, ford.apologies, ford.absent) == (2, 1, 1)


def test_an_initial_matches_but_another_first_name_does_not(com):
    db, (m1, _, _) = com
    sheet = attendance.set_attendance(db, m1, [P("Cllr A Bell"), P("Councillor Bob Ford")])
    assert sheet.entries[0].member_id is not None      # A Bell is Ann Bell
    assert sheet.entries[1].member_id is None          # Bob Ford is not Erin Ford


def test_the_audit_trail_files_attendance_under_the_committee(com):
    db, (m1, _, _) = com
    attendance.set_attendance(db, m1, [P("Ann Bell")])
    attendance.set_attendance(db, m1, [P("Ann Bell", K.APOLOGIES)])
    attendance.set_attendance(db, m1, [])
    with db.reading() as s:
        rows = s.execute(select(AuditEntry.operation, AuditEntry.field, AuditEntry.committee_id)
                         .where(AuditEntry.table_name == "attendance")).all()
    committee_id = committees.get_committee(db, C).id
    assert [(op, field) for op, field, _ in rows] == [("insert", ""), ("update", "kind"),
                                                      ("delete", "")]
    assert {cid for _, _, cid in rows} == {committee_id}
