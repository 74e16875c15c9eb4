"""The minutes review screen (issue 6), driven as an officer would and checked in the database.

Real SQLite database per test; the file is read and saved on worker threads, and the tests wait
for those jobs (``dialog.wait_idle()``), never for a fixed time. Message boxes are answered by a
QTimer, as a person would click OK; nothing of ours is patched. The file given (no date, bad
files, choosing one) is test_minutes_review_files.py's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (QCheckBox, QLineEdit, QPlainTextEdit, QPushButton)

from desktop_app.services.actions import list_actions
from desktop_app.services.committees import add_committee
from desktop_app.services.recommendations import list_recommendations
from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
from desktop_app.ui.minutes_review.model import ACTION, REC
from tests.conftest import DEMO_COMMITTEE, SEEDS

SEED_004 = SEEDS / "004_herefordshire_cyp_agenda_pack_2021-11-23.txt"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
MEETING = dt.date(2021, 10, 12)
# Only a safety net so a broken build fails instead of hanging; nothing here is timed.
SAFETY_MS = 120_000   # the minutes in the 23 November 2021 pack are of 12 October


@pytest.fixture
def cyp_db(db):
    """A fresh committee of the seed's name, with nothing saved yet."""
    add_committee(db, DEMO_COMMITTEE)
    return db


@pytest.fixture
def open_dialog(qtbot):
    opened: list[MinutesReviewDialog] = []

    def make(db, path, committee: str = DEMO_COMMITTEE, size=(1366, 768)):
        dialog = MinutesReviewDialog(db, committee, str(path) if path else None)
        opened.append(dialog)
        if size:
            dialog.resize(*size)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.wait_idle()
        return dialog

    yield make
    for dialog in opened:
        if shiboken6.isValid(dialog):
            dialog.wait_idle()
            dialog.done(0)     # not reject(): no "discard your edits?" question at teardown


# ------------------------------------------------------------------------------ helpers

def find(dialog, number: str, kind: str, label: str = "", starts: str = ""):
    """The model index (column 0) of one proposal under item ``number``."""
    model = dialog.model
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        if model.item_of(parent).number != number:
            continue
        for child in range(model.rowCount(parent)):
            index = model.index(child, 0, parent)
            choice = model.choice(index)
            if choice.kind == kind and (not label or choice.label == label) and \
                    choice.text.startswith(starts):
                return index
    raise AssertionError(f"no {kind} {label} {starts!r} under item {number}")


def go_to(qtbot, dialog, index) -> None:
    """Select a row with the mouse, as a person would."""
    tree = dialog.tree
    tree.scrollTo(index)
    rect = tree.visualRect(index.siblingAtColumn(1))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tree.currentIndex().row() == index.row()
    assert tree.currentIndex().parent() == index.parent()


def replace_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def save(qtbot, dialog):
    assert dialog.save_button.isEnabled(), dialog.save_problem()
    with qtbot.waitSignal(dialog.saved, timeout=SAFETY_MS) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.wait_idle()
    return blocker.args[0]


def recs_in_db(db, committee=DEMO_COMMITTEE):
    return sorted((r.item, r.label, r.text) for r in list_recommendations(db, committee)
                  if r.meeting_date == MEETING)


def actions_in_db(db, committee=DEMO_COMMITTEE):
    return sorted((a.text, a.owner) for a in list_actions(db, committee)
                  if a.meeting_date == MEETING)


# ------------------------------------------------------------------------------ the seed

def test_seed_shows_meeting_items_and_proposals(open_dialog, cyp_db):
    dialog = open_dialog(cyp_db, SEED_004)
    assert dialog.controller.phase == "ready"
    assert dialog.when_label.text() == "Tuesday 12 October 2021, 2:30 pm"
    assert "Herefordshire Council Offices, Plough Lane" in dialog.venue_label.text()
    assert dialog.venue_label.text().endswith(
        "\nAttendance: 11 present, 9 in attendance. Approves the minutes of 7 September 2021.")
    assert not dialog.date_row.isVisible()
    model = dialog.model
    numbers = [model.item_of(model.index(r, 0)).number for r in range(model.rowCount())]
    assert numbers == [str(n) for n in range(33, 43)]
    item_39 = model.index(numbers.index("39"), 0)
    assert model.rowCount(item_39) == 7                 # (a)-(d) and three actions
    assert "PROVISION OF CHILDREN CENTRE SERVICE" in item_39.data()
    # Procedural resolutions are proposed, greyed and unticked; the rest ticked.
    approved = find(dialog, "36", REC, starts="It was resolved that the minutes")
    assert approved.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "Procedural" in approved.data()
    assert approved.data(Qt.ItemDataRole.ForegroundRole) is not None
    rec_a = find(dialog, "39", REC, "(a)")
    assert rec_a.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    action = find(dialog, "39", ACTION, starts="The Deputy Monitoring Officer")
    assert action.siblingAtColumn(2).data() == "Deputy Monitoring Officer"
    assert dialog.count_label.text() == "7 recommendations, 3 actions selected"
    assert "not in the tracker yet" in dialog.preview_label.text()
    assert dialog.save_button.isEnabled()


def test_untick_edit_and_save_only_the_accepted(qtbot, open_dialog, cyp_db):
    dialog = open_dialog(cyp_db, SEED_004)
    tree = dialog.tree

    # Drop recommendation 39 (b) with the keyboard: select it, Space.
    rec_b = find(dialog, "39", REC, "(b)")
    go_to(qtbot, dialog, rec_b)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert rec_b.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not dialog.pane.accept_box.isChecked()
    assert dialog.count_label.text() == "6 recommendations, 3 actions selected"

    # Give the first action of item 39 another owner: select it, Enter, then the owner field.
    action = find(dialog, "39", ACTION, starts="The Children's Commissioning Manager")
    go_to(qtbot, dialog, action)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert dialog.pane.wording.hasFocus()
    assert dialog.isVisible()                 # Enter did not press a button
    replace_text(qtbot, dialog.pane.owner, "Head of Commissioning")
    assert action.siblingAtColumn(2).data() == "Head of Commissioning"
    assert "edited" in action.data()
    assert dialog.count_label.text() == "6 recommendations, 3 actions selected (1 edited)"

    # Reword 40 (a) in the pane.
    rec_40a = find(dialog, "40", REC, "(a)")
    go_to(qtbot, dialog, rec_40a)
    replace_text(qtbot, dialog.pane.wording,
                 "The Committee agrees to take up the LGA training offer.")
    assert rec_40a.siblingAtColumn(1).data() == (
        "The Committee agrees to take up the LGA training offer.")

    summary = save(qtbot, dialog)
    assert summary.meeting_created
    assert summary.recommendations_created == 6
    assert summary.actions_created == 3
    assert dialog.result_label.isVisible()
    assert dialog.result_label.text().startswith(
        f"Saved to {DEMO_COMMITTEE}, meeting of 12 October 2021: added the meeting, "
        "10 agenda items, 6 recommendations and 3 actions.")
    assert "Left out as you chose: 5 recommendations." in dialog.result_label.text()
    assert "Recorded the attendance (20 people)." in dialog.result_label.text()

    item_39 = "PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA"
    item_40 = ("EFFECTIVE SCRUTINY OF CHILDREN'S SERVICES: TRAINING AND DEVELOPMENT OFFER")
    stored = recs_in_db(cyp_db)
    assert [(item, label) for item, label, _ in stored] == sorted([
        ("QUESTIONS FROM MEMBERS OF THE PUBLIC", ""),
        (item_39, "(a)"), (item_39, "(c)"), (item_39, "(d)"),
        (item_40, "(a)"), (item_40, "(b)")])
    assert (item_40, "(a)", "The Committee agrees to take up the LGA training offer.") in stored
    assert not any("further market testing" in text for _, _, text in stored)   # 39 (b)
    assert not any("minutes of 7 September 2021" in text for _, _, text in stored)
    owners = {text.split(" to ")[0]: owner for text, owner in actions_in_db(cyp_db)}
    assert owners == {
        "The Children's Commissioning Manager": "Head of Commissioning",
        "The Deputy Monitoring Officer": "Deputy Monitoring Officer",
        "Information on the Friends of Ledbury": ""}

    # Saving the same choice again adds nothing, and says so.
    again = save(qtbot, dialog)
    assert not again.created_anything
    assert dialog.result_label.text().startswith("Nothing new")
    assert len(recs_in_db(cyp_db)) == 6
    assert len(actions_in_db(cyp_db)) == 3


def test_procedural_resolutions_can_be_ticked(qtbot, open_dialog, cyp_db):
    dialog = open_dialog(cyp_db, SEED_004)
    approved = find(dialog, "36", REC, starts="It was resolved that the minutes")
    go_to(qtbot, dialog, approved)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert approved.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.count_label.text() == "8 recommendations, 3 actions selected"
    save(qtbot, dialog)
    [minutes] = [r for r in list_recommendations(cyp_db, DEMO_COMMITTEE)
                 if r.item == "MINUTES"]
    assert minutes.text.startswith("It was resolved that the minutes of 7 September 2021")
    assert minutes.sent_on is None      # procedural: nothing to send to the executive


def test_tick_buttons_and_item_space(qtbot, open_dialog, cyp_db):
    dialog = open_dialog(cyp_db, SEED_004)
    qtbot.mouseClick(dialog.untick_all_button, Qt.MouseButton.LeftButton)
    assert dialog.count_label.text() == "0 recommendations, 0 actions selected"
    qtbot.mouseClick(dialog.tick_all_button, Qt.MouseButton.LeftButton)
    assert dialog.count_label.text() == "11 recommendations, 3 actions selected"
    qtbot.mouseClick(dialog.default_button, Qt.MouseButton.LeftButton)
    assert dialog.count_label.text() == "7 recommendations, 3 actions selected"
    # Space on an item's own row: all its proposals off, then on again.
    model = dialog.model
    item_39 = find(dialog, "39", REC, "(a)").parent()
    dialog.tree.setCurrentIndex(item_39)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert dialog.count_label.text() == "3 recommendations, 0 actions selected"
    assert all(not model.choice(model.index(r, 0, item_39)).accepted
               for r in range(model.rowCount(item_39)))
    assert "Item 39" in dialog.pane.title.text() or "39." in dialog.pane.title.text()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert dialog.count_label.text() == "7 recommendations, 3 actions selected"


def test_blank_wording_blocks_saving_and_restore(qtbot, open_dialog, cyp_db):
    dialog = open_dialog(cyp_db, SEED_004)
    rec_a = find(dialog, "39", REC, "(a)")
    go_to(qtbot, dialog, rec_a)
    replace_text(qtbot, dialog.pane.wording, "   ")
    assert not dialog.save_button.isEnabled()
    assert "has no wording" in dialog.problem_label.text()
    qtbot.mouseClick(dialog.pane.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.pane.wording.toPlainText().startswith("That the Executive consider if")
    assert dialog.save_button.isEnabled()
    assert not dialog.problem_label.isVisible()


def test_clicking_the_tick_box(qtbot, open_dialog, cyp_db):
    dialog = open_dialog(cyp_db, SEED_004)
    rec_c = find(dialog, "39", REC, "(c)")
    tree = dialog.tree
    tree.scrollTo(rec_c)
    rect = tree.visualRect(rec_c)
    box = QPoint(rect.left() + 14, rect.center().y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert rec_c.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.count_label.text() == "6 recommendations, 3 actions selected"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert rec_c.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # The pane's tick box is the same choice.
    go_to(qtbot, dialog, rec_c)
    accept_box = dialog.pane.accept_box
    qtbot.mouseClick(accept_box, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, accept_box.height() // 2))
    assert rec_c.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


# ------------------------------------------------------------------------------ the demo

def test_the_demo_already_has_these_minutes_nothing_new(qtbot, open_dialog, demo_db):
    before_recs = len(list_recommendations(demo_db, DEMO_COMMITTEE))
    before_actions = len(list_actions(demo_db, DEMO_COMMITTEE))
    dialog = open_dialog(demo_db, SEED_004)
    assert "already saved" in dialog.preview_label.text()
    summary = save(qtbot, dialog)
    assert not summary.created_anything
    assert dialog.result_label.text().startswith("Nothing new")
    assert len(list_recommendations(demo_db, DEMO_COMMITTEE)) == before_recs
    assert len(list_actions(demo_db, DEMO_COMMITTEE)) == before_actions


def test_exempt_and_incomplete_items_are_marked(open_dialog, db):
    add_committee(db, "Corporate Overview and Scrutiny Committee")
    dialog = open_dialog(db, FIXTURES / "moderngov_corporate_2023-03.txt",
                         committee="Corporate Overview and Scrutiny Committee")
    model = dialog.model
    rows = {model.item_of(model.index(r, 0)).number: model.index(r, 0)
            for r in range(model.rowCount())}
    assert "Exempt \u2013 paragraph 3" in rows["19"].data()
    assert "Incomplete \u2014 the page cut the text" in rows["16"].data()
    assert "nothing to review" in rows["16"].data()
    assert dialog.committee_combo.currentData() == "Corporate Overview and Scrutiny Committee"
    assert dialog.committee_label.text() == "named in the minutes"


# ------------------------------------------------------------------------------ a11y and size

def test_controls_have_accessible_names_and_fit_a_small_laptop(qtbot, open_dialog, cyp_db):
    dialog = open_dialog(cyp_db, SEED_004, size=None)
    for kind in (QPushButton, QCheckBox, QLineEdit, QPlainTextEdit):
        for widget in dialog.findChildren(kind):
            if widget.isVisible():
                what = widget.text() if hasattr(widget, "text") else widget.objectName()
                assert widget.accessibleName(), f"{kind.__name__} {what!r} has no name"
    assert dialog.tree.accessibleName()
    index = find(dialog, "39", REC, "(a)")
    assert "ticked" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366
    assert hint.height() <= 768
    dialog.resize(1366, 768)
    assert dialog.width() <= 1366
    assert dialog.height() <= 768
