"""A work programme item's moves that the officer's file states ("Deferred from 12 September
2023: the report is not ready"): kept as the item's moves (from, to, the comment as the reason),
once - a repeat import finds the move already stored and adds nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import WorkItemMove


def add_file_moves(session: Session, items: Iterable[tuple[int, Sequence[Mapping[str, Any]]]],
                   today: dt.date, author: str) -> int:
    """Store each (item id, moves read from the file) move the item does not have yet; how
    many were added."""
    wanted = [(item_id, m) for item_id, moves in items for m in moves]
    if not wanted:
        return 0
    stored = {(m.item_id, m.from_date, m.to_date) for m in session.scalars(
        select(WorkItemMove).where(WorkItemMove.item_id.in_({i for i, _m in wanted})))}
    added = 0
    for item_id, m in wanted:
        key = (item_id, m.get("from_date"), m.get("to_date"))
        if key in stored:
            continue
        stored.add(key)
        session.add(WorkItemMove(item_id=item_id, moved_on=today, from_date=key[1],
                                 to_date=key[2], reason=str(m.get("reason") or ""),
                                 author=author))
        added += 1
    return added
