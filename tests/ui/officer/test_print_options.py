"""The print dialog's options (File > Print / export), chosen as an officer would: each
document offers the meeting chooser only when it is for a meeting, picks the meeting the
officer most likely wants (the next one; for the minutes the last held), sets the "as at" date
by domain/as_at.py's rule, names the file, and enables the layout choices that change it; the
meetings offered are the committee's, upcoming first; a typed "as at" date is checked.

These checks need no PDF, so the dialog is made as the window makes it but not shown (a shown
dialog builds its preview; tests/ui/test_print_dialog.py builds and reads each document)."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt

from desktop_app.domain.enums import MeetingStatus
from desktop_app.services import meetings
from desktop_app.ui.printing.dialog import PrintDialog
from tests.ui.officer.conftest import DEMO_COMMITTEE, OTHER, TODAY

DOCS = [  # kind, the words in the file name, for a meeting, order / dates+size enabled
    ("action-log", "action log", False, True, True),
    ("recommendations", "recommendation schedule", False, False, True),
    ("work-programme", "work programme", False, False, True),
    ("agenda", "agenda", True, False, False),
    ("minutes", "minutes", True, False, False),
    ("pack", "agenda pack", True, True, True),
]


@pytest.fixture
def options_dialog(officer):
    dialog = PrintDialog(officer.db, officer.window.committee, parent=officer.window)
    yield dialog
    if shiboken6.isValid(dialog):
        dialog.wait_idle()
        dialog.done(0)
        dialog.deleteLater()


def expected_meeting(db, kind: str) -> dt.date:
    rows = meetings.list_meetings(db, DEMO_COMMITTEE)
    if kind == "minutes":
        return max(m.date for m in rows if m.date <= TODAY and m.status == MeetingStatus.HELD)
    return min(m.date for m in rows if m.date >= TODAY and m.status == MeetingStatus.SCHEDULED)


@pytest.mark.parametrize(("kind", "words", "for_meeting", "order", "table"), DOCS,
                         ids=[d[0] for d in DOCS])
def test_each_document_offers_and_chooses_what_it_needs(officer, options_dialog, kind, words,
                                                       for_meeting, order, table):
    options = options_dialog.options
    options.kind_buttons[kind].click()
    assert options.kind() == kind
    assert options.meeting_combo.isEnabled() is for_meeting
    assert options.about_label.text()
    layout = options.layout_choices
    assert layout.order_combo.isEnabled() is order
    assert layout.dates_combo.isEnabled() is table
    assert layout.size_combo.isEnabled() is table
    choice = options.choice()
    assert choice is not None
    assert choice.kind == kind
    assert choice.committee == DEMO_COMMITTEE
    if for_meeting:
        day = expected_meeting(officer.db, kind)
        assert choice.meeting == day
        m = meetings.get_meeting(officer.db, DEMO_COMMITTEE, day)
        as_at = m.publication_deadline if kind in ("agenda", "pack") else TODAY
    else:
        assert choice.meeting is None
        day = as_at = TODAY
    assert choice.as_at == as_at
    assert options_dialog.default_file_name() == f"CYPSC {words} {day.isoformat()}.pdf"


@pytest.mark.parametrize("day", ["2021-11-23", "2021-12-07", "2022-01-11", "2022-03-22"])
def test_choosing_a_meeting_makes_the_agenda_as_at_its_publication_date(officer,
                                                                        options_dialog, day):
    options = options_dialog.options
    options.kind_buttons["agenda"].click()
    day = dt.date.fromisoformat(day)
    index = options.meeting_combo.findData(day.isoformat())
    assert index >= 0
    options.meeting_combo.setCurrentIndex(index)
    options.meeting_combo.activated.emit(index)          # as chosen from the list
    m = meetings.get_meeting(officer.db, DEMO_COMMITTEE, day)
    assert options.choice().meeting == day
    assert options.choice().as_at == m.publication_deadline
    assert options_dialog.default_file_name() == f"CYPSC agenda {day.isoformat()}.pdf"
    options.kind_buttons["minutes"].click()              # the officer's choice is kept
    assert options.choice().meeting == day


@pytest.mark.parametrize("committee", [DEMO_COMMITTEE, OTHER])
def test_the_meetings_offered_are_the_committees_upcoming_first(officer, options_dialog,
                                                                committee):
    options = options_dialog.options
    options.kind_buttons["agenda"].click()
    options.committee_combo.setCurrentIndex(options.committee_combo.findData(committee))
    offered = [options.meeting_combo.itemData(i) for i in range(options.meeting_combo.count())
               if options.meeting_combo.itemData(i)]
    rows = meetings.list_meetings(officer.db, committee, upcoming_first=True)
    assert offered == [m.date.isoformat() for m in rows]
    upcoming = [m for m in rows if m.date >= TODAY]
    assert options.meeting_combo.itemData(0) == upcoming[0].date.isoformat()
    assert options.choice().committee == committee


@pytest.mark.parametrize(("typed", "hint", "as_at"), [
    ("01/11/2021", "An earlier date: actions and recommendations show as they stood on "
                   "1 November 2021.", dt.date(2021, 11, 1)),
    ("12/11/2021", "", TODAY),
    ("30/11/2021", "A later date: the rows are today's, counted as at 30 November 2021.",
     dt.date(2021, 11, 30)),
])
def test_the_as_at_date_typed_is_explained_and_used(officer, options_dialog, typed, hint,
                                                    as_at):
    qtbot = officer.qtbot
    options = options_dialog.options
    options.kind_buttons["action-log"].click()
    line = options.as_at_edit.line
    line.selectAll()
    qtbot.keyClicks(line, typed)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert options.choice().as_at == as_at
    assert options.as_at_hint.text() == hint if hint else options.as_at_hint.isHidden()
    assert options_dialog.default_file_name() == f"CYPSC action log {as_at.isoformat()}.pdf"


@pytest.mark.parametrize("typed", ["31/02/2021", "soon", ""])
def test_an_as_at_that_is_not_a_date_builds_nothing_and_says_why(officer, options_dialog,
                                                                  typed):
    qtbot = officer.qtbot
    options = options_dialog.options
    line = options.as_at_edit.line
    line.selectAll()
    line.del_()
    qtbot.keyClicks(line, typed)
    assert options.choice() is None
    assert options.problem() == \
        "Type the \u201cas at\u201d date as day/month/year, e.g. 23/11/2021."
    assert options_dialog.build() is None
    assert options_dialog.built_path is None


def test_the_public_version_is_named_so(officer, options_dialog):
    options = options_dialog.options
    options.kind_buttons["pack"].click()
    options.public_box.click()
    day = expected_meeting(officer.db, "pack")
    assert options.choice().public
    assert options_dialog.default_file_name() == f"CYPSC agenda pack {day.isoformat()} " \
                                                 "(public).pdf"
