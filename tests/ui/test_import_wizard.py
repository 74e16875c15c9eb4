"""The import wizard (File > Import, Ctrl+I), driven as an officer would, on a real SQLite
database. Workbooks are typed here with openpyxl; each job of the wizard runs on a worker and
the tests wait for it (``wizard.wait_idle()``), never for a fixed time. What is checked is what
ends up in the database. Nothing of ours is patched, and no modal dialog is opened (the wizard
shows its messages on its pages). What it refuses, and Cancel, are
test_import_wizard_refusals.py's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QWizard

from desktop_app.services import actions
from desktop_app.services.chase import chase_owners
from desktop_app.ui.importing.wizard import ChaseApplied, ImportWizard
from desktop_app.ui.importing.widgets import (P_CHASE, P_CHASE_APPLY, P_DRY, P_IMPORT,
                                             P_KIND, P_MAP)
from tests.conftest import DEMO_COMMITTEE
from tests.fixtures_xlsx import save_rows
from tests.ui.conftest import choose, click

HEADER = ["Action Number", "Meeting Date", "Action", "Owner", "Directorate", "Progress Update",
          "Due date", "Reported complete"]
ROWS = [
    [1, dt.datetime(2021, 9, 7), "Circulate the KPI report to members", "Richard Watson",
     "Children's services", "In hand", dt.datetime(2021, 10, 1), None],
    [2, dt.datetime(2021, 9, 7), "Send an example induction pack", "Claire Ward",
     "Children's services", None, "31/12/2021", None],
    [3, dt.datetime(2021, 10, 12), "Arrange a workshop on the SEND strategy", "Jo Bloggs",
     "Education", None, dt.datetime(2022, 1, 15), None],
]
COMMITTEE = "Housing Scrutiny Committee"
B = QWizard.WizardButton


def action_log(path: Path, rows: list[list] = ROWS, header: list[str] = HEADER) -> Path:
    """An action log as a clerk keeps it: a banner row, the header, the rows."""
    save_rows(path, [["Housing scrutiny committee action log (updated 12 November 2021)"],
                     header, *rows], title="Action log")
    return path


# ---------------------------------------------------------------------------- driving

@pytest.fixture
def open_wizard(qtbot, today):
    opened: list[ImportWizard] = []

    def make(db, committee: str | None = None, path: Path | None = None) -> ImportWizard:
        wizard = ImportWizard(db, committee=committee, path=str(path) if path else None)
        opened.append(wizard)
        wizard.resize(1366, 768)
        wizard.show()
        qtbot.waitExposed(wizard)
        assert wizard.wait_idle()
        return wizard

    yield make
    for wizard in opened:
        if shiboken6.isValid(wizard):
            wizard.wait_idle()
            if wizard.isVisible():
                wizard.done(0)


def forward_button(wizard: ImportWizard) -> QAbstractButton:
    """The button that goes on from this page: Next, the commit button, or Close."""
    for which in (B.CommitButton, B.NextButton, B.FinishButton):
        button = wizard.button(which)
        if button.isVisible():
            return button
    raise AssertionError("no button to go on with")


def go_on(qtbot, wizard: ImportWizard, expect: int | None = None) -> None:
    """Press the button that goes on, as a person would, then wait for the page's work."""
    assert wizard.wait_idle()
    button = forward_button(wizard)
    assert button.isEnabled(), f"{button.text()!r} is disabled on page {wizard.currentId()}"
    click(qtbot, button)
    assert wizard.wait_idle()
    if expect is not None:
        assert wizard.currentId() == expect


def choose_file(wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.set_path(str(path))
    assert wizard.wait_idle()


def type_committee(qtbot, wizard: ImportWizard, name: str, create: bool = True) -> None:
    """Type a committee's name; a new one is created only when its box is ticked."""
    combo = wizard.file_page.committee_combo
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), name)
    box = wizard.file_page.create_box
    if create and box.isVisibleTo(wizard) and not box.isChecked():
        box.click()


def counts(wizard: ImportWizard) -> dict[str, int]:
    return {key: int(label.text()) for key, label in wizard.dry_page.count_labels.items()}


def preview_headers(wizard: ImportWizard) -> list[str]:
    table = wizard.mapping_page.table
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def list_texts(box: QListWidget) -> list[str]:
    return [box.item(i).text() for i in range(box.count())]


def import_log(qtbot, wizard: ImportWizard, path: Path, ignore_directorate: bool = True
               ) -> dict[str, int]:
    """File -> kind -> columns (Directorate ignored) -> dry run; returns the dry-run counts."""
    choose_file(wizard, path)
    assert "looks like an action log" in wizard.file_page.message.text()
    go_on(qtbot, wizard, P_KIND)
    assert wizard.kind_page.buttons["actions"].isChecked()
    go_on(qtbot, wizard, P_MAP)
    combo = wizard.mapping_page.combo_for("Directorate")
    assert combo.currentData() == "directorate"
    if ignore_directorate:
        combo.setFocus()
        choose(combo, "(ignore)")
        assert wizard.wait_idle()
        assert "Directorate" not in preview_headers(wizard)
    go_on(qtbot, wizard, P_DRY)
    return counts(wizard)


# ---------------------------------------------------------------------------- tests

def test_imports_an_action_log_then_the_same_file_again_changes_nothing(
        qtbot, db, tmp_path, open_wizard):
    path = action_log(tmp_path / "Housing action log.xlsx")
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, COMMITTEE)
    assert "will be created" in wizard.file_page.committee_hint.text()
    imported: list = []
    wizard.imported.connect(imported.append)

    assert import_log(qtbot, wizard, path) == {"created": 3, "updated": 0, "unchanged": 0,
                                                "skipped": 0}
    page = wizard.mapping_page
    assert page.table.rowCount() == 3
    assert "Owner" in preview_headers(wizard)
    assert "Due date" in preview_headers(wizard)
    assert f"The committee \u201c{COMMITTEE}\u201d will be created" in wizard.dry_page.extra.text()
    assert actions.list_actions(db) == []           # the dry run saved nothing

    go_on(qtbot, wizard, P_IMPORT)                  # Import
    assert wizard.import_page.state == "done"
    assert "3 new, 0 updated, 0 unchanged, 0 skipped" in wizard.import_page.result.text()
    assert len(imported) == 1
    assert imported[0].created == 3
    if db.is_sqlite:  # a PostgreSQL server is backed up by its administrators
        assert wizard.backup_path is not None
        assert wizard.backup_path.exists()
    else:
        assert wizard.backup_path is None
    go_on(qtbot, wizard)                            # Close
    assert not wizard.isVisible()

    rows = {a.ref: a for a in actions.list_actions(db, COMMITTEE)}
    assert {ref: (a.owner, a.due_date, a.directorate) for ref, a in rows.items()} == {
        "1": ("Richard Watson", dt.date(2021, 10, 1), ""),
        "2": ("Claire Ward", dt.date(2021, 12, 31), ""),
        "3": ("Jo Bloggs", dt.date(2022, 1, 15), "")}
    assert rows["1"].progress == "In hand"
    assert rows["3"].meeting_date == dt.date(2021, 10, 12)

    again = open_wizard(db, committee=COMMITTEE)
    assert again.file_page.committee() == COMMITTEE
    assert "already saved for this committee" in again.file_page.committee_hint.text()
    assert import_log(qtbot, again, path) == {"created": 0, "updated": 0, "unchanged": 3,
                                               "skipped": 0}
    assert "Nothing would change" in again.dry_page.extra.text()
    go_on(qtbot, again, P_IMPORT)
    assert again.result.unchanged == 3
    assert again.result.created == 0
    assert len(actions.list_actions(db, COMMITTEE)) == 3


def test_unrecognised_headers_are_mapped_by_hand(qtbot, db, tmp_path, open_wizard):
    path = tmp_path / "tasks.xlsx"
    save_rows(path, [["Task", "Person", "When", "Notes"],
                     ["Write to the Cabinet Member", "Head of Housing",
                      dt.datetime(2021, 12, 1), "asked at the meeting"],
                     ["Visit the new depot", "Jo Bloggs", "January 2022", None]])
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, COMMITTEE)
    choose_file(wizard, path)
    go_on(qtbot, wizard, P_KIND)
    page = wizard.kind_page
    assert page.group.checkedButton() is None       # could not tell: the officer says
    assert "Could not tell" in page.note.text()
    assert not wizard.button(B.NextButton).isEnabled()
    page.buttons["actions"].setFocus()
    qtbot.keyClick(page.buttons["actions"], Qt.Key.Key_Space)
    go_on(qtbot, wizard, P_MAP)

    mapping = wizard.mapping_page
    assert "Say which column holds the action" in mapping.problem.text()
    assert not wizard.button(B.NextButton).isEnabled()
    assert all(combo.currentData() == "ignore" for combo in mapping.combos.values())
    for header, field in (("Task", "Action"), ("Person", "Owner"), ("When", "Due date")):
        choose(mapping.combo_for(header), field)
    assert wizard.wait_idle()
    assert not mapping.problem.isVisible()
    assert mapping.table.rowCount() == 2
    assert wizard.mapping == {"Task": "text", "Person": "owner", "When": "due_date"}
    go_on(qtbot, wizard, P_DRY)
    assert counts(wizard)["created"] == 2
    go_on(qtbot, wizard, P_IMPORT)
    stored = {a.text: a for a in actions.list_actions(db, COMMITTEE)}
    assert stored["Write to the Cabinet Member"].owner == "Head of Housing"
    assert stored["Write to the Cabinet Member"].due_date == dt.date(2021, 12, 1)
    assert stored["Visit the new depot"].due_text == "January 2022"


def test_changing_the_kind_or_going_back_keeps_the_wizard_consistent(qtbot, db, tmp_path,
                                                                      open_wizard):
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, COMMITTEE)
    choose_file(wizard, action_log(tmp_path / "log.xlsx"))
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    choose(wizard.mapping_page.combo_for("Directorate"), "(ignore)")
    assert wizard.wait_idle()
    click(qtbot, wizard.button(B.BackButton))
    assert wizard.currentId() == P_KIND
    go_on(qtbot, wizard, P_MAP)                     # same kind: the choice is kept
    assert wizard.mapping_page.combo_for("Directorate").currentData() == "ignore"
    click(qtbot, wizard.button(B.BackButton))
    wizard.kind_page.choose("recommendations")
    go_on(qtbot, wizard, P_MAP)                     # another kind: read afresh
    assert wizard.mapping == {}
    assert "Say which column holds the recommendation" in wizard.mapping_page.problem.text()
    assert not wizard.button(B.NextButton).isEnabled()


def test_a_returned_chase_workbook_is_reviewed_and_the_ticked_change_applied(
        qtbot, demo_db, tmp_path, open_wizard, today):
    (pack,) = chase_owners(demo_db, DEMO_COMMITTEE, tmp_path / "chase", owner="Richard Watson",
                           now=dt.date(2021, 11, 12))
    wb = load_workbook(pack.workbook)
    ws = wb["Actions"]
    first_id, second_id = (int(ws[f"G{r}"].value.split(":")[1]) for r in (3, 4))
    ws["F3"] = "KPIs circulated to members on 1 December"
    ws["F4"] = "Friends of Ledbury details sent"
    wb.save(pack.workbook)
    actions.update_action(demo_db, second_id, progress="Chased by phone")  # meanwhile, in the app

    wizard = open_wizard(demo_db, path=pack.workbook)
    assert ("chase workbook that Richard Watson sent back (sent 12 November 2021)"
            in wizard.file_page.message.text())
    assert not wizard.file_page.committee_combo.isEnabled()
    imported: list = []
    wizard.imported.connect(imported.append)
    go_on(qtbot, wizard, P_CHASE)
    page = wizard.chase_page
    table = page.table
    assert table.rowCount() == 2
    ticks = [table.item(r, 0).checkState() for r in range(2)]
    assert ticks == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]   # the conflict is not
    assert [table.item(r, 6).text() for r in range(2)] == ["", "Conflict"]
    assert table.item(1, 4).text() == "Friends of Ledbury details sent"
    assert table.item(1, 5).text() == "Chased by phone"
    assert "1 of 2 changes ticked" in page.count_label.text()

    table.setFocus()
    table.setCurrentCell(1, 3)
    qtbot.keyClick(table, Qt.Key.Key_Space)                # tick, then untick, the conflict
    assert "2 of 2" in page.count_label.text()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [c.id for c in page.chosen()] == [first_id]
    apply_button = wizard.button(B.CommitButton)
    assert apply_button.text().replace("&", "") == "Apply ticked changes"
    go_on(qtbot, wizard, P_CHASE_APPLY)
    assert wizard.apply_page.state == "done"
    assert "Applied 1 change" in wizard.apply_page.result.text()
    assert imported
    assert isinstance(imported[0], ChaseApplied)
    assert imported[0].applied == 1

    first = actions.get_action(demo_db, first_id)
    assert first.progress == "KPIs circulated to members on 1 December"
    note = next(u for u in first.updates if u.text == first.progress)
    assert note.author == "Richard Watson"
    assert actions.get_action(demo_db, second_id).progress == "Chased by phone"
    go_on(qtbot, wizard)
    assert not wizard.isVisible()


def test_every_field_has_a_name_and_the_pages_fit_1366x768(qtbot, db, tmp_path, open_wizard):
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, COMMITTEE)
    choose_file(wizard, action_log(tmp_path / "log.xlsx"))
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    go_on(qtbot, wizard, P_DRY)
    unnamed = []
    for w in wizard.findChildren(QComboBox) + wizard.findChildren(QLineEdit) + \
            wizard.findChildren(QAbstractButton) + wizard.findChildren(QListWidget):
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
            continue
        if w.objectName().startswith("qt_"):
            continue
        if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text()):
            unnamed.append(f"{type(w).__name__} {w.objectName()}")
    assert unnamed == []
    assert wizard.minimumSizeHint().width() <= 1366
    assert wizard.minimumSizeHint().height() <= 768
    image = wizard.grab()
    assert (image.width(), image.height()) == (1366, 768)


def test_ctrl_i_opens_the_wizard_and_the_window_refreshes_after_the_import(
        qtbot, empty_window, tmp_path):
    window = empty_window
    window.menus.import_action.trigger()
    wizard = window.dialog
    assert isinstance(wizard, ImportWizard)
    assert wizard.isVisible()
    type_committee(qtbot, wizard, COMMITTEE)
    import_log(qtbot, wizard, action_log(tmp_path / "log.xlsx"), ignore_directorate=False)
    go_on(qtbot, wizard, P_IMPORT)
    go_on(qtbot, wizard)                            # Close
    assert not wizard.isVisible()
    names = [window.committee_combo.itemText(i) for i in range(window.committee_combo.count())]
    assert any(COMMITTEE in name for name in names)
    window.tracker.wait_loaded()
    assert len(window.tracker.actions_model.rows) == 3
