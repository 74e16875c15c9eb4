"""What a sheet's walk (xlsx_walk.SheetWalk) carries down from row to row - the meeting and the
item - and the pieces of a data row that read or set it, shared by the three kinds' row builders
(xlsx_kinds)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.domain.enums import WorkFormat
from desktop_app.importers import xlsx_values as V
from desktop_app.importers.grid import CellInfo
from desktop_app.importers.xlsx_kinds import OFF_MEETING, RowError

# Fields whose cells alone do not make a row (a template's pre-filled numbers and dates).
_WEAK = frozenset({"ref", "label", "meeting_date", "status", "reported_complete", "due_date",
                   "sent_on", "verdict", "target", "format", "scrutiny_type", "rag",
                   "response_on", "completed_on", "status_word"})
_NOUN = {"actions": "action", "recommendations": "recommendation", "work-programme": "title"}


class CarriedDown:
    """The meeting, item and section carried down a sheet, and the headings and sections that
    set them (SheetWalk sets the attributes it reads)."""

    kind: str
    number: int
    meeting: dt.date | None
    meeting_error: str
    item: str
    status: Any
    section: str | None
    banner_format: Any
    has_meeting: bool
    heading_seen: bool
    hint: dt.date | None
    sheet_section: str | None
    col: dict[str, int]
    merge_filled: frozenset[tuple[int, int]]

    sheet_completed: bool
    sheet_reported: bool
    given: frozenset[str]
    given_at_meeting: frozenset[str] | None
    _given_sets: dict[Any, frozenset[str]]

    def enter_action_section(self, section: tuple[bool, bool], banner: str, sheet: str) -> str:
        """A banner over a section of an action log ("COMPLETED ACTIONS (to be removed after
        reporting)", "Outstanding actions"): the rows under it, until the next banner, are
        completed (and reported, when it says so) or open; the sheet gives their status.
        Returns the summary's line saying so."""
        self.sheet_completed, self.sheet_reported = section
        said = {"status", "overdue_flag", "reported_complete", "reported_on"}
        self.given = self.given | said
        if self.given_at_meeting is not None:
            self.given_at_meeting = self.given_at_meeting | said
        self._given_sets.clear()
        read = ("completed and reported" if section[1] else "completed") if section[0] else \
            "open unless their status says otherwise"
        return (f"sheet '{sheet}': the actions under '{banner.strip()}' (row {self.number}) are "
                f"read as {read}")

    def fill(self, row: dict[int, CellInfo], col: int | None) -> str | None:
        info = row.get(col) if col is not None else None
        return None if info is None else info[2]

    def nothing_or_error(self, values: dict[str, Any]) -> None:
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

    def meeting_of(self, values: dict[str, Any]) -> tuple[dt.date | None, bool, str]:
        """(meeting date, whether the cell was blank, fuzzy text written instead of a date)."""
        if not self.has_meeting:
            if self.meeting_error:
                raise RowError(self.meeting_error)
            if self.kind == "work-programme" and self.section in OFF_MEETING:
                return None, True, ""
            return self.meeting, True, ""
        value = values.get("meeting_date")
        if value is None or (self.merge_filled and (self.number, self.col["meeting_date"])
                             in self.merge_filled):
            return self.meeting, True, ""
        day, written = (value.date(), "") if isinstance(value, dt.datetime) else \
            V.date_or_text(value)
        if day is not None:
            if day != self.meeting:
                self.item, self.status, self.banner_format = "", None, None
            self.meeting = day
            return day, False, ""
        if self.kind == "work-programme":
            self.meeting = None
            return None, False, "" if V.is_unscheduled(written) else written
        raise RowError(f"meeting date {written!r} is not a date")

    def item_of(self, values: dict[str, Any], meeting_blank: bool) -> tuple[str, bool]:
        """(item, whether it continues the item above)."""
        item = values.get("item")
        item = "" if item is None else item.strip() if item.__class__ is str else V.text(item)
        if item:
            if item != self.item:
                self.status = None
            self.item = item
            return item, False
        if meeting_blank:
            return self.item, True
        self.item, self.status = "", None
        return "", False

    def _enter_section(self, section: str) -> None:
        self.section = section if section != WorkFormat.AGENDA_ITEM else self.sheet_section
        self.banner_format = None
        if section in OFF_MEETING:
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
        self.banner_format = None
        self.item, self.status = "", None
        if self.section in OFF_MEETING and self.section != self.sheet_section:
            self.section = self.sheet_section
        return True
