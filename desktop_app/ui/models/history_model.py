"""Small grids of the detail panes: a record's dated progress updates and its change history."""

from __future__ import annotations

import json

from desktop_app.domain.records import AuditRow, UpdateRow
from desktop_app.ui.app_state import short_date
from desktop_app.ui.errors import FIELD_LABELS
from desktop_app.ui.models.base import Column, RowTableModel

_HIDDEN_FIELDS = {"updated_on", "position", "reported_complete_meeting_id", "agenda_item_id",
                  "committee_id", "raised_on"}


def _field(r: AuditRow) -> str:
    if r.operation == "insert":
        return "Created" if r.table != "progress_updates" else "Progress update added"
    if r.operation == "delete":
        return "Deleted" if r.table != "progress_updates" else "Progress update removed"
    label = FIELD_LABELS.get(r.field, r.field.replace("_", " "))
    return label.removeprefix("the ").capitalize()


def _value(text: str | None) -> str:
    if not text:
        return ""
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        import datetime as dt
        try:
            return short_date(dt.date.fromisoformat(text))
        except ValueError:
            return text
    return text


def _new(r: AuditRow) -> str:
    if r.operation == "insert" and r.new:
        try:
            values = json.loads(r.new)
        except ValueError:
            return r.new
        return str(values.get("text", "")) if isinstance(values, dict) else r.new
    return _value(r.new)


def visible_history(rows: list[AuditRow]) -> list[AuditRow]:
    return [r for r in rows if r.field not in _HIDDEN_FIELDS]


class HistoryModel(RowTableModel[AuditRow]):
    columns = (
        Column("at", "When", lambda r: r.at.strftime("%d/%m/%Y %H:%M"), sort=lambda r: r.at,
               width=15),
        Column("who", "Who", lambda r: r.who, width=14),
        Column("field", "What", _field, width=16),
        Column("old", "Was", lambda r: _value(r.old) if r.operation == "update" else "",
               width=16, stretch=1, wrap=True),
        Column("new", "Now", _new, width=16, stretch=1, wrap=True),
    )


class UpdatesModel(RowTableModel[UpdateRow]):
    columns = (
        Column("on", "Date", lambda r: short_date(r.on), sort=lambda r: r.on, width=11),
        Column("text", "Progress update", lambda r: r.text, width=30, stretch=1, wrap=True),
        Column("author", "By", lambda r: r.author, width=14),
    )
