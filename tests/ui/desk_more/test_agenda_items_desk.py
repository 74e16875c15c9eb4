"""Agenda items on the Meetings tab in the shared window: each field of an item changed and
undone; an item renumbered takes its place in the agenda; minutes saved with
the button or Ctrl+S; a file that is not a usable PDF refused with one line and nothing
attached; two reports attached at once; a meeting without an agenda lists what the work
programme plans for it; Cancel on the item dialog writes nothing. Checked against the database
and what the tab shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop_app.domain.enums import WorkFormat, WorkStatus
from desktop_app.services import work_programme
from desktop_app.domain.agenda_numbers import number_key
from desktop_app.ui.meetings.agenda_model import AgendaModel
from desktop_app.ui.meetings.meeting_dialogs import AgendaItemDialog
from tests.ui.desk_more.meeting_steps import (NEXT, UPCOMING, choose_item, choose_meeting,
                                              item_numbered, ok, stored, type_into)
from tests.ui.officer.conftest import (DEMO_COMMITTEE, click, click_tool, shown_texts,
                                       visible_dialog)


@pytest.fixture
def tab(officer):
    win = officer.window
    win.tabs.setCurrentWidget(win.meetings_tab)
    return win.meetings_tab


EDITS = [  # field of the dialog, what is typed, the stored field, the agenda column, shown
    ("title_edit", "Youth Justice Plan 2021/22 (revised)", "title", AgendaModel.TITLE, None),
    ("purpose_edit", "To review the revised plan before Cabinet.", "purpose",
     AgendaModel.PURPOSE, "To review the revised plan before Cabinet."),
    ("lead_edit", "Head of Youth Justice", "lead_officers", AgendaModel.LEAD,
     "Head of Youth Justice"),
    ("scrutiny_combo", "Policy review and development", "scrutiny_type", AgendaModel.TITLE,
     None),
    ("paragraph_combo", "5", "exempt_paragraph", AgendaModel.EXEMPT, "Yes, para 5"),
]


@pytest.mark.parametrize(("widget", "typed", "field", "column", "shown"), EDITS,
                         ids=[e[2] for e in EDITS])
def test_each_field_of_an_agenda_item_is_saved_and_shown_then_undo(officer, tab, widget,
                                                                   typed, field, column, shown):
    qtbot, db = officer.qtbot, officer.db
    choose_meeting(qtbot, tab, NEXT)
    before = item_numbered(db, "6")
    choose_item(qtbot, tab, before.id)
    click_tool(qtbot, tab.toolbar, tab.edit_item_action)
    dialog = visible_dialog(qtbot, AgendaItemDialog, tab)
    assert dialog.windowTitle() == "Edit agenda item"
    box = getattr(dialog, widget)
    if widget == "paragraph_combo":
        click(qtbot, dialog.exempt_check)
        box.setCurrentIndex(box.findData(typed))
    elif widget == "scrutiny_combo":
        box.setCurrentIndex(box.findText(typed))
    else:
        type_into(qtbot, box, typed)
    ok(qtbot, dialog)
    after = item_numbered(db, "6")
    assert getattr(after, field) == typed
    if field == "exempt_paragraph":
        assert after.exempt
    text = tab.agenda_model.index(tab.agenda_model.row_of(after.id), column).data()
    if field == "title":
        assert text.split("\n")[0] == typed
        assert tab.item_panel.item_title.text() == f"6. {typed}"
    elif field == "scrutiny_type":
        assert text == f"{after.title}\n[{typed}]"
    else:
        assert text == shown
    officer.window.undo_stack.undo()
    back = item_numbered(db, "6")
    assert (getattr(back, field), back.exempt) == (getattr(before, field), before.exempt)


def test_a_renumbered_item_takes_its_place_in_the_agenda_then_undo(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    choose_meeting(qtbot, tab, NEXT)
    item = item_numbered(db, "3")
    choose_item(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.edit_item_action)
    dialog = visible_dialog(qtbot, AgendaItemDialog, tab)
    type_into(qtbot, dialog.number_edit, "11")
    ok(qtbot, dialog)
    try:
        numbers = [i.number for i in stored(db, NEXT).items]
        assert "11" in numbers
        assert "3" not in numbers
        assert shown_texts(tab.agenda_view, AgendaModel.NUMBER) == \
            sorted(numbers, key=number_key)
    finally:
        officer.window.undo_stack.undo()
        assert item_numbered(db, "3").id == item.id


@pytest.mark.parametrize("how", ["button", "Ctrl+S"])
@pytest.mark.parametrize("number", ["2", "7"])
def test_minutes_typed_are_saved_with_the_button_or_ctrl_s_then_undo(officer, tab, how, number):
    qtbot, db = officer.qtbot, officer.db
    choose_meeting(qtbot, tab, NEXT)
    item = item_numbered(db, number)
    choose_item(qtbot, tab, item.id)
    panel = tab.item_panel
    assert not panel.save_minutes_button.isEnabled()
    text = f"The committee noted the report on item {number}. RESOLVED: that it be noted."
    panel.minutes_edit.setFocus()
    qtbot.keyClicks(panel.minutes_edit, text)
    assert panel.save_minutes_button.isEnabled()
    if how == "button":
        click(qtbot, panel.save_minutes_button)
    else:
        qtbot.keyClick(panel.minutes_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert item_numbered(db, number).minutes_text == (item.minutes_text + text).rstrip()
    assert not panel.save_minutes_button.isEnabled()
    assert tab.agenda_model.index(tab.agenda_model.row_of(item.id), AgendaModel.MINUTES) \
        .data() == "Written"
    officer.window.undo_stack.undo()
    assert item_numbered(db, number).minutes_text == item.minutes_text
    assert panel.minutes_edit.toPlainText() == item.minutes_text


def _not_a_pdf(path: Path) -> None:
    path.write_text("Minutes of the meeting", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _encrypted(path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    writer.write(path)


def _missing(path: Path) -> None:
    pass


BAD_PDFS = [(_not_a_pdf, "is not a PDF"), (_empty, "is not a PDF"),
            (_encrypted, "is encrypted (password-protected); attach an unprotected copy"),
            (_missing, "was not found")]


@pytest.mark.parametrize(("make", "problem"), BAD_PDFS, ids=[b[0].__name__ for b in BAD_PDFS])
def test_a_file_that_is_not_a_usable_pdf_is_refused_in_one_line(officer, tab, tmp_path,
                                                               monkeypatch, make, problem):
    qtbot, db = officer.qtbot, officer.db
    path = tmp_path / "Cabinet report.pdf"
    make(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(path)], "PDF files (*.pdf)")))
    choose_meeting(qtbot, tab, NEXT)
    item = item_numbered(db, "8")
    choose_item(qtbot, tab, item.id)
    click(qtbot, tab.item_panel.attach_button)
    assert [b["text"] for b in officer.boxes.seen] == \
        [f"{path}: cannot attach: the file {problem}"]
    said = officer.boxes.seen[0]["text"]
    assert "\n" not in said
    assert "Traceback" not in said
    assert item_numbered(db, "8").attachments == item.attachments
    assert tab.agenda_model.index(tab.agenda_model.row_of(item.id), AgendaModel.REPORTS) \
        .data() == "\n".join(a.title for a in item.attachments)


def test_two_reports_attached_at_once_are_listed_in_order(officer, tab, tmp_path, monkeypatch):
    qtbot, db = officer.qtbot, officer.db
    paths = []
    for name, pages in (("Appendix A - action plan.pdf", 1), ("Appendix B - data.pdf", 2)):
        writer = PdfWriter()
        for _ in range(pages):
            writer.add_blank_page(595, 842)
        writer.write(tmp_path / name)
        paths.append(str(tmp_path / name))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: (paths, "PDF files (*.pdf)")))
    choose_meeting(qtbot, tab, NEXT)
    item = item_numbered(db, "9")
    choose_item(qtbot, tab, item.id)
    click_tool(qtbot, tab.toolbar, tab.attach_action)
    after = item_numbered(db, "9").attachments[len(item.attachments):]
    assert [(a.title, a.pages, a.stored) for a in after] == \
        [("Appendix A - action plan", 1, True), ("Appendix B - data", 2, True)]
    listed = [tab.item_panel.reports_list.item(r).text()
              for r in range(tab.item_panel.reports_list.count())]
    assert listed[-2:] == ["Appendix A - action plan", "Appendix B - data"]
    assert tab.agenda_model.index(tab.agenda_model.row_of(item.id), AgendaModel.REPORTS) \
        .data().split("\n")[-2:] == listed[-2:]
    assert not officer.boxes.seen


# ------------------------------------------------------------------ the work programme's plan

@pytest.mark.parametrize("day", [d for d in UPCOMING if d != NEXT],
                         ids=[str(d) for d in UPCOMING if d != NEXT])
def test_a_meeting_without_an_agenda_lists_what_the_work_programme_plans(officer, tab, day):
    m = choose_meeting(officer.qtbot, tab, day)
    assert not m.items
    planned = [w.title for w in work_programme.list_work_programme(officer.db, DEMO_COMMITTEE)
               if w.meeting_date == day and w.status != WorkStatus.DROPPED
               and w.format in (WorkFormat.AGENDA_ITEM, WorkFormat.ANNUAL_REPORT)]
    said = tab.agenda_view.placeholder
    assert said.startswith("No agenda items yet: use Add agenda item\u2026")
    if planned:
        assert f"The work programme plans {len(planned)} item" in said
        assert said.splitlines()[-len(planned):] == [f"\u2022 {t}" for t in planned]
    else:
        assert "work programme" not in said
    assert tab.detail_tabs.tabText(0) == "Agenda (0)"


def test_cancel_on_the_agenda_item_dialog_writes_nothing(officer, tab):
    qtbot, db = officer.qtbot, officer.db
    choose_meeting(qtbot, tab, NEXT)
    before = stored(db, NEXT).items
    choose_item(qtbot, tab, before[3].id)
    click_tool(qtbot, tab.toolbar, tab.edit_item_action)
    dialog = visible_dialog(qtbot, AgendaItemDialog, tab)
    type_into(qtbot, dialog.title_edit, "A title typed, then thought better of")
    click(qtbot, dialog.exempt_check)
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel))
    assert stored(db, NEXT).items == before
    assert shown_texts(tab.agenda_view, AgendaModel.TITLE)[3].split("\n")[0] == before[3].title
    assert not officer.window.undo_stack.canUndo()
