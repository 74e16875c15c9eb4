"""Plain read-only rows handed from services to the CLI, reports and the window.

They carry the derived facts (overdue, new/updated since the last meeting, deadlines) so that
every consumer shows the same answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, TypeVar

from desktop_app.domain.enums import (ActionStatus, ImplementationStatus, MeetingKind,
                                      MeetingStatus, MemberRole, Verdict, WorkFormat, WorkStatus)
from desktop_app.domain.print_options import DEFAULT_OPTIONS, DocumentOptions
# the frozen record classes' machinery (re-exported: ui/ and domain/ import them from here)
from desktop_app.domain.record_class import _Record, record  # noqa: F401


_R = TypeVar("_R")


INTERNAL = {"internal": True}   # a field as_dict leaves out
_FIELD_NAMES: dict[type, frozenset[str]] = {}


def made(cls: type[_R], values: dict[str, Any]) -> _R:
    """``cls(**values)`` for a frozen record class without ``__post_init__``, with every field
    given: the same object, made without the generated ``__init__``'s one
    ``object.__setattr__`` per field (10,000 action rows of 26 fields: ~60 ms -> ~10 ms; the
    Tracker, the Overview and the CLI listings build that many). Missing or unknown fields are
    a TypeError, as they are for ``cls(**values)``."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    if values.keys() != names:
        cls(**values)    # raises the TypeError naming the field
        raise TypeError(f"{cls.__name__}: give every field")
    row = object.__new__(cls)
    row.__dict__.update(values)
    return row


@record
class CommitteeRow(_Record):
    """A committee, with the officer's saved print choices."""

    id: int
    name: str
    short_name: str
    council: str
    contact: str = ""
    # the officer's saved print choices for the table documents (order, dates, text size)
    print_options: DocumentOptions = DEFAULT_OPTIONS


@record
class MemberRow(_Record):
    """A member of a committee and their role."""

    id: int
    name: str
    role: MemberRole
    voting: bool


@record
class AttachmentRow(_Record):
    """A report attached to an agenda item."""

    id: int
    path: str           # where the file was attached from
    title: str
    pages: int = 0      # of the stored copy; 0 for a file attached before copies were kept
    stored: bool = False
    # the stored, sanitised copy, filled in only for building a pack (never in listings)
    data: bytes | None = dataclasses.field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in super().as_dict().items() if k != "data"}


@record
class AgendaItemRow(_Record):
    """An item on a meeting's agenda, with its minutes text and attachments."""

    id: int
    meeting_id: int
    number: str
    title: str
    purpose: str
    scrutiny_type: str
    lead_officers: str
    exempt: bool
    exempt_paragraph: str
    minutes_text: str
    incomplete: bool
    attachments: tuple[AttachmentRow, ...] = ()
    version: int = 1


@record
class MeetingRow(_Record):
    """A meeting, its publication and questions deadlines and its agenda items."""

    id: int
    committee_id: int
    date: dt.date
    time: dt.time | None
    venue: str
    kind: MeetingKind
    status: MeetingStatus
    publication_deadline: dt.date
    questions_deadline: dt.date
    minute_start: int | None
    items: tuple[AgendaItemRow, ...] = ()
    version: int = 1


@record
class UpdateRow(_Record):
    """A dated progress update of an action or recommendation."""

    id: int
    on: dt.date
    text: str
    author: str


@record
class ActionRow(_Record):
    """An action from a meeting, with what the window and reports derive from it."""

    id: int
    version: int
    committee_id: int
    committee: str
    ref: str
    meeting_id: int | None
    meeting_date: dt.date | None
    item: str
    text: str
    owner: str
    directorate: str
    progress: str
    due_date: dt.date | None
    due_text: str
    status: ActionStatus
    completed_on: dt.date | None
    overdue: bool
    reported_complete_on: dt.date | None
    new_since_last_meeting: bool
    updated_since_last_meeting: bool
    updates: tuple[UpdateRow, ...] = ()
    # issue 13: the officer's own words (the status word, the RAG colour, the columns no field
    # takes: header -> text)
    status_word: str = ""
    rag: str = ""
    extra: dict[str, str] = dataclasses.field(default_factory=dict, hash=False, compare=True)
    # the day it was last changed: an undo puts it back (and with it the UPDATED flag); not
    # in the JSON listings (the flag is)
    updated_on: dt.date | None = dataclasses.field(default=None, metadata=INTERNAL)


class ActionRowDraft:
    """An ActionRow's fields, in its order, kept by a plain ``__init__`` (attribute stores the
    interpreter makes quick, in a dict whose keys all drafts share); the draft then becomes the
    row: ``draft.__class__ = ActionRow`` (the same fields, frozen from then on; the interpreter
    keeps its dict). 10,007 rows: ~20 ms quicker than a dict made for each (``made``), and
    about a third of the memory. tests/unit/test_tracker_rows_fast.py holds the fields equal."""

    def __init__(self, id: int,
                 version: int,
                 committee_id: int,
                 committee: str,
                 ref: str,
                 meeting_id: int | None,
                 meeting_date: dt.date | None,
                 item: str,
                 text: str,
                 owner: str,
                 directorate: str,
                 progress: str,
                 due_date: dt.date | None,
                 due_text: str,
                 status: ActionStatus,
                 completed_on: dt.date | None,
                 overdue: bool,
                 reported_complete_on: dt.date | None,
                 new_since_last_meeting: bool,
                 updated_since_last_meeting: bool,
                 updates: tuple[UpdateRow, ...],
                 status_word: str,
                 rag: str,
                 extra: dict[str, str],
                 updated_on: dt.date | None) -> None:
        self.id = id
        self.version = version
        self.committee_id = committee_id
        self.committee = committee
        self.ref = ref
        self.meeting_id = meeting_id
        self.meeting_date = meeting_date
        self.item = item
        self.text = text
        self.owner = owner
        self.directorate = directorate
        self.progress = progress
        self.due_date = due_date
        self.due_text = due_text
        self.status = status
        self.completed_on = completed_on
        self.overdue = overdue
        self.reported_complete_on = reported_complete_on
        self.new_since_last_meeting = new_since_last_meeting
        self.updated_since_last_meeting = updated_since_last_meeting
        self.updates = updates
        self.status_word = status_word
        self.rag = rag
        self.extra = extra
        self.updated_on = updated_on


@record
class RecommendationRow(_Record):
    """A recommendation, its executive response and what is derived from them."""

    id: int
    version: int
    committee_id: int
    committee: str
    meeting_id: int | None
    meeting_date: dt.date | None
    item: str
    label: str
    text: str
    addressee: str
    sent_on: dt.date | None
    response: str
    verdict: Verdict
    response_due: dt.date | None
    response_overdue: bool
    status: ImplementationStatus
    new_since_last_meeting: bool
    updated_since_last_meeting: bool
    updates: tuple[UpdateRow, ...] = ()
    response_on: dt.date | None = None
    # issue 13: the officer's own words (the status word, the RAG colour, the columns no field
    # takes: header -> text)
    status_word: str = ""
    rag: str = ""
    extra: dict[str, str] = dataclasses.field(default_factory=dict, hash=False, compare=True)
    responded: bool = False  # a written response or a recorded verdict (not awaiting)
    verdict_word: str = ""   # the verdict as the officer's file wrote it ("Agreed in part")
    # the day it was last changed (an undo puts it back); not in the JSON listings
    updated_on: dt.date | None = dataclasses.field(default=None, metadata=INTERNAL)


@record
class MoveRow(_Record):
    """A move of a work item from one meeting date to another."""

    on: dt.date
    from_date: dt.date | None
    to_date: dt.date | None
    reason: str
    author: str


@record
class WorkItemRow(_Record):
    """An item of the work programme."""

    id: int
    version: int
    committee_id: int
    title: str
    format: WorkFormat
    scrutiny_type: str
    origin: str
    lead: str
    position: str
    meeting_id: int | None
    meeting_date: dt.date | None
    target: str
    target_date: dt.date | None
    status: WorkStatus
    sort_order: int
    moves: tuple[MoveRow, ...] = ()
    # issue 13: the officer's own words (the status word, the RAG colour, the columns no field
    # takes: header -> text)
    status_word: str = ""
    rag: str = ""
    extra: dict[str, str] = dataclasses.field(default_factory=dict, hash=False, compare=True)


@record
class AuditRow(_Record):
    """One change recorded in the change history."""

    id: int
    at: dt.datetime
    who: str
    table: str
    row_id: int
    field: str
    old: str | None
    new: str | None
    operation: str


@record
class ContactRow(_Record):
    """An owner's or executive lead's address (services/contacts.py; read quickly by
    services/quick_read.py)."""

    id: int
    name: str
    email: str
    job_title: str
    directorate: str
