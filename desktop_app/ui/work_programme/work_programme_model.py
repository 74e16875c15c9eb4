"""The work programme as one grid laid out like the committee's own document: a heading row
per meeting (date, kind, deadlines) followed by its items, then "To be scheduled", workshops,
task and finish groups and briefing notes.

Heading rows span the grid (the view sets the spans from ``heading_rows()``). Items can be
dragged onto another meeting's heading or rows; the model does not move anything itself: it
emits ``move_requested(item_id, section_key)`` and the tab asks for the reason and calls the
service.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingStatus, WorkFormat, WorkStatus
from desktop_app.domain.records import MeetingRow, WorkItemRow, _Record, record
from desktop_app.ui.models.list_model import ListTableModel
from desktop_app.ui.models.optional_columns import (RAG_KEY, RAG_TITLE, STATUS_WORD_KEY,
                                                    STATUS_WORD_TITLE, extra_headers, extra_key,
                                                    rag_label, search_words)
from desktop_app.ui.widgets import badges
from desktop_app.ui.meetings.meetings_model import (ACCESSIBLE, ALIGNMENT, AMBER, DECORATION,
                                                  DISPLAY, FONT, FOREGROUND, GREEN, GREY,
                                                  TOOLTIP, TOP_LEFT, RowRole, SortRole,
                                                  kind_label, meeting_heading)
import contextlib

__all__ = ["MIME_TYPE", "RowRole", "Section", "SectionRole", "SortRole", "WorkProgrammeModel",
           "section_key_of"]

SectionRole = Qt.ItemDataRole.UserRole + 10
MIME_TYPE = "application/x-scrutiny-tracker-work-item"
SEPARATOR = "   \u00b7   "

UNSCHEDULED = ("unscheduled", None)
FORMAT_SECTIONS = (("workshop", "Workshops / seminars"),
                   ("task_and_finish", "Task and finish groups"),
                   ("briefing_note", "Briefing notes"))
_FORMAT_KEYS = {key for key, _ in FORMAT_SECTIONS}
# each row's flags, made once (Qt asks for them for every cell drawn; an enum '|' is slow)
_ITEM = Qt.ItemFlag
_DROP_ONLY = _ITEM.ItemIsDropEnabled
_HEADING = _ITEM.ItemIsEnabled
_HEADING_DROP = _ITEM.ItemIsEnabled | _ITEM.ItemIsDropEnabled
_FIXED = _ITEM.ItemIsEnabled | _ITEM.ItemIsSelectable | _ITEM.ItemIsDropEnabled
_MOVABLE = _FIXED | _ITEM.ItemIsDragEnabled


def section_key_of(item: WorkItemRow) -> tuple[str, object]:
    """Where an item is listed: its format's own section, else its meeting, else unscheduled."""
    if item.format in _FORMAT_KEYS:
        return ("format", item.format)
    if item.meeting_id is not None:
        return ("meeting", item.meeting_id)
    return UNSCHEDULED


def status_label(status: str) -> str:
    try:
        return WorkStatus(status).label
    except ValueError:
        return status.capitalize()


def move_text(move) -> str:
    """"5 August 2021: 12 October 2021 -> To be scheduled (reason) - author"."""
    src = dates.format_uk(move.from_date) if move.from_date else "To be scheduled"
    dst = dates.format_uk(move.to_date) if move.to_date else "To be scheduled"
    text = f"{dates.format_uk(move.on)}: {src} \u2192 {dst}"
    if move.reason:
        text += f" ({move.reason})"
    return text


@record   # dataclass(frozen=True), without a method compiled for it but __init__
class Section(_Record):
    key: tuple[str, object]
    title: str
    subtitle: str = ""
    meeting: MeetingRow | None = None
    count: int = 0

    @property
    def accepts_moves(self) -> bool:
        """Agenda items can be moved onto meetings (not cancelled) and back to unscheduled."""
        if self.key == UNSCHEDULED:
            return True
        return self.meeting is not None and self.meeting.status != MeetingStatus.CANCELLED

    @property
    def meeting_date(self) -> dt.date | None:
        return self.meeting.date if self.meeting else None


def meeting_subtitle(m: MeetingRow) -> str:
    parts = [kind_label(m.kind)]
    if m.status == MeetingStatus.CANCELLED:
        parts.insert(0, "CANCELLED")
    elif m.status == MeetingStatus.HELD:
        parts.append("held")
    for label, day in (("Publication deadline", m.publication_deadline),
                       ("Questions deadline", m.questions_deadline)):
        text = f"{label}: {dates.format_uk(day, 'day_month')}"
        if day.year != m.date.year:
            text = f"{label}: {dates.format_uk(day)}"
        if dates.is_bank_holiday(day):
            text += " (a bank holiday)"
        parts.append(text)
    return SEPARATOR.join(parts)


class WorkProgrammeModel(ListTableModel[Section | WorkItemRow]):
    ITEM, ORIGIN, LEAD, POSITION, STATUS = range(5)
    HEADERS = ("Item [type of scrutiny]", "Origin", "Lead officer(s)", "Current position",
               "Status")
    BASE = len(HEADERS)   # then the optional columns (``optional``): RAG, status as written, extra

    move_requested = Signal(int, object)   # item id, section key

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[WorkItemRow] = []
        self._meetings: list[MeetingRow] = []
        self._sections: dict[tuple, Section] = {}
        self._today = dt.date.today()
        self.show_dropped = False
        self._words: list[str] = []
        self.optional: list[tuple[str, str]] = [(RAG_KEY, RAG_TITLE),
                                                (STATUS_WORD_KEY, STATUS_WORD_TITLE)]
        self.HEADERS = type(self).HEADERS + tuple(t for _k, t in self.optional)
        self._rag_column = self.column_of(RAG_KEY)   # looked up for every cell drawn

    # ------------------------------------------------------------------ loading
    def set_data(self, items: list[WorkItemRow], meetings: list[MeetingRow],
                 today: dt.date | None = None) -> None:
        self._items = list(items)
        self._meetings = sorted(meetings, key=lambda m: m.date)
        self._today = today or self._today
        self._rebuild()

    def set_show_dropped(self, show: bool) -> None:
        self.show_dropped = show
        self._rebuild()

    def set_filter_text(self, text: str) -> None:
        self._words = text.lower().split()
        self._rebuild()

    def _visible(self, item: WorkItemRow) -> bool:
        if item.status == WorkStatus.DROPPED and not self.show_dropped:
            return False
        if not self._words:
            return True
        hay = " ".join((item.title, item.scrutiny_type, item.origin, item.lead, item.position,
                        item.target, item.status, search_words(item))).lower()
        return all(w in hay for w in self._words)

    def column_of(self, key: str) -> int:
        """The grid column of an optional column's key (-1 when there is none)."""
        keys = [k for k, _t in self.optional]
        return self.BASE + keys.index(key) if key in keys else -1

    def _rebuild(self) -> None:
        self.beginResetModel()
        self.optional = [(RAG_KEY, RAG_TITLE), (STATUS_WORD_KEY, STATUS_WORD_TITLE)] + \
            [(extra_key(h), h) for h in extra_headers(self._items)]
        self.HEADERS = type(self).HEADERS + tuple(t for _k, t in self.optional)
        self._rag_column = self.column_of(RAG_KEY)
        groups: dict[tuple, list[WorkItemRow]] = {}
        for item in self._items:
            if self._visible(item):
                groups.setdefault(section_key_of(item), []).append(item)
        sections: list[Section] = []
        for m in self._meetings:
            key = ("meeting", m.id)
            if key in groups or (m.status == MeetingStatus.SCHEDULED and not self._words):
                sections.append(Section(key, meeting_heading(m), meeting_subtitle(m), m,
                                        len(groups.get(key, []))))
        sections.append(Section(UNSCHEDULED, "To be scheduled and prioritised or removed",
                                "Potential agenda items", None, len(groups.get(UNSCHEDULED, []))))
        for fmt, title in FORMAT_SECTIONS:
            key = ("format", fmt)
            subtitle = SEPARATOR.join(("Topic", "Target date", "Lead officer(s)",
                                       "Current position")) if fmt == WorkFormat.BRIEFING_NOTE else ""
            sections.append(Section(key, title, subtitle, None, len(groups.get(key, []))))
        self._rows = []
        self._sections = {}
        for section in sections:
            if self._words and not section.count:
                continue
            self._sections[section.key] = section
            self._rows.append(section)
            self._rows.extend(groups.get(section.key, []))
        self.endResetModel()

    # ------------------------------------------------------------------ lookups
    def heading_rows(self) -> list[int]:
        return [n for n, r in enumerate(self._rows) if isinstance(r, Section)]

    def item_row_of(self, item_id: int) -> int:
        for n, r in enumerate(self._rows):
            if isinstance(r, WorkItemRow) and r.id == item_id:
                return n
        return -1

    def heading_row_of(self, key: tuple) -> int:
        for n, r in enumerate(self._rows):
            if isinstance(r, Section) and r.key == key:
                return n
        return -1

    def section_at(self, row: int) -> Section | None:
        """The section a grid row belongs to (its heading, or the heading above it)."""
        for n in range(min(row, len(self._rows) - 1), -1, -1):
            if isinstance(self._rows[n], Section):
                return self._rows[n]
        return None

    def section(self, key: tuple) -> Section | None:
        return self._sections.get(key)

    def item(self, item_id: int) -> WorkItemRow | None:
        return next((i for i in self._items if i.id == item_id), None)

    def items(self) -> list[WorkItemRow]:
        return list(self._items)

    def meetings(self) -> list[MeetingRow]:
        return list(self._meetings)

    # ------------------------------------------------------------------ Qt API
    def cell_data(self, row: Section | WorkItemRow, col: int, role: int):
        if isinstance(row, Section):
            if role == SectionRole:
                return row
            if col == 0 and role in (DISPLAY,
                                     ACCESSIBLE):
                return f"{row.title}   {row.subtitle}".strip()
            if col == 0 and role == TOOLTIP and row.meeting is not None:
                lines = row.subtitle.replace(SEPARATOR, "\n")
                return f"{row.title}\n{lines}\n\nDrag items here to move them to this meeting."
            if role == SortRole:
                return ""
            return None
        return self._item_data(row, col, role)

    def _item_data(self, item: WorkItemRow, col: int, role: int):
        if role in (DISPLAY, ACCESSIBLE):
            return self._display(item, col)
        if role == SortRole:
            if col == self.ORIGIN and item.target_date:
                return item.target_date.isoformat()
            return self._display(item, col).lower()
        if role == TOOLTIP:
            if col == self.ITEM and item.moves:
                return "Moves:\n" + "\n".join(move_text(m) for m in item.moves)
            text = self._display(item, col)
            return text if len(text) > 60 else None
        if role == FONT:
            dropped = item.status == WorkStatus.DROPPED
            if not dropped and col != self.ITEM:
                return None     # the grid's own font (no QFont made for each cell drawn)
            font = QFont()
            if dropped:
                font.setStrikeOut(True)
            if col == self.ITEM:
                font.setBold(not dropped)
            return font
        if role == DECORATION and col == self._rag_column:
            return badges.rag_icon(item.rag)
        if role == FOREGROUND:   # colours, made brushes by Qt (see meetings_model.GREY)
            if item.status == WorkStatus.DROPPED:
                return GREY
            if col == self._rag_column:
                return badges.RAG_TEXT.get(item.rag.lower())
            if col == self.STATUS:
                return {"delivered": GREEN, "deferred": AMBER}.get(item.status)
            if col == self.POSITION and item.position.lower().startswith("deferred"):
                return AMBER
            return None
        if role == ALIGNMENT:
            return TOP_LEFT
        return None

    def _display(self, item: WorkItemRow, col: int) -> str:
        if col >= self.BASE:
            key = self.optional[col - self.BASE][0] if col - self.BASE < len(self.optional) \
                else ""
            if key == RAG_KEY:
                return rag_label(item.rag)
            if key == STATUS_WORD_KEY:
                return item.status_word
            return item.extra.get(self.HEADERS[col], "")
        if col == self.ITEM:
            return f"{item.title}\n[{item.scrutiny_type}]" if item.scrutiny_type else item.title
        if col == self.ORIGIN:
            if item.target or item.target_date:
                target = item.target or dates.format_uk(item.target_date)
                return f"Target date: {target}" + (f"\n{item.origin}" if item.origin else "")
            return item.origin
        if col == self.LEAD:
            return item.lead
        if col == self.POSITION:
            return item.position
        if col == self.STATUS:
            text = status_label(item.status)
            if item.format != WorkFormat.AGENDA_ITEM and item.format not in _FORMAT_KEYS:
                with contextlib.suppress(ValueError):
                    text += f"\n{WorkFormat(item.format).label}"
            return text
        return ""

    # ------------------------------------------------------------------ drag and drop
    def flags(self, index):
        if not index.isValid():
            return _DROP_ONLY
        row = self._rows[index.row()]
        if isinstance(row, Section):
            return _HEADING_DROP if row.accepts_moves else _HEADING
        return _FIXED if section_key_of(row)[0] == "format" else _MOVABLE

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            row = self._rows[index.row()] if index.isValid() else None
            if isinstance(row, WorkItemRow) and row.id not in ids:
                ids.append(row.id)
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode()))
        titles = [self.item(i).title for i in ids if self.item(i)]
        data.setText("\n".join(titles))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex):
        if data is None or not data.hasFormat(MIME_TYPE):
            return None, []
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(MIME_TYPE)).decode())]
        except (ValueError, TypeError):
            return None, []
        if parent.isValid():
            section = self.section_at(parent.row())
        elif 0 <= row < len(self._rows):
            # Dropped between rows: on a heading means that section, else the one above.
            target = self._rows[row]
            section = target if isinstance(target, Section) else self.section_at(row)
        else:
            section = self.section_at(len(self._rows) - 1)
        if section is None or not section.accepts_moves:
            return None, []
        movable = [i for i in ids if (it := self.item(i)) is not None
                   and section_key_of(it)[0] != "format" and section_key_of(it) != section.key]
        return section, movable

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        section, ids = self._drop_target(data, row, parent)
        return section is not None and bool(ids)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        section, ids = self._drop_target(data, row, parent)
        if section is None or not ids:
            return False
        for item_id in ids:
            self.move_requested.emit(item_id, section.key)
        return True
