"""The approval of a meeting's minutes as a correct record at a later meeting (the seeds' item
"Minutes: to approve and sign the minutes of the meeting held on ..."). Until then the minutes
are a draft; ``MinutesApproval.is_draft(as_at)`` says so for a document as at a date."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_app.db.engine import Database
from desktop_app.db.models import Meeting
from desktop_app.domain.minutes_approval import MinutesApproval
from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import MeetingStatus
from desktop_app.services.common import check_version, get_row
from desktop_app.services.errors import ServiceError


def _approval(m: Meeting) -> MinutesApproval:
    return MinutesApproval(meeting_id=m.id, meeting_date=m.date,
                           approved_meeting_id=m.minutes_approved_meeting_id,
                           approved_on=m.minutes_approved_on, version=m.version)


def minutes_approval(db: Database, meeting_id: int) -> MinutesApproval:
    with db.reading() as s:
        return _approval(get_row(s, Meeting, meeting_id, "meeting"))


def record_approval(m: Meeting, at: Meeting | None) -> None:
    """Set (or with ``at`` None clear) the approval on ``m``; refused with one line when ``at``
    cannot have approved these minutes."""
    if at is not None:
        if at.committee_id != m.committee_id:
            raise ServiceError(f"the meeting on {format_uk(at.date)} is another committee's: "
                               "minutes are approved at a later meeting of the same committee")
        if at.date <= m.date:
            raise ServiceError(
                f"the minutes of {format_uk(m.date)} cannot be approved at the meeting on "
                f"{format_uk(at.date)}: it must be a later meeting")
        if at.status == MeetingStatus.CANCELLED:
            raise ServiceError(f"the meeting on {format_uk(at.date)} was cancelled")
    new_id, new_on = (at.id, at.date) if at is not None else (None, None)
    if m.minutes_approved_meeting_id != new_id:
        m.minutes_approved_meeting_id = new_id
    if m.minutes_approved_on != new_on:
        m.minutes_approved_on = new_on


def approve_minutes(db: Database, meeting: int, at_meeting: int | None,
                    if_version: int | None = None) -> MinutesApproval:
    """Record that the minutes of ``meeting`` were approved at the later ``at_meeting`` (both
    meeting ids); ``at_meeting`` None undoes it (the minutes are a draft again)."""
    with db.unit_of_work() as s:
        m = get_row(s, Meeting, meeting, "meeting")
        check_version(s, m, if_version, "meeting")
        at = get_row(s, Meeting, at_meeting, "meeting") if at_meeting is not None else None
        record_approval(m, at)
        s.flush()
        return _approval(m)


def approved_at_session(session: Session, meeting_id: int) -> MinutesApproval:
    """The same, inside a caller's session (a pack reads everything in one transaction)."""
    return _approval(get_row(session, Meeting, meeting_id, "meeting"))
