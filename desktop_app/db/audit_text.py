"""How a value is written into the audit trail (its ``old`` and ``new`` texts and an insert's
snapshot): the standard library only, so that db/audit.py and the quick sqlite3 import
(services/import_rows.py) write the same words."""

from __future__ import annotations

import datetime as dt
from typing import Any


def audit_text(value: Any) -> str:
    """A value as the trail writes it: ISO dates and times (seconds), yes/no, else str()."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
