"""An attached report's title: what the pack's contents and bookmarks call it."""

from __future__ import annotations

from desktop_app.db.engine import Database
from desktop_app.db.models import Attachment
from desktop_app.domain.records import AgendaItemRow
from desktop_app.services.common import get_row
from desktop_app.services.meetings import item_row


def set_attachment_title(db: Database, attachment_id: int, title: str) -> AgendaItemRow:
    """Title an attached report ("" for the default: the PDF's own /Title, then the file
    name); returns its agenda item as it now is."""
    with db.unit_of_work() as s:
        attachment = get_row(s, Attachment, attachment_id, "attached report")
        attachment.title = " ".join(title.split())
        s.flush()
        return item_row(attachment.item)
