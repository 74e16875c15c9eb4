"""Issue 13 in the window: the columns of an imported tracker (RAG as a coloured chip, the status
as written, the officer's own columns) chosen in the Actions, Recommendations and Work programme
grids, remembered per committee; RAG as a filter; "Responded" for a written response."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.services.importing import ImportOptions, import_file
from tests.conftest import DEMO_COMMITTEE
from tests.fixtures_xlsx import save_rows

MEETING = dt.date(2021, 10, 12)


def _import(db, tmp_path) -> None:
    log = tmp_path / "log.xlsx"
    save_rows(log, [["Action No.", "Meeting date", "Action", "Owner", "Due date", "Status", "RAG",
                     "Area"],
                    ["A1", MEETING, "Report school places", "Jo Smith", dt.date(2022, 1, 10),
                     "Paused", "Amber", "Education"],
                    ["A2", MEETING, "Check foster carer fees", "Al Jones", dt.date(2022, 2, 10),
                     "Done", "Green", "Social care"],
                    ["A3", MEETING, "Review home to school transport", "Al Jones",
                     dt.date(2022, 2, 10), "On hold", "Red", ""]])
    import_file(db, log, DEMO_COMMITTEE, ImportOptions(kind="actions"))
    recs = tmp_path / "recs.xlsx"
    save_rows(recs, [["Meeting date", "Recommendation", "Executive response", "RAG",
                      "Cabinet member"],
                     [MEETING, "That the cabinet publish the sufficiency plan",
                      "Agreed; it will be published in the spring.", "Green", "Cllr Ann Bell"],
                     [MEETING, "That the cabinet fund two more social workers", "", "",
                      "Cllr Ann Bell"]])
    import_file(db, recs, DEMO_COMMITTEE, ImportOptions(kind="recommendations"))
    wp = tmp_path / "wp.xlsx"
    save_rows(wp, [["Meeting date", "Item", "Lead officer", "Lead member", "Status"],
                   [dt.date(2021, 11, 23), "Youth justice plan", "Ann Other", "Cllr Bell",
                    "Scheduled"]])
    import_file(db, wp, DEMO_COMMITTEE, ImportOptions(kind="work-programme"))


@pytest.fixture
def imported(demo_db, tmp_path, today):
    _import(demo_db, tmp_path)
    return demo_db


def _column(model, key: str) -> int:
    keys = [c.key for c in model.columns]
    assert key in keys, keys
    return keys.index(key)


def _menu_action(menu, title: str):
    for act in menu.actions():
        if act.text() == title:
            return act
    raise AssertionError(f"{title!r} not in {[a.text() for a in menu.actions()]}")


def _shown_text(grid, key: str) -> dict[str, str]:
    col = _column(grid.model, key)
    return {grid.proxy.row_at(r).text: grid.proxy.index(r, col).data()
            for r in range(grid.proxy.rowCount())}


def test_actions_columns_chosen_and_remembered(qtbot, qtmodeltester, imported, open_window):
    window = open_window(imported)
    window.tabs.setCurrentWidget(window.tracker)
    grid = window.tracker.actions_grid
    table, header = grid.table, grid.table.horizontalHeader()
    rag, word, area = (_column(grid.model, k) for k in ("rag", "status_word", "extra:Area"))
    # RAG is shown at first (the rows have one), as a chip in its colour; the others are offered
    assert not header.isSectionHidden(rag)
    assert header.isSectionHidden(word)
    assert header.isSectionHidden(area)
    texts = _shown_text(grid, "rag")
    assert texts["Report school places"] == "Amber"
    assert texts["Review home to school transport"] == "Red"
    amber = next(r for r in range(grid.proxy.rowCount())
                 if grid.proxy.row_at(r).text == "Report school places")
    assert grid.proxy.index(amber, rag).data(Qt.ItemDataRole.DecorationRole) is not None

    window.tracker.show_view("action")
    menu = window.tracker.columns_button.show_menu()
    titles = [a.text() for a in menu.actions()]
    assert {"RAG", "Status as written", "Area"} <= set(titles)
    _menu_action(menu, "Area").trigger()
    _menu_action(menu, "Status as written").trigger()
    menu.close()
    qtmodeltester.check(grid.model)       # with the imported columns added
    qtmodeltester.check(grid.proxy)
    assert not header.isSectionHidden(area)
    assert not header.isSectionHidden(word)
    assert _shown_text(grid, "extra:Area")["Check foster carer fees"] == "Social care"
    assert _shown_text(grid, "status_word")["Report school places"] == "Paused"
    # the header's own menu says the same and can hide RAG again
    hmenu = table.column_menu()
    assert _menu_action(hmenu, "Area").isChecked()
    _menu_action(hmenu, "RAG").trigger()
    assert header.isSectionHidden(rag)
    window.close()

    again = open_window(imported)
    grid2 = again.tracker.actions_grid
    header2 = grid2.table.horizontalHeader()
    assert not header2.isSectionHidden(_column(grid2.model, "extra:Area"))
    assert not header2.isSectionHidden(_column(grid2.model, "status_word"))
    assert header2.isSectionHidden(_column(grid2.model, "rag"))
    # a search finds a row by a hidden column's words too
    qtbot.keyClicks(grid2.search, "social care")
    qtbot.waitUntil(lambda: grid2.proxy.rowCount() == 1)
    assert grid2.proxy.row_at(0).ref == "A2"


def test_rag_filter(qtbot, imported, open_window):
    window = open_window(imported)
    window.tabs.setCurrentWidget(window.tracker)   # the window opens on the Overview
    grid = window.tracker.actions_grid
    assert grid.rag.isVisibleTo(window)
    labels = [grid.rag.itemText(i) for i in range(grid.rag.count())]
    assert labels == ["RAG: any", "RAG: Red", "RAG: Amber", "RAG: Green", "RAG: none"]
    grid.rag.setCurrentIndex(labels.index("RAG: Red"))
    assert [grid.proxy.row_at(r).ref for r in range(grid.proxy.rowCount())] == ["A3"]
    grid.rag.setCurrentIndex(labels.index("RAG: none"))
    assert grid.proxy.rowCount() == 7            # the example committee's own actions
    grid.clear_filters()
    assert grid.proxy.rowCount() == 10


def test_rag_filter_hidden_without_rag(qtbot, window):
    grid = window.tracker.actions_grid
    assert not grid.rag.isVisibleTo(window)
    assert grid.table.horizontalHeader().isSectionHidden(_column(grid.model, "rag"))


def test_recommendations_responded_and_their_columns(qtbot, imported, open_window):
    window = open_window(imported)
    window.tracker.show_view("recommendation")
    grid = window.tracker.recs_grid
    verdicts = _shown_text(grid, "verdict")
    assert verdicts["That the cabinet publish the sufficiency plan"] == "Responded"
    assert verdicts["That the cabinet fund two more social workers"] == "Awaiting response"
    member = _column(grid.model, "extra:Cabinet member")
    assert grid.table.horizontalHeader().isSectionHidden(member)
    grid.table._toggle(member, True)
    assert _shown_text(grid, "extra:Cabinet member")[
        "That the cabinet fund two more social workers"] == "Cllr Ann Bell"
    # the awaiting filter leaves the responded one out
    grid.set_status_filter("awaiting-response")
    shown = {grid.proxy.row_at(r).text for r in range(grid.proxy.rowCount())}
    assert "That the cabinet fund two more social workers" in shown
    assert "That the cabinet publish the sufficiency plan" not in shown
    # the detail pane says so too
    grid.clear_filters()
    row = next(grid.proxy.row_at(r) for r in range(grid.proxy.rowCount())
               if grid.proxy.row_at(r).text.startswith("That the cabinet publish"))
    grid.select_id(row.id)
    assert "Responded" in grid.detail.due_text.text()
    assert "RAG Green" in grid.detail.subtitle.text()
    assert "Cabinet member: Cllr Ann Bell" in grid.detail.subtitle.text()


def test_work_programme_columns(qtbot, qtmodeltester, imported, open_window):
    window = open_window(imported)
    tab = window.work_tab
    window.tabs.setCurrentWidget(tab)
    model, header = tab.model, tab.view.horizontalHeader()
    col = model.column_of("extra:Lead member")
    assert col >= model.BASE
    assert header.isSectionHidden(col)
    menu = tab.columns.button.show_menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "RAG", "Status as written", "Lead member"]
    _menu_action(menu, "Lead member").trigger()
    menu.close()
    assert not header.isSectionHidden(col)
    row = next(r for r in range(model.rowCount())
               if getattr(model.row_at(r), "title", "") == "Youth justice plan")
    assert model.index(row, col).data() == "Cllr Bell"
    qtmodeltester.check(model)
    # heading rows still span the whole grid, the new column included
    heading = model.heading_rows()[0]
    assert tab.view.columnSpan(heading, 0) == model.columnCount()
    window.close()
    again = open_window(imported)
    again.tabs.setCurrentWidget(again.work_tab)
    model2 = again.work_tab.model
    assert not again.work_tab.view.horizontalHeader().isSectionHidden(
        model2.column_of("extra:Lead member"))


def test_print_dialog_offers_and_prints_the_chosen_columns(qtbot, imported):
    from pypdf import PdfReader

    from desktop_app.ui.printing.dialog import PrintDialog
    from desktop_app.ui.widgets.column_chooser import ColumnChoices

    # the Tracker tab shows Area for this committee: the dialog starts from that choice
    ColumnChoices("actions").remember(DEMO_COMMITTEE, {"rag", "extra:Area"})
    dialog = PrintDialog(imported, DEMO_COMMITTEE)      # deletes itself once done
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.wait_idle()
    options = dialog.options
    options.set_kind("action-log")
    columns = options.columns
    assert columns.isVisibleTo(dialog)
    assert list(columns.boxes) == ["RAG", "Status as written", "Area"]
    assert columns.chosen() == ("RAG", "Area")
    columns.boxes["RAG"].click()
    assert options.choice().extra_columns == ("Area",)
    dialog.build()
    assert dialog.wait_idle()
    text = " ".join(p.extract_text() for p in PdfReader(dialog.built_path).pages)
    assert "Social care" in text
    assert "Education" in text
    assert "AMBER" not in text
    # the work programme has no extra columns to print
    options.set_kind("work-programme")
    assert not columns.isVisibleTo(dialog)
    assert options.choice().extra_columns == ()
    dialog.wait_idle()
    dialog.done(0)
