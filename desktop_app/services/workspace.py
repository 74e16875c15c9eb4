"""The database as the upper floors (ui/, cli/) see it: open it, name its type in annotations,
say who is making the changes. They never import ``desktop_app.db`` themselves.

    db = open_database("sqlite:///tracker.db")    # created, or upgraded after a backup
    set_current_user("Sam Officer")               # the author in the audit trail
"""

from __future__ import annotations

import os

from desktop_app.db.audit import current_user, set_current_user
from desktop_app.db.engine import Database, DatabaseError
from desktop_app.db.schema import open_database, schema_revision

__all__ = ["Database", "DatabaseError", "current_user", "describe_database", "open_database",
           "schema_revision", "set_current_user"]


def describe_database(db: Database) -> str:
    """Which database, for the status bar: an SQLite file's name, or the server's URL without
    its password."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return os.path.basename(url.database)
    return url.render_as_string(hide_password=True)
