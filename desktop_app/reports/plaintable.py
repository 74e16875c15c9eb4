"""The plain alternative to FastTable (reports/fasttable.py): reportlab's own Table of Paragraphs,
built from the same columns and rows, with the header row repeated on every page, zebra and
group bands, coloured text and word badges.

It exists so that `make bench` (benchmarks/bench_tricks.py) can measure what the hand-written
table buys, and so that a test can hold the two to the same text. It differs where reportlab's
Table cannot follow: a tall row moves whole to the next page (``splitInRow`` aside), and the
"continued" cells a row shows at the top of a new page are not used.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop_app.reports import theme
from desktop_app.reports.cells import Cell, text
from desktop_app.reports.fasttable import FastTable, Row


def _paragraphs(cell: Cell, style: ParagraphStyle, *, header: bool = False) -> list[Paragraph]:
    out = []
    for block in cell:
        words = theme.esc(block.text)
        colour = theme.WHITE if header else block.colour
        if block.badge is not None:
            words = f'<font backColor="#{theme.hexcode(block.badge)}"> {words} </font>'
        para_style = ParagraphStyle(f"{style.name}-{block.hang}", parent=style,
                                    fontName=block.font, textColor=colour,
                                    leftIndent=block.hang, firstLineIndent=-block.hang)
        out.append(Paragraph(words.replace("\n", "<br/>"), para_style))
    return out


def plain_table(columns: Sequence, rows: Sequence[Row], *, size: float = theme.TABLE_SIZE,
                leading: float | None = None, pad: float = 3.2) -> Table:
    """A reportlab Table showing ``rows`` under ``columns``, the full width of the frame shared
    out by the columns' weights, as FastTable does."""
    leading = leading or round(size * 1.22, 2)
    style = ParagraphStyle("cell", fontSize=size, leading=leading, spaceAfter=0)
    data: list[list] = [[_paragraphs([text(c.title, bold=True)], style, header=True)
                         for c in columns]]
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), theme.NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, theme.RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, theme.NAVY),
    ]
    for i, row in enumerate(rows, start=1):
        cells = [_paragraphs(cell, style) for cell in row.cells]
        if row.group:
            data.append(cells + [""] * (len(columns) - 1))
            commands += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), theme.NAVY_TINT)]
            continue
        data.append(cells)
        fill = row.fill or (theme.ZEBRA if row.shade else None)
        if fill is not None:
            commands.append(("BACKGROUND", (0, i), (-1, i), fill))
        if row.bar is not None:
            commands.append(("LINEBEFORE", (0, i), (0, i), 2.4, row.bar))
        commands.append(("LINEAFTER", (0, i), (-2, i), 0.5, theme.RULE))
    total = sum(c.weight for c in columns)
    widths = [f"{100 * c.weight / total}%" for c in columns]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(commands))


def as_plain(table: FastTable) -> Table:
    """The same columns and rows as ``table``, as a plain reportlab Table."""
    return plain_table(table.columns, table.rows, size=table.size, leading=table.leading,
                       pad=table.pad)
