"""The minutes of a meeting, printed from the minutes text recorded against each agenda item
(the pack puts the previous meeting's minutes behind the "Minutes" item).

They open with the attendance block, as the seeds' minutes do. Until they are approved as a
correct record at a later meeting (as at the document's date) they are a draft: "DRAFT" across
every page, no "signed as a correct record"; approved minutes say when and at which meeting.
A meeting with no minutes yet says so and lists nothing."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.domain.minutes_people import MinutesRecord, attendance_block
from desktop_app.domain.dates import format_uk
from desktop_app.domain.enums import MeetingStatus
from desktop_app.domain.records import MeetingRow
from desktop_app.reports import page, parts, theme
from desktop_app.reports.exemption import Disclosure, ItemView
from desktop_app.reports.minutes_body import paragraphs
from desktop_app.reports.theme import esc



def minute_number(meeting: MeetingRow, index: int, view: ItemView) -> str:
    if meeting.minute_start is not None:
        return str(meeting.minute_start + index)
    return str(view.item.number)


def has_minutes(meeting: MeetingRow) -> bool:
    """Whether any minute has been recorded for the meeting (exempt ones count)."""
    return any((item.minutes_text or "").strip() for item in meeting.items)


def no_minutes_yet(meeting: MeetingRow, as_at: dt.date | None) -> str:
    """The plain sentence for a meeting whose minutes have not been written."""
    when = format_uk(meeting.date, "full")
    if meeting.status == MeetingStatus.CANCELLED:
        held = f"The meeting of {when} was cancelled."
    elif meeting.status == MeetingStatus.HELD:
        held = f"The meeting was held on {when}."
    elif as_at is not None and meeting.date > as_at:
        held = f"The meeting is to be held on {when}."
    else:
        held = f"The meeting was due to be held on {when}."
    return (f"No minutes have been recorded for this meeting yet. {held} Its minutes are "
            f"printed once they have been written up.")


def attendance_table(record: MinutesRecord) -> list[Flowable]:
    """Present / Apologies / Substitutes / In attendance, as the seeds' minutes open."""
    st = theme.styles()
    block = attendance_block(record.attendance)
    if block.empty:
        return [parts.empty("Attendance has not been recorded for this meeting.")]
    rows = []
    for heading, lines in block.rows:
        text = "<br/>".join(esc(line) for line in lines)
        rows.append([Paragraph(f"{esc(heading)}:", st["label"]),
                     Paragraph(text, st["body"].clone("attendance", spaceAfter=0))])
    table = Table(rows, colWidths=[30 * mm, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return [table]


def _approval(record: MinutesRecord, as_at: dt.date) -> list[Flowable]:
    st = theme.styles()
    if not record.approved(as_at):
        return []
    if record.approved_at is not None:
        when = f"at the meeting of the committee on {format_uk(record.approved_at, 'full')}"
    else:
        assert record.approved_on is not None
        when = f"on {format_uk(record.approved_on, 'full')}"
    return [Spacer(0, 30), Paragraph("Chairperson", st["label"]),
            Paragraph(esc(f"Approved and signed as a correct record {when}."), st["small"])]


def draft_notice() -> Paragraph:
    return Paragraph("<b>DRAFT</b> – these minutes have not yet been approved as a correct "
                     "record; they are to be approved at a later meeting of the committee.",
                     theme.styles()["exempt"])


def story(meeting: MeetingRow, *, committee: str, disclosure: Disclosure,
          record: MinutesRecord | None = None, as_at: dt.date | None = None) -> list[Flowable]:
    st = theme.styles()
    record = record or MinutesRecord()
    when = format_uk(meeting.date, "full")
    time = parts.format_time(meeting.time)
    held = f"held at {meeting.venue} on {when}" if meeting.venue else f"held on {when}"
    if time:
        held += f" at {time}"
    approved = as_at is not None and record.approved(as_at)
    out: list[Flowable] = [
        Paragraph("Minutes" if approved else "Draft minutes", st["title"]),
        Paragraph(esc(f"Minutes of the meeting of the {committee} {held}"), st["subtitle"]),
    ]
    if as_at is not None:
        out.append(Paragraph(f"As at {esc(format_uk(as_at, 'full'))}", st["small"]))
    if not has_minutes(meeting):
        out += [Spacer(0, 6), Paragraph(esc(no_minutes_yet(meeting, as_at)), st["body"])]
        return out
    if not approved:
        out.append(draft_notice())
    out += [Spacer(0, 4), *attendance_table(record), Spacer(0, 6)]
    for index, view in enumerate(disclosure.items(meeting)):
        number = minute_number(meeting, index, view)
        head = Paragraph(f"{esc(number)}. {esc(view.item.title.upper())}", st["h3"])
        body: list[Flowable]
        if view.withheld:
            body = [Paragraph(f"<b>{esc(view.notice)}</b> – {esc(view.reason)}", st["exempt"])]
        else:
            body = paragraphs(view.minutes_text, record.resolutions.get(view.item.id, ""))
            if view.exempt:
                body.insert(0, Paragraph(f"<b>{esc(view.notice)}</b> – not for publication.",
                                         st["exempt"]))
            if not body:
                body = [parts.empty("No minute recorded.")]
        out.append(KeepTogether([head, body[0]]))
        out += body[1:]
    out += _approval(record, as_at) if as_at is not None else []
    return out


def minutes_pdf(meeting: MeetingRow, *, committee: parts.CommitteeLike, as_at: dt.date,
                public: bool, record: MinutesRecord | None = None) -> bytes:
    name, council = parts.committee_names(committee)
    record = record or MinutesRecord()
    disclosure = Disclosure.of(public, [meeting])
    shows_exempt = any(item.exempt for item in meeting.items)
    approved = record.approved(as_at)
    words = "Minutes" if approved else "Draft minutes"
    setup = page.PageSetup(
        title=words, committee=name, as_at=as_at, council=council, pagesize=page.PORTRAIT,
        subject=f"{words} of the meeting of the {name} on {format_uk(meeting.date)}",
        header_right=f"{words}  ·  {format_uk(meeting.date, 'full')}",
        document_title=f"{words}: {name}, {format_uk(meeting.date, 'full')}",
        marking=disclosure.marking(shows_exempt=shows_exempt), keywords=("scrutiny", "minutes"),
        watermark="" if approved else "DRAFT")
    return page.render(story(meeting, committee=name, disclosure=disclosure, record=record,
                             as_at=as_at), setup)


def build_minutes(target: page.Target, meeting: MeetingRow, *, committee: parts.CommitteeLike,
                  as_at: dt.date, public: bool = False, record: MinutesRecord | None = None) -> None:
    """Write the minutes of ``meeting`` as a PDF to ``target`` (a path or a binary file).

    ``record``: its attendance and approval (services.minutes_record); without one the minutes
    print as a draft with no attendance recorded."""
    page.write_output(target, minutes_pdf(meeting, committee=committee, as_at=as_at,
                                          public=public, record=record))
