"""The words of a row that the officer's file keeps: the status word as written, the RAG
colour, the columns no field takes (``extra``), and whether the status word is one nobody knows.

- The status word is kept as written ("Paused", "Complete", "Yes"); a word nobody knows never
  blocks the row: the row comes in open and the word is counted in the import's summary (the
  officer may then say what it means: ``import --status "Paused=open"``).
- A RAG column is RAG, not a status ("Green" is often "on track"), unless a key above or beside
  the table says what each colour means ("Green = achieved, monitoring no longer required",
  "Blue = Complete" of a BRAG log): then, on a sheet with no status column of its own, the key
  sets the status from the colour. Blue is not a RAG colour: its row's ``rag`` stays empty.
- Every column that no field takes is kept per record, header text -> cell text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from desktop_app.domain.enums import ActionStatus, ImplementationStatus
from desktop_app.importers import xlsx_values as V
from desktop_app.importers.grid import CellInfo
from desktop_app.domain.lazy_re import lazy

RAG_COLOURS = ("red", "amber", "green")
_RAG_WORDS = {"red": "red", "r": "red", "amber": "amber", "a": "amber", "yellow": "amber",
              "green": "green", "g": "green"}
_KEY = lazy(r"\b(blue|red|amber|green)\s*(?:=|:|–|—|-)\s*(.+?)"
            r"(?=[,;.]?\s*\b(?:blue|red|amber|green)\s*(?:=|:|–|—|-)|\.\s+[A-Z]|$)", re.I)
# (a meaning ends at the next colour, or at the end of its sentence: "Red – off track. Completed
# actions are struck through" gives Red no "completed")
# a key by letters ("G = Complete", "A = In progress", "R = Not started"): capitals only, and
# believed only when two or more colours are given so (a lone "A: ..." is no key)
_LETTER_KEY = lazy(r"(?<!\w)([BRAG])\s*(?:=|:|–|—)\s*(.+?)"
                   r"(?=[,;.]?\s*(?<!\w)[BRAG]\s*(?:=|:|–|—)|$)")
_LETTERS = {"B": "blue", "R": "red", "A": "amber", "G": "green"}
_KEY_TITLE = lazy(r"^(?:b?rag\s+)?key\b|\bkey:?$", re.I)  # "Key", "BRAG key", "RAG key:"
_KEY_DONE = lazy(r"\b(?:achieved|complete[d]?|done|closed|implemented|delivered|finished|"
                 r"no longer required|resolved)\b", re.I)
_KEY_UNDER_WAY = lazy(r"\b(?:in progress|on target|on track|under ?way|progressing|"
                      r"partially)\b", re.I)


# a banner over a section of an action log: "COMPLETED ACTIONS (to be removed after
# reporting)", "Outstanding actions", "Actions completed since the last meeting"
_DONE_WORDS = r"completed?|closed|done|archived?|finished|reported complete"
_OPEN_WORDS = r"outstanding|open|current|live|ongoing|in progress|incomplete|not (?:yet )?complete"
_SECTION = lazy(rf"^\s*(?:(?P<done>{_DONE_WORDS})\s+actions?|(?P<open>{_OPEN_WORDS})\s+actions?"
                rf"|actions\s+(?:(?P<done2>{_DONE_WORDS})|(?P<open2>{_OPEN_WORDS})))\b", re.I)


def action_section(value: Any) -> tuple[bool, bool] | None:
    """(completed, reported) of the actions under a section banner; None if ``value`` is no
    such banner. The section is the status of the rows under it, until the next one."""
    if not isinstance(value, str):
        return None
    m = _SECTION.match(value)
    if m is None:
        return None
    done = bool(m.group("done") or m.group("done2"))
    return done, done and bool(re.search(r"\breported\b", value, re.I))


def rag_of(value: Any) -> str:
    """"red", "amber" or "green" from a RAG cell's words; "" for anything else."""
    return _RAG_WORDS.get(V.text(value).strip(" .").lower(), "")


def colour_of(value: Any) -> str:
    """rag_of's colour, or "blue" (BRAG: Blue is usually "complete", when a key says so)."""
    word = V.text(value).strip(" .").lower()
    return "blue" if word in ("blue", "b") else _RAG_WORDS.get(word, "")


_KEY_ROWS = 30  # a key beside the table sits beside its first rows


def key_beside(grid: Any, header_row: int, columns: Iterable[int]) -> tuple[list[str], set[int]]:
    """A key written beside the table rather than above it: (its lines, its columns). A column
    the header does not map is a key when, beside the table's first rows, it gives two or more
    colours one line each ("Blue = Complete", "Red = Overdue") and holds nothing else anywhere
    but its name ("Key"). (A comments column that starts "Amber - awaiting data" on every row
    repeats its colours, and is kept as a column.)"""
    mapped = set(columns)
    lines: dict[int, list[str]] = {}
    window = [n for n in sorted(grid.rows) if n >= header_row][:_KEY_ROWS]
    for number in window:
        for col, info in grid.rows[number].items():
            value = info[0]
            if col not in mapped and isinstance(value, str) and _KEY.search(value):
                lines.setdefault(col, []).append(value.strip())
    found: dict[int, list[str]] = {}
    for col, texts in lines.items():
        colours = [m.group(1).lower() for t in texts for m in _KEY.finditer(t)]
        if len(set(colours)) < 2 or len(colours) != len(set(colours)):
            continue
        if all(info[0] is None or isinstance(info[0], str) and (
                info[0].strip() in texts or _KEY_TITLE.search(info[0].strip()))
               for n, row in grid.rows.items() if n >= header_row
               for info in (row.get(col),) if info is not None):
            found[col] = texts
    return [t for c in sorted(found) for t in found[c]], set(found)


def rag_key_in(texts: Iterable[str]) -> dict[str, str]:
    """colour -> "completed" / "in_progress" / "open", from a key written above the table;
    {} when there is none."""
    key: dict[str, str] = {}
    texts = [t.strip() for t in texts]
    found = [(m.group(1).lower(), m.group(2)) for t in texts for m in _KEY.finditer(t)]
    letters = [(_LETTERS[m.group(1)], m.group(2)) for t in texts
               for m in _LETTER_KEY.finditer(t)]
    if len({colour for colour, _meaning in letters}) >= 2:
        found = letters + found  # the words win where both are given
    for colour, meaning in found:
        if _KEY_DONE.search(meaning) and not re.search(r"\bnot\b", meaning, re.I):
            key[colour] = "completed"
        elif _KEY_UNDER_WAY.search(meaning) and not re.search(r"\bnot\b", meaning, re.I):
            key[colour] = "in_progress"
        else:
            key[colour] = "open"
    return key


def key_for(kind: str, key: Mapping[str, str]) -> dict[str, str]:
    """The key as this kind's statuses (an action has no "in progress": it is open)."""
    if kind != "actions":
        return dict(key)
    return {c: ("completed" if s == "completed" else "open") for c, s in key.items()}


def known_status(kind: str, value: Any, fill: str | None, reported_column: bool) -> bool:
    """Whether the status words mean something to the importer (an empty cell does)."""
    try:
        if kind == "actions":
            V.action_status(value, fill, reported_column)
        elif kind == "recommendations":
            V.recommendation_status(value, fill)
        else:
            V.work_status(value)
    except ValueError:
        return False
    return True


def row_words(kind: str, row: Mapping[int, CellInfo], status_col: int | None,
              rag_col: int | None, rag_key: Mapping[str, str],
              extra_cols: Iterable[tuple[int, str]], reported_column: bool = False,
              carried_word: str = "", word_col: int | None = None,
              rag_is_status: bool = False) -> tuple[dict[str, Any], Any]:
    """(the row's words as fields: status_word, rag, extra, unknown_status and - when a RAG key
    set the status - rag_key; the status a RAG key sets, or None to leave the row's own). See
    the module's notes. ``word_col``: a "Status as written" column (the app's own export),
    which gives the status word as it was kept. (Once per row of a large log: plain dicts.)"""
    status_word, unknown, rag, status = "", "", "", None
    words: dict[str, Any] = {}
    info = row.get(status_col) if status_col is not None else None
    value = info[0] if info is not None else None
    if isinstance(value, str) and value.strip():
        status_word = value.strip()
        if not known_status(kind, value, info[2] if info else None, reported_column):
            unknown = status_word
    elif value is None:
        status_word = carried_word
    if rag_col is not None:
        cell = row.get(rag_col)
        colour = colour_of(cell[0] if cell is not None else None)
        shaded = not colour and cell is not None and cell[0] is None and bool(cell[2])
        if shaded and cell is not None:
            colour = cell[2]  # no word, only the cell's shading: the shading is the RAG
        rag = "" if colour == "blue" else colour
        if rag_is_status and colour and (rag or colour in rag_key):
            # a colour word alone says nothing about the status unless a key on the sheet
            # does; a shading alone is read by the status rules (V.action_status) unless a
            # key says what it means
            meanings = key_for(kind, rag_key)
            if meanings:
                words["rag_key"] = meanings
                if colour in meanings:
                    unknown = ""  # "Blue": a word the key explains
            if meanings or not shaded:
                status = _status(kind, meanings.get(colour, "open"))
    if word_col is not None:
        cell = row.get(word_col)
        status_word = V.text(cell[0]) if cell is not None else ""
    extra: dict[str, str] = {}
    for col, label in extra_cols:
        cell = row.get(col)
        if cell is not None and cell[0] is not None:
            shown = V.text(cell[0])
            if shown:
                extra[label] = shown
    words["status_word"], words["rag"] = status_word, rag
    words["extra"], words["unknown_status"] = extra, unknown
    return words, status


def _status(kind: str, name: str) -> Any:
    if kind == "actions":
        return ActionStatus(name)
    return ImplementationStatus(name)
