"""A document as plain structure, for the Word and web-page writers (``docx_document``,
``html_document``): headings, paragraphs, a legend, and tables with a header row, bands that
head a run of rows, and cells made of runs of text, some of them word badges (NEW, UPDATED,
OVERDUE).

``reports.flat_document`` makes one from the very flowables the PDF is drawn from, so a Word
document or a web page says what the PDF says. Nothing here knows reportlab or the database.

Text is cleaned once, on the way in (``clean``): control characters and bidirectional
overrides are removed, as in the workbook writer seam (``xlsx_safe``). Word and HTML have no
formulas, so text such as "=HYPERLINK(...)" is kept as the words it is (the writers put it in
as text, never as a field or markup).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

LANGUAGE = "en-GB"

# every C0/C1 control but tab and newline, bidirectional overrides and non-characters
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without control characters (tab and newline kept; a carriage return read as
    a newline)."""
    return _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


@dataclasses.dataclass(frozen=True)
class Run:
    """A run of text. ``colour``: "RRGGBB" or "" for the usual ink. ``badge``: the fill
    ("RRGGBB") of a word label such as NEW or OVERDUE, written as its word in bold."""

    text: str
    bold: bool = False
    italic: bool = False
    colour: str = ""
    badge: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean(self.text))


Cell = tuple[Run, ...]


@dataclasses.dataclass(frozen=True)
class Heading:
    text: str
    level: int          # 1: the document's title; 2: a section; 3: a part of a section

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean(self.text))


@dataclasses.dataclass(frozen=True)
class Para:
    """A paragraph; ``style``: "body", "subtitle", "small" (the as-at line, summaries),
    "note" (italic remarks), "exempt" (a withheld notice), "label" (a bold label line).
    ``bullet``: a list item's marker ("•", "(a)"), ``indent`` its depth from 1."""

    runs: tuple[Run, ...]
    style: str = "body"
    bullet: str = ""
    indent: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclasses.dataclass(frozen=True)
class LegendEntry:
    label: str          # the badge's word: NEW
    fill: str           # its colour
    text: str           # "Blue text: new since the last meeting (12 October 2021)"
    colour: str = ""


@dataclasses.dataclass(frozen=True)
class Legend:
    entries: tuple[LegendEntry, ...]


@dataclasses.dataclass(frozen=True)
class Row:
    """A data row (one cell per column), or a band (``band`` set: one label across the
    table, heading the rows under it, e.g. "Meeting of 12 October 2021", with its ``note``).
    ``fill``: the row's shade ("RRGGBB"; an overdue row's), its meaning also said in words
    in a cell (the OVERDUE badge)."""

    cells: tuple[Cell, ...] = ()
    band: str = ""
    note: str = ""
    fill: str = ""

    def texts(self) -> list[str]:
        """Each cell's words, as one line of text per cell (badges as their words)."""
        return [" ".join(r.text for r in cell if r.text) for cell in self.cells]


@dataclasses.dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    caption: str = ""
    widths: tuple[float, ...] = ()       # each column's share of the width
    row_headers: bool = False            # the first cell of each row heads it (no header row)


Block = Heading | Para | Legend | Table


@dataclasses.dataclass(frozen=True)
class Document:
    """``title``: the document's title property ("Action log: CYPSC (as at 10 January
    2022)"); ``landscape``: printed across the page; ``marking``: "NOT FOR PUBLICATION" and
    the like, said at the top; ``watermark``: "DRAFT"."""

    title: str
    blocks: tuple[Block, ...]
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    landscape: bool = False
    marking: str = ""
    watermark: str = ""
    header: str = ""                 # the running header line ("Action log · as at ...")
    language: str = LANGUAGE
    dated: dt.date | None = None     # the as-at date: the file's created / modified date

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


__all__ = ["LANGUAGE", "Block", "Cell", "Document", "Heading", "Legend", "LegendEntry", "Para",
           "Row", "Run", "Table", "clean"]
