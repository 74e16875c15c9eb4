"""Who is making a change, for the audit trail: the standard library only, so that the quick
sqlite3 import (services/import_lite.py) names the same person as db/audit.py, which
re-exports these."""

from __future__ import annotations

import contextvars
import os

_current_user: contextvars.ContextVar[str | None] = contextvars.ContextVar("audit_user",
                                                                           default=None)


def default_user() -> str:
    """The configured name (``SCRUTINY_TRACKER_USER``), else the operating-system user."""
    name = os.environ.get("SCRUTINY_TRACKER_USER")
    if name:
        return name
    import getpass
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database in some containers
        return "unknown"


def current_user() -> str:
    return _current_user.get() or default_user()


def set_current_user(name: str | None) -> contextvars.Token:
    return _current_user.set(name)
