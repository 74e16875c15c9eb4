"""A Word (.docx) minutes file into plain text, one paragraph a line (see ``minutes_text``).

Paragraphs and tables are read with python-docx in document order, and Word's automatic list
numbering is written back into the text ("(a)", "1.", "•") because the parser needs the labels.
A table of actions, or minutes laid out as a table, becomes the lines the parser reads.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from desktop_app.importers.minutes_actions import action_columns
from desktop_app.importers.minutes_encoding import MinutesFileError
from desktop_app.importers.minutes_text import format_list_number, int_or, tidy_lines

def docx_to_text(path: Path) -> str:
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
                levels[int_or(level.get(qn("w:ilvl")), 0)] = (
                    self._val(level, "w:numFmt", "decimal"),
                    self._val(level, "w:lvlText", "%1."),
                    int_or(self._val(level, "w:start", "1"), 1),
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
            return format_list_number(value, level_fmt)

        return re.sub(r"%(\d)", number, pattern)
