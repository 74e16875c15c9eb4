"""The import wizard's value-to-status page and its committee choice (issue 13), driven as an
officer would on a real SQLite database; what is checked is what ends up in the database."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt

from desktop_app.domain.enums import ActionStatus
from desktop_app.services import actions, committees
from desktop_app.ui.importing.wizard import ImportWizard
from desktop_app.ui.importing.widgets import P_DRY, P_FILE, P_IMPORT, P_KIND, P_MAP, P_STATUS
from tests.conftest import DEMO_COMMITTEE
from tests.fixtures_xlsx import save_rows
from tests.ui.conftest import choose
from tests.ui.test_import_wizard import (choose_file, counts, forward_button, go_on,
                                         type_committee)

HEADER = ["Action Number", "Meeting Date", "Action", "Owner", "Due date", "Status", "RAG"]
DAY = dt.datetime(2021, 10, 12)
ROWS = [
    ["H1", DAY, "Report the repairs backlog", "Sam Lee", dt.datetime(2022, 1, 10), "Paused",
     "Amber"],
    ["H2", DAY, "Circulate the damp survey", "Sam Lee", dt.datetime(2022, 1, 10), "Done",
     "Green"],
    ["H3", DAY, "Visit the new homes at Leominster", "Ann Bell", dt.datetime(2022, 1, 10),
     "paused", "Red"],
    ["H4", DAY, "Brief members on the allocations policy", "Ann Bell",
     dt.datetime(2022, 1, 10), "Open", ""],
]


@pytest.fixture
def wizard_for(qtbot, today):
    """Open the wizard on a database (closed again at the end of the test)."""
    opened: list[ImportWizard] = []

    def make(db, committee: str | None = None) -> ImportWizard:
        wizard = ImportWizard(db, committee=committee)
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


def _log(tmp_path):
    path = tmp_path / "Housing actions.xlsx"
    save_rows(path, [HEADER, *ROWS], title="Actions")
    return path


def _words(page) -> dict[str, tuple[str, str, str]]:
    """word -> (as shown, rows, meaning chosen)."""
    out = {}
    for word, combo in page.combos.items():
        row = next(r for r in range(page.table.rowCount())
                   if page.table.cellWidget(r, 2) is combo)
        out[word] = (page.table.item(row, 0).text(), page.table.item(row, 1).text(),
                     combo.currentText())
    return out


def test_status_words_are_shown_with_counts_and_their_meaning_chosen(
        qtbot, demo_db, tmp_path, wizard_for):
    wizard = wizard_for(demo_db, committee=DEMO_COMMITTEE)
    choose_file(wizard, _log(tmp_path))
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    go_on(qtbot, wizard, P_STATUS)
    page = wizard.status_page
    shown = _words(page)
    assert set(shown) == {"paused", "done", "open"}
    # one entry per word whatever its case, with the number of rows using it
    assert shown["paused"][1:] == ("2", "Open")
    assert "not known" in shown["paused"][0]
    assert shown["done"] == ("Done", "1", "Completed")
    assert shown["open"] == ("Open", "1", "Open")
    assert page.table.item(0, 0).background().color().name() == "#fff4d6"
    assert page.unknown.isVisibleTo(wizard)
    assert "\u201cPaused\u201d (2 rows)" in page.unknown.text()
    # an action is open or completed: nothing else is offered
    combo = page.combo_for("Paused")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Open", "Completed"]
    combo.setFocus()
    choose(combo, "Completed")
    assert wizard.status_map == {"Paused": "completed"}

    go_on(qtbot, wizard, P_DRY)
    assert counts(wizard)["created"] == 4
    go_on(qtbot, wizard, P_IMPORT)
    assert wizard.import_page.state == "done"
    saved = {a.ref: a for a in actions.list_actions(demo_db, DEMO_COMMITTEE)
             if a.ref.startswith("H")}
    assert {ref: (a.status, a.status_word, a.rag) for ref, a in saved.items()} == {
        "H1": (ActionStatus.COMPLETED, "Paused", "amber"),
        "H2": (ActionStatus.COMPLETED, "Done", "green"),
        "H3": (ActionStatus.COMPLETED, "paused", "red"),
        "H4": (ActionStatus.OPEN, "Open", "")}


def test_going_back_keeps_the_choices_and_a_word_left_alone_keeps_the_rules(
        qtbot, demo_db, tmp_path, wizard_for):
    wizard = wizard_for(demo_db, committee=DEMO_COMMITTEE)
    choose_file(wizard, _log(tmp_path))
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    go_on(qtbot, wizard, P_STATUS)
    wizard.status_page.combo_for("Done").setCurrentIndex(0)     # "Done" here means open
    wizard.back()
    assert wizard.currentId() == P_MAP
    go_on(qtbot, wizard, P_STATUS)
    assert wizard.status_page.combo_for("Done").currentText() == "Open"
    go_on(qtbot, wizard, P_DRY)
    go_on(qtbot, wizard, P_IMPORT)
    saved = {a.ref: a.status for a in actions.list_actions(demo_db, DEMO_COMMITTEE)
             if a.ref.startswith("H")}
    assert saved == {"H1": ActionStatus.OPEN, "H2": ActionStatus.OPEN, "H3": ActionStatus.OPEN,
                     "H4": ActionStatus.OPEN}


def test_a_file_without_status_words_skips_the_page(qtbot, demo_db, tmp_path, wizard_for):
    path = tmp_path / "plain.xlsx"
    save_rows(path, [HEADER[:5], *[r[:5] for r in ROWS]])
    wizard = wizard_for(demo_db, committee=DEMO_COMMITTEE)
    choose_file(wizard, path)
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    go_on(qtbot, wizard, P_DRY)


def test_the_wizard_offers_the_committees_and_creates_one_only_when_told(
        qtbot, demo_db, tmp_path, wizard_for):
    wizard = wizard_for(demo_db)
    page = wizard.file_page
    offered = [page.committee_combo.itemText(i) for i in range(page.committee_combo.count())]
    assert offered == [c.name for c in committees.list_committees(demo_db)]
    choose_file(wizard, _log(tmp_path))
    type_committee(qtbot, wizard, "Children and Young Peple Scrutiny Committee", create=False)
    assert wizard.currentId() == P_FILE
    assert not forward_button(wizard).isEnabled()          # a typo makes no new committee
    assert "did you mean \u201cChildren and Young People Scrutiny Committee\u201d" in \
        page.committee_hint.text()
    assert page.create_box.isVisibleTo(wizard)
    choose(page.committee_combo, DEMO_COMMITTEE)
    assert not page.create_box.isVisibleTo(wizard)
    assert forward_button(wizard).isEnabled()

    type_committee(qtbot, wizard, "Housing Scrutiny Committee", create=False)
    assert not forward_button(wizard).isEnabled()
    qtbot.keyClick(page.create_box, Qt.Key.Key_Space)      # the officer says so
    assert page.create_box.isChecked()
    assert "will be created" in page.committee_hint.text()
    go_on(qtbot, wizard, P_KIND)
    go_on(qtbot, wizard, P_MAP)
    go_on(qtbot, wizard, P_STATUS)
    go_on(qtbot, wizard, P_DRY)
    go_on(qtbot, wizard, P_IMPORT)
    assert "Housing Scrutiny Committee" in [c.name for c in
                                           committees.list_committees(demo_db)]
    assert len(actions.list_actions(demo_db, "Housing Scrutiny Committee")) == 4
