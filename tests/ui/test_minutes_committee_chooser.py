"""Issue 18: the minutes review saves into the committee the minutes name when the tracker has
it (chosen for the officer in the "Save to" chooser, which lists every committee), not into the
committee the window showed; the officer can choose another, and is warned in amber."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.services.committees import add_committee
from desktop_app.services.meetings import list_meetings
from desktop_app.services.recommendations import list_recommendations
from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
from desktop_app.ui.minutes_review.text import AMBER
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
ADULTS = "Adults and Health Scrutiny Panel"
MEETING = dt.date(2023, 1, 18)


def test_minutes_go_to_the_committee_they_name(qtbot, db, today, message_boxes):
    add_committee(db, DEMO_COMMITTEE, short_name="CYPSC")
    add_committee(db, ADULTS, short_name="AHSP")
    add_committee(db, "Adults Safeguarding Board")
    dialog = MinutesReviewDialog(db, "CYPSC", str(FIXTURES / "formal_adults_panel_2023-01.txt"))
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.wait_idle()
    combo = dialog.committee_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Adults Safeguarding Board", f"{ADULTS} (AHSP)", f"{DEMO_COMMITTEE} (CYPSC)"]
    assert combo.currentData() == ADULTS                     # named in the minutes: chosen
    assert dialog.committee_label.text() == "named in the minutes"
    assert "not in the tracker yet" in dialog.preview_label.text()

    # the officer picks the window's committee: warned; then goes back to the named one
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert combo.currentData() == DEMO_COMMITTEE
    assert dialog.committee_label.text() == f"note: the minutes are of the \u201c{ADULTS}\u201d"
    assert dialog.committee_label.styleSheet() == AMBER
    assert dialog.wait_idle()
    choose(combo, f"{ADULTS} (AHSP)")
    assert combo.currentData() == ADULTS
    assert dialog.committee_label.styleSheet() != AMBER
    assert dialog.wait_idle()

    with qtbot.waitSignal(dialog.saved, timeout=120_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.wait_idle()
    assert saved.args[0].committee == ADULTS
    assert [m.date for m in list_meetings(db, ADULTS)] == [MEETING]
    assert list_recommendations(db, ADULTS)
    assert list_meetings(db, DEMO_COMMITTEE) == []           # nothing in the window's committee
