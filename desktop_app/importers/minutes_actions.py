"""Actions arising under one item of the minutes, and who is to do each.

Actions are read only under an "Actions arising:" or "Action:" heading: the entries listed
below it, or the sentences that name someone "to" do something ("The Head of Housing to
circulate the figures"). The owner is the role or person such a sentence names; nothing is
guessed from discussion notes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from desktop_app.domain.dates import parse_uk_date
from desktop_app.importers.minutes_lines import Line, strip_connector


@dataclasses.dataclass
class ProposedAction:
    text: str
    owner: str = ""
    due: str = ""  # ISO date when the action ends "by 31 October 2023", else ""

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


_ACTIONS = re.compile(
    r"^(?:actions?(?:\s+arising(?:\s+from\s+(?:the|this)\s+(?:item|meeting|discussion))?)?"
    r"|actions?\s+agreed|agreed\s+actions?)\s*(?:[:\-–—]\s*(?P<rest>.*))?$", re.I)

# "The Deputy Monitoring Officer to provide ...": a named role, then "to <verb>" (not "to be").
_OWNER_WORD = r"(?:[A-Z][\w'’.&-]*|of|and|for|the|to|&)"
_OWNER = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<owner>[A-Z][\w'’.&-]*(?:\s+{_OWNER_WORD})*?)\s+(?:to|will|would)\s+"
    r"(?!be\b|the\b|a\b|an\b|all\b|each\b)[a-z]+")


# The due date an officer reads at the end of an action: "... by 31 October 2023.", "by
# 15/12/2023", "no later than 31 January 2024", "before Cabinet on 10 October 2023" (the
# meeting's day) and "by the end of March 2024" (the last day of that month). "Within 28 days"
# counts from the meeting, so it is worked out once the meeting's date is known
# (``relative_due``). Anything else ("before the June meeting") is not a date.
_A_DATE = (r"(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
           r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_DUE = re.compile(
    rf"\b(?:by|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before"
    rf"|before\s+(?:the\s+)?[\w'’&-]+(?:\s+[\w'’&-]+){{0,6}}?\s+(?:on|of)(?:\s+the)?)"
    rf"\s+(?:the\s+)?(?P<date>{_A_DATE})\W*$")
_MONTH_END = re.compile(r"\b(?:by|before|no\s+later\s+than)\s+(?:the\s+)?end\s+of\s+"
                        r"(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\W*$", re.I)
_WITHIN = re.compile(r"\bwithin\s+(?P<n>\d{1,3}|one|two|three|four|six|eight|twelve)\s+"
                     r"(?:(?:calendar|working)\s+)?(?P<unit>days?|weeks?)"
                     r"(?:\s+of\s+(?:the|this)\s+meeting)?\W*$", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "twelve": 12}


# "Action:" inside a paragraph, after a full stop or an opening bracket, to the end of its
# sentence or bracket: "... in the quarter. Action: the Head of X to circulate ... 2023. The"
_INLINE = re.compile(r"(?:(?<=[.!?]\s)|(?<=\())actions?\s*:\s*(?P<text>[^()]+?)"
                     r"(?:\)|[.!?](?=\s+[A-Z(])|[.!?]?\s*$)", re.I)


def action_due(text: str) -> str:
    """The date an action is due by, when it ends with one ("... by 31 October 2023", "no later
    than 31 January 2024", "before Cabinet on 16 January 2024", "by the end of March 2024")."""
    day = None
    if m := _DUE.search(text):
        day = parse_uk_date(m["date"])
    elif m := _MONTH_END.search(text):
        first = parse_uk_date(f"1 {m['month']} {m['year']}")
        if first is not None:
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            day = following - dt.timedelta(days=1)
    return day.isoformat() if day else ""


def relative_due(text: str, meeting: dt.date) -> str:
    """"... within 28 days" (of the meeting): the day it falls on, or ""."""
    m = _WITHIN.search(text)
    if not m:
        return ""
    n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
    days = n * 7 if m["unit"].lower().startswith("week") else n
    if m["unit"].lower().startswith("day") and "working" in m[0].lower():
        return ""  # working days need the bank holidays: left to the officer
    return (meeting + dt.timedelta(days=days)).isoformat()


def new_action(text: str) -> ProposedAction:
    return ProposedAction(text, action_owner(text), action_due(text))


# "The Committee further AGREED that the Assistant Director would provide ...": an officer's
# task agreed in the meeting (the Committee, Cabinet or Council as the subject is a decision).
_AGREED_THAT = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:the\s+(?:committee|sub-committee|panel|board)|it\s+was)\s+"
    r"(?:(?:also|further|then|unanimously)\s+)?agreed\s+that\s+(?P<text>.+?)"
    r"(?:[.!?](?=\s+[A-Z(])|[.!?]?\s*$)", re.I)
_NOT_AN_OFFICER = re.compile(r"\b(?:committee|panel|board|members?|cabinet|council|executive)$",
                             re.I)


# A resolution that an officer do something ("That the Head of Waste Services provide the
# Committee with ... by 30 September 2023") asks no response of the executive: it is an action.
_OFFICER_TASK = re.compile(
    r"^(?i:that\s+the)\s+(?P<owner>(?:[A-Z][\w'’&-]*\s+){0,4}?"
    r"(?:Officer|Manager|Director|Chief\s+Executive|Head\s+of(?:\s+[A-Z][\w'’&-]*|\s+and)+)"
    r"(?:\s+of(?:\s+[A-Z][\w'’&-]*|\s+and)+)?)"
    r"\s+(?!be\b|is\b|was\b|has\b|had\b|and\b)[a-z]+\b(?!\s+be\s+recommended)")


def officer_task(text: str) -> ProposedAction | None:
    m = _OFFICER_TASK.match(text)
    if not m or re.search(r"\brecommend", text, re.I):
        return None
    return ProposedAction(text, m["owner"].strip(), action_due(text))


def _sentence(words: str) -> str:
    words = words.strip()
    words = words[:1].upper() + words[1:]
    return words if words.endswith((".", "!", "?")) else words + "."


def inline_actions(text: str) -> list[ProposedAction]:
    """Actions written into the middle of a paragraph ("... (Action: X to report ...)"), and
    tasks the Committee agreed an officer would do ("AGREED that the Head of X would ...")."""
    found = [new_action(_sentence(m["text"])) for m in _INLINE.finditer(text)]
    for m in _AGREED_THAT.finditer(text):
        action = new_action(_sentence(m["text"]))
        if action.owner and not _NOT_AN_OFFICER.search(action.owner):
            found.append(action)
    return found


def action_owner(text: str) -> str:
    """The role or person an action names as doing it, or "" when the sentence names none."""
    m = _OWNER.match(text.strip())
    if not m:
        return ""
    owner = m["owner"].strip()
    if owner.split()[-1] in ("of", "and", "for", "the", "to", "&"):
        return ""
    return owner


def actions_heading(text: str) -> str | None:
    """The words after an "Actions arising:" heading ("" for a bare heading), or None."""
    m = _ACTIONS.match(text)
    return (m["rest"] or "").strip() if m else None


def is_actions_heading(text: str) -> bool:
    return bool(_ACTIONS.match(text))


def read_actions(lines: list[Line], i: int, rest: str,
                 is_break: Callable[[Line], bool]) -> tuple[list[ProposedAction], int]:
    """The actions under the heading at ``lines[i]`` (``rest``: the words after it on the same
    line), and the index of the first line after them. ``is_break`` tells a line that starts
    something else (a resolution, another heading)."""
    found: list[ProposedAction] = []

    def add(text: str, truncated: bool) -> None:
        text = strip_connector(text.strip())
        if truncated or not text:
            return
        found.append(new_action(text))

    def listed(j: int) -> bool:
        return j < len(lines) and lines[j].listed

    def unlisted(j: int) -> Line | None:
        return lines[j] if j < len(lines) and not lines[j].listed else None

    if rest:
        add(rest, lines[i].truncated)
        return found, i + 1
    j = i + 1
    if listed(j):
        while listed(j):
            text = lines[j].text
            truncated = lines[j].truncated
            j += 1
            while (following := unlisted(j)) is not None and following.text[:1].islower() \
                    and not re.search(r"[.!?]$", text):
                text += " " + following.text
                truncated |= following.truncated
                j += 1
            add(text, truncated)
        return found, j
    while (line := unlisted(j)) is not None and not is_break(line) \
            and (action_owner(line.text) or re.search(r"\bto\s+be\s+\w+", line.text)):
        add(line.text, line.truncated)
        j += 1
    return found, j


# ----------------------------------------------------------------------------- actions tables

_ACTION_HEAD = re.compile(r"^(?:agreed\s+)?actions?(?:\s+(?:agreed|required|arising))?$", re.I)
_OWNER_HEAD = re.compile(r"^(?:lead(?:\s+officer)?|owner|responsible(?:\s+officer)?|"
                         r"officer|who|by\s+whom|action\s+by)$", re.I)
_DUE_HEAD = re.compile(r"^(?:deadline|due(?:\s+date)?|by\s+when|target\s+date|date\s+due|"
                       r"timescale|when)$", re.I)


def _cells(text: str) -> list[str] | None:
    text = text.strip()
    if not (text.startswith("|") and text.endswith("|") and len(text) > 1):
        return None
    return [cell.strip() for cell in text[1:-1].split("|")]


def action_columns(header: list[str]) -> tuple[int, int | None, int | None] | None:
    """(action, owner, due) column numbers of an actions table's header row, or None when the
    row does not head one: it needs an "Action" column and an owner or a deadline column."""
    def find(pattern: re.Pattern[str]) -> int | None:
        return next((k for k, cell in enumerate(header) if pattern.match(cell.strip(" *:"))),
                    None)
    action, owner, due = find(_ACTION_HEAD), find(_OWNER_HEAD), find(_DUE_HEAD)
    if action is None or (owner is None and due is None):
        return None
    return action, owner, due


def read_action_table(lines: list[Line], i: int) -> tuple[list[ProposedAction], int] | None:
    """The actions in a pipe table ("| Action | Lead officer | Deadline |", as markdown writes
    it or as a Word table is read) whose header is ``lines[i]``; None when it heads no such
    table. The owner is the cell as written; the due date only when the cell is one date
    ("Before the June meeting" leaves it empty)."""
    header = _cells(lines[i].text)
    columns = action_columns(header) if header else None
    if columns is None:
        return None
    action, owner, due = columns
    found = []
    j = i + 1
    while j < len(lines) and (cells := _cells(lines[j].text)) is not None:
        j += 1
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c) or len(cells) <= action:
            continue  # the markdown rule under the header
        text = cells[action].strip()
        if not text:
            continue
        who = cells[owner].strip() if owner is not None and owner < len(cells) else ""
        day = parse_uk_date(cells[due]) if due is not None and due < len(cells) else None
        # no deadline column: the action's own words may give one ("... by 30 September 2024")
        when = day.isoformat() if day else ("" if due is not None else action_due(text))
        found.append(ProposedAction(text, who, when))
    return found, j
