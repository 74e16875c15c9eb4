"""Turn a minutes file (.txt, .md, .html, .docx, .pdf) into plain text, one paragraph a line.

The parser in ``minutes.py`` works on text only; this module knows about file formats. A saved
ModernGov page is flattened with the standard library's ``html.parser`` so that each block
(paragraph, table cell, list entry) keeps its own line, as a browser's copy and paste does.
Word documents are read with python-docx, paragraphs and tables in document order, and Word's
automatic list numbering is written back into the text ("(a)", "1.", "•") because the parser
needs the labels. A PDF's text is read by ``minutes_pdf``. Word's ligatures ("ﬁ", which a
PDF's text and text pasted from one keep) are letters again.
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

from desktop_app.domain.names import clean_text
from desktop_app.importers.minutes_encoding import MinutesFileError, decode
from desktop_app.importers.minutes_lines import unwrap_lines

__all__ = ["MinutesFileError", "html_to_text", "read_minutes_file", "tidy_lines"]


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")
DOCX_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


def read_minutes_file(path: str | Path) -> str:
    """The text of a minutes file, or MinutesFileError with a one-line reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(none)"
        raise MinutesFileError(
            f"{path}: unknown file type {shown}; use .txt, .md, .html, .docx or .pdf")
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise MinutesFileError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise MinutesFileError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    if not data.strip():
        raise MinutesFileError(f"{path}: file is empty")
    if suffix in DOCX_SUFFIXES:
        from desktop_app.importers.minutes_word import docx_to_text
        text = docx_to_text(path)
    elif suffix in PDF_SUFFIXES:
        from desktop_app.importers.minutes_pdf import pdf_to_text
        text = pdf_to_text(path)
    else:
        text = decode(path, data, html=suffix in HTML_SUFFIXES)
        text = html_to_text(text) if suffix in HTML_SUFFIXES else unwrap_lines(text)
    text = clean_text(text).translate(_LIGATURES)  # no control characters (issue 15)
    if not text.strip():
        raise MinutesFileError(f"{path}: file has no text")
    return text


# ----------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
})
_PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
                             "pre", "ul", "ol", "dl", "hr"})
_SKIPPED_TAGS = frozenset({"script", "style", "head", "noscript", "template", "svg", "select",
                           "button", "nav", "footer"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _HtmlText(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._break = 0  # line breaks owed before the next words: 1 a line, 2 a paragraph
        self._skip_depth = 0
        self._pre_depth = 0
        self._lists: list[list] = []  # [kind, type, counter]

    def _newline(self, paragraph: bool = False) -> None:
        self._break = max(self._break, 2 if paragraph else 1)

    def _write(self, text: str) -> None:
        if self._break and self.parts:
            self.parts.append("\n" * self._break)
        self._break = 0
        self.parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
            return
        if self._skip_depth:
            return
        attributes = dict(attrs)
        if tag == "br":
            self._write("")
            self._break = 1
        elif tag == "img":
            alt = (attributes.get("alt") or "").strip()
            if alt:
                self._write(f" {alt} ")
        elif tag in ("ul", "ol"):
            self._lists.append([tag, (attributes.get("type") or "1"),
                                int_or(attributes.get("start"), 1) - 1])
            self._newline(paragraph=True)
        elif tag == "li":
            self._newline()
            self._write(self._list_label(attributes))
        elif tag in _BLOCK_TAGS:
            if tag == "pre":
                self._pre_depth += 1
            self._newline(paragraph=tag in _PARAGRAPH_TAGS)
            if tag in _HEADING_TAGS:
                self._write("### ")  # a heading stays recognisable as one

    def _list_label(self, attributes: dict[str, str | None]) -> str:
        if not self._lists or self._lists[-1][0] == "ul":
            return "• "
        current = self._lists[-1]
        current[2] = int_or(attributes.get("value"), current[2] + 1)
        return f"{format_list_number(current[2], _HTML_LIST_FORMATS.get(current[1], 'decimal'))}. "

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if self._skip_depth:
            return
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        if tag in _BLOCK_TAGS:
            self._newline(paragraph=tag in _PARAGRAPH_TAGS)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if not self._pre_depth:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
            if not data.strip() and self._break:
                return  # spaces between blocks
        self._write(data)


_HTML_LIST_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter",
                      "i": "lowerRoman", "I": "upperRoman"}


def int_or(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, with a line per block and a blank line per paragraph."""
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return tidy_lines(re.sub(r"[ \t]{2,}", " ", "".join(parser.parts)))


def tidy_lines(text: str) -> str:
    """Trim every line and keep at most one blank line between paragraphs."""
    lines = [line.strip(" \t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def format_list_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                            (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                            (4, "iv"), (1, "i")):
        while value >= number:
            out += numeral
            value -= number
    return out
