"""File > Import minutes... from the shared window, saved: the example committee's published
minutes of 22 February 2022 (seed 001, which carries no date: the officer types it) are
reviewed, one recommendation is left out, and Save writes the meeting, its agenda items and the
ticked recommendations; the Meetings tab then shows that meeting's agenda as the minutes number
it, the Recommendations grid the recommendations saved, and saving again adds nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.services import meetings, recommendations
from desktop_app.ui.meetings.agenda_model import AgendaModel
from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
from desktop_app.ui.minutes_review.model import REC
from tests.conftest import SEEDS
from tests.ui.officer.conftest import DEMO_COMMITTEE, SAFETY_MS, shown_texts
from tests.ui.officer.test_menus_and_shortcuts import choose_from_menu

SEED_001 = SEEDS / "001_herefordshire_cyp_minutes_2022-02.txt"
DAY = dt.date(2022, 2, 22)


def open_review(officer, monkeypatch, path) -> MinutesReviewDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    choose_from_menu(officer.window, "File", "Import minutes\u2026")
    dialog = officer.window.dialog
    assert isinstance(dialog, MinutesReviewDialog)
    officer.qtbot.waitUntil(lambda: dialog.controller.path == str(path), timeout=SAFETY_MS)
    assert dialog.wait_idle()
    return dialog


def proposals(dialog) -> list:
    """(item number, index) of every recommendation the review proposes."""
    model, found = dialog.model, []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        for child in range(model.rowCount(parent)):
            index = model.index(child, 0, parent)
            if model.choice(index).kind == REC:
                found.append((model.item_of(parent).number, index))
    return found


def test_minutes_reviewed_and_saved_are_shown_in_the_meetings_and_tracker_tabs(officer,
                                                                             monkeypatch):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    assert all(m.date != DAY for m in meetings.list_meetings(db, DEMO_COMMITTEE))
    before = {r.id for r in recommendations.list_recommendations(db, DEMO_COMMITTEE)}
    dialog = open_review(officer, monkeypatch, SEED_001)
    try:
        qtbot.keyClicks(dialog.date_edit.line, DAY.strftime("%d/%m/%Y"))
        assert dialog.wait_idle()
        numbers = [dialog.model.item_of(dialog.model.index(r, 0)).number
                   for r in range(dialog.model.rowCount())]
        recs = proposals(dialog)
        ticked = [(n, i) for n, i in recs
                  if i.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked]
        assert len(ticked) == 4
        left_out = ticked[-1][1]
        left_text = dialog.model.choice(left_out).text
        dialog.tree.setCurrentIndex(left_out)
        dialog.tree.setFocus()
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)           # untick it, as a person would
        assert left_out.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        assert dialog.count_label.text() == "3 recommendations, 0 actions selected"
        assert dialog.save_button.isEnabled(), dialog.save_problem()
        with qtbot.waitSignal(dialog.saved, timeout=SAFETY_MS) as blocker:
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert dialog.wait_idle()
        summary = blocker.args[0]
        assert summary.recommendations_created == 3
        again = None
        with qtbot.waitSignal(dialog.saved, timeout=SAFETY_MS) as blocker:
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert dialog.wait_idle()
        again = blocker.args[0]
        assert not again.created_anything
    finally:
        dialog.wait_idle()
        dialog.done(0)
    saved = [r for r in recommendations.list_recommendations(db, DEMO_COMMITTEE)
             if r.id not in before]
    assert len(saved) == 3
    assert {r.meeting_date for r in saved} == {DAY}
    assert all(r.text != left_text for r in saved)
    m = meetings.get_meeting(db, DEMO_COMMITTEE, DAY)
    assert [i.number for i in m.items] == numbers
    tab = win.meetings_tab
    win.tabs.setCurrentWidget(tab)
    tab.select_meeting(m.id)
    assert shown_texts(tab.agenda_view, AgendaModel.NUMBER) == numbers
    assert tab.detail_tabs.tabText(1) == "Recommendations and actions (3)"
    tracker = win.tracker
    win.tabs.setCurrentWidget(tracker)
    tracker.show_view("recommendation")
    assert tracker.wait_loaded()
    proxy = tracker.recs_grid.proxy
    shown_ids = {proxy.row_at(r).id for r in range(proxy.rowCount())}
    assert {r.id for r in saved} <= shown_ids
    assert not officer.boxes.seen
