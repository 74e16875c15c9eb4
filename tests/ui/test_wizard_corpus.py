"""Every tracker file of the fidelity corpus (tests/fixtures/trackers: other councils' action
logs, recommendation schedules and work programmes, as .xlsx, .xls, .csv and Word) imported
through the window's import wizard as an officer would: the file chosen, a new committee typed,
the kind and columns the wizard detects accepted, Next to the end. The wizard must detect the
file's kind, and what it saves must be exactly what the command line's import saves
(``services.importing.import_file``, scored field by field against the corpus's expectations
by tests/unit/test_import_rules.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.services import actions, recommendations, work_programme
from desktop_app.services.importing import ImportOptions, import_file
from desktop_app.ui.importing.widgets import P_IMPORT, P_KIND
from tests.ui.test_import_wizard import go_on, open_wizard, type_committee  # noqa: F401
from tests.unit.test_import_rules import FILES, KIND

LISTED = {"actions": actions.list_actions, "recommendations": recommendations.list_recommendations,
          "work_programme": work_programme.list_work_programme}


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def _listed(db, kind: str, committee: str) -> list[dict]:
    """The committee's records as the services list them, without their database ids."""
    return [{k: v for k, v in row.as_dict().items() if k != "id"}
            for row in LISTED[kind](db, committee)]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_a_corpus_file_through_the_wizard_saves_what_the_command_line_saves(
        qtbot, open_wizard, tmp_path, path):  # noqa: F811
    from desktop_app.db.schema import open_database
    exp = _expected(path)
    kind, committee = exp["kind"], exp["committee"]
    gui_db = open_database(f"sqlite:///{tmp_path / 'window.db'}")
    cli_db = open_database(f"sqlite:///{tmp_path / 'command-line.db'}")
    try:
        wizard = open_wizard(gui_db, path=path)
        type_committee(qtbot, wizard, committee)
        go_on(qtbot, wizard, P_KIND)
        assert wizard.kind_page.buttons[KIND[kind]].isChecked(), \
            f"{path.name}: the wizard did not detect {kind}"
        for _page in range(5):           # columns, status words (when any), trial run, import
            go_on(qtbot, wizard)
            if wizard.currentId() == P_IMPORT:
                break
        assert wizard.currentId() == P_IMPORT
        assert wizard.import_page.state == "done", wizard.import_page.result.text()

        import_file(cli_db, path, committee, ImportOptions(kind=KIND[kind], skip_bad_rows=True))
        saved = _listed(gui_db, kind, committee)
        assert saved, f"{path.name}: nothing saved"
        assert saved == _listed(cli_db, kind, committee)
    finally:
        gui_db.dispose()
        cli_db.dispose()
