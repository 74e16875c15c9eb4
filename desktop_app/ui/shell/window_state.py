"""The main window's state between runs: geometry, toolbars, the attention strip, the tab shown
and the committee chosen (QSettings, through app_state)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from desktop_app.ui import app_state

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def restore(window: MainWindow) -> None:
    """Size, toolbars, the attention strip and the tab as the officer left them."""
    s = app_state.settings()
    geometry = s.value(app_state.KEY_GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1366, 768)
    state = s.value(app_state.KEY_STATE)
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    window.menus.strip_action.setChecked(app_state.read_bool(app_state.KEY_STRIP, True))
    window.strip.setVisible(window.menus.strip_action.isChecked())
    wanted = app_state.read_str(app_state.KEY_TAB, "overviewTab")
    for i in range(window.tabs.count()):
        if window.tabs.widget(i).objectName() == wanted:
            window.tabs.setCurrentIndex(i)


def save(window: MainWindow) -> None:
    """Keep the window's state for next time (unless the window was made not to remember)."""
    if not window.remember:
        return
    app_state.write(app_state.KEY_GEOMETRY, window.saveGeometry())
    app_state.write(app_state.KEY_STATE, window.saveState())
    app_state.write(app_state.KEY_TAB, window.tabs.currentWidget().objectName())
    app_state.write(app_state.KEY_STRIP, window.menus.strip_action.isChecked())
    if window.committee_combo.count():
        app_state.write(app_state.KEY_COMMITTEE, window.committee_combo.currentData() or "")
    window.tracker.save_state()
