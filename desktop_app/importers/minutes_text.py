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
import zipfile
from pathlib import Path

from desktop_app.domain.names import clean_text
from desktop_app.importers.minutes_actions import action_columns
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
        text = _docx_to_text(path)
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
                                _int(attributes.get("start"), 1) - 1])
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
        current[2] = _int(attributes.get("value"), current[2] + 1)
        return f"{_format_number(current[2], _HTML_LIST_FORMATS.get(current[1], 'decimal'))}. "

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


def _int(text: str | None, default: int) -> int:
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


# ----------------------------------------------------------------------------- Word

def _docx_to_text(path: Path) -> str:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a declared dependency
        raise MinutesFileError(f"{path}: reading .docx needs the python-docx package") from None
    from lxml import etree  # pyright: ignore[reportAttributeAccessIssue] - no stubs

    from desktop_app.importers.xlsx_safety import check_workbook_file
    try:   # the zip checks every import makes (decompression bombs, DOCTYPEs, not a .docx)
        check_workbook_file(path)
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.LxmlError) as exc:
        reason = " ".join(str(exc).split())[:200]
        if reason.startswith(f"{path.name}: "):      # the file checks' own words, named
            raise MinutesFileError(f"{path}: {reason.split(': ', 1)[1]}") from None
        raise MinutesFileError(f"{path}: not a readable Word .docx file ({reason})") from None
    numbering = _WordNumbering(document)
    lines: list[str] = []
    _walk_docx(document.element.body, document, numbering, lines)
    return tidy_lines("\n".join(lines))


def _walk_docx(container, parent, numbering: _WordNumbering, lines: list[str]) -> None:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, parent)
            label = numbering.label(paragraph)
            text = paragraph.text.replace("\t", " ").strip()
            if text and _is_heading_style(paragraph):
                text = f"### {text}"
            elif text and _all_bold(paragraph):
                text = f"**{text}**"
            lines.append(f"{label} {text}".strip() if label else text)
            lines.append("")
        elif child.tag == qn("w:tbl"):
            table = Table(child, parent)
            if _action_table(table, lines) or _minutes_table(table, lines):
                continue
            for row in table.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats across the row
                        continue
                    seen.add(id(cell._tc))
                    _walk_docx(cell._tc, cell, numbering, lines)
                lines.append("")
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _walk_docx(content, parent, numbering, lines)


def _action_table(table, lines: list[str]) -> bool:
    """An actions table ("Action | Lead officer | Deadline") written as pipe-table rows, which
    ``minutes_actions`` reads as actions; any other table is left to be read cell by cell."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(" ".join(cell.text.replace("|", "/").split()))
        rows.append(cells)
    if len(rows) < 2 or action_columns(rows[0]) is None:
        return False
    lines.extend(["| " + " | ".join(cells) + " |" for cells in rows] + [""])
    return True


_MINUTE_HEAD = re.compile(r"^(?:minute|min|item|ref)?\.?\s*(?:no\.?|number|ref\.?)?$", re.I)
_ACTION_BY_HEAD = re.compile(r"^(?:action(?:\s+by)?|who|by\s+whom|lead(?:\s+officer)?)$", re.I)


def _row_cells(row) -> list:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _minutes_table(table, lines: list[str]) -> bool:
    """Minutes written as a table: "Minute No." | the minute's text | "Action" (who is to do
    the task written beside it). A row with a number opens the minute, its bold first line the
    title; a paragraph with someone in the Action column is that person's action, written as a
    one-row actions table ("| Action | Action by |") for ``minutes_actions`` to read."""
    rows = [_row_cells(row) for row in table.rows]
    if len(rows) < 2 or len(rows[0]) < 3:
        return False
    head = [" ".join(cell.text.split()) for cell in rows[0]]
    if not (head[0] and _MINUTE_HEAD.match(head[0].strip(" :")) and
            _ACTION_BY_HEAD.match(head[-1].strip(" :"))):
        return False
    for cells in rows[1:]:
        number = " ".join(cells[0].text.split())
        owner = " ".join(cells[-1].text.split())
        body = [p for cell in cells[1:-1] for p in cell.paragraphs if p.text.strip()]
        if number:
            title = body.pop(0) if body else None
            words = " ".join(title.text.split()) if title is not None else ""
            lines.extend([f"### {number} {words}".strip(), ""])
        for paragraph in body:
            text = " ".join(paragraph.text.split())
            if owner and paragraph is body[-1]:
                lines.extend(["| Action | Action by |", f"| {text.replace('|', '/')} | "
                              f"{owner.replace('|', '/')} |", ""])
            else:
                lines.extend([text, ""])
    return True


def _is_heading_style(paragraph) -> bool:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    return name.startswith(("Heading", "Title"))


def _all_bold(paragraph) -> bool:
    """Every run with words is bold (directly or through its character or paragraph style)."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_bold = paragraph.style is not None and bool(paragraph.style.font.bold)
    return all(run.bold or (run.bold is None and (style_bold or (
        run.style is not None and bool(run.style.font.bold)))) for run in runs)


class _WordNumbering:
    """Works out the label Word shows for an automatically numbered paragraph."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._formats: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in root.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for level in definition.findall(qn("w:lvl")):
                levels[_int(level.get(qn("w:ilvl")), 0)] = (
                    self._val(level, "w:numFmt", "decimal"),
                    self._val(level, "w:lvlText", "%1."),
                    _int(self._val(level, "w:start", "1"), 1),
                )
            abstract[definition.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in abstract:
                self._formats[num.get(qn("w:numId"))] = abstract[ref.get(qn("w:val"))]

    def _val(self, element, tag: str, default: str) -> str:
        found = element.find(self._qn(tag))
        if found is None:
            return default
        return found.get(self._qn("w:val"), default)

    def _num_pr(self, paragraph):
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        style = paragraph.style
        while style is not None:
            sppr = style.element.pPr
            if sppr is not None and sppr.numPr is not None:
                return sppr.numPr
            style = style.base_style
        return None

    def label(self, paragraph) -> str:
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        levels = self._formats.get(num_id)
        if not levels or level not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * 9)
        fmt, pattern, start = levels[level]
        counters[level] = max(counters[level], start - 1) + 1
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = 0
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match[1]) - 1
            level_fmt = levels.get(index, ("decimal", "", 1))[0]
            value = counters[index] if counters[index] else levels.get(index, ("", "", 1))[2]
            return _format_number(value, level_fmt)

        return re.sub(r"%(\d)", number, pattern)


def _format_number(value: int, fmt: str) -> str:
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
