"""The calendar file (.ics, RFC 5545) an officer imports into Outlook: one event per meeting and
per deadline, as plain ``CalendarEvent`` rows in, one file out.

What makes importing it again *update* Outlook rather than add a second copy:

- each event's UID is the caller's, built from the record's id, the event's kind and the
  database's identity, so it is the same on every export of the same database;
- SEQUENCE grows when the record changes (the caller passes its version counter), and
  DTSTAMP / LAST-MODIFIED are the record's own last change, so two exports of unchanged data
  are the same bytes, and a change is newer than what Outlook holds;
- a meeting that was cancelled or deleted stays in the file as STATUS:CANCELLED (with its
  deadlines), so the copy Outlook holds is marked cancelled.

Meetings with a start time are timed events in Europe/London with the VTIMEZONE written out
(Outlook needs it); deadlines and meetings without a time are all-day events, shown as free
time. Every text passes ``ics_safe`` on the way out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from desktop_app import __version__
from desktop_app.exporters.atomic import write_whole
from desktop_app.exporters.ics_safe import MAX_TEXT, one_line, safe_text

LONDON = ZoneInfo("Europe/London")
PRODID = f"-//Scrutiny Tracker//Scrutiny Tracker {__version__}//EN"


@dataclasses.dataclass(frozen=True)
class CalendarEvent:
    """One event. ``start`` is a date (an all-day event) or a naive datetime read as the wall
    time in London; ``end`` likewise (None: one day, or the start for a timed event)."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    description: str = ""
    location: str = ""
    categories: tuple[str, ...] = ()
    cancelled: bool = False
    sequence: int = 0
    modified: dt.datetime | None = None    # aware, UTC: the record's last change
    created: dt.datetime | None = None     # aware, UTC

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


def _utc(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0)


def _event(e: CalendarEvent) -> Event:
    ev = Event()
    ev.add("uid", one_line(e.uid))
    ev.add("dtstamp", _utc(e.modified))
    if e.created is not None:
        ev.add("created", _utc(e.created))
    ev.add("last-modified", _utc(e.modified))
    ev.add("sequence", max(0, e.sequence))
    ev.add("summary", one_line(e.summary))
    if isinstance(e.start, dt.datetime):
        end = e.end if isinstance(e.end, dt.datetime) else e.start
        ev.add("dtstart", e.start.replace(tzinfo=LONDON))
        ev.add("dtend", end.replace(tzinfo=LONDON))
        ev.add("transp", "OPAQUE")
    else:
        end_day = e.end if isinstance(e.end, dt.date) and not isinstance(e.end, dt.datetime) \
            else e.start + dt.timedelta(days=1)
        ev.add("dtstart", e.start)
        ev.add("dtend", end_day)
        ev.add("transp", "TRANSPARENT")
        ev.add("x-microsoft-cdo-busystatus", "FREE")
    if e.location:
        ev.add("location", one_line(e.location))
    if e.description:
        ev.add("description", safe_text(e.description, MAX_TEXT))
    if e.categories:
        ev.add("categories", [one_line(c) for c in e.categories if c.strip()])
    ev.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
    return ev


def calendar_bytes(events: Sequence[CalendarEvent], name: str) -> bytes:
    """The .ics file's bytes: events in the order given (the caller sorts them)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(name))
    cal.add("x-wr-timezone", "Europe/London")
    if any(not e.all_day for e in events):
        cal.add_component(london_timezone())
    for e in events:
        cal.add_component(_event(e))
    return cal.to_ical()


def london_timezone() -> Timezone:
    """Europe/London as Outlook writes it: British Summer Time from 01:00 GMT on the last
    Sunday of March to 02:00 BST on the last Sunday of October (the rule since 1996), rather
    than a list of every change since 1970 that stops in 2038."""
    tz = Timezone()
    tz.add("tzid", "Europe/London")
    for part, name, offsets, start, month in (
            (TimezoneDaylight(), "BST", (dt.timedelta(0), dt.timedelta(hours=1)),
             dt.datetime(1981, 3, 29, 1, 0), 3),
            (TimezoneStandard(), "GMT", (dt.timedelta(hours=1), dt.timedelta(0)),
             dt.datetime(1996, 10, 27, 2, 0), 10)):
        part.add("tzname", name)
        part.add("tzoffsetfrom", offsets[0])
        part.add("tzoffsetto", offsets[1])
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        tz.add_component(part)
    return tz


def write_calendar(path: str | os.PathLike[str], events: Sequence[CalendarEvent],
                   name: str) -> int:
    """Write ``events`` to ``path`` as one calendar called ``name``; the number written."""
    write_whole(path, calendar_bytes(events, name))
    return len(events)
