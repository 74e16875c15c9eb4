"""A closing "Recommendations to Cabinet" section, or "Actions agreed at this meeting", after
the last minute.

Some councils gather the meeting's recommendations under a heading after the last item,
each with the minute it came from: "1. That ... (Minute CS/23/17)". Read as part of the last
item they would be proposed twice, and under the wrong item. The section is taken out of the
last item; each recommendation in it goes to the minute it names unless that minute already
proposes it (the usual case), and one that names no minute known here stays with the last item.

A closing actions section ("Actions agreed at this meeting", "Summary of actions", "Action
log", as a heading over a table or a list) names no minute either: its actions belong to the
meeting, not to whatever item happens to come last (often "Date of next meeting"), so they are
proposed at the meeting level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from desktop_app.importers.minutes_decisions import read_decisions
from desktop_app.importers.minutes_lines import make_lines, plain_text

_SUMMARY_HEADING = re.compile(
    r"^(?:summary\s+of\s+(?:the\s+)?)?recommendations?\s+(?:made\s+)?(?:to|for)\s+(?:the\s+)?"
    r"(?:cabinet|executive|council|[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})\s*:?$", re.I)
_MINUTE_REF = re.compile(r"\s*\((?:see\s+)?(?:minute|min\.?|item)\s+(?:no\.?\s+)?(?P<num>[\w/.]+?)"
                         r"\.?\)\s*\.?$", re.I)


def split_summary(body: list[str]) -> tuple[list[str], list[str]]:
    """The last item's lines, and the closing recommendations section (empty when none)."""
    for index, raw in enumerate(body):
        stripped = raw.strip()
        emphasised = stripped.startswith(("#", "**", "__")) or stripped.isupper()
        if emphasised and _SUMMARY_HEADING.match(plain_text(stripped)):
            return body[:index], body[index:]
    return body, []


_ACTIONS_SECTION = re.compile(
    r"^(?:(?:a\s+)?summary\s+of\s+(?:the\s+)?)?(?:agreed\s+)?(?:actions?(?:\s+points?)?|action\s+log)"
    r"(?:\s+(?:agreed|arising|required|recorded))?"
    r"(?:\s+(?:at|from|of|during)\s+(?:this|the)\s+meeting)?\s*:?$", re.I)


def split_actions_section(body: list[str]) -> tuple[list[str], list[str]]:
    """The last item's lines, and a closing actions section under its own heading (a
    markdown or Word heading, a bold or capitalised line): empty when there is none."""
    for index, raw in enumerate(body):
        stripped = raw.strip()
        emphasised = stripped.startswith(("#", "**", "__")) or (
            stripped.isupper() and len(stripped) > 6)
        if emphasised and _ACTIONS_SECTION.match(plain_text(stripped)):
            return body[:index], body[index:]
    return body, []


def read_actions_section(section: list[str]) -> list:
    """The actions of a closing actions section (its heading first)."""
    if not section:
        return []
    lines = make_lines(section[1:])
    found = read_decisions(lines).actions
    if not found:  # a plain list of actions under the heading, one a line or bulleted
        heading = make_lines(["Actions:", *section[1:]])
        found = read_decisions(heading).actions
    return found


def _key(text: str) -> str:
    text = re.sub(r"^(?:that\s+)", "", text.strip(), flags=re.I)
    return re.sub(r"\W+", " ", text).strip().casefold()


def place_summary(items: Sequence[Any], section: list[str]) -> None:
    """Give each recommendation of the closing section to the minute it names (see above)."""
    if not section or not items:
        return
    by_number = {item.number: item for item in items}
    for rec in read_decisions(make_lines(section[1:])).recommendations:
        m = _MINUTE_REF.search(rec.text)
        item = by_number.get(m["num"]) if m else None
        if m:
            rec.text = rec.text[: m.start()].rstrip()
            if not rec.text.endswith((".", "!", "?")):
                rec.text += "."
        target = item or items[-1]
        if any(_key(rec.text) in _key(r.text) for r in target.recommendations):
            continue
        rec.label = ""
        rec.procedural = False if item is not None else rec.procedural
        target.recommendations.append(rec)
