"""A plain document (``exporters.document``) as a Word file (python-docx).

What makes it usable by someone with a screen reader, and by the committee system that
turns it into the published pack:

- headings in Word's own styles (Heading 1 the title, Heading 2 sections, Heading 3 parts),
  so they show in the navigation pane and a contents field;
- tables whose first row is a header row repeated on every page (``w:tblHeader``), with a
  title for assistive technology (``w:tblCaption``); a meeting band is a merged row;
- marks said in words as well as colour: a NEW, UPDATED, OVERDUE or COMPLETED badge is the
  word itself, bold, on its colour;
- the document's title, subject and language (en-GB, in the styles' defaults and in the core
  properties); page numbers ("Page N of M") in the footer; A4, landscape for wide tables.

The text has been cleaned by the model; python-docx writes it as text (XML-escaped), never as
a field, so "=HYPERLINK(...)" stays the words it is.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable, _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from desktop_app.exporters import document as d

NAVY = "1F3A5F"
MUTED = "5A6472"
BAND_FILL = "E4EAF2"
EXEMPT = "9F1D14"
FONT = "Arial"
A4 = (Mm(210), Mm(297))
MARGIN = Mm(14)
_STYLES = {"subtitle": "Subtitle", "label": "Normal", "small": "Normal", "note": "Normal",
           "exempt": "Normal", "body": "Normal"}


def _set_language(doc: WordDocument, language: str) -> None:
    """``w:lang`` in the styles' run defaults (every run inherits it) and the core property."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
    if rpr is None:
        rpr = doc.styles.element.get_or_add_docDefaults().get_or_add_rPrDefault() \
            .get_or_add_rPr()  # pragma: no cover - the default template has one
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), language)
    doc.core_properties.language = language


def _shade(element, fill: str) -> None:
    """A background fill on a cell (``tcPr``) or a run (``rPr``)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    element.append(shd)


def _run(paragraph: WordParagraph, run: d.Run, *, size: float | None = None,
         colour: str = "", italic: bool = False) -> None:
    if run.badge:
        out = paragraph.add_run(run.text)
        out.bold = True
        out.font.color.rgb = RGBColor.from_string("FFFFFF")
        _shade(out._r.get_or_add_rPr(), run.badge)   # noqa: SLF001 - python-docx's element
        if size:
            out.font.size = Pt(size - 1)
        return
    out = paragraph.add_run(run.text)
    out.bold = run.bold or None
    out.italic = (run.italic or italic) or None
    shade = run.colour or colour
    if shade:
        out.font.color.rgb = RGBColor.from_string(shade)
    if size:
        out.font.size = Pt(size)


def _paragraph(doc: WordDocument, block: d.Para) -> None:
    paragraph = doc.add_paragraph(style=_STYLES.get(block.style, "Normal"))
    size = {"small": 8.0, "note": None}.get(block.style)
    colour = {"small": MUTED, "note": MUTED, "exempt": EXEMPT, "label": NAVY}.get(block.style, "")
    if block.bullet:
        paragraph.paragraph_format.left_indent = Mm(6 * block.indent + 2)
        paragraph.paragraph_format.first_line_indent = Mm(-6)
        paragraph.add_run(f"{block.bullet}\t")
    for run in block.runs:
        bold = d.Run(run.text, run.bold or block.style in ("label", "exempt"), run.italic,
                     run.colour, run.badge)
        _run(paragraph, bold, size=size, colour=colour, italic=block.style == "note")


def _legend(doc: WordDocument, legend: d.Legend) -> None:
    for entry in legend.entries:
        paragraph = doc.add_paragraph(style="Normal")
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, d.Run(entry.label, badge=entry.fill), size=9)
        _run(paragraph, d.Run(f" {entry.text}", colour=entry.colour), size=9)


def _flag(row_pr, name: str) -> None:
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row_pr.append(flag)


def _cell_lines(cell: _Cell, runs: d.Cell, size: float, *, header: bool = False) -> None:
    """Each run on a line of its own, as the PDF lays a cell's blocks out."""
    first = True
    for run in runs or (d.Run(""),):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        first = False
        if header:
            run = d.Run(run.text, bold=True, colour="FFFFFF")
        _run(paragraph, run, size=size)


def _table(doc: WordDocument, table: d.Table, usable: int) -> WordTable:
    columns = len(table.columns) or max((len(r.cells) for r in table.rows), default=1)
    size = 9.0
    out = doc.add_table(rows=0, cols=columns)
    out.style = "Table Grid"
    out.alignment = WD_TABLE_ALIGNMENT.LEFT
    out.autofit = False
    tbl_pr = out._tbl.tblPr                  # noqa: SLF001 - python-docx's element
    if table.caption:
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), d.clean(table.caption)[:255])
        tbl_pr.append(caption)
    widths = table.widths or tuple(1 / columns for _ in range(columns))
    if table.columns:
        header = out.add_row()
        row_pr = header._tr.get_or_add_trPr()          # noqa: SLF001
        _flag(row_pr, "w:tblHeader")                   # repeated at the top of every page
        _flag(row_pr, "w:cantSplit")
        for cell, title in zip(header.cells, table.columns):
            _cell_lines(cell, (d.Run(title),), size, header=True)
            _shade(cell._tc.get_or_add_tcPr(), NAVY)   # noqa: SLF001
    for row in table.rows:
        line = out.add_row()
        if row.band:
            merged = line.cells[0].merge(line.cells[-1]) if columns > 1 else line.cells[0]
            runs = [d.Run(row.band, bold=True, colour=NAVY)]
            if row.note:
                runs.append(d.Run(row.note, italic=True, colour=MUTED))
            _cell_lines(merged, tuple(runs), size)
            _shade(merged._tc.get_or_add_tcPr(), BAND_FILL)   # noqa: SLF001
            continue
        for index, (cell, runs) in enumerate(zip(line.cells, row.cells)):
            if table.row_headers and index == 0:
                runs = tuple(d.Run(r.text, bold=True, colour=NAVY) for r in runs)
            _cell_lines(cell, runs, size)
            if row.fill:
                _shade(cell._tc.get_or_add_tcPr(), row.fill)  # noqa: SLF001
    for column, share in zip(out.columns, widths):
        width = Emu(int(usable * share))
        column.width = width                          # the grid (LibreOffice reads it)
        for cell in column.cells:
            cell.width = width                        # and each cell (Word reads these)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
    return out


def _page_field(paragraph: WordParagraph, code: str) -> None:
    """A PAGE or NUMPAGES field (its result filled in by Word / LibreOffice)."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)                 # noqa: SLF001
        elif text == "1":
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)                    # noqa: SLF001
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)                # noqa: SLF001


def _page_furniture(doc: WordDocument, source: d.Document) -> int:
    """A4 (landscape for wide tables), margins, header and footer; the usable width."""
    section = doc.sections[0]
    width, height = A4
    if source.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    for name in ("Header", "Footer"):
        style = _style(doc, name)
        style.font.size = Pt(8)
        style.font.color.rgb = RGBColor.from_string(MUTED)
    header = section.header.paragraphs[0]
    header.style = "Header"
    words = [w for w in (source.marking, source.watermark, source.header) if w]
    _run(header, d.Run("  ·  ".join(words)))
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    _run(footer, d.Run("Page "))
    _page_field(footer, "PAGE")
    _run(footer, d.Run(" of "))
    _page_field(footer, "NUMPAGES")
    return int(width - 2 * MARGIN)


def _fonts(doc: WordDocument) -> None:
    """One plain sans serif throughout (Arial, or what the reader maps it to), headings in
    navy, the subtitle upright."""
    fonts = doc.styles.element.find(qn("w:docDefaults")).find(
        f"{qn('w:rPrDefault')}/{qn('w:rPr')}").find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal = _style(doc, "Normal")
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        style = _style(doc, name)
        style.font.name = FONT
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        style.font.color.rgb = RGBColor.from_string(NAVY)
    subtitle = _style(doc, "Subtitle")
    subtitle.font.italic = False
    subtitle.font.size = Pt(13)
    spacing = subtitle.element.rPr.find(qn("w:spacing"))
    if spacing is not None:
        subtitle.element.rPr.remove(spacing)


def _style(doc: WordDocument, name: str) -> ParagraphStyle:
    style = doc.styles[name]
    assert isinstance(style, ParagraphStyle)
    return style


def _properties(doc: WordDocument, source: d.Document) -> None:
    props = doc.core_properties
    props.title = d.clean(source.title)
    props.subject = d.clean(source.subject)
    props.author = d.clean(source.author)
    props.keywords = ", ".join(source.keywords)
    props.last_modified_by = "Scrutiny Tracker"
    props.comments = ""
    props.revision = 1
    if source.dated is not None:           # the document's own date, never the clock's
        when = dt.datetime.combine(source.dated, dt.time(0, 0))
        props.created = props.modified = when
    _set_language(doc, source.language)


def docx_bytes(source: d.Document) -> bytes:
    """The document as the bytes of a .docx file."""
    doc = new_document()
    _properties(doc, source)
    _fonts(doc)
    usable = _page_furniture(doc, source)
    for block in source.blocks:
        if isinstance(block, d.Heading):
            doc.add_heading(block.text, level=min(block.level, 9))
        elif isinstance(block, d.Para):
            _paragraph(doc, block)
        elif isinstance(block, d.Legend):
            _legend(doc, block)
        else:
            _table(doc, block, usable)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_docx(path: str | os.PathLike[str], source: d.Document) -> Path:
    """Write ``source`` as a Word document to ``path`` (whole or not at all)."""
    return d.write_whole(path, docx_bytes(source))


__all__ = ["docx_bytes", "write_docx"]
