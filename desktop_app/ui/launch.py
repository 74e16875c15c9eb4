"""Starting the window so that it explains itself.

The QApplication exists before the database is opened, so that any failure to open it is a
dialog (what went wrong, what to do, where the log is) rather than a window that never comes.
``show_failure`` is the message box for a failure anywhere else when the program has no
console (the window build on Windows: ``sys.stdout`` and ``sys.stderr`` are None).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from desktop_app.ui import startup  # noqa: F401 - the layers below first: see the module
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.ui import app_state

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


def ensure_app() -> QApplication:
    """The one QApplication, made if need be, with its name and the app's light look."""
    app = QApplication.instance()
    if app is None:
        # This process is the application: what exists now (the imported modules, the open
        # database) lives as long as it does. Kept out of the cycle collector, it is not walked
        # again by every full collection nor at exit (~0.2 s of a start and stop).
        gc.freeze()
        app = QApplication(sys.argv[:1])
        from desktop_app.ui import theme
        theme.apply(app)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(app_state.ORGANISATION)
    return app


def end_app() -> None:
    """Before the process ends without the interpreter's teardown (app.end_process): every
    job's thread finished, then the QApplication deleted, as the teardown would."""
    from desktop_app.ui import workers
    workers.wait_all()
    app = QApplication.instance()
    if app is not None:
        import shiboken6
        shiboken6.delete(app)


def failure_box(message: str) -> QMessageBox:
    # (QMessageBox made on first use: its type and enums cost ~1 ms of every start)
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.shell.database_dialogs import log_text
    box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME} could not start",
                      message[:1].upper() + message[1:], QMessageBox.StandardButton.Ok)
    box.setObjectName("startupFailureDialog")
    box.setInformativeText(
        "The details are in the log file:\n" + log_text() + "\n\nIf the message does not say "
        "how to put it right, send that file to whoever supports the app. The command-line "
        "program (scrutiny-tracker-cli) shows the same messages in a Command Prompt.")
    return box


def show_failure(message: str) -> None:
    """A failure the program cannot show otherwise (no console): a message box."""
    ensure_app()
    failure_box(message).exec()


def start_url(url: str, args: Any) -> tuple[str, bool]:
    """The database to open: ``--db`` or SCRUTINY_TRACKER_DB when given, else the one chosen
    last in the window, else the standard one. Also whether it is the remembered one."""
    if getattr(args, "db", None) or os.environ.get("SCRUTINY_TRACKER_DB"):
        return url, False
    from desktop_app.ui.shell.database_dialogs import remembered_database, sqlite_url
    remembered = remembered_database()
    if remembered is not None:
        return sqlite_url(remembered), True
    return url, False


def launch(url: str, args: Any = None) -> int:
    """The window on the database at ``url`` (or the one remembered): 0 when it closes, 2 when
    no database could be opened."""
    ensure_app()
    if getattr(args, "smoke_test", False):
        from desktop_app.services.workspace import open_for_window
        db = open_for_window(url)    # a failure is the command's error, not a dialog
        try:
            from desktop_app.ui.main_window import run
            return run(db, args)
        finally:
            db.dispose()
    from desktop_app.ui.shell.database_dialogs import open_with_help, remember_database
    url, remembered = start_url(url, args)
    opened = open_with_help(url, None, remembered=remembered)
    if opened is None:
        return 2
    db, chosen = opened
    if chosen is not None:
        remember_database(chosen)
    log.info("opened %s", url if chosen is None else chosen)
    from desktop_app.ui.main_window import run
    try:
        return run(db, args)
    finally:
        from desktop_app.ui.shell.database_switch import dispose_all
        dispose_all(db)
