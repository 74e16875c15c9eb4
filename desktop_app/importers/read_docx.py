"""The tables of a Word (.docx) document into grids, one per table ("Table 1", "Table 2", ...).

Each table's title (``SheetGrid.caption``) is the nearest heading above it, else the nearest
paragraph. It is also put in the grid as row 0, above the table's first row, so that it is read
exactly as a sheet's title row is (a meeting date in it counts as the meeting) while the table's
rows keep their own numbers (row 1 is the table's first row). A cell merged
down (``w:vMerge``) or across (``w:gridSpan``) is a merged range, filled down like a merged
range of a workbook. Text colour (blue = new, red = updated) comes from each run's colour, and a
cell's shading is its fill (RAG). python-docx opens the package; the table XML is then walked
directly with lxml (python-docx's ``row.cells`` rebuilds the grid for every row).

A document is read as Word shows it with every tracked change accepted (inserted text in,
deleted text and deleted rows out: ``w:delText``), with Word's automatic numbers written out
("R1", "a)": numbering.xml), and through content controls (a table inside one, rows in a
repeating section; a control still showing its placeholder, "Click or tap here to enter text.",
is empty). A table nested in a cell (an "update history") is one line per row, its cells joined
by " – ", its header row left out. Paragraphs under the tables are the document's ``legend``
(a key to the colours, for every table), and a table that follows another with nothing but
empty paragraphs between them (a table split across pages) is marked as continuing it.
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import Any

from desktop_app.importers.docx_numbering import paragraph_numbers
from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_colours import (OTHER, STRUCK, VERDICT_LEAD, _hex_rgb,
                                                fill_class, text_class)
from desktop_app.importers.xlsx_safety import ImportFileError, fail

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _T = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "r", "t"))
_TAB, _BR, _CR = f"{_W}tab", f"{_W}br", f"{_W}cr"
_TCPR, _RPR, _PPR = f"{_W}tcPr", f"{_W}rPr", f"{_W}pPr"
_VAL = f"{_W}val"
_SDT, _CONTENT = f"{_W}sdt", f"{_W}sdtContent"
_HEADING = re.compile(r"^(heading|title|subtitle)", re.I)
_DASH = " \u2013 "


def read_docx(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """Every table of a checked .docx as a SheetGrid (merges filled down)."""
    import docx

    try:
        document = docx.Document(str(path))
        numbers = paragraph_numbers(document)
        grids = _tables(document.element.body, numbers)
    except ImportFileError:
        raise
    except MemoryError:
        raise fail(path, "the document is too large to read") from None
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds
        detail = (str(exc).strip() or exc.__class__.__name__)[:200]
        raise fail(path, f"the Word document cannot be read ({detail})") from None
    if not grids:  # a letter answering recommendations paragraph by paragraph, or nothing
        from desktop_app.importers.exec_letter import letter_grid

        letter = letter_grid([_paragraph_text(p, numbers)
                              for p in _body_children(document.element.body)
                              if p.tag == _P])
        if letter is not None:
            return [letter]
        raise fail(path, "the Word document has no table (a tracker in Word must be a table)")
    for grid in grids:
        grid.fill_merges()
    return grids


def _body_children(parent: Any) -> list[Any]:
    """The body's paragraphs and tables in order, inside block content controls too."""
    found = []
    for child in parent.iterchildren():
        if child.tag == _SDT:
            content = child.find(_CONTENT)
            if content is not None:
                found.extend(_body_children(content))
        else:
            found.append(child)
    return found


def _tables(body: Any, numbers: dict[Any, str]) -> list[SheetGrid]:
    grids: list[SheetGrid] = []
    heading = paragraph = ""
    headings: list[str] = []
    legend: list[str] = []
    between = False  # any text (or heading) since the last table
    for child in _body_children(body):
        tag = child.tag
        if tag == _P:
            text = " ".join(_paragraph_text(child, numbers).split())
            if not text:
                continue
            between = True
            paragraph = text
            if _HEADING.match(_style(child)):
                heading = text
                headings.append(text)
            elif grids:
                legend.append(text)
        elif tag == _TBL:
            grid = _table(child, f"Table {len(grids) + 1}", numbers)
            grid.caption = heading or paragraph
            grid.headings = headings
            if grid.caption:  # row 0: above the table's first row, read as a title row is
                grid.rows[0] = {1: (grid.caption, 0, None)}
            # split across pages: nothing written between it and the table before, as wide
            grid.continues = bool(grids) and not between and grid.max_col == grids[-1].max_col
            grids.append(grid)
            heading = paragraph = ""
            headings = []
            between = False
    for grid in grids:
        grid.legend = legend
    return grids


def _style(p: Any) -> str:
    ppr = p.find(_PPR)
    if ppr is None:
        return ""
    style = ppr.find(f"{_W}pStyle")
    return (style.get(_VAL) or "") if style is not None else ""


def _paragraph_text(p: Any, numbers: dict[Any, str] | None = None) -> str:
    """A paragraph's text, after its automatic number ("R1", "a)": ``numbers``) if it has one."""
    parts = []
    number = numbers.get(p) if numbers else None
    if number:
        parts.append(number + " ")
    for node in p.iter(_T, _TAB, _BR, _CR):
        if _placeholder(node):
            continue
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _placeholder(node: Any) -> bool:
    """Whether text is a content control's placeholder ("Click or tap here to enter text.")."""
    for parent in node.iterancestors(_SDT, _P):
        if parent.tag == _P:
            continue
        if parent.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None:
            return True
    return False


_COLOURS: dict[str, int] = {}
_FILLS: dict[str, str | None] = {}


def _lines(container: Any, numbers: dict[Any, str]) -> list[str]:
    """A cell's text, a line per paragraph; a nested table a line per row (see the module)."""
    lines = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            lines.append(_paragraph_text(child, numbers))
        elif tag == _TBL:
            lines.extend(_nested(child, numbers))
        elif tag == _SDT:
            content = child.find(_CONTENT)
            if content is not None:
                lines.extend(_lines(content, numbers))
    return lines


def _nested(tbl: Any, numbers: dict[Any, str]) -> list[str]:
    lines = []
    for tr in _rows(tbl):
        if tr.find(f"{_W}trPr/{_W}tblHeader") is not None:
            continue  # the small table's own header ("Date | Update")
        cells = [" ".join(" ".join(_lines(tc, numbers)).split()) for tc in _row_cells(tr)]
        line = _DASH.join(c for c in cells if c)
        if line:
            lines.append(line)
    return lines


def _cell(tc: Any, numbers: dict[Any, str]) -> tuple[str, int, str | None]:
    """A cell's text (paragraphs joined by new lines), its runs' colour flags (with STRUCK when
    all its text is struck through, VERDICT_LEAD when it starts with a verdict in bold) and its
    fill."""
    texts = _lines(tc, numbers)
    flags = 0
    struck = written = 0
    lead: list[str] = []  # the text of the bold runs the cell starts with
    leading = True
    for run in tc.iter(_R):
        text = "".join(t.text or "" for t in run.iter(_T))
        if not text.strip() or _placeholder(run):
            if leading and lead and text:
                lead.append(text)
            continue
        written += 1
        colour = None
        rpr = run.find(_RPR)
        bold = False
        if rpr is not None:
            found = rpr.find(f"{_W}color")
            if found is not None:
                colour = found.get(_VAL)
            if _on(rpr.find(f"{_W}strike")) or _on(rpr.find(f"{_W}dstrike")):
                struck += 1
            bold = _on(rpr.find(f"{_W}b"))
        if leading:
            if bold:
                lead.append(text)
            else:
                leading = False
        if not colour or colour == "auto":
            flags |= OTHER
        else:
            known = _COLOURS.get(colour)
            if known is None:
                known = _COLOURS[colour] = text_class(_hex_rgb(colour))
            flags |= known
    if written and struck == written:
        flags |= STRUCK
    if lead and not leading and _verdict_lead("".join(lead)):
        flags |= VERDICT_LEAD
    fill = None
    tcpr = tc.find(_TCPR)
    if tcpr is not None:
        shd = tcpr.find(f"{_W}shd")
        if shd is not None:
            colour = shd.get(f"{_W}fill") or ""
            if colour and colour != "auto":
                if colour not in _FILLS:
                    _FILLS[colour] = fill_class(_hex_rgb(colour))
                fill = _FILLS[colour]
    return "\n".join(texts).strip(), flags, fill


def _on(toggle: Any) -> bool:
    """Whether a run property such as w:b or w:strike is present and not switched off."""
    return toggle is not None and toggle.get(_VAL) not in ("0", "false", "off")


def _verdict_lead(text: str) -> bool:
    """Whether bold words at a cell's start are a verdict alone ("Accepted.", "Partially
    accepted:"), not a bold sentence."""
    from desktop_app.importers.xlsx_vocab import verdict_word

    words = text.strip().rstrip(".:;-\u2013 ").strip()
    return bool(words) and len(words.split()) <= 3 and verdict_word(words) not in (None,
                                                                                  "awaiting")


def _props(tc: Any) -> tuple[int, str | None]:
    """(gridSpan, vMerge: None, "restart" or "continue") of a cell."""
    tcpr = tc.find(_TCPR)
    if tcpr is None:
        return 1, None
    span = 1
    grid_span = tcpr.find(f"{_W}gridSpan")
    if grid_span is not None:
        try:
            span = max(1, int(grid_span.get(_VAL) or 1))
        except ValueError:
            span = 1
    v_merge = tcpr.find(f"{_W}vMerge")
    merge = None
    if v_merge is not None:
        merge = "restart" if v_merge.get(_VAL) == "restart" else "continue"
    return span, merge


def _table(tbl: Any, name: str, numbers: dict[Any, str]) -> SheetGrid:
    rows: dict[int, dict[int, CellInfo]] = {}
    merges: list[tuple[int, int, int, int]] = []
    down: dict[int, list[int]] = {}  # first column -> [first row, span, last row]
    for r, tr in enumerate(_rows(tbl), start=1):
        row: dict[int, CellInfo] = {}
        col = 1
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        if before is not None:
            with contextlib.suppress(ValueError):
                col += int(before.get(_VAL) or 0)
        for tc in _row_cells(tr):
            span, merge = _props(tc)
            if merge == "continue" and col in down:
                down[col][2] = r
                col += span
                continue
            if col in down:
                _close(down.pop(col), col, merges)
            if merge == "restart":
                down[col] = [r, span, r]
            elif span > 1:
                merges.append((r, col, r, col + span - 1))
            text, flags, fill = _cell(tc, numbers)
            if text:
                row[col] = (text, flags, fill)
            elif fill is not None:
                row[col] = (None, 0, fill)
            col += span
        if row:
            rows[r] = row
    for col, block in down.items():
        _close(block, col, merges)
    return SheetGrid(name, rows, sorted(merges))


def _rows(tbl: Any) -> list[Any]:
    """A table's rows, including those inside content controls (a repeating section)."""
    rows = []
    for child in tbl.iterchildren():
        if child.tag == _TR:
            rows.append(child)
        elif child.tag == _SDT:
            content = child.find(_CONTENT)
            if content is not None:
                rows.extend(_rows(content))
    return rows


def _row_cells(tr: Any) -> list[Any]:
    """A row's cells, including those inside content controls (w:sdt)."""
    cells = []
    for child in tr.iterchildren():
        if child.tag == _TC:
            cells.append(child)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                cells.extend(content.iterchildren(_TC))
    return cells


def _close(block: list[int], col: int, merges: list[tuple[int, int, int, int]]) -> None:
    first, span, last = block
    if last > first or span > 1:
        merges.append((first, col, last, col + span - 1))
