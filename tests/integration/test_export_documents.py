"""Word (.docx) and web-page (.html) documents (issue 17): written by the real command line in
this process, read back with python-docx and html.parser, and compared with the PDF of the
same command read back with pypdf: same rows, same words, same as-at date.

The demo is written once for the module, as at a fixed date; a small committee with a past
meeting checks the as-at rule (a document for a meeting printed years later shows that
meeting's facts) and that untrusted text goes out as plain words."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader
from sqlalchemy import update

from desktop_app.db.models import AuditEntry
from desktop_app.db.schema import open_database
from desktop_app.services import actions, committees, meetings
from desktop_app.services.demo import load_demo

AS_AT = "2022-01-10"
COMMITTEE = "CYPSC"
# name -> the export arguments (the minutes: the demo meeting before the agenda's, a draft)
DOCUMENTS = {
    "action-log": ("action-log", "--as-at", AS_AT),
    "recommendations": ("recommendations", "--as-at", AS_AT),
    "work-programme": ("work-programme", "--as-at", AS_AT),
    "minutes": ("minutes", "--meeting", "2021-10-12", "--as-at", AS_AT),
}


def run(*args: str) -> tuple[int, str, str]:
    """The real command line in this process: (exit code, stdout, stderr)."""
    from desktop_app.cli import main
    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    return code, out.getvalue(), err.getvalue()


def words(text: str) -> list[str]:
    return re.findall(r"[^\s·]+", text)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


# ------------------------------------------------------------------ reading back

class Page(HTMLParser):
    """What an HTML page holds: its lang, title, headings, tables (caption, header cells with
    their scope, rows of cell texts), and every tag seen."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.tags: Counter[str] = Counter()
        self.title = ""
        self.headings: list[tuple[str, str]] = []
        self.tables: list[dict] = []
        self._text: list[str] | None = None
        self._where = ""
        self._scope = ""
        self._row: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] += 1
        if tag == "html":
            self.lang = attrs.get("lang", "")
        elif tag in ("title", "h1", "h2", "h3", "caption", "th", "td"):
            self._text, self._where, self._scope = [], tag, attrs.get("scope", "")
        elif tag == "table":
            self.tables.append({"caption": "", "columns": [], "rows": [], "scopes": set()})
        elif tag == "tr":
            self._row = []
        elif tag == "br" and self._text is not None:
            self._text.append(" ")

    def handle_endtag(self, tag):
        if tag == "span" and self._text is not None:
            self._text.append(" ")
        if tag != self._where or self._text is None:
            if tag == "tr" and self.tables and self._row:
                self.tables[-1]["rows"].append(self._row)
            return
        text = " ".join("".join(self._text).split())
        self._text = None
        if tag == "title":
            self.title = text
        elif tag in ("h1", "h2", "h3"):
            self.headings.append((tag, text))
        elif tag == "caption":
            self.tables[-1]["caption"] = text
        elif tag == "th" and self._scope == "col":
            self.tables[-1]["columns"].append(text)
            self.tables[-1]["scopes"].add("col")
        else:
            if tag == "th":
                self.tables[-1]["scopes"].add(self._scope)
            self._row.append(text)

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def docx_tables(doc) -> list[list[list[str]]]:
    """Every table's rows of cell texts (each cell's lines joined by spaces)."""
    out = []
    for table in doc.tables:
        rows = []
        for row in table.rows:
            seen, cells = set(), []
            for cell in row.cells:           # a merged band repeats its one cell
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(" ".join(p.text for p in cell.paragraphs).split()))
            rows.append(cells)
        out.append(rows)
    return out


def repeats_header(table) -> bool:
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


# ------------------------------------------------------------------ the demo, written once

@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("documents")
    url = f"sqlite:///{folder / 'demo.db'}"
    database = open_database(url)
    load_demo(database)
    database.dispose()
    out: dict[str, Path] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SCRUTINY_TRACKER_HOME", str(folder / "home"))
        mp.setenv("SCRUTINY_TRACKER_TODAY", "2027-02-01")     # never the documents' date
        for name, args in DOCUMENTS.items():
            for suffix in ("pdf", "docx", "html"):
                path = out[f"{name}.{suffix}"] = folder / f"{name}.{suffix}"
                code, said, err = run("--db", url, "export", *args, "--committee", COMMITTEE,
                                      "-o", str(path))
                assert code == 0, err
                assert said.startswith(f"wrote {path}")
    return out


@pytest.mark.parametrize("name", DOCUMENTS)
def test_word_document_has_headings_repeating_header_rows_and_the_pdfs_words(written, name):
    doc = docx.Document(str(written[f"{name}.docx"]))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    assert paragraphs[0].style.name == "Heading 1"
    assert {p.style.name for p in paragraphs if p.style.name.startswith("Heading")} <= {
        "Heading 1", "Heading 2", "Heading 3"}
    assert doc.core_properties.language == "en-GB"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(
        f"{qn('w:rPrDefault')}/{qn('w:rPr')}").find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    assert "Children and Young People Scrutiny Committee" in doc.core_properties.title
    assert doc.core_properties.created.date() == dt.date(2022, 1, 10)   # as at, not the clock
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer
    assert "NUMPAGES" in footer
    pdf = pdf_text(written[f"{name}.pdf"])
    for table in doc.tables:
        if table.rows[0].cells[0].text != "Present:":       # the minutes' attendance: no header
            assert repeats_header(table)
    # every word the Word document says, the PDF says as often (or more: running headers)
    said = Counter(w for p in paragraphs for w in words(p.text))
    said += Counter(w for t in docx_tables(doc) for r in t for c in r for w in words(c))
    missing = said - Counter(words(pdf))
    assert not missing, missing


def test_action_log_word_rows_are_the_pdfs_rows(written):
    doc = docx.Document(str(written["action-log.docx"]))
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert doc.sections[0].page_width > doc.sections[0].page_height
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"] == [
        "Current actions", "Reported complete"]
    (table,) = docx_tables(doc)
    assert table[0] == ["Action number", "Meeting date", "Action", "Owner", "Directorate",
                        "Progress update", "Due date", "Status"]
    pdf = " ".join(pdf_text(written["action-log.pdf"]).split())
    assert "7 current actions, 6 overdue, 1 completed awaiting report to the committee, " \
           "3 new, 1 updated, 0 reported complete." in pdf
    rows = table[1:]
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "6", "7"]
    statuses = [r[7].split()[0] for r in rows]
    assert statuses.count("OVERDUE") == 6
    assert statuses.count("COMPLETED") == 1
    assert sum(r[2].startswith("NEW ") for r in rows) == 3
    assert sum(r[2].startswith("UPDATED ") for r in rows) == 1
    # each row's number, meeting date and status read in the PDF's order
    for row in rows:
        assert re.search(rf"\b{row[0]} {row[1].split()[0]}\b", pdf), row


@pytest.mark.parametrize("name", DOCUMENTS)
def test_web_page_is_accessible_and_holds_the_word_documents_rows(written, name):
    text = written[f"{name}.html"].read_text(encoding="utf-8")
    page = Page(text)
    assert page.lang == "en-GB"
    assert page.title == docx.Document(str(written[f"{name}.docx"])).core_properties.title
    assert page.tags["script"] == 0
    assert page.tags["link"] == 0
    assert "src=" not in text
    assert page.headings[0][0] == "h1"
    assert page.tags["h1"] == 1
    doc_tables = docx_tables(docx.Document(str(written[f"{name}.docx"])))
    assert len(page.tables) == len(doc_tables)
    for html_table, word_table in zip(page.tables, doc_tables):
        assert html_table["caption"]
        if html_table["columns"]:
            assert html_table["scopes"] <= {"col", "colgroup"}
            assert [html_table["columns"], *html_table["rows"]] == word_table
        else:                                       # attendance: each row headed by its label
            assert html_table["scopes"] == {"row"}
            assert html_table["rows"] == word_table


def test_web_page_bands_head_their_rows(written, tmp_path):
    url = f"sqlite:///{written['action-log.pdf'].parent / 'demo.db'}"
    out = tmp_path / "by-meeting.html"
    code, _said, err = run("--db", url, "export", "action-log", "--committee", COMMITTEE,
                           "--as-at", AS_AT, "--order", "meeting", "--dates", "short",
                           "-o", str(out))
    assert code == 0, err
    page = Page(out.read_text(encoding="utf-8"))
    assert "colgroup" in page.tables[0]["scopes"]
    bands = [r[0] for r in page.tables[0]["rows"] if r[0].startswith("Meeting of")]
    assert bands == ["Meeting of 05/08/2021", "Meeting of 07/09/2021", "Meeting of 12/10/2021"]


# ------------------------------------------------------------------ a past meeting, and bad text

@pytest.fixture
def small(db, db_url):
    """A committee with a held meeting and the next one, printed long after both."""
    c = "Audit Scrutiny Committee"
    committees.add_committee(db, c, short_name="ASC", council="Testshire Council")
    meetings.add_meeting(db, c, dt.date(2021, 10, 12), status="held")
    meetings.add_meeting(db, c, dt.date(2021, 11, 23), publication_deadline=dt.date(2021, 11, 15))
    actions.add_action(db, c, dt.date(2021, 10, 12), "Report the audit findings", ref="1",
                       owner="Jo Bloggs", due=dt.date(2021, 11, 1))
    actions.add_action(db, c, dt.date(2021, 10, 12), "Brief members", ref="2",
                       owner="Jo Bloggs", due=dt.date(2021, 12, 7))
    actions.add_action(db, c, dt.date(2021, 10, 12),
                       '=HYPERLINK("http://x.test")\x07 <script>alert(1)</script> & co',
                       ref="3", owner="@Sam Evil", progress="+Done\u202e soon",
                       due=dt.date(2021, 12, 7))
    meetings.add_item(db, c, dt.date(2021, 10, 12), "9", "Contract award",
                      exempt_paragraph="3")
    actions.add_action(db, c, dt.date(2021, 10, 12), "Negotiate with Bidder B", ref="4",
                       item="Contract award", progress="Price agreed", due=dt.date(2021, 12, 7))
    with db.unit_of_work() as s:        # written up the day after the meeting, not today
        s.execute(update(AuditEntry).values(at=dt.datetime(2021, 10, 13, 9)))
    return db_url


@pytest.mark.parametrize("suffix", ["docx", "html"])
def test_document_for_a_past_meeting_is_as_at_its_publication(small, tmp_path, monkeypatch,
                                                             suffix):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2027-02-01")
    out, pdf = tmp_path / f"log.{suffix}", tmp_path / "log.pdf"
    for target in (out, pdf):
        code, _said, err = run("--db", small, "export", "action-log", "--committee", "ASC",
                               "--meeting", "2021-11-23", "-o", str(target))
        assert code == 0, err
    pdf_words = " ".join(pdf_text(pdf).split())
    if suffix == "docx":
        doc = docx.Document(str(out))
        body = " ".join(p.text for p in doc.paragraphs)
        rows = docx_tables(doc)[0][1:]
        xml = doc.element.xml
        assert "fldSimple" not in xml
        assert "HYPERLINK" not in "".join(
            t.text or "" for t in doc.element.iter(qn("w:instrText")))
    else:
        text = out.read_text(encoding="utf-8")
        page = Page(text)
        body = " ".join(h for _tag, h in page.headings) + text
        rows = page.tables[0]["rows"]
        assert "<script>" not in text
        assert "&lt;script&gt;" in text
        assert page.tags["script"] == 0
    assert "As at Monday 15 November 2021" in body
    assert "2027" not in body
    assert "As at Monday 15 November 2021" in pdf_words
    by_number = {r[0]: r for r in rows}
    assert by_number["1"][7] == "OVERDUE"           # due 1 November: overdue on the 15th
    assert by_number["2"][7] == "Open"              # due 7 December: not yet, then
    third = by_number["3"]
    assert third[2] == 'NEW =HYPERLINK("http://x.test") <script>alert(1)</script> & co'
    assert third[3] == "@Sam Evil"
    assert third[5] == "+Done soon"                # the direction override is gone
    assert "\x07" not in third[2]
    assert "\u202e" not in third[5]
    for row in rows:
        assert f"{row[0]} 12 October 2021" in pdf_words or f"{row[0]} 12 Oct" in pdf_words


def test_bad_requests_say_why_and_write_nothing(small, tmp_path):
    out = tmp_path / "agenda.docx"
    code, _said, err = run("--db", small, "export", "agenda", "--committee", "ASC",
                           "--meeting", "2021-11-23", "-o", str(out))
    assert code == 2
    assert "cannot be exported as .docx" in err
    assert not out.exists()
    code, _said, err = run("--db", small, "export", "action-log", "--committee", "ASC",
                           "--include-exempt", "--as-at", "2021-11-15", "-o", str(out))
    assert code == 2
    assert "--include-exempt is for workbooks" in err
    assert not out.exists()
    code, _said, err = run("--db", small, "export", "minutes", "--committee", "ASC",
                           "-o", str(tmp_path / "m.html"))
    assert code == 2
    assert "needs --meeting" in err
    assert not [p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".html", ".tmp")]


def test_public_version_withholds_what_the_public_pdf_withholds(small, tmp_path):
    texts = {}
    for public in (False, True):
        flag = ("--public",) if public else ()
        for suffix in ("docx", "html", "pdf"):
            out = tmp_path / f"log{'-public' if public else ''}.{suffix}"
            code, _said, err = run("--db", small, "export", "action-log", "--committee", "ASC",
                                   "--as-at", "2021-11-15", *flag, "-o", str(out))
            assert code == 0, err
            if suffix == "docx":
                doc = docx.Document(str(out))
                texts[public, suffix] = " ".join(
                    [doc.sections[0].header.paragraphs[0].text,
                     *(p.text for p in doc.paragraphs),
                     *(c for t in docx_tables(doc) for r in t for c in r)])
            elif suffix == "html":
                texts[public, suffix] = out.read_text(encoding="utf-8")
            else:
                texts[public, suffix] = " ".join(pdf_text(out).split())
    for suffix in ("docx", "html", "pdf"):
        assert "Negotiate with Bidder B" in texts[False, suffix]
        assert "NOT FOR PUBLICATION" in texts[False, suffix]
        assert "EXEMPT: PARAGRAPH 3" in texts[False, suffix]
        assert "Negotiate with Bidder B" not in texts[True, suffix]
        assert "Price agreed" not in texts[True, suffix]
        assert "EXEMPT: PARAGRAPH 3" in texts[True, suffix]
