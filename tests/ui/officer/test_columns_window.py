"""The Tracker's "Columns…" button in the shared window: every column of the action log and
the recommendation schedule can be hidden and shown again from its menu, the menu says which
are shown, a column shown again has its values from the database, and "Fit columns to the
window" puts the usual columns back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import actions, recommendations
from desktop_app.ui.tracker.actions_model import ActionsModel
from desktop_app.ui.tracker.recommendations_model import RecommendationsModel
from tests.ui.officer.conftest import DEMO_COMMITTEE, click

CASES = [("action", c.key) for c in ActionsModel.columns if c.key != "committee"] + \
        [("recommendation", c.key) for c in RecommendationsModel.columns if c.key != "committee"]


def grid_of(win, kind: str):
    win.tracker.show_view(kind)
    return win.tracker.actions_grid if kind == "action" else win.tracker.recs_grid


def open_columns_menu(officer):
    tracker = officer.window.tracker
    click(officer.qtbot, tracker.columns_button)
    menu = tracker.columns_button.menu_shown
    assert menu is not None
    assert menu.isVisible()
    return menu


def entry(menu, key: str):
    found = [a for a in menu.actions() if a.data() == key]
    assert len(found) == 1, f"{key} is not offered once"
    return found[0]


def column(grid, key: str) -> int:
    return next(i for i, c in enumerate(grid.model.columns) if c.key == key)


@pytest.mark.parametrize(("kind", "key"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_each_column_is_hidden_and_shown_from_the_columns_menu(officer, kind, key):
    win = officer.window
    grid = grid_of(win, kind)
    i = column(grid, key)
    shown_before = not grid.table.isColumnHidden(i)
    menu = open_columns_menu(officer)
    act = entry(menu, key)
    assert act.isChecked() is shown_before
    assert act.text() == grid.model.headerData(i, Qt.Orientation.Horizontal)
    act.trigger()
    menu.close()
    assert grid.table.isColumnHidden(i) is shown_before
    menu = open_columns_menu(officer)
    assert entry(menu, key).isChecked() is not shown_before       # the menu says so
    entry(menu, key).trigger()
    menu.close()
    assert grid.table.isColumnHidden(i) is not shown_before
    if not grid.table.isColumnHidden(i):
        assert grid.table.columnWidth(i) > 0


@pytest.mark.parametrize(("kind", "key", "value"), [
    ("action", "reported", lambda r: r.reported_complete_on),
    ("action", "item", lambda r: r.item),
    ("recommendation", "addressee", lambda r: r.addressee),
    ("recommendation", "sent", lambda r: r.sent_on),
])
def test_a_hidden_column_shown_again_has_the_values_the_database_holds(officer, kind, key,
                                                                       value):
    from desktop_app.ui.app_state import short_date
    win = officer.window
    grid = grid_of(win, kind)
    i = column(grid, key)
    assert grid.table.isColumnHidden(i)            # hidden until asked for
    menu = open_columns_menu(officer)
    entry(menu, key).trigger()
    menu.close()
    rows = (actions.list_actions(win.db, DEMO_COMMITTEE) if kind == "action"
            else recommendations.list_recommendations(win.db, DEMO_COMMITTEE))
    by_id = {r.id: r for r in rows}
    proxy = grid.table.model()
    for r in range(min(proxy.rowCount(), 25)):
        record = by_id[grid.proxy.row_at(r).id]
        want = value(record)
        want = short_date(want) if hasattr(want, "isoformat") or want is None else want
        assert (proxy.index(r, i).data() or "") == (want or "")
    menu = open_columns_menu(officer)
    entry(menu, key).trigger()
    menu.close()
    assert grid.table.isColumnHidden(i)


@pytest.mark.parametrize("kind", ["action", "recommendation"])
def test_fit_columns_puts_the_usual_columns_back(officer, kind):
    win = officer.window
    grid = grid_of(win, kind)
    for key in ("text", "status"):
        grid.table.set_column_visible(key, False)
    grid.table.set_column_visible("committee", True)
    menu = open_columns_menu(officer)
    fit = next(a for a in menu.actions() if a.text() == "Fit columns to the window")
    fit.trigger()
    menu.close()
    for i, col in enumerate(grid.model.columns):
        assert grid.table.isColumnHidden(i) is col.hidden, col.key
