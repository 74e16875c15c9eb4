"""``action report-complete`` on an action still open: refused (exit 2, nothing written) unless
``--complete`` is given, which completes it and reports it complete."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.cli import main
from desktop_app.services import actions


@pytest.fixture
def run(demo_db, db_url, capsys, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-12")

    def go(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return go


def test_open_action_needs_complete(run, demo_db):
    before = actions.get_action(demo_db, 1)
    assert before.status == "open"
    code, out, err = run("action", "report-complete", "1", "--meeting", "2021-11-23")
    assert code == 2
    assert out == ""
    assert err.strip().splitlines() == [
        "scrutiny-tracker: error: action 1 is still open (not completed): give --complete to "
        "mark it completed and reported complete"]
    after = actions.get_action(demo_db, 1)
    assert (after.version, after.status, after.reported_complete_on) == (before.version, "open",
                                                                         None)

    code, out, _err = run("action", "report-complete", "1", "--meeting", "2021-11-23",
                          "--complete")
    assert code == 0
    assert out.strip() == "action 1 completed and reported complete on 23/11/2021"
    stored = actions.get_action(demo_db, 1)
    assert (stored.status, stored.completed_on, stored.reported_complete_on) == (
        "completed", dt.date(2021, 11, 23), dt.date(2021, 11, 23))


def test_completed_action_is_reported_without_complete(run, demo_db):
    assert actions.get_action(demo_db, 3).status == "completed"
    code, out, _err = run("action", "report-complete", "3", "--meeting", "2021-11-23")
    assert code == 0
    assert out.strip() == "action 3 reported complete on 23/11/2021"
    assert actions.get_action(demo_db, 3).reported_complete_on == dt.date(2021, 11, 23)
