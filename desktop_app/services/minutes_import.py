"""Save minutes read by ``importers.minutes``: the meeting, its items, recommendations, actions.

Everything is written in one transaction, so a failure leaves the database as it was. Importing
the same minutes again creates nothing new: items are matched by meeting and number (or by
title, ignoring case, where the agenda numbered them differently), recommendations by item,
label and text, and actions by meeting and text (the action log often drops the owner's name
from the front: "The Deputy Monitoring Officer to provide ..." matches "Provide ..."). What is
already stored is filled in, never overwritten with less: a page that shows only the start of
an item's minutes does not replace full minutes saved earlier.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.db.models import Action, AgendaItem, Committee, Meeting, Recommendation
from desktop_app.domain.dates import format_uk
from desktop_app.domain.attendance import Attendee, name_key
from desktop_app.domain.enums import AttendanceKind, MeetingStatus
from desktop_app.domain.errors import ServiceError
from desktop_app.services.actions import _next_ref  # the action log's own numbering
from desktop_app.services.attendance import store_attendance
from desktop_app.services.minutes_approval import record_approval
from desktop_app.services.common import find_committee, today


# What is saved, as ``importers.minutes`` makes it: the shape the saving needs.
class ProposedRecommendation(Protocol):
    label: str
    text: str
    procedural: bool


class ProposedAction(Protocol):
    text: str
    owner: str
    due: str  # ISO date or ""


class ProposedItem(Protocol):
    number: str
    title: str
    purpose: str
    minutes_text: str
    resolutions: Sequence[str]
    exempt: bool
    exempt_paragraph: str
    incomplete: bool
    recommendations: Sequence[ProposedRecommendation]
    actions: Sequence[ProposedAction]


class ProposedAttendee(Protocol):
    name: str
    kind: AttendanceKind
    substitute_for: str
    role: str


class MinutesProposal(Protocol):
    source_file: str
    meeting_date: dt.date | None
    start_time: dt.time | None
    venue: str
    items: Sequence[ProposedItem]
    attendance: Sequence[ProposedAttendee]
    approves_minutes_of: Sequence[dt.date]
    meeting_actions: Sequence[ProposedAction]   # the meeting's, under no agenda item


Accept = Callable[[ProposedItem, ProposedRecommendation], bool]


def title_key(title: str) -> str:
    """Titles compared without regard to case, spacing or curly quotes."""
    return re.sub(r"\s+", " ", title.replace("’", "'").replace("–", "-")).strip().casefold()


def substantive_only(item: ProposedItem, rec: ProposedRecommendation) -> bool:
    """The default: leave out procedural resolutions (minutes approved, report noted...)."""
    return not rec.procedural


def everything(item: ProposedItem, rec: ProposedRecommendation) -> bool:
    return True


class MinutesImportError(ServiceError):
    """Minutes that cannot be saved as they are; the message names the file."""


@dataclasses.dataclass
class ImportSummary:
    committee: str
    meeting_date: dt.date
    meeting_id: int | None = None
    meeting_created: bool = False
    meeting_updated: list[str] = dataclasses.field(default_factory=list)
    items_created: list[str] = dataclasses.field(default_factory=list)
    items_updated: list[str] = dataclasses.field(default_factory=list)
    items_unchanged: list[str] = dataclasses.field(default_factory=list)
    recommendations_created: int = 0
    recommendations_existing: int = 0
    recommendations_left_out: int = 0
    actions_created: int = 0
    actions_existing: int = 0
    incomplete_items: list[str] = dataclasses.field(default_factory=list)
    attendance_saved: int = 0       # people recorded as present, apologies, ... (0: kept as was)
    approved_minutes_of: list[str] = dataclasses.field(default_factory=list)  # ISO dates
    approved_not_stored: list[str] = dataclasses.field(default_factory=list)  # no such meeting
    warnings: list[str] = dataclasses.field(default_factory=list)
    dry_run: bool = False

    @property
    def created_anything(self) -> bool:
        return bool(self.meeting_created or self.items_created or self.recommendations_created
                    or self.actions_created)

    def as_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["meeting_date"] = self.meeting_date.isoformat()
        return data


class _Rollback(Exception):
    def __init__(self, summary: ImportSummary):
        super().__init__("dry run")
        self.summary = summary


def save_minutes(db: Database, committee_name: str, proposal: MinutesProposal, *,
                 accept: Accept | None = None, meeting_date: dt.date | None = None,
                 dry_run: bool = False) -> ImportSummary:
    """Store ``proposal`` for the committee; with ``dry_run`` say what would be stored and
    roll back. ``accept`` chooses the recommendations (default: not the procedural ones)."""
    day = meeting_date or proposal.meeting_date
    if day is None:
        raise MinutesImportError(
            f"{proposal.source_file}: no meeting date in the text; give --date YYYY-MM-DD")
    if meeting_date and proposal.meeting_date and meeting_date != proposal.meeting_date:
        raise MinutesImportError(
            f"{proposal.source_file}: the minutes are of the meeting on "
            f"{format_uk(proposal.meeting_date)}, not {format_uk(meeting_date)}")
    try:
        with db.unit_of_work() as session:
            summary = _Saver(session, committee_name, proposal, day, accept or substantive_only).run()
            if dry_run:
                summary.dry_run = True
                raise _Rollback(summary)
    except _Rollback as rollback:
        return rollback.summary
    return summary


def _people(n: int) -> str:
    return f"{n} {'person' if n == 1 else 'people'}"


def _key(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().rstrip(".;").strip().casefold()


def _action_keys(action: ProposedAction) -> set[str]:
    keys = {_key(action.text)}
    if action.owner:
        m = re.match(rf"^(?:the\s+)?{re.escape(action.owner)}\s+(?:to|will)\s+(.+)$",
                     action.text.strip(), re.I | re.S)
        if m:
            keys.add(_key(m[1]))
    return keys


class _Saver:
    def __init__(self, session: Session, committee_name: str, proposal: MinutesProposal,
                 day: dt.date, accept: Accept) -> None:
        self.s = session
        audit.mark_imported(session)  # what it creates counts from the meeting's date (as-at)
        self.proposal = proposal
        self.day = day
        self.accept = accept
        self.committee: Committee = find_committee(session, committee_name)
        self.summary = ImportSummary(committee=self.committee.name, meeting_date=day)
        self._used: set[int] = set()  # stored items already matched to an item of these minutes

    def run(self) -> ImportSummary:
        meeting = self._meeting()
        pairs = [(item, self._item(meeting, item)) for item in self.proposal.items]
        self.s.flush()
        self._recommendations(meeting, pairs)
        self._actions(meeting, pairs)
        self._attendance(meeting)
        self._approvals(meeting)
        self.s.flush()
        self.summary.meeting_id = meeting.id
        self.summary.incomplete_items = [item.number for item in self.proposal.items
                                         if item.incomplete]
        return self.summary

    # -- the meeting

    def _meeting(self) -> Meeting:
        p = self.proposal
        meeting = self.s.scalars(select(Meeting).where(
            Meeting.committee_id == self.committee.id, Meeting.date == self.day)).first()
        held = self.day <= today()
        first = p.items[0].number if p.items else ""
        if meeting is None:
            meeting = Meeting(committee_id=self.committee.id, date=self.day,
                              start_time=p.start_time, venue=p.venue[:300],
                              status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
                              minute_start=int(first) if first.isdigit() else None)
            self.s.add(meeting)
            self.s.flush()
            self.summary.meeting_created = True
            return meeting
        changed = self.summary.meeting_updated
        if meeting.start_time is None and p.start_time is not None:
            meeting.start_time = p.start_time
            changed.append("start time")
        elif p.start_time and meeting.start_time != p.start_time:
            self.summary.warnings.append(
                f"the minutes give the start as {p.start_time:%H:%M}; kept "
                f"{meeting.start_time:%H:%M} already saved")
        if not meeting.venue and p.venue:
            meeting.venue = p.venue[:300]
            changed.append("venue")
        if meeting.status == MeetingStatus.SCHEDULED and held:
            meeting.status = MeetingStatus.HELD
            changed.append("status (held)")
        if meeting.minute_start is None and first.isdigit():
            meeting.minute_start = int(first)
            changed.append("first minute number")
        return meeting

    # -- agenda items

    def _match(self, meeting: Meeting, item: ProposedItem, used: set[int]) -> AgendaItem | None:
        free = [row for row in meeting.items if row.id not in used]
        key = title_key(item.title)
        for row in free:
            if row.number == item.number and title_key(row.title) == key:
                return row
        by_title = [row for row in free if key and title_key(row.title) == key]
        if len(by_title) == 1:
            return by_title[0]
        for row in free:
            if row.number == item.number:
                self.summary.warnings.append(
                    f"item {item.number}: the minutes call it {item.title!r}, the agenda "
                    f"{row.title!r}; the minutes were saved under the agenda's title")
                return row
        return None

    def _item(self, meeting: Meeting, item: ProposedItem) -> AgendaItem:
        used = self._used
        row = self._match(meeting, item, used)
        resolutions = "\n\n".join(item.resolutions)
        if row is None:
            row = AgendaItem(
                number=item.number, title=item.title or f"Item {item.number}",
                position=max((i.position for i in meeting.items), default=-1) + 1,
                purpose=item.purpose, exempt=item.exempt,
                exempt_paragraph=item.exempt_paragraph[:20], minutes_text=item.minutes_text,
                resolutions=resolutions, incomplete=item.incomplete)
            meeting.items.append(row)
            self.s.flush()
            used.add(row.id)
            self.summary.items_created.append(item.number)
            return row
        used.add(row.id)
        fields: dict[str, object] = {}
        if not row.purpose and item.purpose:
            fields["purpose"] = item.purpose
        keep_full = bool(row.minutes_text.strip()) and not row.incomplete and item.incomplete
        if keep_full:
            self.summary.warnings.append(
                f"item {item.number}: kept the full minutes already saved (this page shows "
                "only the start)")
        elif item.minutes_text:
            fields.update(minutes_text=item.minutes_text, resolutions=resolutions,
                          incomplete=item.incomplete)
        if item.exempt and not row.exempt:
            fields["exempt"] = True
        if item.exempt_paragraph and not row.exempt_paragraph:
            fields["exempt_paragraph"] = item.exempt_paragraph[:20]
        changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
        for key, value in changed.items():
            setattr(row, key, value)
        (self.summary.items_updated if changed else self.summary.items_unchanged).append(
            item.number)
        return row

    # -- recommendations and actions

    def _recommendations(self, meeting: Meeting,
                         pairs: list[tuple[ProposedItem, AgendaItem]]) -> None:
        stored = list(self.s.scalars(select(Recommendation).where(
            Recommendation.meeting_id == meeting.id)))
        for item, row in pairs:
            for rec in item.recommendations:
                if not self.accept(item, rec):
                    self.summary.recommendations_left_out += 1
                    continue
                if any(self._same_rec(r, row, rec) for r in stored):
                    self.summary.recommendations_existing += 1
                    continue
                new = Recommendation(
                    committee_id=self.committee.id, meeting_id=meeting.id,
                    agenda_item_id=row.id, item_title=row.title, label=rec.label,
                    text=rec.text, procedural=rec.procedural, position=len(stored),
                    sent_on=None if rec.procedural else meeting.date)
                self.s.add(new)
                stored.append(new)
                self.summary.recommendations_created += 1

    @staticmethod
    def _same_rec(stored: Recommendation, row: AgendaItem, rec: ProposedRecommendation) -> bool:
        if stored.agenda_item_id is not None:
            same_item = stored.agenda_item_id == row.id
        else:
            same_item = title_key(stored.item_title) == title_key(row.title)
        return same_item and stored.label == rec.label and _key(stored.text) == _key(rec.text)

    def _actions(self, meeting: Meeting, pairs: list[tuple[ProposedItem, AgendaItem]]) -> None:
        stored = list(self.s.scalars(select(Action).where(Action.meeting_id == meeting.id)))
        placed: list[tuple[AgendaItem | None, ProposedAction]] = [
            (row, action) for item, row in pairs for action in item.actions]
        # a closing "Actions agreed" table that names no minute: the meeting's, under no item
        placed += [(None, action) for action in getattr(self.proposal, "meeting_actions", ())]
        for row, action in placed:
            keys = _action_keys(action)
            if any(_key(a.text) in keys for a in stored):
                self.summary.actions_existing += 1
                continue
            new = Action(committee_id=self.committee.id, meeting_id=meeting.id,
                         agenda_item_id=row.id if row is not None else None,
                         item_title=row.title if row is not None else "", text=action.text,
                         owner=action.owner[:200], raised_on=meeting.date,
                         due_date=dt.date.fromisoformat(action.due) if action.due else None,
                         ref=_next_ref(self.s, self.committee.id, meeting),
                         position=len(stored))
            self.s.add(new)
            self.s.flush()
            stored.append(new)
            self.summary.actions_created += 1

    # -- attendance and the approval of earlier minutes

    def _attendance(self, meeting: Meeting) -> None:
        found = [Attendee(name=a.name, kind=a.kind, substitute_for=a.substitute_for,
                          role=a.role) for a in getattr(self.proposal, "attendance", ())]
        if not found:
            return
        stored = list(meeting.attendance)
        if stored:
            same = ({(name_key(r.name), r.kind) for r in stored}
                    == {(name_key(a.name), AttendanceKind(a.kind)) for a in found})
            if not same:
                self.summary.warnings.append(
                    f"kept the attendance already saved ({_people(len(stored))}); the minutes "
                    f"list {_people(len(found))}")
            return
        try:
            store_attendance(self.s, meeting, found)
        except ServiceError as exc:
            self.summary.warnings.append(f"attendance not saved: {exc}")
            return
        self.summary.attendance_saved = len(found)

    def _approvals(self, meeting: Meeting) -> None:
        for day in getattr(self.proposal, "approves_minutes_of", ()):
            earlier = self.s.scalars(select(Meeting).where(
                Meeting.committee_id == self.committee.id, Meeting.date == day)).first()
            if earlier is None:
                self.summary.approved_not_stored.append(day.isoformat())
                continue
            if earlier.minutes_approved_meeting_id == meeting.id:
                continue
            if earlier.minutes_approved_meeting_id is not None:
                self.summary.warnings.append(
                    f"the minutes of {format_uk(day)} are already recorded as approved on "
                    f"{format_uk(earlier.minutes_approved_on)}; kept")
                continue
            try:
                record_approval(earlier, meeting)
            except ServiceError as exc:
                self.summary.warnings.append(str(exc))
                continue
            self.summary.approved_minutes_of.append(day.isoformat())
