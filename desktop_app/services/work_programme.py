"""The work programme: items per meeting, 'to be scheduled', briefings, workshops, T&F groups;
moves between meetings with the reason kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.db.models import Committee, WorkItemMove, WorkProgrammeItem
from desktop_app.domain.enums import WorkFormat, WorkStatus
from desktop_app.domain.records import MoveRow, WorkItemRow
from desktop_app.services.common import (apply_fields, check_version, cleared, find_committee,
                                         find_meeting, get_row, today)
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_words import extra_of

EDITABLE = {"title", "format", "scrutiny_type", "origin", "lead_officers", "current_position",
            "target_text", "target_date", "status", "sort_order"}
STATUS_FILTERS = ("proposed", "scheduled", "delivered", "deferred", "dropped", "unscheduled",
                  "all")


_LOADED = object()


def work_row(w: WorkProgrammeItem, *, meeting_date: dt.date | None | object = _LOADED,
             moves: list[WorkItemMove] | None = None) -> WorkItemRow:
    """The item as a row; ``meeting_date`` and ``moves`` given for an item rebuilt as at a
    past date (services.as_at), else read from the item's relationships."""
    if meeting_date is _LOADED:
        meeting_date = w.meeting.date if w.meeting else None
    assert meeting_date is None or isinstance(meeting_date, dt.date)
    return WorkItemRow(
        id=w.id, version=w.version, committee_id=w.committee_id, title=w.title, format=w.format,
        scrutiny_type=w.scrutiny_type, origin=w.origin, lead=w.lead_officers,
        position=w.current_position, meeting_id=w.meeting_id,
        meeting_date=meeting_date, target=w.target_text,
        target_date=w.target_date, status=w.status, sort_order=w.sort_order,
        status_word=w.status_word, rag=w.rag, extra=extra_of(w.extra),
        moves=tuple(MoveRow(on=m.moved_on, from_date=m.from_date, to_date=m.to_date,
                            reason=m.reason, author=m.author)
                    for m in (w.moves if moves is None else moves)))


def sort_work_rows(rows: list[WorkItemRow]) -> list[WorkItemRow]:
    """As the programme lists them: by meeting (to be scheduled last), then the set order."""
    return sorted(rows, key=lambda r: (r.meeting_date is None, r.meeting_date or dt.date.max,
                                       r.sort_order))


def add_work_item(db: Database, committee: str, title: str,
                  format: str = WorkFormat.AGENDA_ITEM, meeting: dt.date | None = None,
                  scrutiny_type: str = "", origin: str = "", lead: str = "", position: str = "",
                  target: str = "",
                  target_date: dt.date | None = None, status: str | None = None) -> WorkItemRow:
    if not title.strip():
        raise ServiceError("a work programme item needs a title")
    fmt = WorkFormat.parse(format)
    with db.unit_of_work() as s:
        c = find_committee(s, committee)
        m = find_meeting(s, c, meeting) if meeting else None
        st = (WorkStatus.parse(status) if status
              else (WorkStatus.SCHEDULED if m else WorkStatus.PROPOSED))
        order = len(s.scalars(select(WorkProgrammeItem.id).where(
            WorkProgrammeItem.committee_id == c.id)).all())
        w = WorkProgrammeItem(committee_id=c.id, title=title.strip(), format=fmt,
                              meeting=m, scrutiny_type=scrutiny_type, origin=origin,
                              lead_officers=lead, current_position=position, target_text=target,
                              target_date=target_date, status=st, sort_order=order)
        s.add(w)
        s.flush()
        return work_row(w)


def update_work_item(db: Database, item_id: int, if_version: int | None = None,
                     clear: tuple[str, ...] = (), **fields) -> WorkItemRow:
    """Change fields; a value of None leaves the field alone, unless the field is named in
    ``clear`` (e.g. ``clear=("target_date",)`` empties it)."""
    if fields.get("format") is not None:
        fields["format"] = WorkFormat.parse(fields["format"])
    if fields.get("status") is not None:
        fields["status"] = WorkStatus.parse(fields["status"])
    fields = {k: v for k, v in fields.items() if v is not None}
    with db.unit_of_work() as s:
        w = get_row(s, WorkProgrammeItem, item_id, "work programme item")
        check_version(s, w, if_version, "work programme item")
        apply_fields(w, fields, EDITABLE)
        apply_fields(w, cleared(WorkProgrammeItem, clear), EDITABLE)
        s.flush()
        return work_row(w)


def move_work_item(db: Database, item_id: int, to_meeting: dt.date | None, reason: str = "",
                   if_version: int | None = None, on: dt.date | None = None,
                   author: str | None = None) -> WorkItemRow:
    """Move an item to another meeting (or back to 'to be scheduled'): the move, with its
    reason, is added to the item's history; its current position is the officer's and is kept.
    Moving to a later meeting (or off the programme) is a deferral."""
    with db.unit_of_work() as s:
        w = get_row(s, WorkProgrammeItem, item_id, "work programme item")
        check_version(s, w, if_version, "work programme item")
        committee = get_row(s, Committee, w.committee_id, "committee")
        target = find_meeting(s, committee, to_meeting) if to_meeting else None
        from_date = w.meeting.date if w.meeting else None
        if (target.id if target else None) == w.meeting_id:
            raise ServiceError("the item is already there")
        w.moves.append(WorkItemMove(moved_on=on or today(), from_date=from_date,
                                    to_date=target.date if target else None,
                                    reason=reason.strip(), author=author or audit.current_user()))
        w.meeting = target
        deferral = from_date is not None and (target is None or target.date > from_date)
        if target is None:
            w.status = WorkStatus.DEFERRED if deferral else WorkStatus.PROPOSED
        else:
            w.status = WorkStatus.SCHEDULED
        s.flush()
        return work_row(w)


def drop_work_item(db: Database, item_id: int, reason: str = "") -> WorkItemRow:
    with db.unit_of_work() as s:
        w = get_row(s, WorkProgrammeItem, item_id, "work programme item")
        w.status = WorkStatus.DROPPED
        if reason:
            w.current_position = reason
        s.flush()
        return work_row(w)


def list_work_programme(db: Database, committee: str, status: str | None = None) -> list[WorkItemRow]:
    if status not in (None, "", "all") and status not in STATUS_FILTERS:
        raise ServiceError(f"unknown status filter {status!r} (choose from "
                           f"{', '.join(STATUS_FILTERS)})")
    with db.reading() as s:
        c = find_committee(s, committee)
        items = s.scalars(select(WorkProgrammeItem).where(WorkProgrammeItem.committee_id == c.id)
                          .options(selectinload(WorkProgrammeItem.meeting),
                                   selectinload(WorkProgrammeItem.moves))).all()
        rows = sort_work_rows([work_row(w) for w in items])
    if status == "unscheduled":
        return [r for r in rows if r.meeting_date is None]
    if status not in (None, "", "all"):
        return [r for r in rows if r.status == status]
    return rows
