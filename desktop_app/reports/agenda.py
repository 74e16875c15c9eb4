"""The agenda front sheet (seed 004, pp. 1-2): committee, date, time, place, contact,
membership, and the numbered items with their purpose and page ranges.

The page ranges are passed in: the pack computes them after it has built the papers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.domain.minutes_people import bare_name
from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import MemberRole
from desktop_app.domain.records import AgendaItemRow, MeetingRow, MemberRow
from desktop_app.reports import fonts, page, parts, theme
from desktop_app.reports.exemption import Disclosure, ItemView
from desktop_app.reports.theme import esc

PageRange = tuple[int, int] | str
PageRanges = Mapping[int | str, PageRange]


def format_range(value: PageRange | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    first, last = value
    return str(first) if first == last else f"{first}–{last}"


def range_for(item: AgendaItemRow, ranges: PageRanges) -> str:
    """An item's range, looked up by item id, then by its number ("7")."""
    if item.id in ranges:
        return format_range(ranges[item.id])
    return format_range(ranges.get(str(item.number)))


def member_name(member: MemberRow) -> str:
    name = member.name.strip()
    if member.role == MemberRole.CO_OPTEE:     # never "Councillor": the seeds print the name
        return bare_name(name)
    if name.lower().startswith(("councillor ", "cllr ", "cllr. ")):
        return name
    return f"Councillor {name}"


def _membership(members: Sequence[MemberRow]) -> Table:
    st = theme.styles()
    order = {MemberRole.CHAIR: 0, MemberRole.VICE_CHAIR: 1,
             MemberRole.COUNCILLOR: 2, MemberRole.CO_OPTEE: 3}
    rows = []
    for member in sorted(members, key=lambda m: order.get(m.role, 2)):
        label = ""
        if member.role in (MemberRole.CHAIR, MemberRole.VICE_CHAIR):
            label = MemberRole(member.role).label
        name = esc(member_name(member))
        extra = []
        if member.role == MemberRole.CO_OPTEE:
            extra.append("Co-opted Member")
        if not member.voting and member.role != MemberRole.CO_OPTEE:
            extra.append("non-voting")
        note = f" <font color='#{theme.hexcode(theme.MUTED)}'>({esc(', '.join(extra))})</font>" \
            if extra else ""
        rows.append([Paragraph(esc(label), st["label"]), Paragraph(name + note, st["body"])])
    if not rows:
        rows = [["", Paragraph("Membership not recorded.", st["note"])]]
    table = Table(rows, colWidths=[38 * 2.83465, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _as_at_words(meeting: MeetingRow, as_at: dt.date) -> str:
    words = format_uk(as_at, "full")
    if as_at == meeting.publication_deadline:
        words += " (the date these papers are published)"
    return words


def _details(meeting: MeetingRow, contact: str, as_at: dt.date | None = None) -> Table:
    st = theme.styles()
    when = format_uk(meeting.date, "full")
    rows = [
        [Paragraph("Date:", st["label"]), Paragraph(f"<b>{esc(when)}</b>", st["body"])],
        [Paragraph("Time:", st["label"]),
         Paragraph(f"<b>{esc(parts.format_time(meeting.time) or 'To be confirmed')}</b>", st["body"])],
        [Paragraph("Place:", st["label"]),
         Paragraph(f"<b>{esc(meeting.venue or 'To be confirmed')}</b>", st["body"])],
        [Paragraph("Notes:", st["label"]),
         Paragraph("Please note the time, date and venue of the meeting.", st["body"])],
    ]
    if as_at is not None:
        rows.append([Paragraph("As at:", st["label"]),
                     Paragraph(esc(_as_at_words(meeting, as_at)), st["body"])])
    lines = [ln.strip() for ln in (contact or "").replace(";", "\n").splitlines() if ln.strip()]
    if lines:
        text = f"For any further information please contact:<br/><b>{esc(lines[0])}</b>"
        text += "".join(f"<br/>{esc(ln)}" for ln in lines[1:])
        rows.append([Paragraph("Contact:", st["label"]), Paragraph(text, st["body"])])
    table = Table(rows, colWidths=[24 * 2.83465, None], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, theme.RULE),
    ]))
    return table


def _item_text(view: ItemView, meeting: MeetingRow, target: int | None,
               spots: list[parts.LinkSpot]) -> list[Flowable]:
    st = theme.styles()
    item = view.item
    out: list[Flowable] = [parts.LinkedParagraph(
        f"<b>{esc(item.title.upper())}</b>", st["body"], target=target, spots=spots,
        right_edge=page.PORTRAIT[0] - theme.MARGIN, key=item.id)]
    if view.purpose:
        out.append(Paragraph(esc(view.purpose), st["body"]))
    if (item.title.strip().lower().startswith("questions from") and meeting.questions_deadline
            and "deadline" not in (view.purpose or "").casefold()):
        out.append(Paragraph(
            f"<i>Deadline for receipt of questions is 5.00 pm on "
            f"{esc(format_uk(meeting.questions_deadline, 'full'))}.</i>", st["body"]))
    if view.exempt:
        out.append(Paragraph(f"<b>{esc(view.notice)}</b> – {esc(view.reason)}", st["exempt"]))
    return out


def _first_page(item: AgendaItemRow, ranges: PageRanges) -> int | None:
    value = ranges.get(item.id, ranges.get(str(item.number)))
    return value[0] if isinstance(value, tuple) else None


def _items_table(views: Sequence[ItemView], meeting: MeetingRow, ranges: PageRanges,
                 spots: list[parts.LinkSpot]) -> Table:
    st = theme.styles()
    pages_style = st["body"].clone("pages", alignment=2, fontName=fonts.BOLD)
    head: list[Flowable | list[Flowable]] = [
        Paragraph("<b>Item</b>", st["label"]), Paragraph("", st["label"]),
        Paragraph("<b>Pages</b>", st["label"].clone("ph", alignment=2))]
    rows = [head]
    for view in views:
        rows.append([Paragraph(f"<b>{esc(view.item.number)}.</b>", st["body"]),
                     _item_text(view, meeting, _first_page(view.item, ranges), spots),
                     Paragraph(esc(range_for(view.item, ranges)), pages_style)])
    table = Table(rows, colWidths=[14 * 2.83465, None, 24 * 2.83465], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 1, theme.NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, theme.RULE),
        ("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    return table


def story(meeting: MeetingRow, members: Sequence[MemberRow], *, committee: str, council: str,
          contact: str, disclosure: Disclosure, page_ranges: PageRanges,
          spots: list[parts.LinkSpot] | None = None,
          as_at: dt.date | None = None, marking: str = "") -> list[Flowable]:
    st = theme.styles()
    out: list[Flowable] = []
    if marking:     # the cover of a full pack with exempt papers
        out.append(Paragraph(esc(marking), st["exempt"].clone("cover_mark", fontSize=11,
                                                               leading=14)))
    if council:
        out.append(Paragraph(esc(council), st["subtitle"]))
    out += [Paragraph("Agenda", st["title"].clone("agenda", fontSize=30, leading=34)),
            Paragraph(esc(committee), st["h1"]), Spacer(0, 4),
            _details(meeting, contact, as_at), Spacer(0, 10)]
    out.append(KeepTogether([Paragraph("Membership", st["h1"]), _membership(members)]))
    out += [Spacer(0, 8)] + parts.section(f"Agenda for the meeting of the {committee}", level="h1",
                                          keep=120)
    out.append(_items_table(disclosure.items(meeting), meeting, page_ranges,
                            [] if spots is None else spots))
    return out


def build_agenda(target: page.Target, meeting: MeetingRow, members: Sequence[MemberRow], *,
                 committee: parts.CommitteeLike, as_at: dt.date, public: bool = False,
                 page_ranges: PageRanges | None = None, contact: str | None = None) -> None:
    """Write the agenda front sheet as a PDF to ``target`` (a path or a binary file).

    ``page_ranges`` maps an item's id (or its number, "7") to (first, last) pack pages.
    """
    page.write_output(target, agenda_pdf(meeting, members, committee=committee, as_at=as_at,
                                         public=public, page_ranges=page_ranges or {},
                                         contact=contact))


def agenda_pdf(meeting: MeetingRow, members: Sequence[MemberRow], *,
               committee: parts.CommitteeLike, as_at: dt.date, public: bool,
               page_ranges: PageRanges, contact: str | None = None,
               spots: list[parts.LinkSpot] | None = None, marking: str = "") -> bytes:
    """The front sheet's bytes; ``spots`` collects where each item title was drawn;
    ``marking`` (a full pack with exempt papers) is printed on the cover and every page."""
    name, council = parts.committee_names(committee)
    if contact is None:
        contact = str(getattr(committee, "contact", "") or "")
    disclosure = Disclosure.of(public, [meeting])
    setup = page.PageSetup(
        title="Agenda", committee=name, as_at=as_at, council=council, pagesize=page.PORTRAIT,
        subject=f"Agenda for the meeting of the {name} on {format_uk(meeting.date)}",
        header_right=f"Agenda  ·  {format_uk(meeting.date, 'full')}",
        first_page_band=False, keywords=("scrutiny", "agenda"), marking=marking,
        document_title=f"Agenda: {name}, {format_uk(meeting.date, 'full')}")
    return page.render(story(meeting, members, committee=name, council=council, contact=contact,
                             disclosure=disclosure, page_ranges=page_ranges, spots=spots,
                             as_at=as_at, marking=marking),
                       setup)
