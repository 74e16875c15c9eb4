"""Closed vocabularies used across the app, with the words officers use."""

from __future__ import annotations

import enum
from typing import Self


class _Labelled(enum.StrEnum):
    """A str enum whose value is stored in the database and whose label is shown to people.

    Being a ``StrEnum``, a member compares equal to its value and prints as its value, so
    ``ActionStatus.OPEN == "open"`` and ``f"{ActionStatus.OPEN}" == "open"``.
    """

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> Self:
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        for member in cls:
            if member.value == key or member.name.lower() == key:
                return member
        choices = ", ".join(m.value.replace("_", "-") for m in cls)
        raise ValueError(f"unknown {cls.__name__} {text!r} (choose from {choices})")


class MemberRole(_Labelled):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    COUNCILLOR = "councillor"
    CO_OPTEE = "co_optee"

    @property
    def label(self) -> str:
        return {"chair": "Chairperson", "vice_chair": "Vice-Chairperson",
                "councillor": "Councillor", "co_optee": "Co-opted Member"}[self.value]


class AttendanceKind(_Labelled):
    """How a person is recorded in a meeting's attendance block (the seeds' minutes open with
    Present / Apologies / Substitutes / In attendance)."""
    PRESENT = "present"
    APOLOGIES = "apologies"
    SUBSTITUTE = "substitute"
    IN_ATTENDANCE = "in_attendance"
    ABSENT = "absent"

    @property
    def label(self) -> str:
        return {"present": "Present", "apologies": "Apologies", "substitute": "Substitute",
                "in_attendance": "In attendance", "absent": "Absent"}[self.value]


class MeetingKind(_Labelled):
    MAINSTREAM = "mainstream"
    IMPROVEMENT_FOCUS = "improvement_focus"
    EXTRA = "extra"

    @property
    def label(self) -> str:
        return {"mainstream": "Mainstream agenda", "improvement_focus": "Improvement focus",
                "extra": "Extraordinary"}[self.value]


class MeetingStatus(_Labelled):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class Verdict(_Labelled):
    AWAITING = "awaiting"
    ACCEPTED = "accepted"
    PARTIALLY_ACCEPTED = "partially_accepted"
    REJECTED = "rejected"
    NOTED = "noted"


class ImplementationStatus(_Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class ActionStatus(_Labelled):
    OPEN = "open"
    COMPLETED = "completed"


class WorkFormat(_Labelled):
    AGENDA_ITEM = "agenda_item"
    BRIEFING_NOTE = "briefing_note"
    WORKSHOP = "workshop"
    TASK_AND_FINISH = "task_and_finish"
    ANNUAL_REPORT = "annual_report"

    @property
    def label(self) -> str:
        return {"agenda_item": "Agenda item", "briefing_note": "Briefing note",
                "workshop": "Workshop / seminar", "task_and_finish": "Task and finish group",
                "annual_report": "Annual report"}[self.value]


class WorkStatus(_Labelled):
    PROPOSED = "proposed"
    SCHEDULED = "scheduled"
    DELIVERED = "delivered"
    DEFERRED = "deferred"
    DROPPED = "dropped"
