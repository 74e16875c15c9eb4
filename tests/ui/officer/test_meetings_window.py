"""The Meetings tab in the main window, driven as an officer would: choose each meeting and see
its agenda and what it asked for; the toolbar offers what the meeting's state allows; edit the
time, venue and kind; add agenda items (exempt or not); refuse bad input inside the dialog;
search; right-click menus. Each check is against the database and what the tab shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingKind, MeetingStatus
from desktop_app.services import actions, committees, meetings, recommendations
from desktop_app.services.demo import demo_data
from desktop_app.ui.meetings.agenda_model import AgendaModel
from desktop_app.ui.meetings.attendance_dialog import AttendanceDialog
from desktop_app.ui.meetings.meeting_dialogs import AgendaItemDialog, MeetingDialog
from desktop_app.ui.meetings.meetings_model import MeetingsModel, RowRole, deadline_text
from tests.ui.officer.conftest import (DEMO_COMMITTEE, TODAY, click, click_tool, shown_texts,
                                       visible_dialog)

DEMO_MEETINGS = [m["date"] for m in demo_data()["meetings"]]
SPARE = dt.date(2022, 3, 22)        # a scheduled meeting with no agenda yet


@pytest.fixture
def tab(officer):
    win = officer.window
    win.tabs.setCurrentWidget(win.meetings_tab)
    return win.meetings_tab


def choose_meeting(qtbot, tab, day: dt.date):
    proxy = tab.meetings_proxy
    for r in range(proxy.rowCount()):
        index = proxy.index(r, MeetingsModel.DATE)
        if index.data(RowRole).date == day:
            tab.meetings_view.scrollTo(index)
            qtbot.mouseClick(tab.meetings_view.viewport(), Qt.MouseButton.LeftButton,
                             pos=tab.meetings_view.visualRect(index).center())
            assert tab.current_meeting().date == day
            return tab.current_meeting()
    raise AssertionError(f"no meeting on {day} is shown")


def stored(db, day: dt.date):
    return meetings.get_meeting(db, DEMO_COMMITTEE, day)


@pytest.mark.parametrize("day", DEMO_MEETINGS)
def test_choosing_a_meeting_shows_its_agenda_and_outcomes(officer, tab, day):
    day = dt.date.fromisoformat(day)
    m = choose_meeting(officer.qtbot, tab, day)
    row = stored(officer.db, day)
    assert tab.meeting_title.text().startswith(dates.format_uk(day, "full"))
    assert shown_texts(tab.agenda_view, AgendaModel.NUMBER) == [i.number for i in row.items]
    titles = shown_texts(tab.agenda_view, AgendaModel.TITLE)
    assert [t.split("\n")[0] for t in titles] == [i.title for i in row.items]
    assert tab.detail_tabs.tabText(0) == f"Agenda ({len(row.items)})"
    outcomes = (recommendations.list_recommendations(officer.db, DEMO_COMMITTEE,
                                                     meeting_id=m.id)
                + actions.list_actions(officer.db, DEMO_COMMITTEE, meeting_id=m.id))
    assert tab.detail_tabs.tabText(1) == f"Recommendations and actions ({len(outcomes)})"
    assert tab.outcomes_model.rowCount() == len(outcomes)
    if row.items:
        assert tab.current_item().id == row.items[0].id     # the first item is chosen
        assert tab.item_panel.isEnabled()


@pytest.mark.parametrize("day", DEMO_MEETINGS)
def test_the_toolbar_offers_what_the_meetings_state_allows(officer, tab, day):
    day = dt.date.fromisoformat(day)
    choose_meeting(officer.qtbot, tab, day)
    row = stored(officer.db, day)
    assert tab.mark_held_action.isEnabled() is (row.status != MeetingStatus.HELD
                                                and row.date <= TODAY)
    assert tab.cancel_meeting_action.isEnabled() is (row.status == MeetingStatus.SCHEDULED)
    assert tab.edit_item_action.isEnabled() is bool(row.items)
    assert tab.attach_action.isEnabled() is bool(row.items)
    assert tab.attendance_action.isEnabled()
    assert tab.add_item_action.isEnabled()
    status = shown_texts(tab.meetings_view, MeetingsModel.STATUS)[
        [r.date for r in (tab.meetings_proxy.index(i, 0).data(RowRole)
                          for i in range(tab.meetings_proxy.rowCount()))].index(day)]
    assert status == ("Not marked held" if row.status == MeetingStatus.SCHEDULED
                      and row.date < TODAY else MeetingStatus(row.status).label)


def test_meetings_are_listed_upcoming_first_as_the_database_has_them(officer, tab):
    shown = [tab.meetings_proxy.index(r, 0).data(RowRole).date
             for r in range(tab.meetings_proxy.rowCount())]
    assert shown == [m.date for m in meetings.list_meetings(officer.db, DEMO_COMMITTEE,
                                                            upcoming_first=True)]
    assert shown[0] == min(d for d in shown if d >= TODAY)
    assert shown_texts(tab.meetings_view, MeetingsModel.DATE)[0] == \
        dates.format_uk(shown[0], "full")


def open_edit(qtbot, tab) -> MeetingDialog:
    click_tool(qtbot, tab.toolbar, tab.edit_meeting_action)
    return visible_dialog(qtbot, MeetingDialog, tab)


def ok(qtbot, dialog) -> None:
    from PySide6.QtWidgets import QDialogButtonBox
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))


def test_edit_time_and_venue_then_undo(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    before = stored(db, SPARE)
    choose_meeting(qtbot, tab, SPARE)
    dialog = open_edit(qtbot, tab)
    assert dialog.venue_edit.text() == before.venue
    dialog.time_edit.setTime(QTime(10, 0))
    dialog.venue_edit.clear()
    qtbot.keyClicks(dialog.venue_edit, "Conference Room 1, Shire Hall")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    after = stored(db, SPARE)
    assert (after.time, after.venue) == (dt.time(10, 0), "Conference Room 1, Shire Hall")
    row = tab.meetings_model.row_of(after.id)
    assert tab.meetings_model.index(row, MeetingsModel.TIME).data() == "10:00 am"
    assert tab.meetings_model.index(row, MeetingsModel.VENUE).data() == \
        "Conference Room 1, Shire Hall"
    assert "Conference Room 1, Shire Hall" in tab.meeting_details.text()
    officer.window.undo_stack.undo()
    back = stored(db, SPARE)
    assert (back.time, back.venue) == (before.time, before.venue)


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_each_kind_of_meeting_is_saved_and_shown(officer, tab, kind):
    qtbot, db = officer.qtbot, officer.db
    before = stored(db, SPARE)
    choose_meeting(qtbot, tab, SPARE)
    dialog = open_edit(qtbot, tab)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText(kind.label))
    ok(qtbot, dialog)
    assert stored(db, SPARE).kind == kind
    row = tab.meetings_model.row_of(before.id)
    assert tab.meetings_model.index(row, MeetingsModel.KIND).data() == kind.label
    assert tab.meeting_title.text().endswith(kind.label)
    if kind != before.kind:          # (choosing the kind it has already changes nothing)
        officer.window.undo_stack.undo()
    else:
        assert not officer.window.undo_stack.canUndo()
    assert stored(db, SPARE).kind == before.kind


@pytest.mark.parametrize("which", ["publication", "questions"])
def test_a_deadline_on_or_after_the_meeting_is_refused_in_the_dialog(officer, tab, which):
    qtbot, db = officer.qtbot, officer.db
    before = stored(db, SPARE)
    choose_meeting(qtbot, tab, SPARE)
    dialog = open_edit(qtbot, tab)
    row = getattr(dialog, which)
    row.override_check.setChecked(True)
    row.date_edit.setDate(QDate(2022, 3, 23))
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == f"The {which} deadline must be before the meeting."
    dialog.reject()
    after = stored(db, SPARE)
    assert (after.publication_deadline, after.questions_deadline, after.version) == \
        (before.publication_deadline, before.questions_deadline, before.version)
    assert not officer.boxes.seen


@pytest.mark.parametrize("day", [dt.date(2022, 5, 3), dt.date(2022, 5, 24)])
def test_a_deadline_set_by_hand_is_kept_and_shown(officer, tab, day):
    qtbot, db = officer.qtbot, officer.db
    click_tool(qtbot, tab.toolbar, tab.new_meeting_action)
    dialog = visible_dialog(qtbot, MeetingDialog, tab)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    rule = dates.publication_deadline(day)
    earlier = rule - dt.timedelta(days=7)
    dialog.publication.override_check.setChecked(True)
    dialog.publication.date_edit.setDate(QDate(earlier.year, earlier.month, earlier.day))
    ok(qtbot, dialog)
    m = stored(db, day)
    assert m.publication_deadline == earlier
    assert m.questions_deadline == dates.questions_deadline(day)
    row = tab.meetings_model.row_of(m.id)
    assert tab.meetings_model.index(row, MeetingsModel.PUBLICATION).data().startswith(
        deadline_text(earlier))
    tip = tab.meetings_model.index(row, MeetingsModel.PUBLICATION).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "Set for this meeting" in tip
    assert dates.format_uk(rule, "full") in tip


def test_a_new_meeting_is_offered_six_weeks_after_the_last(officer, tab):
    qtbot = officer.qtbot
    click_tool(qtbot, tab.toolbar, tab.new_meeting_action)
    dialog = visible_dialog(qtbot, MeetingDialog, tab)
    latest = max(m.date for m in meetings.list_meetings(officer.db, DEMO_COMMITTEE))
    offered = dialog.date_edit.date()
    assert dt.date(offered.year(), offered.month(), offered.day()) == \
        latest + dt.timedelta(days=42)
    assert dialog.windowTitle() == "New meeting"
    dialog.reject()
    assert max(m.date for m in meetings.list_meetings(officer.db, DEMO_COMMITTEE)) == latest


PARAGRAPHS = [("", ""), ("1", "Yes, para 1"), ("3", "Yes, para 3"), ("7", "Yes, para 7")]


@pytest.mark.parametrize(("paragraph", "shown"), PARAGRAPHS)
def test_add_an_agenda_item_exempt_or_not_then_undo(officer, tab, paragraph, shown):
    qtbot, db = officer.qtbot, officer.db
    choose_meeting(qtbot, tab, SPARE)
    before = len(stored(db, SPARE).items)
    click_tool(qtbot, tab.toolbar, tab.add_item_action)
    dialog = visible_dialog(qtbot, AgendaItemDialog, tab)
    assert dialog.number_edit.text() == str(before + 1)
    title = f"Fostering sufficiency strategy {paragraph or 'public'}"
    qtbot.keyClicks(dialog.title_edit, title)
    qtbot.keyClicks(dialog.lead_edit, "Director of Children's Services")
    if paragraph:
        click(qtbot, dialog.exempt_check)
        dialog.paragraph_combo.setCurrentIndex(dialog.paragraph_combo.findData(paragraph))
    ok(qtbot, dialog)
    items = stored(db, SPARE).items
    assert len(items) == before + 1
    new = items[-1]
    assert (new.title, new.exempt, new.exempt_paragraph if new.exempt else "") == \
        (title, bool(paragraph), paragraph)
    r = tab.agenda_model.row_of(new.id)
    assert tab.agenda_model.index(r, AgendaModel.EXEMPT).data() == shown
    assert tab.agenda_model.index(r, AgendaModel.LEAD).data() == "Director of Children's Services"
    assert tab.current_item().id == new.id
    officer.window.undo_stack.undo()
    assert len(stored(db, SPARE).items) == before


@pytest.mark.parametrize(("field", "problem"), [("number", "Give the item a number."),
                                                ("title", "Give the item a title.")])
def test_an_agenda_item_without_a_number_or_title_is_refused(officer, tab, field, problem):
    qtbot, db = officer.qtbot, officer.db
    choose_meeting(qtbot, tab, SPARE)
    before = len(stored(db, SPARE).items)
    click_tool(qtbot, tab.toolbar, tab.add_item_action)
    dialog = visible_dialog(qtbot, AgendaItemDialog, tab)
    if field == "title":
        assert dialog.number_edit.text()
    else:
        qtbot.keyClicks(dialog.title_edit, "Child exploitation update")
        dialog.number_edit.clear()
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == problem
    dialog.reject()
    assert len(stored(db, SPARE).items) == before
    assert not officer.boxes.seen


def test_double_clicking_an_agenda_item_opens_it_for_editing(officer, tab):
    qtbot = officer.qtbot
    day = dt.date(2021, 11, 23)
    choose_meeting(qtbot, tab, day)
    item = stored(officer.db, day).items[2]
    index = tab.agenda_model.index(tab.agenda_model.row_of(item.id), AgendaModel.TITLE)
    tab.agenda_view.scrollTo(index)
    pos = tab.agenda_view.visualRect(index).center()
    qtbot.mouseClick(tab.agenda_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(tab.agenda_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    dialog = visible_dialog(qtbot, AgendaItemDialog, tab)
    assert dialog.windowTitle() == "Edit agenda item"
    assert (dialog.number_edit.text(), dialog.title_edit.text()) == (item.number, item.title)
    dialog.reject()


@pytest.mark.parametrize("day", ["2021-10-12", "2021-11-23", "2022-01-11"])
def test_attendance_lists_the_committees_members(officer, tab, day):
    qtbot = officer.qtbot
    choose_meeting(qtbot, tab, dt.date.fromisoformat(day))
    click_tool(qtbot, tab.toolbar, tab.attendance_action)
    dialog = visible_dialog(qtbot, AttendanceDialog, tab)
    members = committees.list_members(officer.db, DEMO_COMMITTEE)
    assert sorted(m.name for m in dialog.members) == sorted(m.name for m in members)
    dialog.reject()


@pytest.mark.parametrize("typed", ["Youth Justice", "Bromyard", "improvement focus", "2022",
                                   "no such meeting"])
def test_search_shows_the_meetings_whose_agenda_or_details_match(officer, tab, typed):
    qtbot = officer.qtbot
    qtbot.keyClicks(tab.search_edit, typed)
    words = typed.lower().split()
    rows = meetings.list_meetings(officer.db, DEMO_COMMITTEE)

    def words_of(m) -> str:
        return " ".join([dates.format_uk(m.date, "full"), m.date.isoformat(), m.venue,
                         MeetingKind(m.kind).label,
                         *(f"{i.title} {i.lead_officers}" for i in m.items)]).lower()

    wanted = sorted(m.date for m in rows if all(w in words_of(m) for w in words))
    shown = sorted(tab.meetings_proxy.index(r, 0).data(RowRole).date
                   for r in range(tab.meetings_proxy.rowCount()))
    assert shown == wanted
    tab.search_edit.clear()
    assert tab.meetings_proxy.rowCount() == len(rows)


def _menu_after_right_click(view) -> list[str]:
    index = view.model().index(0, 1)
    pos = view.visualRect(index).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus, "no menu appeared"
    entries = [a.text().replace("&", "") for a in menus[-1].actions() if a.text()]
    for menu in menus:
        menu.close()
    return entries


@pytest.mark.parametrize(("view", "entries"), [
    ("meetings_view", ["Edit meeting\u2026", "Mark held", "Cancel meeting", "Attendance\u2026",
                       "Add agenda item\u2026", "New meeting\u2026"]),
    ("agenda_view", ["Edit agenda item\u2026", "Attach report\u2026", "Add agenda item\u2026"])])
def test_right_click_offers_the_meeting_and_item_commands(officer, tab, view, entries):
    choose_meeting(officer.qtbot, tab, dt.date(2021, 11, 23))
    assert _menu_after_right_click(getattr(tab, view)) == entries


def test_cancel_a_meeting_then_undo(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    day = dt.date(2022, 1, 11)
    choose_meeting(qtbot, tab, day)
    click_tool(qtbot, tab.toolbar, tab.cancel_meeting_action)
    assert stored(db, day).status == MeetingStatus.CANCELLED
    r = tab.meetings_model.row_of(stored(db, day).id)
    assert tab.meetings_model.index(r, MeetingsModel.STATUS).data() == "Cancelled"
    assert tab.meetings_model.index(r, MeetingsModel.DATE).data(Qt.ItemDataRole.FontRole) \
        .strikeOut()
    assert not tab.cancel_meeting_action.isEnabled()
    officer.window.undo_stack.undo()
    assert stored(db, day).status == MeetingStatus.SCHEDULED
    assert tab.meetings_model.index(r, MeetingsModel.STATUS).data() == "Scheduled"


def test_the_other_committees_meetings_are_not_shown(officer, tab):
    from tests.ui.officer.conftest import OTHER_MEETING
    shown = {tab.meetings_proxy.index(r, 0).data(RowRole).date
             for r in range(tab.meetings_proxy.rowCount())}
    assert OTHER_MEETING not in shown
