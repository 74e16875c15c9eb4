"""The writer seam for calendar files (.ics): what text may reach another person's calendar.

The text of a meeting or a recommendation may have come from someone else's spreadsheet or
minutes. On the way out, control characters and bidirectional overrides are removed (they only
ever disguise text, and some calendar programs stop reading at them), a summary, location, UID
or category is one line, and a description is cut to a length calendar programs show, saying
so. icalendar itself escapes commas, semicolons and backslashes and folds long lines.
The file is written in one step (a temporary file beside it, renamed into place).
"""

from __future__ import annotations

import re

MAX_LINE = 250            # a summary, a location
MAX_TEXT = 8_000          # a description
TRUNCATED = " [cut]"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def safe_text(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` without control characters (tab and line breaks kept, as LF), within
    ``limit`` characters."""
    text = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > limit:
        text = text[:limit - len(TRUNCATED)] + TRUNCATED
    return text


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """``text`` on one line (line breaks and tabs become spaces), safe and within ``limit``."""
    return safe_text(" ".join((text or "").split()), limit)


