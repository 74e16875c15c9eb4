"""The committee's impact over a municipal year (May to April), for the annual scrutiny report.

Recommendations: made, responses on time under s.9FE / late / missing / still within the two
months, verdicts, implemented. Actions: raised, completed, overdue, average days to complete.
Work programme: delivered, deferred, dropped. Broken down per meeting and per directorate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.db.engine import Database
from desktop_app.domain.as_at import KnownHistory
from desktop_app.domain.attendance_year import MemberAttendance
from desktop_app.db.models import (Action, Meeting, Recommendation, WorkItemMove,
                                   WorkProgrammeItem)
from desktop_app.domain.dates import municipal_year_bounds
from desktop_app.domain.enums import (ActionStatus, ImplementationStatus, MeetingStatus, Verdict,
                                      WorkStatus)
from desktop_app.services.as_at import known_history_in, tracker_objects_as_at
from desktop_app.services.attendance import member_attendance_in_session
from desktop_app.services.common import find_committee, today
from desktop_app.services.recommendations import response_due


@dataclasses.dataclass
class MeetingStats:
    date: dt.date
    status: MeetingStatus
    recommendations: int = 0
    actions: int = 0
    work_items: int = 0


@dataclasses.dataclass
class DirectorateStats:
    directorate: str
    raised: int = 0
    completed: int = 0
    overdue: int = 0


@dataclasses.dataclass
class YearStats:
    committee: str
    year: str
    start: dt.date
    end: dt.date
    as_at: dt.date
    recommendations_made: int = 0
    responses_on_time: int = 0
    responses_late: int = 0
    responses_undated: int = 0      # a response is recorded but not the date it came
    responses_missing: int = 0      # two months passed, no response
    responses_pending: int = 0      # still within the two months
    verdicts: dict[str, int] = dataclasses.field(default_factory=dict)
    implemented: int = 0
    actions_raised: int = 0
    actions_completed: int = 0
    actions_overdue: int = 0
    actions_open: int = 0
    average_days_to_complete: float | None = None
    work_delivered: int = 0
    work_deferred: int = 0
    work_dropped: int = 0
    meetings: list[MeetingStats] = dataclasses.field(default_factory=list)
    directorates: list[DirectorateStats] = dataclasses.field(default_factory=list)
    # per member: held meetings with attendance recorded, present, apologies ... (as councils
    # publish "meetings attended")
    attendance: list[MemberAttendance] = dataclasses.field(default_factory=list)
    # for a year gone by whose tracker history starts after its end: the sentence saying so
    # (as a document's history gap does); "" when the history reaches back
    history: str = ""

    def as_dict(self) -> dict:
        def conv(v):
            if isinstance(v, dt.date):
                return v.isoformat()
            if isinstance(v, list):
                return [conv(x) for x in v]
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            return v
        return {k: conv(v) for k, v in dataclasses.asdict(self).items()}


VERDICTS = (Verdict.ACCEPTED, Verdict.PARTIALLY_ACCEPTED, Verdict.REJECTED, Verdict.NOTED,
            Verdict.AWAITING)


def year_stats(db: Database, committee: str, year: str, now: dt.date | None = None) -> YearStats:
    start, end = municipal_year_bounds(year)
    now = now or today()
    as_at = min(now, end)
    with db.reading() as s:
        c = find_committee(s, committee)
        result = YearStats(committee=c.name, year=year, start=start, end=end, as_at=as_at)
        meetings = {m.id: m for m in s.scalars(select(Meeting).where(Meeting.committee_id == c.id))}
        in_year = {mid for mid, m in meetings.items() if start <= m.date <= end}
        per_meeting = {mid: MeetingStats(meetings[mid].date, meetings[mid].status)
                       for mid in in_year}

        if as_at < now:
            # a year gone by: its actions and recommendations as they stood at its end,
            # rebuilt from the audit trail, not as they stand today
            actions, recs = tracker_objects_as_at(s, c.id, as_at)
            result.history = _history_note(known_history_in(s, c.id), as_at)
        else:
            actions = list(s.scalars(select(Action).where(Action.committee_id == c.id)))
            recs = list(s.scalars(select(Recommendation).where(
                Recommendation.committee_id == c.id)))
        recs = [r for r in recs if not r.procedural]
        verdicts: Counter[str] = Counter()
        for r in recs:
            if r.meeting_id not in in_year:
                continue
            result.recommendations_made += 1
            per_meeting[r.meeting_id].recommendations += 1
            # a response dated after the as-at date (the year's end, for a year gone by) was
            # not known then: the figures as at that date, whenever they are printed
            later = r.response_on is not None and r.response_on > as_at
            verdicts[Verdict.AWAITING if later else r.verdict] += 1
            if r.status == ImplementationStatus.COMPLETED:
                result.implemented += 1
            due = response_due(r)
            answered = (bool(r.response.strip()) or r.verdict != Verdict.AWAITING) and not later
            if answered and r.response_on and due:
                if r.response_on <= due:
                    result.responses_on_time += 1
                else:
                    result.responses_late += 1
            elif answered:
                result.responses_undated += 1
            elif due is not None and due < as_at:
                result.responses_missing += 1
            else:
                result.responses_pending += 1
        result.verdicts = {v: verdicts.get(v, 0) for v in VERDICTS}

        per_dir: dict[str, DirectorateStats] = defaultdict(lambda: DirectorateStats(""))
        days: list[int] = []
        for a in actions:
            raised = a.raised_on or (meetings[a.meeting_id].date if a.meeting_id in meetings else None)
            if raised is None or not (start <= raised <= end):
                continue
            name = a.directorate.strip() or "(no directorate)"
            d = per_dir[name]
            d.directorate = name
            result.actions_raised += 1
            d.raised += 1
            if a.meeting_id in per_meeting:
                per_meeting[a.meeting_id].actions += 1
            done = a.status == ActionStatus.COMPLETED and (a.completed_on is None or a.completed_on <= as_at)
            if done:
                result.actions_completed += 1
                d.completed += 1
                if a.completed_on:
                    days.append((a.completed_on - raised).days)
            else:
                result.actions_open += 1
                if a.due_date and a.due_date < as_at:
                    result.actions_overdue += 1
                    d.overdue += 1
        if days:
            result.average_days_to_complete = round(sum(days) / len(days), 1)

        items = s.scalars(select(WorkProgrammeItem).where(WorkProgrammeItem.committee_id == c.id)
                          .options(selectinload(WorkProgrammeItem.moves))).all()
        for w in items:
            if w.meeting_id in per_meeting:
                per_meeting[w.meeting_id].work_items += 1
            in_this_year = (w.meeting_id in in_year
                            or (w.target_date is not None and start <= w.target_date <= end))
            if w.status == WorkStatus.DELIVERED and in_this_year:
                result.work_delivered += 1
            if w.status == WorkStatus.DROPPED and (in_this_year or w.meeting_id is None):
                result.work_dropped += 1
            if any(_is_deferral(m) and start <= _move_day(m) <= end for m in w.moves):
                result.work_deferred += 1
        result.attendance = member_attendance_in_session(s, c.id, start, as_at)
    result.meetings = sorted(per_meeting.values(), key=lambda m: m.date)
    result.directorates = sorted(per_dir.values(), key=lambda d: (-d.raised, d.directorate))
    return result


def _history_note(known: KnownHistory, as_at: dt.date) -> str:
    gap = known.gap_before(as_at)
    if gap and known.imported:
        return f"{gap} Imported records are counted as their file records them."
    if gap:
        return f"{gap} Records entered since are counted as first entered."
    return gap


def _move_day(m: WorkItemMove) -> dt.date:
    return m.moved_on


def _is_deferral(m: WorkItemMove) -> bool:
    return m.from_date is not None and (m.to_date is None or m.to_date > m.from_date)
