"""What one data row of each kind becomes: an action, a recommendation or a work programme item
(the fields ``ParsedRow`` carries), read with what the walk carries down (``xlsx_walk``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from desktop_app.domain.dates import impossible_date
from desktop_app.domain.enums import ActionStatus, ImplementationStatus, WorkFormat, WorkStatus
from desktop_app.importers import xlsx_values as V
from desktop_app.importers.grid import CellInfo
from desktop_app.importers.xlsx_colours import VERDICT_LEAD

if TYPE_CHECKING:
    from desktop_app.importers.xlsx_walk import SheetWalk


# Sections of a work programme whose items have no meeting.
OFF_MEETING = frozenset({"unscheduled", WorkFormat.WORKSHOP, WorkFormat.TASK_AND_FINISH,
                          WorkFormat.BRIEFING_NOTE, WorkFormat.ANNUAL_REPORT})


_OPEN, _COMPLETED = ActionStatus.OPEN, ActionStatus.COMPLETED  # (read once per row)
_LEAD_WORDS = re.compile(r"[.:;\n\u2013]| - ")  # where a verdict in bold ends


class RowError(ValueError):
    """Why a data row cannot be read."""


def build_action(walk: SheetWalk, row: dict[int, CellInfo], values: dict[str, Any]
                 ) -> dict[str, Any] | None:
    # (once per row of a large log: V.text and V.date_or_text taken inline for the common
    # cells, a str and a date, and the rest left to them)
    get = values.get
    text = get("text")
    text = "" if text is None else text.strip() if text.__class__ is str else V.text(text)
    if not text:
        return walk.nothing_or_error(values)
    meeting, blank, _ = walk.meeting_of(values)
    item, _cont = walk.item_of(values, blank)
    due = get("due_date")
    due_date, due_text = (due.date(), "") if isinstance(due, dt.datetime) else \
        V.date_or_text(due)
    owner = get("owner")
    both = get("owner_and_due")
    if both is not None:  # "By whom / by when": "Head of Finance – 31 March 2023"
        who, when = V.split_owner_due(both)
        if owner is None:
            owner = who
        if due is None:
            due_date, due_text = V.date_or_text(when)
    status, overdue, reported = _OPEN, False, False
    if walk.status_col is not None:
        info = row.get(walk.status_col)
        key = (None, None, None) if info is None else (info[0], info[0].__class__, info[2])
        found = walk.action_statuses.get(key)  # (the same few words on every row)
        if found is None:
            try:
                found = V.action_status(key[0], key[2], walk.reported_is_status)
            except ValueError:  # a word nobody knows: open, and counted in the summary
                found = ActionStatus.OPEN, False, False
            walk.action_statuses[key] = found
        status, overdue, reported = found
    if due_text and impossible_date(due_text):
        raise RowError(f"due date {due_text!r} is no such day (dates are read day first, "
                       "e.g. 28/02/2023)")
    reported_on = None
    if walk.reported_col is not None:
        value = get("reported_complete")
        if value is not None and not walk.reported_is_status and not reported:
            _s, _o, reported = V.action_status(value, None, True)
            if reported:
                status, overdue = ActionStatus.COMPLETED, False
        if reported:
            reported_on = V.date_or_text(value)[0]
    if walk.sheet_completed:
        status, overdue, reported = (ActionStatus.COMPLETED, False,
                                    reported or walk.sheet_reported)
    elif status is not _COMPLETED and walk.struck_done_row(row):
        status, overdue = _COMPLETED, False  # the action struck through: done
    done = get("completed_on")
    completed_on = V.date_or_text(done)[0] if done is not None else None
    if completed_on is not None and status is not _COMPLETED and (walk.dated_done or (
            row.get(walk.status_col or 0) or (None,))[0] is None):
        # a date in "Date completed" and no status saying otherwise (no status column, or an
        # empty status cell - a formula of today's date is not read): done that day
        status, overdue = _COMPLETED, False
    ref, directorate, progress = get("ref"), get("directorate"), get("progress")
    return {
        "ref": "" if ref is None else ref.strip() if ref.__class__ is str else V.ref_text(ref),
        "meeting_date": meeting,
        "item": item,
        "text": text,
        "owner": "" if owner is None else owner.strip() if owner.__class__ is str
        else V.text(owner),
        "directorate": "" if directorate is None else directorate.strip()
        if directorate.__class__ is str else V.text(directorate),
        "progress": "" if progress is None else progress.strip()
        if progress.__class__ is str else V.text(progress),
        "due_date": due_date,
        "due_text": due_text,
        "status": status,
        "reported_complete": reported,
        "reported_on": reported_on,
        "overdue_flag": overdue,
        "completed_on": completed_on if status == _COMPLETED else None,
    }

def build_recommendation(walk: SheetWalk, row: dict[int, CellInfo], values: dict[str, Any]
                         ) -> dict[str, Any] | None:
    text = V.text(values.get("text"))
    if not text:
        return walk.nothing_or_error(values)
    meeting, blank, _ = walk.meeting_of(values)
    item, continued = walk.item_of(values, blank)
    try:
        status = V.recommendation_status(values.get("status"),
                                         walk.fill(row, walk.status_col))
    except ValueError:  # a word nobody knows: open, and counted in the summary
        status = ImplementationStatus.OPEN
    if status is None:
        if continued and walk.status is not None:
            status, walk.carried_word = walk.status, walk.word
        else:
            status = ImplementationStatus.OPEN
    elif not continued:
        walk.status, walk.word = status, V.text(values.get("status"))
    sent_on, sent_text = V.date_or_text(values.get("sent_on"))
    if sent_text:
        raise RowError(f"sent on {sent_text!r} is not a date")
    response_on, response_text = V.date_or_text(values.get("response_on"))
    if response_text:
        raise RowError(f"response received {response_text!r} is not a date")
    verdict_cell = values.get("verdict")
    if not V.text(verdict_cell) and "response" in walk.col:
        # no verdict column (or nothing in it): a response starting with a verdict in bold
        # ("**Accepted.** The Cabinet will ...", a Word response) gives it, as written
        response_cell = row.get(walk.col["response"])
        if response_cell is not None and response_cell[1] & VERDICT_LEAD:
            verdict_cell = _LEAD_WORDS.split(V.text(response_cell[0]), 1)[0].strip()
    return {
        "meeting_date": meeting,
        "item": item,
        "label": V.ref_text(values.get("label")) or V.leading_label(text),
        "text": text,
        "addressee": V.text(values.get("addressee")),
        "response": V.text(values.get("response")),
        "verdict": V.verdict(verdict_cell),
        "verdict_word": V.text(verdict_cell),  # as written: "Agreed", "Accepted in part"
        "status": status,
        "sent_on": sent_on,
        "response_on": response_on,
    }

def build_work_item(walk: SheetWalk, row: dict[int, CellInfo], values: dict[str, Any]
                    ) -> dict[str, Any] | None:
    written = V.text(values.get("title"))
    if not written:
        return walk.nothing_or_error(values)
    title, scrutiny_type = V.split_title(written)
    column_type = V.text(values.get("scrutiny_type"))
    if column_type:
        title, scrutiny_type = written, column_type
    # the meeting first: a new meeting ends an "Information reports" banner above it
    meeting, _blank, fuzzy = walk.meeting_of(values)
    fmt = V.work_format(values.get("format"))
    if fmt is None and walk.banner_format is not None:
        fmt = walk.banner_format
    if fmt is None:
        fmt = WorkFormat(walk.section) if walk.section in OFF_MEETING and \
            walk.section != "unscheduled" else WorkFormat.AGENDA_ITEM
    target_date, target = V.date_or_text(values.get("target"))
    if target and impossible_date(target):
        raise RowError(f"target date {target!r} is no such day (dates are read day first, "
                       "e.g. 28/02/2023)")
    if fuzzy and not target and target_date is None:
        target = fuzzy
    position = V.text(values.get("position"))
    try:
        written = V.work_status(values.get("status"))
    except ValueError:  # a word nobody knows: as if unsaid, and counted in the summary
        written = None
    status = written or \
        V.work_status_in_position(position) or \
        (WorkStatus.SCHEDULED if meeting else WorkStatus.PROPOSED)
    return {
        "title": title,
        "format": fmt,
        "scrutiny_type": scrutiny_type,
        "origin": V.text(values.get("origin")),
        "lead": V.text(values.get("lead")),
        "position": position,
        "meeting_date": meeting,
        "target": target,
        "target_date": target_date,
        "status": status,
        # "Deferred from 12 September 2023: ..." in the comments: the item's move, kept
        "moves": [{"from_date": moved, "to_date": meeting, "reason": position}]
        if (moved := V.moved_from(position)) is not None and moved != meeting else [],
    }

