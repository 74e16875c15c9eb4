"""services/window_read.py (issue 18): the committees, the meetings with their deadlines, the
work programme, a meeting's attendance and the Overview, read with sqlite3 for the window's
start, are exactly what the ORM services give, on the demo data with a second committee of odd
cases and on the last migration fixture (an officer's database with attachments, attendance,
moves and the officer's own columns); whenever the quick path is not sure, the service's answer
or error is given."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop_app.db.schema import open_database
from desktop_app.services import (attendance, committees, meetings, overview, window_read,
                                  window_read_sql, work_programme)
from desktop_app.services.demo import load_demo
from desktop_app.services.errors import ServiceError

D = dt.date
ODD = "Pwyllgor Craffu Môn"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "migrations"


def _odd_committee(db) -> None:
    """A meeting with a start time, a venue and both deadlines overridden (one falls on a bank
    holiday otherwise); an exempt agenda item; work items moved, unscheduled and dropped."""
    committees.add_committee(db, ODD, "PCM")
    meetings.add_meeting(db, ODD, D(2021, 9, 6), status="held", time="18:30", venue="Llangefni")
    meetings.add_meeting(db, ODD, D(2022, 1, 4), publication_deadline=D(2021, 12, 20),
                         questions_deadline=D(2021, 12, 29), minute_start=12)
    meetings.add_meeting(db, ODD, D(2021, 12, 29), kind="extra")
    meetings.add_item(db, ODD, D(2022, 1, 4), "5", "Exempt report", purpose="To note",
                      exempt_paragraph="3", lead="Siân Evans")
    meetings.add_item(db, ODD, D(2022, 1, 4), "4", "Budget", scrutiny_type="Pre-decision")
    first = work_programme.add_work_item(db, ODD, "Moved twice", meeting=D(2021, 9, 6))
    work_programme.move_work_item(db, first.id, D(2022, 1, 4), "officer unavailable")
    work_programme.move_work_item(db, first.id, None, "not ready")
    work_programme.add_work_item(db, ODD, "Task and finish", format="task-and-finish",
                                 target="Summer 2022", target_date=D(2022, 6, 30))
    dropped = work_programme.add_work_item(db, ODD, "Dropped", meeting=D(2022, 1, 4))
    work_programme.drop_work_item(db, dropped.id, "overtaken")


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """The demo data with the odd committee, and a copy of the last migration fixture (at
    the head revision): each opened the full way, with its committees' names."""
    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("window-read-lists")
    mp.setenv("SCRUTINY_TRACKER_HOME", str(base / "home"))
    mp.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-12")
    demo = open_database(f"sqlite:///{base / 'demo.db'}")
    load_demo(demo)
    _odd_committee(demo)
    newest = sorted(FIXTURES.glob("*.sqlite"))[-1]
    shutil.copy(newest, base / "fixture.db")
    fixture = open_database(f"sqlite:///{base / 'fixture.db'}")
    assert window_read_sql.meetings  # the quick path exists for both
    out = []
    for db in (demo, fixture):
        names = [c.name for c in committees.list_committees(db)]
        out.append((db, names))
    yield out
    for db, _names in out:
        db.dispose()
    mp.undo()


def _quick_only(db):
    """Fails the test if the quick path falls back to the service."""
    return SimpleNamespace(url=db.url)


def test_committees_read_quickly_are_the_services(databases):
    for db, names in databases:
        assert names
        assert window_read.list_committees(_quick_only(db)) == committees.list_committees(db)


def test_meetings_with_their_deadlines_read_quickly_are_the_services(databases):
    seen_items = seen_attachments = seen_times = 0
    for db, names in databases:
        for name in names:
            full = meetings.list_meetings(db, name)
            quick = window_read.list_meetings(_quick_only(db), name)
            assert quick == full
            assert [m.date for m in quick] == sorted(m.date for m in quick)
            assert (window_read.list_meetings_upcoming_first(_quick_only(db), name)
                    == meetings.list_meetings(db, name, upcoming_first=True))
            seen_items += sum(len(m.items) for m in quick)
            seen_attachments += sum(len(i.attachments) for m in quick for i in m.items)
            seen_times += sum(m.time is not None for m in quick)
    assert seen_items   # the odd cases were there
    assert seen_attachments
    assert seen_times


def test_the_odd_committees_deadlines_overridden_and_by_the_rules(databases):
    db, _names = databases[0]
    rows = {m.date: m for m in window_read.list_meetings(_quick_only(db), "pcm")}
    assert rows[D(2022, 1, 4)].publication_deadline == D(2021, 12, 20)
    assert rows[D(2022, 1, 4)].questions_deadline == D(2021, 12, 29)
    assert rows[D(2021, 9, 6)].time == dt.time(18, 30)
    from desktop_app.domain import dates
    assert rows[D(2021, 12, 29)].publication_deadline == dates.publication_deadline(D(2021, 12, 29))


@pytest.mark.parametrize("status", [None, "all", "unscheduled", "scheduled", "dropped",
                                    "proposed"])
def test_work_programme_read_quickly_is_the_services(databases, status):
    for db, names in databases:
        for name in names:
            quick = window_read.list_work_programme(_quick_only(db), name, status)
            assert quick == work_programme.list_work_programme(db, name, status)
    assert window_read_sql.WORK_FILTERS == work_programme.STATUS_FILTERS


def test_the_odd_work_items_moves_and_columns_come_through(databases):
    db, _names = databases[0]
    rows = {w.title: w for w in window_read.list_work_programme(_quick_only(db), ODD)}
    assert [m.reason for m in rows["Moved twice"].moves] == ["officer unavailable", "not ready"]
    assert rows["Moved twice"].meeting_date is None
    fixture, names = databases[1]
    extra = [w.extra for name in names
             for w in window_read.list_work_programme(_quick_only(fixture), name)]
    assert {"Cabinet member": "Cllr Howells"} in extra


def test_attendance_read_quickly_is_the_services(databases):
    seen = 0
    for db, names in databases:
        for name in names:
            for m in meetings.list_meetings(db, name):
                quick = window_read.get_attendance(_quick_only(db), m.id)
                assert quick == attendance.get_attendance(db, m.id)
                seen += len(quick.entries)
    assert seen


def test_overview_read_quickly_is_the_services(databases):
    for db, _names in databases:
        for today in (D(2021, 11, 12), D(2022, 1, 1)):
            assert (overview.build_overview(db, today, quick=True)
                    == overview.build_overview(db, today))


def test_not_sure_means_the_services_answer_or_error(databases, tmp_path):
    db, _names = databases[0]
    # a committee the quick path cannot name: the service's error
    with pytest.raises(ServiceError, match="no committee called"):
        window_read.list_meetings(db, "No such committee")
    with pytest.raises(ServiceError, match="unknown status filter"):
        window_read.list_work_programme(db, ODD, "sideways")
    # a time the ORM would not read as stored: the quick reader is not sure
    path = tmp_path / "odd.db"
    src = sqlite3.connect(Path(db.url.removeprefix("sqlite:///")))
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.execute("UPDATE meetings SET start_time = '6.30pm' WHERE start_time IS NOT NULL")
    dst.commit()
    dst.close()
    odd = SimpleNamespace(url=f"sqlite:///{path}")
    from desktop_app.services import quick_read
    assert quick_read.read(odd.url, window_read_sql.meetings(ODD), check=False) is None


def test_one_records_details_and_history_read_quickly_are_the_services(databases):
    from desktop_app.services import actions, history, recommendations
    seen_updates = seen_history = 0
    for db, _names in databases:
        for kind, listing, get, quick in (
                ("actions", actions.list_actions, actions.get_action, window_read.get_action),
                ("recommendations", recommendations.list_recommendations,
                 recommendations.get_recommendation, window_read.get_recommendation)):
            for row in listing(db):
                full = get(db, row.id)
                assert quick(_quick_only(db), row.id) == full
                seen_updates += len(full.updates)
                shown = window_read.history(_quick_only(db), kind, row.id)
                assert shown == history.history(db, table=kind, row_id=row.id)
                seen_history += len(shown)
    assert seen_updates
    assert seen_history
    db, _names = databases[0]
    with pytest.raises(ServiceError):            # not there: the service's error
        window_read.get_action(db, 999_999)


def test_the_meetings_page_read_together_is_the_services(databases, tmp_path):
    """``meetings_page`` (one reading for the Meetings tab): the meetings upcoming first, the
    work programme, and the chosen meeting's recommendations, actions and attendance, as the
    services give them; the full way where the quick path is not sure."""
    from desktop_app.services import actions, recommendations
    seen = 0
    db, names = databases[0]
    for name in names:
        rows = meetings.list_meetings(db, name, upcoming_first=True)
        for chosen in [None, *(m.id for m in rows)]:
            page = window_read.meetings_page(_quick_only(db), name, lambda _rows, c=chosen: c)
            assert (page.meetings, page.work, page.shown) == (
                rows, work_programme.list_work_programme(db, name), chosen)
            if chosen is None:
                assert (page.outcomes, page.attendance) == (None, None)
                continue
            assert page.outcomes == [
                *recommendations.list_recommendations(db, name, meeting_id=chosen),
                *actions.list_actions(db, name, meeting_id=chosen)]
            assert page.attendance == attendance.get_attendance(db, chosen)
            seen += len(page.outcomes) + len(page.attendance.entries)
    assert seen
    # an action of the chosen meeting the quick path cannot read: that part is left to the
    # caller (the Meetings tab then reads it the full way), the rest read quickly
    name = next(n for n in names if actions.list_actions(db, n))
    rows = meetings.list_meetings(db, name, upcoming_first=True)
    busiest = max(rows, key=lambda m: len(actions.list_actions(db, name, meeting_id=m.id)))
    path = tmp_path / "odd.db"
    src, dst = sqlite3.connect(Path(db.url.removeprefix("sqlite:///"))), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.execute("UPDATE actions SET due_date = '2021W094' WHERE meeting_id = ?", (busiest.id,))
    dst.commit()
    dst.close()
    page = window_read.meetings_page(SimpleNamespace(url=f"sqlite:///{path}"), name,
                                     lambda _rows: busiest.id)
    assert (page.meetings, page.shown, page.outcomes) == (rows, busiest.id, None)
    assert page.attendance == attendance.get_attendance(db, busiest.id)
    with pytest.raises(ServiceError, match="no committee called"):   # the service's error
        window_read.meetings_page(db, "No such committee", lambda _rows: None)


def test_the_work_programme_page_read_together_is_the_services(databases):
    for db, names in databases:
        for name in names:
            assert window_read.work_page(_quick_only(db), name) == (
                work_programme.list_work_programme(db, name), meetings.list_meetings(db, name))
    db, _names = databases[0]
    with pytest.raises(ServiceError, match="no committee called"):
        window_read.work_page(db, "No such committee")


def test_every_committees_meetings_and_unscheduled_items_read_together(databases):
    for db, names in databases:
        both = window_read.meetings_and_unscheduled(_quick_only(db), names)
        assert both == {name: (meetings.list_meetings(db, name),
                               work_programme.list_work_programme(db, name, "unscheduled"))
                        for name in names}
    # a committee the quick path cannot name is left to the caller
    assert window_read.meetings_and_unscheduled(_quick_only(db), ["No such committee"]) == {}
