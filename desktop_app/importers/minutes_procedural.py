"""Which resolutions are routine business rather than something to track.

Approving minutes, noting or welcoming a report, agreeing the work programme, excluding the
public, the date of the next meeting, and the Committee asking itself for a later report are
still proposed, flagged ``procedural`` so that the officer chooses (they are left out by
default); recommendations to the executive are not.
"""

from __future__ import annotations

import re

BODY = r"(?:committee|sub-committee|panel|board|members)"
_BODY = BODY

_PROCEDURAL = [re.compile(p, re.I) for p in (
    r"\bminutes\b.*\b(?:approved|agreed|confirmed|signed|accurate|correct)\b",
    rf"^(?:that\s+)?(?:the\s+{_BODY}\s+)?(?:to\s+)?(?:receives?\s+and\s+)?"
    r"(?:notes?|noted|commends?|welcomes?|thanks?)\b",
    rf"^(?:that\s+)?(?:the\s+{_BODY}\s+)?(?:to\s+)?receives?\s+(?:and\s+notes?\s+)?(?:the|this)\s+"
    r"(?:report|update|presentation|information|minutes)\b",
    r"\bbe\s+(?:noted|received|welcomed|commended)\b",
    r"\bwork\s+programme\b",
    r"\b(?:recommendation|action)s?\s+(?:tracker|log)\b",
    r"\bpublic\s+be\s+excluded\b|\bexclu(?:de|sion\s+of)\s+(?:the\s+)?(?:press\s+and\s+)?public\b",
    r"\bdate\s+of\s+(?:the\s+)?next\s+meeting\b",
    # the Committee asking itself for a later report: its work programme, not the executive's
    rf"^(?:that\s+)?(?:the\s+|this\s+)?{_BODY}\s+(?:to\s+)?(?:receives?|considers?)\s+"
    r"(?:a\s+)?(?:further|follow-up|progress|update)\b",
)]
_PROCEDURAL_TITLE = re.compile(
    r"^(?:(?:confirmation|approval|adoption)\s+of\s+(?:the\s+)?)?minutes\b|\bwork\s+programme\b"
    r"|\bdate\s+of\s+(?:the\s+)?next\s+meeting\b"
    r"|\bexclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+)?public\b"
    r"|^apologies\b|^declarations?\s+of\s+interests?\b|\bsubstitut", re.I)


def is_procedural(text: str, title: str = "") -> bool:
    """Whether a resolution is routine business rather than something to track."""
    return bool(_PROCEDURAL_TITLE.search(title.strip())) or any(p.search(text) for p in _PROCEDURAL)


