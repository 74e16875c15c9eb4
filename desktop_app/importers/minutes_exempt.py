"""Exempt items (Schedule 12A to the Local Government Act 1972) and their paragraph numbers.

An item is exempt when its heading or purpose says so ("(exemption paragraph 2)", "(Exempt
information - paragraph 3)", "not for publication by virtue of paragraph 3"), or when it
comes after "Exclusion of the public" and before the public are readmitted; such items take the
paragraph named in the exclusion resolution when they do not give their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_PARAGRAPHS = r"(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)"
_EXEMPT_BRACKET = re.compile(
    r"\(\s*(?:(?:exempt(?:ion)?|not\s+for\s+publication|confidential)\s*(?:information)?\s*"
    rf"[-–:,]?\s*)?(?:under\s+|by\s+virtue\s+of\s+)?paragraphs?\s+{_PARAGRAPHS}[^)]*\)", re.I)
_EXEMPT_WORD = re.compile(r"\((?:exempt|not\s+for\s+publication|confidential|private)\)", re.I)
_EXEMPT_SENTENCE = re.compile(
    r"\b(?:exempt(?:ion)?|not\s+for\s+publication|confidential)\b[^.]{0,60}?"
    rf"\bparagraphs?\s+{_PARAGRAPHS}\b", re.I)
_EXCLUSION = re.compile(r"\bexclu(?:sion|de)\s+(?:of\s+)?(?:the\s+)?(?:press\s+and\s+)?public\b"
                        r"|\bpublic\s+(?:and\s+press\s+)?be\s+excluded\b", re.I)
_NEVER_EXEMPT = re.compile(r"date\s+of\s+(?:the\s+)?next\s+meeting|re-?admission|readmission",
                           re.I)
_SCHEDULE_PARAGRAPH = re.compile(rf"\bparagraphs?\s+{_PARAGRAPHS}\s+of\s+(?:part\s+1\s+of\s+)?"
                                 r"schedule\s+12a\b", re.I)


def _paragraphs(text: str) -> str:
    return ", ".join(re.findall(r"\d+", text))


def exempt_note(text: str) -> tuple[bool, str, str]:
    """(exempt?, paragraph, text without the note) for a line such as "(exemption paragraph 2)"."""
    if m := _EXEMPT_BRACKET.search(text):
        return True, _paragraphs(m[1]), (text[: m.start()] + text[m.end():]).strip()
    if m := _EXEMPT_WORD.search(text):
        return True, "", (text[: m.start()] + text[m.end():]).strip()
    return False, "", text


def exempt_in_title(title: str) -> tuple[str, bool, str]:
    found, paragraph, remainder = exempt_note(title)
    if found:
        return re.sub(r"\s+", " ", remainder).strip(" -–"), True, paragraph
    if m := _EXEMPT_SENTENCE.search(title):
        return title, True, _paragraphs(m[1])
    return title, False, ""


def mark_exempt(items: Sequence) -> None:
    """Items after "Exclusion of the public" are exempt until the public are readmitted."""
    private = False
    default_paragraph = ""
    for item in items:
        if private and not _NEVER_EXEMPT.search(item.title):
            item.exempt = True
            item.exempt_paragraph = item.exempt_paragraph or default_paragraph
        if re.search(r"re-?admission|readmi", item.title, re.I):
            private = False
        elif _EXCLUSION.search(item.title) or any(_EXCLUSION.search(r) for r in item.resolutions):
            private = True
            found = {_paragraphs(m[1]) for m in _SCHEDULE_PARAGRAPH.finditer(
                f"{item.purpose}\n{item.minutes_text}")}
            default_paragraph = found.pop() if len(found) == 1 else ""
        if (not item.exempt and not _EXCLUSION.search(item.title)
                and (m := _EXEMPT_SENTENCE.search(f"{item.purpose}\n{item.minutes_text[:300]}"))):
            item.exempt, item.exempt_paragraph = True, _paragraphs(m[1])
