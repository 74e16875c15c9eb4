"""File > Export calendar... through the real window: the committee shown (or "All committees")
is written as an .ics file, read back with icalendar; the save dialog is Qt's static call,
answered here; a file that cannot be written is a dialog, and nothing is written."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog

from desktop_app.services import committees, meetings
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose

HOUSING = "Housing Scrutiny Committee"


def _categories(path) -> set[str]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(c) for e in cal.walk("VEVENT") for c in e["CATEGORIES"].cats}


def test_export_calendar_from_the_file_menu(qtbot, demo_db, today, open_window, tmp_path,
                                            monkeypatch, message_boxes):
    committees.add_committee(demo_db, HOUSING, short_name="HSC")
    meetings.add_meeting(demo_db, HOUSING, dt.date(2021, 11, 30), time="18:00",
                         venue="Town Hall")
    window = open_window(demo_db)
    asked: list[str] = []
    answers = [str(tmp_path / "cyp"), str(tmp_path / "all.ics"),
               str(tmp_path / "missing folder" / "x.ics")]

    def save_as(parent, title, suggested, filters):
        asked.append(suggested)
        return answers.pop(0), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    file_menu = window.menuBar().actions()[0].menu()
    action = window.menus.calendar_action
    assert action in file_menu.actions()
    assert action.text().replace("&", "") == "Export calendar\u2026"

    choose(window.committee_combo, f"{DEMO_COMMITTEE} (CYPSC)")
    action.trigger()
    written = tmp_path / "cyp.ics"                 # the suffix is added
    qtbot.waitUntil(lambda: "Calendar of" in window.statusBar().currentMessage(), timeout=20000)
    assert asked[0].endswith("CYPSC meetings.ics")
    assert written.exists()
    assert _categories(written) == {"CYPSC"}
    assert f"Calendar of {DEMO_COMMITTEE} saved to cyp.ics" in \
        window.statusBar().currentMessage()

    choose(window.committee_combo, "All committees")
    window.statusBar().clearMessage()
    action.trigger()
    qtbot.waitUntil(lambda: "Calendar of" in window.statusBar().currentMessage(), timeout=20000)
    assert asked[1].endswith("Scrutiny meetings.ics")
    assert _categories(tmp_path / "all.ics") == {"CYPSC", "HSC"}
    assert "Calendar of every committee" in window.statusBar().currentMessage()

    window.statusBar().clearMessage()
    action.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes.seen), timeout=20000)
    assert "cannot write the calendar" in message_boxes.seen[-1]["text"]
    assert not (tmp_path / "missing folder").exists()
