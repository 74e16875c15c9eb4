"""The agenda of one meeting: number, title, purpose, lead officer, exempt flag, reports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont

from desktop_app.domain.agenda_numbers import number_key
from desktop_app.domain.records import AgendaItemRow
from desktop_app.ui.models.list_model import ListTableModel
from desktop_app.ui.meetings.meetings_model import (ACCESSIBLE, ALIGNMENT, AMBER, DISPLAY, FONT,
                                                  FOREGROUND, GREY, TOOLTIP, TOP_CENTRE,
                                                  TOP_LEFT, RowRole, SortRole)

__all__ = ["AgendaModel", "RowRole", "SortRole", "number_key"]


class AgendaModel(ListTableModel[AgendaItemRow]):
    NUMBER, TITLE, PURPOSE, LEAD, EXEMPT, REPORTS, MINUTES = range(7)
    HEADERS = ("No.", "Item", "Purpose", "Lead officer(s)", "Exempt", "Reports", "Minutes")

    def cell_data(self, item: AgendaItemRow, col: int, role: int):
        if role in (DISPLAY, ACCESSIBLE):
            return self._display(item, col)
        if role == SortRole:
            if col == self.NUMBER:
                return number_key(item.number)
            if col == self.REPORTS:
                return len(item.attachments)
            if col == self.EXEMPT:
                return f"{int(item.exempt)}{item.exempt_paragraph.zfill(4)}"
            return self._display(item, col).lower()
        if role == TOOLTIP:
            if col == self.REPORTS and item.attachments:
                return "\n".join(a.path for a in item.attachments)
            if col == self.EXEMPT and item.exempt:
                return ("Exempt information under Schedule 12A to the Local Government Act 1972"
                        + (f", paragraph {item.exempt_paragraph}" if item.exempt_paragraph else ""))
            if col in (self.TITLE, self.PURPOSE):
                return self._display(item, col) or None
            return None
        if role == FONT and col == self.TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == FOREGROUND:
            if col == self.EXEMPT and item.exempt:
                return AMBER
            if col == self.MINUTES and not item.minutes_text.strip():
                return GREY
            return None
        if role == ALIGNMENT and col in (self.NUMBER, self.MINUTES):
            return TOP_CENTRE
        if role == ALIGNMENT:
            return TOP_LEFT
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
