"""The database's identity: a random token made once, the first time something needs it, and
kept in the database (table ``database_identity``, migration 0007). What the app writes for
other programs names records by it (calendar UIDs), so an export from this database is
recognised by Outlook as the same events next time, and never as another database's."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop_app.db.engine import Database
from desktop_app.db.models import DatabaseIdentity


def database_token(db: Database) -> str:
    """This database's token, made (and saved) on first use."""
    with db.reading() as s:
        found = s.scalars(select(DatabaseIdentity.token).where(DatabaseIdentity.id == 1)).first()
    if found:
        return found
    try:
        with db.unit_of_work() as s:
            s.add(DatabaseIdentity(id=1, token=str(uuid.uuid4())))
    except IntegrityError:      # another window or command made it at the same moment
        pass
    with db.reading() as s:
        return s.scalars(select(DatabaseIdentity.token).where(DatabaseIdentity.id == 1)).one()
