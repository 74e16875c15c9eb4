"""The grid models and their proxy (checked with qtmodeltester), and the shared Qt helpers:
the worker, the UK date field, the wrapped-text eliding, the conflict wording."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.domain.records import ActionRow, AuditRow, UpdateRow
from desktop_app.services import actions, history, recommendations
from desktop_app.services.errors import ConflictError
from desktop_app.ui.errors import describe_changes
from desktop_app.ui.tracker.actions_model import ActionsModel
from desktop_app.ui.models.base import ID_ROLE, MARKER_ROLE, ROW_ROLE, SORT_ROLE, natural_key
from desktop_app.ui.models.history_model import HistoryModel, UpdatesModel
from desktop_app.ui.models.proxy import RecordFilterProxy
from desktop_app.ui.tracker.recommendations_model import RecommendationsModel
from desktop_app.ui.widgets.date_edit import DateEdit, parse_entry
from desktop_app.ui.widgets.wrap_delegate import elide_lines
from desktop_app.ui.workers import start_job

D = dt.date


@pytest.fixture(autouse=True)
def _app(qapp):
    """Icons and fonts need the application object."""


def action(i: int, **kw) -> ActionRow:
    base = dict(id=i, version=1, committee_id=1, committee="CYPSC", ref=str(i), meeting_id=None,
                meeting_date=D(2021, 9, 7), item="", text=f"action {i}", owner="Claire Ward",
                directorate="Corporate Centre", progress="", due_date=D(2021, 11, 2),
                due_text="", status="open", completed_on=None, overdue=False,
                reported_complete_on=None, new_since_last_meeting=False,
                updated_since_last_meeting=False)
    base.update(kw)
    return ActionRow(**base)


@pytest.fixture
def demo_rows(demo_db, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-12")
    return (actions.list_actions(demo_db), recommendations.list_recommendations(demo_db))


def test_models_pass_qtmodeltester(qtmodeltester, demo_rows, demo_db):
    acts, recs = demo_rows
    for model in (ActionsModel(acts), RecommendationsModel(recs)):
        qtmodeltester.check(model)
        proxy = RecordFilterProxy()
        proxy.setSourceModel(model)
        qtmodeltester.check(proxy)
        proxy.set_search("the")
        proxy.set_predicate("marker", lambda r: not r.new_since_last_meeting)
        proxy.sort(3, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(proxy)
    audit_rows = history.history(demo_db, table="recommendations", limit=30)
    qtmodeltester.check(HistoryModel(audit_rows))
    qtmodeltester.check(UpdatesModel([UpdateRow(1, D(2021, 11, 2), "Legal services checking",
                                                "Claire Ward")]))
    qtmodeltester.check(ActionsModel([]))


def test_roles_give_the_row_native_sort_values_and_markers(demo_rows):
    acts, _ = demo_rows
    model = ActionsModel(acts)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    first = proxy.index(0, ActionsModel.DUE)
    row = first.data(ROW_ROLE)
    assert isinstance(row, ActionRow)
    assert first.data(ID_ROLE) == row.id
    assert first.data(SORT_ROLE) == row.due_date                  # a date, not text
    overdue = [r for r in range(model.rowCount()) if model.index(r, 0).data(MARKER_ROLE) == "overdue"]
    assert len(overdue) == 3
    status = model.index(overdue[0], ActionsModel.STATUS)
    assert status.data() == "OVERDUE"                              # a word, not colour alone
    assert status.data(Qt.ItemDataRole.DecorationRole) is not None
    assert status.data(Qt.ItemDataRole.FontRole).bold()
    new = [r for r in acts if r.new_since_last_meeting]
    i = model.position_of(new[0].id)
    assert model.index(i, ActionsModel.FLAG).data() == "NEW"
    assert model.index(i, ActionsModel.TEXT).data(Qt.ItemDataRole.ForegroundRole).name() \
        == "#1a4fb8"                                    # the seed's blue for new (a QColor)


def test_sorting_is_done_on_the_rows_blanks_last():
    rows = [action(1, ref="10"), action(2, ref="2"), action(3, ref="SOS/22/01"),
            action(4, ref="1", due_date=None)]
    model = ActionsModel(rows)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(ActionsModel.REF)
    assert [proxy.row_at(r).ref for r in range(4)] == ["1", "2", "10", "SOS/22/01"]
    proxy.sort(ActionsModel.DUE, Qt.SortOrder.DescendingOrder)
    assert proxy.row_at(3).ref == "1"                              # no due date: last
    proxy.sort(-1)
    assert [proxy.row_at(r).id for r in range(4)] == [1, 2, 3, 4]  # back to the log's order
    assert natural_key("2") < natural_key("10")


def test_filter_follows_edits_inserts_and_removals():
    model = ActionsModel([action(i, overdue=i % 2 == 0) for i in range(1, 11)])
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_predicate("status", lambda r: r.overdue)
    assert proxy.rowCount() == 5
    model.replace_row(dataclasses.replace(model.find(2), overdue=False, version=2))
    assert proxy.rowCount() == 4
    model.add_row(action(11, overdue=True))
    assert proxy.rowCount() == 5
    model.remove_row(4)
    assert proxy.rowCount() == 4
    proxy.set_search("action 10")            # every word must occur
    assert sorted(proxy.row_at(r).id for r in range(proxy.rowCount())) == [10]
    proxy.clear_filters()
    assert proxy.rowCount() == model.rowCount() == 10


def test_search_finds_words_not_shown_in_columns():
    model = ActionsModel([action(1, overdue=True), action(2, new_since_last_meeting=True)])
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("overdue")
    assert [proxy.row_at(r).id for r in range(proxy.rowCount())] == [1]
    proxy.set_search("7 september")          # the meeting date, written out
    assert proxy.rowCount() == 2


def test_proxy_matches_a_plain_filter_through_random_edits(qtmodeltester):
    """The proxy keeps its own list of the rows shown: after searches, predicates, edits that
    make rows leave or join, inserts, removals and sorts, it is the plain Python answer, and
    Qt's model tester (watching every signal) has nothing to say."""
    import random

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtTest import QAbstractItemModelTester

    rng = random.Random(5)
    words = ["social", "soap", "workers", "budget", "carers"]

    def make(i: int) -> ActionRow:
        return action(i, text=" ".join(rng.sample(words, 2)), owner=rng.choice(["Ann", "Bob"]),
                      overdue=rng.random() < 0.3, due_date=rng.choice([None, D(2021, 11, 2)]))

    model = ActionsModel([make(i) for i in range(1, 31)])
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    failures: list[str] = []
    previous = qInstallMessageHandler(
        lambda _kind, _context, text: failures.append(text) if "FAIL" in text else None)
    watcher = QAbstractItemModelTester(  # noqa: F841 - checks every change while alive
        proxy, QAbstractItemModelTester.FailureReportingMode.Warning)
    try:
        _random_edits(rng, model, proxy, make)
    finally:
        qInstallMessageHandler(previous)
    assert failures == []


def _random_edits(rng, model: ActionsModel, proxy: RecordFilterProxy, make) -> None:
    next_id = model.rowCount() + 1
    predicates: dict = {}

    def predicate(name: str, test) -> None:
        proxy.set_predicate(name, test)
        if test is None:
            predicates.pop(name, None)
        else:
            predicates[name] = test

    for _ in range(300):
        op = rng.randrange(7)
        if op == 0:
            proxy.set_search(rng.choice(["", "s", "so", "soc", "social", "so bud", "x"]))
        elif op == 1:
            predicate("status", rng.choice([None, lambda r: r.overdue]))
        elif op == 2:
            owner = rng.choice(["Ann", "Bob"])
            predicate("owner", rng.choice([None, lambda r, o=owner: r.owner == o]))
        elif op == 3 and model.rows:
            row = rng.choice(model.rows)
            model.replace_row(dataclasses.replace(make(row.id), version=row.version + 1))
        elif op == 4:
            model.add_row(make(next_id))
            next_id += 1
        elif op == 5 and model.rows:
            model.remove_row(rng.choice(model.rows).id)
        elif op == 6:
            proxy.sort(rng.choice([-1, ActionsModel.REF, ActionsModel.DUE]),
                       rng.choice(list(Qt.SortOrder)))
        wanted = [r.id for r in model.rows
                  if all(p(r) for p in predicates.values())
                  and all(w in model.search_text(r) for w in proxy.search_words())]
        assert [proxy.row_at(i).id for i in range(proxy.rowCount())] == wanted
        for i in range(proxy.rowCount()):
            assert proxy.mapFromSource(proxy.mapToSource(proxy.index(i, 2))).row() == i


def test_history_model_reads_audit_rows():
    rows = [AuditRow(1, dt.datetime(2021, 11, 12, 9, 30), "Sarah Buffrey", "actions", 5, "owner",
                     "Claire Ward", "Kate Charlton", "update"),
            AuditRow(2, dt.datetime(2021, 11, 12, 9, 31), "Sarah Buffrey", "actions", 5,
                     "due_date", "2021-11-02", "2021-12-07", "update")]
    model = HistoryModel(rows)
    assert [model.index(0, c).data() for c in range(5)] == [
        "12/11/2021 09:30", "Sarah Buffrey", "Owner", "Claire Ward", "Kate Charlton"]
    assert model.index(1, 4).data() == "7 Dec 2021"


def test_worker_runs_off_the_ui_thread_with_progress_and_cancel(qtbot, demo_db):
    import threading
    seen = []

    def job(ctx):
        seen.append(threading.current_thread() is threading.main_thread())
        ctx.progress(1, 2, "half")
        return len(actions.list_actions(demo_db))   # its own session, via services

    done = []
    handle = start_job(job, on_done=done.append)
    assert handle.wait(30)
    assert done == [7]
    assert seen == [False]

    def slow(ctx):
        while True:
            ctx.check()

    cancelled = []
    handle = start_job(slow, on_cancel=lambda: cancelled.append(True))
    handle.cancel()
    assert handle.wait(30)
    assert cancelled == [True]
    assert handle.was_cancelled

    errors = []
    handle = start_job(lambda ctx: actions.get_action(demo_db, 99999), on_error=errors.append)
    assert handle.wait(30)
    assert "no action with id 99999" in str(errors[0])


def test_date_edit_takes_uk_dates_and_blank(qtbot):
    edit = DateEdit()
    qtbot.addWidget(edit)
    for text, expected in (("07/09/2021", D(2021, 9, 7)), ("7 Sep 21", D(2021, 9, 7)),
                           ("2021-09-07", D(2021, 9, 7)), ("", None),
                           ("Tuesday 7th December 2021", D(2021, 12, 7))):
        edit.line.setText(text)
        assert edit.is_valid()
        assert edit.date() == expected
    edit.line.setText("Summer 2021")
    assert not edit.is_valid()
    with pytest.raises(ValueError, match="not a date"):
        edit.date()
    strict = DateEdit(allow_blank=False)
    qtbot.addWidget(strict)
    assert not strict.is_valid()
    assert parse_entry("02/11/2021") == D(2021, 11, 2)   # 2 November, never 11 February


def test_column_widths_from_the_rows_are_those_from_data(qtbot, demo_rows):
    """The widths of the short columns worked out from the rows themselves (the proxy's
    ``first_rows``) are those worked out cell by cell through data(), filtered or not."""
    from desktop_app.ui.widgets.record_table import RecordTable
    acts, _recs = demo_rows
    rows = [*acts, action(900, overdue=True, due_text="Summer 2022, after the review",
                          due_date=None, rag="Amber", new_since_last_meeting=True)]
    model = ActionsModel(rows)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    table = RecordTable("test-widths")
    qtbot.addWidget(table)
    table.setModel(proxy)

    def widths(sample: int) -> list[int]:
        return [table._measure(proxy, c, sample) for c in range(proxy.columnCount())]

    for search in ("", acts[1].text.split()[0], "summer"):
        proxy.set_search(search)
        assert 0 < proxy.rowCount() < len(rows) or not search
        assert proxy.first_rows(5) is not None
        quick = {n: widths(n) for n in (3, 300)}
        proxy.first_rows = lambda _n: None      # as for a model the table cannot see into
        assert {n: widths(n) for n in (3, 300)} == quick
        del proxy.first_rows
        assert any(quick[300])
        if not search:
            assert quick[3] != quick[300]     # the sample counts


def test_date_edit_calendar_drops_down_on_the_date_typed(qtbot):
    """The calendar is made when the button's menu first opens, shows the date typed, and a
    day clicked in it becomes the field's date (and closes the menu)."""
    from PySide6.QtCore import QDate
    edit = DateEdit()
    qtbot.addWidget(edit)
    edit.show()
    seen: list = []
    edit.dateChanged.connect(seen.append)
    edit.line.setText("7 Sep 21")
    menu = edit.button.menu()
    assert not menu.actions()           # nothing made until it is wanted
    menu.popup(edit.mapToGlobal(edit.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    assert edit.calendar.isVisible()
    assert edit.calendar.selectedDate() == QDate(2021, 9, 7)
    assert len(menu.actions()) == 1     # made once
    edit.calendar.clicked.emit(QDate(2021, 9, 14))   # what clicking the 14th sends
    assert edit.date() == D(2021, 9, 14)
    assert edit.line.text() == "14/09/2021"
    assert seen == [D(2021, 9, 14)]
    assert not menu.isVisible()


def test_long_text_is_cut_at_whole_lines():
    font = QFont()
    text = ("Circulate to the Committee the Key Performance Indicators (KPIs) of the Children's "
            "Centre Service contracts, with comparisons of the different providers used.")
    out = elide_lines(text, font, 160, 3)
    lines = out.split("\u2028")
    assert len(lines) == 3
    assert lines[-1].endswith("\u2026")
    assert elide_lines("Short", font, 160, 3) == "Short"


def test_conflict_wording_names_who_changed_what():
    exc = ConflictError("action 5 was changed", [("Sarah Buffrey", "owner", "Kate Charlton"),
                                                 ("Sarah Buffrey", "updated_on", "2021-11-12"),
                                                 ("Jo Bloggs", "due_text", "")])
    assert describe_changes(exc) == ["Sarah Buffrey changed the owner to \u201cKate Charlton\u201d",
                                     "Jo Bloggs cleared the target"]


def test_invalid_index_and_header(qtbot):
    model = ActionsModel([action(1)])
    assert model.data(QModelIndex()) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Since last"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_shared_rows_serve_only_a_newer_reading_of_the_same_database_day_and_committees():
    """The Tracker's rows serve the Overview only when its reading was asked for after the
    Overview's, of the same database, for the same day, covering the Overview's committees."""
    from desktop_app.ui.tracker.loading import SharedRows
    shared = SharedRows()
    day, rows = D(2021, 11, 12), ([action(1)], [])
    overview_asked = shared.ticket()
    tracker_asked = shared.ticket()
    assert shared.take(overview_asked, "sqlite:///a.db", day, {1}) is None   # nothing yet
    shared.offer(tracker_asked, "sqlite:///a.db", day, frozenset({1, 2}), *rows)
    assert shared.take(overview_asked, "sqlite:///a.db", day, {1, 2}) == rows
    assert shared.take(overview_asked, "sqlite:///a.db", day, set()) == rows
    assert shared.take(tracker_asked, "sqlite:///a.db", day, {1}) is None    # asked after it
    assert shared.take(overview_asked, "sqlite:///b.db", day, {1}) is None   # another file
    assert shared.take(overview_asked, "sqlite:///a.db", D(2021, 11, 13), {1}) is None
    assert shared.take(overview_asked, "sqlite:///a.db", day, {1, 3}) is None   # not covered
    shared.offer(overview_asked, "sqlite:///a.db", day, frozenset({1, 2, 3}), *rows)
    assert shared.take(overview_asked, "sqlite:///a.db", day, {3}) is None   # older: ignored
    shared.offer(shared.ticket(), "", day, frozenset({1, 2, 3}), *rows)      # no name: kept out
    assert shared.take(overview_asked, "", day, {1}) is None
    assert shared.served == 2
