"""The Work programme tab in the shared window, on what tests/ui/officer/ leaves out: each type
of scrutiny chosen for a new item; a move (deferral to a later meeting, back to "to be
scheduled", or earlier) keeps the item's current position and adds the move, with its reason,
date and author, to the history the pane and the tooltip show; each field of an item edited and
undone; an item whose format changes goes to that format's section; New on a format's section
starts an item of that format; F5 keeps the chosen item. Checked against the database and what
the grid and its detail pane show."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain import dates
from desktop_app.domain.enums import WorkFormat, WorkStatus
from desktop_app.domain.records import WorkItemRow
from desktop_app.services import work_programme
from desktop_app.ui.meetings.meeting_dialogs import SCRUTINY_TYPES
from desktop_app.ui.work_programme.work_item_dialogs import MoveDialog, WorkItemDialog
from desktop_app.ui.work_programme.work_programme_model import Section, WorkProgrammeModel
from tests.ui.officer.conftest import (DEMO_COMMITTEE, TODAY, click, click_tool,
                                       visible_dialog)

ARROW = "\u2192"


@pytest.fixture
def tab(officer):
    win = officer.window
    win.tabs.setCurrentWidget(win.work_tab)
    return win.work_tab


def stored(db, item_id: int) -> WorkItemRow:
    return next(i for i in work_programme.list_work_programme(db, DEMO_COMMITTEE)
                if i.id == item_id)


def by_title(db, title: str) -> WorkItemRow:
    found = [i for i in work_programme.list_work_programme(db, DEMO_COMMITTEE)
             if i.title == title]
    assert len(found) == 1, found
    return found[0]


def select(qtbot, tab, item_id: int) -> None:
    r = tab.model.item_row_of(item_id)
    assert r >= 0, "the item is not shown"
    index = tab.model.index(r, WorkProgrammeModel.LEAD)
    tab.view.scrollTo(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.visualRect(index).center())
    assert tab.current_item().id == item_id


def shown(tab, item_id: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return tab.model.index(tab.model.item_row_of(item_id), column).data(role)


def section_of(tab, item_id: int) -> Section:
    return tab.model.section_at(tab.model.item_row_of(item_id))


def ok(qtbot, dialog) -> None:
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    else:
        widget.clear()
    qtbot.keyClicks(widget, text)


def new_item_dialog(qtbot, tab) -> WorkItemDialog:
    click_tool(qtbot, tab.toolbar, tab.new_action)
    return visible_dialog(qtbot, WorkItemDialog, tab)


# ------------------------------------------------------------------ type of scrutiny

KINDS = [t for t in SCRUTINY_TYPES if t]


@pytest.mark.parametrize("kind", KINDS)
def test_each_type_of_scrutiny_is_saved_and_shown(officer, tab, kind):
    qtbot, db = officer.qtbot, officer.db
    dialog = new_item_dialog(qtbot, tab)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findText("Agenda item"))
    dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData("2022-03-22"))
    title = f"Special educational needs and disabilities, {KINDS.index(kind)}"   # (ASCII typed)
    qtbot.keyClicks(dialog.title_edit, title)
    dialog.scrutiny_combo.setCurrentIndex(dialog.scrutiny_combo.findText(kind))
    ok(qtbot, dialog)
    item = by_title(db, title)
    assert (item.scrutiny_type, item.meeting_date) == (kind, dt.date(2022, 3, 22))
    assert shown(tab, item.id, WorkProgrammeModel.ITEM) == f"{title}\n[{kind}]"
    assert f"{title} [{kind}]" in tab.detail.toPlainText()
    assert section_of(tab, item.id).meeting.date == dt.date(2022, 3, 22)


def test_a_type_of_scrutiny_typed_in_is_kept_as_written(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    dialog = new_item_dialog(qtbot, tab)
    title = "Elective home education: annual update"
    qtbot.keyClicks(dialog.title_edit, title)
    dialog.scrutiny_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.scrutiny_combo.lineEdit(), "Information item")
    ok(qtbot, dialog)
    item = by_title(db, title)
    assert item.scrutiny_type == "Information item"
    assert shown(tab, item.id, WorkProgrammeModel.ITEM) == f"{title}\n[Information item]"


# ------------------------------------------------------------------ moves and their history

def _scheduled(db, on: dt.date) -> WorkItemRow:
    return next(i for i in work_programme.list_work_programme(db, DEMO_COMMITTEE)
                if i.format == WorkFormat.AGENDA_ITEM and i.meeting_date == on
                and i.status == WorkStatus.SCHEDULED and i.position)


def _move(qtbot, tab, item, to: dt.date | None, reason: str) -> MoveDialog:
    select(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.move_action)
    dialog = visible_dialog(qtbot, MoveDialog, tab)
    dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData(
        to.isoformat() if to else ""))
    qtbot.keyClicks(dialog.reason_edit, reason)
    return dialog


MOVES = [  # from, to, what the dialog calls it, the status after
    (dt.date(2021, 12, 7), dt.date(2022, 3, 22), "Deferred", WorkStatus.SCHEDULED),
    (dt.date(2021, 11, 23), None, "Deferred", WorkStatus.DEFERRED),
    (dt.date(2022, 1, 11), dt.date(2021, 11, 23), "Moved", WorkStatus.SCHEDULED),
]


@pytest.mark.parametrize(("src", "to", "word", "status"), MOVES,
                         ids=["later", "to be scheduled", "earlier"])
def test_a_move_keeps_the_current_position_and_adds_to_the_history(officer, tab, src, to,
                                                                   word, status):
    qtbot, db = officer.qtbot, officer.db
    item = _scheduled(db, src)
    reason = f"Agreed at the chair's briefing ({word.lower()})"
    dialog = _move(qtbot, tab, item, to, reason)
    where = f"{dates.format_uk(src)} {ARROW} {dates.format_uk(to) if to else 'to be scheduled'}"
    assert dialog.preview_label.text().startswith(f"{word}: {where}.")
    ok(qtbot, dialog)
    after = stored(db, item.id)
    assert (after.meeting_date, after.status, after.position) == (to, status, item.position)
    assert len(after.moves) == len(item.moves) + 1
    move = after.moves[-1]
    assert (move.from_date, move.to_date, move.reason, move.on, move.author) == \
        (src, to, reason, TODAY, "Test Officer")
    line = (f"{dates.format_uk(TODAY)}: {dates.format_uk(src)} {ARROW} "
            f"{dates.format_uk(to) if to else 'To be scheduled'} ({reason}) \u2013 Test Officer")
    pane = tab.detail.toPlainText()
    assert line in pane
    assert item.position.splitlines()[0] in pane
    assert shown(tab, item.id, WorkProgrammeModel.POSITION) == item.position
    assert shown(tab, item.id, WorkProgrammeModel.ITEM, Qt.ItemDataRole.ToolTipRole) \
        .startswith("Moves:\n")
    assert shown(tab, item.id, WorkProgrammeModel.STATUS).split("\n")[0] == status.label
    section = section_of(tab, item.id)
    assert (section.meeting.date if section.meeting else None) == to
    officer.window.undo_stack.undo()
    back = stored(db, item.id)
    assert (back.meeting_date, back.status, back.position) == (src, item.status, item.position)


def test_two_moves_are_listed_newest_first(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    item = _scheduled(db, dt.date(2021, 12, 7))
    ok(qtbot, _move(qtbot, tab, item, dt.date(2022, 1, 11), "Report not ready"))
    ok(qtbot, _move(qtbot, tab, stored(db, item.id), dt.date(2022, 3, 22),
                    "Cabinet decision delayed"))
    after = stored(db, item.id)
    assert [m.reason for m in after.moves[-2:]] == ["Report not ready",
                                                    "Cabinet decision delayed"]
    pane = tab.detail.toPlainText()
    assert pane.index("Cabinet decision delayed") < pane.index("Report not ready")
    assert after.position == item.position
    assert stored(db, item.id).meeting_date == dt.date(2022, 3, 22)
    officer.window.undo_stack.undo()
    assert stored(db, item.id).meeting_date == dt.date(2022, 1, 11)
    work_programme.move_work_item(db, item.id, dt.date(2021, 12, 7), "put back by the test")
    officer.window.refresh_all()


def test_two_moves_of_one_item_are_both_undone(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    item = _scheduled(db, dt.date(2021, 12, 7))
    ok(qtbot, _move(qtbot, tab, item, dt.date(2022, 1, 11), "Report not ready"))
    assert stored(db, item.id).meeting_date == dt.date(2022, 1, 11)
    ok(qtbot, _move(qtbot, tab, stored(db, item.id), dt.date(2022, 3, 22),
                    "Cabinet decision delayed"))
    assert stored(db, item.id).meeting_date == dt.date(2022, 3, 22)
    try:
        officer.window.undo_stack.undo()
        officer.window.undo_stack.undo()
        assert not officer.boxes.seen, officer.boxes.seen
        assert stored(db, item.id).meeting_date == dt.date(2021, 12, 7)
    finally:
        if stored(db, item.id).meeting_date != dt.date(2021, 12, 7):
            work_programme.move_work_item(db, item.id, dt.date(2021, 12, 7),
                                          "put back by the test")
        officer.window.undo_stack.clear()
        officer.window.refresh_all()


def test_undo_after_somebody_else_saved_is_refused(officer, tab):
    """Two steps on one record undo in turn (above), but a save by another officer in between
    is never overwritten: the undo is refused and says so, and their words stay."""
    qtbot, db = officer.qtbot, officer.db
    item = _scheduled(db, dt.date(2021, 12, 7))
    ok(qtbot, _move(qtbot, tab, item, dt.date(2022, 1, 11), "Report not ready"))
    moved = stored(db, item.id)
    theirs = "Updated by the other officer while the window was open"
    work_programme.update_work_item(db, item.id, if_version=moved.version,
                                    current_position=theirs)
    try:
        officer.window.undo_stack.undo()
        assert any("changed" in (b["text"] + b["info"]).lower() for b in officer.boxes.seen), \
            officer.boxes.seen
        after = stored(db, item.id)
        assert after.meeting_date == dt.date(2022, 1, 11)
        assert after.position == theirs
    finally:
        back = stored(db, item.id)
        work_programme.move_work_item(db, item.id, dt.date(2021, 12, 7), "put back by the test",
                                      if_version=back.version)
        work_programme.update_work_item(db, item.id, current_position=item.position)
        officer.window.undo_stack.clear()
        officer.window.refresh_all()


# ------------------------------------------------------------------ editing

EDITS = [  # dialog widget, typed, stored field, grid column, how the grid shows it
    ("title_edit", "Kick Start Programme: outcomes", "title", WorkProgrammeModel.ITEM,
     "{v}"),
    ("origin_edit", "Requested by the chair, 12 November 2021", "origin",
     WorkProgrammeModel.ORIGIN, "{v}"),
    ("lead_edit", "Head of Skills and Employment", "lead", WorkProgrammeModel.LEAD, "{v}"),
    ("position_edit", "Draft circulated to members for comment", "position",
     WorkProgrammeModel.POSITION, "{v}"),
    ("target_edit", "Spring 2022", "target", WorkProgrammeModel.ORIGIN,
     "Target date: {v}"),
]


@pytest.mark.parametrize(("widget", "typed", "field", "column", "form"), EDITS,
                         ids=[e[2] for e in EDITS])
def test_each_field_of_an_item_is_saved_and_shown_then_undo(officer, tab, widget, typed,
                                                           field, column, form):
    qtbot, db = officer.qtbot, officer.db
    item = by_title(db, "Kick Start Programme")
    select(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.edit_action)
    dialog = visible_dialog(qtbot, WorkItemDialog, tab)
    assert dialog.windowTitle() == "Edit work programme item"
    retype(qtbot, getattr(dialog, widget), typed)
    ok(qtbot, dialog)
    after = stored(db, item.id)
    assert getattr(after, field) == typed
    assert form.format(v=typed) in shown(tab, item.id, column).split("\n")
    assert typed in tab.detail.toPlainText()
    officer.window.undo_stack.undo()
    assert getattr(stored(db, item.id), field) == getattr(item, field)
    assert form.format(v=typed) not in shown(tab, item.id, column).split("\n")


SECTION_TITLES = {"briefing_note": "Briefing notes", "workshop": "Workshops / seminars",
                  "task_and_finish": "Task and finish groups"}


@pytest.mark.parametrize("fmt", list(SECTION_TITLES))
def test_an_item_whose_format_changes_goes_to_that_section_then_undo(officer, tab, fmt):
    qtbot, db = officer.qtbot, officer.db
    item = by_title(db, "Carers Portal")
    assert item.format == WorkFormat.AGENDA_ITEM
    select(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.edit_action)
    dialog = visible_dialog(qtbot, WorkItemDialog, tab)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    assert not dialog.meeting_combo.isVisibleTo(dialog)
    ok(qtbot, dialog)
    assert stored(db, item.id).format == fmt
    section = section_of(tab, item.id)
    assert section.key == ("format", fmt)
    assert section.title == SECTION_TITLES[fmt]
    assert not tab.move_action.isEnabled()       # a format's section is not a meeting
    officer.window.undo_stack.undo()
    assert stored(db, item.id).format == WorkFormat.AGENDA_ITEM
    assert section_of(tab, item.id).key == ("meeting", item.meeting_id)


@pytest.mark.parametrize("fmt", ["briefing_note", "task_and_finish"])
def test_new_on_a_formats_section_starts_an_item_of_that_format(officer, tab, fmt):
    qtbot, db = officer.qtbot, officer.db
    first = next(i for i in work_programme.list_work_programme(db, DEMO_COMMITTEE)
                 if i.format == fmt and i.status != WorkStatus.DROPPED)
    select(qtbot, tab, first.id)
    dialog = new_item_dialog(qtbot, tab)
    assert dialog.format_combo.currentData() == fmt
    assert not dialog.meeting_combo.isVisibleTo(dialog)
    title = f"School attendance since the pandemic ({fmt})"
    qtbot.keyClicks(dialog.title_edit, title)
    ok(qtbot, dialog)
    item = by_title(db, title)
    assert (item.format, item.meeting_date, item.status) == (fmt, None, WorkStatus.PROPOSED)
    assert section_of(tab, item.id).key == ("format", fmt)
    assert tab.current_item().id == item.id


@pytest.mark.parametrize("how", ["F5", "menu"])
def test_refresh_keeps_the_chosen_item_and_its_details(officer, tab, how):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    item = by_title(db, "Mental health")
    select(qtbot, tab, item.id)
    work_programme.update_work_item(db, item.id, if_version=item.version,
                                    current_position="Moved to the March meeting by the chair")
    if how == "F5":
        qtbot.keyClick(tab.view, Qt.Key.Key_F5)
    else:
        win.menus.refresh_action.trigger()
    assert tab.current_item().id == item.id
    assert shown(tab, item.id, WorkProgrammeModel.POSITION) == \
        "Moved to the March meeting by the chair"
    assert "Moved to the March meeting by the chair" in tab.detail.toPlainText()
    work_programme.update_work_item(db, item.id, if_version=stored(db, item.id).version,
                                    current_position=item.position)
