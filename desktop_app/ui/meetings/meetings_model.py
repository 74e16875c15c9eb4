"""Grids of the Meetings tab: the committee's meetings, and what came out of one meeting
(its recommendations and actions)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.domain import dates
from desktop_app.domain.enums import ActionStatus, ImplementationStatus, MeetingKind, MeetingStatus, Verdict
from desktop_app.domain.records import ActionRow, MeetingRow, RecommendationRow
from desktop_app.ui.models.base import ROW_ROLE as RowRole  # the roles every grid shares
from desktop_app.ui.models.list_model import ListTableModel
from desktop_app.ui.models.base import SORT_ROLE as SortRole

# The grids' colours, given to Qt as they are for the foreground and background roles (Qt makes
# the brush, as it does for a QBrush): the first QBrush made from Python makes QGradient's
# Python enum classes (~5 ms of the start).
GREY = QColor("#6b6b6b")
AMBER_BG = QColor("#fff1cc")
AMBER = QColor("#8a5a00")
GREEN = QColor("#1e6b2f")
RED = QColor("#a4262c")

# The roles and alignments the grids answer, as plain ints: ``cell_data`` compares the role it is
# asked for with them for every cell drawn, and an enum member's lookup (or an ``|`` of two
# flags) costs more than the comparison itself.
DISPLAY, DECORATION, TOOLTIP, FONT, ALIGNMENT, BACKGROUND, FOREGROUND, ACCESSIBLE = (
    int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                           Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
                           Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
                           Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.AccessibleTextRole))
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
TOP_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)


def format_time(value: dt.time | None) -> str:
    """"2:30 pm", as council papers write it."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def deadline_text(day: dt.date) -> str:
    """"Mon 15 November 2021"."""
    return f"{dates.strftime(day, '%a')} {dates.format_uk(day)}"


def kind_label(kind: str) -> str:
    try:
        return MeetingKind(kind).label
    except ValueError:
        return kind.replace("_", " ").capitalize()


def status_label(meeting: MeetingRow, today: dt.date) -> str:
    if meeting.status == MeetingStatus.SCHEDULED and meeting.date < today:
        return "Not marked held"
    try:
        return MeetingStatus(meeting.status).label
    except ValueError:
        return meeting.status.capitalize()


def meeting_heading(meeting: MeetingRow) -> str:
    """"Tuesday 23 November 2021, 2:30 pm"."""
    text = dates.format_uk(meeting.date, "full")
    return f"{text}, {format_time(meeting.time)}" if meeting.time else text


class MeetingsModel(ListTableModel[MeetingRow]):
    """The meetings of one committee, in the order the service gives (upcoming first)."""

    DATE, TIME, KIND, STATUS, VENUE, PUBLICATION, QUESTIONS, ITEMS = range(8)
    HEADERS = ("Date", "Time", "Kind", "Status", "Venue", "Publication deadline",
               "Questions deadline", "Items")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._today = dt.date.today()
        self._texts: dict[tuple[int, int], str] = {}   # (meeting id, column) -> its text

    # -- loading
    def set_rows(self, rows: list[MeetingRow], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self._texts = {}
        self.endResetModel()

    # -- Qt API
    def cell_data(self, m: MeetingRow, col: int, role: int):
        if role == DISPLAY:   # asked for at every paint: worked out once per load
            key = (m.id, col)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._display(m, col)
            return text
        if role == SortRole:
            return self._sort_value(m, col)
        if role == TOOLTIP:
            return self._tooltip(m, col)
        if role == FOREGROUND:
            if col in (self.PUBLICATION, self.QUESTIONS) and self._bank_holiday(m, col):
                return AMBER
            if col == self.STATUS and m.status == MeetingStatus.SCHEDULED and m.date < self._today:
                return AMBER
            if m.status == MeetingStatus.CANCELLED or m.date < self._today:
                return GREY
            return None
        if role == BACKGROUND:
            if col in (self.PUBLICATION, self.QUESTIONS) and self._bank_holiday(m, col) \
                    and m.status == MeetingStatus.SCHEDULED:
                return AMBER_BG
            return None
        if role == DECORATION:
            if col in (self.PUBLICATION, self.QUESTIONS) and self._bank_holiday(m, col):
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        if role == FONT:
            if m.status == MeetingStatus.CANCELLED:
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if role == ALIGNMENT and col == self.ITEMS:
            return CENTRE
        if role == ACCESSIBLE:
            return self._display(m, col)
        return None

    def _deadline(self, m: MeetingRow, col: int) -> dt.date:
        return m.publication_deadline if col == self.PUBLICATION else m.questions_deadline

    def _bank_holiday(self, m: MeetingRow, col: int) -> bool:
        return dates.is_bank_holiday(self._deadline(m, col))

    def _display(self, m: MeetingRow, col: int) -> str:
        if col == self.DATE:
            return dates.format_uk(m.date, "full")
        if col == self.TIME:
            return format_time(m.time)
        if col == self.KIND:
            return kind_label(m.kind)
        if col == self.STATUS:
            return status_label(m, self._today)
        if col == self.VENUE:
            return m.venue
        if col in (self.PUBLICATION, self.QUESTIONS):
            text = deadline_text(self._deadline(m, col))
            return text + " – bank holiday" if self._bank_holiday(m, col) else text
        if col == self.ITEMS:
            return str(len(m.items)) if m.items else ""
        return ""

    def _sort_value(self, m: MeetingRow, col: int):
        if col == self.DATE:
            return m.date.toordinal()
        if col == self.TIME:
            return m.time.hour * 60 + m.time.minute if m.time else -1
        if col == self.PUBLICATION:
            return m.publication_deadline.toordinal()
        if col == self.QUESTIONS:
            return m.questions_deadline.toordinal()
        if col == self.ITEMS:
            return len(m.items)
        return self._display(m, col).lower()

    def _tooltip(self, m: MeetingRow, col: int) -> str | None:
        if col in (self.PUBLICATION, self.QUESTIONS):
            day = self._deadline(m, col)
            what = "Publication" if col == self.PUBLICATION else "Questions"
            rule = dates.publication_deadline(m.date) if col == self.PUBLICATION \
                else dates.questions_deadline(m.date)
            days = dates.PUBLICATION_CLEAR_DAYS if col == self.PUBLICATION \
                else dates.QUESTIONS_CLEAR_DAYS
            tip = f"{what} deadline: {dates.format_uk(day, 'full')}"
            tip += (f"\n{days} clear working days before the meeting" if day == rule
                    else f"\nSet for this meeting (the rule gives {dates.format_uk(rule, 'full')})")
            if dates.is_bank_holiday(day):
                tip += ("\nThis is a bank holiday: consider an earlier deadline "
                        "(Edit meeting \u2192 Deadlines).")
            return tip
        if col == self.STATUS and m.status == MeetingStatus.SCHEDULED and m.date < self._today:
            return "The meeting date has passed: mark it held (or cancelled)."
        if col == self.VENUE and m.venue:
            return m.venue
        return None


class MeetingsFilter(QSortFilterProxyModel):
    """Filter the meetings by any words in the date, venue, kind or agenda item titles."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        m: MeetingRow = model.index(source_row, 0, source_parent).data(RowRole)
        hay = " ".join([
            *(str(model.index(source_row, c, source_parent).data() or "")
              for c in range(model.columnCount())),
            m.date.isoformat(), dates.format_uk(m.date, "short"),
            *(f"{i.title} {i.lead_officers}" for i in m.items)]).lower()
        return all(w in hay for w in self._words)


class OutcomesModel(ListTableModel[RecommendationRow | ActionRow]):
    """The recommendations and actions that came from one meeting."""

    KIND, REF, ITEM, TEXT, OWNER, DUE, STATUS = range(7)
    HEADERS = ("Type", "Ref", "Agenda item", "Recommendation / action", "To / owner",
               "Due", "Status")

    def cell_data(self, r: RecommendationRow | ActionRow, col: int, role: int):
        if role in (DISPLAY, ACCESSIBLE):
            return self._display(r, col)
        if role == TOOLTIP and col in (self.TEXT, self.STATUS):
            text = self._display(r, col)
            if isinstance(r, RecommendationRow) and r.response and col == self.STATUS:
                text += f"\n\nResponse: {r.response}"
            return text
        if role == SortRole:
            if col == self.DUE:
                due = self._due(r)
                return due.toordinal() if due else 0
            if col == self.REF:
                ref = r.label if isinstance(r, RecommendationRow) else r.ref
                return re.sub(r"\d+", lambda m: m.group().zfill(8), ref.lower())
            return self._display(r, col).lower()
        if role == FOREGROUND and col == self.STATUS:
            if (isinstance(r, ActionRow) and r.overdue) or \
                    (isinstance(r, RecommendationRow) and r.response_overdue):
                return RED
            if r.status in (ActionStatus.COMPLETED, ImplementationStatus.COMPLETED):
                return GREEN
        if role == ALIGNMENT:
            return TOP_LEFT
        return None

    @staticmethod
    def _due(r) -> dt.date | None:
        return r.response_due if isinstance(r, RecommendationRow) else r.due_date

    def _display(self, r, col: int) -> str:
        rec = isinstance(r, RecommendationRow)
        if col == self.KIND:
            return "Recommendation" if rec else "Action"
        if col == self.REF:
            return r.label if rec else r.ref
        if col == self.ITEM:
            return r.item
        if col == self.TEXT:
            return r.text
        if col == self.OWNER:
            if rec:
                return r.addressee
            return f"{r.owner} ({r.directorate})" if r.directorate and r.owner else r.owner
        if col == self.DUE:
            due = self._due(r)
            if due:
                return dates.format_uk(due)
            return "" if rec else r.due_text
        if col == self.STATUS:
            if rec:
                verdict = r.verdict.replace("_", " ").capitalize()
                state = r.status.replace("_", " ")
                if r.verdict == Verdict.AWAITING:
                    if r.response_overdue:
                        return "Response overdue"
                    return "Responded" if r.responded else "Awaiting response"
                return f"{verdict}; {state}"
            if r.status == ActionStatus.COMPLETED:
                return "Completed"
            return "Open (overdue)" if r.overdue else "Open"
        return ""
