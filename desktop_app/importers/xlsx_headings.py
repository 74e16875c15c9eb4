"""Meeting headings and banner rows: the date a heading or banner row gives ("Thursday 5 August
2021, 2:30 pm", "Meeting held on 12 January 2023"), the meeting a whole sheet belongs to (its name
or a title row), year banners ("2022 / 2023"), deadline lines, and the year a title hints at.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop_app.importers.xlsx_vocab import LAYOUT, words_pattern
from desktop_app.domain.lazy_re import lazy

_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_HEADING_DATE = lazy(
    r"^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH + r"\b\.?,?(?:\s+(\d{4}))?", re.I)
_HEADING_NUMERIC = lazy(r"^\W*(?:[a-z]+day,?\s+)?(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b",
                        re.I)
_YEAR = lazy(r"\b(20\d{2}|19\d{2})\b")
_MUNICIPAL = lazy(r"\b(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})\b")


# What may follow the date of a heading: a time, the day's kind, "(continued)".
_HEADING_REST = lazy(r"^(?:[,(\-–]|at\b|\d{1,2}[:.]\d{2}|cont|improvement|mainstream|"
                     r"extraordinary)", re.I)


# Words a banner row puts before its date: "Meeting held on 12 January 2023", "Meeting: 21
# September 2023", "Committee meeting - 9 March 2023" (vocabulary.json's layout.banner_leads).
_BANNER_LEAD = lazy(r"^(?:" + words_pattern(LAYOUT["banner_leads"]) + r")\b\s*[:\-–]?\s*",
                          re.I)


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


_DATE_IN_TITLE = lazy(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\.?,?\s+(\d{4})\b", re.I)
_NOT_MEETING = lazy(r"\b(?:updated|as at|printed|version|published|deadline)\b", re.I)


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


_MOVED_FROM = lazy(r"^\W*(?:deferred|moved|postponed|rescheduled|re-scheduled|carried "
                         r"(?:forward|over)|brought forward)\s+from\s+(?:the\s+)?(?:meeting\s+"
                         r"(?:of|on)\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH
                         + r"\.?,?\s+(\d{4})\b", re.I)


def moved_from(text: str) -> dt.date | None:
    """The meeting an item was moved from, when its comment says so ("Deferred from 12
    September 2023: ...", "Moved from 14 November 2023 to balance the agenda"); else None."""
    m = _MOVED_FROM.match(text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    except ValueError:
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


_YEAR_BANNER = lazy(r"^(?:municipal year\s*)?(?:19|20)\d{2}\s*[/\-–]\s*(?:\d{2}|\d{4})$", re.I)


def is_year_banner(value: Any) -> bool:
    """"2019 / 2020": a banner dividing a schedule by municipal year, not a row."""
    return isinstance(value, str) and bool(_YEAR_BANNER.match(value.strip()))


def is_deadline_text(value: Any) -> bool:
    return isinstance(value, str) and "deadline" in value.lower()


# Sections of a work programme: (pattern, section). "unscheduled" = no meeting yet.
