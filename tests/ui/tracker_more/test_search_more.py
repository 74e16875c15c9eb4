"""Search everything (Ctrl+Shift+F) across three committees: what is typed gives the groups and
results the database's index gives, each found record really holds the words, each kind of
result opens its record (tab, committee, row) with the keyboard, the committee chooser limits
the results to one committee, and nothing found says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services import actions, recommendations, work_programme
from desktop_app.services.search import search
from desktop_app.ui.search.search_window import KEY_ROLE
from tests.ui.conftest import choose
from tests.ui.tracker_more.conftest import (ADULTS, ADULTS_SHORT, DEMO_COMMITTEE, DEMO_SHORT,
                                            HOUSING, HOUSING_SHORT)

SHORT = {DEMO_COMMITTEE: DEMO_SHORT, HOUSING: HOUSING_SHORT, ADULTS: ADULTS_SHORT}


def open_search(desk):
    win, qtbot = desk.window, desk.qtbot
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    panel = win.search_window
    assert panel is not None
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.box.hasFocus())
    return panel


def type_and_wait(desk, panel, text: str) -> None:
    panel.box.selectAll()
    desk.qtbot.keyClicks(panel.box, text)
    desk.qtbot.waitUntil(lambda: not panel.timer.isActive() and panel.results is not None
                         and panel.results.text == text, timeout=60_000)


def shown(panel) -> list[tuple[str, str]]:
    return [(i.text(1), i.data(0, Qt.ItemDataRole.DisplayRole)) for i in panel.hit_items()]


def words_of(db, key) -> str:
    """The stored words of a found action, recommendation or work item."""
    if key.kind == "action":
        a = actions.get_action(db, key.id)
        return " ".join((a.ref, a.text, a.owner, a.directorate, a.progress, a.item))
    if key.kind == "recommendation":
        r = recommendations.get_recommendation(db, key.id)
        return " ".join((r.label, r.text, r.response, r.item))
    w = next(w for w in work_programme.list_work_programme(db, key.committee) if w.id == key.id)
    return " ".join((w.title, w.lead, w.position, w.target))


@pytest.mark.parametrize("typed", ["repairs backlog", "reablement", "voids", "two posts",
                                   "co-optee", "Bromyard", "youth justice", "Empty homes"])
def test_typed_words_give_the_groups_and_results_of_the_index(desk, typed):
    panel = open_search(desk)
    choose(panel.scope, "All committees")
    type_and_wait(desk, panel, typed)
    want = search(desk.db, typed)
    assert want.total > 0
    assert panel.group_labels() == [f"{g.label} ({len(g.hits)}{'+' if g.more else ''})"
                                    for g in want.groups]
    assert shown(panel) == [(h.committee, h.title.text) for h in want.hits()]
    assert panel.status.text() == (f"{want.total} result{'s' if want.total != 1 else ''}; "
                                   "Enter opens the selected one")
    for item in panel.hit_items():            # each record found really holds the words
        key = item.data(0, KEY_ROLE)
        if key.kind in ("action", "recommendation", "work_item"):
            held = words_of(desk.db, key).lower().replace("-", " ")
            assert all(w.rstrip("s") in held for w in typed.lower().replace("-", " ").split()), \
                (typed, key)
    assert panel.tree.currentItem() is panel.hit_items()[0]       # the best one selected


# (words typed, the kind of result opened, its committee)
OPENINGS = [("repairs backlog", "action", HOUSING), ("reablement", "action", ADULTS),
            ("voids strategy", "recommendation", HOUSING),
            ("two posts from April", "recommendation", HOUSING),     # the response's words
            ("Empty homes", "work_item", HOUSING),
            ("Independent Reviewing", "agenda_item", DEMO_COMMITTEE),
            ("Bromyard childminders", "minutes", DEMO_COMMITTEE)]


@pytest.mark.parametrize(("typed", "kind", "committee"), OPENINGS,
                         ids=[f"{k}-{t}" for t, k, _c in OPENINGS])
def test_each_kind_of_result_opens_its_record(desk, typed, kind, committee):
    win, qtbot = desk.window, desk.qtbot
    panel = open_search(desk)
    type_and_wait(desk, panel, typed)
    items = panel.hit_items()
    at = next(i for i, item in enumerate(items) if item.data(0, KEY_ROLE).kind == kind)
    for _ in range(at):                                       # Down from the first result
        qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    key = items[at].data(0, KEY_ROLE)
    assert panel.tree.currentItem() is items[at]
    assert key.committee == committee
    assert items[at].text(1) == SHORT[committee]
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert not panel.isVisible()
    assert win.committee in (committee, None)
    if kind in ("action", "recommendation"):
        grid = win.tracker.actions_grid if kind == "action" else win.tracker.recs_grid
        assert win.tabs.currentWidget() is win.tracker
        qtbot.waitUntil(lambda: win.tracker.current_grid() is grid and grid.is_selected(key.id))
        (selected,) = grid.table.selectionModel().selectedRows()
        assert grid.proxy.row_at(selected.row()).id == key.id
        texts = " ".join(grid.proxy.index(selected.row(), c).data() or ""
                         for c in range(grid.proxy.columnCount()))
        assert typed.split()[0].lower() in texts.lower()          # the table shows the words
    elif kind == "work_item":
        assert win.tabs.currentWidget() is win.work_tab
        assert win.work_tab.current_item().id == key.id
        assert typed.lower() in win.work_tab.current_item().title.lower()
    else:
        tab = win.meetings_tab
        assert win.tabs.currentWidget() is tab
        assert tab.current_meeting().id == key.meeting_id
        assert tab.current_item().id == key.agenda_item_id


@pytest.mark.parametrize("committee", [DEMO_COMMITTEE, HOUSING, ADULTS, None],
                         ids=["example", "housing", "adults", "all"])
def test_the_committee_chooser_limits_the_results(desk, committee):
    panel = open_search(desk)
    offered = [panel.scope.itemText(i) for i in range(panel.scope.count())]
    assert offered[0] == "All committees"
    assert sorted(offered[1:]) == sorted(SHORT.values())
    choose(panel.scope, SHORT[committee] if committee else "All committees")
    type_and_wait(desk, panel, "report")
    want = search(desk.db, "report", committee=committee)
    assert shown(panel) == [(h.committee, h.title.text) for h in want.hits()]
    committees = {c for c, _t in shown(panel)}
    assert committees == ({SHORT[committee]} if committee else {DEMO_SHORT, HOUSING_SHORT,
                                                                 ADULTS_SHORT})
    choose(panel.scope, "All committees")


def test_nothing_found_says_so_and_a_cleared_box_shows_nothing(desk):
    panel = open_search(desk)
    type_and_wait(desk, panel, "zzqxv")
    assert panel.hit_items() == []
    assert panel.status.text() == "Nothing found for \u201czzqxv\u201d."
    panel.box.clear()
    panel.run_search()
    assert panel.tree.topLevelItemCount() == 0
    assert panel.status.text() == "Type a word: results come as you type."
