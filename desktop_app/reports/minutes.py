"""The minutes of a meeting, printed from the minutes text recorded against each agenda item
(the pack puts the previous meeting's minutes behind the "Minutes" item)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop_app.domain.dates import format_uk
from desktop_app.domain.records import MeetingRow
from desktop_app.reports import page, parts, theme
from desktop_app.reports.exemption import Disclosure, ItemView
from desktop_app.reports.theme import esc

_BULLET = re.compile(r"^\s*(?:[-•*]|\([a-z0-9]{1,3}\)|[a-z]\))\s+", re.I)
_RESOLVED = re.compile(r"^(resolved|recommended|agreed)\b\s*:?", re.I)


def minute_number(meeting: MeetingRow, index: int, view: ItemView) -> str:
    if meeting.minute_start is not None:
        return str(meeting.minute_start + index)
    return str(view.item.number)


def _paragraphs(body: str) -> list[Flowable]:
    st = theme.styles()
    bullet_style = st["body"].clone("minute_bullet", leftIndent=14, bulletIndent=3)
    out: list[Flowable] = []
    for line in (body or "").splitlines():
        line = line.strip()
        if not line:
            continue
        match = _BULLET.match(line)
        if match:
            marker = match.group(0).strip()
            marker = "•" if marker in "-*•" else marker
            out.append(Paragraph(esc(line[match.end():]), bullet_style, bulletText=marker))
        elif match := _RESOLVED.match(line):
            out.append(Paragraph(f"<b>{esc(match.group(0))}</b>{esc(line[match.end():])}",
                                 st["body"]))
        else:
            out.append(Paragraph(esc(line), st["body"]))
    return out


def story(meeting: MeetingRow, *, committee: str, disclosure: Disclosure,
          present: Sequence[str] = (), as_at: dt.date | None = None) -> list[Flowable]:
    st = theme.styles()
    when = format_uk(meeting.date, "full")
    time = parts.format_time(meeting.time)
    held = f"held at {meeting.venue} on {when}" if meeting.venue else f"held on {when}"
    if time:
        held += f" at {time}"
    out: list[Flowable] = [
        Paragraph("Minutes", st["title"]),
        Paragraph(esc(f"Minutes of the meeting of the {committee} {held}"), st["subtitle"]),
    ]
    if as_at is not None:
        out.append(Paragraph(f"As at {esc(format_uk(as_at, 'full'))}", st["small"]))
    if present:
        out.append(Paragraph(f"<b>Present:</b> {esc(', '.join(present))}", st["body"]))
    out.append(Spacer(0, 6))
    views = disclosure.items(meeting)
    if not views:
        out.append(parts.empty("No minutes have been recorded for this meeting."))
    for index, view in enumerate(views):
        number = minute_number(meeting, index, view)
        head = Paragraph(f"{esc(number)}. {esc(view.item.title.upper())}", st["h3"])
        body: list[Flowable]
        if view.withheld:
            body = [Paragraph(f"<b>{esc(view.notice)}</b> – {esc(view.reason)}", st["exempt"])]
        else:
            body = _paragraphs(view.minutes_text)
            if view.exempt:
                body.insert(0, Paragraph(f"<b>{esc(view.notice)}</b> – not for publication.",
                                         st["exempt"]))
            if not body:
                body = [parts.empty("No minute recorded.")]
        out.append(KeepTogether([head, body[0]]))
        out += body[1:]
    out += [Spacer(0, 30), Paragraph("Chairperson", st["label"]),
            Paragraph("Signed as a correct record", st["small"])]
    return out


def minutes_pdf(meeting: MeetingRow, *, committee: parts.CommitteeLike, as_at: dt.date,
                public: bool) -> bytes:
    name, council = parts.committee_names(committee)
    disclosure = Disclosure.of(public, [meeting])
    shows_exempt = any(item.exempt for item in meeting.items)
    setup = page.PageSetup(
        title="Minutes", committee=name, as_at=as_at, council=council, pagesize=page.PORTRAIT,
        subject=f"Minutes of the meeting of the {name} on {format_uk(meeting.date)}",
        header_right=f"Minutes  ·  {format_uk(meeting.date, 'full')}",
        document_title=f"Minutes: {name}, {format_uk(meeting.date, 'full')}",
        marking=disclosure.marking(shows_exempt=shows_exempt), keywords=("scrutiny", "minutes"))
    return page.render(story(meeting, committee=name, disclosure=disclosure, as_at=as_at),
                       setup)


def build_minutes(target: page.Target, meeting: MeetingRow, *, committee: parts.CommitteeLike,
                  as_at: dt.date, public: bool = False) -> None:
    """Write the minutes of ``meeting`` as a PDF to ``target`` (a path or a binary file)."""
    page.write_output(target, minutes_pdf(meeting, committee=committee, as_at=as_at,
                                          public=public))
