"""Date rules of the trade: clear working days, s.9FE response periods, UK day-first dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from time import strftime as _strftime

from desktop_app.domain.lazy_re import lazy

# England and Wales share their bank holidays (Scotland and Northern Ireland differ).
_SUBDIVISION = "ENG"


@functools.lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    from desktop_app.domain.bank_holiday_table import TABLE   # written out from the package
    if year in TABLE:
        return frozenset(dt.date(year, int(d[:2]), int(d[2:])) for d in TABLE[year].split())
    # imported here, only when needed: the package takes a tenth of a second or more to import
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv=_SUBDIVISION, years=year).keys())


def is_bank_holiday(day: dt.date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def clear_days_deadline(meeting: dt.date, clear_days: int) -> dt.date:
    """The last day on which something must happen so that ``clear_days`` whole working days
    lie between it and the meeting (neither the day itself nor the meeting day counts).

    The deadline is the day before the first of those clear days; if that falls on a weekend it
    moves back to the Friday. (Seed 004: 23 Nov 2021 -> 15 Nov for 5 days and 17 Nov for 3;
    11 Jan 2022 -> 3 Jan and 5 Jan; 5 Aug 2021 -> questions by Fri 30 July.) A deadline that
    lands on a bank holiday is kept, as the seed keeps 3 Jan 2022, and the window flags it
    (``is_bank_holiday``) so the officer can override it for that meeting.
    """
    if clear_days < 0:
        raise ValueError("clear days cannot be negative")
    day = meeting
    counted = 0
    while counted < clear_days:
        day -= dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    deadline = day - dt.timedelta(days=1)
    while deadline.weekday() >= 5:
        deadline -= dt.timedelta(days=1)
    return deadline


PUBLICATION_CLEAR_DAYS = 5
QUESTIONS_CLEAR_DAYS = 3


def publication_deadline(meeting: dt.date) -> dt.date:
    return clear_days_deadline(meeting, PUBLICATION_CLEAR_DAYS)


def questions_deadline(meeting: dt.date) -> dt.date:
    return clear_days_deadline(meeting, QUESTIONS_CLEAR_DAYS)


def s9fe_response_due(sent: dt.date) -> dt.date:
    """Last day of the period of two months *beginning with* the day the report was sent
    (Local Government Act 2000 s.9FE), by the corresponding-date rule: the day before the
    same date two months on; where that month has no such date, its last day.
    15 Jul -> 14 Sep; 31 Dec 2021 -> 28 Feb 2022; 31 Dec 2023 -> 29 Feb 2024; 1 Mar -> 30 Apr.
    """
    index = sent.month - 1 + 2
    year, month = sent.year + index // 12, index % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    if sent.day > last:
        return dt.date(year, month, last)
    return dt.date(year, month, sent.day) - dt.timedelta(days=1)


# ---------------------------------------------------------------- UK day-first dates

# calendar.month_name and month_abbr in English, whatever the locale (Qt sets the user's)
_MONTHS = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_ORDINAL = lazy(r"(\d+)(st|nd|rd|th)\b", re.I)
_WEEKDAY = lazy(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b,?", re.I)
_NUMERIC = lazy(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = lazy(r"^(\d{4})-(\d{2})-(\d{2})$")
_WORDY = lazy(r"^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$", re.I)
# an ISO date-time as lists and databases export it: "2023-06-14T23:00:00Z", "...+01:00"
_ISO_TIME = lazy(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                 r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$", re.I)


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if len(text) == 2 else value


def parse_uk_date(text: str | None) -> dt.date | None:
    """A date written the British way, or None when the text is not one exact date.

    Accepts "02/11/2021" (2 November), "2.11.21", "07 September 2021", "12 Oct 21",
    "Tuesday 7th December 2021", ISO "2021-11-02" and ISO date-times (the UK day of
    "2021-11-02T00:00:00Z": see _uk_day). Fuzzy targets such as "Summer 2021" or
    "June / July 2021" give None: the caller keeps them as text and never guesses.
    """
    if text is None:
        return None
    s = _WEEKDAY.sub("", str(text)).strip()
    s = _ORDINAL.sub(r"\1", s).strip().rstrip(".")
    s = re.sub(r"\s+", " ", s)
    try:
        if m := _ISO.match(s):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC.match(s):
            return dt.date(_year(m[3]), int(m[2]), int(m[1]))
        if m := _WORDY.match(s):
            month = _MONTHS.get(m[2].lower())
            if month:
                return dt.date(_year(m[3]), month, int(m[1]))
        if m := _ISO_TIME.match(s):
            return _uk_day(m)
    except ValueError:
        return None
    return None


def _uk_day(m: re.Match[str]) -> dt.date:
    """The day in the UK of an ISO date-time: with a zone ("Z", "+01:00") the instant is moved
    to UK time first (a SharePoint date of 15 June is "2023-06-14T23:00:00Z"); without one,
    the day as written."""
    when = dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
    zone = (m[7] or "").upper()
    if not zone:
        return when.date()
    if zone not in ("Z", "UTC", "GMT"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        when -= sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return uk_local(when).date()


def uk_local(utc: dt.datetime) -> dt.datetime:
    """A UTC time (naive) as the clock in England and Wales shows it (naive): Europe/London,
    from the time-zone data the calendar export uses too (tzdata, which icalendar brings on
    Windows)."""
    from zoneinfo import ZoneInfo
    return utc.replace(tzinfo=dt.UTC).astimezone(ZoneInfo("Europe/London")) \
        .replace(tzinfo=None)


def strftime(day: dt.date, form: str) -> str:
    """``day.strftime(form)`` for a form without ``%z``, ``%Z`` or ``%f`` (the codes ``datetime``
    works out itself before handing the rest to ``time.strftime``, as this does at once):
    the same text, without ``datetime`` importing the ``time`` module at every call (in the
    window, through the Qt bindings' import hook: ~3 us a date)."""
    return _strftime(form, day.timetuple())


def format_uk(day: dt.date | None, style: str = "long") -> str:
    """"7 September 2021" (long), "07/09/2021" (short) or "Tuesday 7 September 2021" (full)."""
    if day is None:
        return ""
    if style == "short":
        return strftime(day, "%d/%m/%Y")
    if style == "full":
        return f"{strftime(day, '%A')} {day.day} {strftime(day, '%B %Y')}"
    if style == "day_month":
        return f"{day.day} {strftime(day, '%B')}"
    return f"{day.day} {strftime(day, '%B %Y')}"


def municipal_year(day: dt.date) -> str:
    """The May-to-April year a date falls in, written "2021/22"."""
    start = day.year if day.month >= 5 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def municipal_year_bounds(label: str) -> tuple[dt.date, dt.date]:
    m = re.fullmatch(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})", label.strip())
    if not m:
        raise ValueError(f"municipal year {label!r} is not like 2021/22")
    start = int(m[1])
    if int(m[2]) != (start + 1) % (100 if len(m[2]) == 2 else 10_000):
        raise ValueError(f"municipal year {label!r} is not one year (May to April): "
                         f"{start}/{(start + 1) % 100:02d} is")
    return dt.date(start, 5, 1), dt.date(start + 1, 4, 30)


def impossible_date(text: str | None) -> bool:
    """Whether ``text`` is written as one exact date (as ``parse_uk_date`` reads them) of a day
    that does not exist: "31/02/2023", "2023-13-01", "12/25/2021" (read day first). A typo
    to be named, not a fuzzy target ("Summer 2021") to be kept as written."""
    if text is None or parse_uk_date(text) is not None:
        return False
    s = _WEEKDAY.sub("", str(text)).strip()
    s = re.sub(r"\s+", " ", _ORDINAL.sub(r"\1", s).strip().rstrip("."))
    if _ISO.match(s) or _NUMERIC.match(s):
        return True
    m = _WORDY.match(s)
    return bool(m and m[2].lower() in _MONTHS)
