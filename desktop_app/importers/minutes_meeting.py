"""The meeting that minutes record: its date, start time, venue and committee.

Read from the lines above the first item only ("Safeguarding Overview and Scrutiny Committee -
Thursday 1st September 2022 10:00am", "Venue: ...", or formal minutes' "Minutes of the meeting
of ... held at ... on Tuesday 12 October 2021 at 2.30 pm"), never from the items, where "the
date of the next meeting" and question deadlines would mislead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from desktop_app.domain.dates import parse_uk_date
from desktop_app.importers.minutes_lines import plain_text


@dataclasses.dataclass
class MeetingDetails:
    meeting_date: dt.date | None = None
    start_time: dt.time | None = None
    venue: str = ""
    committee_name: str = ""


_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november"
          r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
_DATE = re.compile(rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?"
                   rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})", re.I)
_TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m\b\.?"
                   r"|\b([01]?\d|2[0-3])[:.]([0-5]\d)\b(?!\s*[ap]\.?\s*m)"
                   r"|\b(noon|midday)\b", re.I)
_DATED_TITLE = re.compile(rf"^(?P<name>.+?)\s+[-–—]\s+(?P<when>{_DATE.pattern}.*)$", re.I)
_MEETING_OF = re.compile(rf"\bmeeting\s+of\s+(?:the\s+)?(?P<name>.+?)(?:,|\s+[-–—])?\s+"
                         rf"(?:on\s+|held\s+on\s+)?(?P<when>{_DATE.pattern}.*)$", re.I)
_FORMAL_NAME = re.compile(r"^minutes\s+of\s+(?:the|a|an)\s+(?:(?:[\w-]+\s+){0,2}meeting\s+of\s+"
                          r"(?:the\s+)?)?(?P<name>.+?)\s+(?:held|on)\b", re.I)
_HELD_AT = re.compile(rf"\bheld\s+(?:at|in)\s+(?P<venue>.+?),?\s+on\s+(?={_DATE.pattern})", re.I)
_HELD_ON_AT = re.compile(rf"\bheld\s+on\s+{_DATE.pattern}(?:,?\s+(?:at|from)\s+[^,]*?"
                         r"(?:[ap]\.?\s*m\.?|\d{2}|noon|midday))?,?\s+(?:at|in)\s+"
                         r"(?P<venue>[^\d].+?)\.?$", re.I)
_FIELD = re.compile(r"^(?P<field>date|time|venue|place|location|committee|meeting)\s*:\s*"
                    r"(?P<value>.+)$", re.I)


def find_date(text: str) -> dt.date | None:
    m = _DATE.search(text)
    return parse_uk_date(f"{m[1]} {m[2]} {m[3]}") if m else None


def find_time(text: str) -> dt.time | None:
    m = _TIME.search(text)
    if not m:
        return None
    if m[6]:
        return dt.time(12, 0)
    if m[3]:
        hour, minute = int(m[1]), int(m[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
        return dt.time(hour, minute)
    return dt.time(int(m[4]), int(m[5]))


def read_meeting_details(header: list[str]) -> MeetingDetails:
    """Date, start, venue and committee from the lines above the first item. Text wrapped by
    hand ("... held in the Council" / "Chamber, ... on Tuesday, 14 November 2023") is read
    again as whole paragraphs when its lines alone give no date."""
    details = _read_details(header)
    if details.meeting_date is None:
        paragraphs = " ".join(raw.strip() if raw.strip() else "\n" for raw in header)
        joined = _read_details([p.strip() for p in paragraphs.split("\n")])
        if joined.meeting_date is not None:
            return joined
    return details


def _read_details(header: list[str]) -> MeetingDetails:
    proposal = MeetingDetails()
    for raw in header:
        text = plain_text(raw)
        if not text:
            continue
        if (m := _FORMAL_NAME.match(text)) and proposal.meeting_date is None:
            proposal.committee_name = proposal.committee_name or m["name"].strip()
            proposal.meeting_date = find_date(text)
            after = text[d.end():] if (d := _DATE.search(text)) else ""
            proposal.start_time = proposal.start_time or find_time(after)
            if v := (_HELD_AT.search(text) or _HELD_ON_AT.search(text)):
                proposal.venue = proposal.venue or v["venue"].strip()
            continue
        if m := _FIELD.match(text):
            field, value = m["field"].lower(), m["value"].strip()
            if field in ("venue", "place", "location"):
                value = re.sub(r"\.?\s*view\s+directions\.?\s*$", "", value, flags=re.I)
                proposal.venue = proposal.venue or value.strip()
            elif field == "date" and proposal.meeting_date is None:
                proposal.meeting_date = find_date(value) or parse_uk_date(value)
                proposal.start_time = proposal.start_time or find_time(value[_end_of_date(value):])
            elif field == "time":
                proposal.start_time = proposal.start_time or find_time(value)
            elif field in ("committee", "meeting"):
                proposal.committee_name = proposal.committee_name or value
            continue
        m = _DATED_TITLE.match(text) or _MEETING_OF.search(text)
        if m and proposal.meeting_date is None:
            name = re.sub(r"^(?:agenda(?:,\s*decisions)?\s+and\s+minutes|minutes)\s*[-–—:]\s*",
                          "", m["name"].strip(), flags=re.I)
            proposal.committee_name = proposal.committee_name or name.strip()
            proposal.meeting_date = find_date(m["when"])
            proposal.start_time = proposal.start_time or find_time(
                m["when"][_end_of_date(m["when"]):])
            continue
        if proposal.meeting_date is None and (d := _DATE.match(text)):
            rest = text[d.end():].strip(" ,.")
            clock = find_time(rest) if rest else None
            # "Monday, 15 January 2024 at 2.00pm in the Council Chamber, Civic Centre"
            placed = re.match(r"^(?:at\s+)?(?P<time>.+?),?\s+(?:in|at)\s+(?P<venue>\D.+)$", rest)
            if placed and not (clock and _TIME.fullmatch(placed["time"].strip())):
                placed = None
            if not rest or placed or (clock and _TIME.fullmatch(rest.removeprefix("at ").strip())):
                proposal.meeting_date = find_date(d[0])
                proposal.start_time = proposal.start_time or clock
                if placed:
                    proposal.venue = proposal.venue or placed["venue"].strip()
    return proposal


def _end_of_date(text: str) -> int:
    m = _DATE.search(text)
    return m.end() if m else 0
