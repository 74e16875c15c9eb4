"""Cell values as officers write them: references, UK dates, statuses, headings.

Everything here is a pure function of a cell's value (and, for statuses, its fill colour). A
value that cannot be read returns None or raises ``ValueError`` with the reason worded for the
officer; the reader turns that into a skipped row naming the sheet and row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from desktop_app.domain.dates import format_uk, parse_uk_date
from desktop_app.domain.enums import (ActionStatus, ImplementationStatus, Verdict, WorkFormat,
                                      WorkStatus)
from desktop_app.importers.xlsx_colours import FILL_AMBER, FILL_GREEN, FILL_RED
from desktop_app.importers.xlsx_vocab import verdict_word
# headings and banners live in xlsx_headings; read through this module as before
from desktop_app.importers.xlsx_headings import (NoYear, heading_date, is_deadline_text,  # noqa: F401
                                                 is_year_banner, moved_from, sheet_meeting,
                                                 year_hint)
from desktop_app.importers.xlsx_vocab import LAYOUT, words_pattern
from desktop_app.domain.lazy_re import lazy

# Excel serial day numbers from 1 Jan 1990 to 31 Dec 2100: a number in a date column in this
# range is a date cell that lost its format, not a guess.
_SERIAL_MIN, _SERIAL_MAX = 32874, 73415
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def text(value: Any) -> str:
    """The visible text of a cell, trimmed ("" for an empty cell); whole numbers without ".0";
    dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return format_uk(value.date(), "short")
        return f"{format_uk(value.date(), 'short')} {value:%H:%M}"
    if isinstance(value, dt.date):
        return format_uk(value, "short")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value).strip()


ref_text = text  # a reference is kept as written: "1", "SOS/22/01", "7" for 7.0


_DATE_THEN_TIME = lazy(r"^(.*?\d{4})(?:,?\s+(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
                       r"\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?))$", re.I)


def date_or_text(value: Any) -> tuple[dt.date | None, str]:
    """(date, "") for a real date (cell, serial number or exact UK date text), else
    (None, the text as written) so that fuzzy targets ("Summer 2021") are kept, never guessed."""
    if value is None:
        return None, ""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_MIN <= value <= _SERIAL_MAX and float(value).is_integer():
            return _EXCEL_EPOCH + dt.timedelta(days=int(value)), ""
        return None, text(value)
    s = text(value)
    if not s:
        return None, ""
    day = parse_uk_date(s)
    if day is None:
        # "02/11/2021 14:30", "14/02/2023 00:00:00", "Tuesday 23 November 2021, 2.30pm",
        # "Wednesday 14 June 2023 at 7pm": the date before the time (the day is the date)
        m = _DATE_THEN_TIME.match(s)
        if m:
            day = parse_uk_date(m.group(1))
    return (day, "") if day else (None, s)


_OWNER_DUE = lazy(r"^(.*\S)\s*(?:\n|\s[–—-]\s|\s[–—-](?=\d))\s*(?:by\s+)?(.+)$", re.I | re.S)
_OWNER_DATE = lazy(r"^(.*[^\s,])\s*(?:,\s*(?:by\s+)?|\s+by\s+|\s*\()([^()]+?)\)?$", re.I)


def split_owner_due(value: Any) -> tuple[str, str]:
    """(who, when) of a combined "By whom / by when" cell: "Head of Finance – 31 March 2023",
    "Performance Manager - ongoing", "Chief Executive" (no when), "31 March 2023" (no who),
    "Head of Legal, by 30 June 2023". The when is kept as written (the caller reads it as a
    date or keeps it as text); a comma or "by" splits only before a real date."""
    s = text(value)
    if not s:
        return "", ""
    if date_or_text(s)[0] is not None:
        return "", s
    m = _OWNER_DUE.match(s)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    m = _OWNER_DATE.match(s)
    if m and date_or_text(m.group(2).strip())[0] is not None:
        return m.group(1).strip(), m.group(2).strip()
    return s, ""


# ---------------------------------------------------------------- sections

# vocabulary.json's layout: the headings that open a section ("To be scheduled and prioritised
# or removed" starts with a "section_starts" word; "Workshops / seminars (2023)" is a
# "section_headings" word with its brackets). "unscheduled" = no meeting yet.
_SECTIONS = (
    *((lazy(r"^(?:" + words_pattern(words) + r")", re.I),
       section if section == "unscheduled" else WorkFormat(section))
      for section, words in LAYOUT["section_starts"].items()),
    *((lazy(r"^(?:" + words_pattern(words) + r")\s*(?:\(.*\))?:?$", re.I),
       section if section == "unscheduled" else WorkFormat(section))
      for section, words in LAYOUT["section_headings"].items()),
)


def section_of(value: Any) -> str | None:
    """The work-programme section a heading (or sheet name) opens, if any."""
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 80:
        return None
    for pattern, section in _SECTIONS:
        if pattern.match(s):
            return section
    return None


def sheet_section(title: str) -> str | None:
    """A sheet named for a section: "Briefing notes", "Task and finish groups", "To be
    scheduled", "Workshops"..."""
    low = title.lower()
    if "brief" in low:
        return WorkFormat.BRIEFING_NOTE
    if "task" in low and "finish" in low or re.search(r"\bt\s?&\s?f\b", low):
        return WorkFormat.TASK_AND_FINISH
    if "workshop" in low or "seminar" in low:
        return WorkFormat.WORKSHOP
    if "annual report" in low:
        return WorkFormat.ANNUAL_REPORT
    if "to be scheduled" in low or "unscheduled" in low or "potential" in low:
        return "unscheduled"
    return None


# ---------------------------------------------------------------- statuses and verdicts

def _remembered(read: Callable[..., Any]) -> Callable[..., Any]:
    """``read`` with its answers (and its ValueErrors) kept per arguments: a tracker writes the
    same few status words on thousands of rows. (The first argument is the cell's value, whose
    type counts too; the others are flags and fill names.)"""
    known: dict[tuple[Any, ...], tuple[bool, Any]] = {}

    @functools.wraps(read)
    def remembered(*args: Any) -> Any:
        key = (args, args[0].__class__)  # True and 1 are equal keys, but not the same words
        try:
            found = known.get(key)
        except TypeError:  # an unhashable value: read it afresh
            return read(*args)
        if found is None:
            try:
                found = (True, read(*args))
            except ValueError as exc:
                found = (False, str(exc))
            if len(known) < 4096:
                known[key] = found
        if found[0]:
            return found[1]
        raise ValueError(found[1])
    return remembered


def _words(value: Any) -> str:
    s = text(value).lower()
    s = re.sub(r"[\s_]+", " ", s).strip(" .!:;-–")
    return s


_DONE = lazy(r"^(?:completed?|done|closed|achieved|finished|actioned|resolved|green|"
             r"implemented|delivered|g)\b", re.I)
_NOT_DONE = lazy(r"^(?:not\b|in ?complete|un(?:finished|resolved|done|actioned))", re.I)
_ACTION_OPEN = {"", "open", "ongoing", "on going", "in progress", "amber", "a", "not started",
                "pending", "outstanding", "on track", "on hold", "awaiting", "awaiting update",
                "tbc", "not yet due", "not due", "no", "n", "not complete", "not completed",
                "incomplete", "live", "started", "underway", "in hand", "progressing", "new"}
_OVERDUE = {"overdue", "red", "r", "late", "behind", "delayed", "past due", "over due"}
_YES = {"yes", "y", "x", "✓", "✔", "true", "reported", "reported complete"}


@_remembered
def action_status(value: Any, fill: str | None, reported_column: bool
                  ) -> tuple[ActionStatus, bool, bool]:
    """(status "open"/"completed", overdue flag, reported complete) for an action's status
    cell: words (OVERDUE, COMPLETED, Done, Red/Amber/Green...), a RAG fill with no words, or -
    in a "Reported complete" column - a date or Yes. ValueError for words it does not know."""
    if isinstance(value, (dt.date, dt.datetime)):
        return ActionStatus.COMPLETED, False, reported_column
    s = _words(value)
    if s == "":
        if fill == FILL_RED:
            return ActionStatus.OPEN, True, False
        if fill == FILL_GREEN:
            return ActionStatus.COMPLETED, False, False
        return ActionStatus.OPEN, False, False
    if s in _OVERDUE or s.startswith("overdue"):
        return ActionStatus.OPEN, True, False
    if reported_column and s in _YES:
        return ActionStatus.COMPLETED, False, True
    if s in _ACTION_OPEN or _NOT_DONE.match(s):
        return ActionStatus.OPEN, fill == FILL_RED, False
    if _DONE.match(s) or s in _YES:
        return ActionStatus.COMPLETED, False, s.startswith("reported")
    if parse_uk_date(s):
        return ActionStatus.COMPLETED, False, reported_column
    raise ValueError(f"status {text(value)!r} not understood (use Open, Overdue or Completed, "
                     "or Red/Amber/Green)")


_IN_PROGRESS = lazy(r"^(?:in ?progress|ongoing|on going|amber|a|partially|partly|"
                    r"underway|under way|on track|progressing|started|in hand|"
                    r"being implemented)\b", re.I)
_REC_OPEN = {"", "open", "red", "r", "not started", "outstanding", "awaiting response",
             "awaiting", "pending", "overdue", "tbc", "not yet started", "no response",
             "not implemented", "new", "not complete", "incomplete", "no", "n"}
_REC_YES = {"yes", "y"}  # in an "Implemented?" column: implemented


@_remembered
def recommendation_status(value: Any, fill: str | None) -> ImplementationStatus | None:
    """"open", "in_progress" or "completed" from a status cell (words or RAG fill); None for
    an empty cell with no fill (the caller may carry the item's status down)."""
    s = _words(value)
    if s == "":
        return {FILL_RED: ImplementationStatus.OPEN, FILL_AMBER: ImplementationStatus.IN_PROGRESS,
                FILL_GREEN: ImplementationStatus.COMPLETED}.get(fill or "")
    if s in _REC_OPEN or _NOT_DONE.match(s):
        return ImplementationStatus.OPEN
    if _IN_PROGRESS.match(s):
        return ImplementationStatus.IN_PROGRESS
    if _DONE.match(s) or s in _REC_YES:
        return ImplementationStatus.COMPLETED
    raise ValueError(f"status {text(value)!r} not understood (use Open, In progress or "
                     "Completed, or Red/Amber/Green)")


def verdict(value: Any) -> Verdict | None:
    """The executive's verdict from a verdict column; None when the cell is empty. The words
    are data (vocabulary.json's "verdicts"), shared with the executive-response import."""
    s = _words(value)
    if not s:
        return None
    found = verdict_word(s)
    if found is not None:
        return Verdict(found)
    raise ValueError(f"verdict {text(value)!r} not understood (use Accepted, Partially "
                     "accepted, Rejected, Noted or Awaiting)")


_FORMATS = (
    (lazy(r"^(?:briefing|written briefing|information note|info note)", re.I),
     WorkFormat.BRIEFING_NOTE),
    (lazy(r"^(?:workshop|seminar|development session|member briefing session)", re.I),
     WorkFormat.WORKSHOP),
    (lazy(r"^(?:task (?:and|&) finish|t\s?&\s?f|working group)", re.I), WorkFormat.TASK_AND_FINISH),
    (lazy(r"^annual report", re.I), WorkFormat.ANNUAL_REPORT),
    (lazy(r"^(?:agenda item|item|report|committee(?: item| report)?|meeting)", re.I),
     WorkFormat.AGENDA_ITEM),
)


def work_format(value: Any) -> WorkFormat | None:
    s = _words(value)
    if not s:
        return None
    for pattern, found in _FORMATS:
        if pattern.match(s):
            return found
    raise ValueError(f"format {text(value)!r} not understood (use Agenda item, Briefing note, "
                     "Workshop, Task and finish group or Annual report)")


_WORK_STATUS = (
    (lazy(r"^(?:delivered|completed?|done|held|considered|reported)\b", re.I), WorkStatus.DELIVERED),
    (lazy(r"^(?:scheduled|agreed|confirmed|booked|on agenda)\b", re.I), WorkStatus.SCHEDULED),
    (lazy(r"^(?:deferred|postponed|moved|rescheduled)\b", re.I), WorkStatus.DEFERRED),
    (lazy(r"^(?:dropped|removed|withdrawn|cancelled|canceled|deleted|not required)\b",
          re.I), WorkStatus.DROPPED),
    (lazy(r"^(?:proposed|potential|requested|tbc|to be scheduled|suggested|t&f proposed)\b",
          re.I), WorkStatus.PROPOSED),
)


def work_status(value: Any) -> WorkStatus | None:
    s = _words(value)
    if not s:
        return None
    for pattern, found in _WORK_STATUS:
        if pattern.match(s):
            return found
    raise ValueError(f"status {text(value)!r} not understood (use Proposed, Scheduled, "
                     "Delivered, Deferred or Dropped)")


def work_status_in_position(position: str) -> WorkStatus | None:
    """A position that is nothing but a status word ("Delivered", "Scheduled.")."""
    s = _words(position)
    if s in tuple(WorkStatus):
        return WorkStatus(s)
    return None


# vocabulary.json's layout: a meeting column's "no meeting yet" words, and the banners that give
# the items below them a format at the same meeting ("Information reports": briefing notes)
_UNSCHEDULED = lazy(r"^(?:" + words_pattern(LAYOUT["meeting_placeholders"]) + r")$", re.I)
_FORMAT_BANNERS = tuple(
    (lazy(r"^(?:" + words_pattern(words) + r")\b\s*(?:\(.*\))?:?$", re.I),
     WorkFormat(fmt)) for fmt, words in LAYOUT["format_banners"].items())


def is_unscheduled(value: Any) -> bool:
    """A meeting column's words that only say "no meeting yet" ("To be scheduled", "TBC"); other
    words ("To be agreed", "Summer 2024") are the item's target."""
    return isinstance(value, str) and bool(_UNSCHEDULED.match(value.strip().rstrip(".").strip()))


def format_banner(value: Any) -> WorkFormat | None:
    """The format a banner row gives the items below it at the same meeting ("Information
    reports (for information, not for debate)": briefing notes), or None."""
    if not isinstance(value, str) or len(value) > 120:
        return None
    s = " ".join(value.split())
    for pattern, fmt in _FORMAT_BANNERS:
        if pattern.match(s):
            return fmt
    return None


# ---------------------------------------------------------------- titles and labels

_BRACKET = lazy(r"\[([^\]]*)\]")


def split_title(value: str) -> tuple[str, str]:
    """"Youth Justice Plan [Pre-decision call-in]" -> ("Youth Justice Plan", "Pre-decision
    call-in"). Text after the brackets stays in the title."""
    found = _BRACKET.findall(value)
    if not found:
        return value.strip(), ""
    kind = "; ".join(" ".join(f.split()) for f in found if f.strip())
    title = _BRACKET.sub(" ", value)
    title = re.sub(r"[ \t]+", " ", title)
    title = re.sub(r" *\n *", "\n", title).strip()
    return title, kind


_LABEL = lazy(r"^\s*(\((?:[a-z]|[ivx]{1,5}|\d{1,2})\)|(?:[a-z]|[ivx]{1,5}|\d{1,2})\))\s+",
                    re.I)


def leading_label(value: str) -> str:
    """"(a)", "1)", "iv)" when a recommendation's text starts with one, else ""."""
    m = _LABEL.match(value)
    return m.group(1) if m else ""
