"""Opening and closing the one main window a folder of window tests shares (package scope):
tests/ui/officer/, tracker_more/ and desk_more/ each open their own on their own database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.conftest import DEMO_COMMITTEE


def shared_main_window(qapp, db) -> Iterator:
    """The window at 1366x768 on the example committee with the tracker loaded; closed (detail
    panes emptied, the search window closed) when the folder's tests are done."""
    from desktop_app.ui import gc_guard
    from desktop_app.ui.main_window import MainWindow
    gc_guard.install(qapp)
    win = MainWindow(db)
    win.resize(1366, 768)
    win.show()
    assert QTest.qWaitForWindowExposed(win)
    win.activateWindow()
    win.choose_committee(DEMO_COMMITTEE)
    assert win.tracker.wait_loaded()
    yield win
    for grid in (win.tracker.actions_grid, win.tracker.recs_grid):
        grid.detail.show_row(None)
    if win.search_window is not None:
        win.search_window.close()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def shared_home(tmp_path_factory, name: str) -> Iterator:
    """A folder's own home folder (its settings, logs and database) with 'today' fixed at
    the window tests' date and a named officer, for the whole folder; undone afterwards."""
    from tests.ui.conftest import DEMO_TODAY
    mp = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp(name)
    mp.setenv("SCRUTINY_TRACKER_HOME", str(root / "home"))
    mp.setenv("SCRUTINY_TRACKER_TODAY", DEMO_TODAY)
    mp.setenv("SCRUTINY_TRACKER_USER", "Test Officer")
    mp.delenv("SCRUTINY_TRACKER_DB", raising=False)
    yield root
    mp.undo()
