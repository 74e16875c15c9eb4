"""The Meetings tab, driven as an officer would, checked against the database."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop_app.domain import dates
from desktop_app.services import actions as actions_service
from desktop_app.services import meetings as meetings_service
from desktop_app.services import recommendations as recs_service
from desktop_app.ui.meetings.agenda_model import AgendaModel
from desktop_app.ui.meetings.meetings_model import MeetingsModel, OutcomesModel, RowRole
from desktop_app.ui.meetings.meeting_dialogs import AgendaItemDialog, MeetingDialog
from desktop_app.ui.meetings.meetings_tab import MeetingsTab
from tests.conftest import DEMO_COMMITTEE

D = dt.date


@pytest.fixture
def tab(qtbot, demo_db, monkeypatch):
    # The day after the 23 November 2021 meeting: it is past but not yet marked held.
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-24")
    stack = QUndoStack()
    page = MeetingsTab(demo_db, stack)
    page.undo_stack_ref = stack            # keep the stack alive with the page
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.set_committee(DEMO_COMMITTEE)
    page.show()
    qtbot.waitExposed(page)
    return page


def meeting(db, day: dt.date):
    return meetings_service.get_meeting(db, DEMO_COMMITTEE, day)


def click(qtbot, tab, action):
    qtbot.mouseClick(tab.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def click_row(qtbot, view, index):
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def choose_meeting(qtbot, tab, day: dt.date):
    proxy = tab.meetings_proxy
    for r in range(proxy.rowCount()):
        index = proxy.index(r, MeetingsModel.DATE)
        if index.data(RowRole).date == day:
            click_row(qtbot, tab.meetings_view, index)
            assert tab.current_meeting().date == day
            return
    raise AssertionError(f"no meeting on {day}")


def choose_item(qtbot, tab, number: str):
    model = tab.agenda_model
    for r in range(model.rowCount()):
        if model.row_at(r).number == number:
            click_row(qtbot, tab.agenda_view, model.index(r, AgendaModel.TITLE))
            assert tab.current_item().number == number
            return
    raise AssertionError(f"no item {number}")


def wait_dialog(qtbot, tab, cls):
    found = []

    def visible():
        found[:] = [d for d in tab.findChildren(cls) if d.isVisible()]
        assert found

    qtbot.waitUntil(visible)
    return found[-1]


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_meetings_upcoming_first_with_uk_dates_and_bank_holiday_flag(tab):
    model = tab.meetings_model
    first = model.row_at(0)
    assert first.date == D(2021, 12, 7)                   # next meeting still to come
    assert model.index(0, MeetingsModel.DATE).data() == "Tuesday 7 December 2021"
    assert model.index(0, MeetingsModel.TIME).data() == "2:30 pm"
    days = [model.row_at(r).date for r in range(model.rowCount())]
    upcoming = [d for d in days if d >= D(2021, 11, 24)]
    assert days[:len(upcoming)] == sorted(upcoming)       # upcoming ascending, then the past
    assert days[len(upcoming)] == D(2021, 11, 23)         # most recent past meeting next
    jan = model.row_of(meeting(tab.db, D(2022, 1, 11)).id)
    pub = model.index(jan, MeetingsModel.PUBLICATION)
    assert dates.is_bank_holiday(D(2022, 1, 3))
    assert "3 January 2022" in pub.data()
    assert "bank holiday" in pub.data()
    assert "bank holiday" in pub.data(Qt.ItemDataRole.ToolTipRole)
    nov = model.row_of(meeting(tab.db, D(2021, 11, 23)).id)
    assert model.index(nov, MeetingsModel.KIND).data() == "Improvement focus"
    assert model.index(nov, MeetingsModel.STATUS).data() == "Not marked held"


def test_add_meeting_with_deadlines_from_the_rules(qtbot, tab):
    click(qtbot, tab, tab.new_meeting_action)
    dialog = wait_dialog(qtbot, tab, MeetingDialog)
    day = D(2022, 4, 19)                                  # the Tuesday after Easter Monday
    dialog.date_edit.setDate(QDate(2022, 4, 19))
    assert dialog.publication.rule == dates.publication_deadline(day)
    assert dialog.questions.rule == dates.questions_deadline(day)
    assert dates.format_uk(dates.publication_deadline(day), "full") in \
        dialog.publication.rule_label.text()
    dialog.venue_edit.clear()
    qtbot.keyClicks(dialog.venue_edit, "Shire Hall, Hereford")
    qtbot.keyClicks(dialog.kind_combo, "Improvement")
    assert dialog.kind_combo.currentData() == "improvement_focus"
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    saved = meeting(tab.db, day)
    assert (saved.kind, saved.venue, saved.status) == ("improvement_focus", "Shire Hall, Hereford",
                                                       "scheduled")
    assert saved.time == dt.time(14, 30)
    assert saved.publication_deadline == dates.publication_deadline(day)
    assert saved.questions_deadline == dates.questions_deadline(day)
    assert tab.current_meeting().id == saved.id
    row = tab.meetings_model.row_of(saved.id)
    shown = tab.meetings_model.index(row, MeetingsModel.PUBLICATION).data()
    assert dates.format_uk(dates.publication_deadline(day)) in shown


def test_duplicate_meeting_date_is_refused_inside_the_dialog(qtbot, tab):
    click(qtbot, tab, tab.new_meeting_action)
    dialog = wait_dialog(qtbot, tab, MeetingDialog)
    dialog.date_edit.setDate(QDate(2021, 12, 7))
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "already has a meeting" in dialog.error_label.text()
    dialog.reject()


def test_deadline_override_for_a_bank_holiday(qtbot, tab):
    choose_meeting(qtbot, tab, D(2022, 1, 11))
    click(qtbot, tab, tab.edit_meeting_action)
    dialog = wait_dialog(qtbot, tab, MeetingDialog)
    assert dialog.publication.warning_label.isVisibleTo(dialog)   # 3 Jan is a bank holiday
    qtbot.mouseClick(dialog.publication.override_check, Qt.MouseButton.LeftButton)
    dialog.publication.date_edit.setDate(QDate(2021, 12, 31))
    assert not dialog.publication.warning_label.isVisibleTo(dialog)
    press_ok(qtbot, dialog)
    assert meeting(tab.db, D(2022, 1, 11)).publication_deadline == D(2021, 12, 31)
    tab.undo_stack.undo()
    assert meeting(tab.db, D(2022, 1, 11)).publication_deadline == D(2022, 1, 3)


def test_mark_held_then_undo_and_redo(qtbot, tab):
    choose_meeting(qtbot, tab, D(2021, 11, 23))
    assert tab.mark_held_action.isEnabled()
    click(qtbot, tab, tab.mark_held_action)
    assert meeting(tab.db, D(2021, 11, 23)).status == "held"
    assert not tab.mark_held_action.isEnabled()
    tab.undo_stack.undo()
    assert meeting(tab.db, D(2021, 11, 23)).status == "scheduled"
    tab.undo_stack.redo()
    assert meeting(tab.db, D(2021, 11, 23)).status == "held"


def test_future_meeting_cannot_be_marked_held_but_can_be_cancelled(qtbot, tab):
    choose_meeting(qtbot, tab, D(2022, 3, 22))
    assert not tab.mark_held_action.isEnabled()
    click(qtbot, tab, tab.cancel_meeting_action)
    assert meeting(tab.db, D(2022, 3, 22)).status == "cancelled"
    row = tab.meetings_model.row_of(meeting(tab.db, D(2022, 3, 22)).id)
    assert tab.meetings_model.index(row, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    tab.undo_stack.undo()
    assert meeting(tab.db, D(2022, 3, 22)).status == "scheduled"


def test_add_agenda_item_then_undo(qtbot, tab):
    choose_meeting(qtbot, tab, D(2021, 12, 7))
    click(qtbot, tab, tab.add_item_action)
    dialog = wait_dialog(qtbot, tab, AgendaItemDialog)
    assert dialog.number_edit.text() == "1"
    qtbot.keyClicks(dialog.title_edit, "Public Health - Dental Health and Childhood Obesity")
    qtbot.keyClicks(dialog.purpose_edit, "To receive a report on the oral health action plan.")
    qtbot.keyClicks(dialog.lead_edit, "Director of Public Health")
    qtbot.keyClicks(dialog.scrutiny_combo.lineEdit(), "Performance review")
    qtbot.mouseClick(dialog.exempt_check, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.paragraph_combo, "3")
    press_ok(qtbot, dialog)

    items = meeting(tab.db, D(2021, 12, 7)).items
    assert len(items) == 1
    item = items[0]
    assert (item.number, item.title) == ("1", "Public Health - Dental Health and Childhood Obesity")
    assert item.purpose == "To receive a report on the oral health action plan."
    assert item.lead_officers == "Director of Public Health"
    assert item.scrutiny_type == "Performance review"
    assert item.exempt
    assert item.exempt_paragraph == "3"
    assert tab.current_item().id == item.id
    assert tab.agenda_model.index(0, AgendaModel.EXEMPT).data() == "Yes, para 3"
    tab.undo_stack.undo()
    assert meeting(tab.db, D(2021, 12, 7)).items == ()


def test_edit_agenda_item(qtbot, tab):
    choose_meeting(qtbot, tab, D(2021, 11, 23))
    choose_item(qtbot, tab, "8")
    click(qtbot, tab, tab.edit_item_action)
    dialog = wait_dialog(qtbot, tab, AgendaItemDialog)
    dialog.lead_edit.clear()
    qtbot.keyClicks(dialog.lead_edit, "Darryl Freeman, Corporate Director")
    press_ok(qtbot, dialog)
    item = next(i for i in meeting(tab.db, D(2021, 11, 23)).items if i.number == "8")
    assert item.lead_officers == "Darryl Freeman, Corporate Director"


def test_edit_minutes_text(qtbot, tab):
    choose_meeting(qtbot, tab, D(2021, 11, 23))
    choose_item(qtbot, tab, "7")
    before = tab.current_item().minutes_text
    qtbot.mouseClick(tab.item_panel.minutes_edit.viewport(), Qt.MouseButton.LeftButton)
    tab.item_panel.minutes_edit.selectAll()
    qtbot.keyClicks(tab.item_panel.minutes_edit, "The committee received the annual IRO report.")
    assert tab.item_panel.save_minutes_button.isEnabled()
    qtbot.mouseClick(tab.item_panel.save_minutes_button, Qt.MouseButton.LeftButton)
    item = next(i for i in meeting(tab.db, D(2021, 11, 23)).items if i.number == "7")
    assert item.minutes_text == "The committee received the annual IRO report."
    assert not tab.item_panel.save_minutes_button.isEnabled()
    tab.undo_stack.undo()
    item = next(i for i in meeting(tab.db, D(2021, 11, 23)).items if i.number == "7")
    assert item.minutes_text == before


def test_minutes_are_saved_when_moving_to_another_item(qtbot, tab):
    choose_meeting(qtbot, tab, D(2021, 11, 23))
    choose_item(qtbot, tab, "1")
    qtbot.mouseClick(tab.item_panel.minutes_edit.viewport(), Qt.MouseButton.LeftButton)
    tab.item_panel.minutes_edit.selectAll()
    qtbot.keyClicks(tab.item_panel.minutes_edit, "Apologies were received from Councillor Kenyon.")
    choose_item(qtbot, tab, "2")
    item = next(i for i in meeting(tab.db, D(2021, 11, 23)).items if i.number == "1")
    assert item.minutes_text == "Apologies were received from Councillor Kenyon."


def test_typed_minutes_survive_choosing_another_meeting_and_other_edits(qtbot, tab):
    choose_meeting(qtbot, tab, D(2021, 11, 23))
    choose_item(qtbot, tab, "8")
    qtbot.mouseClick(tab.item_panel.minutes_edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.item_panel.minutes_edit, "RESOLVED: that the update be noted.")
    choose_meeting(qtbot, tab, D(2021, 12, 7))
    qtbot.waitUntil(lambda: tab.current_meeting().date == D(2021, 12, 7))
    qtbot.wait(50)                                    # the deferred reload has run
    assert tab.current_meeting().date == D(2021, 12, 7)
    item = next(i for i in meeting(tab.db, D(2021, 11, 23)).items if i.number == "8")
    assert item.minutes_text.endswith("RESOLVED: that the update be noted.")
    # Typing again, then marking the meeting held: both are saved, each its own undo step.
    choose_meeting(qtbot, tab, D(2021, 11, 23))
    choose_item(qtbot, tab, "9")
    qtbot.mouseClick(tab.item_panel.minutes_edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.item_panel.minutes_edit, "The work programme was agreed.")
    click(qtbot, tab, tab.mark_held_action)
    nov = meeting(tab.db, D(2021, 11, 23))
    assert nov.status == "held"
    assert next(i for i in nov.items if i.number == "9").minutes_text.endswith(
        "The work programme was agreed.")
    tab.undo_stack.undo()
    nov = meeting(tab.db, D(2021, 11, 23))
    assert nov.status == "scheduled"
    assert next(i for i in nov.items if i.number == "9").minutes_text.endswith(
        "The work programme was agreed.")


def test_attach_and_open_a_report_pdf(qtbot, tab, tmp_path, monkeypatch):
    pdf = tmp_path / "IRO annual report 2020-21.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(pdf)            # a real PDF: attachments are checked when attached
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(pdf)], "PDF files (*.pdf)")))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    choose_meeting(qtbot, tab, D(2021, 11, 23))
    choose_item(qtbot, tab, "7")
    qtbot.mouseClick(tab.item_panel.attach_button, Qt.MouseButton.LeftButton)

    item = next(i for i in meeting(tab.db, D(2021, 11, 23)).items if i.number == "7")
    assert [a.title for a in item.attachments] == ["IRO annual report 2020-21"]
    assert item.attachments[0].path == str(pdf.resolve())
    assert tab.item_panel.reports_list.count() == 1
    assert tab.item_panel.reports_list.item(0).text() == "IRO annual report 2020-21"
    row = tab.agenda_model.row_of(item.id)
    assert tab.agenda_model.index(row, AgendaModel.REPORTS).data() == "IRO annual report 2020-21"
    qtbot.mouseClick(tab.item_panel.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(pdf.resolve())]

    # the title field of the agenda item panel names the report in the pack
    edit = tab.item_panel.report_title_edit
    assert edit.isEnabled()
    assert edit.text() == "IRO annual report 2020-21"
    edit.selectAll()
    edit.setFocus()
    qtbot.keyClicks(edit, "Independent Reviewing Officers Annual Report")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    item = next(i for i in meeting(tab.db, D(2021, 11, 23)).items if i.number == "7")
    assert [a.title for a in item.attachments] == ["Independent Reviewing Officers Annual Report"]
    assert tab.item_panel.reports_list.item(0).text() == \
        "Independent Reviewing Officers Annual Report"


def test_recommendations_and_actions_of_the_chosen_meeting(qtbot, tab):
    recs = recs_service.list_recommendations(tab.db, DEMO_COMMITTEE)
    acts = actions_service.list_actions(tab.db, DEMO_COMMITTEE)
    by_meeting: dict[int, int] = {}
    for r in [*recs, *acts]:
        if r.meeting_id:
            by_meeting[r.meeting_id] = by_meeting.get(r.meeting_id, 0) + 1
    busiest = max(by_meeting, key=by_meeting.get)
    day = next(tab.meetings_model.row_at(r).date for r in range(tab.meetings_model.rowCount())
               if tab.meetings_model.row_at(r).id == busiest)
    choose_meeting(qtbot, tab, day)
    assert tab.outcomes_model.rowCount() == by_meeting[busiest]
    kinds = {tab.outcomes_model.index(r, OutcomesModel.KIND).data()
             for r in range(tab.outcomes_model.rowCount())}
    assert kinds <= {"Recommendation", "Action"}
    assert f"({by_meeting[busiest]})" in tab.detail_tabs.tabText(1)


def test_search_finds_meetings_by_agenda_item(qtbot, tab):
    tab.focus_search()
    qtbot.keyClicks(tab.search_edit, "reviewing officers")
    shown = {tab.meetings_proxy.index(r, 0).data(RowRole).date
             for r in range(tab.meetings_proxy.rowCount())}
    assert shown == {D(2021, 11, 23)}
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Escape)
    assert tab.meetings_proxy.rowCount() == tab.meetings_model.rowCount()


def test_no_committee_shows_a_placeholder(qtbot, tab):
    tab.set_committee(None)
    assert tab.stack.currentWidget() is tab.placeholder
    assert not tab.new_meeting_action.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester, demo_db, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-24")
    rows = meetings_service.list_meetings(demo_db, DEMO_COMMITTEE, upcoming_first=True)
    meetings_model = MeetingsModel()
    meetings_model.set_rows(rows, D(2021, 11, 24))
    qtmodeltester.check(meetings_model)
    agenda = AgendaModel()
    agenda.set_rows(next(m for m in rows if m.items).items)
    qtmodeltester.check(agenda)
    outcomes = OutcomesModel()
    outcomes.set_rows([*recs_service.list_recommendations(demo_db, DEMO_COMMITTEE),
                       *actions_service.list_actions(demo_db, DEMO_COMMITTEE)])
    qtmodeltester.check(outcomes)
