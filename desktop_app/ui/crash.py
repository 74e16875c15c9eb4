"""When something goes wrong that nobody caught: write it to the log and tell the officer where
the log is, instead of the window vanishing."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME
from desktop_app.logging_setup import log_file

if TYPE_CHECKING:   # made when shown: its type and enums cost ~1 ms of every start
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("desktop_app.crash")


class _Reporter(QObject):
    """Shows the dialog on the UI thread, whichever thread the error happened on."""

    report = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.shown: list[str] = []
        self.box: QMessageBox | None = None

    @Slot(str)
    def _show(self, summary: str) -> None:
        from PySide6.QtWidgets import QMessageBox
        self.shown.append(summary)
        box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME}: unexpected error",
                          "Something went wrong that the app did not expect. Your saved work is "
                          "safe in the database; the change you were making may not have been "
                          f"saved.\n\n{summary}\n\nThe details are in the log:\n{log_file()}\n"
                          "Please send that file to whoever supports the app.",
                          QMessageBox.StandardButton.Ok,
                          QApplication.activeWindow())
        box.setObjectName("crashDialog")
        self.box = box  # keep it alive while it is open
        box.open()


_reporter: _Reporter | None = None


def _handle(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    summary = f"{exc_type.__name__}: {exc}".splitlines()[0][:300]
    if _reporter is not None:
        _reporter.report.emit(summary)


def install() -> _Reporter:
    """Route uncaught exceptions (UI thread and worker threads) to the log and a dialog."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = _handle
    threading.excepthook = lambda args: _handle(args.exc_type, args.exc_value, args.exc_traceback)
    return _reporter
