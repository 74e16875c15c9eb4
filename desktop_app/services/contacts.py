"""The address book of action owners and executive leads (they are not users of the app)."""

from __future__ import annotations

import dataclasses
import re

from sqlalchemy import func, select

from desktop_app.db.engine import Database
from desktop_app.db.models import Contact
from desktop_app.services.errors import ServiceError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclasses.dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    email: str
    job_title: str
    directorate: str

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def _row(c: Contact) -> ContactRow:
    return ContactRow(c.id, c.name, c.email, c.job_title, c.directorate)


def set_contact(db: Database, name: str, email: str = "", job_title: str = "",
                directorate: str = "") -> ContactRow:
    """Add a contact, or update the one with that name (names match ignoring case)."""
    name = " ".join(name.split())
    if not name:
        raise ServiceError("a contact needs a name")
    if email and not _EMAIL.match(email):
        raise ServiceError(f"{email!r} is not an email address")
    with db.unit_of_work() as s:
        c = s.scalars(select(Contact).where(func.lower(Contact.name) == name.lower())).first()
        if c is None:
            c = Contact(name=name)
            s.add(c)
        for key, value in (("email", email), ("job_title", job_title),
                           ("directorate", directorate)):
            if value:
                setattr(c, key, value)
        s.flush()
        return _row(c)


def list_contacts(db: Database) -> list[ContactRow]:
    with db.reading() as s:
        return [_row(c) for c in s.scalars(select(Contact).order_by(Contact.name))]


def find_contact(db: Database, name: str) -> ContactRow | None:
    with db.reading() as s:
        c = s.scalars(select(Contact).where(func.lower(Contact.name) == name.strip().lower())).first()
        return _row(c) if c else None
