"""The import wizard's pages, opened from the shared window (File > Import), on what the other
wizard tests leave out: the meaning the officer gives a status word the rules do not know is
the status its rows get; a committee name that is neither chosen nor to be created keeps Next
off and says why (a near name is suggested); a file already imported, in each format, comes in
again as "unchanged" and changes nothing in the database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from desktop_app.domain.enums import ActionStatus
from desktop_app.services import actions, committees, recommendations
from desktop_app.services.import_summary import key
from desktop_app.services.importing import ImportOptions, import_file
from desktop_app.ui.importing.widgets import P_DRY, P_IMPORT, P_KIND, P_MAP, P_STATUS
from desktop_app.ui.importing.wizard import ImportWizard
from tests.ui.officer.conftest import DEMO_COMMITTEE, visible_dialog
from tests.ui.test_import_wizard import choose_file, counts, go_on, type_committee

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "trackers"
UNKNOWN = CORPUS / "05_actions_unknown_status_words.xlsx"
B = QWizard.WizardButton


@pytest.fixture
def wizard(officer):
    officer.window.menus.import_action.trigger()
    dialog = visible_dialog(officer.qtbot, ImportWizard)
    yield dialog
    dialog.wait_idle()
    if dialog.isVisible():
        dialog.done(0)


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("word", sorted(_expected(UNKNOWN)["unknown_status_words"]))
def test_the_meaning_given_to_an_unknown_status_word_is_the_status_its_rows_get(
        officer, wizard, word):
    qtbot, db = officer.qtbot, officer.db
    committee = f"Status words committee ({word})"
    choose_file(wizard, UNKNOWN)
    type_committee(qtbot, wizard, committee)
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    go_on(qtbot, wizard, P_STATUS)
    page = wizard.status_page
    combo = page.combo_for(word)
    assert combo.currentData() == ActionStatus.OPEN            # not known: open, until told
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(ActionStatus.COMPLETED.value))
    assert wizard.status_map == {word: ActionStatus.COMPLETED.value}
    go_on(qtbot, wizard, P_DRY)
    go_on(qtbot, wizard, P_IMPORT)
    expected = _expected(UNKNOWN)["records"]
    rows = {key(a.text): a for a in actions.list_actions(db, committee)}
    assert len(rows) == len(expected)
    for want in expected:
        got = rows[key(want["text"])]
        assert got.status_word == want["status_word"]
        if want["status_word"].casefold() == word.casefold():
            assert got.status == ActionStatus.COMPLETED
        else:
            assert got.status == want["status"]


@pytest.mark.parametrize(("typed", "hint"), [
    ("Childrens and Young People Scrutiny Committee",
     f"did you mean \u201c{DEMO_COMMITTEE}\u201d?"),
    ("Zzyzx Forum", "No committee is called \u201cZzyzx Forum\u201d."),
])
def test_a_committee_neither_chosen_nor_created_keeps_next_off(officer, wizard, typed, hint):
    qtbot, db = officer.qtbot, officer.db
    before = [c.name for c in committees.list_committees(db)]
    choose_file(wizard, CORPUS / "03_actions_rag_on_track.xlsx")
    type_committee(qtbot, wizard, typed, create=False)
    page = wizard.file_page
    assert hint in page.committee_hint.text()
    assert page.create_box.isVisibleTo(wizard)
    assert not wizard.button(B.NextButton).isEnabled()
    page.create_box.click()
    assert f"A new committee \u201c{typed}\u201d will be created." == page.committee_hint.text()
    assert wizard.button(B.NextButton).isEnabled()
    page.create_box.click()
    assert not wizard.button(B.NextButton).isEnabled()
    wizard.done(0)
    assert [c.name for c in committees.list_committees(db)] == before


AGAIN = ["03_actions_rag_on_track.xlsx", "11_actions_excel97.xls",
         "13_actions_semicolon_cp1252.csv", "15_recs_word_tables.docx"]


def _versions(db, kind: str, committee: str) -> dict[int, int]:
    rows = (actions.list_actions(db, committee) if kind == "actions"
            else recommendations.list_recommendations(db, committee))
    return {r.id: r.version for r in rows}


@pytest.mark.parametrize("name", AGAIN, ids=[Path(n).suffix[1:] for n in AGAIN])
def test_a_file_imported_again_through_the_window_changes_nothing(officer, name):
    qtbot, db = officer.qtbot, officer.db
    path = CORPUS / name
    kind = _expected(path)["kind"]
    committee = f"Imported twice ({Path(name).suffix[1:]})"
    first = import_file(db, path, committee, ImportOptions(kind=kind, create_committee=True,
                                                           skip_bad_rows=True))
    created = first.summary.created
    assert created == len(_expected(path)["records"])
    before = _versions(db, kind, committee)
    officer.window.menus.import_action.trigger()            # opened once the records exist
    wizard = visible_dialog(qtbot, ImportWizard)
    try:
        _import_again(qtbot, wizard, path, kind, committee, created)
    finally:
        wizard.wait_idle()
        if wizard.isVisible():
            wizard.done(0)
    assert _versions(db, kind, committee) == before


def _import_again(qtbot, wizard, path: Path, kind: str, committee: str, created: int) -> None:
    choose_file(wizard, path)
    type_committee(qtbot, wizard, committee)
    assert not wizard.file_page.create_box.isVisibleTo(wizard)   # it exists now
    go_on(qtbot, wizard, P_KIND)
    assert wizard.kind_page.buttons[kind].isChecked()
    go_on(qtbot, wizard, P_MAP)
    go_on(qtbot, wizard)
    if wizard.currentId() == P_STATUS:
        go_on(qtbot, wizard, P_DRY)
    assert counts(wizard) == {"created": 0, "updated": 0, "unchanged": created, "skipped": 0}
    go_on(qtbot, wizard, P_IMPORT)
