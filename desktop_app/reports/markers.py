"""Marks for new, updated and overdue entries, and the legend that explains them.

The seed's spreadsheets use colour alone (blue text = new, red text = updated since the last
meeting). A black-and-white print loses that, so each coloured row also carries a word badge.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop_app.domain.dates import format_uk
from desktop_app.reports import fonts, theme
from desktop_app.reports.cells import Block, badge

NEW = "NEW"
UPDATED = "UPDATED"
OVERDUE = "OVERDUE"
COMPLETED = "COMPLETED"


def row_colour(new: bool, updated: bool) -> colors.Color:
    if new:
        return theme.NEW_BLUE
    if updated:
        return theme.UPDATED_RED
    return theme.INK


def change_badges(new: bool, updated: bool) -> list[Block]:
    if new:
        return [badge(NEW, theme.NEW_BLUE)]
    if updated:
        return [badge(UPDATED, theme.UPDATED_RED)]
    return []


def overdue_badge() -> Block:
    return badge(OVERDUE, theme.OVERDUE_DARK)


def exempt_badge(notice: str) -> Block:
    """"EXEMPT: PARAGRAPH 3" on rows arising from an exempt item."""
    return badge(notice.upper(), theme.MUTED)


def completed_badge() -> Block:
    return badge(COMPLETED, theme.DONE_GREEN)


class Legend(Flowable):
    """One line: badge + explanation, for each mark the document uses."""

    SIZE = 9.0          # the explanations; the badges a point smaller, as in the tables

    def __init__(self, entries: list[tuple[str, colors.Color, str, colors.Color]]):
        super().__init__()
        self.entries = entries   # (badge label, badge fill, explanation, explanation colour)

    def _entry_width(self, label: str, explanation: str) -> tuple[float, float]:
        size = self.SIZE
        bw = stringWidth(label, fonts.BOLD, size - 1) + 6
        return bw, bw + 4 + stringWidth(explanation, fonts.REGULAR, size)

    def wrap(self, aw, ah):
        self._placed: list[tuple[float, int]] = []
        x, line = 0.0, 0
        for label, _fill, explanation, _colour in self.entries:
            _bw, w = self._entry_width(label, explanation)
            if x and x + w > aw:
                x, line = 0.0, line + 1
            self._placed.append((x, line))
            x += w + 16
        self._lines = line + 1
        self.width, self.height = aw, 14 * self._lines
        return aw, self.height

    def draw(self):
        canv = self.canv
        size = self.SIZE
        for (label, fill, explanation, colour), (x, line) in zip(self.entries, self._placed):
            y = self.height - 14 * (line + 1)
            bw, _w = self._entry_width(label, explanation)
            canv.setFillColor(fill)
            canv.rect(x, y + 2, bw, size + 3, stroke=0, fill=1)
            canv.setFillColor(theme.WHITE)
            canv.setFont(fonts.BOLD, size - 1)
            canv.drawString(x + 3, y + 4.6, label)
            canv.setFillColor(colour)
            canv.setFont(fonts.REGULAR, size)
            canv.drawString(x + bw + 4, y + 4.6, explanation)


def change_legend(last_meeting: dt.date | None, *, overdue_text: str) -> Legend:
    since = f" since the last meeting ({format_uk(last_meeting)})" if last_meeting else \
        " since the last meeting"
    return Legend([
        (NEW, theme.NEW_BLUE, f"Blue text: new{since}", theme.NEW_BLUE),
        (UPDATED, theme.UPDATED_RED, f"Red text: updated{since}", theme.UPDATED_RED),
        (OVERDUE, theme.OVERDUE_DARK, overdue_text, theme.INK),
    ])
