"""The import wizard names hidden sheets and rows before anything is imported (issue 13): an
officer who hid completed rows and last year's sheet sees, on the columns page, that they will
come in all the same. Driven as an officer would, in a real window on a real database."""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop_app.services import actions
from desktop_app.ui.importing.widgets import P_DRY, P_IMPORT, P_KIND, P_MAP, P_STATUS
from tests.ui.test_import_wizard import (choose_file, counts, go_on,  # noqa: F401
                                         open_wizard, type_committee)  # (a fixture)

FILE = Path(__file__).resolve().parents[1] / "fixtures" / "trackers" / \
    "10_actions_hidden_rows_and_sheets.xlsx"


def test_hidden_sheets_and_rows_are_named_before_the_import(qtbot, db,
                                                             open_wizard):  # noqa: F811
    expected = json.loads(FILE.with_suffix(".expected.json").read_text(encoding="utf-8"))
    committee = expected["committee"]
    wizard = open_wizard(db)
    type_committee(qtbot, wizard, committee)
    choose_file(wizard, FILE)
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    notes = wizard.mapping_page.notes
    assert notes.isVisible()
    shown = notes.text().splitlines()
    assert shown[:3] == ["Note: sheet 'Action Log': hidden rows 4, 7 imported",
                         "Note: sheet 'Closed 2022' is hidden: its rows are imported",
                         "Note: sheet 'Lists' is hidden: nothing on it to import"]
    if os.environ.get("SCRUTINY_SAVE_GRABS"):
        wizard.grab().save(os.environ["SCRUTINY_SAVE_GRABS"])
    go_on(qtbot, wizard, P_STATUS)     # the file has status words: what each means
    go_on(qtbot, wizard, P_DRY)
    assert counts(wizard)["created"] == len(expected["records"])
    go_on(qtbot, wizard, P_IMPORT)
    assert wizard.import_page.state == "done"
    assert len(actions.list_actions(db, committee)) == len(expected["records"])
