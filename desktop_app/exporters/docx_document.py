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
from xml.sax.saxutils import escape as xml_escape

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from desktop_app.exporters import document as d
from desktop_app.exporters.atomic import write_whole

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


# ------------------------------------------------------------------ tables
# A table's rows are written as WordprocessingML text and parsed once: python-docx's own
# element API took ~1.5 ms a cell (a 2,000-row action log: 25-37 s); this takes well under 1 s.

def _esc(text: str) -> str:
    return xml_escape(text, {'"': "&quot;"})


def _run_xml(run: d.Run, size: float, *, header: bool = False) -> str:
    """One ``w:r``: bold / italic / colour / size / shading (a badge: white on its fill)."""
    props = []
    if run.bold or run.badge or header:
        props.append("<w:b/>")
    if run.italic and not run.badge:
        props.append("<w:i/>")
    colour = "FFFFFF" if (run.badge or header) else run.colour
    if colour:
        props.append(f'<w:color w:val="{_esc(colour)}"/>')
    half_points = int(round((size - 1 if run.badge else size) * 2))
    props.append(f'<w:sz w:val="{half_points}"/>')
    if run.badge:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{_esc(run.badge)}"/>')
    pieces = []
    for index, line in enumerate(run.text.split("\n")):
        if index:
            pieces.append("<w:br/>")
        for number, part in enumerate(line.split("\t")):
            if number:
                pieces.append("<w:tab/>")
            if part:
                pieces.append(f'<w:t xml:space="preserve">{_esc(part)}</w:t>')
    return f"<w:r><w:rPr>{''.join(props)}</w:rPr>{''.join(pieces)}</w:r>"


def _cell_xml(runs: d.Cell, width: int, size: float, *, span: int = 1, fill: str = "",
              header: bool = False) -> str:
    """One ``w:tc``: each run on a line (a paragraph) of its own, as the PDF lays a cell's
    blocks out."""
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if fill:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{_esc(fill)}"/>')
    lines = [r for r in runs if r.text] or [d.Run("")]
    paragraphs = "".join(
        f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{_run_xml(r, size, header=header)}</w:p>'
        for r in lines)
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{paragraphs}</w:tc>"


def _rows_xml(table: d.Table, widths: list[int], size: float) -> list[str]:
    out = []
    if table.columns:      # the header row: repeated at the top of every page, never split
        cells = "".join(_cell_xml((d.Run(t),), w, size, fill=NAVY, header=True)
                        for t, w in zip(table.columns, widths))
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
    for row in table.rows:
        if row.band:
            runs = [d.Run(row.band, bold=True, colour=NAVY)]
            if row.note:
                runs.append(d.Run(row.note, italic=True, colour=MUTED))
            cell = _cell_xml(tuple(runs), sum(widths), size, span=len(widths), fill=BAND_FILL)
            out.append(f"<w:tr>{cell}</w:tr>")
            continue
        cells = []
        for index, (runs, width) in enumerate(zip(row.cells, widths)):
            if table.row_headers and index == 0:
                runs = tuple(d.Run(r.text, bold=True, colour=NAVY) for r in runs)
            cells.append(_cell_xml(runs, width, size, fill=row.fill))
        out.append(f"<w:tr>{''.join(cells)}</w:tr>")
    return out


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
    shares = table.widths or tuple(1 / columns for _ in range(columns))
    twips = []
    for column, share in zip(out.columns, shares):     # the grid (LibreOffice reads it)
        column.width = Emu(int(usable * share))
        twips.append(int(usable * share) // 635)       # and each cell's (Word reads those)
    rows = _rows_xml(table, twips, size)
    if rows:
        parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
        for tr in list(parsed):
            out._tbl.append(tr)                          # noqa: SLF001
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
    return write_whole(path, docx_bytes(source))


__all__ = ["docx_bytes", "write_docx"]
