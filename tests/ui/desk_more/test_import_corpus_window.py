"""Every tracker file of the fidelity corpus (tests/fixtures/trackers: .xlsx, .xls, .csv and
Word .docx) imported through the real window as an officer would: File > Import, the file, a
new committee typed and ticked, the kind the wizard detected, the columns, the status words when
the file has words the app does not know, the trial run, Import. What is checked: the wizard
detected the kind the corpus says, the trial run counted the records the file holds, the
database then holds exactly the file's records (paired by their main text), and the window
shows them on the tab of their kind once that committee is chosen."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import actions, committees, recommendations, work_programme
from desktop_app.services.import_summary import key
from desktop_app.ui.importing.widgets import P_DRY, P_IMPORT, P_KIND, P_MAP, P_STATUS
from desktop_app.ui.importing.wizard import ImportWizard
from tests.ui.officer.conftest import DEMO_COMMITTEE, visible_dialog
from tests.ui.test_import_wizard import choose_file, counts, go_on, type_committee

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "trackers"
KIND = {"actions": "actions", "recommendations": "recommendations",
        "work_programme": "work-programme"}
MAIN = {"actions": "text", "recommendations": "text", "work_programme": "title"}


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


FILES = sorted(p for p in CORPUS.iterdir()
               if p.suffix in (".xlsx", ".xls", ".csv", ".docx")
               and _expected(p)["kind"] in KIND)


def stored_texts(db, kind: str, committee: str) -> Counter[str]:
    if kind == "actions":
        return Counter(key(a.text) for a in actions.list_actions(db, committee))
    if kind == "recommendations":
        return Counter(key(r.text) for r in recommendations.list_recommendations(db, committee))
    return Counter(key(w.title) for w in work_programme.list_work_programme(db, committee))


def shown_texts(window, kind: str) -> Counter[str]:
    """The main text of every record the tab of this kind shows (first line of the cell)."""
    if kind == "work_programme":
        tab = window.work_tab
        window.tabs.setCurrentWidget(tab)
        return Counter(key(i.title) for i in tab.model.items()
                       if tab.model.item_row_of(i.id) >= 0)
    tracker = window.tracker
    window.tabs.setCurrentWidget(tracker)
    tracker.show_view("action" if kind == "actions" else "recommendation")
    assert tracker.wait_loaded()
    grid = tracker.actions_grid if kind == "actions" else tracker.recs_grid
    proxy = grid.proxy
    return Counter(key(proxy.row_at(r).text) for r in range(proxy.rowCount()))


def unknown_words_shown(page) -> dict[str, int]:
    """The words the status page marks as not known, with the rows it says use each."""
    table, found = page.table, {}
    for row in range(table.rowCount()):
        text = table.item(row, 0).text()
        if text.endswith("(not known: comes in as open)"):
            word = text.split("   (not known")[0]
            found[word.casefold()] = int(table.item(row, 1).text())
    return found


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_corpus_file_is_imported_through_the_window(officer, path):
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    exp = _expected(path)
    committee = f"{exp['committee']} ({path.stem[:2]})"
    assert committee not in [c.name for c in committees.list_committees(db)]
    win.menus.import_action.trigger()
    wizard = visible_dialog(qtbot, ImportWizard)
    try:
        choose_file(wizard, path)
        type_committee(qtbot, wizard, committee)
        go_on(qtbot, wizard, P_KIND)
        assert wizard.kind_page.buttons[KIND[exp["kind"]]].isChecked()
        go_on(qtbot, wizard, P_MAP)
        go_on(qtbot, wizard)
        if wizard.currentId() == P_STATUS:
            assert unknown_words_shown(wizard.status_page) == \
                {w.casefold(): n for w, n in exp["unknown_status_words"].items()}
            go_on(qtbot, wizard)
        else:
            assert not exp["unknown_status_words"]
        assert wizard.currentId() == P_DRY
        assert counts(wizard)["created"] == len(exp["records"])
        go_on(qtbot, wizard, P_IMPORT)
        assert wizard.wait_idle()
    finally:
        wizard.wait_idle()
        if wizard.isVisible():
            wizard.done(0)
    wanted = Counter(key(r[MAIN[exp["kind"]]]) for r in exp["records"])
    assert stored_texts(db, exp["kind"], committee) == wanted
    win.choose_committee(committee)
    try:
        dropped = Counter(key(r["title"]) for r in exp["records"]
                          if exp["kind"] == "work_programme" and r["status"] == "dropped")
        assert shown_texts(win, exp["kind"]) == wanted - dropped
        if dropped:                      # dropped items are shown only when asked
            officer.qtbot.mouseClick(win.work_tab.show_dropped_check,
                                     Qt.MouseButton.LeftButton)
            assert shown_texts(win, exp["kind"]) == wanted
    finally:
        win.choose_committee(DEMO_COMMITTEE)
