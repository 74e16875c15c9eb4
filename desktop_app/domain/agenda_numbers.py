"""Agenda item numbers as people read them: 2 < 10 < 10a < 11 ("Item 5.1" and "5a" too)."""

from __future__ import annotations

import re


def number_key(number: str) -> str:
    """A key that sorts agenda numbers as people read them (digits padded, so a plain string
    comparison, such as a sort proxy's, gets it right)."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), number.strip().lower())


def place_of(number: str, others: list[str]) -> int:
    """Where an item numbered ``number`` goes among the other items of an agenda (their
    numbers in agenda order): before the first one that reads after it, else at the end."""
    key = number_key(number)
    for i, other in enumerate(others):
        if number_key(other) > key:
            return i
    return len(others)
