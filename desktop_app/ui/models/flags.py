"""How a row new or updated since the last meeting is marked: the word and the text colour
(the seed action log's convention: blue new, red updated), and the one shared bold font."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QFont

from desktop_app.ui.widgets import badges

_BOLD: list[QFont] = []

__all__ = ["bold_font", "flag_word", "since_meeting_colour"]


def bold_font() -> QFont:
    """One shared bold font (made on first use, when the application exists)."""
    if not _BOLD:
        f = QFont()
        f.setBold(True)
        _BOLD.append(f)
    return _BOLD[0]


def flag_word(row: Any) -> str:
    """"NEW" / "UPDATED" since the last meeting, or "" (an action or recommendation row)."""
    if row.new_since_last_meeting:
        return "NEW"
    if row.updated_since_last_meeting:
        return "UPDATED"
    return ""


def since_meeting_colour(row: Any) -> QColor | None:
    """The text colour of a row new or updated since the last meeting (else None)."""
    if row.new_since_last_meeting:
        return badges.NEW_COLOUR
    if row.updated_since_last_meeting:
        return badges.UPDATED_COLOUR
    return None
