"""Attached report PDFs: read once, checked before a pack is built.

A broken attachment (missing file, not a PDF, damaged, encrypted, no pages) raises
ReportError with one line naming the agenda item and the file.
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from desktop_app.domain.records import AgendaItemRow, AttachmentRow
from desktop_app.reports.errors import ReportError


def _where(item: AgendaItemRow) -> str:
    return f"item {item.number} ({item.title})"


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:160]


def load_attachment(item: AgendaItemRow, attachment: AttachmentRow) -> PdfReader:
    """The attachment as a reader over bytes held in memory (so later changes to the file on
    disk cannot change a pack half way through)."""
    path = Path(attachment.path).expanduser()
    where = _where(item)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"{where}: attached file {path} was not found") from None
    except IsADirectoryError:
        raise ReportError(f"{where}: attached file {path} is a folder, not a PDF") from None
    except OSError as exc:
        raise ReportError(f"{where}: attached file {path} cannot be read "
                          f"({_one_line(exc.strerror or exc)})") from None
    if b"%PDF-" not in data[:1024]:
        raise ReportError(f"{where}: attached file {path.name} is not a PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        # A PDF that only restricts printing or copying opens with an empty password: councils
        # receive many such reports, and they merge fine. One that needs a password cannot.
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportError(f"{where}: attached file {path.name} is encrypted "
                              f"(password-protected); attach an unprotected copy")
        count = len(reader.pages)
        for page in reader.pages:
            _ = page.mediabox   # reach every page now, not half way through writing
    except ReportError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError) as exc:
        raise ReportError(f"{where}: attached file {path.name} is damaged and cannot be read "
                          f"({_one_line(exc) or type(exc).__name__})") from None
    if count == 0:
        raise ReportError(f"{where}: attached file {path.name} has no pages")
    return reader


def attachment_title(attachment: AttachmentRow, reader: PdfReader) -> str:
    """The title the officer gave; else the PDF's own /Title; else the file's name. (A title
    that is just the file's stem is the old default, not a choice.)"""
    file_name = attachment.path.replace("\\", "/").rsplit("/", 1)[-1]
    stem = file_name.rsplit(".", 1)[0]
    chosen = (attachment.title or "").strip()
    if chosen and chosen != stem:
        return chosen
    try:
        own = str((reader.metadata or {}).get("/Title") or "").strip()
    except Exception:       # noqa: BLE001 - damaged metadata: fall back to the file name
        own = ""
    if own and own.casefold() not in ("untitled", "microsoft word - " + stem.casefold()):
        return " ".join(own.split())[:200]
    return chosen or file_name
