"""The schedule of recommendations and responses (seed 004, appendix 1): grouped by meeting
date, then Item | Recommendations | Executive response / update, with the verdict and the
s.9FE response due date; overdue responses marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop_app.domain.enums import ImplementationStatus, Verdict
from desktop_app.domain.print_options import DEFAULT_OPTIONS, DocumentOptions
from desktop_app.domain.records import MeetingRow, RecommendationRow
from desktop_app.reports import chosen_columns, fonts, keeping, markers, page, parts, theme
from desktop_app.reports.exemption import Disclosure
from desktop_app.reports.cells import Block, Column, text
from desktop_app.reports.fasttable import FastTable, GroupRow, Row

TITLE = "Recommendations and responses"

# the usual recipients of a s.9FE report; anyone else is named in the due-date column
_EXECUTIVE = {"executive", "the executive", "cabinet", "the cabinet", ""}

SCHEDULE = "Schedule of recommendations and responses"


def columns(options: DocumentOptions) -> list[Column]:
    """The schedule's columns; the due-date column wide enough for "Due" and a date."""
    day = f"Sent {options.date(dt.date(2021, 9, 30))}"      # the widest date
    return [
        Column("Item", 15),
        Column("Recommendations", 33),
        Column("Executive responses / update", 30),
        Column("Verdict", 9, fit=markers.OVERDUE),
        Column("Response due (s.9FE)", 13, fit=day),
    ]


COLUMNS = columns(DEFAULT_OPTIONS)


def _verdict_label(value: str) -> str:
    try:
        return Verdict(value).label
    except ValueError:
        return value.replace("_", " ").capitalize()


def _status_label(value: str) -> str:
    try:
        return ImplementationStatus(value).label
    except ValueError:
        return value.replace("_", " ").capitalize()


def _recommendation_cell(row: RecommendationRow, colour, size: float) -> list[Block]:
    cell = markers.change_badges(row.new_since_last_meeting, row.updated_since_last_meeting)
    label = (row.label or "").strip()
    if label:
        hang = stringWidth(label + " ", fonts.REGULAR, size)
        cell.append(text(f"{label} {row.text}", colour=colour, hang=hang))
    else:
        cell.append(text(row.text, colour=colour))
    return cell


def _response_cell(row: RecommendationRow, colour, options: DocumentOptions) -> list[Block]:
    cell: list[Block] = []
    if row.response:
        cell.append(text(row.response, colour=colour))
    elif not row.updates:
        cell.append(text("No response yet.", italic=True, colour=theme.MUTED))
    for update in row.updates:
        if update.text and update.text != row.response:
            cell.append(text(f"{options.date(update.on)}: {update.text}", colour=colour))
    return cell


def _due_cell(row: RecommendationRow, colour, options: DocumentOptions) -> list[Block]:
    cell: list[Block] = []
    if row.addressee and row.addressee.strip().casefold() not in _EXECUTIVE:
        cell.append(text(f"To {row.addressee}", colour=theme.MUTED))
    if row.sent_on is None:
        cell.append(text("Not yet sent", italic=True, colour=theme.MUTED))
        return cell
    cell.append(text(f"Sent {options.date(row.sent_on)}", colour=colour))
    if row.response_due:
        cell.append(text(f"Due {options.date(row.response_due)}",
                         bold=row.response_overdue,
                         colour=theme.OVERDUE_DARK if row.response_overdue else colour))
    if row.response_overdue:
        cell.append(markers.overdue_badge())
    return cell


def recommendation_rows(rows: Sequence[RecommendationRow], disclosure: Disclosure,
                        options: DocumentOptions = DEFAULT_OPTIONS,
                        extra_columns: Sequence[str] = ()) -> list[Row]:
    """Grouped by meeting (a band for each), in the order made; an item's name only on its
    first row, and again, "(continued)", where its rows go on over a page break.
    ``extra_columns``: chosen columns after the due date (see chosen_columns)."""
    ordered = sorted(enumerate(rows), key=lambda p: (p[1].meeting_date or dt.date.min, p[0]))
    out: list[Row] = []
    last_meeting: object = object()
    last_item: object = object()
    for _i, row in ordered:
        if row.meeting_date != last_meeting:
            out.append(GroupRow(options.date(row.meeting_date) if row.meeting_date
                                else "Meeting date not recorded"))
            last_meeting, last_item = row.meeting_date, object()
        colour = markers.row_colour(row.new_since_last_meeting, row.updated_since_last_meeting)
        first_of_item = row.item != last_item
        last_item = row.item
        label = ("Responded" if row.verdict == Verdict.AWAITING and row.responded
                 else _verdict_label(row.verdict))     # a written response, no verdict yet
        verdict = [text(label, bold=True, colour=colour)]
        if row.status and row.status != ImplementationStatus.OPEN:
            verdict.append(text(_status_label(row.status), colour=theme.MUTED))
        rest = [_recommendation_cell(row, colour, options.text_size),
                _response_cell(row, colour, options), verdict, _due_cell(row, colour, options),
                *chosen_columns.row_cells(row, extra_columns, colour)]
        notice = disclosure.row_notice(row.meeting_id, row.item)
        item_cell = [text(row.item, bold=True, colour=colour)] if first_of_item else []
        if notice:
            rest[0] = [b for b in rest[0] if b.text != notice]
            rest[0].insert(0, markers.exempt_badge(notice))
        continued = [text(row.item, bold=True, colour=colour),
                     text("(continued)", italic=True, colour=theme.MUTED)] if row.item else \
            [text("(continued)", italic=True, colour=theme.MUTED)]
        carry = None if first_of_item or not row.item else [continued, *rest]
        out.append(Row([item_cell, *rest], zebra_key=(row.meeting_date, row.item),
                       fill=theme.OVERDUE_FILL if row.response_overdue else None,
                       bar=theme.OVERDUE_DARK if row.response_overdue else None,
                       carry=carry, continued=continued))
    return out


def story(rows: Sequence[RecommendationRow], *, committee: str, as_at: dt.date,
          disclosure: Disclosure, last_meeting: dt.date | None = None,
          history_gap: str = "", options: DocumentOptions = DEFAULT_OPTIONS,
          extra_columns: Sequence[str] = ()) -> list[Flowable]:
    """The flowables of the schedule; ``rows`` have already been through ``disclosure``.
    ``history_gap``: why it may be empty, said when it is."""
    meetings = {r.meeting_date for r in rows}
    awaiting = sum(1 for r in rows if r.verdict == Verdict.AWAITING and not r.responded)
    overdue = sum(1 for r in rows if r.response_overdue)
    summary = (f"{len(rows)} recommendation{'s' if len(rows) != 1 else ''} from "
               f"{len(meetings)} meeting{'s' if len(meetings) != 1 else ''}: {awaiting} awaiting "
               f"an executive response, {overdue} past the two-month response period "
               f"(Local Government Act 2000, s.9FE).")
    out: list[Flowable] = parts.title_block(TITLE, committee, as_at, [summary])
    out.append(markers.change_legend(
        last_meeting, overdue_text="Overdue: no executive response within two months"))
    out += keeping.sections((
        keeping.heading(SCHEDULE),
        FastTable(chosen_columns.columns(columns(options), extra_columns, give=(
            "Recommendations", "Executive responses / update")),
                  recommendation_rows(rows, disclosure, options, extra_columns),
                  size=options.text_size, caption=SCHEDULE) if rows else
        parts.empty(parts.joined("The committee has made no recommendations yet.",
                                 history_gap))))
    return out


def build_recommendations(target: page.Target, recommendations: Iterable[RecommendationRow], *,
                          committee: parts.CommitteeLike, as_at: dt.date, public: bool = False,
                          meetings: Sequence[MeetingRow] = (),
                          last_meeting: dt.date | None = None, history_gap: str = "",
                          extra_columns: Sequence[str] = (),
                          options: DocumentOptions | None = None) -> None:
    """Write the recommendation schedule as a PDF to ``target`` (a path or a binary file);
    ``history_gap`` is printed if it comes out empty. ``options``: date style and text size
    (default: the committee's saved ones)."""
    options = keeping.options_for(committee, options)
    name, council = parts.committee_names(committee)
    disclosure = Disclosure.of(public, meetings)
    rows = disclosure.recommendations(list(recommendations))
    setup = page.PageSetup(
        title=TITLE, committee=name, as_at=as_at, council=council,
        subject=f"Schedule of recommendations made by the {name} and executive responses",
        marking=disclosure.marking(shows_exempt=disclosure.any_exempt(
            (r.meeting_id, r.item) for r in rows)),
        keywords=("scrutiny", "recommendations", "s.9FE"))
    page.write_output(target, page.render(story(
        rows, committee=name, as_at=as_at, disclosure=disclosure, last_meeting=last_meeting,
        history_gap=history_gap, options=options, extra_columns=extra_columns), setup))
