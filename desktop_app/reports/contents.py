"""The pack's contents page, and the one-page notices that stand in for papers: "Exempt:
paragraph N" in a public pack, "Not for publication" in front of exempt papers in a full one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.domain.dates import format_uk
from desktop_app.domain.records import AgendaItemRow, MeetingRow
from desktop_app.reports import fonts, page, theme
from desktop_app.reports.agenda import format_range
from desktop_app.reports.exemption import NOT_FOR_PUBLICATION
from desktop_app.reports.parts import LinkedParagraph, LinkSpot
from desktop_app.reports.theme import esc


@dataclasses.dataclass(frozen=True)
class ContentsEntry:
    number: str
    title: str
    pages: tuple[int, int] | None
    papers: tuple[tuple[str, tuple[int, int]], ...] = ()


def contents_pdf(meeting: MeetingRow, entries: Sequence[ContentsEntry], *, committee: str,
                 council: str, as_at: dt.date, marking: str = "",
                 spots: list[LinkSpot] | None = None) -> bytes:
    """The contents page(s); ``spots`` collects where each line was drawn, for links."""
    st = theme.styles()
    spots = [] if spots is None else spots
    right_edge = page.PORTRAIT[0] - theme.MARGIN

    def linked(text: str, style, pages: tuple[int, int] | None) -> LinkedParagraph:
        return LinkedParagraph(text, style, target=pages[0] if pages else None, spots=spots,
                               right_edge=right_edge)

    num = st["body"].clone("c_num", fontName=fonts.BOLD)
    right = st["body"].clone("c_pages", alignment=2)
    right_bold = right.clone("c_pages_b", fontName=fonts.BOLD)
    paper = st["body"].clone("c_paper", leftIndent=10, textColor=theme.MUTED)
    rows: list[list] = [[Paragraph("<b>Item</b>", st["label"]), "",
                         Paragraph("<b>Pages</b>", st["label"].clone("c_ph", alignment=2))]]
    styles: list[tuple] = []
    for entry in entries:
        rows.append([Paragraph(esc(f"{entry.number}."), num),
                     linked(f"<b>{esc(entry.title)}</b>", st["body"], entry.pages),
                     Paragraph(esc(format_range(entry.pages)), right_bold)])
        styles.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.5, theme.RULE))
        for title, pages in entry.papers:
            rows.append(["", linked(esc(title), paper, pages),
                         Paragraph(esc(format_range(pages)), right)])
    table = Table(rows, colWidths=[14 * 2.83465, None, 26 * 2.83465], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 1, theme.NAVY),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        *styles,
    ]))
    story: list[Flowable] = [
        Paragraph("Contents", st["title"]),
        Paragraph(esc(f"Papers for the meeting of the {committee} on "
                      f"{format_uk(meeting.date, 'full')}"), st["subtitle"]),
        Paragraph("Page numbers are those printed at the foot of each page of this pack.",
                  st["small"]),
        Spacer(0, 6), table,
    ]
    setup = page.PageSetup(
        title="Contents", committee=committee, as_at=as_at, council=council,
        pagesize=page.PORTRAIT, header_right=f"Agenda pack  ·  {format_uk(meeting.date, 'full')}",
        marking=marking, document_title="Contents")
    return page.render(story, setup)


def notice_pdf(item: AgendaItemRow, *, heading: str, lines: Sequence[str], committee: str,
               council: str, meeting: MeetingRow, as_at: dt.date, marking: str = "") -> bytes:
    """A single page standing for an item's papers."""
    st = theme.styles()
    story: list[Flowable] = [
        Spacer(0, 120),
        Paragraph(esc(f"Item {item.number}"), st["subtitle"]),
        Paragraph(esc(item.title), st["title"]),
        Spacer(0, 10),
        Paragraph(esc(heading), st["h1"].clone("n_head", textColor=theme.OVERDUE_DARK)),
    ]
    story += [Paragraph(esc(line), st["body"]) for line in lines]
    setup = page.PageSetup(
        title=heading, committee=committee, as_at=as_at, council=council,
        pagesize=page.PORTRAIT, header_right=f"Agenda pack  ·  {format_uk(meeting.date, 'full')}",
        marking=marking, document_title=f"Item {item.number}: {heading}")
    return page.render(story, setup)


def exempt_placeholder(item: AgendaItemRow, notice: str, reason: str, **kw) -> bytes:
    """What a public pack prints instead of an exempt item's papers: the notice, nothing else."""
    return notice_pdf(item, heading=notice, lines=[
        reason, "The papers for this item are not for publication and are not included in this "
                "version of the agenda pack."], **kw)


def exempt_cover(item: AgendaItemRow, notice: str, reason: str, **kw) -> bytes:
    """The sheet in front of an exempt item's papers in a full (non-public) pack."""
    heading = f"{NOT_FOR_PUBLICATION} – {notice}"
    return notice_pdf(item, heading=heading, lines=[
        reason, "The papers that follow must not be published or shared beyond those entitled "
                "to see them."], marking=heading, **kw)
