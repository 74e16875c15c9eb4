"""Walk one sheet below its header, row by row, keeping what carries down.

What carries: the meeting (from the meeting column, or from heading rows when there is none),
the item (a row whose meeting and item cells are blank continues the item above), a
recommendation's status (written on the item's first row), and in a work programme the section
("To be scheduled", "Briefing notes"...). Each row is one of: a repeated header (which may
re-map the columns), a heading, a banner, a deadline line, nothing (blank, or only a reference
number pre-filled by a template), a data row, or a row that cannot be read (a Skip).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from desktop_app.domain.enums import ActionStatus, ImplementationStatus, WorkFormat, WorkStatus
from desktop_app.importers import xlsx_values as V
from desktop_app.importers.xlsx_colours import BLUE, OTHER, RED
from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_headers import Header, repeated_headers, title_texts
from desktop_app.importers.xlsx_rows import ParsedRow, Skip
from desktop_app.importers.xlsx_vocab import MAIN_FIELD

# Fields whose cells alone do not make a row (a template's pre-filled numbers and dates).
_WEAK = frozenset({"ref", "label", "meeting_date", "status", "reported_complete", "due_date",
                   "sent_on", "verdict", "target", "format", "scrutiny_type"})
_NOUN = {"actions": "action", "recommendations": "recommendation", "work-programme": "title"}
# Fields a column gives besides its own.
_IMPLIED = {"due_date": {"due_text"}, "status": {"overdue_flag"},
            "reported_complete": {"reported_on"}, "target": {"target_date"}}
# An action log's tab for finished actions ("Reported complete", "Completed actions",
# "Closed", "Archive") - but not "Incomplete" or "Open and completed".
_COMPLETE_SHEET = re.compile(r"\b(?:completed?|closed|archived?|done)\b", re.I)
_OPEN_SHEET = re.compile(r"\b(?:not|open|outstanding|live|current|incomplete)\b", re.I)
# Sections of a work programme whose items have no meeting.
_OFF_MEETING = frozenset({"unscheduled", WorkFormat.WORKSHOP, WorkFormat.TASK_AND_FINISH,
                          WorkFormat.BRIEFING_NOTE, WorkFormat.ANNUAL_REPORT})


class RowError(ValueError):
    """Why a data row cannot be read."""


class SheetWalk:
    def __init__(self, kind: str, grid: SheetGrid, header: Header,
                 mapping: dict[str, str]) -> None:
        self.kind = kind
        self.grid = grid
        self.mapping = mapping
        self.first = header
        self.mapped_by_user = set(header.mapped_by_user)
        self.build: Callable[[dict[int, CellInfo], dict[str, Any]], dict[str, Any] | None] = {
            "actions": self._action, "recommendations": self._recommendation,
            "work-programme": self._work_item}[kind]
        title = grid.title
        still_open = bool(_OPEN_SHEET.search(title))
        self.sheet_reported = bool(re.search(r"\breported\b", title, re.I)) and not still_open
        self.sheet_completed = self.sheet_reported or (
            bool(_COMPLETE_SHEET.search(title)) and not still_open)
        self.sheet_section = V.sheet_section(grid.title) if kind == "work-programme" else None
        # what carries down
        self.meeting: dt.date | None = None
        self.meeting_error = ""
        self.heading_seen = False  # a heading row has set (or unset) the meeting
        self.item = ""
        self.status: ImplementationStatus | None = None
        self.section = self.sheet_section
        self.hint: dt.date | None = None
        self._use(header)

    # ------------------------------------------------------------ columns

    def _use(self, header: Header) -> None:
        self.header = header
        self.col = {field: col for col, field in header.columns.items()}
        self.columns = tuple(header.columns.items())
        self.mapped = frozenset(header.columns)
        self.main_col = self.col[MAIN_FIELD[self.kind]]
        self.has_meeting = "meeting_date" in self.col
        status_col = self.col.get("status")
        self.reported_col = self.col.get("reported_complete")
        self.reported_is_status = status_col is None and self.reported_col is not None
        self.status_col = self.reported_col if self.reported_is_status else status_col
        given = set(header.columns.values())
        for column, implied in _IMPLIED.items():
            if column in given:
                given |= implied
        if self.kind == "actions" and (self.reported_is_status or self.sheet_completed):
            given |= {"status", "overdue_flag", "reported_complete", "reported_on"}
        if self.kind == "work-programme":
            given.add("format")
        self.given = frozenset(given)

    # ------------------------------------------------------------ the walk

    def run(self, rows: list, skipped: list, notes: list) -> None:
        grid = self.grid
        headers = repeated_headers(grid, self.kind, self.mapping, self.first.row)
        repeats = bool(headers)
        if self.first.ignored:
            names = ", ".join(f"'{t}'" for t in self.first.ignored)
            notes.append(f"sheet '{grid.title}': column(s) {names} not recognised: ignored")
        self._above_header()
        awaiting = False
        for number in sorted(grid.rows):
            if number <= self.first.row:
                continue
            if number in headers:
                self._use(headers[number])
                self.mapped_by_user |= headers[number].mapped_by_user
                awaiting = False
                continue
            row = grid.rows[number]
            present = [(c, info[0]) for c, info in row.items() if info[0] is not None]
            if not present:
                continue
            if len(present) <= 2:  # headings, sections, banners: a cell or two
                present.sort()
                first = present[0][1]
                alone = len(present) == 1 or V.is_deadline_text(present[1][1])
                if alone and self.kind == "work-programme":
                    section = V.section_of(first)
                    if section is not None:
                        self._enter_section(section)
                        awaiting = repeats
                        continue
                if alone and not self.has_meeting and self._heading(first):
                    awaiting = repeats
                    continue
                if len(present) == 1 and V.is_year_banner(first):
                    continue
            if V.is_deadline_text(present[0][1]) and all(V.is_deadline_text(v)
                                                         for _c, v in present):
                continue
            if awaiting:
                if len(present) > 1:
                    skipped.append(Skip(grid.title, number, "row sits between a heading and the "
                                        "next header row; move it under a header"))
                continue
            values = {field: row[col][0] for col, field in self.columns if col in row}
            try:
                fields = self.build(row, values)
            except (RowError, ValueError) as exc:
                skipped.append(Skip(grid.title, number, str(exc)))
                continue
            if fields is not None:
                rows.append(ParsedRow(grid.title, number, fields, self._colour(row),
                                      self._given(fields)))

    def _given(self, fields: dict[str, Any]) -> frozenset[str]:
        """What this row's sheet says something about (see ParsedRow.given)."""
        extra = set()
        meeting_given = self.has_meeting or self.heading_seen or (
            self.kind == "work-programme" and self.section in _OFF_MEETING)
        if meeting_given:
            extra.add("meeting_date")
        if self.kind == "work-programme":
            if meeting_given:
                extra.add("status")  # told by the meeting when there is no status column
            if fields["scrutiny_type"]:
                extra.add("scrutiny_type")  # from [brackets] in the title
            if fields["target"]:
                extra |= {"target", "target_date"}  # a fuzzy date in the meeting column
        return self.given | extra if extra else self.given

    def _above_header(self) -> None:
        """Titles, banners and headings above the first header: year hint, meeting, section."""
        texts = title_texts(self.grid, self.first.row)
        self.hint = V.year_hint(texts)
        for number in sorted(self.grid.rows):
            if number >= self.first.row:
                break
            for _col, info in sorted(self.grid.rows[number].items()):
                value = info[0]
                if value is None:
                    continue
                if self.kind == "work-programme" and (section := V.section_of(value)):
                    self._enter_section(section)
                elif not self.has_meeting:
                    self._heading(value)
                break

    def _enter_section(self, section: str) -> None:
        self.section = section if section != WorkFormat.AGENDA_ITEM else self.sheet_section
        if section in _OFF_MEETING:
            self.meeting, self.meeting_error = None, ""
            self.heading_seen = True
        self.item, self.status = "", None

    def _heading(self, value: Any) -> bool:
        """A meeting heading: sets the meeting for the rows below it."""
        try:
            day = V.heading_date(value, self.hint)
        except V.NoYear as exc:
            self.meeting, self.meeting_error = None, f"{exc}; write the year in it"
            return True
        if day is None:
            return False
        self.meeting, self.meeting_error, self.hint = day, "", day
        self.heading_seen = True
        self.item, self.status = "", None
        if self.section in _OFF_MEETING and self.section != self.sheet_section:
            self.section = self.sheet_section
        return True

    def _colour(self, row: dict[int, CellInfo]) -> str | None:
        main = row.get(self.main_col)
        flags = main[1] if main is not None else 0
        if flags & BLUE and not flags & OTHER:
            return "new"
        mapped = self.mapped
        for col, info in row.items():
            if info[1] & RED and col in mapped:
                return "updated"
        return None

    # ------------------------------------------------------------ shared pieces

    def _fill(self, row: dict[int, CellInfo], col: int | None) -> str | None:
        info = row.get(col) if col is not None else None
        return None if info is None else info[2]

    def _nothing_or_error(self, values: dict[str, Any]) -> None:
        """The main text is blank: a template row (nothing to read) or an error."""
        content = [field for field, value in values.items() if value is not None]
        strong = [f for f in content if f not in _WEAK]
        if strong and strong != ["item"]:
            raise RowError(f"no {_NOUN[self.kind]} text")
        if self.kind != "work-programme":
            if "meeting_date" in content:
                day, _ = V.date_or_text(values["meeting_date"])
                if day is not None:
                    if day != self.meeting:
                        self.item, self.status = "", None
                    self.meeting = day
            if "item" in content:
                self.item, self.status = V.text(values["item"]), None
        return None

    def _meeting(self, values: dict[str, Any]) -> tuple[dt.date | None, bool, str]:
        """(meeting date, whether the cell was blank, fuzzy text written instead of a date)."""
        if not self.has_meeting:
            if self.meeting_error:
                raise RowError(self.meeting_error)
            if self.kind == "work-programme" and self.section in _OFF_MEETING:
                return None, True, ""
            return self.meeting, True, ""
        value = values.get("meeting_date")
        if value is None:
            return self.meeting, True, ""
        day, written = V.date_or_text(value)
        if day is not None:
            if day != self.meeting:
                self.item, self.status = "", None
            self.meeting = day
            return day, False, ""
        if self.kind == "work-programme":
            self.meeting = None
            return None, False, "" if V.is_unscheduled(written) else written
        raise RowError(f"meeting date {written!r} is not a date")

    def _item(self, values: dict[str, Any], meeting_blank: bool) -> tuple[str, bool]:
        """(item, whether it continues the item above)."""
        item = V.text(values.get("item"))
        if item:
            if item != self.item:
                self.status = None
            self.item = item
            return item, False
        if meeting_blank:
            return self.item, True
        self.item, self.status = "", None
        return "", False

    # ------------------------------------------------------------ kinds

    def _action(self, row: dict[int, CellInfo], values: dict[str, Any]) -> dict[str, Any] | None:
        text = V.text(values.get("text"))
        if not text:
            return self._nothing_or_error(values)
        meeting, blank, _ = self._meeting(values)
        item, _cont = self._item(values, blank)
        due_date, due_text = V.date_or_text(values.get("due_date"))
        status, overdue, reported = ActionStatus.OPEN, False, False
        if self.status_col is not None:
            info = row.get(self.status_col)
            status, overdue, reported = V.action_status(
                None if info is None else info[0], None if info is None else info[2],
                self.reported_is_status)
        reported_on = None
        if self.reported_col is not None:
            value = values.get("reported_complete")
            if value is not None and not self.reported_is_status and not reported:
                _s, _o, reported = V.action_status(value, None, True)
                if reported:
                    status, overdue = ActionStatus.COMPLETED, False
            if reported:
                reported_on = V.date_or_text(value)[0]
        if self.sheet_completed:
            status, overdue, reported = (ActionStatus.COMPLETED, False,
                                        reported or self.sheet_reported)
        return {
            "ref": V.ref_text(values.get("ref")),
            "meeting_date": meeting,
            "item": item,
            "text": text,
            "owner": V.text(values.get("owner")),
            "directorate": V.text(values.get("directorate")),
            "progress": V.text(values.get("progress")),
            "due_date": due_date,
            "due_text": due_text,
            "status": status,
            "reported_complete": reported,
            "reported_on": reported_on,
            "overdue_flag": overdue,
        }

    def _recommendation(self, row: dict[int, CellInfo], values: dict[str, Any]
                        ) -> dict[str, Any] | None:
        text = V.text(values.get("text"))
        if not text:
            return self._nothing_or_error(values)
        meeting, blank, _ = self._meeting(values)
        item, continued = self._item(values, blank)
        status = V.recommendation_status(values.get("status"), self._fill(row, self.status_col))
        if status is None:
            status = (self.status if continued else None) or ImplementationStatus.OPEN
        elif not continued:
            self.status = status
        sent_on, sent_text = V.date_or_text(values.get("sent_on"))
        if sent_text:
            raise RowError(f"sent on {sent_text!r} is not a date")
        response_on, response_text = V.date_or_text(values.get("response_on"))
        if response_text:
            raise RowError(f"response received {response_text!r} is not a date")
        return {
            "meeting_date": meeting,
            "item": item,
            "label": V.ref_text(values.get("label")) or V.leading_label(text),
            "text": text,
            "addressee": V.text(values.get("addressee")),
            "response": V.text(values.get("response")),
            "verdict": V.verdict(values.get("verdict")),
            "status": status,
            "sent_on": sent_on,
            "response_on": response_on,
        }

    def _work_item(self, row: dict[int, CellInfo], values: dict[str, Any]
                   ) -> dict[str, Any] | None:
        written = V.text(values.get("title"))
        if not written:
            return self._nothing_or_error(values)
        title, scrutiny_type = V.split_title(written)
        column_type = V.text(values.get("scrutiny_type"))
        if column_type:
            title, scrutiny_type = written, column_type
        fmt = V.work_format(values.get("format"))
        if fmt is None:
            fmt = WorkFormat(self.section) if self.section in _OFF_MEETING and \
                self.section != "unscheduled" else WorkFormat.AGENDA_ITEM
        meeting, _blank, fuzzy = self._meeting(values)
        target_date, target = V.date_or_text(values.get("target"))
        if fuzzy and not target and target_date is None:
            target = fuzzy
        position = V.text(values.get("position"))
        status = V.work_status(values.get("status")) or \
            V.work_status_in_position(position) or \
            (WorkStatus.SCHEDULED if meeting else WorkStatus.PROPOSED)
        return {
            "title": title,
            "format": fmt,
            "scrutiny_type": scrutiny_type,
            "origin": V.text(values.get("origin")),
            "lead": V.text(values.get("lead")),
            "position": position,
            "meeting_date": meeting,
            "target": target,
            "target_date": target_date,
            "status": status,
        }

