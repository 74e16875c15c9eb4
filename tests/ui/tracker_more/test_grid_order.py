"""The order of the Tracker's grids, as an officer sees it: until a column is clicked, the
outstanding records come first and the newest first among them; clicking a column header sorts
by that column (again: the other way), blanks last either way, and the header's arrow says so;
in "All committees" each row names its committee by its short name (the full name in the
tooltip), and the column is not shown for one committee."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop_app.services import actions, recommendations
from tests.ui.tracker_more.conftest import (ADULTS, ADULTS_SHORT, DEMO_COMMITTEE, DEMO_SHORT,
                                            HOUSING, HOUSING_SHORT, column_of, scope,
                                            shown_column, shown_ids)

ALL = None
STATUS_RANK = {"OVERDUE": 0, "Open": 1, "Completed": 2, "Reported complete": 3}
FLAG_RANK = {"NEW": 0, "UPDATED": 1, "": 2}


def as_date(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d %b %Y").date()


def natural(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower())
                 for p in re.split(r"(\d+)", text) if p)


# How each column's shown text orders (read back from what the table shows)
ACTION_KEYS = {
    "ref": natural, "meeting": as_date, "due": as_date, "status": STATUS_RANK.__getitem__,
    "text": str.lower, "owner": str.lower, "directorate": str.lower, "progress": str.lower,
    "flag": FLAG_RANK.__getitem__,
}


def click_header(qtbot, grid, key: str) -> None:
    header = grid.table.horizontalHeader()
    i = column_of(grid, key)
    grid.table.scrollTo(grid.proxy.index(0, i))
    x = header.sectionViewportPosition(i) + header.sectionSize(i) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("key", list(ACTION_KEYS))
def test_clicking_a_column_header_sorts_the_actions_by_it(desk, key, descending):
    win = desk.window
    scope(win, ALL)
    grid = win.tracker.actions_grid
    for _ in range(2 if descending else 1):
        click_header(desk.qtbot, grid, key)
    header = grid.table.horizontalHeader()
    assert header.sortIndicatorSection() == column_of(grid, key)
    assert header.sortIndicatorOrder() == (Qt.SortOrder.DescendingOrder if descending
                                           else Qt.SortOrder.AscendingOrder)
    shown = shown_column(grid, key)
    blank = key != "flag"
    filled = [v for v in shown if v or not blank]
    assert shown == filled + [""] * (len(shown) - len(filled))          # blanks last
    keys = [ACTION_KEYS[key](v) for v in filled]
    assert keys == sorted(keys, reverse=descending)
    stored = actions.list_actions(win.db)
    assert sorted(shown_ids(grid)) == sorted(a.id for a in stored)     # every row, once


def _action_rank(a) -> int:
    if a.overdue:
        return 0
    if a.reported_complete_on:
        return 3
    return 2 if a.status == "completed" else 1


def _rec_rank(r) -> int:
    if r.response_overdue:
        return 0
    if not r.responded:
        return 1
    return 3 if r.status == "completed" else 2


@pytest.mark.parametrize("committee", [DEMO_COMMITTEE, HOUSING, ADULTS, ALL],
                         ids=["example", "housing", "adults", "all"])
def test_actions_open_outstanding_first_then_newest(desk, committee):
    win = desk.window
    scope(win, committee)
    grid = win.tracker.actions_grid
    assert grid.table.horizontalHeader().sortIndicatorSection() == -1
    by_id = {a.id: a for a in actions.list_actions(win.db, committee)}
    rows = [by_id[i] for i in shown_ids(grid)]
    assert len(rows) == len(by_id)
    order = [(_action_rank(a), -(a.meeting_date or dt.date.min).toordinal()) for a in rows]
    assert order == sorted(order)
    ranks = [STATUS_RANK[s] for s in shown_column(grid, "status")]
    assert ranks == sorted(ranks)                           # as the Status column reads


@pytest.mark.parametrize("committee", [DEMO_COMMITTEE, HOUSING, ALL],
                         ids=["example", "housing", "all"])
def test_recommendations_open_outstanding_first_then_newest(desk, committee):
    win = desk.window
    scope(win, committee)
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    by_id = {r.id: r for r in recommendations.list_recommendations(win.db, committee)}
    rows = [by_id[i] for i in shown_ids(grid)]
    assert len(rows) == len(by_id)
    order = [(_rec_rank(r), -r.meeting_date.toordinal()) for r in rows]
    assert order == sorted(order)
    words = shown_column(grid, "verdict")
    overdue = [w == "OVERDUE" for w in words]
    assert overdue == sorted(overdue, reverse=True)         # the overdue ones at the top


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("key", ["meeting", "due", "verdict", "status"])
def test_clicking_a_recommendations_header_sorts_by_it(desk, key, descending):
    win = desk.window
    scope(win, DEMO_COMMITTEE)
    win.tracker.show_view("recommendation")
    grid = win.tracker.recs_grid
    for _ in range(2 if descending else 1):
        click_header(desk.qtbot, grid, key)
    by_id = {r.id: r for r in recommendations.list_recommendations(win.db, DEMO_COMMITTEE)}
    rows = [by_id[i] for i in shown_ids(grid)]
    read = {"meeting": lambda r: r.meeting_date, "due": lambda r: r.response_due,
            "verdict": lambda r: 0 if r.response_overdue else 3 if r.verdict != "awaiting"
            else 2 if r.responded else 1,
            "status": lambda r: {"open": 0, "in_progress": 1, "completed": 2}[r.status]}[key]
    keys = [read(r) for r in rows]
    assert keys == sorted(keys, reverse=descending)
    assert grid.table.horizontalHeader().sortIndicatorSection() == column_of(grid, key)


@pytest.mark.parametrize(("committee", "short"), [(DEMO_COMMITTEE, DEMO_SHORT),
                                                  (HOUSING, HOUSING_SHORT),
                                                  (ADULTS, ADULTS_SHORT)])
def test_all_committees_names_each_row_by_its_short_name(desk, committee, short):
    win = desk.window
    scope(win, ALL)
    grid = win.tracker.actions_grid
    i = column_of(grid, "committee")
    assert not grid.table.isColumnHidden(i)
    ids = {a.id for a in actions.list_actions(win.db, committee)}
    model = grid.table.model()
    mine = [r for r in range(model.rowCount()) if grid.proxy.row_at(r).id in ids]
    assert len(mine) == len(ids) > 0
    assert {model.index(r, i).data() for r in mine} == {short}
    assert {model.index(r, i).data(Qt.ItemDataRole.ToolTipRole) for r in mine} == {committee}
    others = [model.index(r, i).data() for r in range(model.rowCount()) if r not in mine]
    assert short not in others


@pytest.mark.parametrize(("committee", "kind"), [(c, k) for c in (DEMO_COMMITTEE, HOUSING, ADULTS)
                                                 for k in ("action", "recommendation")])
def test_one_committee_shown_hides_the_committee_column(desk, committee, kind):
    win = desk.window
    scope(win, committee)
    win.tracker.show_view(kind)
    grid = win.tracker.current_grid()
    assert grid.table.isColumnHidden(column_of(grid, "committee"))
    assert "committee" not in [a.data() for a in grid.table.column_menu().actions()
                               if a.isChecked()]
