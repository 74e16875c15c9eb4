"""Report PDFs attached to agenda items: checked when attached (a real PDF, within the size and
page limits), kept as a sanitised copy in the database rather than as a path, and handed to a
pack from that copy (reports.pdf_safety does the checking and sanitising)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import select

from desktop_app.db.engine import Database
from desktop_app.db.models import Attachment
from desktop_app.db.pdf_text import pdf_text
from desktop_app.domain.records import AgendaItemRow, MeetingRow
from desktop_app.services.errors import ServiceError


def new_attachment(path: str | Path, title: str, position: int) -> Attachment:
    """A new attachment row holding the checked, sanitised copy of the file at ``path``;
    ServiceError (one line naming the file) when it cannot be attached. Nothing is saved."""
    from desktop_app.reports.pdf_safety import PdfProblem, check_pdf  # pypdf: only to attach

    source = Path(path).expanduser()
    try:
        checked = check_pdf(source)
    except PdfProblem as exc:
        raise ServiceError(f"{path}: cannot attach: the file {exc}") from None
    return Attachment(path=str(source.resolve()), title=title, position=position, content=checked.data,
                      sha256=checked.sha256, size_bytes=checked.source_bytes,
                      page_count=checked.pages, text_content=pdf_text(checked.data))


def with_copies(db: Database, meeting: MeetingRow) -> MeetingRow:
    """``meeting`` with the stored copy of each attachment of its items filled in (``data``),
    for building its pack."""
    ids = [a.id for item in meeting.items for a in item.attachments if a.stored]
    if not ids:
        return meeting
    with db.reading() as s:
        content = dict(s.execute(select(Attachment.id, Attachment.content)
                                 .where(Attachment.id.in_(ids))).all())

    def item(i: AgendaItemRow) -> AgendaItemRow:
        return dataclasses.replace(i, attachments=tuple(
            dataclasses.replace(a, data=content.get(a.id)) if a.stored else a
            for a in i.attachments))

    return dataclasses.replace(meeting, items=tuple(item(i) for i in meeting.items))
