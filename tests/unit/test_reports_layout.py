"""The pieces under every document: the font, word wrapping, the long table, exemption."""

from __future__ import annotations

import dataclasses

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from desktop_app.reports import fonts, page, theme
from desktop_app.reports.exemption import Disclosure, exempt_notice, exempt_reason
from desktop_app.reports.cells import Column, text, wrap
from desktop_app.reports.fasttable import FastTable, GroupRow, Row
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, reader


# Characters the documents must be able to print.
REQUIRED_CHARACTERS = "£–—’‘“”…•ŵŷŴŶâêîôûëïöüéèáàíóúçñ"


def missing_glyphs(text: str, font_name: str = fonts.REGULAR) -> str:
    """The characters of ``text`` that the font cannot draw (empty when all are covered)."""
    fonts.register_fonts()
    chars = pdfmetrics.getFont(font_name).face.charToGlyph
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in chars}))


def test_the_font_carries_every_character_officers_type():
    assert missing_glyphs(REQUIRED_CHARACTERS) == ""
    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        assert missing_glyphs("£–’“”Zoë Siân l'Anson Gwŷn Dŵr", name) == ""
    assert missing_glyphs("✔") == "✔"        # the check is real


def test_wrap_keeps_every_word_and_respects_the_width():
    from reportlab.pdfbase.pdfmetrics import stringWidth
    words = ("Circulate to the Committee the Key Performance Indicators (KPIs) of the Children’s "
             "Centre Service contracts, with comparisons of the different providers").split()
    lines = wrap(" ".join(words), fonts.REGULAR, 8.5, 120)
    assert " ".join(lines).split() == words
    assert len(lines) > 3
    assert all(stringWidth(line, fonts.REGULAR, 8.5) <= 120 for line in lines)


def test_wrap_breaks_a_word_longer_than_the_line_and_keeps_newlines():
    url = "https://www.herefordshire.gov.uk/" + "x" * 120
    lines = wrap(f"See {url}\nthen reply", fonts.REGULAR, 8.5, 80)
    assert "".join(lines[1:-1]) == url
    assert lines[0] == "See"
    assert lines[-1] == "then reply"
    assert wrap("a\n\nb", fonts.REGULAR, 8.5, 80) == ["a", "", "b"]
    assert wrap("\n\n  a\r\n\n\n\nb\n\n", fonts.REGULAR, 8.5, 80) == ["a", "", "b"]
    assert wrap("", fonts.REGULAR, 8.5, 80) == []


def _render(flowables) -> bytes:
    setup = page.PageSetup(title="Test", committee="Test Committee", as_at=S.AS_AT)
    return page.render(flowables, setup)


def test_table_splits_inside_a_tall_row_and_repeats_the_header():
    columns = [Column("Left heading", 1), Column("Right heading", 3)]
    tall = "\n".join(f"line {n:03d}" for n in range(150))
    rows = [Row([[text("short")], [text("first row")]]),
            Row([[text("tall")], [text(tall)]])]
    pdf = reader(_render([FastTable(columns, rows)]))
    assert len(pdf.pages) >= 3
    texts = [flat(p.extract_text()) for p in pdf.pages]
    for t in texts:
        assert "Left heading Right heading" in t
    joined = " ".join(texts)
    for n in range(150):
        assert joined.count(f"line {n:03d}") == 1


def test_a_group_band_over_a_row_taller_than_a_page_still_lays_out():
    columns = [Column("A", 1), Column("B", 1)]
    tall = "\n".join(f"entry {n:03d}" for n in range(120))
    rows = [GroupRow("Only group"), Row([[text("x")], [text(tall)]])]
    pdf = reader(_render([FastTable(columns, rows)]))
    joined = flat(" ".join(p.extract_text() for p in pdf.pages))
    assert all(joined.count(f"entry {n:03d}") == 1 for n in range(120))
    assert joined.index("Only group") < joined.index("entry 000")


def test_group_row_is_never_left_alone_at_the_foot_of_a_page():
    columns = [Column("A", 1), Column("B", 1)]
    rows = []
    for g in range(12):
        rows.append(GroupRow(f"Group {g}"))
        rows += [Row([[text(f"g{g} r{r}\nmore\nmore")], [text("x")]]) for r in range(4)]
    pdf = reader(_render([Paragraph("Heading", theme.styles()["h1"]), FastTable(columns, rows)]))
    assert len(pdf.pages) >= 2
    for p in pdf.pages:
        lines = [ln.strip() for ln in p.extract_text().splitlines() if ln.strip()]
        body = [ln for ln in lines if not ln.startswith(("Page ", "Test", "Herefordshire"))]
        # the last table line on a page is a data row, not a group band
        last = [ln for ln in body if ln.startswith(("Group", "g"))][-1]
        assert not last.startswith("Group"), last


def test_zebra_shading_alternates_and_items_share_a_shade():
    rows = [Row([[text("a")]]), Row([[text("b")]]), Row([[text("c")]], zebra_key="k"),
            Row([[text("d")]], zebra_key="k"), Row([[text("e")]])]
    FastTable([Column("x", 1)], rows)
    assert [r.shade for r in rows] == [False, True, False, False, True]


def test_disclosure_recognises_exempt_items_by_meeting_and_title():
    full, public = Disclosure.of(False, S.MEETINGS), Disclosure.of(True, S.MEETINGS)
    title = "Contract award: children’s centre services"
    assert public.is_exempt_row(3, title)
    assert public.is_exempt_row(3, "6. " + title.upper())
    assert not public.is_exempt_row(2, title)                  # another meeting
    view = public.item(S.MEETINGS[2].items[5])
    assert view.withheld
    assert view.minutes_text == "Exempt: paragraph 3"
    assert view.attachments == ()
    assert not full.item(S.MEETINGS[2].items[5]).withheld
    secret = dataclasses.replace(S.RECOMMENDATIONS[0], meeting_id=3, item=title)
    assert public.recommendations([secret])[0].text == "Exempt: paragraph 3"
    assert full.recommendations([secret])[0].text == secret.text


@pytest.mark.parametrize(("paragraph", "notice"), [("3", "Exempt: paragraph 3"),
                                               ("paragraph 1", "Exempt: paragraph 1"),
                                               ("", "Exempt")])
def test_exempt_wording(paragraph, notice):
    assert exempt_notice(paragraph) == notice
    assert "Schedule 12A to the Local Government Act 1972" in exempt_reason(paragraph)
