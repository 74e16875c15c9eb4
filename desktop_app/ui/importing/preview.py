"""The preview table of the import wizard's columns page: the first rows of the sheet as they
will be imported, one column per field that the mapped columns give."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from desktop_app.services.import_preview import MAIN_FIELD, ParsedWorkbook
from desktop_app.ui.importing.text import FIELD_LABELS, show_value

PREVIEW_ROWS = 10

# The preview's columns per kind, in order (a column shows when a mapped column gives it).
PREVIEW_FIELDS: dict[str, tuple[str, ...]] = {
    "actions": ("ref", "meeting_date", "item", "text", "owner", "directorate", "progress",
                "due_date", "status", "reported_complete"),
    "recommendations": ("meeting_date", "item", "label", "text", "addressee", "response",
                        "verdict", "status", "sent_on", "response_on"),
    "work-programme": ("meeting_date", "title", "scrutiny_type", "format", "origin", "lead",
                       "position", "target", "status"),
}


def fill_table(table: QTableWidget, parsed: ParsedWorkbook) -> int:
    """Show the first rows of ``parsed`` in ``table`` (cleared by the caller); the number
    of rows shown."""
    rows = parsed.rows[:PREVIEW_ROWS]
    given: set[str] = set()
    for row in rows:
        given |= set(row.given if row.given is not None else row.fields)
    labels = FIELD_LABELS[parsed.kind]
    fields = [f for f in PREVIEW_FIELDS[parsed.kind]
              if f in given or f == MAIN_FIELD[parsed.kind]]
    marked = any(r.colour for r in rows)
    one_sheet = len({r.sheet for r in rows}) == 1
    heads = (["Row" if one_sheet else "Sheet, row"] + [labels.get(f, f) for f in fields]
             + (["Marked"] if marked else []))
    table.setColumnCount(len(heads))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(heads)
    for r, row in enumerate(rows):
        values = [str(row.row_number) if one_sheet else f"{row.sheet}, {row.row_number}"]
        for f in fields:
            values.append(preview_value(parsed.kind, f, row.fields))
        if marked:
            values.append({"new": "New", "updated": "Updated"}.get(row.colour or "", ""))
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text if len(text) > 24 else "")
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if c == 0:
                item.setForeground(QColor("#5f6368"))
                item.setToolTip(f"Sheet '{row.sheet}', row {row.row_number}")
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    fm = table.fontMetrics()
    for c in range(len(heads)):
        table.resizeColumnToContents(c)
        wide = fields[c - 1] in ("text", "progress", "response", "position", "title") \
            if 0 < c <= len(fields) else False
        limit = fm.horizontalAdvance("M") * (22 if wide else 11)
        table.setColumnWidth(c, min(table.columnWidth(c) + 8, limit))
    # At most about three lines a cell (the tooltip has the whole text), so that each
    # row ends on a whole line.
    for c in range(1, len(heads)):
        room = int((table.columnWidth(c) - 10) * 3 * 0.8)
        for r in range(table.rowCount()):
            item = table.item(r, c)
            if fm.horizontalAdvance(item.text()) > room:
                item.setText(fm.elidedText(item.text(), Qt.TextElideMode.ElideRight, room))
    table.resizeRowsToContents()
    return len(rows)


def preview_value(kind: str, field: str, fields: dict[str, Any]) -> str:
    value = fields.get(field)
    if kind == "actions" and field == "due_date" and value is None:
        return show_value(fields.get("due_text"))
    if kind == "actions" and field == "reported_complete":
        return show_value(fields.get("reported_on")) or ("Yes" if value else "")
    if kind == "work-programme" and field == "target":
        return show_value(fields.get("target_date")) or show_value(value)
    if isinstance(value, str) and field in ("status", "verdict", "format"):
        return value.replace("_", " ").capitalize()
    return show_value(value)
