"""The agenda of one meeting: number, title, purpose, lead officer, exempt flag, reports."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from desktop_app.domain.records import AgendaItemRow
from desktop_app.ui.models.meetings_model import AMBER, GREY, RowRole, SortRole

__all__ = ["AgendaModel", "RowRole", "SortRole", "number_key"]


def number_key(number: str) -> str:
    """Agenda numbers sort as people read them: 2 < 10 < 10a (digits padded, so a plain
    string comparison in the proxy gets it right)."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), number.strip().lower())


class AgendaModel(QAbstractTableModel):
    NUMBER, TITLE, PURPOSE, LEAD, EXEMPT, REPORTS, MINUTES = range(7)
    HEADERS = ("No.", "Item", "Purpose", "Lead officer(s)", "Exempt", "Reports", "Minutes")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AgendaItemRow] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AgendaItemRow:
        return self._rows[row]

    def row_of(self, item_id: int) -> int:
        for n, item in enumerate(self._rows):
            if item.id == item_id:
                return n
        return -1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, col = self._rows[index.row()], index.column()
        if role == RowRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(item, col)
        if role == SortRole:
            if col == self.NUMBER:
                return number_key(item.number)
            if col == self.REPORTS:
                return len(item.attachments)
            if col == self.EXEMPT:
                return f"{int(item.exempt)}{item.exempt_paragraph.zfill(4)}"
            return self._display(item, col).lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.REPORTS and item.attachments:
                return "\n".join(a.path for a in item.attachments)
            if col == self.EXEMPT and item.exempt:
                return ("Exempt information under Schedule 12A to the Local Government Act 1972"
                        + (f", paragraph {item.exempt_paragraph}" if item.exempt_paragraph else ""))
            if col in (self.TITLE, self.PURPOSE):
                return self._display(item, col) or None
            return None
        if role == Qt.ItemDataRole.FontRole and col == self.TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.EXEMPT and item.exempt:
                return QBrush(AMBER)
            if col == self.MINUTES and not item.minutes_text.strip():
                return QBrush(GREY)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.NUMBER, self.MINUTES):
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _display(self, item: AgendaItemRow, col: int) -> str:
        if col == self.NUMBER:
            return item.number
        if col == self.TITLE:
            if item.scrutiny_type:
                return f"{item.title}\n[{item.scrutiny_type}]"
            return item.title
        if col == self.PURPOSE:
            return item.purpose
        if col == self.LEAD:
            return item.lead_officers
        if col == self.EXEMPT:
            if not item.exempt:
                return ""
            return f"Yes, para {item.exempt_paragraph}" if item.exempt_paragraph else "Yes"
        if col == self.REPORTS:
            return "\n".join(a.title or Path(a.path).name for a in item.attachments)
        if col == self.MINUTES:
            return "Written" if item.minutes_text.strip() else ""
        return ""
