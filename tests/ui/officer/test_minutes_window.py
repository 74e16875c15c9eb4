"""File > Import minutes… from the shared window: a file that cannot be read is named in one
line with its reason and nothing is saved; a real set of minutes is shown for review (Save
waits for a date when the minutes give none), and closing the review without saving writes
nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.services import actions, meetings, recommendations
from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
from tests.conftest import SEEDS
from tests.ui.officer.conftest import DEMO_COMMITTEE, SAFETY_MS
from tests.ui.officer.test_menus_and_shortcuts import choose_from_menu


def counts(db) -> tuple[int, int, int]:
    return (len(recommendations.list_recommendations(db, DEMO_COMMITTEE)),
            len(actions.list_actions(db, DEMO_COMMITTEE)),
            len(meetings.list_meetings(db, DEMO_COMMITTEE)))


def open_review(officer, monkeypatch, path) -> MinutesReviewDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    choose_from_menu(officer.window, "File", "Import minutes\u2026")
    dialog = officer.window.dialog
    assert isinstance(dialog, MinutesReviewDialog)
    officer.qtbot.waitUntil(lambda: dialog.controller.path == str(path), timeout=SAFETY_MS)
    assert dialog.wait_idle()
    return dialog


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("notes.txt", b"Some notes about the meeting, with no numbered items at all.\n",
     "no numbered minutes items found"),
    ("minutes.pdf", b"%PDF-1.4 not really\n", "not a readable PDF file"),
    ("minutes.rtf", b"{\\rtf1 not read}\n", "unknown file type .rtf"),
    ("empty.md", b"", "file is empty"),
    ("minutes.docx", b"not a zip", "minutes.docx"),
    ("minutes.html", b"<html><body><p>Nothing numbered here.</p></body></html>",
     "no numbered minutes items found"),
])
def test_minutes_that_cannot_be_read_are_named_in_one_line_and_nothing_is_saved(
        officer, monkeypatch, tmp_path, name, content, expected):
    before = counts(officer.db)
    path = tmp_path / name
    path.write_bytes(content)
    dialog = open_review(officer, monkeypatch, path)
    officer.qtbot.waitUntil(lambda: bool(officer.boxes.seen), timeout=SAFETY_MS)
    [box] = officer.boxes.seen
    assert box["title"] == "Cannot read the minutes"
    assert name in box["text"]
    assert expected in box["text"]
    assert "\n" not in box["text"]
    assert "Traceback" not in box["text"]
    assert not dialog.save_button.isEnabled()
    dialog.reject()
    assert counts(officer.db) == before


def test_minutes_reviewed_then_closed_write_nothing(officer, monkeypatch):
    before = counts(officer.db)
    dialog = open_review(officer, monkeypatch,
                         SEEDS / "001_herefordshire_cyp_minutes_2022-02.txt")
    assert dialog.controller.phase == "ready"
    assert dialog.model.rowCount() > 0                  # the items found, for review
    assert dialog.count_label.text() == "4 recommendations, 0 actions selected"
    # these minutes (as published on the web page) carry no date: Save waits for one
    assert dialog.date_edit.line.text() == ""
    assert not dialog.save_button.isEnabled()
    officer.qtbot.keyClicks(dialog.date_edit.line, "22/02/2022")
    assert dialog.wait_idle()
    assert dialog.save_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()
    assert counts(officer.db) == before
    assert not officer.boxes.seen
