"""``scrutiny-tracker gui --smoke-test``: open the window offscreen, visit every tab, print one
JSON line of timings in milliseconds, exit 0."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from desktop_app.services.workspace import Database


def _settle(app: QApplication) -> None:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def smoke_test(app: QApplication, db: Database, out=None) -> int:
    from desktop_app.ui.main_window import MainWindow

    out = out or sys.stdout
    start = time.perf_counter()
    timings: dict[str, float | bool] = {}

    def ms(since: float) -> float:
        return round((time.perf_counter() - since) * 1000, 1)

    window = MainWindow(db, remember=False)
    window.resize(1366, 768)
    window.show()
    _settle(app)
    timings["window_shown"] = ms(start)
    for key, tab in (("tab_meetings", window.meetings_tab),
                     ("tab_work_programme", window.work_tab),
                     ("tab_tracker", window.tracker)):
        t = time.perf_counter()
        window.tabs.setCurrentWidget(tab)
        if tab is window.tracker:
            window.tracker.wait_loaded()
        _settle(app)
        timings[key] = ms(t)
    timings["rows"] = window.tracker.actions_model.rowCount()
    timings["welcome"] = window.stack.currentWidget() is window.welcome
    timings["total"] = ms(start)
    window.close()
    _settle(app)
    out.write(json.dumps(timings) + "\n")
    out.flush()
    return 0
