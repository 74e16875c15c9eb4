"""What the window needs from the layers below it, loaded before PySide6 is imported.

PySide6 installs an import hook that reads the source file of every module imported after it
(to see whether the module uses PySide's ``__feature__`` switches): those imports take about a
quarter longer. So ``launch`` and ``main_window`` import this module first, before PySide6: the
modules the window uses to open, paint and fill its tabs. Since issue 18 those are the quick
reads (services/window_read.py: sqlite3 and the domain rules) and the database object without
SQLAlchemy (services/workspace.py); SQLAlchemy, the models and the other services are imported
on first use (ui/lazy.py), and not at all when the database is an SQLite file at the head
revision and nothing is saved. The same goes for the bank holidays of this year (meeting
deadlines, s.9FE response dates): read from the table written out in
domain/bank_holiday_table.py for the usual years, else from the ``holidays`` package, which
loads all its ~250 country modules on first use.

No Qt here, until its last line: PySide6 itself, with its import hook made cheaper
(ui/pyside_start.py) before the window's modules are imported.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from desktop_app.domain import dates
from desktop_app.services import (clock, errors, overview, quick_read,  # noqa: F401
                                  tracker_rows, window_read, workspace)


def warm_bank_holidays() -> None:
    """Load the bank-holiday table now (this year's), before PySide6 is imported."""
    # only a head start: the real use reports its own errors
    with contextlib.suppress(Exception):
        dates.is_bank_holiday(dt.date.today())


warm_bank_holidays()

from desktop_app.ui import pyside_start  # noqa: E402, F401 - PySide6, once the layers below are in
