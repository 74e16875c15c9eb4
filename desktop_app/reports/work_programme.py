"""The work programme (seed 004, appendix 2): agreed meeting dates with their kind; for each
meeting its publication and questions deadlines and a table of items; then the items still to
be scheduled, workshops, task and finish groups and briefing notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop_app.domain.dates import format_uk, municipal_year
from desktop_app.domain.enums import MeetingKind, MeetingStatus, WorkFormat, WorkStatus
from desktop_app.domain.print_options import DEFAULT_OPTIONS, DocumentOptions
from desktop_app.domain.records import MeetingRow, MoveRow, WorkItemRow
from desktop_app.reports import keeping, markers, page, parts, theme
from desktop_app.reports.exemption import Disclosure
from desktop_app.reports.cells import Block, Column, text
from desktop_app.reports.fasttable import FastTable, Row
from desktop_app.reports.theme import esc

AGENDA_COLUMNS = [Column("Item [type of scrutiny]", 26), Column("Origin", 30),
                  Column("Lead officer(s)", 19), Column("Current position", 25)]
TOPIC_COLUMNS = [Column("Topic", 26), Column("Origin", 30), Column("Lead officer(s)", 19),
                 Column("Current position", 25)]
BRIEFING_COLUMNS = [Column("Topic", 30), Column("Target date", 14), Column("Lead officer(s)", 22),
                    Column("Current position", 34)]

_ON_AGENDAS = {WorkFormat.AGENDA_ITEM, WorkFormat.ANNUAL_REPORT}
_CLOSED = {WorkStatus.DELIVERED, WorkStatus.DROPPED}


def kind_label(kind: str) -> str:
    try:
        return MeetingKind(kind).label
    except ValueError:
        return kind.replace("_", " ").capitalize() if kind else ""


def move_text(move: MoveRow) -> str:
    """"Deferred from 12 October 2021 to 23 November 2021 – reason"."""
    old, new = move.from_date, move.to_date
    if old and new:
        verb = "Deferred" if new > old else "Brought forward"
        words = f"{verb} from {format_uk(old)} to {format_uk(new)}"
    elif old:
        words = f"Deferred from {format_uk(old)}; not yet rescheduled"
    elif new:
        words = f"Scheduled for {format_uk(new)}"
    else:
        words = "Moved"
    return f"{words} – {move.reason}" if move.reason else words


def _item_cell(row: WorkItemRow, notice: str) -> list[Block]:
    cell = [text(row.title, bold=True)]
    if row.scrutiny_type:
        cell.append(text(f"[{row.scrutiny_type}]", italic=True, colour=theme.MUTED))
    if notice:
        cell.append(markers.exempt_badge(notice))
    return cell


def _position_cell(row: WorkItemRow) -> list[Block]:
    cell: list[Block] = []
    if row.status == WorkStatus.DELIVERED:
        cell.append(text("Delivered", bold=True, colour=theme.DONE_GREEN))
    elif row.status == WorkStatus.DROPPED:
        cell.append(text("Removed from the work programme", bold=True, colour=theme.MUTED))
    if row.position:
        cell.append(text(row.position))
    for move in row.moves:
        cell.append(text(move_text(move), italic=True, colour=theme.MUTED))
    return cell


def _lead_cell(row: WorkItemRow) -> list[Block]:
    return [text(row.lead)]


def _target(row: WorkItemRow, options: DocumentOptions) -> str:
    if row.target:
        return row.target
    return options.date(row.target_date) if row.target_date else ""


def _table(rows: Sequence[WorkItemRow], disclosure: Disclosure, options: DocumentOptions, *,
           caption: str, briefing: bool = False, columns=AGENDA_COLUMNS) -> FastTable:
    out = []
    for row in rows:
        notice = disclosure.row_notice(row.meeting_id, row.title)
        if briefing:
            cells = [_item_cell(row, notice), [text(_target(row, options))], _lead_cell(row),
                     _position_cell(row)]
        else:
            cells = [_item_cell(row, notice), [text(row.origin)], _lead_cell(row),
                     _position_cell(row)]
        out.append(Row(cells, continued=[text(row.title, bold=True),
                                         text("(continued)", italic=True, colour=theme.MUTED)]))
    return FastTable(BRIEFING_COLUMNS if briefing else columns, out, size=options.text_size,
                     caption=caption)


def _sorted(rows: Iterable[WorkItemRow]) -> list[WorkItemRow]:
    return sorted(rows, key=lambda r: (r.sort_order, r.title.casefold()))


def meeting_heading(meeting: MeetingRow) -> str:
    words = f"{format_uk(meeting.date, 'full')}"
    if meeting.time:
        words += f", {parts.format_time(meeting.time)}"
    return words


def _meeting_section(meeting: MeetingRow, rows: list[WorkItemRow], disclosure: Disclosure,
                     options: DocumentOptions, above: Sequence[Flowable] = ()
                     ) -> tuple[list[Flowable], Flowable]:
    """(heading, body) of one meeting's items; ``above`` goes before its heading."""
    st = theme.styles()
    kind = kind_label(meeting.kind)
    note = kind
    if meeting.status == MeetingStatus.CANCELLED:
        note = f"{kind} – cancelled" if kind else "Cancelled"
    head = [*above, *keeping.heading(meeting_heading(meeting), note, level="h2"), Paragraph(
        f"<b>Publication deadline:</b> {esc(options.date(meeting.publication_deadline))}"
        f"&nbsp;&nbsp;&nbsp;&nbsp;<b>Questions deadline:</b> "
        f"{esc(options.date(meeting.questions_deadline))}", st["small"])]
    body = _table(rows, disclosure, options, caption=meeting_heading(meeting)) if rows \
        else parts.empty("No items scheduled yet.")
    return head, body


def story(meetings: Sequence[MeetingRow], items: Sequence[WorkItemRow], *, committee: str,
          as_at: dt.date, disclosure: Disclosure,
          options: DocumentOptions = DEFAULT_OPTIONS) -> list[Flowable]:
    """The flowables of the work programme; ``items`` have already been through
    ``disclosure``."""
    st = theme.styles()
    meetings = sorted(meetings, key=lambda m: m.date)
    year = municipal_year(meetings[0].date if meetings else as_at)
    out: list[Flowable] = parts.title_block(f"Work programme {year}", committee, as_at)

    dates: list[Flowable] = []
    for meeting in meetings:
        kind = kind_label(meeting.kind)
        words = format_uk(meeting.date, "full")
        if kind:
            words += f" – {kind.lower()}"
        if meeting.status == MeetingStatus.CANCELLED:
            words += " (cancelled)"
        dates.append(Paragraph(f"<b>{esc(words)}</b>", st["body"]))
    if not meetings:
        dates.append(parts.empty("No meetings have been agreed yet."))
    out.append(keeping.Section([*keeping.heading("Agreed meeting dates", level="h1"), *dates]))

    by_meeting: dict[int, list[WorkItemRow]] = {}
    for row in items:
        if row.meeting_id is not None and row.format in _ON_AGENDAS:
            by_meeting.setdefault(row.meeting_id, []).append(row)
    blocks: list[tuple[list[Flowable], Flowable]] = []
    above = keeping.heading("Agenda items", level="h1")
    for meeting in meetings:
        rows = _sorted(by_meeting.get(meeting.id, []))
        if rows or meeting.date >= as_at:    # a past meeting with nothing on it says nothing
            blocks.append(_meeting_section(meeting, rows, disclosure, options, above))
            above = []
    if above:
        blocks.append((above, parts.empty("No items on the agendas of the year's meetings.")))
    # entries keep their meeting: one of another year is that year's, not "to be scheduled"
    unscheduled = _sorted([r for r in items if r.format in _ON_AGENDAS and r.status not in _CLOSED
                           and r.meeting_id is None])
    sections = [
        ("To be scheduled and prioritised or removed", "Potential agenda items", unscheduled,
         AGENDA_COLUMNS, False),
        ("Workshops / seminars", "", _by_format(items, WorkFormat.WORKSHOP), TOPIC_COLUMNS, False),
        ("Task and finish groups", "", _by_format(items, WorkFormat.TASK_AND_FINISH),
         TOPIC_COLUMNS, False),
        ("Briefing notes", "", _by_format(items, WorkFormat.BRIEFING_NOTE), BRIEFING_COLUMNS, True),
    ]
    dropped = _sorted([r for r in items if r.status == WorkStatus.DROPPED
                       and r.format in _ON_AGENDAS and r.meeting_id is None])
    if dropped:
        sections.append(("Removed from the work programme", "", dropped, AGENDA_COLUMNS, False))
    for title, note, rows, columns, briefing in sections:
        head = [Spacer(0, 6), *keeping.heading(title, note, level="h1")]
        blocks.append((head, _table(rows, disclosure, options, caption=title, briefing=briefing,
                                    columns=columns) if rows
                       else parts.empty("None at present.")))
    out += keeping.sections(*blocks)
    return out


def _by_format(items: Sequence[WorkItemRow], fmt: WorkFormat) -> list[WorkItemRow]:
    return _sorted(r for r in items if r.format == fmt.value)


def build_work_programme(target: page.Target, meetings: Sequence[MeetingRow],
                         items: Iterable[WorkItemRow], *, committee: parts.CommitteeLike,
                         as_at: dt.date, public: bool = False,
                         options: DocumentOptions | None = None) -> None:
    """Write the work programme as a PDF to ``target`` (a path or a binary file).

    ``meetings`` are the committee's meetings of the year (with their agenda items, so that
    entries for exempt items are recognised); ``items`` its work programme entries.
    ``options``: date style and text size (default: the committee's saved ones).
    """
    options = keeping.options_for(committee, options)
    name, council = parts.committee_names(committee)
    disclosure = Disclosure.of(public, meetings)
    rows = disclosure.work_items(list(items))
    year = municipal_year(min((m.date for m in meetings), default=as_at))
    setup = page.PageSetup(
        title=f"Work programme {year}", committee=name, as_at=as_at, council=council,
        subject=f"Work programme of the {name}",
        marking=disclosure.marking(shows_exempt=disclosure.any_exempt(
            (r.meeting_id, r.title) for r in rows)),
        keywords=("scrutiny", "work programme"))
    page.write_output(target, page.render(
        story(meetings, rows, committee=name, as_at=as_at, disclosure=disclosure,
              options=options), setup))
