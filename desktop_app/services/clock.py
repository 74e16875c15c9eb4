"""Today, as the services see it: the standard library only (services/import_lite.py uses it
without SQLAlchemy; services/common.py re-exports it)."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """Today's date; ``SCRUTINY_TRACKER_TODAY`` (YYYY-MM-DD) fixes it for demos and tests."""
    fixed = os.environ.get("SCRUTINY_TRACKER_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return dt.date.today()
