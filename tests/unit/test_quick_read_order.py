"""The quick read (services/quick_read.py) orders the tracker's records itself, as the ORM's
``ORDER BY committee, meeting's date NULLS LAST, position, id`` does: with meetings made out of
date order, positions against the ids' order, two committees meeting the same day and records
with no meeting, both give the same rows in the same order; with a value it cannot read as
the ORM does, the quick path is not sure and the service answers."""

from __future__ import annotations

import datetime as dt
import sqlite3

from desktop_app.db.schema import open_database
from desktop_app.services import actions, committees, meetings, recommendations, window_read

D = dt.date
NOW = D(2021, 11, 12)


def test_records_in_the_orms_order_or_the_full_path(tmp_path, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_HOME", str(tmp_path / "home"))
    db = open_database(f"sqlite:///{tmp_path / 'order.db'}")
    try:
        for name, short in (("Wyvern Scrutiny", "WS"), ("Audit Committee", "AC")):
            committees.add_committee(db, name, short)
        for name, day in (("Wyvern Scrutiny", D(2021, 10, 5)), ("Wyvern Scrutiny", D(2021, 9, 7)),
                          ("Audit Committee", D(2021, 9, 7)), ("Wyvern Scrutiny", D(2021, 12, 1))):
            meetings.add_meeting(db, name, day)
        for i, (name, day) in enumerate([("Wyvern Scrutiny", D(2021, 10, 5)),
                                         ("Audit Committee", D(2021, 9, 7)),
                                         ("Wyvern Scrutiny", None),
                                         ("Wyvern Scrutiny", D(2021, 9, 7)),
                                         ("Wyvern Scrutiny", D(2021, 10, 5)),
                                         ("Wyvern Scrutiny", D(2021, 9, 7)),
                                         ("Audit Committee", None)] * 2):
            actions.add_action(db, name, day, f"Action {i}", due=D(2021, 11, 1 + i))
            if day is not None:
                recommendations.add_recommendation(db, name, day, f"Recommendation {i}")
        conn = sqlite3.connect(tmp_path / "order.db")
        with conn:   # positions against the ids' order, some equal (the id decides)
            for table in ("actions", "recommendations"):
                conn.execute(f"UPDATE {table} SET position = (20 - id) / 3")
        fields = ("id", "meeting_date", "committee", "text")
        for committee in (None, "WS", "audit committee"):
            quick = window_read.quick_actions(db, committee, now=NOW)
            full = actions.list_actions(db, committee, now=NOW)
            assert quick == full
            assert [[getattr(r, f) for f in fields] for r in quick] != \
                sorted([getattr(r, f) for f in fields] for r in quick)   # not the ids' order
            assert window_read.quick_recommendations(db, committee, now=NOW) == \
                recommendations.list_recommendations(db, committee, now=NOW)
        assert window_read.quick_actions(db, None, "overdue", NOW) == \
            actions.list_actions(db, None, "overdue", now=NOW)
        # what the quick read would not give as the ORM does: text beside whole numbers (no
        # order in Python), a fraction SQLite's JSON writes to 15 digits, bytes
        for change in ("position = 'first'", "position = 0.1 + 0.2", "ref = x'4131'"):
            with conn:
                conn.execute(f"UPDATE actions SET {change} WHERE id = 3")
            assert window_read.quick_actions(db, None, now=NOW) is None, change
            assert window_read.list_actions(db, None, now=NOW) == \
                actions.list_actions(db, None, now=NOW)
            with conn:
                conn.execute("UPDATE actions SET position = 1, ref = '3' WHERE id = 3")
        conn.close()
    finally:
        db.dispose()
