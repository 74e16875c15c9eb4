"""The Word and web-page writers on a small document made by hand: every text that may have
come from someone else's file (a tracker's column heading, a cell, a band) goes out as plain
words: escaped, without control characters, never a field or markup."""

from __future__ import annotations

import datetime as dt
import io
from html.parser import HTMLParser

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from desktop_app.exporters import document as d
from desktop_app.exporters.docx_document import docx_bytes
from desktop_app.exporters.html_document import html_text

HOSTILE = '=cmd|"/c calc"!A1\x00\x1b <b onclick="x()">bold</b> & \u202eevil'
CLEAN = '=cmd|"/c calc"!A1 <b onclick="x()">bold</b> & evil'

SOURCE = d.Document(
    title="Action log: Test <Committee>", landscape=True, dated=dt.date(2021, 11, 15),
    marking="NOT FOR PUBLICATION", header="Test committee · Action log",
    blocks=(
        d.Heading("Action log", 1),
        d.Para((d.Run("As at Monday 15 November 2021"),), "small"),
        d.Heading("Current actions", 2),
        d.Table(("Number", HOSTILE), (
            d.Row(band="Meeting of 12 October 2021", note=HOSTILE),
            d.Row(((d.Run("1", bold=True),), (d.Run("NEW", badge="0B57B0"), d.Run(HOSTILE))),
                  fill="FBE9E7"),
        ), caption=HOSTILE, widths=(0.2, 0.8)),
        d.Table((), (d.Row(((d.Run("Present:"),), (d.Run("Cllr A\nCllr B"),))),),
                caption="Attendance", row_headers=True),
    ))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_web_page_escapes_everything_and_heads_columns_bands_and_rows():
    text = html_text(SOURCE)
    page = Tags()
    page.feed(text)
    names = [t for t, _ in page.tags]
    assert ("html", {"lang": "en-GB"}) in page.tags
    assert "script" not in names
    assert "b" not in names                       # the cell's "<b ...>" is words, not a tag
    assert '&lt;b onclick=&quot;x()&quot;&gt;' in text
    scopes = [a.get("scope") for t, a in page.tags if t == "th"]
    assert scopes == ["col", "col", "colgroup", "row"]
    assert names.count("caption") == 2
    assert names.count("thead") == 1
    joined = "".join(page.text)
    assert CLEAN in joined
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "<title>Action log: Test &lt;Committee&gt;</title>" in text
    assert "NOT FOR PUBLICATION" in joined


def test_word_document_is_plain_text_with_a_repeating_header_and_a_landscape_page():
    doc = docx.Document(io.BytesIO(docx_bytes(SOURCE)))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert [p.style.name for p in doc.paragraphs if p.text in ("Action log", "Current actions")] \
        == ["Heading 1", "Heading 2"]
    log, attendance = doc.tables
    first = log.rows[0]._tr.trPr
    assert first is not None
    assert first.find(qn("w:tblHeader")) is not None
    assert attendance.rows[0]._tr.trPr is None or \
        attendance.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None
    assert log.rows[0].cells[1].text == CLEAN
    assert log.rows[2].cells[1].text == f"NEW\n{CLEAN}"
    assert log._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == CLEAN
    assert not list(doc.element.iter(qn("w:instrText")))       # no field in the body
    assert doc.core_properties.title == "Action log: Test <Committee>"
    assert doc.core_properties.created.date() == dt.date(2021, 11, 15)
    assert "NOT FOR PUBLICATION" in section.header.paragraphs[0].text
