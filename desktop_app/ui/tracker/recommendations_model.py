"""The recommendations grid: one row per RecommendationRow from services.recommendations."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QIcon

from desktop_app.domain.enums import ImplementationStatus, Verdict
from desktop_app.domain.records import RecommendationRow
from desktop_app.ui.app_state import long_date, short_date
from desktop_app.ui.models.base import (Column, RowTableModel, bold_font, flag_word, natural_key,
                                        rank_then_newest, since_meeting_colour)
from desktop_app.ui.models.committee_names import committee_label
from desktop_app.ui.models.optional_columns import (RAG_KEY, rag_column, search_words,
                                                    status_word_column)
from desktop_app.ui.widgets import badges


def verdict_label(value: str) -> str:
    if value == Verdict.AWAITING:
        return "Awaiting response"
    try:
        return Verdict(value).label
    except ValueError:
        return value


RESPONDED = "Responded"


def response_word(r: RecommendationRow) -> str:
    """OVERDUE; "Responded" for a written response whose verdict nobody has recorded yet
    (not "Awaiting response"); else the verdict."""
    if r.response_overdue:
        return "OVERDUE"
    if r.verdict == Verdict.AWAITING and r.responded:
        return RESPONDED
    return verdict_label(r.verdict)


def response_shown(r: RecommendationRow) -> str:
    """The response word, with the verdict as the officer's file wrote it beside the verdict
    it was read as: 'Partially accepted ("Agreed in part")'."""
    word = response_word(r)
    if r.verdict_word and not r.response_overdue:
        return f"{word} (\u201c{r.verdict_word}\u201d)"
    return word


def status_label(value: str) -> str:
    try:
        return ImplementationStatus(value).label
    except ValueError:
        return value


def full_text(r: RecommendationRow) -> str:
    return f"{r.label} {r.text}".strip() if r.label else r.text


_FLAG_RANK = {"NEW": 0, "UPDATED": 1, "": 2}
_RESPONSE_RANK = {"OVERDUE": 0, "Awaiting response": 1, RESPONDED: 2}
_STATUS_RANK = {"open": 0, "in_progress": 1, "completed": 2}


def _outstanding(row: RecommendationRow) -> int:
    """0 response overdue, 1 awaiting a response, 2 not yet implemented, 3 completed."""
    if row.response_overdue:
        return 0
    if not row.responded:
        return 1
    return 2 if row.status != ImplementationStatus.COMPLETED else 3


class RecommendationsModel(RowTableModel[RecommendationRow]):
    FLAG, COMMITTEE, MEETING, ITEM, TEXT, ADDRESSEE, SENT, DUE, RESPONSE, VERDICT, STATUS, RAG, \
        STATUS_WORD = range(13)   # then the officer's own columns (extra)
    columns = (
        Column("flag", "Since last", flag_word, sort=lambda r: _FLAG_RANK[flag_word(r)],
               width=12, searchable=False,
               help="NEW: made at the last meeting (blue). UPDATED: changed since the last "
                    "meeting (red)."),
        Column("committee", "Committee", committee_label, width=8, wrap=True, hidden=True,
               help="The committee (its short name)"),
        Column("meeting", "Meeting", lambda r: short_date(r.meeting_date),
               sort=lambda r: r.meeting_date, width=11),
        Column("item", "Item", lambda r: r.item, sort=lambda r: natural_key(r.item), width=12,
               stretch=1, wrap=True),
        Column("text", "Recommendation", full_text, width=20, stretch=3, wrap=True),
        Column("addressee", "To", lambda r: r.addressee, width=12, hidden=True),
        Column("sent", "Sent", lambda r: short_date(r.sent_on), sort=lambda r: r.sent_on,
               width=11, hidden=True),
        Column("due", "Response due", lambda r: short_date(r.response_due),
               sort=lambda r: r.response_due, width=11,
               help="The executive must respond within two months of receiving the report "
                    "(Local Government Act 2000, s.9FE)"),
        Column("response", "Executive response", lambda r: r.response, width=15,
               stretch=2, wrap=True),
        Column("verdict", "Response", response_shown,
               sort=lambda r: _RESPONSE_RANK.get(response_word(r), 3), width=11,
               searchable=False),
        Column("status", "Status", lambda r: status_label(r.status),
               sort=lambda r: _STATUS_RANK.get(r.status, 3), width=11),
        rag_column(),
        status_word_column(),
    )

    @classmethod
    def default_order(cls, row: RecommendationRow) -> tuple:
        """Outstanding first (response overdue, awaiting a response, not yet implemented,
        completed), then newest."""
        day = row.meeting_date.toordinal() if row.meeting_date else 0
        return (_outstanding(row), -day)

    @classmethod
    def default_sorted(cls, rows: list[RecommendationRow]) -> list[RecommendationRow]:
        return rank_then_newest(rows, _outstanding)

    def marker(self, row: RecommendationRow) -> str:
        if row.response_overdue:
            return "overdue"
        return flag_word(row).lower()

    @classmethod
    def search_extra(cls, row: RecommendationRow) -> str:
        return " ".join((flag_word(row), response_word(row), long_date(row.meeting_date),
                         long_date(row.response_due), row.committee, search_words(row)))

    def tooltip(self, row: RecommendationRow, col: Column) -> str | None:
        if col.key in ("verdict", "due") and row.response_overdue:
            return (f"No response yet: the two-month period ended on "
                    f"{long_date(row.response_due)} (s.9FE)")
        if col.key == "flag":
            return col.help
        if col.key == "committee":
            return row.committee
        return super().tooltip(row, col)

    def foreground(self, row: RecommendationRow, col: Column) -> QColor | None:
        if col.key == RAG_KEY:
            return badges.RAG_TEXT.get(row.rag.lower())
        if col.key in ("verdict", "due") and row.response_overdue:
            return badges.OVERDUE_COLOUR
        if col.key == "status" and row.status == ImplementationStatus.COMPLETED:
            return badges.DONE_COLOUR
        if col.key in ("verdict", "status"):
            return None
        return since_meeting_colour(row)

    def background(self, row: RecommendationRow, col: Column) -> QColor | None:
        return badges.OVERDUE_TINT if row.response_overdue else None

    def font(self, row: RecommendationRow, col: Column) -> QFont | None:
        if (col.key == "verdict" and row.response_overdue) or \
                (col.key == "flag" and flag_word(row)):
            return bold_font()
        return None

    def decoration(self, row: RecommendationRow, col: Column) -> QIcon | None:
        if col.key == RAG_KEY:
            return badges.rag_icon(row.rag)
        if col.key == "flag":
            word = flag_word(row)
            return badges.marker_icon(word.lower()) if word else None
        if col.key == "verdict" and row.response_overdue:
            return badges.marker_icon("overdue")
        if col.key == "status" and row.status == ImplementationStatus.COMPLETED:
            return badges.marker_icon("done")
        return None
