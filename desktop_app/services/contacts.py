"""The address book of action owners and executive leads (they are not users of the app)."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_app.db.engine import Database
from desktop_app.db.models import Contact
from desktop_app.domain.names import clean_name, email_problem, name_problem
from desktop_app.domain.records import ContactRow
from desktop_app.services.errors import ServiceError

__all__ = ["ContactRow", "find_contact", "list_contacts", "set_contact"]


def _row(c: Contact) -> ContactRow:
    return ContactRow(c.id, c.name, c.email, c.job_title, c.directorate)


def set_contact(db: Database, name: str, email: str = "", job_title: str = "",
                directorate: str = "") -> ContactRow:
    """Add a contact, or update the one with that name (names match ignoring case)."""
    problem = name_problem(name)
    if problem:
        raise ServiceError(f"contact name {clean_name(name)!r} {problem}")
    name = " ".join(name.split())
    if not name:
        raise ServiceError("a contact needs a name")
    email = email.strip()
    if email and email_problem(email):
        raise ServiceError(f"{clean_name(email)!r} {email_problem(email)}")
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
