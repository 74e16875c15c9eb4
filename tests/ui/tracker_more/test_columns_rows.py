"""What the Tracker's tables show besides their rows: the columns kept from an imported log
(RAG, the status as written, the officer's own "Area") chosen from "Columns..." with the values
the database holds and remembered per committee; "Compact rows" against rows grown to their
text; "Details" hiding the pane for a wider table, in step with the View menu, remembered."""

from __future__ import annotations

import pytest

from desktop_app.services import actions
from desktop_app.ui import app_state
from desktop_app.ui.models.optional_columns import extra_key
from desktop_app.ui.widgets.column_chooser import ColumnChoices
from tests.ui.officer.conftest import click
from tests.ui.tracker_more.conftest import (ADULTS, ADULTS_ROWS, DEMO_COMMITTEE, HOUSING,
                                            column_of, scope, shown_column)

AREA = extra_key("Area")


def columns_menu(desk):
    tracker = desk.window.tracker
    click(desk.qtbot, tracker.columns_button)
    menu = tracker.columns_button.menu_shown
    assert menu is not None
    assert menu.isVisible()
    return menu


def entry(menu, key: str):
    found = [a for a in menu.actions() if a.data() == key]
    assert len(found) == 1, f"{key} is offered {len(found)} times"
    return found[0]


def toggle(desk, key: str) -> None:
    menu = columns_menu(desk)
    entry(menu, key).trigger()
    menu.close()


# what the file said for each action number, per optional column
AS_WRITTEN = {"rag": {r[0]: (r[6] or "").capitalize() for r in ADULTS_ROWS},
              "status_word": {r[0]: r[5] for r in ADULTS_ROWS},
              AREA: {r[0]: r[7] for r in ADULTS_ROWS}}


@pytest.mark.parametrize("key", ["rag", "status_word", AREA])
def test_a_column_kept_from_the_import_is_shown_with_its_values_and_remembered(desk, key):
    win = desk.window
    scope(win, ADULTS)
    grid = win.tracker.actions_grid
    i = column_of(grid, key)
    shown_before = not grid.table.isColumnHidden(i)
    assert shown_before is (key == "rag")              # RAG shown at first: the rows have it
    menu = columns_menu(desk)
    titles = [a.text() for a in menu.actions()]
    assert {"RAG", "Status as written", "Area"} <= set(titles)
    assert entry(menu, key).isChecked() is shown_before
    menu.close()
    if not shown_before:
        toggle(desk, key)
    assert not grid.table.isColumnHidden(i)
    stored = {a.ref: a for a in actions.list_actions(win.db, ADULTS)}
    refs = shown_column(grid, "ref")
    values = shown_column(grid, key)
    value_of = {"rag": lambda a: a.rag.capitalize(), "status_word": lambda a: a.status_word,
                AREA: lambda a: a.extra.get("Area", "")}[key]
    assert dict(zip(refs, values)) == {ref: value_of(stored[ref]) for ref in refs}
    assert dict(zip(refs, values)) == AS_WRITTEN[key]             # as the file said
    assert key in ColumnChoices("actions").shown(ADULTS, {"rag"})  # remembered for Adults
    scope(win, HOUSING)                      # another committee: its own choice
    assert key == "rag" or key not in ColumnChoices("actions").shown(HOUSING)
    scope(win, ADULTS)
    assert not grid.table.isColumnHidden(column_of(grid, key))    # still shown for Adults
    toggle(desk, key)                         # hidden again, and remembered so
    assert grid.table.isColumnHidden(column_of(grid, key))
    assert key not in ColumnChoices("actions").shown(ADULTS, {"rag"})
    if shown_before:
        toggle(desk, key)
        assert not grid.table.isColumnHidden(column_of(grid, key))


@pytest.mark.parametrize("committee", [HOUSING, DEMO_COMMITTEE])
def test_a_committee_without_an_imported_log_offers_no_columns_of_its_own(desk, committee):
    scope(desk.window, committee)
    menu = columns_menu(desk)
    assert not [a for a in menu.actions() if str(a.data() or "").startswith("extra:")]
    assert "Area" not in [a.text() for a in menu.actions()]
    menu.close()
    grid = desk.window.tracker.actions_grid
    assert grid.table.isColumnHidden(column_of(grid, "rag"))      # no RAG in its rows


def test_all_committees_offers_the_imported_columns_and_remembers_its_own_choice(desk):
    win = desk.window
    scope(win, None)
    grid = win.tracker.actions_grid
    toggle(desk, AREA)
    assert not grid.table.isColumnHidden(column_of(grid, AREA))
    areas = {r: v for r, v in zip(shown_column(grid, "ref"), shown_column(grid, AREA)) if v}
    assert areas == {r[0]: r[7] for r in ADULTS_ROWS if r[7]}      # only the Adults' rows
    assert AREA in ColumnChoices("actions").shown(None)
    assert AREA not in ColumnChoices("actions").shown(ADULTS, {"rag"})   # not the Adults'
    toggle(desk, AREA)
    assert grid.table.isColumnHidden(column_of(grid, AREA))


@pytest.mark.parametrize("kind", ["action", "recommendation"])
def test_compact_rows_against_rows_grown_to_their_text(desk, kind):
    win, qtbot = desk.window, desk.qtbot
    scope(win, DEMO_COMMITTEE)
    tracker = win.tracker
    tracker.show_view(kind)
    table = tracker.current_grid().table
    default = table.verticalHeader().defaultSectionSize()
    rows = range(2)                      # rows grow as they come into view: the first two
    qtbot.waitUntil(lambda: all(table.rowHeight(r) == table.row_height_needed(r) for r in rows))
    assert max(table.rowHeight(r) for r in rows) > default          # long text: a taller row
    click(qtbot, tracker.compact_button)
    assert tracker.compact_button.isChecked()
    assert {table.rowHeight(r) for r in range(table.model().rowCount())} == {default}
    assert app_state.read_bool(app_state.KEY_COMPACT, False)
    other = tracker.recs_grid if kind == "action" else tracker.actions_grid
    assert {other.table.rowHeight(r) for r in range(other.table.model().rowCount())} == \
        {other.table.verticalHeader().defaultSectionSize()}          # both tables
    click(qtbot, tracker.compact_button)
    assert not app_state.read_bool(app_state.KEY_COMPACT, True)
    qtbot.waitUntil(lambda: max(table.rowHeight(r) for r in rows) > default)


@pytest.mark.parametrize("kind", ["action", "recommendation"])
def test_details_hides_the_pane_for_a_wider_table_in_step_with_the_view_menu(desk, kind):
    win, qtbot = desk.window, desk.qtbot
    scope(win, DEMO_COMMITTEE)
    tracker = win.tracker
    tracker.show_view(kind)
    grid = tracker.current_grid()
    width = grid.table.width()
    assert grid.detail.isVisible()
    click(qtbot, tracker.details_button)
    assert not tracker.action_detail.isVisibleTo(tracker)
    assert not tracker.rec_detail.isVisibleTo(tracker)
    assert not win.menus.details_action.isChecked()
    assert not app_state.read_bool(app_state.KEY_DETAILS, True)
    qtbot.waitUntil(lambda: grid.table.width() > width)
    win.menus.details_action.trigger()
    assert grid.detail.isVisible()
    assert tracker.details_button.isChecked()
    assert app_state.read_bool(app_state.KEY_DETAILS, False)


def test_sort_widths_rows_pane_and_columns_are_remembered_in_a_new_window(desk):
    """What the officer set in one window is there in the next: the recommendations' sort
    and a column width, compact rows, the hidden pane and the Adults' "Area" column."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop_app.ui.main_window import MainWindow
    from tests.ui.tracker_more.test_grid_order import click_header
    win, qtbot = desk.window, desk.qtbot
    scope(win, ADULTS)
    toggle(desk, AREA)
    click(qtbot, win.tracker.compact_button)
    click(qtbot, win.tracker.details_button)
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    for _ in range(2):
        click_header(qtbot, grid, "due")                       # latest response date first
    grid.table.horizontalHeader().resizeSection(column_of(grid, "response"), 187)
    grid.table.user_sized = True                 # as a drag of the section's edge marks it
    win.tracker.save_state()                     # as closing the window does
    again = MainWindow(win.db)
    try:
        again.resize(1366, 768)
        again.show()
        assert QTest.qWaitForWindowExposed(again)
        again.choose_committee(ADULTS)
        assert again.tracker.wait_loaded()
        tracker = again.tracker
        assert tracker.is_compact()
        assert tracker.compact_button.isChecked()
        assert not tracker.details_visible()
        assert not again.menus.details_action.isChecked()
        actions_grid = tracker.actions_grid
        assert not actions_grid.table.isColumnHidden(column_of(actions_grid, AREA))
        recs = tracker.recs_grid
        header = recs.table.horizontalHeader()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
            column_of(recs, "due"), Qt.SortOrder.DescendingOrder)
        assert header.sectionSize(column_of(recs, "response")) == 187
        assert actions_grid.table.horizontalHeader().sortIndicatorSection() == -1
    finally:
        assert win.tracker.wait_loaded()
        again.close()
        again.deleteLater()
    win.tracker.show_view("action")
    toggle(desk, AREA)                            # put the Adults' choice back
    assert win.tracker.actions_grid.table.isColumnHidden(
        column_of(win.tracker.actions_grid, AREA))
    grid.table.user_sized = False
