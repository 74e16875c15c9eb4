"""What the window needs from the layers below it, loaded before PySide6 is imported.

PySide6 installs an import hook that reads the source file of every module imported after it
(to see whether the module uses PySide's ``__feature__`` switches): those imports take about a
quarter longer. The window needs SQLAlchemy, the models and the services in any case, so
``launch`` and ``main_window`` import this module first, before PySide6. The same goes for the
bank holidays of this year (meeting deadlines, s.9FE response dates): read from the table
written out in domain/bank_holiday_table.py for the usual years, else from the ``holidays``
package, which loads all its ~250 country modules on first use.

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
