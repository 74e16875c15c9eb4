"""What the window shows first, read the quick way: the standard library's sqlite3 on an SQLite
file at the head revision, through the command line's quick reads (services/quick_read.py), so
the rows are the very same ones the services give (domain/records.py ActionRow,
RecommendationRow), each built by the same function (services/tracker_rows.py): every rule
(overdue, new or updated since the last meeting, the s.9FE date) is written once.

``list_actions`` and ``list_recommendations`` take the services' arguments and give their
answer (``quick_actions`` and ``quick_recommendations`` the same, or None when they would have
to fall back). Whenever the quick path is not sure (not SQLite, not at the head revision, a
committee it cannot name, a value it cannot read, any sqlite3 error) it takes the service's own
path, which also gives the service's errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.domain.records import ActionRow, RecommendationRow
from desktop_app.services import actions, quick_read, recommendations
from desktop_app.services.common import today


def quick_actions(db: Any, committee: str | None = None, status: str | None = None,
                  now: dt.date | None = None,
                  meeting_id: int | None = None) -> list[ActionRow] | None:
    """What ``actions.list_actions`` gives for these arguments, read with sqlite3; None when
    the quick path is not sure (see the module's note)."""
    got = quick_read.read(getattr(db, "url", ""), quick_read.actions(
        committee, status, now or today(), meeting_id), check=False)
    return None if got is None else got[0]


def quick_recommendations(db: Any, committee: str | None = None, status: str | None = None,
                          now: dt.date | None = None,
                          meeting_id: int | None = None) -> list[RecommendationRow] | None:
    """What ``recommendations.list_recommendations`` gives for these arguments, read with
    sqlite3; None when the quick path is not sure."""
    got = quick_read.read(getattr(db, "url", ""), quick_read.recommendations(
        committee, status, now or today(), meeting_id), check=False)
    return None if got is None else got[0]


def list_actions(db: Any, committee: str | None = None, status: str | None = None,
                 now: dt.date | None = None, meeting_id: int | None = None) -> list[ActionRow]:
    """``actions.list_actions(db, committee, status, now=now, meeting_id=meeting_id)``, read the
    quick way when it can."""
    now = now or today()
    rows = quick_actions(db, committee, status, now, meeting_id)
    if rows is None:    # the service's path, and its errors
        rows = actions.list_actions(db, committee, status, now=now, meeting_id=meeting_id)
    return rows


def list_recommendations(db: Any, committee: str | None = None, status: str | None = None,
                         now: dt.date | None = None,
                         meeting_id: int | None = None) -> list[RecommendationRow]:
    """``recommendations.list_recommendations(db, committee, status, now=now,
    meeting_id=meeting_id)``, read the quick way when it can."""
    now = now or today()
    rows = quick_recommendations(db, committee, status, now, meeting_id)
    if rows is None:
        rows = recommendations.list_recommendations(db, committee, status, now=now,
                                                    meeting_id=meeting_id)
    return rows
