"""The action log, recommendation schedule and work programme as workbooks, in the layouts
councils keep them (seed 004's action log, seed 003's schedule, seed 004's work programme),
so that an officer can keep working in Excel and the importer reads the file back.

- a title row, the colour legend, then the header; the header row frozen, with an autofilter;
- real date cells shown dd/mm/yyyy; a fuzzy target ("Summer 2021") as its text;
- blue text for a row new since the last meeting, red for an update since then;
- every cell goes through the writer seam (exporters/xlsx_safe.py): text that Excel would run
  as a formula is written as text with a quote prefix, control characters are removed, and a
  cell keeps within Excel's 32,767 characters.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain import dates
from desktop_app.domain.enums import (ActionStatus, ImplementationStatus, Verdict, WorkFormat,
                                      WorkStatus)
from desktop_app.domain.records import ActionRow, RecommendationRow, WorkItemRow
from desktop_app.exporters.xlsx_safe import put_cell, save_workbook

BLUE = "FF0070C0"
RED = "FFFF0000"
DATE_FORMAT = "dd/mm/yyyy"
LEGEND_COMPLETED = ("COMPLETED ACTIONS WILL BE MOVED TO THE 'REPORTED COMPLETE' TAB ONCE THEY "
                    "HAVE BEEN NOTIFIED TO THE COMMITTEE")
LEGEND_COLOURS = ("RED TEXT INDICATES UPDATES MADE SINCE THE LAST MEETING BLUE TEXT INDICATES "
                  "NEW {what} ADDED FOLLOWING THE LAST MEETING")

ACTION_HEADER = ["Action Number", "Meeting Date", "Action", "Owner", "Directorate",
                 "Progress Update", "Due date", "Reported complete", "Agenda item"]
ACTION_WIDTHS = [10, 14, 60, 22, 20, 50, 14, 14, 30]
REC_HEADER = ["Meeting", "item", "Recommendations", "Action", "Status", "Rec no.",
              "Recommendation to", "Date sent", "Verdict", "Response received"]
REC_WIDTHS = [14, 30, 70, 60, 13, 9, 18, 12, 18, 12]
WP_ITEM_HEADER = ["Item [type of scrutiny]:", "Origin:", "Lead officer(s):",
                  "Current position:", "Target date:", "Status:", "Format:"]
WP_TOPIC_HEADER = ["Topic:", "Origin:", "Lead officer(s):", "Current position:",
                   "Target date:", "Status:", "Format:"]
WP_BRIEFING_HEADER = ["Topic:", "Target date:", "Lead officer(s):", "Current position:",
                      "Origin:", "Status:", "Format:"]
WP_WIDTHS = [50, 50, 34, 50, 16, 12, 16]

_TITLE = Font(bold=True, size=14)
_LEGEND = Font(italic=True, size=9)
_HEAD = Font(bold=True, color="FFFFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="FF1F3A5F")
_HEADING = Font(bold=True, size=12)
_WRAP = Alignment(wrap_text=True, vertical="top")


# ---------------------------------------------------------------- cells

def put(ws: Worksheet, row: int, col: int, value: Any, font: Font | None = None) -> Any:
    """Write one value through the writer seam (exporters.xlsx_safe): dates as date cells,
    text as text, never as a formula."""
    cell = put_cell(ws, row, col, value)
    if font is not None:
        cell.font = font
    return cell


def _row(ws: Worksheet, row: int, values: Sequence[Any], fonts: dict[int, Font] | None = None,
         wrap: bool = True) -> None:
    fonts = fonts or {}
    for col, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        cell = put(ws, row, col, value, fonts.get(col))
        if wrap:
            cell.alignment = _WRAP


def _header(ws: Worksheet, row: int, header: Sequence[str]) -> None:
    for col, text in enumerate(header, start=1):
        cell = put(ws, row, col, text, _HEAD)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    """A new workbook and its first sheet, named ``title``."""
    wb = Workbook()
    ws = wb.worksheets[0]
    if not isinstance(ws, Worksheet):  # a new workbook starts with one ordinary worksheet
        raise TypeError(f"unexpected first sheet {type(ws).__name__}")
    ws.title = title
    return wb, ws


def _widths(ws: Worksheet, widths: Sequence[int]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _table(ws: Worksheet, header_row: int, columns: int) -> None:
    """Freeze the rows down to the header and filter on it."""
    ws.freeze_panes = ws.cell(header_row + 1, 1).coordinate
    last = max(ws.max_row, header_row)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{last}"


def _title(ws: Worksheet, text: str, as_at: dt.date | None = None) -> None:
    """The title row; with ``as_at``, the date the workbook's markers (OVERDUE, new, updated)
    are counted at, "as at 5 December 2026" (the import reads no meeting from those words)."""
    put(ws, 1, 1, f"{text}, as at {dates.format_uk(as_at)}" if as_at else text, _TITLE)


def _colour_fonts(new: bool, updated: bool, columns: int, updated_cols: Iterable[int]
                  ) -> dict[int, Font]:
    if new:
        return {c: Font(color=BLUE) for c in range(1, columns + 1)}
    if updated:
        return {c: Font(color=RED) for c in updated_cols}
    return {}


def _save(wb: Workbook, path: str | os.PathLike[str]) -> None:
    save_workbook(wb, path)


# ---------------------------------------------------------------- actions

def _number_or_text(ref: str) -> int | str:
    """Action 7 as the number 7 (so that Excel sorts 7 before 10), "SOS/22/01" or "007" as
    written."""
    return int(ref) if ref.isdigit() and ref.isascii() and not ref.startswith("0") else ref


# The officer's own words (issue 13), after the app's columns: the status as the file wrote it
# (always: blank says "no word of its own", so the Status column's label is not taken for one),
# the RAG colour and each column the app has no field for, under its own header (these two only
# when some row has them). The import reads them back by these headers.
STATUS_WORD_HEADER = "Status as written"
COMPLETED_ON_HEADER = "Date completed"
RAG_HEADER = "RAG"


def _word_header(rows: Sequence[Any]) -> list[str]:
    header = [STATUS_WORD_HEADER]
    if any(r.rag for r in rows):
        header.append(RAG_HEADER)
    extra: dict[str, None] = {}
    for r in rows:
        extra.update(dict.fromkeys(r.extra))
    return header + list(extra)


def _word_values(r: Any, header: Sequence[str]) -> list[Any]:
    values = {STATUS_WORD_HEADER: r.status_word, RAG_HEADER: r.rag.capitalize()}
    return [values[h] if h in values and h not in r.extra else r.extra.get(h, "")
            for h in header]


def write_actions(path: str | os.PathLike[str], rows: Sequence[ActionRow], committee: str,
                  as_at: dt.date | None = None) -> int:
    """The action log (seed 004): open and completed actions on "Action log", those reported
    complete to the committee on "Reported complete" with the date reported. Returns the
    number of actions written."""
    wb, log = new_workbook("Action log")
    done = wb.create_sheet("Reported complete")
    words = _word_header(rows)
    # the date an action was completed, when the log keeps any (the import reads it back)
    completed = [COMPLETED_ON_HEADER] if any(a.completed_on for a in rows) else []
    header = ACTION_HEADER + completed + words
    for ws in (log, done):
        _title(ws, f"{committee} action log", as_at)
        put(ws, 2, 1, LEGEND_COMPLETED, _LEGEND)
        put(ws, 2, 5, LEGEND_COLOURS.format(what="ACTIONS"), _LEGEND)
        _header(ws, 3, header)
        _widths(ws, ACTION_WIDTHS)
    next_row = {log.title: 4, done.title: 4}
    # an action without a meeting goes first: under another row its blank meeting cell would
    # read as "the same meeting as above"
    for a in sorted(rows, key=lambda a: a.meeting_date is not None):
        ws = done if a.reported_complete_on else log
        if a.reported_complete_on:
            status: Any = a.reported_complete_on
        else:
            status = "COMPLETED" if a.status == ActionStatus.COMPLETED else ("OVERDUE" if a.overdue else "")
        values = [_number_or_text(a.ref), a.meeting_date, a.text, a.owner, a.directorate,
                  a.progress, a.due_date or a.due_text, status, a.item,
                  *([a.completed_on] if completed else []), *_word_values(a, words)]
        fonts = _colour_fonts(a.new_since_last_meeting, a.updated_since_last_meeting,
                              len(values), (6, 8))
        _row(ws, next_row[ws.title], values, fonts)
        next_row[ws.title] += 1
    for ws in (log, done):
        _table(ws, 3, len(header))
    _save(wb, path)
    return len(rows)


# ---------------------------------------------------------------- recommendations

def _label(enum: type, value: str) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value


def write_recommendations(path: str | os.PathLike[str], rows: Sequence[RecommendationRow],
                          committee: str, as_at: dt.date | None = None) -> int:
    """The schedule of recommendations (seed 003): the meeting on its first row, the item on
    the item's first row, a banner row where a municipal year begins."""
    wb, ws = new_workbook("Recommendations")
    _title(ws, f"Schedule of {committee} recommendations made and actions in response", as_at)
    put(ws, 2, 1, LEGEND_COLOURS.format(what="RECOMMENDATIONS"), _LEGEND)
    words = _word_header(rows)
    header = REC_HEADER + words
    _header(ws, 3, header)
    _widths(ws, REC_WIDTHS)
    ordered = sorted(rows, key=lambda r: (r.meeting_date is not None,
                                          r.meeting_date or dt.date.min))
    row_number, meeting, item, year = 4, None, None, None
    for r in ordered:
        first_of_meeting = row_number == 4 or r.meeting_date != meeting
        if r.meeting_date and dates.municipal_year(r.meeting_date) != year:
            if year is not None:
                start = dates.municipal_year_bounds(dates.municipal_year(r.meeting_date))[0].year
                put(ws, row_number, 2, f"{start} / {start + 1}")  # the year's banner row
                row_number += 1
            year = dates.municipal_year(r.meeting_date)
        first_of_item = first_of_meeting or r.item != item
        # a row whose meeting and item are both blank continues the item above: a row
        # without an item after one with an item repeats its meeting instead
        repeat_meeting = first_of_meeting or (first_of_item and not r.item)
        values = [r.meeting_date if repeat_meeting else None,
                  r.item if first_of_item else None, r.text, r.response,
                  _label(ImplementationStatus, r.status), r.label, r.addressee, r.sent_on,
                  r.verdict_word or _label(Verdict, r.verdict), r.response_on,
                  *_word_values(r, words)]
        fonts = _colour_fonts(r.new_since_last_meeting, r.updated_since_last_meeting,
                              len(values), (4, 5))
        _row(ws, row_number, values, fonts)
        meeting, item = r.meeting_date, r.item
        row_number += 1
    _table(ws, 3, len(header))
    _save(wb, path)
    return len(rows)


# ---------------------------------------------------------------- work programme

_SECTIONS = (  # format -> sheet, heading, header
    (WorkFormat.AGENDA_ITEM, "To be scheduled", "To be scheduled and prioritised or removed",
     WP_ITEM_HEADER),
    (WorkFormat.WORKSHOP, "Workshops", "Workshops / seminars", WP_TOPIC_HEADER),
    (WorkFormat.TASK_AND_FINISH, "Task and finish groups", "Task and finish groups", WP_TOPIC_HEADER),
    (WorkFormat.BRIEFING_NOTE, "Briefing notes", "Briefing notes", WP_BRIEFING_HEADER),
    (WorkFormat.ANNUAL_REPORT, "Annual reports", "Annual reports", WP_TOPIC_HEADER),
)


def _work_values(w: WorkItemRow, header: Sequence[str], words: Sequence[str] = ()) -> list[Any]:
    title = f"{w.title} [{w.scrutiny_type}]" if w.scrutiny_type else w.title
    by_name = {"Item [type of scrutiny]:": title, "Topic:": title, "Origin:": w.origin,
               "Lead officer(s):": w.lead, "Current position:": w.position,
               "Target date:": w.target_date or w.target,
               "Status:": _label(WorkStatus, w.status), "Format:": _label(WorkFormat, w.format)}
    return [by_name[h] for h in header] + _word_values(w, words)


def write_work_programme(path: str | os.PathLike[str], rows: Sequence[WorkItemRow],
                         committee: str) -> int:
    """The work programme (seed 004): "Agenda items" with a block per meeting (heading, the
    publication and questions deadlines, header, items); then a sheet each for items to be
    scheduled, workshops, task and finish groups, briefing notes and annual reports."""
    wb, ws = new_workbook("Agenda items")
    _title(ws, f"{committee} work programme")
    _widths(ws, WP_WIDTHS)
    ws.freeze_panes = "A2"
    words = _word_header(rows)
    by_meeting: dict[dt.date, list[WorkItemRow]] = {}
    for w in rows:
        if w.meeting_date is not None:
            by_meeting.setdefault(w.meeting_date, []).append(w)
    row_number = 3
    for day in sorted(by_meeting):
        put(ws, row_number, 1, dates.format_uk(day, "full"), _HEADING)
        put(ws, row_number + 1, 1, "Publication deadline: "
            + dates.format_uk(dates.publication_deadline(day), "day_month"))
        put(ws, row_number + 2, 1, "Questions deadline: "
            + dates.format_uk(dates.questions_deadline(day), "day_month"))
        _header(ws, row_number + 3, WP_ITEM_HEADER + words)
        row_number += 4
        for w in sorted(by_meeting[day], key=lambda w: w.sort_order):
            _row(ws, row_number, _work_values(w, WP_ITEM_HEADER, words))
            row_number += 1
        row_number += 1
    for fmt, sheet, heading, header in _SECTIONS:
        section = wb.create_sheet(sheet)
        put(section, 1, 1, heading, _HEADING)
        _header(section, 2, [*header, *words])
        _widths(section, WP_WIDTHS)
        items = sorted((w for w in rows if w.meeting_date is None and w.format == fmt),
                       key=lambda w: w.sort_order)
        for n, w in enumerate(items, start=3):
            _row(section, n, _work_values(w, header, words))
        _table(section, 2, len(header) + len(words))
    _save(wb, path)
    return len(rows)
