"""The extra columns an officer chose to print on the action log or the recommendation schedule
(issue 13): "RAG" (a badge in its colour, with its word), "Status as written" (the status word
of the imported tracker) and any column of the imported tracker kept per record (``extra``).

    columns(COLUMNS, ["Area", "RAG"], give=("Action",))   # the table's column definitions
    cells += row_cells(row, ["Area", "RAG"], colour)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors

from desktop_app.reports import theme
from desktop_app.reports.cells import Block, Column, badge, text

RAG = "RAG"
STATUS_AS_WRITTEN = "Status as written"
WEIGHT = 9.0    # each chosen column's share of the width (the log's columns weigh ~100)

RAG_FILLS = {"red": theme.OVERDUE_DARK, "amber": colors.HexColor("#8A5A00"),
             "green": theme.DONE_GREEN, "blue": colors.HexColor("#1F4E99")}


def columns(base: Sequence[Column], chosen: Sequence[str], give: Sequence[str]) -> list[Column]:
    """``base`` then the ``chosen`` columns; their width comes out of the long-text columns
    named in ``give`` (down to half of each), so that dates and short words keep theirs."""
    if not chosen:
        return list(base)
    wanted = WEIGHT * len(chosen)
    flexible = sum(c.weight for c in base if c.title in give)
    taken = min(wanted, flexible / 2)
    out = [dataclasses.replace(c, weight=c.weight - taken * c.weight / flexible)
           if c.title in give and flexible else c for c in base]
    return out + [Column(name, WEIGHT) for name in chosen]


def _rag_cell(value: str) -> list[Block]:
    word = (value or "").strip()
    if not word:
        return []
    fill = RAG_FILLS.get(word.lower())
    return [badge(word.upper(), fill)] if fill is not None else [text(word.capitalize())]


def row_cells(row: Any, chosen: Sequence[str], colour: colors.Color = theme.INK
              ) -> list[list[Block]]:
    """The cells of ``row`` (an ActionRow or RecommendationRow) for the ``chosen`` columns."""
    out: list[list[Block]] = []
    extra = getattr(row, "extra", None) or {}
    for name in chosen:
        if name == RAG:
            out.append(_rag_cell(getattr(row, "rag", "")))
        elif name == STATUS_AS_WRITTEN:
            out.append([text(getattr(row, "status_word", ""), colour=colour)])
        else:
            out.append([text(str(extra.get(name, "")), colour=colour)])
    return out


__all__ = ["RAG", "STATUS_AS_WRITTEN", "columns", "row_cells"]
