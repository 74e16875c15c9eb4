"""The minutes review screen (issue 6) and the file the officer gives it: minutes without a
date (one must be typed before saving), files that cannot be read (one line naming the file,
nothing saved, the first file kept), and choosing a file or cancelling the choice. Driven as an
officer would and checked in the database, as test_minutes_review.py (whose fixtures these are).
"""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.services.actions import list_actions
from desktop_app.services.committees import add_committee
from desktop_app.services.meetings import get_meeting
from desktop_app.services.recommendations import list_recommendations
from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
from tests.conftest import DEMO_COMMITTEE
from tests.ui.test_minutes_review import (FIXTURES, SAFETY_MS, SEED_004, cyp_db,  # noqa: F401
                                          open_dialog, replace_text, save)

NO_DATE = """Minutes of the meeting of the Libraries Scrutiny Committee held at the Town Hall

Present: Councillor A Smith (Chair)

**5. LIBRARY OPENING HOURS**

The Head of Libraries presented the report.

RESOLVED: That:

(a) the Cabinet Member review Saturday opening hours; and

(b) a report on usage come back in six months.

Actions arising:

- The Head of Libraries to circulate the usage figures.

**6. WORK PROGRAMME**

RESOLVED: That the work programme be agreed.
"""


# ------------------------------------------------------------------------------ the date

def test_minutes_without_a_date_need_one_before_saving(
        qtbot, open_dialog, db, tmp_path):  # noqa: F811
    add_committee(db, "Libraries Scrutiny Committee")
    path = tmp_path / "libraries.txt"
    path.write_text(NO_DATE, encoding="utf-8")
    dialog = open_dialog(db, path, committee="Libraries Scrutiny Committee")
    assert dialog.controller.phase == "ready"
    assert dialog.date_row.isVisible()
    assert not dialog.when_label.isVisible()
    assert not dialog.save_button.isEnabled()
    assert "Enter the meeting date" in dialog.problem_label.text()

    qtbot.keyClicks(dialog.date_edit.line, "31/02/2023")     # not a date
    assert not dialog.save_button.isEnabled()
    assert "is not a date" in dialog.problem_label.text()

    replace_text(qtbot, dialog.date_edit.line, "7 March 2023")
    qtbot.keyClick(dialog.date_edit.line, Qt.Key.Key_Return)  # finishes the date, saves nothing
    assert dialog.wait_idle()
    assert dialog.save_button.isEnabled()
    assert dialog.controller.last_summary is None
    assert "not in the tracker yet" in dialog.preview_label.text()

    summary = save(qtbot, dialog)
    assert summary.meeting_date == dt.date(2023, 3, 7)
    meeting = get_meeting(db, "Libraries Scrutiny Committee", dt.date(2023, 3, 7))
    assert [(i.number, i.title) for i in meeting.items] == [
        ("5", "LIBRARY OPENING HOURS"), ("6", "WORK PROGRAMME")]
    recs = list_recommendations(db, "Libraries Scrutiny Committee")
    assert [(r.label, r.text) for r in recs] == [
        ("(a)", "the Cabinet Member review Saturday opening hours"),
        ("(b)", "a report on usage come back in six months.")]
    [action] = list_actions(db, "Libraries Scrutiny Committee")
    assert action.owner == "Head of Libraries"


# ------------------------------------------------------------------------------ bad files

@pytest.mark.parametrize(("name", "content", "expected"), [
    ("notes.txt", "Some notes about the meeting, with no numbered items at all.\n",
     "no numbered minutes items found"),
    ("minutes.pdf", "%PDF-1.4 not really\n", "not a readable PDF file"),
    ("minutes.rtf", "{\\\\rtf1 not read}\n", "unknown file type .rtf"),
    ("empty.md", "", "file is empty"),
])
def test_a_bad_file_shows_one_line_naming_it(qtbot, open_dialog, auto_ok, cyp_db,  # noqa: F811
                                             tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    dialog = open_dialog(cyp_db, path)
    qtbot.waitUntil(lambda: bool(auto_ok), timeout=SAFETY_MS)
    [box] = auto_ok
    assert box["title"] == "Cannot read the minutes"
    assert name in box["text"]
    assert expected in box["text"]
    assert "\n" not in box["text"]
    assert dialog.controller.phase == "failed"
    assert f"Could not read {name}" in dialog.placeholder.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.choose_button.isEnabled()


def test_a_bad_second_file_keeps_the_first(
        qtbot, open_dialog, auto_ok, cyp_db, tmp_path, monkeypatch):  # noqa: F811
    dialog = open_dialog(cyp_db, SEED_004)
    bad = tmp_path / "later.docx"
    bad.write_bytes(b"not a zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.wait_idle()
    qtbot.waitUntil(lambda: bool(auto_ok), timeout=SAFETY_MS)
    assert "later.docx" in auto_ok[0]["text"]
    assert dialog.controller.phase == "ready"
    assert dialog.controller.path == str(SEED_004)
    assert dialog.stack.currentWidget() is dialog.splitter
    assert dialog.save_button.isEnabled()


def test_choose_a_file_when_none_given(qtbot, open_dialog, cyp_db, monkeypatch):  # noqa: F811
    fixture = FIXTURES / "formal_adults_panel_2023-01.txt"
    asked = []

    def pick(*args, **kwargs):
        asked.append(args)
        return str(fixture), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    dialog = open_dialog(cyp_db, None)
    qtbot.waitUntil(lambda: dialog.controller.phase != "empty", timeout=SAFETY_MS)
    assert dialog.wait_idle()
    assert asked
    assert dialog.controller.phase == "ready"
    assert dialog.controller.proposal.meeting_date == dt.date(2023, 1, 18)
    # The minutes name another body: the officer is told where they will go.
    assert "Adults and Health Scrutiny Panel" in dialog.committee_label.text()


def test_cancelling_the_file_choice_closes_the_dialog(qtbot, cyp_db, monkeypatch):  # noqa: F811
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    dialog = MinutesReviewDialog(cyp_db, DEMO_COMMITTEE)
    with qtbot.waitSignal(dialog.rejected, timeout=SAFETY_MS):
        dialog.show()          # asks for the file once shown; cancelling closes it
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or dialog.isHidden(),
                    timeout=SAFETY_MS)


# ------------------------------------------------------------------------------ due dates

def test_an_actions_due_date_is_shown_beside_its_owner_and_saved(
        qtbot, open_dialog, db):  # noqa: F811
    # "That the Head of Waste Services provide ... by 30 September 2023" (a CMIS page): the
    # review shows the due date under the owner, and saving keeps it.
    add_committee(db, "Environment Scrutiny Committee")
    dialog = open_dialog(db, FIXTURES / "cmis_westharrowden_environment_2023-07.html",
                         committee="Environment Scrutiny Committee")
    model = dialog.model
    shown = {}
    for c in (c for choices in model.state.by_item for c in choices if c.owner):
        index = model.index_of(c, model.OWNER)
        shown[c.owner] = (index.data(), index.data(Qt.ItemDataRole.AccessibleTextRole))
    assert shown == {
        "Head of Waste Services": ("Head of Waste Services\ndue 30 September 2023",
                                   "Owner: Head of Waste Services, due 30 September 2023"),
        "Flood Risk Manager": ("Flood Risk Manager", "Owner: Flood Risk Manager")}
    assert model.headerData(model.OWNER, Qt.Orientation.Horizontal) == "Owner / due"
    save(qtbot, dialog)
    saved = {a.owner: a.due_date for a in list_actions(db, "Environment Scrutiny Committee")}
    assert saved == {"Head of Waste Services": dt.date(2023, 9, 30), "Flood Risk Manager": None}


# ------------------------------------------------------------------------------ the meeting's actions

def test_an_actions_table_after_the_last_minute_is_reviewed_and_saved_for_the_meeting(
        qtbot, open_dialog, db):  # noqa: F811
    """Brackenford's closing "Actions agreed at this meeting" table names no minute: the review
    shows its actions in their own group after the items, not under 20/23 Date of Next
    Meeting, and they are saved against the meeting under no agenda item."""
    from tests.ui.test_minutes_review import find, go_to

    add_committee(db, "Housing and Communities Scrutiny Committee")
    dialog = open_dialog(db, FIXTURES / "word_brackenford_housing_2023-03.docx",
                         committee="Housing and Communities Scrutiny Committee")
    model = dialog.model
    last = model.index(model.rowCount() - 1, 0)
    assert model.data(last).startswith("Actions for the whole meeting (no minute named)")
    assert model.rowCount(model.index(model.rowCount() - 2, 0)) == 0     # 20/23: nothing
    visit = find(dialog, "", "action", starts="Arrange a visit")
    go_to(qtbot, dialog, visit)
    assert dialog.pane.item_label.text() == "For the whole meeting (no minute named)"
    assert model.data(visit, Qt.ItemDataRole.AccessibleTextRole) == \
        "Action for the whole meeting, ticked, will be saved"
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)                          # leave it out
    save(qtbot, dialog)
    saved = list_actions(db, "Housing and Communities Scrutiny Committee")
    assert [(a.item, a.owner, a.due_date) for a in saved] == [
        ("", "Imran Sheikh, Head of Housing Options", dt.date(2023, 3, 31)),
        ("", "Imran Sheikh, Head of Housing Options", dt.date(2023, 6, 8)),
        ("", "Gareth Pryce, Private Sector Housing Manager", dt.date(2023, 4, 14))]
