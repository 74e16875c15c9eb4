"""Who attended, and whose minutes were approved, as minutes write it.

* Formal minutes open with a block above the first item: "Present: Councillor Phillip Howells
  (Chairperson) ...", "Councillors: Graham Andrews, Toni Fagan ...", "Virtual attendees ...",
  "In attendance: Councillors Alan Seldon and Nigel Shaw", "Officers: ...".
* Both layouts minute "Apologies for absence" ("Apologies were received from Councillor Graham
  Andrews, Mr Sam Pratley - Education Co-optee ... and Jane Ellis, Director of Healthwatch")
  and "Named substitutes" ("Councillor X attended as a substitute for Councillor Y"), and
  sometimes "[Rev Preb Michael Metcalf in attendance for this item, representing ...]".
* The item "Minutes: to approve and sign the minutes of the meeting(s) held on 23 November 2021
  and 11 January 2022" (or "Minutes of the ... meeting held on 19 July 2022"), once resolved,
  approves those earlier meetings' minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import Protocol

from desktop_app.domain.attendance import (name_key, parse_substitute, person_and_role,
                                           split_names)
from desktop_app.domain.dates import parse_uk_date
from desktop_app.domain.enums import AttendanceKind
from desktop_app.importers.minutes_lines import plain_text

VIRTUAL = "Virtual attendee"
OFFICER = "Officer"


@dataclasses.dataclass
class ProposedAttendee:
    name: str
    kind: AttendanceKind
    substitute_for: str = ""
    role: str = ""


class _Item(Protocol):
    title: str
    purpose: str
    minutes_text: str
    resolutions: list[str]


# -- the block above the first item -------------------------------------------------------

# A Welsh council writes each label twice, Welsh first: "YN BRESENNOL / PRESENT:",
# "YMDDIHEURIADAU / APOLOGIES:", "SWYDDOGION / OFFICERS:"; the English half is the label.
_WELSH_FIRST = r"(?:[^\W\d_][\w' -]{1,40}?\s*/\s*)?"
_LABEL = re.compile(
    rf"^{_WELSH_FIRST}"
    r"(?P<label>present|members\s+present|virtual\s+attendees?|remote\s+attendees?"
    r"|co-?opted\s+members?|co-?optees?"
    r"|(?:also\s+)?in\s+attendance|also\s+present|others?\s+present|officers?(?:\s+present|\s+in"
    r"\s+attendance)?|apologies(?:\s+for\s+absence)?|substitutes?|named\s+substitutes?)\s*:?"
    r"(?:\s+|$)(?P<rest>.*)$", re.I)
_BOLD_RUN = re.compile(r"<(b|strong)>(.*?)</\1>|\*\*(.+?)\*\*", re.I | re.S)


def _chunks(raw: str) -> list[str]:
    """A line's separately bold runs are separate entries ("<b>Cllr A</b> <b>Cllr B</b>")."""
    runs = [(m[2] if m[2] is not None else m[3]) for m in _BOLD_RUN.finditer(raw)]
    runs = [plain_text(r) for r in runs if plain_text(r)]
    rest = plain_text(_BOLD_RUN.sub("\t", raw))
    if len(runs) > 1 and not rest.strip(" \t:"):
        return runs
    return [plain_text(raw)]


def _kind_of(label: str) -> tuple[AttendanceKind, str]:
    label = label.casefold()
    if label.startswith(("virtual", "remote")):
        return AttendanceKind.PRESENT, VIRTUAL
    if label.startswith("officer"):
        return AttendanceKind.IN_ATTENDANCE, OFFICER
    if "attendance" in label or label.startswith(("also", "other")):
        return AttendanceKind.IN_ATTENDANCE, ""
    if label.startswith("co"):
        return AttendanceKind.PRESENT, ""
    if label.startswith("apolog"):
        return AttendanceKind.APOLOGIES, ""
    if "substitute" in label:
        return AttendanceKind.SUBSTITUTE, ""
    return AttendanceKind.PRESENT, ""


# "Cynghorydd / Councillor Eleri Morgan", "Cynghorwyr / Councillors: A, B and C": the
# bilingual honorific as one, in English (the names are recorded once).
_BILINGUAL_TITLE = re.compile(r"\b(?:Y\s+)?(?:Cynghorydd|Cynghorwyr|Cyng\.?)\s*/\s*"
                              r"(?=(?:County\s+)?(?:Councillors?|Cllrs?)\b)", re.I)


def _entries(texts: list[str], kind: AttendanceKind, note: str) -> list[ProposedAttendee]:
    out = []
    for text in texts:
        text = _BILINGUAL_TITLE.sub("", text)
        text = re.sub(r"^((?:County\s+)?Councillors?|Cllrs?)\s*:\s*", r"\1 ", text.strip(),
                      flags=re.I)   # "Councillors: A, B and C"
        text = text.strip(" \t:")
        if not text or re.match(r"^(?:none|nil|n/a|there were no)\b", text, re.I):
            continue
        if kind == AttendanceKind.SUBSTITUTE:
            for part in split_names(text):
                name, stood_for = parse_substitute(part)
                out.append(ProposedAttendee(name, kind, substitute_for=stood_for))
            continue
        for part in split_names(text, officers=note == OFFICER):
            if note == OFFICER:
                out.append(ProposedAttendee(part, kind, role=OFFICER))
                continue
            sub, stood_for = parse_substitute(part)
            if stood_for and re.search(r"substitute", part, re.I):
                out.append(ProposedAttendee(sub, AttendanceKind.SUBSTITUTE, substitute_for=stood_for))
                continue
            name, role = person_and_role(part)
            out.append(ProposedAttendee(name, kind, role=note or role))
    return out


def _logical_lines(header: Sequence[str]) -> list[str]:
    """A list wrapped by hand is one line again: a line ending with a comma, or followed by one
    opening with a bracket or a small letter ("Mrs L. Watkins" / "(Church in Wales)."), goes on
    with the next, unless the next is a label of its own."""
    out: list[str] = []
    for raw in header:
        text = plain_text(raw)
        if out and text and plain_text(out[-1]) and not _LABEL.match(text) and (
                plain_text(out[-1]).endswith(",") or text[:1] == "(" or text[:1].islower()):
            out[-1] = f"{out[-1].rstrip()} {raw.strip()}"
            continue
        out.append(raw)
    return out


def read_block(header: Sequence[str]) -> list[ProposedAttendee]:
    """The attendance block of formal minutes (the lines above the first item)."""
    header = _logical_lines(header)
    out: list[ProposedAttendee] = []
    current: tuple[AttendanceKind, str] | None = None
    alone = False   # the label stood alone on its line ("YN BRESENNOL / PRESENT:")
    out_since_label = False
    for raw in header:
        text = plain_text(raw)
        if not text:
            if not (alone and not out_since_label):
                current = None  # a blank line ends a label's continuation lines
            continue
        m = _LABEL.match(text)
        if m:
            current = _kind_of(m["label"])
            alone = not m["rest"].strip()
            out_since_label = False
            chunks = _chunks(raw)
            if len(chunks) > 1:
                first = _LABEL.match(chunks[0])
                if first and not first["rest"].strip():
                    chunks = chunks[1:]
                elif first:
                    chunks[0] = first["rest"]
            else:
                chunks = [m["rest"]]
            out.extend(_entries(chunks, *current))
        elif current is not None and (raw[:1] in ("\t", " ") or alone):
            # lines under a label that stood alone are its names, indented or not, to the
            # next label or blank line (one a line: a Welsh block, a table's next cell)
            out.extend(_entries(_chunks(raw), *current))
            out_since_label = True
        else:
            current = None
    return out


# -- the items ----------------------------------------------------------------------------

_APOLOGIES = re.compile(
    r"(?:apologies|an\s+apology)\s+(?:for\s+absence\s+)?(?:were|was|had\s+been)\s+(?:received|submitted|given|"
    r"tendered|made)\s+(?:from|by|on\s+behalf\s+of)\s+(?P<names>.+?)\.?$", re.I)
_SUBSTITUTE = re.compile(
    r"(?P<sub>(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr)\s+[^.]+?)\s+(?:attended|was\s+present)?"
    r"\s*(?:as\s+(?:a\s+)?(?:named\s+)?substitute(?:\s+member)?\s+for|in\s+place\s+of"
    r"|substituted\s+for)\s+(?P<for>(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr)\s+[^.,;]+)",
    re.I)
# the end of the sentence naming them: not the stop after an initial ("Councillor J. Hughes")
# or a title ("Dr. Patel")
_FULL_STOP = re.compile(r"(?<!\b[A-Z])(?<!\bCllr)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)"
                        r"\.\s+(?=[A-Z])")
_FOR_ITEM = re.compile(r"^\[?(?P<name>[^\[\]]+?)\s+in\s+attendance\s+for\s+(?:this|the)\s+item"
                       r",?\s*(?P<role>[^\[\]]*?)\]?$", re.I)


def read_items(items: Sequence[_Item]) -> list[ProposedAttendee]:
    """Apologies, named substitutes and people in attendance for an item, from the minutes."""
    out: list[ProposedAttendee] = []
    for item in items:
        for para in re.split(r"\n+", item.minutes_text):
            text = plain_text(para).strip()
            if m := _APOLOGIES.search(text):
                names = _FULL_STOP.split(m["names"])[0]
                for part in split_names(names):
                    name, role = person_and_role(part)
                    out.append(ProposedAttendee(name, AttendanceKind.APOLOGIES, role=role))
            for m in _SUBSTITUTE.finditer(text):
                out.append(ProposedAttendee(m["sub"].strip(), AttendanceKind.SUBSTITUTE,
                                            substitute_for=m["for"].strip()))
            if m := _FOR_ITEM.match(text):
                role = m["role"].strip(" ,.")
                out.append(ProposedAttendee(m["name"].strip(), AttendanceKind.IN_ATTENDANCE,
                                            role=f"for item {_number(item)}"
                                            + (f", {role}" if role else "")))
    return out


def _number(item: _Item) -> str:
    return str(getattr(item, "number", "")).strip() or item.title


def read_attendance(header: Sequence[str], items: Sequence[_Item]) -> list[ProposedAttendee]:
    """The block, then what the items add; one entry per person (the block's first)."""
    out: list[ProposedAttendee] = []
    seen: set[str] = set()
    for entry in [*read_block(header), *read_items(items)]:
        key = name_key(entry.name)
        if key and key not in seen:
            seen.add(key)
            out.append(entry)
    return out


# -- minutes approved ---------------------------------------------------------------------

_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november"
           r"|december")
_ANY_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\b(?:,?\s+(\d{{4}}))?",
                       re.I)
_ABOUT_MINUTES = re.compile(r"\bminutes\s+of\b", re.I)
_RESOLVED = re.compile(r"\b(?:approved|agreed|confirmed|signed|correct\s+record|accurate\s+record)"
                       r"\b", re.I)


def _dates(text: str, before: dt.date | None) -> list[dt.date]:
    out = []
    for m in _ANY_DATE.finditer(text):
        year = m[3]
        if year is None:
            if before is None:
                continue
            day = parse_uk_date(f"{m[1]} {m[2]} {before.year}")
            if day is not None and day >= before:
                day = parse_uk_date(f"{m[1]} {m[2]} {before.year - 1}")
        else:
            day = parse_uk_date(f"{m[1]} {m[2]} {year}")
        if day is not None and (before is None or day < before) and day not in out:
            out.append(day)
    return out


def read_approvals(items: Sequence[_Item], meeting_date: dt.date | None) -> list[dt.date]:
    """The earlier meetings whose minutes these minutes approve: an item about "the minutes of"
    a meeting whose minutes say they were approved (agreed, confirmed, signed)."""
    out: list[dt.date] = []
    for item in items:
        asked = f"{item.title}\n{item.purpose}"
        decided = "\n".join([item.minutes_text, *item.resolutions])
        about = _ABOUT_MINUTES.search(asked) or re.fullmatch(r"\s*minutes\s*", item.title, re.I)
        if not about or not (_ABOUT_MINUTES.search(decided) and _RESOLVED.search(decided)):
            continue
        for day in _dates(asked, meeting_date) or _dates(decided, meeting_date):
            if day not in out:
                out.append(day)
    return out
