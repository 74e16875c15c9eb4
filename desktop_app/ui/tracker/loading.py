"""What the Tracker tab reads, on a worker thread: the committee's actions and recommendations
(with their search texts), its meetings, and the next meeting for the attention strip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.services.workspace import Database
from desktop_app.services import actions, committees, meetings, recommendations
from desktop_app.ui.app_state import today
from desktop_app.ui.models.committee_names import set_short_names
from desktop_app.ui.shell.attention_strip import NextMeeting, next_meeting_of
from desktop_app.ui.tracker.actions_model import ActionsModel
from desktop_app.ui.tracker.recommendations_model import RecommendationsModel


@dataclass
class TrackerData:
    """What one load brings back from the worker thread: plain rows and precomputed texts."""

    committee: str | None
    actions: list = field(default_factory=list)
    action_hay: list = field(default_factory=list)
    recs: list = field(default_factory=list)
    rec_hay: list = field(default_factory=list)
    meetings: dict[int, list[tuple[int, dt.date]]] = field(default_factory=dict)
    committee_names: dict[int, str] = field(default_factory=dict)
    next_meeting: NextMeeting | None = None


def load_tracker(db: Database, committee: str | None) -> TrackerData:
    """Runs on a worker thread: services only (each opens its own session), no widgets."""
    data = TrackerData(committee)
    known = committees.list_committees(db)
    data.committee_names = {c.id: c.name for c in known}
    set_short_names({c.id: c.short_name for c in known})   # before the search texts
    if not known:
        return data
    data.actions = actions.list_actions(db, committee)
    data.action_hay = ActionsModel.haystacks(data.actions)
    data.recs = recommendations.list_recommendations(db, committee)
    data.rec_hay = RecommendationsModel.haystacks(data.recs)
    rows_by_name = {}
    for c in known:
        if committee is None or committee.lower() in (c.name.lower(), c.short_name.lower()):
            rows = meetings.list_meetings(db, c.name)
            rows_by_name[c.name] = rows
            data.meetings[c.id] = [(m.id, m.date) for m in rows]
    data.next_meeting = next_meeting_of(rows_by_name, today())
    return data
