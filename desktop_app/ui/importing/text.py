"""The words of the import wizard: what kinds and fields are called on screen, counts, values as
the preview shows them, and readers' messages without the command line's advice. No widgets."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop_app.ui import app_state

KIND_TITLES = {"actions": "&Action log", "recommendations": "&Recommendation schedule",
               "work-programme": "&Work programme"}
KIND_WORDS = {"actions": "action log", "recommendations": "recommendation schedule",
              "work-programme": "work programme"}
KIND_ABOUT = {
    "actions": "Actions agreed at meetings, with owners, due dates and progress updates.",
    "recommendations": "Recommendations the committee made and the executive's responses.",
    "work-programme": "Items planned for meetings, workshops, briefings and task and finish "
                      "groups.",
}
ROW_NOUN = {"actions": ("action", "actions"),
            "recommendations": ("recommendation", "recommendations"),
            "work-programme": ("item", "items")}

# What each field is called on screen.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "actions": {"ref": "Reference", "meeting_date": "Meeting date", "item": "Agenda item",
                "text": "Action", "owner": "Owner", "directorate": "Directorate",
                "progress": "Progress update", "due_date": "Due date", "status": "Status",
                "reported_complete": "Reported complete",
                "owner_and_due": "Owner and due date (one cell)"},
    "recommendations": {"meeting_date": "Meeting date", "item": "Agenda item",
                        "label": "Recommendation number", "text": "Recommendation",
                        "addressee": "Addressed to", "response": "Executive response",
                        "verdict": "Verdict", "status": "Status", "sent_on": "Sent on",
                        "response_on": "Response received"},
    "work-programme": {"title": "Item", "scrutiny_type": "Type of scrutiny",
                       "format": "Format", "origin": "Origin", "lead": "Lead officer",
                       "position": "Current position", "meeting_date": "Meeting date",
                       "target": "Target date", "status": "Status"},
}

COUNT_WORDS = {"created": "new", "updated": "updated", "unchanged": "unchanged",
               "skipped": "skipped"}


def for_people(message: str) -> str:
    """A reader's message without the command line's advice (--map, --as)."""
    text = re.sub(r";\s*use --map\b.*$", "", message.strip())
    text = re.sub(r";\s*say which with --as\b.*$", "", text)
    return text.replace("--map: ", "")


def count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def kind_of(row_kind: str, n: int) -> str:
    one, many = ROW_NOUN[row_kind]
    return f"{n} {one if n == 1 else many}"


def show_value(value: Any) -> str:
    """A parsed value as the preview shows it."""
    if value is None or value is False:
        return ""
    if value is True:
        return "Yes"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return app_state.short_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def sent_date(text: str) -> str:
    try:
        return app_state.long_date(dt.date.fromisoformat(text))
    except ValueError:
        return text or "on an unknown date"


def with_article(words: str) -> str:
    """"an action log", "a work programme"."""
    return ("an " if words[:1] in "aeiou" else "a ") + words
