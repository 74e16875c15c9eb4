"""Print / export (Ctrl+P) and File > Import minutes (Ctrl+Shift+I) reached from the main window,
as an officer would: each opens its dialog for the committee shown (asking which committee in
"All committees"), and minutes saved from the review show at once in the tracker. The print
dialog itself is test_print_dialog.py's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop_app.services import actions, committees, recommendations
from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
from desktop_app.ui.printing.dialog import PrintDialog
from tests.conftest import DEMO_COMMITTEE, SEEDS
from tests.ui.conftest import choose, click
from tests.ui.test_print_dialog import pdf_text, shows_pages

SAFETY_MS = 120_000            # only so a broken build fails instead of hanging
SEED_004 = SEEDS / "004_herefordshire_cyp_agenda_pack_2021-11-23.txt"


# ------------------------------------------------------------------------------ the window

def test_ctrl_p_on_the_window_opens_the_print_dialog(qtbot, window, tmp_path):
    assert QKeySequence("Ctrl+P") in window.menus.print_action.shortcuts()
    qtbot.keyClick(window.tracker.actions_grid.table, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, PrintDialog)
    assert dialog.isVisible()
    assert dialog.parent() is window
    assert dialog.options.committee().name == window.committee == DEMO_COMMITTEE
    assert dialog.wait_idle()
    shows_pages(dialog)
    assert dialog.output.save_to(tmp_path / "log.pdf")
    assert "Claire Ward" in pdf_text(tmp_path / "log.pdf")
    dialog.done(0)


def test_import_minutes_action_opens_the_review(qtbot, window, monkeypatch):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert window.menus.import_minutes_action in menu.actions()
    assert QKeySequence("Ctrl+Shift+I") in window.menus.import_minutes_action.shortcuts()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SEED_004), ""))
    qtbot.keyClick(window.tracker.actions_grid.table, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.dialog
    assert isinstance(dialog, MinutesReviewDialog)
    assert dialog.isVisible()
    assert dialog.committee == DEMO_COMMITTEE
    qtbot.waitUntil(lambda: dialog.controller.phase != "empty", timeout=SAFETY_MS)
    assert dialog.wait_idle()
    assert dialog.controller.phase == "ready"
    assert dialog.controller.path == str(SEED_004)
    dialog.done(0)


def test_imported_minutes_refresh_the_tracker(qtbot, db, open_window, today, monkeypatch):
    committees.add_committee(db, DEMO_COMMITTEE, "CYPSC")
    committees.add_committee(db, "Adults and Wellbeing Scrutiny Committee", "AWSC")
    win = open_window(db)
    choose(win.committee_combo, "All committees")
    win.tracker.wait_loaded()
    assert win.tracker.recs_model.rowCount() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SEED_004), ""))
    win.menus.import_minutes_action.trigger()
    ask = win.dialog                       # all committees: which one?
    assert isinstance(ask, QInputDialog)
    assert ask.isVisible()
    assert ask.comboBoxItems() == ["Adults and Wellbeing Scrutiny Committee", DEMO_COMMITTEE]
    ask.setTextValue(DEMO_COMMITTEE)
    ask.accept()
    review = win.dialog
    assert isinstance(review, MinutesReviewDialog)
    assert review.committee == DEMO_COMMITTEE
    qtbot.waitUntil(lambda: review.controller.phase == "ready", timeout=SAFETY_MS)
    assert review.wait_idle()
    with qtbot.waitSignal(review.saved, timeout=SAFETY_MS):
        click(qtbot, review.save_button)
        assert review.wait_idle()
    win.tracker.wait_loaded()
    saved = recommendations.list_recommendations(db, DEMO_COMMITTEE)
    assert saved
    assert win.tracker.recs_model.rowCount() == len(saved)
    assert win.tracker.actions_model.rowCount() == len(actions.list_actions(db))
    review.done(0)
