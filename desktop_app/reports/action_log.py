"""The action log (seed 004, p. 10): landscape A4, the spreadsheet's columns, overdue entries
marked, new and updated entries in blue and red with word badges, and reported-complete
entries in a section of their own."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from reportlab.platypus import Flowable, Spacer

from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.print_options import DEFAULT_OPTIONS, DocumentOptions, Order
from desktop_app.domain.records import ActionRow, MeetingRow
from desktop_app.reports import chosen_columns, keeping, markers, page, parts, theme
from desktop_app.reports.exemption import Disclosure
from desktop_app.reports.cells import Column, text
from desktop_app.reports.fasttable import FastTable, GroupRow, Row

TITLE = "Action log"
CURRENT = "Current actions"
REPORTED = "Reported complete"


def columns(options: DocumentOptions) -> list[Column]:
    """The log's columns; the date columns and the status column wide enough for a date and
    a badge at the chosen size."""
    day = options.date(dt.date(2021, 9, 30))          # the widest date
    return [
        Column("Action number", 6, fit="(continued)"),
        Column("Meeting date", 8, fit=day),
        Column("Action", 30),
        Column("Owner", 10.5),
        Column("Directorate", 10.5),
        Column("Progress update", 20.5),
        Column("Due date", 7.5, fit=day),
        Column("Status", 9, fit=markers.COMPLETED),
    ]


COLUMNS = columns(DEFAULT_OPTIONS)


def _ref_key(row: ActionRow) -> tuple:
    parts_ = re.split(r"(\d+)", row.ref or "")
    return (not row.ref, tuple(int(p) if p.isdigit() else p.casefold() for p in parts_))


def ordered(rows: Iterable[ActionRow], order: Order) -> list[ActionRow]:
    """By action number (numbers in their natural order, "2" before "10"), or by meeting
    (earliest first, then by number)."""
    if order == Order.MEETING:
        return sorted(rows, key=lambda r: (r.meeting_date is None,
                                           r.meeting_date or dt.date.min, _ref_key(r)))
    return sorted(rows, key=lambda r: (_ref_key(r), r.meeting_date or dt.date.min))


def is_reported_complete(row: ActionRow) -> bool:
    return row.reported_complete_on is not None


def action_row(row: ActionRow, exempt_notice: str = "",
               extra_columns: Sequence[str] = (),
               options: DocumentOptions = DEFAULT_OPTIONS) -> Row:
    colour = markers.row_colour(row.new_since_last_meeting, row.updated_since_last_meeting)
    completed = row.status == ActionStatus.COMPLETED
    meeting = [text(options.date(row.meeting_date), colour=colour)]
    action = markers.change_badges(row.new_since_last_meeting, row.updated_since_last_meeting)
    if exempt_notice:
        action.append(markers.exempt_badge(exempt_notice))
    if row.text != exempt_notice:
        action.append(text(row.text, colour=colour))
    due = [text(options.date(row.due_date) if row.due_date else row.due_text,
                bold=row.overdue, colour=theme.OVERDUE_DARK if row.overdue else colour)]
    if row.due_date and row.due_text and row.due_text not in (
            options.date(row.due_date), format_uk(row.due_date, "short"),
            format_uk(row.due_date)):
        due.append(text(row.due_text, italic=True, colour=theme.MUTED))
    if is_reported_complete(row):
        status = [markers.completed_badge(),
                  text(f"Reported {options.date(row.reported_complete_on)}", colour=colour)]
    elif completed:
        status = [markers.completed_badge()]
        if row.completed_on:
            status.append(text(options.date(row.completed_on), colour=colour))
    elif row.overdue:
        status = [markers.overdue_badge()]
    else:
        status = [text("Open", colour=colour)]
    number = text(row.ref, bold=True, colour=colour)
    cells = [
        [number],
        meeting,
        action,
        [text(row.owner, colour=colour)],
        [text(row.directorate, colour=colour)],
        [text(row.progress, colour=colour)],
        due,
        status,
        *chosen_columns.row_cells(row, extra_columns, colour),
    ]
    overdue = row.overdue and not completed
    return Row(cells, fill=theme.OVERDUE_FILL if overdue else None,
               bar=theme.OVERDUE_DARK if overdue else None,
               continued=[number, text("(continued)", italic=True, colour=theme.MUTED)]
               if row.ref else [text("(continued)", italic=True, colour=theme.MUTED)])


def meeting_band(day: dt.date | None, options: DocumentOptions) -> GroupRow:
    return GroupRow(f"Meeting of {options.date(day)}" if day else "Meeting date not recorded")


def action_table(rows: Sequence[ActionRow], disclosure: Disclosure,
                 options: DocumentOptions = DEFAULT_OPTIONS, caption: str = "",
                 extra_columns: Sequence[str] = ()) -> FastTable:
    """The rows in the officer's order; ordered by meeting, each meeting under a band.
    ``extra_columns``: chosen columns after Status ("RAG", "Status as written", a column of
    the imported tracker; see chosen_columns)."""
    out: list[Row] = []
    last: object = object()
    for row in ordered(rows, options.order):
        if options.order == Order.MEETING and row.meeting_date != last:
            out.append(meeting_band(row.meeting_date, options))
            last = row.meeting_date
        out.append(action_row(row, disclosure.row_notice(row.meeting_id, row.item),
                              extra_columns, options))
    return FastTable(chosen_columns.columns(columns(options), extra_columns,
                                            give=("Action", "Progress update")),
                     out, size=options.text_size, caption=caption)


def _summary(current: Sequence[ActionRow], reported: Sequence[ActionRow]) -> str:
    overdue = sum(1 for r in current if r.overdue and r.status != ActionStatus.COMPLETED)
    done = sum(1 for r in current if r.status == ActionStatus.COMPLETED)
    new = sum(1 for r in current if r.new_since_last_meeting)
    updated = sum(1 for r in current if r.updated_since_last_meeting and not r.new_since_last_meeting)
    bits = [f"{len(current)} current action{'s' if len(current) != 1 else ''}",
            f"{overdue} overdue", f"{done} completed awaiting report to the committee",
            f"{new} new", f"{updated} updated", f"{len(reported)} reported complete"]
    return ", ".join(bits) + "."


def story(actions: Sequence[ActionRow], *, committee: str, as_at: dt.date,
          disclosure: Disclosure, last_meeting: dt.date | None = None,
          history_gap: str = "", options: DocumentOptions = DEFAULT_OPTIONS,
          extra_columns: Sequence[str] = ()) -> list[Flowable]:
    """The flowables of the log; ``actions`` have already been through ``disclosure``.
    ``history_gap``: why the log may be empty (history before a date not known), said when
    it is."""
    current = [r for r in actions if not is_reported_complete(r)]
    reported = [r for r in actions if is_reported_complete(r)]
    out: list[Flowable] = parts.title_block(TITLE, committee, as_at, [_summary(current, reported)])
    out.append(markers.change_legend(last_meeting,
                                     overdue_text="Overdue: past its due date and not completed"))
    out.append(parts.empty("Completed actions move to the reported complete section once they "
                           "have been notified to the committee."))
    order = "by meeting" if options.order == Order.MEETING else "by action number"
    out += keeping.sections(
        (keeping.heading(CURRENT),
         action_table(current, disclosure, options, CURRENT, extra_columns) if current else
         parts.empty(parts.joined("There are no current actions.",
                                  "" if actions else history_gap))),
        ([Spacer(0, 10), *keeping.heading(
            REPORTED, f"Actions whose completion has been reported to the committee, {order}.")],
         action_table(reported, disclosure, options, REPORTED, extra_columns) if reported else
         parts.empty("No actions have been reported complete yet.")))
    return out


def build_action_log(target: page.Target, actions: Iterable[ActionRow], *,
                     committee: parts.CommitteeLike, as_at: dt.date, public: bool = False,
                     meetings: Sequence[MeetingRow] = (),
                     last_meeting: dt.date | None = None, history_gap: str = "",
                     extra_columns: Sequence[str] = (),
                     options: DocumentOptions | None = None) -> None:
    """Write the action log as a PDF to ``target`` (a path or a binary file).

    ``meetings`` lets the log recognise actions arising from exempt agenda items; with
    ``public=True`` their text is replaced by "Exempt: paragraph N". ``history_gap`` is
    printed if the log comes out empty (see ``domain.as_at.KnownHistory``). ``options``: the
    order, date style and text size (default: the committee's saved ones, see
    ``keeping.options_for``).
    """
    options = keeping.options_for(committee, options)
    name, council = parts.committee_names(committee)
    disclosure = Disclosure.of(public, meetings)
    rows = disclosure.actions(list(actions))
    setup = page.PageSetup(
        title=TITLE, committee=name, as_at=as_at, council=council,
        subject=f"Actions arising from meetings of the {name}",
        marking=disclosure.marking(shows_exempt=disclosure.any_exempt(
            (r.meeting_id, r.item) for r in rows)),
        keywords=("scrutiny", "action log"))
    page.write_output(target, page.render(story(
        rows, committee=name, as_at=as_at, disclosure=disclosure, last_meeting=last_meeting,
        history_gap=history_gap, options=options, extra_columns=extra_columns), setup))
