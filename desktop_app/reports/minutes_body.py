"""One item's minute as paragraphs: lists keep their (a)/(i) nesting, and what was resolved is
bold, as the seeds print it (seed 004, item 41: "**The Committee** / a) **Notes ...** /
i. **23 November agenda ...**").

The text is the item's minutes text as the minutes import (or the officer) wrote it: a list
entry a line, "• " or "- " for bullets, labels as written ("(a)", "b)", "ii."), and two spaces
in front of an entry nested under the one above. The resolutions are the item's
``resolutions`` (the import's reading of what was resolved): a line of the minute that is one
of them is printed bold; a "Resolved:" marker is bold wherever it stands.
"""

from __future__ import annotations

import dataclasses
import re

from reportlab.platypus import Flowable, Paragraph

from desktop_app.reports import fonts, theme
from desktop_app.reports.theme import esc

_ROMAN = r"(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3})"
_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<bullet>[-•*·▪◦]\s+)?"
    rf"(?P<label>\((?:[a-z]|{_ROMAN}|\d{{1,2}})\)(?=\s)|(?:[a-z]|{_ROMAN}|\d{{1,2}})[.)](?=\s))?"
    r"\s*(?P<text>.*)$", re.I)
_RESOLVED = re.compile(r"^(resolved|recommended|agreed|recommendations?)\b\s*[:\-–—]?", re.I)
_ROMAN_ONLY = re.compile(rf"^{_ROMAN}$", re.I)
_INDENT = 16.0


@dataclasses.dataclass(frozen=True)
class MinuteLine:
    text: str           # without bullet or label
    marker: str         # "•", "(a)", "ii." or "" for a plain paragraph
    depth: int          # 0 for a top-level entry
    listed: bool


def _kind(value: str, previous_letter: str | None) -> str:
    """"letter", "roman" or "number"; "i" after "h" (and "v" after "u", "x" after "w") is a
    letter."""
    if value.isdigit():
        return "number"
    if _ROMAN_ONLY.match(value):
        expected = chr(ord(previous_letter) + 1) if previous_letter else "a"
        if len(value) == 1 and value == expected:
            return "letter"
        return "roman"
    return "letter"


def read_lines(body: str) -> list[MinuteLine]:
    """The minute's non-empty lines, each with its list depth."""
    out: list[MinuteLine] = []
    stack: list[str] = []          # the kind of list open at each depth
    letters: dict[int, str] = {}   # the last letter at each depth
    for raw in (body or "").splitlines():
        if not raw.strip():
            continue
        match = _LINE.match(raw.rstrip())
        assert match is not None
        indent = len(match["indent"].expandtabs(4))
        bullet, label, text = match["bullet"], match["label"], match["text"].strip()
        if not bullet and not label:
            stack.clear()
            letters.clear()
            out.append(MinuteLine(raw.strip(), "", 0, False))
            continue
        if label:
            value = label.strip("().").lower()
            open_letter = letters.get(stack.index("letter")) if "letter" in stack else None
            kind = _kind(value, open_letter)
            marker = label
        else:
            kind, marker = "bullet", "•"
        if indent >= 2 and stack:           # written nested: one deeper than the line above
            depth = min(indent // 2, len(stack))
            del stack[depth:]
            stack.append(kind)
        elif kind in stack:                 # back to a list already open
            depth = stack.index(kind)
            del stack[depth + 1:]
        elif stack and kind == "roman":     # (i) under (a) though not indented
            stack.append(kind)
            depth = len(stack) - 1
        else:
            stack[:] = [kind]
            depth = 0
        if kind == "letter":
            letters[depth] = value
        out.append(MinuteLine(text, marker, depth, True))
    return out


def _key(text: str) -> str:
    match = _LINE.match(text.strip())
    words = match["text"] if match else text
    return " ".join(words.split()).casefold().rstrip(";,. ")


def resolution_keys(resolutions: str) -> set[str]:
    """Every line of the item's resolutions, in the form a minute line is compared in."""
    return {key for line in (resolutions or "").splitlines() if (key := _key(line))}


def paragraphs(body: str, resolutions: str = "") -> list[Flowable]:
    """The minute as paragraphs, nested lists indented, resolutions bold."""
    st = theme.styles()
    keys = resolution_keys(resolutions)
    out: list[Flowable] = []
    for line in read_lines(body):
        bold = _key(line.text) in keys
        marked = _RESOLVED.match(line.text) if not bold else None
        if bold:
            text = f"<b>{esc(line.text)}</b>"
        elif marked:
            text = f"<b>{esc(marked.group(0))}</b>{esc(line.text[marked.end():])}"
        else:
            text = esc(line.text)
        if not line.listed:
            out.append(Paragraph(text, st["body"]))
            continue
        left = 14 + _INDENT * line.depth
        style = st["body"].clone(f"minute_list_{line.depth}", leftIndent=left,
                                 bulletIndent=left - 14 + 2,
                                 bulletFontName=fonts.BOLD if bold else st["body"].fontName)
        if len(line.marker) > 3:        # "(iii)", "iii." need more room than a bullet
            style.leftIndent = left + 6
        out.append(Paragraph(text, style, bulletText=line.marker))
    return out
