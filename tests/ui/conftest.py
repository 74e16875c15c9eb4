"""Fixtures for driving the real main window on a fresh SQLite database (offscreen).

Settings go to an INI file under the per-test SCRUTINY_TRACKER_HOME (see tests/conftest.py and
desktop_app/ui/app_state.py), so no test touches the real user's settings.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

# A week and a half before the example committee's 23 November 2021 meeting: three actions
# are overdue, as the seed's action log says.
DEMO_TODAY = "2021-11-12"


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As in the app (desktop_app/ui/gc_guard.py): cycles are collected on this thread only, and
    what a test left behind (its window, held in cycles by its controllers) is freed here at the
    end of the test, never later by a worker thread of another test."""
    import gc

    from desktop_app.ui import gc_guard
    gc_guard.install(qapp)
    yield
    gc.collect()


@pytest.fixture
def message_boxes(monkeypatch):
    """Answer every QMessageBox run with exec() (the answer queue, else OK) and keep what it
    said, so no test can hang on a modal dialog. Our code is not patched."""
    seen: list[dict] = []
    answers: list[QMessageBox.StandardButton] = []

    def fake_exec(self):
        seen.append({"name": self.objectName(), "title": self.windowTitle(),
                     "text": self.text(), "info": self.informativeText()})
        return answers.pop(0) if answers else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return SimpleNamespace(seen=seen, answers=answers)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", DEMO_TODAY)
    return DEMO_TODAY


def _open(qtbot, db, size=(1366, 768)):
    from desktop_app.ui.main_window import MainWindow
    window = MainWindow(db)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.tracker.wait_loaded()
    return window


def _close(window) -> None:
    for grid in (window.tracker.actions_grid, window.tracker.recs_grid):
        grid.detail.show_row(None)
    window.close()


@pytest.fixture
def window(qtbot, demo_db, today, message_boxes):
    """The main window on the example committee, with 'today' fixed."""
    win = _open(qtbot, demo_db)
    win.tabs.setCurrentWidget(win.tracker)
    yield win
    _close(win)


@pytest.fixture
def empty_window(qtbot, db, today, message_boxes):
    win = _open(qtbot, db)
    yield win
    _close(win)


@pytest.fixture
def open_window(qtbot, message_boxes):
    """Open (another) window on a database, e.g. to check what it remembered."""
    opened = []

    def make(db, size=(1366, 768)):
        win = _open(qtbot, db, size)
        opened.append(win)
        return win

    yield make
    for win in opened:
        if win.isVisible():
            _close(win)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, table, proxy_row: int, column: int = 0) -> None:
    index = table.model().index(proxy_row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())


def choose(combo, text: str) -> None:
    """Pick an entry of a combo box by its visible text, as a person would."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered (have {[combo.itemText(i) for i in range(combo.count())]})"
    combo.setCurrentIndex(index)


@pytest.fixture
def auto_ok(qtbot):
    """Click OK on every message box as it appears, keeping what it said."""
    seen: list[dict] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append({"title": widget.windowTitle(), "text": widget.text()})
                widget.done(QMessageBox.StandardButton.Ok)

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    yield seen
    timer.stop()
