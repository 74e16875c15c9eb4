"""The page every document is printed on: header band, footer with "Page N of M", metadata,
repeatable bytes and a safe write.

"Page N of M" is drawn as "Page N of " followed by a form XObject that is defined once, after the
last page, with the total. (The NumberedCanvas recipe that defers showPage breaks bookmarks.)
The rest of the header and footer is a form too, drawn once and shown on every page.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import gc
import io
import os
import tempfile
from pathlib import Path
from typing import IO
from collections.abc import Iterable

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate

from desktop_app.domain.dates import format_uk
from desktop_app.exporters.atomic import cannot_write
from desktop_app.reports import fonts, tagging, tagging_tree, theme
from desktop_app.reports.tagging import TaggingFrame as Frame

Target = str | os.PathLike | IO[bytes]
PORTRAIT = A4
LANDSCAPE = landscape(A4)
PAGE_TOTAL_FORM = "pageTotal"
_FURNITURE_FORMS = {True: "furniture", False: "furnitureFirst"}
LANGUAGE = "en-GB"
CREATOR = "Scrutiny Tracker"

# Inside a pack every page carries the pack's one number (stamped later), so the papers the
# pack generates leave out their own "Page N of M" (see ``pack_numbering``).
_OWN_NUMBERS: contextvars.ContextVar[bool] = contextvars.ContextVar("own_numbers", default=True)
# Every document is a tagged PDF (reports/tagging.py); the untagged build is kept for measuring
# what tagging costs (benchmarks/bench_tagging.py) and for showing that it changes no pixel.
_TAGGED: contextvars.ContextVar[bool] = contextvars.ContextVar("tagged", default=True)


# While ``capturing`` is active, ``render`` hands its flowables and setup over instead of
# drawing them (the Word and web-page exports: reports/flat_document.py).
_CAPTURE: contextvars.ContextVar[list | None] = contextvars.ContextVar("capture", default=None)


@contextlib.contextmanager
def capturing():
    """Within this block ``render`` draws nothing: it appends (flowables, setup) to the list
    yielded and returns no bytes."""
    got: list[tuple[list[Flowable], PageSetup]] = []
    token = _CAPTURE.set(got)
    try:
        yield got
    finally:
        _CAPTURE.reset(token)


@contextlib.contextmanager
def pack_numbering():
    """Documents rendered inside this block print no "Page N of M" of their own."""
    token = _OWN_NUMBERS.set(False)
    try:
        yield
    finally:
        _OWN_NUMBERS.reset(token)


@contextlib.contextmanager
def untagged():
    """Documents rendered inside this block are plain PDFs, with no structure tree (for
    benchmarks and comparisons only: every document the app writes is tagged)."""
    token = _TAGGED.set(False)
    try:
        yield
    finally:
        _TAGGED.reset(token)


@dataclasses.dataclass(frozen=True)
class PageSetup:
    """What the header, footer and document properties say."""

    title: str                      # e.g. "Action log"
    committee: str                  # e.g. "Children and Young People Scrutiny Committee"
    as_at: dt.date
    council: str = ""
    subject: str = ""
    pagesize: tuple[float, float] = LANDSCAPE
    marking: str = ""               # e.g. "NOT FOR PUBLICATION", shown in the header band
    first_page_band: bool = True    # the agenda front sheet draws its own masthead
    keywords: tuple[str, ...] = ()
    header_right: str = ""          # replaces "Title · as at date" in the header band
    document_title: str = ""        # the PDF's Title property, when not "Title: committee (as at)"
    watermark: str = ""             # e.g. "DRAFT", drawn large and pale across every page

    @property
    def pdf_title(self) -> str:
        if self.document_title:
            return self.document_title
        return f"{self.title}: {self.committee} (as at {format_uk(self.as_at)})"


class _ReportDoc(BaseDocTemplate):
    def __init__(self, stream: IO[bytes], setup: PageSetup):
        self.setup = setup
        width, height = setup.pagesize
        super().__init__(
            stream, pagesize=setup.pagesize, leftMargin=theme.MARGIN, rightMargin=theme.MARGIN,
            topMargin=theme.HEADER_BAND + 6, bottomMargin=theme.FOOTER_Y + 16,
            title=setup.pdf_title, author=setup.council or CREATOR,
            subject=setup.subject or f"{setup.title} for {setup.committee}",
            creator=CREATOR, producer=CREATOR, keywords=", ".join(setup.keywords),
            invariant=1, lang=LANGUAGE, pageCompression=1, displayDocTitle=True,
            initialFontName=fonts.REGULAR,     # no unembedded Helvetica in any page's resources
        )
        frame = Frame(self.leftMargin, self.bottomMargin, width - self.leftMargin - self.rightMargin,
                      height - self.topMargin - self.bottomMargin, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        first_frame = frame
        if not setup.first_page_band:
            first_frame = Frame(self.leftMargin, self.bottomMargin,
                                width - self.leftMargin - self.rightMargin,
                                height - theme.MARGIN - self.bottomMargin, id="first",
                                leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first_frame], onPage=self._decorate, autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=self._decorate),
        ])
        self.pages = 0
        self._furniture_forms: set[bool] = set()
        self.own_numbers = _OWN_NUMBERS.get()
        self.tagger = tagging.Tagger() if _TAGGED.get() else None

    def handle_documentBegin(self) -> None:  # noqa: N802 - reportlab's name
        super().handle_documentBegin()
        if self.tagger is not None:
            self.canv._tagger = self.tagger  # pyright: ignore[reportAttributeAccessIssue]

    def _watermark(self, canv) -> None:
        width, height = self.setup.pagesize
        canv.saveState()
        canv.setFillColor(theme.WATERMARK)
        canv.setFont(fonts.BOLD, 110)
        canv.translate(width / 2, height / 2)
        canv.rotate(45 if height > width else 30)
        canv.drawCentredString(0, -40, self.setup.watermark)
        canv.restoreState()

    def _decorate(self, canv, doc) -> None:
        """The page's furniture, marked as a pagination artifact (reports/tagging.py)."""
        if self.tagger is None:
            self._furniture(canv)
            return
        code = canv._code
        code.append(tagging.PAGINATION)
        self._furniture(canv)
        code.append(tagging.END)

    def _furniture(self, canv) -> None:
        """The header band and footer, the same on every page, are drawn once, as a form
        (``_draw_furniture`` at the end of the build); each page draws that form and its own
        "Page N of " and the form holding the total."""
        number = canv.getPageNumber()
        self.pages = max(self.pages, number)
        banded = self.setup.first_page_band or number > 1
        self._furniture_forms.add(banded)
        canv.doForm(_FURNITURE_FORMS[banded])
        if not self.own_numbers:
            return
        width = self.setup.pagesize[0]
        y = theme.FOOTER_Y
        canv.saveState()
        canv.setFillColor(theme.MUTED)
        canv.setFont(fonts.REGULAR, 7.5)
        label = f"Page {number} of "
        x = width - theme.MARGIN - 62
        canv.drawString(x, y, label)
        canv.translate(x + canv.stringWidth(label, fonts.REGULAR, 7.5), y)
        canv.doForm(PAGE_TOTAL_FORM)
        canv.restoreState()

    def _draw_furniture(self, canv, banded: bool) -> None:
        """Header band (or, ``banded`` false, the slim strip of a front sheet with its own
        masthead), watermark and footer: what every page (or the first) shows."""
        setup = self.setup
        width, height = setup.pagesize
        canv.saveState()
        if setup.watermark:
            self._watermark(canv)
        if banded:
            band = theme.HEADER_BAND
            canv.setFillColor(theme.NAVY)
            canv.rect(0, height - band, width, band, stroke=0, fill=1)
            canv.setFillColor(theme.WHITE)
            canv.setFont(fonts.BOLD, 11)
            base = height - band / 2 - 4
            canv.drawString(theme.MARGIN, base, setup.committee)
            canv.setFont(fonts.REGULAR, 9)
            right = setup.header_right or f"{setup.title}  ·  as at {format_uk(setup.as_at)}"
            canv.drawRightString(width - theme.MARGIN, base, right)
            if setup.marking:
                canv.setFont(fonts.BOLD, 8)
                canv.drawRightString(width - theme.MARGIN, base + 11, setup.marking)
        else:   # a front sheet with its own masthead: a slim navy strip ties it to the rest
            canv.setFillColor(theme.NAVY)
            canv.rect(0, height - 5, width, 5, stroke=0, fill=1)
        # footer: rule, left text, "Page N of M" on the right; the centre stays free for the
        # page numbers that a pack stamps.
        y = theme.FOOTER_Y
        canv.setStrokeColor(theme.RULE)
        canv.setLineWidth(0.5)
        canv.line(theme.MARGIN, y + 9, width - theme.MARGIN, y + 9)
        canv.setFillColor(theme.MUTED)
        canv.setFont(fonts.REGULAR, 7.5)
        left = " · ".join(part for part in (setup.council, setup.title) if part)
        if setup.marking and setup.marking not in left:
            left = f"{left} · {setup.marking}"
        canv.drawString(theme.MARGIN, y, left)
        canv.restoreState()

    def build(self, flowables: list[Flowable]) -> None:  # type: ignore[override]
        self._doSave = 0
        super().build(flowables)
        canv = self.canv
        width, height = self.setup.pagesize
        for banded in sorted(self._furniture_forms):
            # a bounding box wider than the page, so that its clip does not touch the band's
            # edge pixels
            canv.beginForm(_FURNITURE_FORMS[banded], -9, -9, width + 9, height + 9)
            self._draw_furniture(canv, banded)
            canv.endForm()
        canv.beginForm(PAGE_TOTAL_FORM)
        if self.own_numbers:
            canv.setFillColor(theme.MUTED)
            canv.setFont(fonts.REGULAR, 7.5)
            canv.drawString(0, 0, str(self.pages))
        canv.endForm()
        if self.tagger is not None:
            pdf_doc = canv._doc  # pyright: ignore[reportAttributeAccessIssue]
            tagging_tree.write_into(pdf_doc, self.tagger, title=self.setup.pdf_title,
                                    language=LANGUAGE)
        canv.save()


def render(flowables: Iterable[Flowable], setup: PageSetup) -> bytes:
    """Lay the flowables out on pages and return the PDF bytes (the same bytes every time)."""
    captured = _CAPTURE.get()
    if captured is not None:
        captured.append((list(flowables), setup))
        return b""
    with _no_cycle_collection():
        return _render(flowables, setup)


@contextlib.contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while a document is laid out and written: a long log
    makes some hundreds of thousands of objects that live until the file is saved, and each
    full collection walked them all again (a tenth of the build of a 2,000-action log,
    benchmarks/bench_pdf.py). What it leaves is collected once it is back on. Left off if it
    was off (the window collects on its own thread: ui/gc_guard.py)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _render(flowables: Iterable[Flowable], setup: PageSetup) -> bytes:
    fonts.register_fonts()
    # Plain Flate streams: the ASCII85 wrapper reportlab adds by default only makes files 25%
    # bigger, and its pure-Python encoder was a quarter of the build time of a long log.
    rl_config.useA85 = 0
    out = io.BytesIO()
    doc = _ReportDoc(out, setup)
    story = list(flowables)
    if doc.tagger is not None:
        tagging.prepare(story)
    doc.build(story)
    return out.getvalue()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(target: Target, data: bytes) -> None:
    """Write a finished document. A path is written whole or not at all (temp file + rename)."""
    if hasattr(target, "write"):
        target.write(data)  # type: ignore[union-attr]
        return
    path = Path(os.fspath(target))  # type: ignore[arg-type]
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        os.chmod(tmp, 0o666 & ~_umask())      # mkstemp makes 0600; give the usual mode
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from exc
        raise
