"""Shared helpers for services: today, lookups, optimistic-locking checks."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.db.models import AuditEntry, Committee, Meeting
from desktop_app.domain.enums import MeetingStatus
from desktop_app.services.clock import today as today  # here for its many callers
from desktop_app.services.errors import ConflictError, NotFound, ServiceError

RowT = TypeVar("RowT")


class Unset:
    """The type of ``UNSET``: an argument not given (where None is a value to store)."""


UNSET = Unset()


def find_committee(session: Session, name: str) -> Committee:
    """By full name or short name, ignoring case."""
    key = name.strip().lower()
    found = session.scalars(select(Committee).where(
        (func.lower(Committee.name) == key) | (func.lower(Committee.short_name) == key))).first()
    if found is None:
        names = session.scalars(select(Committee.name).order_by(Committee.name)).all()
        hint = f" (known: {', '.join(names)})" if names else " (there are no committees yet)"
        raise NotFound(f"no committee called {name!r}{hint}")
    return found


def find_meeting(session: Session, committee: Committee, day: dt.date) -> Meeting:
    found = session.scalars(select(Meeting).where(Meeting.committee_id == committee.id,
                                                  Meeting.date == day)).first()
    if found is None:
        raise NotFound(f"{committee.name} has no meeting on {day.isoformat()}")
    return found


def get_row(session: Session, model: type[RowT], row_id: int, what: str) -> RowT:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"no {what} with id {row_id}")
    return row


def check_version(session: Session, row, expected: int | None, what: str) -> None:
    """Refuse to save over somebody else's change; say what they changed."""
    if expected is None or row.version == expected:
        return
    updates = (select(AuditEntry.who, AuditEntry.at, AuditEntry.field, AuditEntry.old,
                      AuditEntry.new)
               .where(AuditEntry.table_name == row.__tablename__, AuditEntry.row_id == row.id,
                      AuditEntry.operation == "update"))
    # the changes made since the version the editor had (entries carry the row's version
    # since migration 0005); for older entries, the latest ones
    changes = session.execute(updates.where(AuditEntry.row_version > expected)
                              .order_by(AuditEntry.id)).all()
    if not changes:
        changes = list(reversed(session.execute(
            updates.order_by(AuditEntry.id.desc()).limit(5)).all()))
    shown = changes[:8]
    detail = "; ".join(f"{c.who} changed {c.field} to {_short(c.new)} on "
                       f"{c.at:%d/%m/%Y %H:%M}" for c in shown)
    if len(changes) > len(shown):
        detail += f"; and {len(changes) - len(shown)} more change(s)"
    raise ConflictError(
        f"{what} {row.id} was changed by someone else (version {row.version}, you had "
        f"{expected}){': ' + detail if detail else ''}; nothing was saved",
        [(c.who, c.field, c.new or "") for c in changes])


def _short(value: str | None) -> str:
    text = " ".join((value or "").split())
    return repr(text if len(text) <= 60 else text[:57] + "...")


def last_held_meeting(session: Session, committee_id: int) -> Meeting | None:
    return session.scalars(select(Meeting).where(
        Meeting.committee_id == committee_id, Meeting.status == MeetingStatus.HELD)
        .order_by(Meeting.date.desc())).first()


def apply_fields(row, fields: dict, allowed: set[str]) -> None:
    for key, value in fields.items():
        if key not in allowed:
            raise ServiceError(f"cannot set {key!r}")
        if getattr(row, key) != value:
            setattr(row, key, value)


def cleared(model, names: tuple[str, ...]) -> dict:
    """The empty value of each named column: "" for text, None for dates and references."""
    out = {}
    for name in names:
        column = model.__table__.c.get(name)
        if column is None:
            raise ServiceError(f"cannot clear {name!r}")
        out[name] = None if column.nullable else ""
    return out
