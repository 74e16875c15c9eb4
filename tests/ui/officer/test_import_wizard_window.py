"""The import wizard opened from the main window (Ctrl+I) on the committee shown: each kind of
unreadable file is named on the file page with its reason, and Next stays off; Back and Next
walk the pages and keep the choices; Cancel on any page before the import writes nothing; an
import through the window shows its rows in the Tracker."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QWizard

from desktop_app.services import actions, committees
from desktop_app.ui.importing.widgets import P_DRY, P_FILE, P_KIND, P_MAP
from desktop_app.ui.importing.wizard import ImportWizard
from tests.ui.officer.conftest import DEMO_COMMITTEE, click, visible_dialog
from tests.ui.test_import_wizard import ROWS, action_log, choose_file, counts, go_on

B = QWizard.WizardButton
CARRY_ON = "\nChoose another file to carry on."


# The Housing rows of tests/ui/test_import_wizard.py, numbered after the example's own seven
NEW_ROWS = [[100 + row[0], *row[1:]] for row in ROWS]


def new_log(path: Path) -> Path:
    return action_log(path, NEW_ROWS)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def _zip_not_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")


def _bare_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='http://schemas.openxmlformats"
                                        ".org/wordprocessingml/2006/main'><w:body/></w:document>")


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 4)


def _folder(path: Path) -> None:
    path.mkdir()


def _blank_workbook(path: Path) -> None:
    Workbook().save(path)


def _nothing(path: Path) -> None:
    pass


BAD_FILES = [
    ("empty.xlsx", _empty, "the file is empty (0 bytes)"),
    ("blank.csv", _empty, "the file is empty (0 bytes)"),
    ("report.pdf", _pdf, "is a PDF, not an .xlsx workbook"),
    ("not a workbook.xlsx", _zip_not_workbook,
     "is a zip file but not an .xlsx workbook (no xl/workbook.xml)"),
    ("garbage.csv", _binary,
     "is not an .xlsx workbook or a CSV file (binary content); save as .xlsx"),
    ("folder.xlsx", _folder, "is a folder, not a workbook file"),
    ("blank workbook.xlsx", _blank_workbook, "the workbook is empty (no sheet has any data)"),
    ("missing.xlsx", _nothing, "file not found"),
    ("empty.docx", _bare_docx, "the Word document cannot be read"),
]


@pytest.fixture
def wizard(officer):
    officer.window.menus.import_action.trigger()
    dialog = visible_dialog(officer.qtbot, ImportWizard)
    assert dialog.committee == DEMO_COMMITTEE
    yield dialog
    dialog.wait_idle()
    if dialog.isVisible():
        dialog.done(0)


def demo_actions(db) -> list:
    return actions.list_actions(db, DEMO_COMMITTEE)


@pytest.mark.parametrize(("name", "make", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_an_unreadable_file_is_named_with_its_reason_and_next_stays_off(officer, wizard,
                                                                        tmp_path, name, make,
                                                                        reason):
    before = demo_actions(officer.db)
    path = tmp_path / name
    make(path)
    choose_file(wizard, path)
    message = wizard.file_page.message
    assert message.isVisible()
    first = message.text().split("\n")[0]
    assert first.startswith(f"{name}: {reason}")
    if name != "empty.docx":
        assert message.text() == f"{name}: {reason}{CARRY_ON}"
    assert "Traceback" not in message.text()
    assert not wizard.button(B.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == P_FILE
    assert demo_actions(officer.db) == before
    assert not officer.boxes.seen


def test_a_good_file_after_a_bad_one_carries_on(officer, wizard, tmp_path):
    bad = tmp_path / "report.pdf"
    _pdf(bad)
    choose_file(wizard, bad)
    assert not wizard.button(B.NextButton).isEnabled()
    choose_file(wizard, new_log(tmp_path / "log.xlsx"))
    assert "looks like an action log" in wizard.file_page.message.text()
    assert wizard.button(B.NextButton).isEnabled()
    go_on(officer.qtbot, wizard, P_KIND)
    assert wizard.kind_page.buttons["actions"].isChecked()


@pytest.mark.parametrize("page", [P_FILE, P_KIND, P_MAP, P_DRY],
                         ids=["file", "kind", "columns", "trial run"])
def test_cancel_on_any_page_before_the_import_writes_nothing(officer, wizard, tmp_path, page):
    qtbot, db = officer.qtbot, officer.db
    before = demo_actions(db)
    names = [c.name for c in committees.list_committees(db)]
    choose_file(wizard, new_log(tmp_path / "log.xlsx"))
    for step in (P_KIND, P_MAP, P_DRY):
        if wizard.currentId() == page:
            break
        go_on(qtbot, wizard, step)
    assert wizard.currentId() == page
    if page == P_DRY:
        assert counts(wizard)["created"] == 3        # the trial run says what would come in
    click(qtbot, wizard.button(B.CancelButton))
    assert wizard.wait_idle()
    assert not wizard.isVisible()
    assert demo_actions(db) == before
    assert [c.name for c in committees.list_committees(db)] == names


@pytest.mark.parametrize("page", [P_KIND, P_MAP, P_DRY], ids=["kind", "columns", "trial run"])
def test_back_returns_to_the_page_before_with_the_choices_kept(officer, wizard, tmp_path, page):
    qtbot = officer.qtbot
    path = new_log(tmp_path / "log.xlsx")
    choose_file(wizard, path)
    order = [P_FILE, P_KIND, P_MAP, P_DRY]
    for step in order[1:order.index(page) + 1]:
        go_on(qtbot, wizard, step)
    click(qtbot, wizard.button(B.BackButton))
    assert wizard.wait_idle()
    assert wizard.currentId() == order[order.index(page) - 1]
    assert wizard.file_page.path == str(path)
    assert wizard.committee == DEMO_COMMITTEE
    assert wizard.kind == "actions"
    go_on(qtbot, wizard, page)
    assert wizard.currentId() == page


def test_an_import_through_the_window_shows_its_rows_in_the_tracker(officer, wizard, tmp_path):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    before = {a.id for a in demo_actions(db)}
    choose_file(wizard, new_log(tmp_path / "cyp extra actions.xlsx"))
    for step in (P_KIND, P_MAP, P_DRY):
        go_on(qtbot, wizard, step)
    assert counts(wizard)["created"] == 3
    click(qtbot, wizard.button(B.CommitButton))
    assert wizard.wait_idle()
    assert wizard.import_page.state == "done"
    click(qtbot, wizard.button(B.FinishButton))
    assert win.tracker.wait_loaded()
    new = [a for a in demo_actions(db) if a.id not in before]
    assert sorted(a.text for a in new) == sorted([
        "Circulate the KPI report to members", "Send an example induction pack",
        "Arrange a workshop on the SEND strategy"])
    assert sorted(a.ref for a in new) == ["101", "102", "103"]
    grid = win.tracker.actions_grid
    shown = {grid.proxy.row_at(r).id for r in range(grid.proxy.rowCount())}
    assert {a.id for a in new} <= shown
    assert grid.count.text() == f"{len(before) + 3} actions"
    for a in new:                        # taken out again, so the module's data stays as it was
        actions.delete_action(db, a.id)
    win.refresh_all()
    assert win.tracker.wait_loaded()
