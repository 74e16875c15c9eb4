"""Two File-menu errands through the shared window. File > Export calendar for the committee
shown, the other one and "All committees": every meeting of the database is an event on its
day with its venue, and its publication and questions deadlines are events on the days the
Meetings tab shows; a meeting cancelled in the window is cancelled in the next export; the
same data gives the same file. File > Import of the executive's response (the corpus's Word
and Excel responses, after their recommendations): each row shows its match, Record saves the
ticked ones, and the Recommendations grid then shows each verdict."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.domain.enums import MeetingStatus, Verdict
from desktop_app.services import committees, meetings
from desktop_app.services.importing import ImportOptions, import_file
from desktop_app.services.recommendations import list_recommendations
from desktop_app.ui.importing.response_page import P_RESPONSE, P_RESPONSE_APPLY
from desktop_app.ui.importing.wizard import ImportWizard
from tests.ui.officer.conftest import (DEMO_COMMITTEE, OTHER, SAFETY_MS, click_tool,
                                       visible_dialog)
from tests.ui.test_import_wizard import choose_file, go_on

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "trackers"


# ------------------------------------------------------------------ the calendar

def export(officer, tmp_path, monkeypatch, name: str) -> Path:
    """File > Export calendar..., the save dialog answered with ``name`` (no suffix)."""
    win = officer.window
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / name), a[-1])))
    win.statusBar().clearMessage()
    win.menus.calendar_action.trigger()
    officer.qtbot.waitUntil(lambda: "Calendar of" in win.statusBar().currentMessage(),
                            timeout=SAFETY_MS)
    path = tmp_path / f"{name}.ics"
    assert path.is_file()
    return path


def events(path: Path) -> dict[str, dict]:
    """uid -> the event's facts."""
    cal = Calendar.from_ical(path.read_bytes())
    found = {}
    for e in cal.walk("VEVENT"):
        start = e.decoded("DTSTART")
        found[str(e["UID"])] = {
            "day": start.date() if isinstance(start, dt.datetime) else start,
            "location": str(e.get("LOCATION", "")), "status": str(e.get("STATUS", "")),
            "summary": str(e["SUMMARY"])}
    return found


def _of(found: dict, kind: str, record_id: int) -> dict:
    hits = [v for uid, v in found.items() if uid.startswith(f"{kind}-{record_id}-")]
    assert len(hits) == 1, (kind, record_id, hits)
    return hits[0]


@pytest.mark.parametrize("shown", [DEMO_COMMITTEE, OTHER, None], ids=["CYPSC", "HSC", "all"])
def test_the_calendar_holds_every_meeting_and_its_deadlines(officer, tmp_path, monkeypatch,
                                                            shown):
    win, db = officer.window, officer.db
    win.choose_committee(shown)
    try:
        path = export(officer, tmp_path, monkeypatch, "diary")
    finally:
        win.choose_committee(DEMO_COMMITTEE)
    found = events(path)
    names = [shown] if shown else [c.name for c in committees.list_committees(db)]
    for name in names:
        for m in meetings.list_meetings(db, name):
            meeting = _of(found, "meeting", m.id)
            assert meeting["day"] == m.date
            assert meeting["location"] == m.venue
            assert (meeting["status"] == "CANCELLED") == (m.status == MeetingStatus.CANCELLED)
            assert _of(found, "publication", m.id)["day"] == m.publication_deadline
            assert _of(found, "questions", m.id)["day"] == m.questions_deadline
    others = {c.id for c in committees.list_committees(db) if c.name not in names}
    shown_meetings = {m.id for name in names for m in meetings.list_meetings(db, name)}
    assert {int(uid.split("-")[1]) for uid in found if uid.startswith("meeting-")} == \
        shown_meetings
    assert others or shown is None
    said = win.statusBar().currentMessage()
    assert f"saved to diary.ics: {len(found)} events" in said


def test_a_meeting_cancelled_in_the_window_is_cancelled_in_the_calendar(officer, tmp_path,
                                                                        monkeypatch):
    win, db = officer.window, officer.db
    day = dt.date(2022, 1, 11)
    m = meetings.get_meeting(db, DEMO_COMMITTEE, day)
    before = events(export(officer, tmp_path, monkeypatch, "before"))
    assert _of(before, "meeting", m.id)["status"] != "CANCELLED"
    tab = win.meetings_tab
    win.tabs.setCurrentWidget(tab)
    tab.select_meeting(m.id)
    click_tool(officer.qtbot, tab.toolbar, tab.cancel_meeting_action)
    try:
        after = events(export(officer, tmp_path, monkeypatch, "after"))
        assert set(after) == set(before)                      # the same events, updated
        for kind in ("meeting", "publication", "questions"):
            assert _of(after, kind, m.id)["status"] == "CANCELLED"
    finally:
        win.undo_stack.undo()
    assert meetings.get_meeting(db, DEMO_COMMITTEE, day).status == MeetingStatus.SCHEDULED


def test_the_same_data_gives_the_same_calendar(officer, tmp_path, monkeypatch):
    first = export(officer, tmp_path, monkeypatch, "first").read_bytes()
    second = export(officer, tmp_path, monkeypatch, "second").read_bytes()
    assert first == second
    assert b"BEGIN:VCALENDAR" in first


# ------------------------------------------------------------------ the executive's response

PAIRS = [("17_recs_task_and_finish.xlsx", "16_exec_response_cabinet.docx"),
         ("19_recs_budget_scrutiny.csv", "20_exec_response_cabinet.xlsx")]


def _expected(name: str) -> dict:
    return json.loads((CORPUS / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("recs", "response"), PAIRS, ids=["word", "excel"])
def test_the_executives_response_is_matched_recorded_and_shown(officer, recs, response):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    committee = f"Response test committee ({response[:2]})"
    import_file(db, CORPUS / recs, committee,
                ImportOptions(kind="recommendations", create_committee=True))
    win.reload_committees(select=committee)        # as the window does after an import
    expected = _expected(response)
    assert win.committee == committee
    try:
        win.menus.import_action.trigger()
        wizard = visible_dialog(qtbot, ImportWizard)
        try:
            assert wizard.committee == committee
            choose_file(wizard, CORPUS / response)
            assert "the executive's response" in wizard.file_page.message.text()
            go_on(qtbot, wizard, P_RESPONSE)
            table = wizard.response_page.table
            rows = table.rowCount()
            assert rows == len(expected["records"])
            matches = [table.item(r, 4).text().split(":")[0] for r in range(rows)]
            assert matches == [w["matches"] or "(none)" for w in expected["records"]]
            ticked = [table.item(r, 0).checkState() == Qt.CheckState.Checked
                      for r in range(rows)]
            assert ticked == [w["matches"] is not None for w in expected["records"]]
            for label in expected["unanswered"]:
                assert f"No response to {label}" in wizard.response_page.notes.text()
            go_on(qtbot, wizard, P_RESPONSE_APPLY)
            answered = [w for w in expected["records"] if w["matches"]]
            assert f"Recorded {len(answered)} responses" in \
                wizard.response_apply_page.result.text()
            go_on(qtbot, wizard)
        finally:
            wizard.wait_idle()
            if wizard.isVisible():
                wizard.done(0)
        stored = {r.label: r for r in list_recommendations(db, committee)}
        for want in answered:
            assert stored[want["matches"]].verdict == Verdict(want["verdict"])
            assert stored[want["matches"]].response == want["response"]
        for label in expected["unanswered"]:
            assert stored[label].verdict == Verdict.AWAITING
        tracker = win.tracker
        win.tabs.setCurrentWidget(tracker)
        tracker.show_view("recommendation")
        assert tracker.wait_loaded()
        proxy = tracker.recs_grid.proxy
        column = next(c for c in range(proxy.columnCount())
                      if proxy.headerData(c, Qt.Orientation.Horizontal) == "Response")
        by_label = {proxy.row_at(r).label: proxy.index(r, column).data() or ""
                    for r in range(proxy.rowCount())}
        for want in answered:
            assert Verdict(want["verdict"]).label.casefold() in \
                by_label[want["matches"]].casefold()
    finally:
        win.choose_committee(DEMO_COMMITTEE)


@pytest.mark.parametrize("response", [p[1] for p in PAIRS], ids=["word", "excel"])
def test_a_response_for_a_committee_without_those_recommendations_records_nothing(
        officer, response):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    before = {r.id: (r.verdict, r.response)
              for r in list_recommendations(db, DEMO_COMMITTEE)}
    win.menus.import_action.trigger()
    wizard = visible_dialog(qtbot, ImportWizard)
    try:
        choose_file(wizard, CORPUS / response)
        go_on(qtbot, wizard, P_RESPONSE)
        table = wizard.response_page.table
        ticked = [table.item(r, 0).checkState() == Qt.CheckState.Checked
                  for r in range(table.rowCount())]
        assert not any(ticked)                   # nothing in the example committee matches
        assert "0 of" in wizard.response_page.count_label.text()
        assert not wizard.response_page.isComplete()
    finally:
        wizard.wait_idle()
        wizard.done(0)
    assert {r.id: (r.verdict, r.response)
            for r in list_recommendations(db, DEMO_COMMITTEE)} == before
    assert not officer.boxes.seen
