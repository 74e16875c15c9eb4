"""Attached report PDFs: read once, checked and sanitised before a pack is built.

An attachment is the sanitised copy kept in the database when it was attached
(``AttachmentRow.data``, see reports.pdf_safety), or, for one attached before copies were kept,
the file at its path. Either way its pages are sanitised again here, so only page content
travels into a pack. A broken attachment (missing file, not a PDF, damaged, encrypted, no
pages, over the limits) raises ReportError with one line naming the agenda item and the file.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from desktop_app.domain.records import AgendaItemRow, AttachmentRow
from desktop_app.reports.errors import ReportError
from desktop_app.reports.pdf_safety import PdfProblem, read_pdf, sanitise_page


def _where(item: AgendaItemRow) -> str:
    return f"item {item.number} ({item.title})"


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:160]


def _read(item: AgendaItemRow, attachment: AttachmentRow) -> tuple[bytes, str]:
    if attachment.data is not None:
        return attachment.data, attachment.title or Path(attachment.path).name
    path = Path(attachment.path).expanduser()
    where = _where(item)
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError:
        raise ReportError(f"{where}: attached file {path} was not found") from None
    except IsADirectoryError:
        raise ReportError(f"{where}: attached file {path} is a folder, not a PDF") from None
    except OSError as exc:
        raise ReportError(f"{where}: attached file {path} cannot be read "
                          f"({_one_line(exc.strerror or exc)})") from None


def load_attachment(item: AgendaItemRow, attachment: AttachmentRow) -> PdfReader:
    """The attachment as a reader over bytes held in memory (so later changes to the file on
    disk cannot change a pack half way through), every page sanitised."""
    data, name = _read(item, attachment)
    try:
        reader = read_pdf(data)
    except PdfProblem as exc:
        raise ReportError(f"{_where(item)}: attached file {name} {exc}") from None
    for page in reader.pages:
        sanitise_page(page)
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
