"""Print from the database: gather a document's rows through the services, then build it.

The command line and the window both print through here, so a document made from either shows
the same rows. The date a document is as at follows ``domain.as_at.document_as_at``: the
officer's ``as_at``, else the publication date of the meeting the document is for, else
``today`` (which the caller passes: nothing here reads the clock). The minutes record the
meeting, so they are as at the officer's date, else ``today``: whether they are still a draft
depends on it. When anything changed after
that date, actions, recommendations and the work programme are rebuilt as they stood then
(from the audit trail, imported rows counting from their own dates); otherwise the live rows
are used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Collection, Sequence
from typing import Any

from desktop_app.db.engine import Database
from desktop_app.domain.as_at import KnownHistory, document_as_at
from desktop_app.domain.dates import municipal_year
from desktop_app.domain.enums import MeetingStatus
from desktop_app.domain.print_options import DocumentOptions
from desktop_app.domain.records import CommitteeRow, MeetingRow
from desktop_app.reports import page
from desktop_app.reports.errors import ReportError
from desktop_app.services import actions, as_at as history, committees, meetings, recommendations
from desktop_app.services import attachments, work_programme

KINDS = ("action-log", "recommendations", "work-programme", "agenda", "minutes", "pack")
ALIASES = {"actions": "action-log", "action_log": "action-log", "recs": "recommendations",
           "work_programme": "work-programme", "wp": "work-programme"}


def canonical_kind(kind: str) -> str:
    key = kind.strip().lower()
    key = ALIASES.get(key, key)
    if key not in KINDS:
        raise ReportError(f"unknown document {kind!r} (choose from {', '.join(KINDS)}; "
                          f"'actions' means the action log)")
    return key


@dataclasses.dataclass(frozen=True)
class Sources:
    """The rows one committee's documents are made from."""

    committee: CommitteeRow
    meetings: tuple[MeetingRow, ...]
    meeting: MeetingRow | None
    as_at: dt.date
    history: KnownHistory = KnownHistory(None)

    @property
    def history_gap(self) -> str:
        """Why an empty action log or schedule is empty, if its history is not known."""
        return self.history.gap_before(self.as_at)

    @property
    def previous_meeting(self) -> MeetingRow | None:
        """The last meeting before ``meeting`` that was not cancelled (its minutes go in)."""
        if self.meeting is None:
            return None
        before = [m for m in self.meetings if m.date < self.meeting.date
                  and m.status != MeetingStatus.CANCELLED]
        return before[-1] if before else None

    @property
    def last_meeting(self) -> dt.date | None:
        """The last meeting held on or before ``as_at`` (what "new" and "updated" count from)."""
        if self.meeting is not None and self.previous_meeting is not None:
            return self.previous_meeting.date
        held = [m.date for m in self.meetings if m.date <= self.as_at
                and m.status == MeetingStatus.HELD]
        return held[-1] if held else None

    def year_meetings(self) -> list[MeetingRow]:
        """The meetings of the municipal year the document shows: the meeting's year, else the
        as-at date's; a year without meetings gives way to the latest earlier year with any."""
        year = municipal_year(self.meeting.date if self.meeting else self.as_at)
        chosen = [m for m in self.meetings if municipal_year(m.date) == year]
        if chosen or self.meeting is not None:
            return chosen
        earlier = [m for m in self.meetings if m.date <= self.as_at]
        if not earlier:
            return []
        year = municipal_year(earlier[-1].date)
        return [m for m in self.meetings if municipal_year(m.date) == year]


def gather(db: Database, committee: str, *, meeting: dt.date | None = None,
           as_at: dt.date | None = None, today: dt.date | None = None) -> Sources:
    """The rows for a document; its as-at date by the one rule (``document_as_at``).
    ``today`` is needed only when neither ``as_at`` nor ``meeting`` is given."""
    row = committees.get_committee(db, committee)
    all_meetings = tuple(meetings.list_meetings(db, row.name))
    chosen = None
    if meeting is not None:
        chosen = next((m for m in all_meetings if m.date == meeting), None)
        if chosen is None:
            raise ReportError(f"{row.name} has no meeting on {meeting.isoformat()}")
    if as_at is None and chosen is None and today is None:
        raise ReportError("no as-at date: give the date the document is as at, or today's")
    day = document_as_at(today=today or dt.date.min, chosen=as_at,
                         publication=chosen.publication_deadline if chosen else None)
    return Sources(row, all_meetings, chosen, day, history.known_history(db, row.name))


def _actions(db: Database, src: Sources):
    if history.changed_after(db, src.committee.name, src.as_at):
        return history.actions_as_at(db, src.committee.name, src.as_at)
    return actions.list_actions(db, src.committee.name, with_updates=True, now=src.as_at)


_WORK_TABLES = ("work_programme_items", "work_item_moves")


def _work_items(db: Database, src: Sources):
    """The work programme as it stood on the as-at date (items moved, added or delivered
    later are where they were then), or today's when nothing changed since."""
    if history.changed_after(db, src.committee.name, src.as_at, _WORK_TABLES):
        return history.work_programme_as_at(db, src.committee.name, src.as_at)
    return work_programme.list_work_programme(db, src.committee.name)


def _only(rows, ids: Collection[int] | None) -> list:
    if ids is None:
        return list(rows)
    wanted = set(ids)
    return [r for r in rows if r.id in wanted]


def _recommendations(db: Database, src: Sources):
    if history.changed_after(db, src.committee.name, src.as_at):
        return history.recommendations_as_at(db, src.committee.name, src.as_at)
    return recommendations.list_recommendations(db, src.committee.name, with_updates=True,
                                                now=src.as_at)


def minutes_as_at(as_at: dt.date | None, today: dt.date | None) -> dt.date:
    """The minutes' as-at date: the officer's, else today (``domain.as_at``: they record the
    meeting, they are not its papers)."""
    if as_at is not None:
        return as_at
    if today is None:
        raise ReportError("no as-at date for the minutes: give the date they are as at, "
                          "or today's")
    return document_as_at(today=today)


def _need_meeting(src: Sources, kind: str) -> MeetingRow:
    if src.meeting is None:
        raise ReportError(f"the {kind} needs --meeting YYYY-MM-DD")
    return src.meeting


def _chosen_columns(db: Database, kind: str, committee: str,
                    names: Sequence[str]) -> list[str]:
    if not names:
        return []
    if kind not in ("action-log", "recommendations"):
        raise ReportError(f"extra columns (--column) are printed on the action log and the "
                          f"recommendation schedule, not the {kind}")
    from desktop_app.services.errors import ServiceError
    from desktop_app.services.record_columns import chosen_columns
    try:
        return chosen_columns(db, committee, kind, names)
    except ServiceError as exc:
        raise ReportError(str(exc)) from exc


def write_document(db: Database, kind: str, target: page.Target, committee: str, *,
                   meeting: dt.date | None = None, as_at: dt.date | None = None,
                   public: bool = False, today: dt.date | None = None,
                   extra_columns: Sequence[str] = (),
                   options: DocumentOptions | None = None,
                   only_ids: Collection[int] | None = None,
                   untagged: list[str] | None = None) -> int:
    """Build one document from the database into ``target``; returns its page count.

    ``only_ids``: the action log or recommendation schedule of just these records (the rows
    selected in the window).

    ``extra_columns``: columns to print after the usual ones on the action log or the
    recommendation schedule ("RAG", "Status as written", a column of the imported tracker);
    a name no record has is refused (ReportError) before anything is written.

    ``as_at``: the officer's date, or None for the rule (the meeting's publication date, else
    ``today``, which the caller reads from its clock). ``options``: the order, date style and
    text size of the table documents (alone or in a pack); None for the committee's saved
    ones. ``untagged``: a pack adds to it the titles of the merged reports that are not tagged
    PDF (every document the app writes itself is), for the officer to be told."""
    build, args, common = _prepare(db, kind, committee, meeting=meeting, as_at=as_at,
                                   today=today, public=public, extra_columns=extra_columns,
                                   options=options, only_ids=only_ids, untagged=untagged)
    buffer = io.BytesIO()
    build(buffer, *args, **common)
    data = buffer.getvalue()
    page.write_output(target, data)
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(data)).pages)


def document_story(db: Database, kind: str, committee: str, *,
                   meeting: dt.date | None = None, as_at: dt.date | None = None,
                   public: bool = False, today: dt.date | None = None,
                   extra_columns: Sequence[str] = (),
                   options: DocumentOptions | None = None
                   ) -> tuple[list[Any], page.PageSetup]:
    """The flowables and page setup ``write_document`` would draw, drawn nowhere: the very
    rows, headings and notes of the PDF, for the Word and web-page exports
    (``reports.flat_document``). Same arguments and same refusals as ``write_document``."""
    build, args, common = _prepare(db, kind, committee, meeting=meeting, as_at=as_at,
                                   today=today, public=public, extra_columns=extra_columns,
                                   options=options)
    with page.capturing() as got:
        build(io.BytesIO(), *args, **common)
    if len(got) != 1:
        raise ReportError(f"the {canonical_kind(kind)} is not one document")
    return got[0]


def _prepare(db: Database, kind: str, committee: str, *, meeting: dt.date | None,
             as_at: dt.date | None, today: dt.date | None, public: bool,
             extra_columns: Sequence[str], options: DocumentOptions | None,
             only_ids: Collection[int] | None = None, untagged: list[str] | None = None
             ) -> tuple[Callable[..., None], tuple, dict[str, Any]]:
    """What builds the document, and its arguments: (build, args, keyword arguments)."""
    from desktop_app.reports.action_log import build_action_log
    from desktop_app.reports.agenda import build_agenda
    from desktop_app.reports.minutes import build_minutes
    from desktop_app.reports.pack import build_pack, plan_pack
    from desktop_app.reports.recommendations import build_recommendations
    from desktop_app.reports.work_programme import build_work_programme

    kind = canonical_kind(kind)
    src = gather(db, committee, meeting=meeting, as_at=as_at, today=today)
    chosen = _chosen_columns(db, kind, src.committee.name, extra_columns)
    # the committee row carries the layout options into every table document, in a pack too
    committee_row = src.committee if options is None else dataclasses.replace(
        src.committee, print_options=options)
    common: dict[str, Any] = dict(committee=committee_row, as_at=src.as_at, public=public)
    build: Callable[..., None]
    if kind == "action-log":
        build, args = build_action_log, (_only(_actions(db, src), only_ids),)
        common.update(meetings=src.meetings, last_meeting=src.last_meeting,
                      history_gap=src.history_gap, extra_columns=chosen)
    elif kind == "recommendations":
        build, args = build_recommendations, (_only(_recommendations(db, src), only_ids),)
        common.update(meetings=src.meetings, last_meeting=src.last_meeting,
                      history_gap=src.history_gap, extra_columns=chosen)
    elif kind == "work-programme":
        build = build_work_programme
        args = (src.year_meetings(), _work_items(db, src))
    elif kind == "minutes":
        from desktop_app.services.minutes_record import minutes_records
        the_meeting = _need_meeting(src, kind)
        build, args = build_minutes, (the_meeting,)
        # the minutes record the meeting: as at the officer's date, else today (not the
        # papers' publication date), so that "draft" or "approved" is said as of that day
        common.update(record=minutes_records(db, [the_meeting.id]).get(the_meeting.id),
                      as_at=minutes_as_at(as_at, today))
    else:
        # the attachments' stored copies, checked and sanitised when attached
        the_meeting = attachments.with_copies(db, _need_meeting(src, kind))
        members = committees.list_members(db, src.committee.name)
        from desktop_app.services.minutes_record import minutes_records
        previous = src.previous_meeting
        pack_args: dict[str, Any] = dict(
                         previous_meeting=previous, actions=_actions(db, src),
                         previous_record=minutes_records(db, [previous.id]).get(previous.id)
                         if previous else None,
                         recommendations=_recommendations(db, src),
                         work_items=_work_items(db, src),
                         meetings=src.meetings, last_meeting=src.last_meeting,
                         history_gap=src.history_gap)
        if kind == "pack":
            def pack_noting_untagged(*pack_a, **pack_kw) -> None:
                found = build_pack(*pack_a, **pack_kw)
                if untagged is not None:
                    untagged.extend(found)
            build, args = pack_noting_untagged, (the_meeting, members)
            common.update(pack_args)
        else:
            # the front sheet alone, with the page ranges the pack would give it
            ranges = plan_pack(the_meeting, members, **common, **pack_args).page_ranges
            build, args = build_agenda, (the_meeting, members)
            common.update(page_ranges=ranges)
    return build, args, common
