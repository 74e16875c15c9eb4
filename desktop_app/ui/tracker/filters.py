"""The Tracker's status filters: each grid's choices (label, key, the rows it keeps), the rules
being services/tracker_rows.py's, as the command line's ``list --status`` uses them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.domain.enums import ActionStatus
from desktop_app.services import tracker_rows


def _changed(r: Any) -> bool:
    return r.new_since_last_meeting or r.updated_since_last_meeting


ACTION_FILTERS: list[tuple[str, str, Callable[[Any], bool] | None]] = [
    ("All actions", "", None),
    ("Open", "open", lambda r: tracker_rows.action_matches(r, "open")),
    ("Overdue", "overdue", lambda r: tracker_rows.action_matches(r, "overdue")),
    ("Completed", "completed", lambda r: tracker_rows.action_matches(r, "completed")),
    ("Completed, not yet reported", "completed-not-reported",
     lambda r: r.status == ActionStatus.COMPLETED and r.reported_complete_on is None),
    ("Reported complete", "reported-complete", lambda r: tracker_rows.action_matches(r, "reported-complete")),
    ("New or updated since last meeting", "changed", _changed),
]
REC_FILTERS: list[tuple[str, str, Callable[[Any], bool] | None]] = [
    ("All recommendations", "", None),
    ("Awaiting response", "awaiting-response",
     lambda r: tracker_rows.rec_matches(r, "awaiting-response")),
    ("Response overdue (s.9FE)", "overdue", lambda r: tracker_rows.rec_matches(r, "overdue")),
    ("Open", "open", lambda r: tracker_rows.rec_matches(r, "open")),
    ("In progress", "in-progress", lambda r: tracker_rows.rec_matches(r, "in-progress")),
    ("Completed", "completed", lambda r: tracker_rows.rec_matches(r, "completed")),
    ("New or updated since last meeting", "changed", _changed),
]
