"""Tools > Chase owners and Tools > Impact statistics, on the example committee (real SQLite)."""

from __future__ import annotations


import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QInputDialog

from desktop_app.services import committees, contacts, stats
from desktop_app.ui.tools.chase_dialog import EMAIL_COL, ChaseDialog
from desktop_app.ui.tools.stats_dialog import StatsDialog
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose, click


@pytest.fixture
def chase_dialog(qtbot, demo_db, today, message_boxes):
    dialog = ChaseDialog(demo_db, DEMO_COMMITTEE)
    qtbot.addWidget(dialog)
    dialog.open()
    yield dialog
    dialog.done(0)


@pytest.fixture
def stats_dialog(qtbot, demo_db, today, message_boxes):
    dialog = StatsDialog(demo_db, DEMO_COMMITTEE)
    qtbot.addWidget(dialog)
    dialog.open()
    yield dialog
    dialog.done(0)


def _cells(dialog: ChaseDialog, name: str) -> list[str]:
    row = dialog.row_of(name)
    assert row >= 0, f"{name} is not listed"
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def test_chase_lists_owners_with_their_counts(chase_dialog):
    assert _cells(chase_dialog, "Claire Ward")[2:] == ["2", "2", "\u2013"]
    assert _cells(chase_dialog, "Richard Watson")[2:] == ["2", "\u2013", "\u2013"]
    assert _cells(chase_dialog, "Executive")[4] == "60"
    text = chase_dialog.findChild(type(chase_dialog.summary), "chaseSummary").text()
    assert "people to chase" in text


def test_editing_an_email_saves_the_contact(qtbot, chase_dialog, demo_db, message_boxes):
    row = chase_dialog.row_of("Claire Ward")
    chase_dialog.table.item(row, EMAIL_COL).setText("claire.ward@example.gov.uk")
    assert contacts.find_contact(demo_db, "Claire Ward").email == "claire.ward@example.gov.uk"
    chase_dialog.table.item(row, EMAIL_COL).setText("not an address")
    assert message_boxes.seen
    assert "not an email address" in message_boxes.seen[-1]["text"]
    assert chase_dialog.table.item(row, EMAIL_COL).text() == "claire.ward@example.gov.uk"
    assert contacts.find_contact(demo_db, "Claire Ward").email == "claire.ward@example.gov.uk"


def test_writing_makes_one_workbook_and_one_draft_per_owner(qtbot, chase_dialog, tmp_path,
                                                            demo_db):
    out = tmp_path / "chase out"
    chase_dialog.folder_edit.clear()
    qtbot.keyClicks(chase_dialog.folder_edit, str(out))
    contacts.set_contact(demo_db, "Richard Watson", "richard.watson@example.gov.uk")
    click(qtbot, chase_dialog.write_button)
    assert chase_dialog.job is not None
    assert chase_dialog.job.wait()
    assert chase_dialog.job.error is None
    owners = [line.name for line in chase_dialog.lines]
    assert sorted(p.owner for p in chase_dialog.packs) == sorted(owners)
    assert len(list(out.glob("*.xlsx"))) == len(owners)
    assert len(list(out.glob("*.eml"))) == len(owners)
    for name in ("Claire Ward", "Richard Watson"):
        assert len([p for p in out.glob("*.eml") if name in p.name]) == 1
        assert len([p for p in out.glob("*.xlsx") if name in p.name]) == 1
    draft = next(p for p in out.glob("*.eml") if "Richard Watson" in p.name)
    assert "richard.watson@example.gov.uk" in draft.read_text(encoding="utf-8", errors="replace")
    assert chase_dialog.files.count() == 2 * len(owners)
    assert chase_dialog.open_button.isEnabled()
    assert "mail program" in chase_dialog.result_label.text()


def test_stats_for_2021_22(stats_dialog, demo_db):
    years = [stats_dialog.year_combo.itemText(i) for i in range(stats_dialog.year_combo.count())]
    assert years[0] == "2021/22"                      # "today" is November 2021
    assert {"2020/21", "2019/20"} <= set(years[1:])
    choose(stats_dialog.year_combo, "2021/22")
    expected = stats.year_stats(demo_db, DEMO_COMMITTEE, "2021/22")
    assert stats_dialog.value_of("Actions raised") == "7"
    assert stats_dialog.value_of("Recommendations made") == str(expected.recommendations_made)
    assert stats_dialog.meetings_table.rowCount() == len(expected.meetings)
    assert stats_dialog.directorates_table.rowCount() == len(expected.directorates)
    table = stats_dialog.attendance_table              # the demo's record of 12 October 2021
    assert table.rowCount() == 10
    assert [table.item(0, c).text() for c in range(table.columnCount())] == [
        "Councillor Phillip Howells", "1", "1", "0", "0", "0", "100"]
    choose(stats_dialog.year_combo, "2020/21")
    assert stats_dialog.stats.year == "2020/21"
    assert stats_dialog.attendance_table.rowCount() == 0


def test_stats_save_pdf_and_workbook(stats_dialog, tmp_path):
    choose(stats_dialog.year_combo, "2021/22")
    pdf = stats_dialog.save_pdf(tmp_path / "impact.pdf")
    assert pdf is not None
    assert pdf.is_file()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Scrutiny impact 2021/22" in text
    book = stats_dialog.save_xlsx(tmp_path / "impact")
    assert book == tmp_path / "impact.xlsx"
    assert book.is_file()
    from openpyxl import load_workbook
    assert "Summary" in load_workbook(book).sheetnames


def test_tools_menu_opens_the_dialogs(window):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    entries = [a.text().replace("&", "") for a in menus["Tools"].actions() if a.text()]
    assert entries == ["Chase owners\u2026", "Impact statistics\u2026"]
    window.menus.chase_action.trigger()
    assert isinstance(window.dialog, ChaseDialog)
    assert window.dialog.isVisible()
    assert window.dialog.committee == DEMO_COMMITTEE
    window.dialog.done(0)
    window.menus.stats_action.trigger()
    assert isinstance(window.dialog, StatsDialog)
    assert window.dialog.isVisible()
    window.dialog.done(0)


def test_tools_ask_for_the_committee_when_all_are_shown(qtbot, db, open_window, today):
    committees.add_committee(db, DEMO_COMMITTEE, "CYPSC")
    committees.add_committee(db, "Adults and Wellbeing Scrutiny Committee", "AWSC")
    win = open_window(db)
    choose(win.committee_combo, "All committees")
    win.menus.stats_action.trigger()
    ask = win.dialog
    assert isinstance(ask, QInputDialog)
    assert ask.isVisible()
    assert ask.comboBoxItems() == ["Adults and Wellbeing Scrutiny Committee", DEMO_COMMITTEE]
    ask.setTextValue(DEMO_COMMITTEE)
    ask.accept()
    assert isinstance(win.dialog, StatsDialog)
    assert win.dialog.committee == DEMO_COMMITTEE
    win.dialog.done(0)
    win.menus.chase_action.trigger()
    win.dialog.setTextValue("Adults and Wellbeing Scrutiny Committee")
    win.dialog.accept()
    assert isinstance(win.dialog, ChaseDialog)
    assert win.dialog.committee == "Adults and Wellbeing Scrutiny Committee"
    assert win.dialog.table.rowCount() == 0
    assert not win.dialog.write_button.isEnabled()
    win.dialog.done(0)
