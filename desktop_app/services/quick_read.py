"""The quick way to read a listing (issue 18): the standard library's sqlite3 on a database that
is already at the head revision, without importing SQLAlchemy (whose ORM alone costs twice what
the command line's whole start-up may).

``read(url, reader)`` runs ``reader(connection)`` on a read-only connection and gives back what
it returned with the warning the full path would have printed about where the file is (network
share, OneDrive), or None whenever the quick path is not sure: not an SQLite file at the head
revision (db/lite.py), a file or folder the full path would refuse as read-only, a database that
fails SQLite's ``quick_check``, any error of SQLite's. The caller then takes the full path
(``open_database`` and the ORM service), which creates, upgrades, explains or refuses. So the
quick path never reports a problem; it only skips work when there is none.

A reader gives exactly what the ORM service gives (the same rows, in the same order, built by
the same domain code); tests/unit/test_quick_read.py runs both on the same databases.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from desktop_app.db import lite, location

if TYPE_CHECKING:
    from desktop_app.domain.records import CommitteeRow, ContactRow

T = TypeVar("T")


def read(url: str, reader: Callable[[sqlite3.Connection], T]) -> tuple[T, str | None] | None:
    """``(reader's result, the location warning or None)``, or None: take the full path."""
    path = lite.sqlite_file(url)
    # the full path refuses a file or folder it cannot write (db/schema.py _check_sqlite)
    if path is None or not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    conn = lite.open_at_head(url)
    if conn is None:
        return None
    try:
        # as the full path checks every file it opens: a damaged one is for it to explain
        if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
            return None
        result = reader(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return result, location.sqlite_warning(path)


# -- readers: each gives what its ORM service gives ---------------------------------------------

def committees(conn: sqlite3.Connection) -> list[CommitteeRow]:
    """What services.committees.list_committees gives: every committee, by name."""
    from desktop_app.domain.print_options import DocumentOptions
    from desktop_app.domain.records import CommitteeRow
    return [CommitteeRow(id=id_, name=name, short_name=short, council=council, contact=contact,
                         print_options=DocumentOptions.from_json(options))
            for id_, name, short, council, contact, options in conn.execute(
                "SELECT id, name, short_name, council, contact, print_options "
                "FROM committees ORDER BY name")]


def contacts(conn: sqlite3.Connection) -> list[ContactRow]:
    """What services.contacts.list_contacts gives: the address book, by name."""
    from desktop_app.domain.records import ContactRow
    return [ContactRow(*row) for row in conn.execute(
        "SELECT id, name, email, job_title, directorate FROM contacts ORDER BY name")]
