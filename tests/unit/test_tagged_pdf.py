"""Tagged PDF (issue 17): the checker in tests/pdf_tags.py passes what the app writes, fails
what a screen reader could not follow, and tagging changes nothing a reader sees.

Every demo document is held to the checker in tests/golden/test_documents.py (they are made
there once); here: a long log, a pack with tagged and untagged attachments, and the checker
itself failing on broken files."""

from __future__ import annotations

import io
import logging
import shutil
import subprocess

import pikepdf
import pytest

from desktop_app.domain.print_options import DocumentOptions, Order
from desktop_app.reports import page
from desktop_app.reports.action_log import build_action_log
from desktop_app.reports.pack import build_pack
from tests import pdf_tags
from tests.unit import reports_seed as S
from tests.unit.reports_seed import make_pdf, pdf_bytes
from tests.unit.test_reports_page_breaks import actions

ROWS = actions(60, reported=8)       # about five landscape pages, rows split over breaks


def _log(rows=ROWS, **kw) -> bytes:
    return pdf_bytes(build_action_log, rows, committee=S.COMMITTEE, as_at=S.AS_AT,
                     meetings=S.MEETINGS, last_meeting=S.LAST_MEETING, **kw)


@pytest.fixture(scope="module")
def long_log() -> bytes:
    return _log(options=DocumentOptions(order=Order.MEETING))


def _tables(data: bytes) -> list[dict[str, int]]:
    """For each Table in the structure: how many TR, TH and TD it holds, and the THs' scopes."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        def walk(elem, found):
            kids = elem.get("/K")
            for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [kids]):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    role = str(kid.S)[1:]
                    found[role] = found.get(role, 0) + 1
                    if role == "TH":
                        scope = "Scope-" + str(kid.A.Scope)[1:]
                        found[scope] = found.get(scope, 0) + 1
                    walk(kid, found)

        def tables(elem):
            kids = elem.get("/K")
            for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [kids]):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if pikepdf.Name.Table == kid.S:
                        found: dict[str, int] = {"pages": len({
                            e.Pg.objgen for e in _elements(kid) if "/Pg" in e})}
                        walk(kid, found)
                        out.append(found)
                    else:
                        tables(kid)
        tables(pdf.Root.StructTreeRoot)
    return out


def _elements(elem):
    kids = elem.get("/K")
    for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def test_a_long_log_passes_the_checker_and_each_section_stays_one_table(long_log):
    assert pdf_tags.problems(long_log) == []
    current, reported = _tables(long_log)
    assert current["pages"] >= 3                     # one Table across its pages
    # the header row once, as column headers (its repeats on later pages are artifacts);
    # each meeting band a row header; every action a row of eight cells
    columns = 8
    assert current["TH"] == columns + current["Scope-Row"]
    assert current["Scope-Column"] == columns
    assert current["TD"] == columns * (60 - 8)
    assert current["TR"] == 1 + current["Scope-Row"] + (60 - 8)
    assert reported["TD"] == columns * 8
    roles = pdf_tags.roles(long_log)
    assert roles["H1"] == 1
    assert roles["H2"] == 2
    assert roles["Table"] == 2


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler's pdfinfo is not installed")
def test_poppler_reads_the_log_as_tagged_with_badges_as_words(long_log, tmp_path):
    path = tmp_path / "log.pdf"
    path.write_bytes(long_log)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    assert "Tagged:          yes" in info
    tree = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    lines = [line.strip() for line in tree.splitlines()]
    assert lines[:3] == ["Document", "H1 (block)", '"Action log"']
    assert '"Current actions"' in lines
    assert '"Reported complete"' in lines
    # a badge is a word in its cell: OVERDUE and COMPLETED read as text in a TD
    for word in ('"OVERDUE"', '"COMPLETED"'):
        at = lines.index(word) if word in lines else next(
            i for i, line in enumerate(lines) if line.startswith(word[:-1]))
        assert lines[at - 1] == "TD"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is missing")
def test_tagging_changes_no_pixel_of_the_page(tmp_path):
    rows = ROWS[:14]
    with page.untagged():
        plain = _log(rows)
    tagged = _log(rows)
    assert pdf_tags.problems(tagged) == []
    assert "no structure tree (StructTreeRoot)" in pdf_tags.problems(plain)
    pngs = []
    for name, data in (("plain", plain), ("tagged", tagged)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2",
                        str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
        pngs.append(sorted(tmp_path.glob(f"{name}-*.png")))
    assert len(pngs[0]) == len(pngs[1]) == 2
    for before, after in zip(*pngs):
        assert before.read_bytes() == after.read_bytes(), f"{after.name} looks different"


# ------------------------------------------------------------------ the checker can fail

@pytest.fixture(scope="module")
def small_log() -> bytes:
    return _log(ROWS[:6])


def _edited(data: bytes, change) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_the_checker_fails_an_untagged_pdf(tmp_path):
    faults = pdf_tags.problems(make_pdf(tmp_path / "plain.pdf", "Plain report", 1))
    assert "no structure tree (StructTreeRoot)" in faults
    assert "no document language (/Lang)" in faults
    assert "MarkInfo is not Marked true" in faults
    assert "page 1: text outside marked content" in faults
    assert any("is not embedded" in f for f in faults)       # reportlab's Helvetica


def test_the_checker_finds_text_outside_marked_content(small_log):
    def add_text(pdf):
        first = pdf.pages[0]
        font = next(iter(first.Resources.Font.keys()))
        first.contents_add(pdf.make_stream(
            f"BT {font} 9 Tf 1 0 0 1 200 300 Tm (loose words) Tj ET".encode()))
    faults = pdf_tags.problems(_edited(small_log, add_text))
    assert faults == ["page 1: text outside marked content"]


def test_the_checker_finds_a_running_header_not_marked_as_an_artifact(small_log):
    def unmark_header(pdf):
        first = pdf.pages[0]
        ops = pikepdf.parse_content_stream(first)
        for i, (operands, op) in enumerate(ops):
            if str(op) == "BDC" and str(operands[0]) == "/Artifact":   # the page furniture
                ops[i] = pikepdf.ContentStreamInstruction(
                    [pikepdf.Name.P, pikepdf.Dictionary(MCID=0)], pikepdf.Operator("BDC"))
                break
        first.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
    faults = pdf_tags.problems(_edited(small_log, unmark_header))
    assert any(f.startswith("page 1: running header or footer text") for f in faults)


def test_the_checker_finds_a_table_without_th_and_a_missing_language(small_log):
    def no_headers(pdf):
        for elem in list(_elements(pdf.Root.StructTreeRoot)):
            if elem.S == pikepdf.Name.TH:
                elem.S = pikepdf.Name.TD
        del pdf.Root.Lang
        del pdf.docinfo.Title
    faults = pdf_tags.problems(_edited(small_log, no_headers))
    assert "a Table without TH" in faults
    assert "no document language (/Lang)" in faults
    assert "no document title" in faults


# ------------------------------------------------------------------ packs

def test_a_pack_keeps_the_trees_of_tagged_papers_and_names_the_untagged(tmp_path, caplog):
    tagged = tmp_path / "tagged.pdf"
    tagged.write_bytes(_log(ROWS[:3]))
    paths = {"iro": str(tagged),
             "improvement": make_pdf(tmp_path / "plan.pdf", "Improvement plan", 1),
             "wp_report": make_pdf(tmp_path / "wpr.pdf", "Work programme review report", 1),
             "secret": make_pdf(tmp_path / "secret.pdf", "Exempt paper", 1)}
    meeting = S.MEETINGS[3].__class__(**{**S.MEETINGS[3].__dict__,
                                         "items": S.nov_items(paths)})
    meetings = tuple(meeting if m.id == meeting.id else m for m in S.MEETINGS)
    out = io.BytesIO()
    with caplog.at_level(logging.WARNING, logger="desktop_app.reports.pack"):
        untagged = build_pack(out, meeting, S.MEMBERS, committee=S.COMMITTEE, as_at=S.AS_AT,
                              public=True, previous_meeting=S.MEETINGS[2],
                              actions=S.ACTIONS, recommendations=S.RECOMMENDATIONS,
                              work_items=S.WORK_ITEMS, meetings=meetings)
    data = out.getvalue()
    # the exempt paper is withheld from a public pack; the other two plain PDFs are named
    assert untagged == ["Improvement plan update", "Work programme review report"]
    assert "not tagged PDF" in caplog.text
    assert "Improvement plan update" in caplog.text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        parts = [str(part.T) for part in pdf.Root.StructTreeRoot.K.K]
        tagged_part = next(p for p in pdf.Root.StructTreeRoot.K.K
                           if p.T == "Independent Reviewing Officers Annual Report")
        pack_pages = {p.objgen for p in pdf.pages}
        assert all(e.Pg.objgen in pack_pages for e in _elements(tagged_part) if "/Pg" in e)
        assert any(pikepdf.Name.Table == e.S for e in _elements(tagged_part))
    assert parts[:2] == ["Agenda", "Contents"]
    assert "Action log" in parts
    assert not set(untagged) & set(parts)
    # only the untagged attachments' pages (one each) have faults: their text is unmarked
    faults = pdf_tags.problems(data)
    pages = {f.split(":")[0] for f in faults}
    assert len(pages) == 2
    assert all(f"{p}: text outside marked content" in faults for p in pages)
