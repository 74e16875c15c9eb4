"""The action log: add, update, progress notes, complete, report complete, list with derived flags."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.db.models import Action, Committee, Meeting, ProgressUpdate
from desktop_app.domain.names import clean_name, name_problem
from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.records import ActionRow
from desktop_app.services.common import (UNSET, Unset, apply_fields, check_version, cleared,
                                         find_committee, find_meeting, get_row,
                                         last_held_meeting, today)
from desktop_app.services.errors import ServiceError
from desktop_app.services.tracker_rows import ACTION_FILTERS as STATUS_FILTERS
from desktop_app.services.tracker_rows import ActionColumns as _Columns
from desktop_app.services.tracker_rows import action_matches as matches
from desktop_app.services.tracker_list import list_rows
from desktop_app.services.tracker_rows import action_row

EDITABLE = {"ref", "text", "owner", "directorate", "progress", "due_date", "due_text", "status",
            "completed_on", "item_title", "meeting_id"}


def add_action(db: Database, committee: str, meeting: dt.date | None, text: str, owner: str = "",
               directorate: str = "", due: dt.date | None = None, ref: str = "",
               progress: str = "", item: str = "", due_text: str = "") -> ActionRow:
    if not text.strip():
        raise ServiceError("an action needs its text")
    _check_people(owner=owner, directorate=directorate)
    with db.unit_of_work() as s:
        c = find_committee(s, committee)
        m = find_meeting(s, c, meeting) if meeting else None
        a = Action(committee_id=c.id, meeting_id=m.id if m else None, text=text.strip(),
                   owner=owner, directorate=directorate, due_date=due, due_text=due_text,
                   ref=str(ref), progress=progress, item_title=item,
                   raised_on=m.date if m else today())
        if not a.ref:
            a.ref = _next_ref(s, c.id, m)
        s.add(a)
        s.flush()
        held = last_held_meeting(s, c.id)
        return action_row(a, m.date if m else None, c.name, held.date if held else None, today())


def _check_people(**names: str | None) -> None:
    """A typed owner or directorate is one line of text (it heads the owner's chase email)."""
    for field, value in names.items():
        problem = name_problem(value or "")
        if problem:
            raise ServiceError(f"the {field} {clean_name(value or '')!r} {problem}")


def _next_ref(s, committee_id: int, meeting: Meeting | None) -> str:
    """Next number in this municipal year's sequence (numbering restarts each year)."""
    refs = s.scalars(select(Action.ref).where(Action.committee_id == committee_id)).all()
    numbers = [int(r) for r in refs if r.isdigit()]
    return str(max(numbers, default=0) + 1)


def update_action(db: Database, action_id: int, if_version: int | None = None,
                  author: str | None = None, on: dt.date | None = None,
                  clear: tuple[str, ...] = (), updated_on: dt.date | None | Unset = UNSET,
                  **fields) -> ActionRow:
    """Change fields of an action. A new ``progress`` text also becomes a dated update.
    None leaves a field alone unless it is named in ``clear`` (text becomes "", a date or the
    meeting None). ``updated_on``: the day of its last change to keep (an undo gives the one
    it had before, so an undone edit leaves no UPDATED flag behind)."""
    fields = checked_fields(fields)
    with db.unit_of_work() as s:
        a = get_row(s, Action, action_id, "action")
        check_version(s, a, if_version, "action")
        apply_update(s, a, fields, on or today(), author, clear, updated_on)
        s.flush()
        return _reload(s, a)


def checked_fields(fields: dict) -> dict:
    """The fields given (None: left alone), the status parsed, the people's names checked."""
    if "status" in fields and fields["status"] is not None:
        fields["status"] = ActionStatus.parse(fields["status"])
    fields = {k: v for k, v in fields.items() if v is not None}
    _check_people(**{k: fields[k] for k in ("owner", "directorate") if k in fields})
    return fields


def apply_update(s, a: Action, fields: dict, when: dt.date, author: str | None = None,
                 clear: tuple[str, ...] = (), updated_on: dt.date | None | Unset = UNSET) -> None:
    """``update_action`` on a loaded action, in the caller's unit of work."""
    old_progress = a.progress
    if fields.get("status") == ActionStatus.COMPLETED and a.status != ActionStatus.COMPLETED:
        fields.setdefault("completed_on", when)
    if fields.get("status") == ActionStatus.OPEN:
        fields.setdefault("completed_on", None)
        a.completed_on = None
    apply_fields(a, fields, EDITABLE)
    apply_fields(a, cleared(Action, clear), EDITABLE)
    if "progress" in fields and fields["progress"] != old_progress:
        a.updates.append(ProgressUpdate(on=when, text=fields["progress"],
                                        author=author or audit.current_user()))
        a.updated_on = when
    elif s.is_modified(a):
        a.updated_on = when
    if not isinstance(updated_on, Unset):
        a.updated_on = updated_on


def add_progress_update(db: Database, action_id: int, text: str, on: dt.date | None = None,
                        author: str | None = None, if_version: int | None = None) -> ActionRow:
    return update_action(db, action_id, if_version=if_version, author=author, on=on,
                         progress=text)


def complete_action(db: Database, action_id: int, on: dt.date | None = None,
                    if_version: int | None = None) -> ActionRow:
    return update_action(db, action_id, if_version=if_version, status=ActionStatus.COMPLETED,
                         completed_on=on or today())


def report_complete(db: Database, action_id: int, meeting_id: int,
                    if_version: int | None = None) -> ActionRow:
    with db.unit_of_work() as s:
        a = get_row(s, Action, action_id, "action")
        check_version(s, a, if_version, "action")
        m = get_row(s, Meeting, meeting_id, "meeting")
        if a.status != ActionStatus.COMPLETED:
            a.status, a.completed_on = ActionStatus.COMPLETED, a.completed_on or m.date
        a.reported_complete_meeting_id, a.reported_complete_on = m.id, m.date
        s.flush()
        return _reload(s, a)


def delete_action(db: Database, action_id: int, if_version: int | None = None) -> None:
    with db.unit_of_work() as s:
        a = get_row(s, Action, action_id, "action")
        check_version(s, a, if_version, "action")
        s.delete(a)


def reload_row(s, a: Action) -> ActionRow:
    """The row of an action loaded in session ``s``, with its updates."""
    return _reload(s, a)


def _reload(s, a: Action) -> ActionRow:
    held = last_held_meeting(s, a.committee_id)
    m = s.get(Meeting, a.meeting_id) if a.meeting_id else None
    c = s.get(Committee, a.committee_id)
    return action_row(a, m.date if m else None, c.name, held.date if held else None, today(),
                      with_updates=True)


def get_action(db: Database, action_id: int) -> ActionRow:
    with db.reading() as s:
        return _reload(s, get_row(s, Action, action_id, "action"))


def list_actions(db: Database, committee: str | None = None, status: str | None = None,
                 with_updates: bool = False, now: dt.date | None = None,
                 meeting_id: int | None = None) -> list[ActionRow]:
    """Actions of one committee (or all), oldest meeting first, with the derived flags.
    ``meeting_id``: only the actions that came from that meeting."""
    if status not in (None, "", "all") and status not in STATUS_FILTERS:
        matches(None, status)  # type: ignore[arg-type]  # raises the one-line error
    return list_rows(db, Action, _Columns, action_row, matches, committee=committee,
                     status=status, with_updates=with_updates, now=now, meeting_id=meeting_id)
