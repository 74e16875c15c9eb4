"""How the Work programme tab shows its rows: a section heading drawn across the grid
(``SectionDelegate``) and the details of the chosen item (``detail_html``)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from desktop_app.domain import dates
from desktop_app.domain.enums import WorkFormat
from desktop_app.domain.records import WorkItemRow
from desktop_app.ui.work_programme.work_programme_model import (Section, SectionRole,
                                                                WorkProgrammeModel, move_text,
                                                                status_label)
from desktop_app.ui.widgets.wrapped_grid import PaddedDelegate

HEADING_BG = QColor("#e4ecf5")
HEADING_LINE = QColor("#9fb3c8")
HEADING_TEXT = QColor("#1f3a5f")
HEADING_SUB = QColor("#44546a")


class SectionDelegate(PaddedDelegate):
    """Draws a section heading across the grid: bold title, then kind and deadlines."""

    def _section(self, index) -> Section | None:
        model = index.model()
        if isinstance(model, WorkProgrammeModel) and index.isValid():
            # the grid's own model: its row, without asking Qt for the role (a call from Qt
            # back into the model's ``data``) for every cell measured and drawn
            row = model.row_at(index.row())
            return row if isinstance(row, Section) else None
        return index.data(SectionRole)

    def sizeHint(self, option, index) -> QSize:
        if self._section(index) is not None:
            return QSize(option.rect.width(), self._heading_height(option))
        return super().sizeHint(option, index)

    def fixed_row_height(self, row, option) -> int | None:
        """A heading's cells are all one height (wrapped_grid.fit_rows)."""
        return self._heading_height(option) if isinstance(row, Section) else None

    @staticmethod
    def _heading_height(option) -> int:
        return option.fontMetrics.lineSpacing() + 18

    def paint(self, painter, option, index) -> None:
        section = self._section(index)
        if section is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect
        # filled as fillRect(rect, HEADING_BG) fills it: fillRect's overloads make QGradient's
        # Python enum classes (~2-4 ms) the first time, drawRect with a colour's brush does not
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HEADING_BG)
        painter.drawRect(rect)
        painter.setPen(HEADING_LINE)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topLeft(), rect.topRight())
        inner = rect.adjusted(10, 0, -12, 0)
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.05)
        painter.setFont(bold)
        painter.setPen(HEADING_TEXT)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(inner, align, section.title)
        title_width = QFontMetrics(bold).horizontalAdvance(section.title)
        painter.setFont(option.font)
        count = f"{section.count} item{'s' if section.count != 1 else ''}" if section.count \
            else "no items"
        count_width = option.fontMetrics.horizontalAdvance(count)
        painter.setPen(HEADING_SUB)
        painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count)
        sub_rect = inner.adjusted(title_width + 28, 0, -(count_width + 20), 0)
        if section.subtitle and sub_rect.width() > 40:
            text = option.fontMetrics.elidedText(section.subtitle, Qt.TextElideMode.ElideRight,
                                                 sub_rect.width())
            painter.drawText(sub_rect, align, text)
        painter.restore()


def detail_html(item: WorkItemRow | None) -> str:
    """The details of an item and the history of its moves, for the pane under the grid."""
    if item is None:
        return ("<p style='color:#6b6b6b'>Choose an item to see its details and the history "
                "of its moves. Drag an item onto another meeting to move it.</p>")
    import html   # here: html.entities (~1 ms) is not needed before an item is chosen
    e = html.escape
    try:
        fmt = WorkFormat(item.format).label
    except ValueError:
        fmt = item.format
    where = dates.format_uk(item.meeting_date, "full") if item.meeting_date \
        else "To be scheduled"
    facts = [("Format", fmt), ("Meeting", where), ("Status", status_label(item.status))]
    if item.target or item.target_date:
        facts.append(("Target date", item.target or dates.format_uk(item.target_date)))
    facts += [("Lead officer(s)", item.lead), ("Origin", item.origin),
              ("Current position", item.position)]
    blank = "<span style='color:#9a9a9a'>\u2013</span>"
    rows = "".join(
        f"<tr><td style='color:#44546a; padding-right:12px; white-space:nowrap'>{e(k)}</td>"
        f"<td>{e(v).replace(chr(10), '<br>') if v else blank}</td></tr>"
        for k, v in facts)
    title = e(item.title) + (f" <span style='font-weight:normal'>[{e(item.scrutiny_type)}]"
                             "</span>" if item.scrutiny_type else "")
    dash = " \u2013 "
    if item.moves:
        moves = "".join(f"<li>{e(move_text(m))}{dash + e(m.author) if m.author else ''}</li>"
                        for m in reversed(item.moves))
        history = ("<b>Moves</b> <span style='color:#6b6b6b'>(newest first)</span>"
                   f"<ul style='margin-left:14px; -qt-list-indent:0'>{moves}</ul>")
    else:
        history = "<b>Moves</b><p style='color:#6b6b6b'>Not moved since it was added.</p>"
    return (f"<p style='font-size:large'><b>{title}</b></p>"
            "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td width='62%' valign='top'><table cellspacing='0' cellpadding='2'>{rows}"
            "</table></td><td width='16'></td>"
            f"<td valign='top'>{history}</td></tr></table>")
