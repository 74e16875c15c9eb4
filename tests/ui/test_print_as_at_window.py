"""The window's printing of a past meeting says what was true then, whatever day it is printed.

The real main window on the example committee: Print / export (Ctrl+P) opened twice, with the
app's clock (SCRUTINY_TRACKER_TODAY) at two different days after the meeting of 23 November
2021 (File > Print / export; Ctrl+P is test_print_from_window.py's), with an action completed,
a response received and an item moved in between. Each time the pack for that meeting (as at its publication date by default), and the
action log and recommendation schedule with the as-at date typed as that publication date,
are saved: the files must be the same (or at least their text, read back with pypdf), with
nothing OVERDUE that was not overdue on 15 November 2021.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from desktop_app.ui.printing.dialog import PrintDialog
from desktop_app.services import actions, recommendations, work_programme
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose
from tests.ui.test_print_dialog import pdf_text

PUBLISHED = "15/11/2021"            # the papers of 23 November 2021 went out on 15 November
LATER_DAYS = ("2022-01-10", "2024-06-01")


def _print_all(qtbot, window, folder) -> dict[str, Path]:
    """Open File > Print / export from the window, save the three documents, return their
    files."""
    window.menus.print_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, PrintDialog)
    assert dialog.isVisible()
    assert dialog.wait_idle()
    options = dialog.options
    files: dict[str, Path] = {}
    try:
        options.kind_buttons["pack"].click()
        choose(options.meeting_combo, "Tue 23 Nov 2021")
        assert options.as_at_edit.line.text() == PUBLISHED      # the rule's default
        for kind in ("pack", "action-log", "recommendations"):
            if kind != "pack":
                options.kind_buttons[kind].click()
                options.as_at_edit.line.selectAll()
                qtbot.keyClicks(options.as_at_edit.line, PUBLISHED)
            dialog.build()
            assert dialog.wait_idle()
            assert dialog.last_error is None
            target = folder / f"{kind}.pdf"
            assert dialog.output.save_to(target)
            files[kind] = target
    finally:
        dialog.wait_idle()
        dialog.done(0)
    return files


def _later_changes(db) -> None:
    """What happened after the papers went out (recorded now, long after 15 November 2021):
    an action due on 7 December completed, a response received, an item of the meeting moved
    to March."""
    due = [a for a in actions.list_actions(db, DEMO_COMMITTEE)
           if a.due_date == dt.date(2021, 12, 7)]
    actions.complete_action(db, due[0].id, on=dt.date(2021, 12, 6))
    waiting = [r for r in recommendations.list_recommendations(db, DEMO_COMMITTEE)
               if r.verdict == "awaiting"]
    recommendations.record_response(db, waiting[0].id, "Agreed", "accepted",
                                    on=dt.date(2021, 12, 1))
    item = next(w for w in work_programme.list_work_programme(db, DEMO_COMMITTEE)
                if w.meeting_date == dt.date(2021, 11, 23))
    work_programme.move_work_item(db, item.id, dt.date(2022, 3, 22), reason="Report not ready",
                                  on=dt.date(2021, 11, 30))


def test_a_past_meetings_documents_print_the_same_whenever_printed(qtbot, window, demo_db,
                                                                   monkeypatch, tmp_path):
    printed = []
    for day in LATER_DAYS:
        if printed:
            _later_changes(demo_db)
        monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", day)
        folder = tmp_path / day
        folder.mkdir()
        printed.append(_print_all(qtbot, window, folder))
    first, second = printed
    for kind in first:
        # the documents are repeatable bytes (reportlab's invariant mode); when they are not
        # the same bytes, their text must still be the same
        if first[kind].read_bytes() != second[kind].read_bytes():
            assert pdf_text(first[kind]) == pdf_text(second[kind]), kind
    pack, log = pdf_text(first["pack"]), pdf_text(first["action-log"])
    schedule = PdfReader(first["recommendations"]).pages[0].extract_text()
    for kind, text in (("pack", pack), ("action-log", log), ("recommendations", schedule)):
        assert set(re.findall(r"as at (\d+ \w+ \d{4})", text, re.I)) == {"15 November 2021"}, kind
    # due on 7 December 2021: open, not overdue, on 15 November 2021
    assert re.findall(r"07 December 2021 (\w+)", pack) == ["Open", "Open", "Open"]
    assert re.findall(r"07 December 2021 (\w+)", log) == ["Open", "Open", "Open"]
