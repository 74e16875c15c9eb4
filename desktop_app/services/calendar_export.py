"""``export calendar``: a committee's (or every committee's) meetings and deadlines as an .ics
file for the officer's diary (issue 18).

Events, each with a UID made of its kind, the record's id and the database's identity
(``db_identity``), so importing a later export into Outlook updates the events rather than
adding them again:

- each meeting, at its time in Europe/London (two hours long: the papers give no end) or all
  day when it has no time, with its venue, the committee's name, the kind of meeting and the
  agenda; a cancelled meeting is STATUS:CANCELLED;
- its publication and public-questions deadlines (the meeting's own, as the Meetings tab shows
  them: worked out in clear working days, or as overridden), all day, free time; cancelled
  with the meeting;
- each recommendation's s.9FE executive-response date (``recommendations.response_due``: two
  months from sending, or as overridden), all day, while a response is awaited; once a
  response or a verdict is recorded the event is kept as cancelled ("response received"), so
  that Outlook's copy stops reminding;
- meetings and recommendations deleted from the tracker (known from the audit trail) stay as
  cancelled events for the same reason.

SEQUENCE is the record's version counter (it grows with every change), DTSTAMP and
LAST-MODIFIED the record's last change: the file does not depend on the day it is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.db.engine import Database
from desktop_app.db.models import AuditEntry, Committee, Meeting, Recommendation
from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingKind, MeetingStatus, Verdict
from desktop_app.services.db_identity import database_token
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_committee import UnknownCommittee, existing_committee
from desktop_app.services.recommendations import response_due

MEETING_HOURS = 2          # the length given to a timed meeting (agendas give no end time)
KINDS = ("meeting", "publication", "questions", "response-due")


@dataclasses.dataclass(frozen=True)
class CalendarExport:
    path: Path
    events: int
    committees: tuple[str, ...]
    cancelled: int

    def __int__(self) -> int:
        return self.events


def event_uid(kind: str, record_id: int, token: str) -> str:
    """"meeting-12-<database token>@scrutiny-tracker": stable for as long as the record is."""
    if kind not in KINDS:
        raise ValueError(f"unknown calendar event kind {kind!r}")
    return f"{kind}-{record_id}-{token}@scrutiny-tracker"


def _utc(local: dt.datetime | None) -> dt.datetime | None:
    """The app stores its timestamps as this computer's local time."""
    return local.astimezone(dt.UTC) if local is not None else None


def _committees(db: Database, committee: str | None) -> list[Committee]:
    if committee is not None:
        try:
            name = existing_committee(db, committee)
        except UnknownCommittee as exc:   # the import's hint about creating one is not ours
            raise ServiceError(str(exc).split(" (--create-committee")[0]) from None
    with db.reading() as s:
        q = select(Committee).order_by(Committee.name)
        if committee is not None:
            q = q.where(Committee.name == name)
        found = list(s.scalars(q))
        s.expunge_all()
    if not found:
        raise ServiceError("there are no committees yet: nothing to put in a calendar")
    return found


def calendar_events(db: Database, committee: str | None = None) -> list:
    """The events for ``committee`` (name or short name), or for every committee when None;
    sorted by date, then kind."""
    return _events(db, _committees(db, committee))


def _events(db: Database, chosen: list[Committee]) -> list:
    from desktop_app.exporters.ics_calendar import CalendarEvent
    token = database_token(db)
    ids = {c.id: c for c in chosen}
    events: list[CalendarEvent] = []
    with db.reading() as s:
        meetings = s.scalars(select(Meeting).where(Meeting.committee_id.in_(ids))
                             .options(selectinload(Meeting.items))).all()
        for m in meetings:
            events += _meeting_events(m, ids[m.committee_id], token)
        meeting_dates = {m.id: m.date for m in meetings}
        # a calendar is shared and synchronised: an exempt item's recommendation (Schedule
        # 12A) shows its response date, never its words
        exempt: dict[object, str] = {
            key: i.exempt_paragraph for m in meetings for i in m.items if i.exempt
            for key in (i.id, (m.id, " ".join(i.title.casefold().split())))}
        recs = s.scalars(select(Recommendation).where(
            Recommendation.committee_id.in_(ids), Recommendation.procedural.is_(False))).all()
        for r in recs:
            made = meeting_dates.get(r.meeting_id) if r.meeting_id is not None else None
            title_key = (r.meeting_id, " ".join((r.item_title or "").casefold().split()))
            held = exempt.get(r.agenda_item_id, exempt.get(title_key))
            event = _response_event(r, ids[r.committee_id], made, token, withheld=held)
            if event is not None:
                events.append(event)
        deleted = s.scalars(select(AuditEntry).where(
            AuditEntry.operation == "delete", AuditEntry.committee_id.in_(ids),
            AuditEntry.table_name.in_(("meetings", "recommendations")))).all()
        events += _deleted_events(deleted, ids, token)
    events.sort(key=_sort_key)
    return events


def _sort_key(e) -> tuple:
    day = e.start.date() if isinstance(e.start, dt.datetime) else e.start
    kind = next(n for n, k in enumerate(KINDS) if e.uid.startswith(k + "-"))
    return day, kind, e.uid


def export_calendar(db: Database, path: str | os.PathLike[str],
                    committee: str | None = None) -> CalendarExport:
    """Write the calendar of ``committee`` (or of every committee: None) to ``path``."""
    from desktop_app.exporters.atomic import cannot_write, check_folder
    from desktop_app.exporters.ics_calendar import write_calendar
    target = Path(path)
    if target.suffix.lower() != ".ics":
        raise ServiceError(f"{target.name}: a calendar file ends in .ics")
    try:        # before the database's identity is made for the UIDs: nothing saved in vain
        check_folder(target, "the calendar")
    except OSError as exc:
        raise ServiceError(str(exc)) from None
    chosen = _committees(db, committee)
    events = _events(db, chosen)
    if committee is not None:
        c = chosen[0]
        name = f"Scrutiny: {c.short_name or c.name}"
    else:
        name = "Scrutiny committees"
    try:
        write_calendar(target, events, name)
    except OSError as exc:
        raise ServiceError(str(cannot_write(target, exc, "the calendar"))) from None
    return CalendarExport(target, len(events), tuple(c.name for c in chosen),
                          sum(1 for e in events if e.cancelled))


# ------------------------------------------------------------------ the events

def _short(c: Committee) -> str:
    return c.short_name or c.name


def _meeting_title(c: Committee, kind: MeetingKind) -> str:
    if kind == MeetingKind.EXTRA:
        return f"{c.name}: extraordinary meeting"
    if kind == MeetingKind.IMPROVEMENT_FOCUS:
        return f"{c.name}: meeting (improvement focus)"
    return f"{c.name}: meeting"


def _meeting_events(m: Meeting, c: Committee, token: str) -> list:
    from desktop_app.exporters.ics_calendar import CalendarEvent
    cancelled = m.status == MeetingStatus.CANCELLED
    common: dict[str, Any] = dict(sequence=max(0, m.version - 1), modified=_utc(m.updated_at),
                  created=_utc(m.created_at), cancelled=cancelled, categories=(_short(c),))
    prefix = "Cancelled: " if cancelled else ""
    day = dates.format_uk(m.date, "full")
    lines = [f"Committee: {c.name}", f"Kind of meeting: {MeetingKind(m.kind).label}"]
    if m.venue:
        lines.append(f"Venue: {m.venue}")
    lines.append(f"Status: {MeetingStatus(m.status).label}")
    if m.items:
        lines.append("")
        lines.append("Agenda:")
        lines += [f"{i.number}. {i.title}" if i.number else i.title for i in m.items]
    if m.start_time is not None:
        start: dt.date | dt.datetime = dt.datetime.combine(m.date, m.start_time)
        end: dt.date | dt.datetime | None = start + dt.timedelta(hours=MEETING_HOURS)
    else:
        start, end = m.date, None
    publication = m.publication_deadline_override or dates.publication_deadline(m.date)
    questions = m.questions_deadline_override or dates.questions_deadline(m.date)
    return [
        CalendarEvent(uid=event_uid("meeting", m.id, token),
                      summary=prefix + _meeting_title(c, MeetingKind(m.kind)), start=start,
                      end=end, location=m.venue, description="\n".join(lines), **common),
        CalendarEvent(uid=event_uid("publication", m.id, token),
                      summary=f"{prefix}{_short(c)}: publish the agenda for {day}",
                      start=publication,
                      description=f"The agenda and reports for the {c.name} meeting on {day} "
                                  f"must be published by today ({PUBLICATION_RULE}).",
                      **common),
        CalendarEvent(uid=event_uid("questions", m.id, token),
                      summary=f"{prefix}{_short(c)}: public questions deadline for {day}",
                      start=questions,
                      description=f"Questions from the public for the {c.name} meeting on "
                                  f"{day} must be received by today ({QUESTIONS_RULE}).",
                      **common),
    ]


PUBLICATION_RULE = f"{dates.PUBLICATION_CLEAR_DAYS} clear working days before the meeting, " \
                   "unless set by hand"
QUESTIONS_RULE = f"{dates.QUESTIONS_CLEAR_DAYS} clear working days before the meeting, " \
                 "unless set by hand"


def _response_event(r: Recommendation, c: Committee, meeting: dt.date | None, token: str,
                    withheld: str | None = None):
    """``withheld``: the recommendation comes from an exempt item (its paragraph, or ""):
    its wording is replaced by the notice the public documents print."""
    from desktop_app.exporters.ics_calendar import CalendarEvent
    from desktop_app.reports.exemption import exempt_notice
    due = response_due(r)
    if due is None:
        return None
    answered = r.verdict != Verdict.AWAITING or bool(r.response.strip())
    name = r.label or f"recommendation {r.id}"
    text = " ".join(r.text.split()) if withheld is None else \
        f"{exempt_notice(withheld)} (the wording is in the exempt minutes)"
    short = text if len(text) <= 80 else text[:77].rstrip() + "\u2026"
    lines = [f"Committee: {c.name}"]
    if meeting:
        lines.append(f"Made at the meeting on {dates.format_uk(meeting)}")
    if r.sent_on:
        lines.append(f"Sent to the {r.addressee or 'executive'} on {dates.format_uk(r.sent_on)}")
    lines.append("The executive must respond within two months (Local Government Act 2000, "
                 "s.9FE).")
    if answered:
        received = f" on {dates.format_uk(r.response_on)}" if r.response_on else ""
        lines.append(f"Response received{received}.")
    lines += ["", text]
    summary = (f"{'Response received: ' if answered else ''}{_short(c)}: executive response "
               f"due for {name} \u2013 {short}")
    return CalendarEvent(uid=event_uid("response-due", r.id, token), summary=summary,
                         start=due, description="\n".join(lines), cancelled=answered,
                         sequence=max(0, r.version - 1), modified=_utc(r.updated_at),
                         created=_utc(r.created_at), categories=(_short(c),))


def _deleted_events(entries: Iterable[AuditEntry], committees: dict[int, Committee],
                    token: str) -> list:
    """Cancelled events for meetings and recommendations deleted from the tracker."""
    from desktop_app.exporters.ics_calendar import CalendarEvent
    out: list[CalendarEvent] = []
    for entry in entries:
        try:
            was = json.loads(entry.old or "{}")
        except ValueError:
            continue
        c = committees.get(entry.committee_id or 0)
        if c is None or not isinstance(was, dict):
            continue
        common: dict[str, Any] = dict(sequence=entry.row_version or 1, modified=_utc(entry.at), cancelled=True,
                      categories=(_short(c),))
        if entry.table_name == "meetings":
            try:
                day = dt.date.fromisoformat(str(was.get("date", ""))[:10])
            except ValueError:
                continue
            text = dates.format_uk(day, "full")
            for kind, summary in (("meeting", f"{c.name}: meeting"),
                                  ("publication", f"{_short(c)}: publish the agenda for {text}"),
                                  ("questions",
                                   f"{_short(c)}: public questions deadline for {text}")):
                out.append(CalendarEvent(
                    uid=event_uid(kind, entry.row_id, token),
                    summary=f"Cancelled: {summary}",
                    start=day if kind == "meeting" else _deadline(kind, day, was),
                    description=f"The {c.name} meeting on {text} was removed from the "
                                "tracker.", **common))
        else:
            try:
                sent = dt.date.fromisoformat(str(was.get("sent_on", ""))[:10])
            except ValueError:
                continue
            out.append(CalendarEvent(
                uid=event_uid("response-due", entry.row_id, token),
                summary=f"Cancelled: {_short(c)}: executive response due for "
                        f"{was.get('label') or 'recommendation ' + str(entry.row_id)}",
                start=dates.s9fe_response_due(sent),
                description="The recommendation was removed from the tracker.", **common))
    return out


def _deadline(kind: str, day: dt.date, was: dict) -> dt.date:
    """A deleted meeting's deadline: as it was set by hand, else worked out."""
    try:
        return dt.date.fromisoformat(str(was[f"{kind}_deadline_override"])[:10])
    except (KeyError, ValueError):
        return dates.publication_deadline(day) if kind == "publication" \
            else dates.questions_deadline(day)
