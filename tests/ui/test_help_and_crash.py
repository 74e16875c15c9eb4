"""Help > User guide in the app, and an unexpected error reported with the log's path."""

import logging
import sys
import threading

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.logging_setup import log_file, setup_logging
from desktop_app.ui import crash
from desktop_app.ui.guide_dialog import GuideDialog


def test_user_guide_opens_in_the_app(qtbot, window):
    window.menus.guide_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, GuideDialog)
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    assert "Bring in your spreadsheets" in text
    assert "Prepare a meeting pack" in text
    assert "A team on one database" in text
    dialog.close()


def test_uncaught_error_is_logged_and_shown_with_the_log_path(qtbot):
    setup_logging()
    saved = sys.excepthook, threading.excepthook
    reporter = crash.install()
    assert sys.excepthook is not saved[0]
    try:
        raise RuntimeError("the printer caught fire")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.objectName() == "crashDialog"
                                and w.isVisible() for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog")
    assert str(log_file()) in box.text()
    assert "the printer caught fire" in box.text()
    box.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file().read_text(encoding="utf-8")
    assert "RuntimeError: the printer caught fire" in logged
    assert "Traceback" in logged
    assert reporter.shown == ["RuntimeError: the printer caught fire"]
    sys.excepthook, threading.excepthook = saved
