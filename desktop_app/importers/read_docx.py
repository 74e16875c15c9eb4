"""The tables of a Word (.docx) document into grids, one per table ("Table 1", "Table 2", ...).

Each table's title (``SheetGrid.caption``) is the nearest heading above it, else the nearest
paragraph. It is also put in the grid as row 0, above the table's first row, so that it is read
exactly as a sheet's title row is (a meeting date in it counts as the meeting) while the table's
rows keep their own numbers (row 1 is the table's first row). A cell merged
down (``w:vMerge``) or across (``w:gridSpan``) is a merged range, filled down like a merged
range of a workbook. Text colour (blue = new, red = updated) comes from each run's colour, and a
cell's shading is its fill (RAG). python-docx opens the package; the table XML is then walked
directly with lxml (python-docx's ``row.cells`` rebuilds the grid for every row).
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import Any

from desktop_app.importers.grid import CellInfo, SheetGrid
from desktop_app.importers.xlsx_colours import OTHER, _hex_rgb, fill_class, text_class
from desktop_app.importers.xlsx_safety import ImportFileError, fail

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _T = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "r", "t"))
_TAB, _BR, _CR = f"{_W}tab", f"{_W}br", f"{_W}cr"
_TCPR, _RPR, _PPR = f"{_W}tcPr", f"{_W}rPr", f"{_W}pPr"
_VAL = f"{_W}val"
_HEADING = re.compile(r"^(heading|title|subtitle)", re.I)


def read_docx(path: str | os.PathLike[str]) -> list[SheetGrid]:
    """Every table of a checked .docx as a SheetGrid (merges filled down)."""
    import docx

    try:
        document = docx.Document(str(path))
        grids = _tables(document.element.body)
    except ImportFileError:
        raise
    except MemoryError:
        raise fail(path, "the document is too large to read") from None
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds
        detail = (str(exc).strip() or exc.__class__.__name__)[:200]
        raise fail(path, f"the Word document cannot be read ({detail})") from None
    if not grids:  # a letter answering recommendations paragraph by paragraph, or nothing
        from desktop_app.importers.exec_letter import letter_grid

        letter = letter_grid([_paragraph_text(p) for p in document.element.body.iterchildren(_P)])
        if letter is not None:
            return [letter]
        raise fail(path, "the Word document has no table (a tracker in Word must be a table)")
    for grid in grids:
        grid.fill_merges()
    return grids


def _tables(body: Any) -> list[SheetGrid]:
    grids: list[SheetGrid] = []
    heading = paragraph = ""
    headings: list[str] = []
    for child in body.iterchildren():
        tag = child.tag
        if tag == _P:
            text = " ".join(_paragraph_text(child).split())
            if not text:
                continue
            paragraph = text
            if _HEADING.match(_style(child)):
                heading = text
                headings.append(text)
        elif tag == _TBL:
            grid = _table(child, f"Table {len(grids) + 1}")
            grid.caption = heading or paragraph
            grid.headings = headings
            if grid.caption:  # row 0: above the table's first row, read as a title row is
                grid.rows[0] = {1: (grid.caption, 0, None)}
            grids.append(grid)
            heading = paragraph = ""
            headings = []
    return grids


def _style(p: Any) -> str:
    ppr = p.find(_PPR)
    if ppr is None:
        return ""
    style = ppr.find(f"{_W}pStyle")
    return (style.get(_VAL) or "") if style is not None else ""


def _paragraph_text(p: Any) -> str:
    parts = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


_COLOURS: dict[str, int] = {}
_FILLS: dict[str, str | None] = {}


def _cell(tc: Any) -> tuple[str, int, str | None]:
    """A cell's text (paragraphs joined by new lines), its runs' colour flags and its fill."""
    texts = []
    flags = 0
    for p in tc.iter(_P):
        texts.append(_paragraph_text(p))
        for run in p.iter(_R):
            if not any((t.text or "").strip() for t in run.iter(_T)):
                continue
            colour = None
            rpr = run.find(_RPR)
            if rpr is not None:
                found = rpr.find(f"{_W}color")
                if found is not None:
                    colour = found.get(_VAL)
            if not colour or colour == "auto":
                flags |= OTHER
            else:
                known = _COLOURS.get(colour)
                if known is None:
                    known = _COLOURS[colour] = text_class(_hex_rgb(colour))
                flags |= known
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


def _table(tbl: Any, name: str) -> SheetGrid:
    rows: dict[int, dict[int, CellInfo]] = {}
    merges: list[tuple[int, int, int, int]] = []
    down: dict[int, list[int]] = {}  # first column -> [first row, span, last row]
    for r, tr in enumerate(tbl.iterchildren(_TR), start=1):
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
            text, flags, fill = _cell(tc)
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
