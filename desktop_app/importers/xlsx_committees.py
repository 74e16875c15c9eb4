"""One workbook holding several committees' trackers, a sheet each.

Democratic services may keep every committee's action log in one workbook, a sheet per
committee, each sheet's title naming its committee ("Licensing Committee – Action Log"). An
import goes into one committee: only the sheets naming that committee are imported, and the
summary names the others, with their committees, as not imported. When none of the sheets
names the committee chosen, nothing is imported: the one-line error names the committees the
workbook holds, so the officer can choose. Sheets whose titles name no committee are imported
as before (nothing says they belong elsewhere), and so is a workbook whose sheets all name the
same committee (a sheet per meeting).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop_app.domain.lazy_re import lazy
from desktop_app.importers.xlsx_rows import ParsedWorkbook
from desktop_app.importers.xlsx_safety import fail

# "Overview and Scrutiny Committee – Action Log", "The Licensing Sub-Committee", "Place Scrutiny
# Commission", "Children's Services Scrutiny Panel" at the start of a title
_NAMED = lazy(r"^\s*(?:the\s+)?([A-Z][\w&',’.\- ]{2,90}?\b(?:sub-?committee|committee|panel|"
              r"board|commission))\b", re.I)


def committee_named(titles: Iterable[str]) -> str:
    """The committee the first title naming one names ("" when none does)."""
    for title in titles:
        m = _NAMED.match(title)
        if m:
            return " ".join(m.group(1).split())
    return ""


def _plain(name: str) -> str:
    name = name.casefold().replace("&", " and ").replace("’", "'")
    name = re.sub(r"[^\w' ]+", " ", name)
    return " ".join(w for w in name.split() if w != "the")


def same_committee(a: str, b: str) -> bool:
    """Whether two names are one committee's (case, "&" and "and", punctuation aside; a
    name without its last word "Committee" too)."""
    x, y = _plain(a), _plain(b)
    return bool(x) and (x == y or x.rsplit(" ", 1)[0] == y or y.rsplit(" ", 1)[0] == x)


def select_committee(parsed: ParsedWorkbook, committee: str) -> None:
    """Keep the rows of ``parsed`` (a ParsedWorkbook) from the sheets of ``committee`` when its
    sheets name several committees; the others are listed in ``parsed.other_committees`` and a
    note. Raises ImportFileError (one line) when no sheet names ``committee``."""
    named = parsed.sheet_committees
    distinct = {_plain(n) for n in named.values() if n}
    if len(distinct) < 2 or not committee.strip():
        return
    others = [(sheet, name) for sheet, name in named.items()
              if name and not same_committee(name, committee)]
    if len(others) == len([n for n in named.values() if n]):
        listed = "; ".join(f"sheet '{s}': {n}" for s, n in named.items() if n)
        raise fail(parsed.source or "the workbook",
                   f"holds the trackers of {len(distinct)} committees ({listed}); none of them "
                   f"is '{committee.strip()}': import it into one of those committees")
    away = {sheet for sheet, _name in others}
    parsed.rows[:] = [r for r in parsed.rows if r.sheet not in away]
    parsed.skipped[:] = [s for s in parsed.skipped if s.sheet not in away]
    parsed.hidden_rows[:] = [(s, r) for s, r in parsed.hidden_rows if s not in away]
    parsed.other_committees = others
    note = ("other committees' sheets not imported: "
            + "; ".join(f"sheet '{s}' ({n})" for s, n in others))
    if note not in parsed.notes:
        parsed.notes.append(note)

