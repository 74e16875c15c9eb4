"""Report PDFs other people send: checked when attached, and only their pages travel on.

``check_pdf`` reads a file as a PDF (refusing anything else, a damaged or password-protected
file, one over the size or page limit) and returns a sanitised copy: a new PDF holding the
pages alone, each page with its actions removed. What a pack built from it can therefore never
carry: document JavaScript and OpenAction (the catalogue is not copied), embedded files, form
fields and their scripts, page open/close actions (/AA), and links that run JavaScript, launch
a program, submit or import data, or open a file (Launch, URI to anything but http, https and
mailto, GoToR, GoToE). The page content (text, images, drawings) and plain web links are kept.

``sanitise_page`` is the same step for a page already in memory (a pack sanitises every
attached page again, so that rows attached before the check existed are covered too).
``active_content`` lists what a PDF still holds of all that (for tests and for ``check``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import logging
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (ArrayObject, DictionaryObject, IndirectObject, NameObject,
                           PdfObject)

MAX_BYTES = 64 * 1024 * 1024        # a large council report with photographs is ~20 MB
MAX_PAGES = 2000
SAFE_URI = ("http://", "https://", "mailto:")
_BAD_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/ResetForm", "/GoToR",
                "/GoToE", "/Rendition", "/RichMediaExecute", "/Movie", "/Sound", "/Hide",
                "/GoTo3DView", "/SetOCGState"}
_BAD_ANNOTATIONS = {"/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D",
                    "/Widget"}
_PAGE_KEYS_DROPPED = ("/AA", "/B", "/PieceInfo", "/Thumb")


class PdfProblem(ValueError):
    """The file cannot be attached; the message is the problem, without the file's name."""


@dataclasses.dataclass(frozen=True)
class CheckedPdf:
    data: bytes          # the sanitised copy
    pages: int
    sha256: str          # of the copy
    source_bytes: int    # size of the file as attached


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:160]


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs a warning for each flaw it works round in a damaged file; the person gets
    the one line PdfProblem says instead (the error contract: one line on stderr)."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf(data: bytes) -> PdfReader:
    """``data`` parsed, every page reached; PdfProblem when it is not a readable PDF."""
    with _quiet_pypdf():
        return _read_pdf(data)


def _read_pdf(data: bytes) -> PdfReader:
    if len(data) > MAX_BYTES:
        raise PdfProblem(f"is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if b"%PDF-" not in data[:1024]:
        raise PdfProblem("is not a PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        # A PDF that only restricts printing or copying opens with an empty password: councils
        # receive many such reports, and they merge fine. One that needs a password cannot.
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfProblem("is encrypted (password-protected); attach an unprotected copy")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise PdfProblem(f"has {count} pages, more than the {MAX_PAGES} a pack takes")
        for page in reader.pages:
            _ = page.mediabox   # reach every page now, not half way through writing
    except PdfProblem:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError, AssertionError) as exc:
        raise PdfProblem(f"is damaged and cannot be read "
                         f"({_one_line(exc) or type(exc).__name__})") from None
    if count == 0:
        raise PdfProblem("has no pages")
    return reader


def _resolve(obj: PdfObject | None) -> PdfObject | None:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _action_safe(action: PdfObject | None, depth: int = 0) -> bool:
    """Is this action (and every action chained after it by /Next) harmless?"""
    action = _resolve(action)
    if action is None:
        return True
    if depth > 20:
        return False
    if isinstance(action, ArrayObject):
        return all(_action_safe(a, depth + 1) for a in action)
    if not isinstance(action, DictionaryObject):
        return False
    kind = action.get("/S")
    if kind in _BAD_ACTIONS or "/JS" in action:
        return False
    if kind == "/URI":
        uri = _resolve(action.get("/URI"))
        text = str(uri or "").strip().lower()
        if not text.startswith(SAFE_URI):
            return False
    return _action_safe(action.get("/Next"), depth + 1)


def sanitise_page(page: PageObject) -> int:
    """Remove the page's actions and active annotations in place; returns how many things
    were removed."""
    removed = 0
    for key in _PAGE_KEYS_DROPPED:
        if key in page:
            del page[NameObject(key)]
            removed += 1
    annots = _resolve(page.get("/Annots"))
    if annots is None:
        return removed
    kept = ArrayObject()
    for ref in annots if isinstance(annots, ArrayObject) else []:
        annot = _resolve(ref)
        if not isinstance(annot, DictionaryObject):
            removed += 1
            continue
        if annot.get("/Subtype") in _BAD_ANNOTATIONS or not _action_safe(annot.get("/A")):
            removed += 1
            continue
        for key in ("/AA", "/Parent"):
            if key in annot:
                del annot[NameObject(key)]
                removed += 1
        kept.append(ref)
    if kept:
        page[NameObject("/Annots")] = kept
    else:
        del page[NameObject("/Annots")]
    return removed


def sanitised_copy(reader: PdfReader) -> bytes:
    """A new PDF of the reader's pages alone, each page sanitised."""
    with _quiet_pypdf():
        return _copy(reader)


def _copy(reader: PdfReader) -> bytes:
    writer = PdfWriter()
    for page in reader.pages:
        sanitise_page(page)
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def check_pdf(path: Path) -> CheckedPdf:
    """Read the file at ``path`` as a PDF to attach, and return its sanitised copy."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PdfProblem("is not a file")
        if size > MAX_BYTES:
            raise PdfProblem(f"is larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PdfProblem("was not found") from None
    except OSError as exc:
        raise PdfProblem(f"cannot be read ({_one_line(exc.strerror or exc)})") from None
    reader = read_pdf(data)
    try:
        copy = sanitised_copy(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, AssertionError) as exc:
        raise PdfProblem(f"is damaged and cannot be copied "
                         f"({_one_line(exc) or type(exc).__name__})") from None
    pages = len(read_pdf(copy).pages)
    return CheckedPdf(copy, pages, hashlib.sha256(copy).hexdigest(), size)


def active_content(data: bytes) -> list[str]:
    """What in this PDF could run, open or submit something (empty when nothing)."""
    reader = PdfReader(io.BytesIO(data))
    found: list[str] = []
    seen: set[int] = set()
    stack: list[PdfObject] = [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for key in ("/JS", "/JavaScript", "/OpenAction", "/AA", "/EmbeddedFile",
                        "/EmbeddedFiles", "/AcroForm", "/XFA"):
                if key in obj:
                    found.append(key)
            if obj.get("/S") in _BAD_ACTIONS:
                found.append(str(obj.get("/S")))
            if obj.get("/S") == "/URI" and not _action_safe(obj):
                found.append("/URI " + str(_resolve(obj.get("/URI")))[:60])
            if obj.get("/Subtype") in _BAD_ANNOTATIONS - {"/Widget"}:
                found.append(str(obj.get("/Subtype")))
            stack.extend(v for k, v in obj.items() if k not in ("/Parent", "/P"))
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return found
