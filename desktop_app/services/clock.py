"""Today's date for the services and the command line, in a module of its own (standard library
only) so that the quick reads (services/quick_read.py) and the quick import (import_lite.py)
need not import services/common.py and SQLAlchemy with it. ``services.common.today`` is this function."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """Today's date; ``SCRUTINY_TRACKER_TODAY`` (YYYY-MM-DD) fixes it for demos and tests."""
    fixed = os.environ.get("SCRUTINY_TRACKER_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return dt.date.today()
