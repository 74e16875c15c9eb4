"""The database as the upper floors (ui/, cli/) see it: open it, name its type in annotations,
say who is making the changes. They never import ``desktop_app.db`` themselves.

    db = open_database("sqlite:///tracker.db")    # created, or upgraded after a backup
    set_current_user("Sam Officer")               # the author in the audit trail
"""

from __future__ import annotations

from desktop_app.db.audit import current_user, set_current_user
from desktop_app.db.engine import Database, DatabaseError
from desktop_app.db.schema import open_database, schema_revision

__all__ = ["Database", "DatabaseError", "current_user", "open_database", "schema_revision",
           "set_current_user"]
