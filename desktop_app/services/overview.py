"""The officer's week across committees (issue 18's Overview): for each committee, the next
meetings with their publication and public-questions deadlines, executive responses due within
a fortnight or overdue (s.9FE), open actions overdue or due by the next meeting grouped by owner
(whom to chase), and agenda items still to be scheduled.

Nothing here reads the clock: the caller passes ``today`` (the window the real date, the CLI
today's or ``SCRUTINY_TRACKER_TODAY``). Every rule is the one the rest of the app uses: the
deadlines come with each meeting row (services.meetings, domain.dates), the response due date
and "overdue" with each recommendation row (services.recommendations), "overdue" with each
action row (services.actions). ``summarise`` only sorts and groups those rows.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desktop_app.domain.dates import is_bank_holiday
from desktop_app.domain.enums import ActionStatus, MeetingStatus, WorkFormat, WorkStatus
from desktop_app.domain.names import clean_name
from desktop_app.domain.records import (ActionRow, CommitteeRow, MeetingRow, RecommendationRow,
                                        WorkItemRow, _Record, record)

if TYPE_CHECKING:
    from desktop_app.db.database import Database

RESPONSE_WINDOW_DAYS = 14   # executive responses due within this many days are shown
MEETINGS_SHOWN = 3          # the next meetings shown per committee
NO_OWNER = "No owner"


@record
class Deadline(_Record):
    """A meeting deadline and how it stands on the day."""

    day: dt.date
    days_left: int          # negative once passed
    missed: bool
    bank_holiday: bool


@record
class MeetingLine(_Record):
    """A coming meeting with its publication and questions deadlines."""

    committee: str
    meeting_id: int
    date: dt.date
    days_left: int
    venue: str
    publication: Deadline
    questions: Deadline


@record
class ResponseLine(_Record):
    """An executive response due soon or overdue (s.9FE)."""

    committee: str
    recommendation_id: int
    label: str
    text: str
    meeting_date: dt.date | None
    addressee: str
    due: dt.date
    days_left: int
    overdue: bool


@record
class ActionLine(_Record):
    """An action overdue or due before the next meeting."""

    committee: str
    action_id: int
    ref: str
    text: str
    owner: str
    due: dt.date
    days_left: int
    overdue: bool


def action_line(committee: str, action_id: int, ref: str, text: str, owner: str, due: dt.date,
                days_left: int, overdue: bool) -> ActionLine:
    """``ActionLine(...)`` without the frozen dataclass's ``__init__`` (one
    ``object.__setattr__`` call per field): the same fields in the same ``__dict__``, so an
    equal object, hashed alike. A large log has thousands of actions overdue: 1 us a line
    rather than 2.5 (tests/unit/test_overview_service.py holds the two equal)."""
    line = object.__new__(ActionLine)
    line.__dict__.update(committee=committee, action_id=action_id, ref=ref, text=text,
                         owner=owner, due=due, days_left=days_left, overdue=overdue)
    return line


@record
class OwnerGroup(_Record):
    """The actions of one owner."""

    owner: str              # NO_OWNER when the actions have none
    actions: tuple[ActionLine, ...]

    @functools.cached_property
    def overdue(self) -> int:
        """How many of the actions are overdue (counted once: the group never changes)."""
        return sum(a.overdue for a in self.actions)

    @property
    def count(self) -> int:
        """How many actions, without making the lines of a group whose lines wait (see
        ``_LinesOnFirstUse``)."""
        mine = self.__dict__
        return len(mine["actions"]) if "actions" in mine else len(mine["_waiting"][0])

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "overdue": self.overdue}


class _LinesOnFirstUse:
    """``OwnerGroup.actions`` of a group ``owner_groups`` made: its lines, earliest due first,
    made from its action rows when first read, then kept in the group's ``__dict__`` as a field
    given to ``OwnerGroup(owner, actions)`` is (which never reaches this: an object's own
    value comes before a descriptor without ``__set__``). Equality, hash, repr and
    ``as_dict`` read the field, so they make the lines too: the group is the one
    ``OwnerGroup(owner, lines)`` gives. The Overview page shows a long group's heading (its
    count and how many are overdue, known without the lines: ``count``, ``overdue``) and makes
    its lines when it is opened; a large log has thousands of actions overdue (4,244 lines in
    the benchmark's: ~8 ms to make and sort)."""

    def __get__(self, group: OwnerGroup | None, cls: type | None = None) -> Any:
        if group is None:
            return self
        rows, today = group.__dict__["_waiting"]
        owner = group.owner
        lines = tuple(action_line(a.committee, a.id, a.ref, a.text, owner, a.due_date,
                                  (a.due_date - today).days, a.overdue)
                      for a in sorted(rows, key=_DUE_THEN_ID))
        group.__dict__["actions"] = lines
        return lines


OwnerGroup.actions = _LinesOnFirstUse()  # type: ignore[assignment]  # after @dataclass: no default
_DUE_THEN_ID = operator.attrgetter("due_date", "id")


def _waiting_group(owner: str, rows: list[ActionRow], today: dt.date) -> OwnerGroup:
    """The group of ``owner``'s ``rows`` (open, with a due date), its lines made on first use
    (``_LinesOnFirstUse``); how many are overdue counted now (the page's heading says it)."""
    group = object.__new__(OwnerGroup)
    group.__dict__.update(owner=owner, overdue=sum(map(_OVERDUE, rows)),
                          _waiting=(rows, today))
    return group


_OVERDUE = operator.attrgetter("overdue")


@record
class WorkLine(_Record):
    """A work item without a meeting."""

    committee: str
    item_id: int
    title: str
    target: str
    lead: str
    status: str


@record
class CommitteeOverview(_Record):
    """What the Overview shows for one committee."""

    name: str
    short_name: str
    next_meeting: dt.date | None
    meetings: tuple[MeetingLine, ...]
    responses: tuple[ResponseLine, ...]
    owners: tuple[OwnerGroup, ...]
    unscheduled: tuple[WorkLine, ...]
    # past meetings still marked scheduled (held or cancelled, but nobody said so), latest first
    unmarked: tuple[MeetingLine, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.meetings or self.responses or self.owners or self.unscheduled
                    or self.unmarked)


@record
class Overview(_Record):
    """The Overview page on a day, committee by committee."""

    today: dt.date
    committees: tuple[CommitteeOverview, ...]


def _deadline(day: dt.date, today: dt.date) -> Deadline:
    left = (day - today).days
    return Deadline(day, left, left < 0, is_bank_holiday(day))


def upcoming_meetings(rows: Iterable[MeetingRow], today: dt.date) -> list[MeetingRow]:
    """The meetings still to be held (scheduled, on or after today), earliest first."""
    return sorted((m for m in rows if m.status == MeetingStatus.SCHEDULED and m.date >= today),
                  key=lambda m: m.date)


def unmarked_meetings(rows: Iterable[MeetingRow], today: dt.date) -> list[MeetingRow]:
    """Meetings before today still marked scheduled, latest first (the attention strip's
    "still marked scheduled")."""
    return sorted((m for m in rows if m.status == MeetingStatus.SCHEDULED and m.date < today),
                  key=lambda m: m.date, reverse=True)


def response_lines(recs: Iterable[RecommendationRow], today: dt.date,
                   window_days: int = RESPONSE_WINDOW_DAYS) -> list[ResponseLine]:
    """Responses still awaited whose s.9FE date has passed or falls within ``window_days`` of
    ``today`` (inclusive), the most overdue first."""
    last = today + dt.timedelta(days=window_days)
    out = [ResponseLine(r.committee, r.id, r.label, r.text, r.meeting_date, r.addressee,
                        r.response_due, (r.response_due - today).days, r.response_overdue)
           for r in recs
           if not r.responded and r.response_due is not None and r.response_due <= last]
    return sorted(out, key=lambda line: (line.due, line.recommendation_id))


def owner_groups(rows: Iterable[ActionRow], today: dt.date,
                 next_meeting: dt.date | None) -> list[OwnerGroup]:
    """Open actions overdue, or due on or before the committee's next meeting, by owner (owners
    with something overdue first, then by name); each owner's actions earliest due first (their
    lines made when first read: ``_LinesOnFirstUse``)."""
    by_owner: dict[str, list[ActionRow]] = {}
    names: dict[str, str] = {}      # each owner as written, tidied once (a log has few owners)
    open_ = ActionStatus.OPEN
    for a in rows:
        if a.status != open_:
            continue
        due = a.due_date
        if due is None or not a.overdue and (next_meeting is None or due > next_meeting):
            continue
        owner = names.get(a.owner)
        if owner is None:
            owner = names[a.owner] = clean_name(a.owner) or NO_OWNER
        found = by_owner.get(owner)
        if found is None:
            by_owner[owner] = [a]
        else:
            found.append(a)
    groups = [_waiting_group(owner, found, today) for owner, found in by_owner.items()]
    return sorted(groups, key=lambda g: (g.overdue == 0, g.owner == NO_OWNER, g.owner.lower()))


def unscheduled_items(rows: Iterable[WorkItemRow], committee: str) -> list[WorkLine]:
    """Agenda items with no meeting yet (the work programme's "To be scheduled"), not dropped
    or delivered. Briefing notes, workshops and the like need no meeting and are left out."""
    return [WorkLine(committee, w.id, w.title, w.target, w.lead, str(w.status)) for w in rows
            if w.meeting_id is None and w.format == WorkFormat.AGENDA_ITEM
            and w.status not in (WorkStatus.DROPPED, WorkStatus.DELIVERED)]


def summarise(committee: CommitteeRow, meeting_rows: Iterable[MeetingRow],
              action_rows: Iterable[ActionRow], rec_rows: Iterable[RecommendationRow],
              work_rows: Iterable[WorkItemRow], today: dt.date,
              meetings_shown: int = MEETINGS_SHOWN) -> CommitteeOverview:
    """One committee's overview from the rows the services give (no database, no clock)."""
    meeting_rows = list(meeting_rows)
    upcoming = upcoming_meetings(meeting_rows, today)
    next_date = upcoming[0].date if upcoming else None

    def line(m: MeetingRow) -> MeetingLine:
        return MeetingLine(committee.name, m.id, m.date, (m.date - today).days, m.venue,
                           _deadline(m.publication_deadline, today),
                           _deadline(m.questions_deadline, today))
    return CommitteeOverview(committee.name, committee.short_name, next_date,
                             tuple(line(m) for m in upcoming[:meetings_shown]),
                             tuple(response_lines(rec_rows, today)),
                             tuple(owner_groups(action_rows, today, next_date)),
                             tuple(unscheduled_items(work_rows, committee.name)),
                             tuple(line(m) for m in unmarked_meetings(meeting_rows, today)))


def build_overview(db: Database, today: dt.date, committee: str | None = None, *,
                   quick: bool = False,
                   given: tuple[list[ActionRow], list[RecommendationRow]] | None = None,
                   known: list[CommitteeRow] | None = None) -> Overview:
    """Every committee's overview (or one's, by name or short name) as at ``today``.
    ``quick``: the committees, meetings, work programme, actions and recommendations read the
    quick way when the database allows (services/window_read.py: the same rows). ``given``:
    every action and recommendation of (at least) the committees shown, as ``list_actions`` /
    ``list_recommendations`` gave them for ``today`` (the window's Tracker has just read them):
    the open and awaiting ones are taken from these rather than read again (the same rows, in
    the same order). ``known``: every committee, as ``list_committees`` has just given them to
    the caller (not read again)."""
    # the services imported here: the window's quick path needs no SQLAlchemy (issue 18)
    if quick:
        from desktop_app.services import window_read as read
        lists: Any = (read, read, read, read, read)
    else:
        from desktop_app.services import (actions, committees, meetings, recommendations,
                                          work_programme)
        lists = (committees, actions, recommendations, meetings, work_programme)
    committee_list, action_list, rec_list, meeting_list, work_list = lists
    rows = committee_list.list_committees(db) if known is None else known
    if committee:
        from desktop_app.services import committees
        wanted = committees.get_committee(db, committee)
        rows = [c for c in rows if c.id == wanted.id]
    open_actions: dict[int, list[ActionRow]] = defaultdict(list)
    awaiting: dict[int, list[RecommendationRow]] = defaultdict(list)
    if rows and given is not None:
        from desktop_app.services.tracker_rows import rec_matches
        shown = {c.id for c in rows}
        open_ = ActionStatus.OPEN   # tracker_rows.action_matches(a, "open"), for 10,000 rows
        for a in given[0]:
            if a.status == open_ and a.committee_id in shown:
                open_actions[a.committee_id].append(a)
        for r in given[1]:
            if r.committee_id in shown and rec_matches(r, "awaiting-response"):
                awaiting[r.committee_id].append(r)
    elif rows:
        scope = rows[0].name if committee else None
        for a in action_list.list_actions(db, scope, status="open", now=today):
            open_actions[a.committee_id].append(a)
        for r in rec_list.list_recommendations(db, scope, status="awaiting-response",
                                               now=today):
            awaiting[r.committee_id].append(r)
    # quick: every committee's meetings and unscheduled items in one reading
    both = meeting_list.meetings_and_unscheduled(db, [c.name for c in rows]) if quick else {}
    out = []
    for c in rows:
        meeting_rows, work_rows = both.get(c.name) or (
            meeting_list.list_meetings(db, c.name),
            work_list.list_work_programme(db, c.name, "unscheduled"))
        out.append(summarise(c, meeting_rows, open_actions[c.id], awaiting[c.id], work_rows,
                             today))
    return Overview(today, tuple(out))


# ---------------------------------------------------------------------- words
# The window and the command line say the same thing in the same words.

def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def deadline_words(d: Deadline) -> str:
    """"missed", "today", "1 day left", "5 days left"."""
    if d.missed:
        return "missed"
    return "today" if d.days_left == 0 else f"{_days(d.days_left)} left"


def due_words(days_left: int, overdue: bool) -> str:
    """"overdue by 3 days", "due today", "due tomorrow", "due in 9 days"."""
    if overdue or days_left < 0:
        return f"overdue by {_days(-days_left)}" if days_left < 0 else "overdue"
    if days_left == 0:
        return "due today"
    return "due tomorrow" if days_left == 1 else f"due in {_days(days_left)}"


def meeting_words(days_left: int) -> str:
    """"today", "tomorrow", "in 7 days"; "yesterday", "33 days ago"."""
    if days_left < 0:
        return "yesterday" if days_left == -1 else f"{_days(-days_left)} ago"
    return {0: "today", 1: "tomorrow"}.get(days_left, f"in {_days(days_left)}")


def owner_words(group: OwnerGroup) -> str:
    """"Jo Bloggs: 2 actions, 1 overdue"."""
    n = group.count
    text = f"{group.owner}: {n} action{'' if n == 1 else 's'}"
    return text + (f", {group.overdue} overdue" if group.overdue else "")
