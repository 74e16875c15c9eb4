"""File > Export calendar...: the meetings and deadlines of the committee the window shows (or
of every committee, under "All committees") as an .ics file for Outlook, the same file as
``scrutiny-tracker export calendar``. Importing a later export updates the events.

    export_calendar(window)                  # asks where to save it, then writes it
    export_calendar(window, path="x.ics")    # no file dialog (tests, scripts)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from desktop_app.ui import app_state, workers
from desktop_app.ui.errors import show_error

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.workers import Job

KEY_FOLDER = "calendar/last_folder"
TITLE = "Export calendar"


def default_name(committee: str | None) -> str:
    """"CYPSC meetings.ics"; "Scrutiny meetings.ics" for every committee."""
    label = committee or "Scrutiny"
    return re.sub(r'[<>:"/\\|?*]', "", f"{label} meetings.ics")


def export_calendar(window: MainWindow, path: str | None = None) -> Job | None:
    """Write the calendar of ``window.committee`` (every committee when it shows them all) to
    ``path``, asked for when not given; the job, or None when the officer cancelled."""
    committee = window.committee
    if path is None:
        start = app_state.read_str(KEY_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            window, TITLE, str(Path(start) / default_name(_short(window, committee))),
            "Calendar (*.ics)")
        if not path:
            return None
    if not path.lower().endswith(".ics"):
        path += ".ics"
    app_state.write(KEY_FOLDER, str(Path(path).parent))
    db = window.db

    def work(_ctx):
        from desktop_app.services.calendar_export import export_calendar as write
        return write(db, path, committee)

    def done(result) -> None:
        whose = "every committee" if committee is None else result.committees[0]
        message = (f"Calendar of {whose} saved to {Path(path).name}: {result.events} events; "
                   "import it into Outlook (importing it again updates them)")
        window.statusBar().showMessage(message, 20000)

    return workers.start_job(work, on_done=done,
                             on_error=lambda exc: show_error(window, exc, TITLE),
                             parent=window, title=TITLE, label="Writing the calendar\u2026",
                             cancellable=False)


def _short(window: MainWindow, committee: str | None) -> str | None:
    if committee is None:
        return None
    from desktop_app.services.committees import list_committees
    row = next((c for c in list_committees(window.db) if committee in (c.name, c.short_name)),
               None)
    return (row.short_name or row.name) if row is not None else committee
