"""The example committee: the Children and Young People Scrutiny Committee as its real papers
show it (desktop_app/resources/demo/cyp_committee.json, transcribed from the seed documents)."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import delete, func, select

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.db.models import (Action, AgendaItem, Committee, Meeting, Member, Membership,
                                   Recommendation, WorkItemMove, WorkProgrammeItem)
from desktop_app.domain import dates
from desktop_app.domain.enums import (ActionStatus, ImplementationStatus, MeetingKind,
                                      MeetingStatus, MemberRole, Verdict, WorkFormat, WorkStatus)
from desktop_app.resources import resource

DEMO_FILE = ("demo", "cyp_committee.json")


def demo_data() -> dict:
    return json.loads(resource(*DEMO_FILE).read_text(encoding="utf-8"))


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _t(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def load_demo(db: Database, reset: bool = False) -> str:
    data = demo_data()
    info = data["committee"]
    with db.unit_of_work() as s:
        audit.mark_imported(s)  # transcribed from the papers: as at their dates, not today's
        existing = s.scalars(select(Committee).where(
            func.lower(Committee.name) == info["name"].lower())).first()
        if existing is not None and not reset:
            return f"{info['name']} is already loaded (use --reset to load it afresh)"
        if existing is not None:
            s.execute(delete(Committee).where(Committee.id == existing.id))
            s.expunge_all()
        c = Committee(name=info["name"], short_name=info.get("short_name", ""),
                      council=info.get("council", ""), contact=info.get("contact", ""))
        s.add(c)
        s.flush()
        for n, m in enumerate(data.get("members", [])):
            member = s.scalars(select(Member).where(Member.name == m["name"])).first()
            if member is None:
                member = Member(name=m["name"], title=m.get("title", ""))
                s.add(member)
            s.add(Membership(committee_id=c.id, member=member, role=MemberRole(m.get("role", MemberRole.COUNCILLOR)),
                             voting=m.get("voting", True), position=n))
        meetings: dict[dt.date, Meeting] = {}

        def meeting(day: dt.date) -> Meeting:
            if day not in meetings:
                meetings[day] = Meeting(committee_id=c.id, date=day, status=MeetingStatus.HELD)
                s.add(meetings[day])
            return meetings[day]

        for m in data.get("meetings", []):
            row = meeting(_day(m["date"]))
            row.start_time, row.venue = _t(m.get("time")), m.get("venue", "")
            row.kind = MeetingKind(m.get("kind", MeetingKind.MAINSTREAM))
            row.status = MeetingStatus(m.get("status", MeetingStatus.HELD))
            row.minute_start = m.get("minute_start")
            pub, q = _d(m.get("publication_deadline")), _d(m.get("questions_deadline"))
            # Keep the seed's own deadline only where it differs from the rule.
            row.publication_deadline_override = pub if pub and pub != dates.publication_deadline(row.date) else None
            row.questions_deadline_override = q if q and q != dates.questions_deadline(row.date) else None
            for pos, it in enumerate(m.get("items", [])):
                row.items.append(AgendaItem(
                    number=str(it["number"]), position=pos, title=it["title"],
                    purpose=it.get("purpose", ""), lead_officers=it.get("lead_officers", ""),
                    scrutiny_type=it.get("scrutiny_type", ""), exempt=it.get("exempt", False),
                    exempt_paragraph=it.get("exempt_paragraph", ""),
                    minutes_text=it.get("minutes_text", ""),
                    resolutions=it.get("resolutions", "")))
        s.flush()
        held = sorted(d for d, m in meetings.items() if m.status == MeetingStatus.HELD)
        last_held = held[-1] if held else None
        upcoming = sorted(d for d, m in meetings.items() if m.status == MeetingStatus.SCHEDULED)
        marked_on = (dates.publication_deadline(upcoming[0]) if upcoming
                     else (last_held + dt.timedelta(days=1) if last_held else None))

        for pos, a in enumerate(data.get("actions", [])):
            m = meeting(_day(a["meeting_date"])) if a.get("meeting_date") else None
            s.flush()
            status = ActionStatus(a.get("status", ActionStatus.OPEN))
            due = _d(a.get("due_date"))
            row = Action(committee_id=c.id, ref=str(a.get("ref", "")),
                         meeting_id=m.id if m else None, item_title=a.get("item", ""),
                         text=a["text"], owner=a.get("owner", ""),
                         directorate=a.get("directorate", ""), progress=a.get("progress", ""),
                         due_date=due, due_text=a.get("due_text", ""), status=status,
                         completed_on=(marked_on if status == ActionStatus.COMPLETED else None),
                         reported_complete_on=_d(a.get("reported_complete_on")),
                         raised_on=m.date if m else None, position=pos)
            if a.get("marker") == "updated":
                row.updated_on = marked_on
            s.add(row)
        for pos, r in enumerate(data.get("recommendations", [])):
            m = meeting(_day(r["meeting_date"]))
            s.flush()
            s.add(Recommendation(
                committee_id=c.id, meeting_id=m.id, item_title=r.get("item", ""),
                label=r.get("label", ""), text=r["text"], response=r.get("response", ""),
                verdict=Verdict(r.get("verdict", Verdict.AWAITING)),
                status=ImplementationStatus(r.get("status", ImplementationStatus.OPEN)),
                sent_on=m.date, position=pos))
        for pos, w in enumerate(data.get("work_programme", [])):
            m = meeting(_day(w["meeting_date"])) if w.get("meeting_date") else None
            item = WorkProgrammeItem(
                committee_id=c.id, title=w["title"], format=WorkFormat(w.get("format", WorkFormat.AGENDA_ITEM)),
                scrutiny_type=w.get("scrutiny_type", ""), origin=w.get("origin", ""),
                lead_officers=w.get("lead", ""), current_position=w.get("position", ""),
                meeting=m, target_text=w.get("target", ""), target_date=_d(w.get("target_date")),
                status=WorkStatus(w.get("status", WorkStatus.PROPOSED)), sort_order=pos)
            for mv in w.get("moves", []):
                item.moves.append(WorkItemMove(moved_on=_d(mv.get("on")) or _d(mv.get("from_date")) or dt.date.today(),
                                               from_date=_d(mv.get("from_date")),
                                               to_date=_d(mv.get("to_date")),
                                               reason=mv.get("reason", ""), author="demo"))
            s.add(item)
        s.flush()
        counts = (len(meetings), len(data.get("actions", [])), len(data.get("recommendations", [])),
                  len(data.get("work_programme", [])))
    return (f"loaded {info['name']}: {counts[0]} meetings, {counts[1]} actions, "
            f"{counts[2]} recommendations, {counts[3]} work programme items")
