"""The audit trail: every insert, field change and delete of an audited row, with who and when.

One mechanism for the whole app: an ``after_flush`` listener on our session factory reads the
ORM attribute history and writes ``audit_log`` rows on the same connection, so the audit rows
commit or roll back with the change itself.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from desktop_app.db.models import AuditEntry
from desktop_app.db.audit_text import audit_text
from desktop_app.db.who import _current_user, current_user, default_user, set_current_user
from desktop_app.domain.as_at import KNOWN_FROM_IMPORT

__all__ = ["_current_user", "current_user", "default_user", "install", "mark_imported",
           "set_current_user", "snapshot"]

_SKIP = {"created_at", "updated_at", "version", "content"}   # content: an attachment's bytes


def mark_imported(session: Session) -> None:
    """Rows this session creates are known from an import: their "insert" audit rows say so
    (``field`` = KNOWN_FROM_IMPORT), and the as-at view counts them from the file's dates."""
    session.info[KNOWN_FROM_IMPORT] = True


def _text(value: object) -> str | None:
    return None if value is None else audit_text(value)


def _committee_id(obj: object) -> int | None:
    if getattr(obj, "__tablename__", "") == "committees":
        return getattr(obj, "id", None)
    value = getattr(obj, "committee_id", None)
    if value is not None:
        return value
    state = inspect(obj)
    for rel in ("meeting", "action", "recommendation", "item"):
        if rel in state.mapper.relationships and rel not in state.unloaded:
            parent = getattr(obj, rel)
            if parent is not None:
                return _committee_id(parent)
    return None


def snapshot(obj: object) -> str:
    """The row's non-empty values as JSON text (kept on insert and delete)."""
    values = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in _SKIP or attr.key == "id":
            continue
        value = getattr(obj, attr.key)
        if value not in (None, "", False):
            values[attr.key] = _text(value)
    return json.dumps(values, ensure_ascii=False)


def _audited(obj: object) -> bool:
    return getattr(type(obj), "__audited__", False)


def _after_flush(session: Session, _ctx) -> None:
    who = current_user()
    now = dt.datetime.now().replace(microsecond=0)
    rows: list[dict] = []

    def add(obj, op, field="", old=None, new=None):
        rows.append(dict(at=now, who=who, committee_id=_committee_id(obj),
                         table_name=obj.__tablename__, row_id=inspect(obj).identity[0]
                         if inspect(obj).identity else getattr(obj, "id", 0),
                         operation=op, field=field, old=_text(old), new=_text(new),
                         row_version=getattr(obj, "version", None)))

    created = KNOWN_FROM_IMPORT if session.info.get(KNOWN_FROM_IMPORT) else ""
    for obj in session.new:
        if _audited(obj):
            add(obj, "insert", created, None, snapshot(obj))
    for obj in session.dirty:
        if not _audited(obj):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in _SKIP:
                continue
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                add(obj, "update", attr.key, old, new)
    for obj in session.deleted:
        if _audited(obj):
            add(obj, "delete", "", snapshot(obj), None)
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def install(factory) -> None:
    """Attach the audit listener to a sessionmaker."""
    event.listen(factory, "after_flush", _after_flush)
