"""A PDF's flowables as a plain document (``exporters.document``) for the Word and web-page
writers: the same headings, sentences, legend and table rows the PDF draws, because they are
read from the very flowables ``page.render`` would lay out (``printing.document_story``).

    flowables, setup = printing.document_story(db, "action-log", "CYPSC", as_at=day)
    doc = flatten(flowables, setup)

Paragraph styles become headings ("title" the document's level 1, "h1"/"h2" sections,
"h3" parts) or paragraphs; a ``FastTable`` becomes a table with its header row, its meeting
bands and its cells' runs (a badge keeps its word); a reportlab ``Table`` of paragraphs (the
minutes' attendance) becomes a table whose first column heads each row. Page furniture
(spacers, page breaks) is left out. A flowable of a kind not known here is refused, so that
nothing the PDF prints is silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reportlab.lib import colors
from reportlab.platypus import (CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph,
                                Spacer, Table)

from desktop_app.domain.dates import format_uk
from desktop_app.exporters import document as d
from desktop_app.reports import fonts, page, theme
from desktop_app.reports.cells import Block
from desktop_app.reports.fasttable import FastTable
from desktop_app.reports.keeping import Section
from desktop_app.reports.markers import Legend
from desktop_app.reports.tablerows import GroupRow

_SKIPPED = (Spacer, CondPageBreak, PageBreak)
_A4_LANDSCAPE_FRAME = page.LANDSCAPE[0] - 2 * theme.MARGIN
_BOLD = {fonts.BOLD, fonts.BOLD_ITALIC, fonts.SEMIBOLD}
_ITALIC = {fonts.ITALIC, fonts.BOLD_ITALIC}


def hexcode(colour: colors.Color | None, *, ink: bool = True) -> str:
    """"RRGGBB", or "" for the usual ink (and for none)."""
    if colour is None:
        return ""
    code = theme.hexcode(colour)
    return "" if ink and code == theme.hexcode(theme.INK) else code


def _levels(flowables: Sequence[Flowable]) -> dict[str, int]:
    """Heading levels by paragraph style: the title 1; "h1" 2; "h2" 2 in a document
    without "h1", else 3; "h3" one below the deepest of those."""
    used = {p.style.name for p in _paragraphs(flowables)}
    levels = {"title": 1, "h1": 2, "h2": 3 if "h1" in used else 2}
    levels["h3"] = max(v for k, v in levels.items() if k == "title" or k in used) + 1
    return levels


def _paragraphs(flowables: Iterable[Flowable]) -> Iterable[Paragraph]:
    for item in _unwrapped(flowables):
        if isinstance(item, Paragraph):
            yield item


def _unwrapped(flowables: Iterable[Flowable]) -> Iterable[Flowable]:
    for item in flowables:
        if isinstance(item, Section):
            yield from _unwrapped(item.items())
        elif isinstance(item, KeepTogether):
            yield from _unwrapped(getattr(item, "_content", []))   # reportlab keeps it there
        else:
            yield item


def _runs(paragraph: Paragraph) -> tuple[d.Run, ...]:
    """The paragraph's text runs, bold / italic / colour as drawn; a line break a newline."""
    out: list[d.Run] = []
    base = hexcode(paragraph.style.textColor)
    for frag in getattr(paragraph, "frags", []):
        words = getattr(frag, "text", "")
        if getattr(frag, "lineBreak", False):
            words = "\n"
        if not words:
            continue
        font = getattr(frag, "fontName", "")
        own = font != paragraph.style.fontName          # marked up, not the style's own
        colour = hexcode(getattr(frag, "textColor", None))
        out.append(d.Run(words.replace("\xa0", " "), bold=own and font in _BOLD,
                         italic=own and font in _ITALIC, colour="" if colour == base else colour))
    if not out:        # a paragraph reportlab has not parsed into fragments
        out.append(d.Run(paragraph.getPlainText()))
    return _merged(out)


def _merged(runs: list[d.Run]) -> tuple[d.Run, ...]:
    out: list[d.Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic, out[-1].colour, out[-1].badge) == (
                run.bold, run.italic, run.colour, run.badge):
            out[-1] = d.Run(out[-1].text + run.text, run.bold, run.italic, run.colour, run.badge)
        else:
            out.append(run)
    return tuple(out)


def _para(item: Paragraph, levels: dict[str, int]) -> d.Block:
    name = item.style.name
    runs = _runs(item)
    if name in levels:
        return d.Heading(re.sub(r"\s+", " ", "".join(r.text for r in runs)).strip(),
                         levels[name])
    style = name if name in ("subtitle", "small", "note", "exempt", "label") else "body"
    bullet = getattr(item, "bulletText", None) or ""
    indent = 0
    if bullet:
        indent = 1 + max(0, int((item.style.leftIndent - 14) // 18))
    return d.Para(runs, style, bullet=str(bullet), indent=indent)


def cell_runs(cell: Sequence[Block]) -> d.Cell:
    """A table cell's blocks as runs: a badge keeps its word (and its fill)."""
    out: list[d.Run] = []
    for block in cell:
        if not block.text:
            continue
        if block.badge is not None:
            out.append(d.Run(block.text, bold=True, badge=hexcode(block.badge, ink=False)))
        else:
            out.append(d.Run(block.text, bold=block.font in _BOLD,
                             italic=block.font in _ITALIC, colour=hexcode(block.colour)))
    return tuple(out)


def _table(table: FastTable) -> d.Table:
    rows: list[d.Row] = []
    for row in table.rows:
        if isinstance(row, GroupRow):
            rows.append(d.Row(band=row.label, note=row.note))
        else:
            rows.append(d.Row(tuple(cell_runs(c) for c in row.cells),
                              fill=hexcode(row.fill, ink=False)))
    # the PDF's own shares of the width (a date column wide enough for its longest date)
    widths = table.column_widths(_A4_LANDSCAPE_FRAME)
    total = sum(widths) or 1.0
    return d.Table(tuple(c.title for c in table.columns), tuple(rows), caption=table.caption,
                   widths=tuple(w / total for w in widths))


def _cell_text(value: object) -> tuple[d.Run, ...]:
    items = value if isinstance(value, (list, tuple)) else [value]
    runs: list[d.Run] = []
    for item in items:
        if isinstance(item, Paragraph):
            if runs:
                runs.append(d.Run("\n"))
            runs += _runs(item)
        elif isinstance(item, str):
            runs.append(d.Run(item))
        elif item is not None and not isinstance(item, _SKIPPED):
            raise TypeError(f"a table cell holds {type(item).__name__}, not known to the "
                            f"Word and web-page exports")
    return _merged(runs)


def _plain_table(table: Table, caption: str) -> d.Table:
    """A reportlab table of paragraphs with no header row (the minutes' attendance): its
    first column heads each row."""
    rows = tuple(d.Row(tuple(_cell_text(v) for v in line))
                 for line in getattr(table, "_cellvalues", []))   # reportlab keeps them there
    width = max((len(r.cells) for r in rows), default=1)
    shares = (0.25, *([0.75 / (width - 1)] * (width - 1))) if width > 1 else (1.0,)
    return d.Table((), rows, caption=caption, widths=shares, row_headers=True)


def _legend(item: Legend) -> d.Legend:
    return d.Legend(tuple(d.LegendEntry(label, hexcode(fill, ink=False), words,
                                        hexcode(colour))
                          for label, fill, words, colour in item.entries))


def flatten(flowables: Sequence[Flowable], setup: page.PageSetup) -> d.Document:
    """The plain document the flowables print (see the module docstring)."""
    levels = _levels(flowables)
    blocks: list[d.Block] = []
    for item in _unwrapped(flowables):
        if isinstance(item, _SKIPPED):
            continue
        if isinstance(item, Paragraph):
            blocks.append(_para(item, levels))
        elif isinstance(item, FastTable):
            blocks.append(_table(item))
        elif isinstance(item, Legend):
            blocks.append(_legend(item))
        elif isinstance(item, Table):
            blocks.append(_plain_table(item, "Attendance"))
        else:
            raise TypeError(f"{type(item).__name__} is not known to the Word and web-page "
                            f"exports")
    header = setup.header_right or f"{setup.title}  ·  as at {format_uk(setup.as_at, 'full')}"
    return d.Document(
        title=setup.pdf_title, blocks=tuple(blocks), subject=setup.subject,
        author=setup.council or page.CREATOR, keywords=tuple(setup.keywords),
        landscape=setup.pagesize[0] > setup.pagesize[1], marking=setup.marking,
        watermark=setup.watermark, header=f"{setup.committee}  ·  {header}",
        dated=setup.as_at)


__all__ = ["cell_runs", "flatten", "hexcode"]
