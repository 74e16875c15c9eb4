"""Who was at a meeting: the rows handed between layers, and the words used to write them.

Minutes open with an attendance block ("Present: Councillor Phillip Howells (Chairperson) ...",
"Apologies were received from ...", "Councillor X (substitute for Councillor Y)", "In attendance:
Councillor Diana Toynbee, Cabinet Member for Children and Family Services"). The same words are
typed on the command line (``--present "A, B" --substitute "D for C"``), so reading them lives
here, below every layer that needs it.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterable
from typing import Any

from desktop_app.domain.enums import AttendanceKind
from desktop_app.domain.lazy_re import lazy
from desktop_app.domain.records import _Record, record

# Titles written before a name; stripped to compare names (kept as written for printing).
_TITLES = (r"(?:councillors?|cllrs?\.?|county\s+councillor|the\s+rt\.?\s+hon\.?|rev(?:erend)?\.?"
           r"|preb(?:endary)?\.?|mr\.?|mrs\.?|ms\.?|miss|mx\.?|dr\.?|prof(?:essor)?\.?|sir|dame"
           r"|lord|lady)")
_TITLE_RE = lazy(rf"^(?:{_TITLES}(?:\s+|$))+", re.I)
# "(Chairperson)", "(Vice-Chairman)", "(non-voting member)" after a member's name
_CHAIR_NOTE = lazy(r"\((?:vice[\s-]*)?chair(?:person|man|woman)?\)|\(non-voting(?: member)?\)",
                         re.I)


@record
class Attendee(_Record):
    """One line of a meeting's attendance. ``member_id`` is set when the person is a member in
    the address book; ``name`` is as written. ``substitute_for`` names the committee member a
    substitute stands in for; ``role`` says why someone else attended ("Cabinet Member for
    Education", "Officer", "Attended remotely")."""

    name: str
    kind: AttendanceKind
    substitute_for: str = ""
    role: str = ""
    member_id: int | None = None
    id: int | None = None


@record
class AttendanceSheet(_Record):
    """A meeting's attendance: its lines, the sheet's version, and when its minutes were
    approved (with a docstring, the dataclass is made without ``inspect.signature``)."""

    meeting_id: int
    meeting_date: dt.date
    committee: str
    entries: tuple[Attendee, ...] = ()
    # changes whenever anyone changes the sheet: give it back to set_attendance(if_version=)
    version: int = 0
    minutes_approved_meeting_id: int | None = None
    minutes_approved_on: dt.date | None = None  # the date of the meeting that approved them

    def of_kind(self, kind: AttendanceKind) -> list[Attendee]:
        return [e for e in self.entries if e.kind == kind]


def strip_title(name: str) -> str:
    """'Councillor Phillip Howells (Chairperson)' -> 'Phillip Howells'."""
    text = _CHAIR_NOTE.sub("", name)
    text = re.sub(r"\s+", " ", text).strip(" ,;.:")
    return _TITLE_RE.sub("", text).strip()


def name_key(name: str) -> str:
    """Names compared without titles, case, curly quotes or spacing."""
    text = strip_title(name).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).casefold()


_ROLE_START = lazy(
    r"^(?:director|head|cabinet|chief|assistant|interim|deputy|service|manager|officer|leader"
    r"|executive|representative|member|portfolio|corporate|strategic|senior|programme|democratic"
    r"|monitoring|solicitor|lead|education|parent|diocesan|church|co-?opt(?:ed|ee))\b", re.I)


_JOB_END = lazy(r"\b(?:manager|officer|lead|director|head|adviser|advisor|solicitor"
                      r"|clerk|assistant|services)\s*$", re.I)


_PLURAL = lazy(r"^(?P<area>(?:county|borough|city|town)\s+)?(?:councillors|cllrs\.?)\s*:?\s+",
               re.I)


_JOB_WORD = lazy(r"\b(?:manager|officer|lead|director|head|adviser|advisor|solicitor"
                       r"|clerk|assistant|chief|executive|monitoring|democratic)\b", re.I)


def split_names(text: str, *, officers: bool = False) -> list[str]:
    """'Councillors Graham Andrews, Toni Fagan and Mike Jones' -> three names (a shared plural
    title is given to each). Commas inside brackets do not split; 'and' inside a role ('Cabinet
    Member for Children and Family Services') does not split; a part that is a role ('Jane
    Ellis, Director of Healthwatch') stays with its name. ``officers``: a list of job titles,
    each its own entry."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".")
    if not text:
        return []
    parts: list[str] = []
    depth, current = 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth = max(0, depth - (ch == ")"))
        joiner = next((j for j in (" and ", " & ") if text.startswith(j, i)), "")
        in_role = officers or bool(re.search(r"\b(?:for|of)\b", current.split(",")[-1]))
        if depth == 0 and (ch in ",;" or (joiner and not in_role)):
            parts.append(current)
            current = ""
            i += len(joiner) or 1
            continue
        current += ch
        i += 1
    parts.append(current)
    if officers and parts:  # "... Service Manager and Joint Commissioning Manager"
        halves = parts[-1].rsplit(" and ", 1)
        named = r"[^()]+\([^()]+\)\s*"   # "Gareth Pryce (Private Sector Housing Manager)"
        if len(halves) == 2 and (all(_JOB_END.search(h) for h in halves)
                                 or all(re.fullmatch(named, h.strip()) for h in halves)):
            parts[-1:] = halves
        # "Assistant Director Quality Assurance, Safeguarding and Partnerships": one title
        joined: list[str] = []
        for part in parts:
            if joined and not _JOB_WORD.search(part):
                joined[-1] = f"{joined[-1]},{part}"
            else:
                joined.append(part)
        parts = joined
    out: list[str] = []
    for part in (p.strip(" .") for p in parts):
        if not part:
            continue
        if out and not officers and _ROLE_START.match(part) and not _TITLE_RE.match(part):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    # "Councillors Graham Andrews, Toni Fagan and Mike Jones": the plural title is each one's
    titled: list[str] = []
    title = ""
    for part in out:
        plural = _PLURAL.match(part)
        if plural:
            area = (plural["area"] or "").strip().capitalize()   # "County Councillors A, B"
            title, part = f"{area} Councillor ".lstrip(), part[plural.end():]
        elif _TITLE_RE.match(part):
            title = ""
        titled.append(title + part if title and not _TITLE_RE.match(part) else part)
    return titled


def person_and_role(text: str) -> tuple[str, str]:
    """'Councillor Diana Toynbee (Cabinet Member for Education)' or 'Mr Sam Pratley - Education
    Co-optee' or 'Jane Ellis, Director of Healthwatch' -> (name, role). A chair's note is left
    out (the member's role says it)."""
    text = re.sub(r"\s+", " ", _CHAIR_NOTE.sub("", text)).strip()
    m = re.match(r"^(?P<name>.+?)\s*\((?P<role>[^()]+)\)\s*$", text)
    if m and not _CHAIR_NOTE.fullmatch(f"({m['role']})"):
        return m["name"].strip(), m["role"].strip()
    m = re.match(r"^(?P<name>.+?)(?:\s+[-–—]|,)\s+(?P<role>.+)$", text)
    if m:
        return m["name"].strip(), m["role"].strip()
    return text, ""


def parse_substitute(text: str) -> tuple[str, str]:
    """'Councillor D Smith for Councillor C Jones' or 'D Smith (substitute for C Jones)' ->
    (substitute, member substituted). A bare name gives ("name", "")."""
    text = text.strip()
    m = re.match(r"^(?P<sub>.+?)\s*\(\s*(?:as\s+)?(?:a\s+)?(?:named\s+)?substitute\s+for\s+"
                 r"(?P<for>[^()]+)\)\s*$", text, re.I)
    if m:
        return m["sub"].strip(), m["for"].strip()
    m = re.match(r"^(?P<sub>.+?)\s+(?:attended\s+)?(?:as\s+(?:a\s+)?(?:named\s+)?substitute\s+)?"
                 r"(?:for|in\s+place\s+of)\s+(?P<for>.+)$", text, re.I)
    if m:
        return m["sub"].strip(), m["for"].strip()
    return text, ""


def sheet_fingerprint(rows: Iterable[Any]) -> int:
    """The version of a meeting's attendance sheet: changes whenever any line changes (each
    row with ``id, version, member_id, name, kind, substitute_for, role, position``: a model
    row or a plain one read with sqlite3, services/window_read_sql.py)."""
    text = "|".join(f"{r.id}:{r.version}:{r.member_id}:{r.name}:{r.kind}:{r.substitute_for}:"
                    f"{r.role}:{r.position}" for r in sorted(rows, key=lambda r: r.id))
    return zlib.crc32(text.encode("utf-8"))
