"""A work programme laid out as a MATRIX: topics down the side, one column per meeting across
the top (the header's cells are the meetings' dates), and in a topic's row a mark in the column
of its meeting: "X" (or a tick) for an item on the agenda, or the item's kind ("Briefing",
"Workshop", "Annual report"). A "Date TBC" column holds topics with no meeting yet (proposed).
A "Deferred" (or "Moved", "Postponed") cell in an earlier meeting's column is where the item
was before it moved: a move from that meeting, its reason the row's comments when they give
one. A topic marked at two or more meetings comes in at the first; the other marks are kept
with it under their dates (and the sheet's note says so)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from desktop_app.domain.dates import parse_uk_date
from desktop_app.domain.enums import WorkStatus
from desktop_app.domain.lazy_re import lazy
from desktop_app.importers import xlsx_values as V

_TBC = lazy(r"^(?:meeting\s+)?(?:date\s+)?(?:tbc|tba|to be (?:confirmed|scheduled|agreed|"
            r"allocated)|not yet scheduled|unscheduled)$", re.I)
_TICKS = {"x", "✓", "✔", "y", "yes", "*", "•"}


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_uk_date(value) if isinstance(value, str) else None


@dataclasses.dataclass
class Matrix:
    dates: dict[int, dt.date]  # column -> its meeting
    tbc: dict[int, str]  # column -> its header ("Date TBC")
    extra: dict[str, str] = dataclasses.field(default_factory=dict)  # the row's other marks
    moved_from: list[dt.date] = dataclasses.field(default_factory=list)
    mark: str = ""
    several: bool = False  # a topic marked at two or more meetings (for the sheet's note)

    @classmethod
    def of(cls, kind: str, header_cells: dict[int, Any], labels: dict[int, str],
           columns: dict[int, str]) -> Matrix | None:
        """The matrix of a work programme's header row, or None: two or more of its cells must
        be dates, and the sheet must have no meeting column."""
        if kind != "work-programme" or "meeting_date" in columns.values():
            return None
        dates = {c: d for c, info in sorted(header_cells.items())
                 if c not in columns and (d := _day(info[0])) is not None}
        if len(dates) < 2:
            return None
        tbc = {c: label for c, label in labels.items()
               if c not in columns and c not in dates and _TBC.match(" ".join(label.split()))}
        return cls(dates, tbc)

    @property
    def columns(self) -> set[int]:
        return set(self.dates) | set(self.tbc)

    def place(self, row: dict[int, Any], values: dict[str, Any]) -> None:
        """The row's meeting (and kind of item) from its marks, into ``values``."""
        self.extra, self.moved_from, self.mark = {}, [], ""
        placed: list[tuple[int, str]] = []
        for col in sorted(self.columns):
            info = row.get(col)
            text = V.text(info[0]) if info is not None and info[0] is not None else ""
            if not text:
                continue
            try:
                moved = V.work_status(text) == WorkStatus.DEFERRED
            except ValueError:
                moved = False
            if moved and col in self.dates:
                self.moved_from.append(self.dates[col])
            else:
                placed.append((col, text))
        if not placed:
            return
        (col, mark), *others = placed
        self.several = self.several or bool(others)
        for other, text in others:
            self.extra[self._name(other)] = text
        self.mark = mark
        values["meeting_date"] = self.dates.get(col) or "TBC"  # TBC: no meeting yet
        if mark.strip(" .").lower() not in _TICKS and values.get("format") is None:
            try:
                if V.work_format(mark) is not None:
                    values["format"] = mark
            except ValueError:
                self.extra.setdefault(self._name(col), mark)  # a mark nobody knows: kept

    def finish(self, fields: dict[str, Any]) -> None:
        """The row's moves from its "Deferred" cells and its other marks, into ``fields``."""
        if self.extra:
            fields["extra"] = {**fields.get("extra", {}), **self.extra}
        meeting = fields.get("meeting_date")
        if self.moved_from and not fields.get("moves"):
            reason = fields.get("position") or "Deferred"
            fields["moves"] = [{"from_date": d, "to_date": meeting, "reason": reason}
                               for d in self.moved_from if d != meeting]

    def _name(self, col: int) -> str:
        return self.tbc.get(col) or f"{self.dates[col]:%d/%m/%Y}"

    def note(self, sheet: str) -> str:
        dates = ", ".join(f"{d:%d/%m/%Y}" for d in self.dates.values())
        found = f"sheet '{sheet}': read as a matrix, one column per meeting ({dates})"
        if self.tbc:
            found += "; " + ", ".join(f"'{t}'" for t in self.tbc.values()) + ": no meeting yet"
        if self.several:
            found += "; a topic marked at several meetings came in at the first, the other " \
                     "marks kept with it"
        return found
