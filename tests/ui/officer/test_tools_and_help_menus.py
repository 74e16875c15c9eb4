"""The Tools and Help menus of the main window, used as an officer would (chosen from the menu
or, for the user guide, F1): each opens what it says, for the committee shown. The other menus
and shortcuts are test_menus_and_shortcuts.py's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop_app import __version__
from desktop_app.services import actions
from tests.ui.officer.conftest import DEMO_COMMITTEE, visible_dialog
from tests.ui.officer.test_menus_and_shortcuts import choose_from_menu, type_keys


# ------------------------------------------------------------------------------- Tools

def test_chase_owners_lists_each_owner_with_open_actions(officer):
    from desktop_app.ui.tools.chase_dialog import ChaseDialog
    win = officer.window
    choose_from_menu(win, "Tools", "Chase owners\u2026")
    dialog = visible_dialog(officer.qtbot, ChaseDialog)
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    open_owners = {a.owner for a in actions.list_actions(win.db, DEMO_COMMITTEE, status="open")
                   if a.owner}
    assert open_owners <= shown
    assert not any(o in shown for o in ("Jo Bloggs", "Sam Reed"))    # another committee's
    dialog.reject()


def test_impact_statistics_opens_for_the_committee_shown(officer):
    from desktop_app.ui.tools.stats_dialog import StatsDialog
    win = officer.window
    choose_from_menu(win, "Tools", "Impact statistics\u2026")
    dialog = visible_dialog(officer.qtbot, StatsDialog)
    assert dialog.windowTitle() == f"Impact statistics \u2013 {DEMO_COMMITTEE}"
    assert dialog.committee == DEMO_COMMITTEE
    dialog.reject()


# ------------------------------------------------------------------------------- Help

@pytest.mark.parametrize("how", ["F1", "menu"])
def test_user_guide_opens_with_its_text(officer, how):
    from desktop_app.ui.guide_dialog import GuideDialog
    win = officer.window
    if how == "menu":
        choose_from_menu(win, "Help", "User guide")
    else:
        type_keys(win, how)
    dialog = visible_dialog(officer.qtbot, GuideDialog)
    assert "Scrutiny Tracker" in dialog.browser.toPlainText()
    dialog.reject()


def test_about_names_the_version_and_the_database(officer):
    win = officer.window
    choose_from_menu(win, "Help", "About")
    box = win.dialog
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert __version__ in box.text()
    assert "tracker.db" in box.text()
    box.done(0)


def test_open_log_folder_opens_the_folder_the_logs_are_in(officer, monkeypatch):
    from desktop_app import paths
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    choose_from_menu(officer.window, "Help", "Open log folder")
    assert [Path(u.toLocalFile()) for u in opened] == [paths.log_dir()]
