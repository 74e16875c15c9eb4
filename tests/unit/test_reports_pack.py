"""The agenda pack: order of papers, page numbers, ranges, bookmarks, labels, exemption, and
broken attachments."""

from __future__ import annotations

import dataclasses
import re

import pytest

from desktop_app.reports import ReportError
from desktop_app.reports.pack import build_pack
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, make_pdf, page_texts, pdf_bytes, reader

SECRET_PAPER = "SECRET exit interview themes"


@pytest.fixture
def papers(tmp_path):
    from reportlab.lib.pagesizes import A4, landscape
    return {
        "iro": make_pdf(tmp_path / "iro.pdf", "IRO annual report", 5),
        "improvement": make_pdf(tmp_path / "plan.pdf", "Improvement plan", 3,
                                size=landscape(A4), rotate=90),
        "wp_report": make_pdf(tmp_path / "wpr.pdf", "Work programme review report", 2),
        "secret": make_pdf(tmp_path / "secret.pdf", SECRET_PAPER, 2),
    }


def _meeting(paths):
    return dataclasses.replace(S.MEETINGS[3], items=S.nov_items(paths))


def _pack(paths, **kw) -> bytes:
    meeting = _meeting(paths)
    meetings = tuple(meeting if m.id == meeting.id else m for m in S.MEETINGS)
    kw.setdefault("public", False)
    return pdf_bytes(build_pack, meeting, S.MEMBERS, committee=S.COMMITTEE, as_at=S.AS_AT,
                     previous_meeting=S.MEETINGS[2], actions=S.ACTIONS + (S.REPORTED_ACTION,),
                     recommendations=S.RECOMMENDATIONS, work_items=S.WORK_ITEMS,
                     meetings=meetings, **kw)


def _outline(pdf):
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, pdf.get_destination_page_number(item) + 1))
    walk(pdf.outline, 0)
    return out


def test_papers_follow_the_agenda_in_item_order(papers):
    texts = page_texts(_pack(papers))
    joined = [flat(t) for t in texts]
    assert "Agenda" in joined[0]
    assert "Contents" in joined[2]
    order = ["Minutes of the meeting of the Children", "IRO annual report page 1",
             "Improvement plan page 1", "Work programme review report page 1",
             "Action log Children and Young People", "Recommendations and responses Children",
             "Work programme 2021/22 Children", "NOT FOR PUBLICATION – Exempt: paragraph 1",
             f"{SECRET_PAPER} page 1"]
    first_pages = [next(i for i, t in enumerate(joined) if needle in t) for needle in order]
    assert first_pages == sorted(first_pages)
    pdf = reader(_pack(papers))
    assert len(pdf.pages) == 2 + 1 + 1 + 5 + 3 + 2 + 2 + 2 + 4 + 1 + 2


def test_every_page_is_stamped_with_its_continuous_number_and_labelled(papers):
    pdf = reader(_pack(papers))
    for number, page in enumerate(pdf.pages, 1):
        found = []

        def visit(text, cm, tm, font, size, found=found, number=number):
            if text.strip() == str(number):
                found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))
        page.extract_text(visitor_text=visit)
        width = float(page.mediabox.width)
        assert any(abs(x - width / 2) < 12 and y < 20 for x, y in found), (number, found)
    assert pdf.page_labels == [str(n) for n in range(1, len(pdf.pages) + 1)]


def test_rotated_attachment_is_turned_into_its_content_and_stamped_at_its_foot(papers):
    pdf = reader(_pack(papers))
    texts = [flat(p.extract_text()) for p in pdf.pages]
    index = next(i for i, t in enumerate(texts) if "Improvement plan page 1" in t)
    page = pdf.pages[index]
    assert page.rotation == 0
    # a landscape page shown turned through 90 degrees reads as portrait
    assert float(page.mediabox.width) < float(page.mediabox.height)


def test_agenda_ranges_contents_and_bookmarks_agree_with_the_real_pages(papers):
    data = _pack(papers)
    pdf = reader(data)
    texts = [flat(t) for t in page_texts(data)]
    outline = _outline(pdf)
    top = {title: page for depth, title, page in outline if depth == 0}
    assert top["Agenda"] == 1
    assert top["Contents"] == 3
    assert top["4. Minutes"] == 4
    assert "Minutes of the meeting of the Children" in texts[3]
    iro = top["7. Annual independent reviewing officers report"]
    assert "IRO annual report page 1" in texts[iro - 1]
    wp = top["9. Work programme review"]
    children = [(title, page) for depth, title, page in outline if depth == 1]
    assert ("Action log", wp + 2) in children
    assert "Action log" in texts[wp + 1]
    agenda = texts[0] + " " + texts[1]
    assert f"{iro}–{iro + 4}" in agenda
    contents = texts[2]
    assert f"Independent Reviewing Officers Annual Report {iro}–{iro + 4}" in contents
    assert "Exit interview themes" in contents
    assert len(top) == 2 + 11                                   # a bookmark per item


def test_public_pack_has_no_exempt_text_anywhere(papers):
    data = _pack(papers, public=True)
    pdf = reader(data)
    everything = " ".join(page_texts(data))
    everything += " ".join(title for _d, title, _p in _outline(pdf))
    everything += " ".join(str(v) for v in pdf.metadata.values())
    for secret in (SECRET_PAPER, "412,750", "HOPE Family Centre bid", "Exit interview themes"):
        assert secret not in everything
    assert "Exempt: paragraph 1" in everything
    assert "Exempt: paragraph 3" in everything
    assert "exempt information as defined in paragraph 1 of Schedule 12A" in flat(everything)
    # nothing hides in the raw streams either (page contents are decompressed here)
    raw = b"".join(p.get_contents().get_data() for p in pdf.pages)
    assert b"SECRET" not in raw
    assert b"412,750" not in raw
    # the full pack does carry them, marked
    full = " ".join(page_texts(_pack(papers)))
    assert SECRET_PAPER in full
    assert "412,750" in full
    assert "NOT FOR PUBLICATION" in full
    # the cover sheet and the two pages of the exempt paper become one notice page
    assert len(pdf.pages) == len(reader(_pack(papers)).pages) - (1 + 2) + 1


def test_pack_properties_and_repeatable_bytes(papers, tmp_path):
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    meeting = _meeting(papers)
    for target in (one, two):
        build_pack(target, meeting, S.MEMBERS, committee=S.COMMITTEE, as_at=S.AS_AT,
                   previous_meeting=S.MEETINGS[2], actions=S.ACTIONS, meetings=S.MEETINGS)
    assert one.read_bytes() == two.read_bytes()
    pdf = reader(one.read_bytes())
    assert pdf.metadata.title == ("Agenda pack: Children and Young People Scrutiny Committee, "
                                  "Tuesday 23 November 2021")
    assert pdf.metadata.author == "Herefordshire Council"
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    assert pdf.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def _broken(tmp_path, kind):
    path = tmp_path / "report.pdf"
    if kind == "missing":
        return path
    if kind == "not a pdf":
        path.write_bytes(b"PK\x03\x04 this is a Word document really")
    elif kind == "damaged":
        path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer "
                         b"<< /Root 1 0 R >>\n%%EOF")
    elif kind == "encrypted":
        from pypdf import PdfWriter
        plain = make_pdf(tmp_path / "plain.pdf", "Plain", 1)
        writer = PdfWriter(clone_from=plain)
        writer.encrypt("secret-password")
        with open(path, "wb") as fh:
            writer.write(fh)
    return path


@pytest.mark.parametrize(("kind", "words"), [
    ("missing", "was not found"), ("not a pdf", "is not a PDF"),
    ("damaged", "is damaged"), ("encrypted", "is encrypted"),
])
def test_broken_attachment_names_item_and_file_and_writes_nothing(tmp_path, papers, kind, words):
    broken = _broken(tmp_path, kind)
    paths = dict(papers, iro=str(broken))
    target = tmp_path / "out" / "pack.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the previous pack")
    with pytest.raises(ReportError) as caught:
        build_pack(target, _meeting(paths), S.MEMBERS, committee=S.COMMITTEE, as_at=S.AS_AT)
    message = str(caught.value)
    assert "\n" not in message
    assert "item 7 (Annual independent reviewing officers report)" in message
    assert "report.pdf" in message
    assert words in message
    assert isinstance(caught.value, ValueError)
    assert target.read_bytes() == b"the previous pack"          # untouched
    assert [p.name for p in target.parent.iterdir()] == ["pack.pdf"]


def test_minutes_item_without_a_previous_meeting_has_no_papers(papers):
    meeting = _meeting(papers)
    data = pdf_bytes(build_pack, meeting, S.MEMBERS, committee=S.COMMITTEE, as_at=S.AS_AT)
    pdf = reader(data)
    top = {t: p for d, t, p in _outline(pdf) if d == 0}
    assert top["4. Minutes"] == 1                                # points at the agenda
    contents = flat(page_texts(data)[2])
    assert re.search(r"4\. Minutes 5\.", contents), contents     # no page range


def test_agenda_titles_and_contents_lines_link_to_their_papers(papers):
    pdf = reader(_pack(papers))
    top = {t: p for d, t, p in _outline(pdf) if d == 0}

    def links(index):
        out = []
        for annot in pdf.pages[index].get("/Annots", []):
            annot = annot.get_object()
            if annot["/Subtype"] == "/Link":
                out.append(pdf.get_page_number(annot["/Dest"][0]) + 1)
        return out

    agenda_links = links(0) + links(1)
    contents_links = links(2)
    iro = top["7. Annual independent reviewing officers report"]
    wp = top["9. Work programme review"]
    assert iro in agenda_links
    assert wp in agenda_links
    assert top["4. Minutes"] in agenda_links
    # items and each of their papers in the contents: the work programme item has four
    assert contents_links.count(wp) == 2                          # the item and its report
    assert wp + 2 in contents_links                                # the action log
    # (items without papers are bookmarked at their agenda line, on the agenda's pages 1-2)
    assert len(contents_links) == sum(1 for d, _t, _p in _outline(pdf) if d == 1) + sum(
        1 for d, t, _p in _outline(pdf) if d == 0 and t[0].isdigit() and _p > 3)
