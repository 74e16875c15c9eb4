"""The window on an empty database (the first run), shared by this module: the welcome page
and its three choices, what the menus offer before there is a committee, the Tools saying why
they cannot start, and the new-committee dialog refusing a blank name without writing."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.services import committees
from tests.ui.officer.conftest import click, close_dialogs, visible_dialog
from tests.ui.officer.test_menus_and_shortcuts import menu_action, type_keys


@pytest.fixture(scope="module")
def first_run_window(qapp, officer_env):
    from desktop_app.db.schema import open_database
    from desktop_app.ui.main_window import MainWindow
    db = open_database(f"sqlite:///{officer_env / 'first run.db'}")
    win = MainWindow(db)
    win.resize(1366, 768)
    win.show()
    assert QTest.qWaitForWindowExposed(win)
    yield win
    close_dialogs()
    win.close()
    win.deleteLater()
    QApplication.processEvents()
    db.dispose()


@pytest.fixture
def empty(first_run_window, message_boxes, qtbot):
    close_dialogs()
    first_run_window.activateWindow()
    yield first_run_window
    close_dialogs()
    assert committees.list_committees(first_run_window.db) == []   # nothing was written


def test_the_welcome_page_is_shown_with_its_three_choices(empty):
    assert empty.stack.currentWidget() is empty.welcome
    from PySide6.QtWidgets import QLabel
    buttons = (empty.welcome.import_button, empty.welcome.create_button,
               empty.welcome.demo_button)
    texts = [b.findChildren(QLabel)[0].text() for b in buttons]
    assert [b.accessibleName() for b in buttons] == texts
    assert texts[0].startswith("Import a spreadsheet")
    assert texts[1].startswith("Create a committee")
    assert texts[2].startswith("Load the example committee")
    assert not empty.committee_combo.isEnabled()


@pytest.mark.parametrize(("menu", "entry"), [
    ("Edit", "New\u2026"), ("Edit", "Find"), ("File", "Print / export\u2026"),
    ("View", "Refresh"), ("File", "Import minutes\u2026")])
def test_what_needs_a_committee_is_off_until_there_is_one(empty, menu, entry):
    assert not menu_action(empty, menu, entry).isEnabled()


@pytest.mark.parametrize(("menu", "entry"), [
    ("File", "Import\u2026"), ("File", "Open database\u2026"), ("File", "Back up\u2026"),
    ("Help", "User guide"), ("Help", "About")])
def test_what_needs_no_committee_is_on(empty, menu, entry):
    assert menu_action(empty, menu, entry).isEnabled()


@pytest.mark.parametrize("keys", ["Ctrl+N", "Ctrl+P", "Ctrl+F"])
def test_the_shortcuts_that_need_a_committee_do_nothing(empty, keys):
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    empty.welcome.demo_button.setFocus()
    type_keys(empty, keys)
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
    assert shown == []
    assert empty.stack.currentWidget() is empty.welcome


@pytest.mark.parametrize(("entry", "title"), [("Chase owners\u2026", "Chase owners"),
                                              ("Impact statistics\u2026", "Impact statistics")])
def test_the_tools_say_a_committee_is_needed_first(empty, message_boxes, entry, title):
    menu_action(empty, "Tools", entry).trigger()
    assert [(b["title"], b["text"]) for b in message_boxes.seen] == \
        [(title, "Add a committee first.")]


@pytest.mark.parametrize("typed", ["", "   "])
def test_a_committee_needs_a_name(empty, qtbot, typed):
    from desktop_app.ui.shell.welcome_page import CommitteeDialog
    click(qtbot, empty.welcome.create_button)
    dialog = visible_dialog(qtbot, CommitteeDialog)
    qtbot.keyClicks(dialog.name, typed)
    qtbot.keyClicks(dialog.short_name, "CYPSC")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.isVisible()
    assert dialog.error.text() == "Type the committee's name."
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not dialog.isVisible()


def test_import_from_the_welcome_page_offers_to_create_the_committee(empty, qtbot):
    from desktop_app.ui.importing.wizard import ImportWizard
    click(qtbot, empty.welcome.import_button)
    wizard = visible_dialog(qtbot, ImportWizard)
    assert wizard.file_page.committee_combo.currentText() == ""
    qtbot.keyClicks(wizard.file_page.committee_combo.lineEdit(), "Adults Scrutiny Committee")
    assert wizard.file_page.create_box.isVisibleTo(wizard)
    assert not wizard.file_page.create_box.isChecked()
    wizard.reject()
    assert wizard.wait_idle()


def test_the_status_bar_names_the_database(empty):
    assert empty.db_label.text().startswith("Database: ")
    assert "first run.db" in empty.db_label.text()
    assert empty.windowTitle().endswith("Scrutiny Tracker")
