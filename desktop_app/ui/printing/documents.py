"""The documents the print dialog offers, what the officer chose to build, and the words and
file names for them (no Qt here)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from desktop_app.domain.enums import MeetingStatus
from desktop_app.domain.print_options import DEFAULT_OPTIONS, DocumentOptions
from desktop_app.domain.records import CommitteeRow, MeetingRow
from desktop_app.ui import app_state


@dataclasses.dataclass(frozen=True)
class Document:
    kind: str              # reports.printing kind
    label: str             # the radio button (with its mnemonic)
    words: str             # in sentences and file names: "action log"
    needs_meeting: bool
    about: str


DOCUMENTS: tuple[Document, ...] = (
    Document("action-log", "Action &log", "action log", False,
             "Every current action with its owner, due date and progress; new, updated and "
             "overdue actions are marked."),
    Document("recommendations", "&Recommendation schedule", "recommendation schedule", False,
             "The committee's recommendations and the executive's responses, marking those "
             "with no response after two months (s.9FE)."),
    Document("work-programme", "&Work programme", "work programme", False,
             "The municipal year's meetings and their items (the year of the \u201cas at\u201d "
             "date)."),
    Document("agenda", "&Agenda (front sheet)", "agenda", True,
             "The agenda front sheet for the meeting, with the page numbers the pack gives "
             "each item."),
    Document("minutes", "M&inutes", "minutes", True, "The minutes of the meeting."),
    Document("pack", "Meeting pac&k", "agenda pack", True,
             "Agenda, contents and every item's papers (minutes, reports, action log, "
             "recommendations, work programme), numbered throughout."),
)
BY_KIND = {d.kind: d for d in DOCUMENTS}


@dataclasses.dataclass(frozen=True)
class Choice:
    """What to build: everything ``write_document`` needs."""

    committee: str
    kind: str
    meeting: dt.date | None
    as_at: dt.date
    public: bool
    extra_columns: tuple[str, ...] = ()   # printed after the usual columns (log, schedule)
    layout: DocumentOptions = DEFAULT_OPTIONS     # order, date style, text size


def meeting_text(m: MeetingRow, next_date: dt.date | None) -> str:
    """'Tue 23 Nov 2021 - next meeting' for the meeting chooser."""
    text = f"{m.date:%a} {m.date.day} {m.date:%b %Y}"
    if m.date == next_date:
        return text + " \u2013 next meeting"
    if m.status == MeetingStatus.CANCELLED.value:
        return text + " \u2013 cancelled"
    return text


def file_name(committee: CommitteeRow | None, choice: Choice) -> str:
    """'CYPSC action log 2021-11-23.pdf': meeting documents carry the meeting's date, the others
    the "as at" date."""
    doc = BY_KIND[choice.kind]
    who = (committee.short_name or committee.name) if committee else choice.committee
    day = choice.meeting if doc.needs_meeting and choice.meeting else choice.as_at
    name = f"{who} {doc.words} {day.isoformat()}" + (" (public)" if choice.public else "")
    return re.sub(r'[\\/:*?"<>|]+', "-", name).strip() + ".pdf"


def describe(choice: Choice, pages: int, untagged: Sequence[str] = ()) -> str:
    """"Action log, as at 23 November 2021: 4 pages" for the status line; then, for a pack,
    the merged reports a screen reader cannot follow (``untagged``, issue 17)."""
    doc = BY_KIND[choice.kind]
    words = doc.words[:1].upper() + doc.words[1:]
    when = (f"meeting of {app_state.long_date(choice.meeting)}" if choice.meeting
            else f"as at {app_state.long_date(choice.as_at)}")
    version = ", public version" if choice.public else ""
    text = f"{words}, {when}{version}: {pages} page{'s' if pages != 1 else ''}"
    if untagged:
        from desktop_app.reports.pack import untagged_note
        text += ". " + untagged_note(untagged)
    return text
