"""The Overview tab for an officer with three committees, 'today' 12 November 2021: each
committee's section holds the lines the database gives by the rules written here (next
meetings, responses overdue or due within a fortnight, open actions overdue or due by the next
meeting, agenda items to be scheduled); each kind of line opens its record in its tab, committee
and row (double-click or Enter); Chase... per owner opens Chase owners on that owner; the
committee filter shows one committee."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.enums import WorkFormat, WorkStatus
from desktop_app.services import actions, meetings, recommendations, work_programme
from desktop_app.ui.overview.lines import OWNER_ROLE, Target
from tests.ui.conftest import choose
from tests.ui.officer.conftest import click
from tests.ui.tracker_more.conftest import (ADULTS, ADULTS_SHORT, DEMO_COMMITTEE, DEMO_SHORT,
                                            HOUSING, HOUSING_SHORT, TODAY)

SHORT = {DEMO_COMMITTEE: DEMO_SHORT, HOUSING: HOUSING_SHORT, ADULTS: ADULTS_SHORT}


def overview(desk):
    """Click the Overview tab, as a person does; the page once its lines are loaded."""
    win = desk.window
    bar = win.tabs.tabBar()
    desk.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                          pos=bar.tabRect(win.tabs.indexOf(win.overview)).center())
    assert win.tabs.currentWidget() is win.overview
    page = win.overview
    if page.filter.currentIndex() != 0:
        choose(page.filter, "All committees")
    assert page.wait_loaded()
    return page


def expected(db, committee: str) -> dict[str, set[int]]:
    """The records the Overview should list for a committee, from the database's rows."""
    upcoming = sorted((m for m in meetings.list_meetings(db, committee)
                       if m.status == "scheduled" and m.date >= TODAY), key=lambda m: m.date)
    next_day = upcoming[0].date if upcoming else None
    fortnight = TODAY + dt.timedelta(days=14)
    return {
        "meeting": {m.id for m in upcoming[:3]},
        "recommendation": {r.id for r in recommendations.list_recommendations(db, committee)
                           if not r.responded and r.response_due is not None
                           and r.response_due <= fortnight},
        "action": {a.id for a in actions.list_actions(db, committee)
                   if a.status == "open" and a.due_date is not None
                   and (a.due_date < TODAY or (next_day is not None and a.due_date <= next_day))},
        "work": {w.id for w in work_programme.list_work_programme(db, committee)
                 if w.meeting_id is None and w.format == WorkFormat.AGENDA_ITEM
                 and w.status not in (WorkStatus.DROPPED, WorkStatus.DELIVERED)},
    }


@pytest.mark.parametrize("committee", [DEMO_COMMITTEE, HOUSING, ADULTS])
def test_each_committee_lists_the_lines_the_database_gives(desk, committee):
    page = overview(desk)
    heads = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert f"{committee} ({SHORT[committee]})" in heads
    shown: dict[str, set[int]] = {k: set() for k in ("meeting", "recommendation", "action",
                                                     "work")}
    for target, _what, _when in page.lines():
        if target.committee == committee:
            shown[target.kind].add(target.id)
    assert shown == expected(desk.db, committee)
    by_id = {a.id: a for a in actions.list_actions(desk.db, committee)}
    for target, what, when in page.lines():
        if target.committee == committee and target.kind == "action":
            a = by_id[target.id]
            assert what.split()[0] == a.ref
            assert a.text[:20] in what
            days = (a.due_date - TODAY).days
            assert when == (f"overdue by {-days} day{'s' if days != -1 else ''}" if days < 0
                            else f"due in {days} days")


def test_the_lines_here_are_not_all_of_one_kind(desk):
    """So that the tests of opening lines below have lines of every kind to open."""
    housing = expected(desk.db, HOUSING)
    assert all(housing.values()), housing
    assert expected(desk.db, ADULTS)["action"]


def open_line(desk, page, target: Target, how: str) -> None:
    item = page.item_of(target)
    assert item is not None, f"{target} is not shown"
    if how == "double-click":
        parent = item.parent()
        while parent is not None:          # a long group starts folded: unfold it first
            parent.setExpanded(True)
            parent = parent.parent()
        page.tree.scrollToItem(item)
        pos = page.tree.visualItemRect(item).center()
        desk.qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        desk.qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        page.tree.setCurrentItem(item)
        page.tree.setFocus()
        desk.qtbot.keyClick(page.tree, Qt.Key.Key_Return)


def check_opened(desk, target: Target) -> None:
    win, qtbot = desk.window, desk.qtbot
    assert win.committee == target.committee
    if target.kind == "meeting":
        assert win.tabs.currentWidget() is win.meetings_tab
        assert win.meetings_tab.current_meeting().id == target.id
        return
    if target.kind == "work":
        assert win.tabs.currentWidget() is win.work_tab
        item = win.work_tab.current_item()
        assert item.id == target.id
        return
    assert win.tabs.currentWidget() is win.tracker
    grid = win.tracker.actions_grid if target.kind == "action" else win.tracker.recs_grid
    qtbot.waitUntil(lambda: win.tracker.current_grid() is grid and grid.is_selected(target.id))
    (selected,) = grid.table.selectionModel().selectedRows()
    row = grid.proxy.row_at(selected.row())
    assert row.id == target.id
    texts = [grid.proxy.index(selected.row(), c).data() or ""
             for c in range(grid.proxy.columnCount())]
    stored = (actions.get_action(desk.db, target.id) if target.kind == "action"
              else recommendations.get_recommendation(desk.db, target.id))
    assert any(stored.text in t for t in texts)                # the table shows the record
    assert grid.detail.row.id == target.id                     # and so does the pane


PAIRS = [(DEMO_COMMITTEE, "meeting"), (DEMO_COMMITTEE, "recommendation"),
         (DEMO_COMMITTEE, "action"), (HOUSING, "meeting"), (HOUSING, "recommendation"),
         (HOUSING, "action"), (HOUSING, "work"), (ADULTS, "meeting"), (ADULTS, "action")]


@pytest.mark.parametrize(("committee", "kind"), PAIRS,
                         ids=[f"{SHORT[c]}-{k}" for c, k in PAIRS])
def test_each_kind_of_line_opens_its_record(desk, committee, kind):
    page = overview(desk)
    targets = [t for t, _w, _when in page.lines() if t.committee == committee and t.kind == kind]
    assert targets, f"no {kind} line for {committee}"
    open_line(desk, page, targets[0], "double-click")
    check_opened(desk, targets[0])
    if len(targets) > 1:
        page = overview(desk)
        open_line(desk, page, targets[-1], "enter")
        check_opened(desk, targets[-1])


@pytest.mark.parametrize(("committee", "owner"), [
    (HOUSING, "Jo Bloggs"), (HOUSING, "Priya Shah"), (HOUSING, "Sam Reed"),
    (ADULTS, "Tom Hale"), (DEMO_COMMITTEE, "Claire Ward")])
def test_chase_beside_an_owner_opens_chase_owners_on_them(desk, committee, owner):
    page = overview(desk)
    head = next(page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())
                if page.tree.topLevelItem(i).text(0).startswith(committee))
    group = next(i for i in page.items(head) if (i.data(0, OWNER_ROLE) or (None, None))[1]
                 == owner)
    mine = [a for a in actions.list_actions(desk.db, committee)
            if a.owner == owner and a.status == "open" and a.id in expected(
                desk.db, committee)["action"]]
    late = sum(a.overdue for a in mine)
    words = f"{owner}: {len(mine)} action{'s' if len(mine) != 1 else ''}"
    assert group.text(0) == words + (f", {late} overdue" if late else "")
    button = page.tree.itemWidget(group, 2)
    assert button.accessibleName() == f"Chase {owner}"
    click(desk.qtbot, button)
    dialog = desk.window.dialog
    try:
        assert dialog.objectName() == "chaseDialog"
        assert dialog.committee == committee
        (row,) = {i.row() for i in dialog.table.selectionModel().selectedRows()}
        assert dialog.table.item(row, 0).text() == owner
    finally:
        dialog.close()
        desk.window.activateWindow()


@pytest.mark.parametrize("committee", [DEMO_COMMITTEE, HOUSING, ADULTS])
def test_the_filter_shows_one_committee(desk, committee):
    page = overview(desk)
    offered = [page.filter.itemText(i) for i in range(page.filter.count())]
    assert offered[0] == "All committees"
    assert sorted(offered[1:]) == sorted(f"{c} ({SHORT[c]})" for c in SHORT)
    choose(page.filter, f"{committee} ({SHORT[committee]})")
    assert page.wait_loaded()
    heads = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert heads == [f"{committee} ({SHORT[committee]})"]
    assert {t.committee for t, _w, _when in page.lines()} == {committee}
    want = expected(desk.db, committee)
    assert {(t.kind, t.id) for t, _w, _when in page.lines()} == {
        (k, i) for k, ids in want.items() for i in ids}
    choose(page.filter, "All committees")
    assert page.wait_loaded()
    assert page.tree.topLevelItemCount() == 3
