"""The rows the action log and the recommendation schedule list, built from a record's columns
with the derived facts (overdue, new or updated since the last meeting, the s.9FE response date):
one builder each, used by the ORM services (services/actions.py, recommendations.py, as_at.py)
and by the quick read through sqlite3 (services/quick_read.py), so both give the same rows. No
SQLAlchemy here: a record is an ORM object or the plain column tuple below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop_app.domain.dates import s9fe_response_due
from desktop_app.domain.enums import ActionStatus, ImplementationStatus, Verdict
from desktop_app.domain.records import (ActionRow, ActionRowDraft, RecommendationRow, UpdateRow,
                                        made)
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_words import extra_of

if TYPE_CHECKING:
    from desktop_app.db.models import Action, Recommendation

_CHECKED: set[type] = set()


def _row(cls: type, values: dict):
    """``made(cls, values)``: the first row of each class checked field by field there; the
    later ones, whose dicts are written with the very same keys below (dict displays: quicker
    than ``dict(**kwargs)``), made without the check and with ``values`` as their own
    ``__dict__`` (10,000 action rows: about 30 ms less than ``made(cls, dict(...))``)."""
    if cls not in _CHECKED:
        row = made(cls, values)
        _CHECKED.add(cls)
        return row
    row = object.__new__(cls)
    object.__setattr__(row, "__dict__", values)   # the dict made for it: no copy
    return row


ACTION_FILTERS = ("open", "overdue", "completed", "reported-complete", "not-reported", "all")
REC_FILTERS = ("open", "in-progress", "completed", "awaiting-response", "overdue", "all")


# -- actions ------------------------------------------------------------------------------------

class ActionColumns(NamedTuple):
    """What action_row reads of an Action, and its meeting's date. Listed, actions load as these
    plain column tuples (about 1.5x faster than building ORM objects) when the progress updates
    are not wanted."""

    id: int
    version: int
    committee_id: int
    ref: str
    meeting_id: int | None
    item_title: str
    text: str
    owner: str
    directorate: str
    progress: str
    due_date: dt.date | None
    due_text: str
    status: ActionStatus
    completed_on: dt.date | None
    reported_complete_on: dt.date | None
    raised_on: dt.date | None
    updated_on: dt.date | None
    status_word: str
    rag: str
    extra: str
    position: int           # read for the order only (the quick read sorts: see quick_read)
    meeting_date: dt.date | None


def _updates(a: Action) -> tuple[UpdateRow, ...]:
    return tuple(UpdateRow(id=u.id, on=u.on, text=u.text, author=u.author) for u in a.updates)


class Same(dict):
    """A mapping that gives every value back as it is (values the ORM has read already)."""

    def __missing__(self, value: Any) -> Any:
        return value


SAME: Mapping[Any, Any] = Same()


def action_rows(records: Iterable[Sequence[Any]], committees: Mapping[int, tuple[str, dt.date | None]],
                now: dt.date, *, dates: Mapping[Any, dt.date | None] = SAME,
                statuses: Mapping[Any, ActionStatus] = SAME,
                days: Mapping[Any, dt.date | None] | None = None) -> list[ActionRow]:
    """The rows of ``records`` (each the values of an ``ActionColumns``, in its order): the one
    place the derived facts are worked out (overdue, new or updated since the last meeting).
    ``committees``: each committee's (name, last held meeting's date). ``dates`` and
    ``statuses`` give each stored value as the ORM reads it (the quick read: its remembered
    conversions, which raise ValueError for a value the ORM would not read either; the ORM's
    own values: as they are); ``days`` the meeting's date from the last value (default
    ``dates``; the quick read gives the meeting's id there, and each meeting's date by id).
    One loop, with no call per row but the row's own making (an ``ActionRowDraft`` become
    the row): 10,007 actions in about 55 ms less than a row made by a function per record
    with a dict of its own."""
    out: list[ActionRow] = []
    append = out.append
    open_ = ActionStatus.OPEN
    cid_seen, name, held = None, "", None
    days = dates if days is None else days
    for (id_, version, cid, ref, meeting_id, item, text, owner, directorate, progress, due,
         due_text, status, completed, reported, raised, updated, word, rag, extra, _position,
         day) in records:
        if cid != cid_seen:
            name, held = committees[cid]
            cid_seen = cid
        due, day, updated, status = dates[due], days[day], dates[updated], statuses[status]
        raised = dates[raised] or day
        new = bool(held and raised and raised >= held)
        row = ActionRowDraft(
            id_, version, cid, name, ref, meeting_id, day, item, text, owner, directorate,
            progress, due, due_text, status, dates[completed],
            status == open_ and due is not None and due < now,   # overdue
            dates[reported], new,
            bool(held and not new and updated and updated > held),   # updated since
            (), word, rag, extra_of(extra) if extra else {}, updated)
        row.__class__ = ActionRow   # type: ignore[assignment]  # the draft becomes the row
        append(row)  # type: ignore[arg-type]
    if out and ActionRow not in _CHECKED:   # the first one checked field by field (made)
        made(ActionRow, out[0].__dict__)
        _CHECKED.add(ActionRow)
    return out


def action_row(a: Action | ActionColumns, meeting_date: dt.date | None, committee: str,
               last_held: dt.date | None, now: dt.date, with_updates: bool = False) -> ActionRow:
    """One action's row (``action_rows`` for one record the ORM has read)."""
    row = action_rows([(a.id, a.version, a.committee_id, a.ref, a.meeting_id, a.item_title,
                        a.text, a.owner, a.directorate, a.progress, a.due_date, a.due_text,
                        a.status, a.completed_on, a.reported_complete_on, a.raised_on,
                        a.updated_on, a.status_word, a.rag, a.extra, a.position,
                        meeting_date)],
                      {a.committee_id: (committee, last_held)}, now)[0]
    if with_updates and not isinstance(a, tuple):
        row.__dict__["updates"] = _updates(a)   # made just now: nobody else holds it yet
    return row


def action_matches(row: ActionRow, status: str | None) -> bool:
    if status in (None, "", "all"):
        return True
    if status == "open":
        return row.status == ActionStatus.OPEN
    if status == "overdue":
        return row.overdue
    if status == "completed":
        return row.status == ActionStatus.COMPLETED
    if status == "reported-complete":
        return row.reported_complete_on is not None
    if status == "not-reported":
        return row.reported_complete_on is None
    raise ServiceError(f"unknown status filter {status!r} (choose from {', '.join(ACTION_FILTERS)})")


# -- recommendations ----------------------------------------------------------------------------

class RecColumns(NamedTuple):
    """What rec_row reads of a Recommendation, and its meeting's date. Listed, recommendations
    load as these plain column tuples (about 1.5x faster than building ORM objects) when the
    progress updates are not wanted."""

    id: int
    version: int
    committee_id: int
    meeting_id: int | None
    item_title: str
    label: str
    text: str
    addressee: str
    sent_on: dt.date | None
    response: str
    verdict: Verdict
    response_on: dt.date | None
    response_due_override: dt.date | None
    status: ImplementationStatus
    updated_on: dt.date | None
    status_word: str
    rag: str
    extra: str
    verdict_word: str
    position: int           # read for the order only (the quick read sorts: see quick_read)
    meeting_date: dt.date | None


def response_due(r: Recommendation | RecColumns) -> dt.date | None:
    if r.response_due_override:
        return r.response_due_override
    return s9fe_response_due(r.sent_on) if r.sent_on else None


def rec_row(r: Recommendation | RecColumns, meeting_date: dt.date | None, committee: str,
            last_held: dt.date | None, now: dt.date, with_updates: bool = False) -> RecommendationRow:
    due = response_due(r)
    awaiting = r.verdict == Verdict.AWAITING and not r.response.strip()
    new = bool(last_held and meeting_date and meeting_date >= last_held)
    updated = bool(last_held and not new and r.updated_on and r.updated_on > last_held)
    return _row(RecommendationRow, {
        "id": r.id, "version": r.version, "committee_id": r.committee_id,
        "committee": committee, "meeting_id": r.meeting_id, "meeting_date": meeting_date,
        "item": r.item_title, "label": r.label, "text": r.text, "addressee": r.addressee,
        "sent_on": r.sent_on, "response": r.response, "verdict": r.verdict,
        "response_due": due, "response_on": r.response_on,
        "response_overdue": bool(awaiting and due is not None and due < now),
        "status": r.status, "new_since_last_meeting": new,
        "updated_since_last_meeting": updated, "status_word": r.status_word, "rag": r.rag,
        "extra": extra_of(r.extra), "responded": not awaiting, "updated_on": r.updated_on,
        "verdict_word": r.verdict_word or "",
        "updates": tuple(UpdateRow(id=u.id, on=u.on, text=u.text, author=u.author)
                         for u in r.updates) if with_updates and not isinstance(r, tuple)
        else ()})


def rec_matches(row: RecommendationRow, status: str | None) -> bool:
    if status in (None, "", "all"):
        return True
    if status == "awaiting-response":
        return row.verdict == Verdict.AWAITING and not row.response.strip()
    if status == "overdue":
        return row.response_overdue
    if status in ("open", "in-progress", "completed"):
        return row.status == ImplementationStatus(status.replace("-", "_"))
    raise ServiceError(f"unknown status filter {status!r} (choose from {', '.join(REC_FILTERS)})")
