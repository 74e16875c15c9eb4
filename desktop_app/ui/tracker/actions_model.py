"""The action log grid: one row per ActionRow from services.actions."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QIcon

from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.records import ActionRow
from desktop_app.ui.app_state import long_date, short_date
from desktop_app.ui.models.base import (Column, RowTableModel, bold_font, flag_word, natural_key,
                                        rank_then_newest, since_meeting_colour)
from desktop_app.ui.models.committee_names import committee_label
from desktop_app.ui.models.optional_columns import (RAG_KEY, rag_column, search_words,
                                                    status_word_column)
from desktop_app.ui.widgets import badges


def status_word(r: ActionRow) -> str:
    if r.overdue:
        return "OVERDUE"
    if r.reported_complete_on:
        return "Reported complete"
    if r.status == ActionStatus.COMPLETED:
        return "Completed"
    return "Open"


_STATUS_RANK = {"OVERDUE": 0, "Open": 1, "Completed": 2, "Reported complete": 3}


def status_rank(r: ActionRow) -> int:
    """``_STATUS_RANK[status_word(r)]`` in one call (the default order ranks every row)."""
    if r.overdue:
        return 0
    if r.reported_complete_on:
        return 3
    return 2 if r.status == ActionStatus.COMPLETED else 1
_FLAG_RANK = {"NEW": 0, "UPDATED": 1, "": 2}


def due_text(r: ActionRow) -> str:
    return short_date(r.due_date) if r.due_date else r.due_text


class ActionsModel(RowTableModel[ActionRow]):
    FLAG, COMMITTEE, REF, MEETING, ITEM, TEXT, OWNER, DIRECTORATE, PROGRESS, DUE, STATUS, \
        REPORTED, RAG, STATUS_WORD = range(14)   # then the officer's own columns (extra)
    columns = (
        Column("flag", "Since last", flag_word, sort=lambda r: _FLAG_RANK[flag_word(r)],
               width=12, searchable=False,
               help="NEW: added after the last meeting (blue). UPDATED: changed since the last "
                    "meeting (red)."),
        Column("committee", "Committee", committee_label, width=8, wrap=True, hidden=True,
               help="The committee (its short name)"),
        Column("ref", "No.", lambda r: r.ref, sort=lambda r: natural_key(r.ref), width=4,
               help="Action number"),
        Column("meeting", "Meeting", lambda r: short_date(r.meeting_date),
               sort=lambda r: r.meeting_date, width=11, help="Meeting the action came from"),
        Column("item", "Agenda item", lambda r: r.item, width=18, wrap=True, hidden=True),
        Column("text", "Action", lambda r: r.text, width=20, stretch=3, wrap=True),
        Column("owner", "Owner", lambda r: r.owner, width=12, stretch=1, wrap=True),
        Column("directorate", "Directorate", lambda r: r.directorate, width=11, stretch=1,
               wrap=True),
        Column("progress", "Progress update", lambda r: r.progress, width=15, stretch=2,
               wrap=True),
        Column("due", "Due", due_text, sort=lambda r: r.due_date, width=11),
        Column("status", "Status", status_word, sort=lambda r: _STATUS_RANK[status_word(r)],
               width=13, searchable=False),
        Column("reported", "Reported complete", lambda r: short_date(r.reported_complete_on),
               sort=lambda r: r.reported_complete_on, width=13, hidden=True),
        rag_column(),
        status_word_column(),
    )

    @classmethod
    def default_order(cls, row: ActionRow) -> tuple:
        """Outstanding first (overdue, open, completed, reported complete), then newest."""
        day = row.meeting_date.toordinal() if row.meeting_date else 0
        return (_STATUS_RANK[status_word(row)], -day)

    @classmethod
    def default_sorted(cls, rows: list[ActionRow]) -> list[ActionRow]:
        return rank_then_newest(rows, status_rank)

    editable = frozenset({"owner", "progress", "due", "status"})

    def marker(self, row: ActionRow) -> str:
        if row.overdue:
            return "overdue"
        return flag_word(row).lower()

    @classmethod
    def search_extra(cls, row: ActionRow) -> str:
        return " ".join((flag_word(row), status_word(row), long_date(row.meeting_date),
                         long_date(row.due_date), row.due_text, row.committee, search_words(row)))

    def tooltip(self, row: ActionRow, col: Column) -> str | None:
        if col.key == "status" and row.overdue:
            return f"Overdue: due {long_date(row.due_date)} and still open"
        if col.key == "flag":
            return col.help
        if col.key == "committee":
            return row.committee
        return super().tooltip(row, col)

    def foreground(self, row: ActionRow, col: Column) -> QColor | None:
        if col.key == RAG_KEY:
            return badges.RAG_TEXT.get(row.rag.lower())
        if col.key == "status":
            if row.overdue:
                return badges.OVERDUE_COLOUR
            if row.status == ActionStatus.COMPLETED:
                return badges.DONE_COLOUR
            return None
        return since_meeting_colour(row)

    def background(self, row: ActionRow, col: Column) -> QColor | None:
        return badges.OVERDUE_TINT if row.overdue else None

    def font(self, row: ActionRow, col: Column) -> QFont | None:
        if (col.key == "status" and row.overdue) or (col.key == "flag" and flag_word(row)):
            return bold_font()
        return None

    def decoration(self, row: ActionRow, col: Column) -> QIcon | None:
        if col.key == RAG_KEY:
            return badges.rag_icon(row.rag)
        if col.key == "flag":
            word = flag_word(row)
            return badges.marker_icon(word.lower()) if word else None
        if col.key == "status":
            if row.overdue:
                return badges.marker_icon("overdue")
            if row.status == ActionStatus.COMPLETED:
                return badges.marker_icon("done")
        return None
