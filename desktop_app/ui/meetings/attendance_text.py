"""What the Meetings tab's details line says of a meeting's attendance and minutes (apart from
the Attendance dialog, so that showing a meeting does not import the dialog)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop_app.domain import dates
from desktop_app.domain.enums import AttendanceKind

if TYPE_CHECKING:
    from desktop_app.domain.attendance import AttendanceSheet


def attendance_parts(sheet: AttendanceSheet | None, meeting, now: dt.date) -> list[str]:
    """What the chosen meeting's details line says of its attendance and minutes."""
    if sheet is None:
        return []
    parts = []
    past = meeting.date <= now
    if sheet.entries:
        counts = [(len(sheet.of_kind(kind)), word) for kind, word in (
            (AttendanceKind.PRESENT, "present"), (AttendanceKind.APOLOGIES, "apologies"),
            (AttendanceKind.SUBSTITUTE, "substitutes"),
            (AttendanceKind.IN_ATTENDANCE, "in attendance"), (AttendanceKind.ABSENT, "absent"))]
        parts.append("Attendance: " + ", ".join(f"{n} {word}" for n, word in counts if n))
    elif past:
        parts.append("Attendance not recorded")
    if sheet.minutes_approved_on:
        parts.append(f"Minutes approved at the meeting on {dates.format_uk(sheet.minutes_approved_on)}")
    elif past:
        parts.append("<span style='color:#8a5a00'>Minutes not yet approved (draft)</span>")
    return parts
