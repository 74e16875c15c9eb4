"""Changes to several actions at once (the Tracker's multi-select): each list of edits is one
unit of work, so all are saved or none; the audit trail has an entry per record changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.db.engine import Database
from desktop_app.db.models import Action, Meeting
from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.records import ActionRow
from desktop_app.services.actions import apply_update, checked_fields, reload_row
from desktop_app.services.common import UNSET, Unset, check_version, get_row, today
from desktop_app.services.errors import ServiceError


@dataclass(frozen=True)
class ActionEdit:
    """One action's change: its fields (as ``update_action`` takes them), the version the
    caller saw, and optionally the meeting it is reported complete at (``reported_at``; 0 takes
    the report back) and the day of its last change to keep (``updated_on``, for an undo)."""

    id: int
    version: int | None = None
    fields: dict = field(default_factory=dict, hash=False)
    reported_at: int | None = None
    updated_on: dt.date | None | Unset = UNSET


UNREPORT = 0


def update_actions(db: Database, edits: Sequence[ActionEdit],
                   on: dt.date | None = None) -> list[ActionRow]:
    """Apply every edit in one transaction; the new rows, in the order given."""
    if not edits:
        raise ServiceError("no actions chosen")
    when = on or today()
    checked = [checked_fields(dict(e.fields)) for e in edits]
    with db.unit_of_work() as s:
        changed = []
        for e, fields in zip(edits, checked):
            a = get_row(s, Action, e.id, "action")
            check_version(s, a, e.version, "action")
            if e.reported_at == UNREPORT:
                a.reported_complete_meeting_id, a.reported_complete_on = None, None
            apply_update(s, a, fields, when)
            if e.reported_at:
                m = get_row(s, Meeting, e.reported_at, "meeting")
                if m.committee_id != a.committee_id:
                    raise ServiceError(f"action {a.ref or a.id} is not of the committee that "
                                       f"met on {m.date:%d/%m/%Y}")
                if a.status != ActionStatus.COMPLETED:
                    a.status, a.completed_on = ActionStatus.COMPLETED, a.completed_on or m.date
                a.reported_complete_meeting_id, a.reported_complete_on = m.id, m.date
                a.updated_on = when
            if not isinstance(e.updated_on, Unset):
                a.updated_on = e.updated_on
            changed.append(a)
        s.flush()
        return [reload_row(s, a) for a in changed]


def undo_edits(rows: Sequence[ActionRow], edits: Sequence[ActionEdit]) -> list[ActionEdit]:
    """The edits that put ``rows`` (as they were before ``edits``) back: the same fields with
    their old values, a report taken back, and each row's day of last change."""
    out = []
    for row, e in zip(rows, edits):
        old: dict = {k: getattr(row, "item" if k == "item_title" else k) for k in e.fields}
        reported = None
        if e.reported_at:
            if row.reported_complete_on is not None:
                raise ServiceError(f"action {row.ref or row.id} is already reported complete")
            reported = UNREPORT
            old["status"] = row.status
            if row.completed_on is not None:
                old["completed_on"] = row.completed_on
        out.append(ActionEdit(row.id, None, old, reported, row.updated_on))
    return out
