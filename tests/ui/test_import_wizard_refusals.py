"""The import wizard refusing, or stopped: a file that is not a workbook (or is an old .xls, or
is not there) keeps Next off and says why; a row that cannot be read blocks the import until
"skip" is ticked; Cancel before the commit leaves the database untouched. Driven as an officer
would, with test_import_wizard.py's helpers, and checked in the database.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.schema import sqlite_path
from desktop_app.services import actions, committees
from desktop_app.ui.importing.widgets import P_DRY, P_FILE, P_IMPORT, P_KIND, P_MAP
from tests.conftest import BACKEND
from tests.fixtures_xlsx import make_ole
from tests.ui.conftest import click
from tests.ui.test_import_wizard import (COMMITTEE, ROWS, B, action_log, choose_file, counts,
                                         go_on, import_log, list_texts, open_wizard,  # noqa: F401
                                         type_committee)


def test_a_hostile_or_old_file_shows_why_and_blocks_next(
        qtbot, db, tmp_path, open_wizard):  # noqa: F811
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, COMMITTEE)
    next_button = wizard.button(B.NextButton)

    fake = tmp_path / "action log.xlsx"
    fake.write_bytes(b"Ref,Action,Owner\n1,Circulate the report,Richard Watson\n")
    choose_file(wizard, fake)
    message = wizard.file_page.message
    assert message.isVisible()
    assert "action log.xlsx: is not an .xlsx workbook (not a zip file" in message.text()
    assert not next_button.isEnabled()
    click(qtbot, next_button)
    wizard.next()                                   # not even from code
    assert wizard.currentId() == P_FILE

    old = tmp_path / "old log.xls"
    make_ole(old, {"Workbook": b"\x09\x08" + b"\0" * 64})
    choose_file(wizard, old)
    assert "save as .xlsx" in message.text()
    assert "97-2003" in message.text()
    assert not next_button.isEnabled()

    wizard.file_page.path_edit.clear()              # typed by hand this time
    qtbot.keyClicks(wizard.file_page.path_edit, str(tmp_path / "missing.xlsx"))
    qtbot.keyClick(wizard.file_page.path_edit, Qt.Key.Key_Return)
    assert "missing.xlsx: file not found" in message.text()
    assert not next_button.isEnabled()

    choose_file(wizard, action_log(tmp_path / "good.xlsx"))
    assert next_button.isEnabled()
    go_on(qtbot, wizard, P_KIND)


def test_a_bad_row_blocks_the_import_until_skip_is_ticked(
        qtbot, db, tmp_path, open_wizard):  # noqa: F811
    rows = [*ROWS[:2], [4, "next month", "Report back on the housing allocations policy",
                        "Head of Housing", None, None, None, None], ROWS[2]]
    path = action_log(tmp_path / "log.xlsx", rows)
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, COMMITTEE)
    choose_file(wizard, path)
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    page = wizard.mapping_page
    assert page.table.rowCount() == 3
    assert list_texts(page.skipped) == [
        "Sheet 'Action log', row 5: meeting date 'next month' is not a date"]
    assert "1 row cannot be read" in page.skipped_title.text()

    go_on(qtbot, wizard, P_DRY)
    assert counts(wizard) == {"created": 3, "updated": 0, "unchanged": 0, "skipped": 1}
    dry = wizard.dry_page
    assert list_texts(dry.skipped) == [
        "Sheet 'Action log', row 5: meeting date 'next month' is not a date"]
    import_button = wizard.button(B.CommitButton)
    assert import_button.isVisible()
    assert import_button.text().replace("&", "") == "Import"
    assert dry.skip_box.isVisible()
    assert not dry.skip_box.isChecked()
    assert not import_button.isEnabled()
    assert "Nothing is imported while these rows are in the way" in dry.skip_hint.text()
    click(qtbot, import_button)
    assert wizard.currentId() == P_DRY
    assert actions.list_actions(db) == []

    dry.skip_box.setFocus()
    qtbot.keyClick(dry.skip_box, Qt.Key.Key_Space)
    assert dry.skip_box.isChecked()
    assert import_button.isEnabled()
    go_on(qtbot, wizard, P_IMPORT)
    assert wizard.result.created == 3
    assert len(wizard.result.skipped) == 1
    assert "1 skipped" in wizard.import_page.result.text()
    assert sorted(a.owner for a in actions.list_actions(db, COMMITTEE)) == [
        "Claire Ward", "Jo Bloggs", "Richard Watson"]



@pytest.mark.skipif(BACKEND != "sqlite", reason="holds the SQLite write lock")
def test_cancelling_before_the_commit_leaves_the_database_untouched(
        qtbot, db, tmp_path, open_wizard):  # noqa: F811
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, COMMITTEE)
    assert import_log(qtbot, wizard, action_log(tmp_path / "log.xlsx"))["created"] == 3
    imported: list = []
    wizard.imported.connect(imported.append)
    # Another user is saving: the import has to wait for the database, so Cancel comes
    # before its commit whatever the timing.
    other = sqlite3.connect(str(sqlite_path(db)))
    other.isolation_level = None
    other.execute("BEGIN IMMEDIATE")
    try:
        click(qtbot, wizard.button(B.CommitButton))
        page = wizard.import_page
        assert wizard.currentId() == P_IMPORT
        assert page.state == "running"
        assert not wizard.button(B.FinishButton).isEnabled()
        qtbot.waitUntil(lambda: page.stage.text().startswith("Step 2 of 2"), timeout=60_000)
        click(qtbot, page.cancel_button)
        assert "Cancelling" in page.stage.text()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert wizard.wait_idle()
    assert page.state == "cancelled"
    assert "nothing was changed" in page.result.text()
    assert page.retry_button.isVisible()
    assert imported == []
    assert actions.list_actions(db) == []
    assert [c.name for c in committees.list_committees(db)] == []
    go_on(qtbot, wizard)                            # Close
    assert not wizard.isVisible()
