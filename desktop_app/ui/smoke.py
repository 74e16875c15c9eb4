"""``scrutiny-tracker gui --smoke-test``: open the window offscreen as ``run`` does (painted
first, its data read after), visit every tab until each has shown its rows, print one JSON line
of timings in milliseconds and row counts, exit 0 (1 when a tab showed nothing although the
database has records for it)."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from desktop_app.services.workspace import Database, orm_loaded


def _settle(app: QApplication) -> None:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def smoke_test(app: QApplication, db: Database, out=None) -> int:
    from desktop_app.ui.main_window import MainWindow

    out = out or sys.stdout
    start = time.perf_counter()
    timings: dict[str, float | bool] = {}

    def ms(since: float) -> float:
        return round((time.perf_counter() - since) * 1000, 1)

    window = MainWindow(db, remember=False, load=False)
    window.resize(1366, 768)
    window.show()
    _settle(app)
    timings["first_paint"] = ms(start)
    window.load()
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
    timings["rows_meetings"] = window.meetings_tab.meetings_model.rowCount()
    timings["rows_work_programme"] = window.work_tab.model.rowCount()   # with its headings
    timings["work_items"] = len(window.work_tab.model.items())
    timings["recommendations"] = window.tracker.recs_model.rowCount()
    timings["welcome"] = window.stack.currentWidget() is window.welcome
    # whether SQLAlchemy was needed to show all this (issue 18: not for an SQLite file at head)
    timings["orm_loaded"] = orm_loaded()
    timings["total"] = ms(start)
    empty = _empty_tabs(db, window, timings)
    window.close()
    _settle(app)
    out.write(json.dumps(timings) + "\n")
    out.flush()
    if empty and sys.stderr is not None:   # no console: the exit code says it
        print(f"smoke test: nothing shown in {', '.join(empty)}", file=sys.stderr)
    return 1 if empty else 0


def _empty_tabs(db: Database, window, timings: dict) -> list[str]:
    """The tabs that show no rows although the committee shown has records for them (the
    meetings and work programme of one committee; the actions of one or all)."""
    shown_nothing = [key for key in ("rows_meetings", "rows_work_programme", "rows")
                     if not timings[key]]
    if timings["welcome"] or not shown_nothing:
        return []
    from desktop_app.services import actions, meetings, work_programme
    committee = window.committee
    has = {"rows_meetings": lambda: committee is not None
           and bool(meetings.list_meetings(db, committee)),
           "rows_work_programme": lambda: committee is not None
           and bool(work_programme.list_work_programme(db, committee)),
           "rows": lambda: bool(actions.list_actions(db, committee))}
    return [key for key in shown_nothing if has[key]()]
