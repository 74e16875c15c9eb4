"""Cell values as officers write them: references, UK dates, statuses, headings.

Everything here is a pure function of a cell's value (and, for statuses, its fill colour). A
value that cannot be read returns None or raises ``ValueError`` with the reason worded for the
officer; the reader turns that into a skipped row naming the sheet and row.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop_app.domain.dates import format_uk, parse_uk_date
from desktop_app.domain.enums import (ActionStatus, ImplementationStatus, Verdict, WorkFormat,
                                      WorkStatus)
from desktop_app.importers.xlsx_colours import FILL_AMBER, FILL_GREEN, FILL_RED

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
        # "02/11/2021 14:30" or "Tuesday 23 November 2021, 2.30pm": the date before the time.
        m = re.match(r"^(.*?\d{4})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)$", s, re.I)
        if m:
            day = parse_uk_date(m.group(1))
    return (day, "") if day else (None, s)


# ---------------------------------------------------------------- headings

_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_HEADING_DATE = re.compile(
    r"^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH + r"\b\.?,?(?:\s+(\d{4}))?", re.I)
_HEADING_NUMERIC = re.compile(r"^\W*(?:[a-z]+day,?\s+)?(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b",
                              re.I)
_YEAR = re.compile(r"\b(20\d{2}|19\d{2})\b")
_MUNICIPAL = re.compile(r"\b(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})\b")


# What may follow the date of a heading: a time, the day's kind, "(continued)".
_HEADING_REST = re.compile(r"^(?:[,(\-–]|at\b|\d{1,2}[:.]\d{2}|cont|improvement|mainstream|"
                           r"extraordinary)", re.I)


# Words a banner row puts before its date: "Meeting held on 12 January 2023", "Meeting: 21
# September 2023", "Committee meeting - 9 March 2023".
_BANNER_LEAD = re.compile(r"^(?:(?:committee\s+)?meeting(?:\s+(?:held|of))?(?:\s+on)?|"
                          r"date of meeting|held on)\s*[:\-–]?\s*", re.I)


class NoYear(ValueError):
    """A heading gives a day and month but no year, and nothing above it says which."""


def heading_date(value: Any, hint: dt.date | None) -> dt.date | None:
    """The meeting date a heading row starts with ("Thursday 5 August 2021, 2:30 pm",
    "7 September cont.", "28 July 2020"), or None when the heading is not a date. A day and
    month without a year take the year that puts them nearest after ``hint`` (the previous
    heading); without a hint that raises NoYear."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, str):
        return None
    s = _BANNER_LEAD.sub("", value.strip(), count=1)
    if len(s) > 120 or "deadline" in s[:40].lower():
        return None
    m = _HEADING_DATE.match(s)
    if m:
        day, month = int(m.group(1)), _MONTHS[m.group(2)[:3].lower()]
        year = int(m.group(3)) if m.group(3) else None
    else:
        m = _HEADING_NUMERIC.match(s)
        if not m:
            return None
        day, month = int(m.group(1)), int(m.group(2))
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
    rest = s[m.end():].strip()
    if year is None and len(rest) > 15:
        return None  # a sentence that starts with a date, not a "7 September cont." heading
    if year is not None and len(rest) > 25 and not _HEADING_REST.match(rest) \
            and "deadline" not in rest.lower():
        return None  # "12 October 2021 the committee asked...": a sentence, not a heading
    if year is None:
        if hint is None:
            raise NoYear(f"the heading {s!r} gives no year")
        year = _year_after(day, month, hint)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_DATE_IN_TITLE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\.?,?\s+(\d{4})\b", re.I)
_NOT_MEETING = re.compile(r"\b(?:updated|as at|printed|version|published|deadline)\b", re.I)


def sheet_meeting(sheet_name: str, titles: list[str]) -> dt.date | None:
    """The meeting a whole sheet belongs to: a sheet named by its date ("12 Jan 2023"), or a
    title row naming the meeting ("Audit Committee – 12 January 2023 – Actions arising"); None
    when neither says (a "Last updated 3 March 2023" line is not a meeting)."""
    try:
        day = heading_date(sheet_name, None)
    except NoYear:
        day = None
    if day is not None:
        return day
    for title in titles:
        m = _DATE_IN_TITLE.search(title)
        if m and not _NOT_MEETING.search(title) and re.search(
                r"\b(?:committee|meeting|panel|board|actions? arising)\b", title, re.I):
            try:
                return dt.date(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
            except ValueError:
                return None
    return None


def _year_after(day: int, month: int, hint: dt.date) -> int:
    for year in (hint.year, hint.year + 1):
        try:
            if dt.date(year, month, day) >= hint - dt.timedelta(days=60):
                return year
        except ValueError:
            continue
    return hint.year + 1


def year_hint(texts: list[str]) -> dt.date | None:
    """A starting point for year-less headings: a municipal year ("2021/22" -> 1 May 2021) or a
    year named in the title rows or sheet name."""
    for s in texts:
        if m := _MUNICIPAL.search(s):
            return dt.date(int(m.group(1)), 5, 1)
    for s in texts:
        if m := _YEAR.search(s):
            return dt.date(int(m.group(1)), 1, 1)
    return None


_YEAR_BANNER = re.compile(r"^(?:municipal year\s*)?(?:19|20)\d{2}\s*[/\-–]\s*(?:\d{2}|\d{4})$", re.I)


def is_year_banner(value: Any) -> bool:
    """"2019 / 2020": a banner dividing a schedule by municipal year, not a row."""
    return isinstance(value, str) and bool(_YEAR_BANNER.match(value.strip()))


def is_deadline_text(value: Any) -> bool:
    return isinstance(value, str) and "deadline" in value.lower()


# Sections of a work programme: (pattern, section). "unscheduled" = no meeting yet.
_SECTIONS = (
    (re.compile(r"^(?:to be scheduled|unscheduled|not yet scheduled|items to be (?:scheduled|"
                r"allocated)|potential (?:agenda )?items|future items|to be allocated)", re.I),
     "unscheduled"),
    (re.compile(r"^(?:workshops?|seminars?)(?:\s*(?:/|and|&)\s*(?:workshops?|seminars?))?"
                r"\s*(?:\(.*\))?:?$", re.I), WorkFormat.WORKSHOP),
    (re.compile(r"^(?:task (?:and|&) finish(?: groups?)?|t\s?&\s?f(?: groups?)?)\s*(?:\(.*\))?:?$",
                re.I), WorkFormat.TASK_AND_FINISH),
    (re.compile(r"^briefing notes?\s*(?:\(.*\))?:?$", re.I), WorkFormat.BRIEFING_NOTE),
    (re.compile(r"^annual reports?\s*(?:\(.*\))?:?$", re.I), WorkFormat.ANNUAL_REPORT),
    (re.compile(r"^agenda items?\s*(?:\(.*\))?:?$", re.I), WorkFormat.AGENDA_ITEM),
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

def _words(value: Any) -> str:
    s = text(value).lower()
    s = re.sub(r"[\s_]+", " ", s).strip(" .!:;-–")
    return s


_DONE = re.compile(r"^(?:completed?|done|closed|achieved|finished|actioned|resolved|green|"
                   r"implemented|delivered|g)\b", re.I)
_NOT_DONE = re.compile(r"^(?:not\b|in ?complete|un(?:finished|resolved|done|actioned))", re.I)
_ACTION_OPEN = {"", "open", "ongoing", "on going", "in progress", "amber", "a", "not started",
                "pending", "outstanding", "on track", "on hold", "awaiting", "awaiting update",
                "tbc", "not yet due", "not due", "no", "n", "not complete", "not completed",
                "incomplete", "live", "started", "underway", "in hand", "progressing", "new"}
_OVERDUE = {"overdue", "red", "r", "late", "behind", "delayed", "past due", "over due"}
_YES = {"yes", "y", "x", "✓", "✔", "true", "reported", "reported complete"}


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


_IN_PROGRESS = re.compile(r"^(?:in ?progress|ongoing|on going|amber|a|partially|partly|"
                          r"underway|under way|on track|progressing|started|in hand|"
                          r"being implemented)\b", re.I)
_REC_OPEN = {"", "open", "red", "r", "not started", "outstanding", "awaiting response",
             "awaiting", "pending", "overdue", "tbc", "not yet started", "no response",
             "not implemented", "new", "not complete", "incomplete"}


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
    if _DONE.match(s):
        return ImplementationStatus.COMPLETED
    raise ValueError(f"status {text(value)!r} not understood (use Open, In progress or "
                     "Completed, or Red/Amber/Green)")


_VERDICTS = (
    (re.compile(r"^(?:partially|partly|part)\s+(?:accepted|agreed)|^accepted in part", re.I),
     Verdict.PARTIALLY_ACCEPTED),
    (re.compile(r"^(?:not accepted|rejected|declined|refused|no)\b", re.I), Verdict.REJECTED),
    (re.compile(r"^(?:accepted|agreed|accept|yes)\b", re.I), Verdict.ACCEPTED),
    (re.compile(r"^noted\b", re.I), Verdict.NOTED),
    (re.compile(r"^(?:awaiting|pending|tbc|to follow)\b", re.I), Verdict.AWAITING),
)


def verdict(value: Any) -> Verdict | None:
    """The executive's verdict from a verdict column; None when the cell is empty."""
    s = _words(value)
    if not s:
        return None
    for pattern, found in _VERDICTS:
        if pattern.match(s):
            return found
    raise ValueError(f"verdict {text(value)!r} not understood (use Accepted, Partially "
                     "accepted, Rejected, Noted or Awaiting)")


_FORMATS = (
    (re.compile(r"^(?:briefing|written briefing|information note|info note)", re.I),
     WorkFormat.BRIEFING_NOTE),
    (re.compile(r"^(?:workshop|seminar|development session|member briefing session)", re.I),
     WorkFormat.WORKSHOP),
    (re.compile(r"^(?:task (?:and|&) finish|t\s?&\s?f|working group)", re.I), WorkFormat.TASK_AND_FINISH),
    (re.compile(r"^annual report", re.I), WorkFormat.ANNUAL_REPORT),
    (re.compile(r"^(?:agenda item|item|report|committee(?: item| report)?|meeting)", re.I),
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
    (re.compile(r"^(?:delivered|completed?|done|held|considered|reported)\b", re.I), WorkStatus.DELIVERED),
    (re.compile(r"^(?:scheduled|agreed|confirmed|booked|on agenda)\b", re.I), WorkStatus.SCHEDULED),
    (re.compile(r"^(?:deferred|postponed|moved|rescheduled)\b", re.I), WorkStatus.DEFERRED),
    (re.compile(r"^(?:dropped|removed|withdrawn|cancelled|canceled|deleted|not required)\b",
                re.I), WorkStatus.DROPPED),
    (re.compile(r"^(?:proposed|potential|requested|tbc|to be scheduled|suggested|t&f proposed)\b",
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


_UNSCHEDULED = re.compile(r"^(?:to be (?:scheduled|confirmed|allocated|agreed|arranged)|tbc|tba|"
                          r"tbd|unscheduled|not (?:yet )?scheduled|n/?a|none|-+|\?)$", re.I)


def is_unscheduled(value: Any) -> bool:
    return isinstance(value, str) and bool(_UNSCHEDULED.match(value.strip().rstrip(".")))


# ---------------------------------------------------------------- titles and labels

_BRACKET = re.compile(r"\[([^\]]*)\]")


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


_LABEL = re.compile(r"^\s*(\((?:[a-z]|[ivx]{1,5}|\d{1,2})\)|(?:[a-z]|[ivx]{1,5}|\d{1,2})\))\s+",
                    re.I)


def leading_label(value: str) -> str:
    """"(a)", "1)", "iv)" when a recommendation's text starts with one, else ""."""
    m = _LABEL.match(value)
    return m.group(1) if m else ""
