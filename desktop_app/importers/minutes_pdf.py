"""The text of minutes saved as PDF (Word's "Save as PDF", a committee system's printout).

A PDF keeps where each line was drawn, not paragraphs or emphasis, and every page carries its
furniture. So, page by page (pypdf's text extraction):

* furniture is taken out: "Page 2 of 5" and a page number alone at the top or foot of a page,
  "Chair's initials ....", and any line at the top or foot of two or more pages (a running
  header or footer), or a "Committee name – 5 December 2023" line at the edge of a later page;
* the lines are joined back into paragraphs across line and page breaks: a line carries on the
  one before unless that one was short (a paragraph's last line) or this one starts something
  (a minute heading, a list label, "Resolved", "Action:", an attendance label);
* a paragraph of one short line opening with a minute number ("55. Medium Term Financial
  Strategy") is a heading (the bold the PDF drew is not in its text).

A scanned PDF (images, no text) is refused with a message saying so.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from desktop_app.importers.minutes_encoding import MinutesFileError

_EDGE = 3   # lines at the top and at the foot of a page where furniture is looked for
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?(?:\s*-)?$",
                          re.I)
_PAGE_OF = re.compile(r"^page\s+\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)
_INITIALS = re.compile(r"^chair(?:man|person|woman)?['’]?s?\s+(?:initials|signature)\b.*$",
                       re.I)
_RUNNING_TITLE = re.compile(r"^[^.]{5,100}?\s+[-–—|]\s+(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?"
                            r"\s+[A-Za-z]{3,9}\.?,?\s+\d{4}$")
# a line that starts a new paragraph whatever the line before it
_STARTS = re.compile(
    r"^(?:(?:minute\s+)?(?:\d{1,3}|[A-Z]{1,6}[./]?\s?\d{1,3}/\d{2,4}|[A-Z]{1,6}/\d{2,4}/\d{1,4})"
    r"\.?\s+\S"
    r"|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s"
    r"|[•·▪\-–]\s"
    r"|(?:resolved|recommended|agreed|action|actions|present|apologies|officers|also\s+present"
    r"|(?:also\s+)?in\s+attendance)\b)", re.I)
_HEADING = re.compile(r"^(?:minute\s+)?(?:\d{1,3}|[A-Z]{1,6}[./]?\s?\d{1,3}/\d{2,4}"
                      r"|[A-Z]{1,6}/\d{2,4}/\d{1,4})\.?\s+[A-Z(‘'\"“].{2,140}$")


def pdf_to_text(path: Path) -> str:
    """Paragraphs of a PDF's text, a blank line apart (see the module's description)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a declared dependency
        raise MinutesFileError(f"{path}: reading .pdf needs the pypdf package") from None
    quiet = logging.getLogger("pypdf")   # its warnings about a damaged file are not for the
    level = quiet.level                  # officer: the one line below says what is wrong
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise MinutesFileError(f"{path}: the PDF is protected by a password")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except MinutesFileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise MinutesFileError(f"{path}: not a readable PDF file ({reason})") from None
    finally:
        quiet.setLevel(level)
    if not any(text.strip() for text in pages):
        raise MinutesFileError(f"{path}: the PDF has no text (a scan?): save the minutes from "
                               "Word, or run text recognition first")
    lines = _without_furniture([[line.strip() for line in text.split("\n") if line.strip()]
                                for text in pages])
    return "\n\n".join(_marked(p) for p in _paragraphs(lines)) + "\n"


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _without_furniture(pages: list[list[str]]) -> list[str]:
    edges: dict[str, int] = {}
    for lines in pages:
        for shape in {_shape(x) for x in lines[:_EDGE] + lines[-_EDGE:]}:
            edges[shape] = edges.get(shape, 0) + 1
    out: list[str] = []
    for number, lines in enumerate(pages):
        for index, line in enumerate(lines):
            at_edge = index < _EDGE or index >= len(lines) - _EDGE
            if _PAGE_OF.match(line) or _INITIALS.match(line):
                continue
            if at_edge and (_PAGE_NUMBER.match(line) or edges.get(_shape(line), 0) >= 2
                            or (number and _RUNNING_TITLE.match(line))):
                continue
            out.append(line)
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    if not lines:
        return []
    widths = sorted(len(line) for line in lines)
    full = widths[int(len(widths) * 0.9)] if len(widths) > 3 else widths[-1]
    out: list[str] = []
    current = previous = ""
    for line in lines:
        if current and not _STARTS.match(line) and len(previous) >= 0.8 * full:
            current = current[:-1] + line if current.endswith("-") and line[:1].islower() \
                else f"{current} {line}"
        else:
            if current:
                out.append(current)
            current = line
        previous = line
    out.append(current)
    return out


def _marked(paragraph: str) -> str:
    """A short paragraph that opens with a minute number and is no sentence is a heading."""
    if _HEADING.match(paragraph) and not paragraph.endswith((".", ";", ",")) \
            and len(paragraph) <= 150:
        return f"### {paragraph}"
    return paragraph
