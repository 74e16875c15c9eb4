"""What a date in a header says.

- A progress HISTORY: an action log that keeps each update in its own dated column ("Update Jan
  2023", "Update Mar 2023", "Progress at 14/06/2023"). With no plain progress column, the
  latest update written on a row (the rightmost: councils add the newest column on the right)
  is its progress; the earlier ones stay with the record under their headers (``extra``).
- A response column whose header carries the date of the response ("Response (Cabinet 7 Mar
  2023)", "Cabinet response - 7 March 2023"): with no response-date column, that date is the
  response date of every response written under it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from desktop_app.domain.dates import parse_uk_date
from desktop_app.domain.lazy_re import lazy
from desktop_app.importers import xlsx_values as V

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WHEN = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}(?:\s*'?\d{{2}}|\s+\d{{4}})?"
         r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|q[1-4]\s+\d{4}(?:/\d{2})?")
_UPDATE = r"(?:latest\s+)?(?:progress\s+)?(?:update|progress|position|comments?)"
# "Update Jan 2023", "Progress at 14/06/2023", "Update - March 2023", "Jan 2023 update"
_HISTORY = lazy(rf"^(?:{_UPDATE})\s*(?:as\s+at|at|on|[-–:(])?\s*(?:{_WHEN})\)?$"
                rf"|^(?:{_WHEN})\s+(?:{_UPDATE})$", re.I)
_DAY = lazy(r"\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?\s+\d{2,4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}",
            re.I)


def history_columns(labels: Mapping[int, str], mapped: Mapping[int, str],
                    kind: str) -> tuple[int, ...]:
    """The columns of an action log's progress history (left to right), or () when the sheet
    has a progress column of its own or no dated update columns."""
    if kind != "actions" or "progress" in mapped.values():
        return ()
    return tuple(c for c, label in sorted(labels.items())
                 if c not in mapped and _HISTORY.match(" ".join(label.split())))


def latest_update(row: Mapping[int, Any], columns: tuple[int, ...],
                  labels: Mapping[int, str], fields: dict[str, Any]) -> None:
    """The row's latest update made its progress, taken out of its kept columns."""
    for col in reversed(columns):
        cell = row.get(col)
        text = V.text(cell[0]) if cell is not None and cell[0] is not None else ""
        if text:
            fields["progress"] = text
            fields.get("extra", {}).pop(labels[col], None)
            return


def header_date(label: str | None) -> dt.date | None:
    """The one exact date written in a header ("Response (Cabinet 7 Mar 2023)"), or None."""
    if not label:
        return None
    found = {d for m in _DAY.finditer(label) if (d := parse_uk_date(m.group(0)))}
    return found.pop() if len(found) == 1 else None


def apply(walk: Any, row: Mapping[int, Any], fields: dict[str, Any]) -> None:
    """A data row's fields completed from the sheet's dated headers (SheetWalk's
    ``history_cols`` and ``response_day``)."""
    if walk.history_cols:
        latest_update(row, walk.history_cols, walk.header.labels, fields)
    if walk.response_day and fields.get("response") and not fields.get("response_on"):
        fields["response_on"] = walk.response_day
