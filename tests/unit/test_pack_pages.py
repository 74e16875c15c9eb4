"""The pack page by page: one number per page in a strip that never covers a report's own
footer, NOT FOR PUBLICATION on the cover and every page of an exempt item, bookmarks at their
real pages (items without papers at their agenda line), attachment titles, the exempt item's
purpose kept out of the public pack, and previous minutes not yet written. Read back with
pypdf: text, positions and outlines."""

from __future__ import annotations

import dataclasses
import re

import pytest
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop_app.domain.minutes_people import MinutesRecord
from desktop_app.reports import stamping
from desktop_app.reports.pack import build_pack
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, make_pdf, page_texts, pdf_bytes, reader

EXEMPT_PURPOSE = "To consider the themes arising from exit interviews with social workers."
FOOTER = "Herefordshire Council IRO report footer"


def _footed_pdf(path, pages: int, pdf_title: str = "") -> str:
    """A report that prints its own footer at the very foot of each page, where a pack's
    number would go, and (optionally) carries its own /Title."""
    canv = Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(1, pages + 1):
        canv.setFont("Helvetica", 14)
        canv.drawString(72, A4[1] - 100, f"IRO annual report page {n}")
        canv.setFont("Helvetica", 8)
        canv.drawCentredString(A4[0] / 2, 10, f"{FOOTER} – page {n} of {pages}")
        canv.showPage()
    canv.save()
    if pdf_title:
        writer = PdfWriter(clone_from=str(path))
        writer.add_metadata({"/Title": pdf_title})
        with open(path, "wb") as fh:
            writer.write(fh)
    return str(path)


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack-pages")
    return {
        "iro": _footed_pdf(folder / "iro-2021.pdf", 3, pdf_title="IRO Annual Report 2020/21"),
        "improvement": make_pdf(folder / "improvement_plan_v3.pdf", "Improvement plan", 2),
        "secret": make_pdf(folder / "secret.pdf", "SECRET exit interview themes", 2),
    }


def _meeting(paths, titles: dict[str, str] | None = None):
    items = S.nov_items(paths)
    titles = titles or {}
    out = []
    for item in items:      # the titles the officer typed ("" for none)
        atts = tuple(dataclasses.replace(a, title=titles.get(str(item.number), ""))
                     for a in item.attachments)
        out.append(dataclasses.replace(item, attachments=atts))
    return dataclasses.replace(S.MEETINGS[3], items=tuple(out))


def _pack(paths, *, public=False, previous=None, record=None, titles=None) -> bytes:
    meeting = _meeting(paths, titles)
    meetings = tuple(meeting if m.id == meeting.id else m for m in S.MEETINGS)
    return pdf_bytes(build_pack, meeting, S.MEMBERS, committee=S.COMMITTEE, as_at=S.AS_AT,
                     public=public, previous_meeting=previous or S.MEETINGS[2],
                     previous_record=record, actions=S.ACTIONS,
                     recommendations=S.RECOMMENDATIONS, work_items=S.WORK_ITEMS,
                     meetings=meetings)


@pytest.fixture(scope="module")
def full(papers) -> bytes:
    return _pack(papers)


def _outline(data: bytes) -> dict[str, int]:
    pdf = reader(data)
    out: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out[item.title] = pdf.get_destination_page_number(item) + 1
    walk(pdf.outline)
    return out


def _runs(page) -> list[tuple[str, float, float]]:
    runs = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            runs.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4],
                         tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
    page.extract_text(visitor_text=visit)
    return runs


def test_every_page_carries_one_number_in_the_strip_and_no_page_n_of_m(full):
    pdf = reader(full)
    for number, page in enumerate(pdf.pages, start=1):
        text = page.extract_text()
        assert not re.search(r"Page \d+ of", text), f"page {number} has its own number too"
        low = [r for r in _runs(page) if r[2] < stamping.STRIP]
        assert [r[0] for r in low if re.fullmatch(r"\d+", r[0])] == [str(number)], number


def test_a_reports_own_footer_is_moved_clear_of_the_number(full):
    pdf = reader(full)
    iro = _outline(full)["7. Annual independent reviewing officers report"]
    for index in range(iro - 1, iro - 1 + 3):
        runs = _runs(pdf.pages[index])
        footer = next(r for r in runs if r[0].startswith(FOOTER))
        number = next(r for r in runs if r[0] == str(index + 1))
        assert footer[2] > stamping.STRIP, "the report's footer is still under the number"
        assert number[2] < stamping.STRIP
        assert "IRO annual report page" in pdf.pages[index].extract_text()


def test_cover_and_every_page_of_the_exempt_item_say_not_for_publication_and_paragraph(full):
    texts = [flat(t) for t in page_texts(full)]
    assert "NOT FOR PUBLICATION – exempt information: item 10 (paragraph 1)" in texts[0]
    outline = _outline(full)
    first = outline["10. Exit interviews in children’s services"]
    exempt_pages = list(range(first, first + 1 + 2))        # the cover sheet, two pages of paper
    assert "SECRET exit interview themes page 2" in texts[exempt_pages[-1] - 1]
    for number in exempt_pages:
        text = texts[number - 1]
        assert "NOT FOR PUBLICATION" in text, number
        assert "paragraph 1" in text, number
    cover_sheet = page_texts(full)[first - 1]
    for line in cover_sheet.splitlines():
        assert line.count("NOT FOR PUBLICATION") <= 1, line      # the footer says it once
    # pages of other items are not marked
    iro = outline["7. Annual independent reviewing officers report"]
    assert "NOT FOR PUBLICATION" not in texts[iro - 1]


def test_bookmarks_of_items_without_papers_point_at_their_agenda_line(full):
    outline = _outline(full)
    texts = [flat(t) for t in page_texts(full)]
    for title, words in (("1. Apologies for absence", "APOLOGIES FOR ABSENCE"),
                         ("6. Questions from members of the council",
                          "QUESTIONS FROM MEMBERS OF THE COUNCIL"),
                         ("11. Date of next meeting", "DATE OF NEXT MEETING")):
        page = outline[title]
        assert words in texts[page - 1], (title, page)
    assert outline["11. Date of next meeting"] == 2          # the agenda's second page
    for title, words in (("7. Annual independent reviewing officers report",
                          "IRO annual report page 1"), ("Action log", "Action log")):
        assert words in texts[outline[title] - 1]


def test_attachments_are_titled_as_typed_else_by_the_pdfs_title_else_the_file_name(papers, full):
    contents = flat(page_texts(full)[2])
    assert "IRO Annual Report 2020/21" in contents                     # its own /Title
    assert "improvement_plan_v3.pdf" in contents                        # no title at all
    typed = _pack(papers, titles={"7": "Independent Reviewing Officers Annual Report"})
    assert "Independent Reviewing Officers Annual Report" in _outline(typed)
    assert "IRO Annual Report 2020/21" not in flat(page_texts(typed)[2])


def test_public_pack_keeps_the_exempt_title_but_not_its_purpose_or_papers(papers):
    public = _pack(papers, public=True)
    everything = flat(" ".join(page_texts(public)))
    assert "EXIT INTERVIEWS IN CHILDREN’S SERVICES" in everything
    assert EXEMPT_PURPOSE not in everything
    assert "SECRET" not in everything
    assert "NOT FOR PUBLICATION" not in everything
    assert EXEMPT_PURPOSE in flat(" ".join(page_texts(_pack(papers))))


def test_previous_minutes_not_yet_written_are_said_so_plainly(papers):
    empty = dataclasses.replace(S.MEETINGS[2], items=tuple(
        dataclasses.replace(i, minutes_text="") for i in S.OCT_ITEMS))
    data = _pack(papers, previous=empty, record=MinutesRecord())
    texts = [flat(t) for t in page_texts(data)]
    assert "Minutes of the meeting on 12 October 2021 (not yet recorded)" in texts[2]
    minutes = _outline(data)["4. Minutes"]
    assert "No minutes have been recorded for this meeting yet." in texts[minutes - 1]
    assert minutes + 1 == _outline(data)["7. Annual independent reviewing officers report"]


def test_the_previous_minutes_in_a_pack_are_a_draft_until_approved(papers, full):
    minutes = _outline(full)["4. Minutes"]
    assert "DRAFT" in page_texts(full)[minutes - 1]
    data = _pack(papers, record=MinutesRecord(approved_on=S.AS_AT))     # approved that day
    end = _outline(data)["7. Annual independent reviewing officers report"]   # the next paper
    pages = page_texts(data)[minutes - 1: end - 1]
    assert pages
    assert not any("DRAFT" in text for text in pages)
    assert "Approved and signed as a correct record on Tuesday 23 November 2021" in \
        flat(" ".join(pages))
