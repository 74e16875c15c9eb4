"""Word's automatic numbering (numbering.xml) as the numbers a reader sees: "R1", "2.", "a)".

A recommendation report numbers its recommendations with a list style, so the numbers are in no
paragraph's text; ``paragraph_numbers`` counts them through the document in order, per list
(abstractNum), a level restarting under the level above it, as Word does for the usual lists.
"""

from __future__ import annotations

import contextlib
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _VAL = f"{_W}p", f"{_W}pPr", f"{_W}val"


_FORMATS = {"decimal": str, "lowerLetter": lambda n: _letters(n).lower(),
            "upperLetter": lambda n: _letters(n), "lowerRoman": lambda n: _roman(n).lower(),
            "upperRoman": lambda n: _roman(n), "decimalZero": lambda n: f"{n:02d}"}


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def paragraph_numbers(document: Any) -> dict[Any, str]:
    """Each paragraph Word numbers itself -> its number as shown ("R1", "2.", "a)"), counted in
    document order per list (numbering.xml's abstractNum), a level restarting under the level
    above it. Bullets and pictures are not numbers."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (abstract, ilvl) -> fmt, text, start
    for abstract in numbering.iterchildren(f"{_W}abstractNum"):
        aid = abstract.get(f"{_W}abstractNumId") or ""
        for lvl in abstract.iterchildren(f"{_W}lvl"):
            fmt, text, start = lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText"), \
                lvl.find(f"{_W}start")
            with contextlib.suppress(ValueError, TypeError):
                levels[(aid, int(lvl.get(f"{_W}ilvl") or 0))] = (
                    fmt.get(_VAL) if fmt is not None else "decimal",
                    text.get(_VAL) if text is not None else "",
                    int(start.get(_VAL)) if start is not None else 1)
    abstract_of = {}
    for num in numbering.iterchildren(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is not None:
            abstract_of[num.get(f"{_W}numId")] = ref.get(_VAL)
    counts: dict[str, dict[int, int]] = {}
    found: dict[Any, str] = {}
    for p in document.element.body.iter(_P):
        num_pr = p.find(f"{_PPR}/{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl_el = num_pr.find(f"{_W}ilvl")
        abstract = abstract_of.get(num_id.get(_VAL) if num_id is not None else None)
        try:
            ilvl = int(ilvl_el.get(_VAL)) if ilvl_el is not None else 0
        except (TypeError, ValueError):
            continue
        if abstract is None or (abstract, ilvl) not in levels:
            continue
        count = counts.setdefault(abstract, {})
        count[ilvl] = count.get(ilvl, levels[(abstract, ilvl)][2] - 1) + 1
        for deeper in [k for k in count if k > ilvl]:
            del count[deeper]
        fmt, text, _start = levels[(abstract, ilvl)]
        if fmt not in _FORMATS or not text:
            continue
        for level in range(ilvl + 1):
            level_fmt = levels.get((abstract, level), ("decimal", "", 1))[0]
            shown = _FORMATS.get(level_fmt, str)(count.get(level, 1))
            text = text.replace(f"%{level + 1}", shown)
        found[p] = text
    return found
