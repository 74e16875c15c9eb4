"""What the window needs from the layers below it, loaded before PySide6 is imported.

PySide6 installs an import hook that reads the source file of every module imported after it
(to see whether the module uses PySide's ``__feature__`` switches): those imports take about a
quarter longer. The window needs SQLAlchemy, the models and the services in any case, so
``main_window`` imports this module first. The same goes for the bank-holiday table: the
``holidays`` package loads all its ~250 country modules on first use, and the first screen
needs it (meeting deadlines, s.9FE response dates).

No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from desktop_app.domain import dates
from desktop_app.services import (actions, backups, committees, history,  # noqa: F401
                                  meetings, recommendations, work_programme,
                                  workspace)


def warm_bank_holidays() -> None:
    """Load the bank-holiday table now (this year's), before PySide6 is imported."""
    # only a head start: the real use reports its own errors
    with contextlib.suppress(Exception):
        dates.is_bank_holiday(dt.date.today())


warm_bank_holidays()
