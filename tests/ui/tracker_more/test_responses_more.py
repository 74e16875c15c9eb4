"""The executive's responses to the Housing committee's recommendations, recorded in the detail
pane as an officer does: each verdict with its words and the date received is stored and shown
(the Response and Executive response columns, the pane's s.9FE line) and undone in one step;
a verdict alone is enough, nothing at all is refused; a response to an overdue one clears
OVERDUE; the implementation status and updates are saved and shown."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.enums import ImplementationStatus, Verdict
from desktop_app.services import recommendations
from desktop_app.ui.app_state import long_date
from tests.ui.conftest import choose
from tests.ui.officer.conftest import click
from tests.ui.tracker_more.conftest import HOUSING, cell_text, click_cell, scope


def rec(db, label: str):
    found = next(r for r in recommendations.list_recommendations(db, HOUSING) if r.label == label)
    return recommendations.get_recommendation(db, found.id)


def show(desk, label: str):
    """The Housing committee's recommendation clicked in the grid; (grid, pane, row)."""
    win = desk.window
    scope(win, HOUSING)
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    row = rec(desk.db, label)
    click_cell(desk.qtbot, grid, row.id, "text")
    pane = win.tracker.rec_detail
    assert pane.row.id == row.id
    return grid, pane, row


def type_response(desk, pane, words: str, verdict_label: str, on: str = "") -> None:
    pane.response.clear()
    desk.qtbot.keyClicks(pane.response, words)
    choose(pane.verdict, verdict_label)
    pane.response_on.line.clear()
    desk.qtbot.keyClicks(pane.response_on.line, on)
    click(desk.qtbot, pane.response_button)


@pytest.mark.parametrize("verdict", [Verdict.ACCEPTED, Verdict.PARTIALLY_ACCEPTED,
                                     Verdict.REJECTED, Verdict.NOTED])
def test_each_verdict_with_its_words_and_date_is_stored_shown_and_undone(desk, verdict):
    grid, pane, before = show(desk, "R2")
    assert (before.verdict, before.response) == (Verdict.AWAITING, "")
    assert cell_text(grid, before.id, "verdict") == "Awaiting response"
    words = f"The Cabinet Member for Housing {verdict.label.lower()} this recommendation."
    type_response(desk, pane, words, verdict.label, "10/11/2021")
    after = recommendations.get_recommendation(desk.db, before.id)
    assert (after.response, after.verdict, after.response_on) == (words, verdict,
                                                                  dt.date(2021, 11, 10))
    assert after.responded
    assert cell_text(grid, before.id, "verdict") == verdict.label
    assert cell_text(grid, before.id, "response") == words
    assert pane.due_text.text() == (f"{verdict.label}. The response was due by "
                                    f"{long_date(after.response_due)}.")
    assert desk.window.undo_stack.undoText() == "Record the executive's response"
    desk.window.menus.undo_action.trigger()
    undone = recommendations.get_recommendation(desk.db, before.id)
    assert (undone.response, undone.verdict, undone.responded) == ("", Verdict.AWAITING, False)
    assert cell_text(grid, before.id, "verdict") == "Awaiting response"
    assert cell_text(grid, before.id, "response") == ""


def test_a_verdict_alone_is_enough(desk):
    grid, pane, before = show(desk, "R2")
    type_response(desk, pane, "", "Noted")
    after = recommendations.get_recommendation(desk.db, before.id)
    assert (after.verdict, after.response, after.response_on) == (Verdict.NOTED, "",
                                                                  dt.date(2021, 11, 12))
    assert cell_text(grid, before.id, "verdict") == "Noted"
    desk.window.menus.undo_action.trigger()
    assert recommendations.get_recommendation(desk.db, before.id).verdict == Verdict.AWAITING


def test_neither_words_nor_verdict_is_refused_and_nothing_written(desk):
    grid, pane, before = show(desk, "R2")
    type_response(desk, pane, "", "Awaiting response")
    assert [b["text"] for b in desk.boxes.seen] == [
        "Type the executive's response or choose a verdict first."]
    after = recommendations.get_recommendation(desk.db, before.id)
    assert after.version == before.version
    assert desk.window.undo_stack.count() == 0


@pytest.mark.parametrize("typed", ["31/11/2021", "last Tuesday"])
def test_a_received_date_that_is_not_a_date_is_refused(desk, typed):
    grid, pane, before = show(desk, "R2")
    type_response(desk, pane, "Agreed.", "Accepted", typed)
    assert len(desk.boxes.seen) == 1
    assert f"{typed!r} is not a date" in desk.boxes.seen[0]["text"]
    after = recommendations.get_recommendation(desk.db, before.id)
    assert (after.version, after.verdict) == (before.version, Verdict.AWAITING)
    assert cell_text(grid, before.id, "verdict") == "Awaiting response"


def test_a_response_to_an_overdue_recommendation_clears_overdue(desk):
    grid, pane, before = show(desk, "R1")
    assert before.response_overdue
    assert cell_text(grid, before.id, "verdict") == "OVERDUE"
    assert "OVERDUE" in pane.due_text.text()
    choose(grid.status, "Response overdue (s.9FE)")
    assert grid.proxy.proxy_row_of(before.id) is not None
    type_response(desk, pane, "Agreed: the strategy goes to Cabinet in January.", "Accepted")
    after = recommendations.get_recommendation(desk.db, before.id)
    assert not after.response_overdue
    assert grid.proxy.proxy_row_of(before.id) is None       # no longer under that filter
    choose(grid.status, "All recommendations")
    assert cell_text(grid, before.id, "verdict") == "Accepted"
    desk.window.menus.undo_action.trigger()
    assert recommendations.get_recommendation(desk.db, before.id).response_overdue
    assert cell_text(grid, before.id, "verdict") == "OVERDUE"


@pytest.mark.parametrize("status", [ImplementationStatus.IN_PROGRESS,
                                    ImplementationStatus.COMPLETED])
def test_the_implementation_status_is_saved_shown_and_undone(desk, status):
    grid, pane, before = show(desk, "R3")
    assert before.status == ImplementationStatus.OPEN
    choose(pane.status, status.label)
    assert pane.save_button.isEnabled()
    click(desk.qtbot, pane.save_button)
    assert recommendations.get_recommendation(desk.db, before.id).status == status
    assert cell_text(grid, before.id, "status") == status.label
    desk.window.menus.undo_action.trigger()
    assert recommendations.get_recommendation(desk.db, before.id).status == before.status
    assert cell_text(grid, before.id, "status") == "Open"


def test_an_implementation_update_with_a_new_status(desk):
    """An update is a dated record in its own right (not an undo step): R4 is for this test."""
    grid, pane, before = show(desk, "R4")
    words = "Recruitment to the two posts has begun."
    desk.qtbot.keyClicks(pane.update_text, words)
    choose(pane.update_status, "In progress")
    click(desk.qtbot, pane.add_update_button)
    after = recommendations.get_recommendation(desk.db, before.id)
    assert [u.text for u in after.updates] == [*(u.text for u in before.updates), words]
    assert after.status == ImplementationStatus.IN_PROGRESS
    assert cell_text(grid, before.id, "status") == "In progress"
    assert not desk.boxes.seen
