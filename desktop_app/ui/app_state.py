"""Window state kept between runs (QSettings) and small shared UI helpers.

Settings live in the platform's usual place (the registry on Windows). When
``SCRUTINY_TRACKER_HOME`` is set (tests, portable mode) they go to an INI file under that folder,
so a test never reads or writes the real user's settings.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter

from desktop_app import APP_NAME
from desktop_app.domain.dates import strftime

ORGANISATION = "Scrutiny Tracker"

# Every key in one place.
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_COMMITTEE = "window/committee"          # committee name, or "" for all committees
KEY_TAB = "window/tab"                      # objectName of the current tab
KEY_STRIP = "window/attention_strip"        # show the attention strip
KEY_TRACKER_VIEW = "tracker/view"           # "actions" or "recommendations"
KEY_DETAILS = "tracker/details_visible"
KEY_COMPACT = "tracker/compact_rows"        # fixed three-line rows instead of grown ones
ALL_COMMITTEES = ""


def settings() -> QSettings:
    home = os.environ.get("SCRUTINY_TRACKER_HOME")
    if home:
        folder = Path(home)
        folder.mkdir(parents=True, exist_ok=True)
        return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APP_NAME)


def read_bool(key: str, default: bool) -> bool:
    value = settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def read_str(key: str, default: str = "") -> str:
    value = settings().value(key, default)
    return value if isinstance(value, str) else default


def write(key: str, value) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def save_splitter(splitter: QSplitter, key: str) -> None:
    write(f"splitters/{key}", splitter.saveState())


def restore_splitter(splitter: QSplitter, key: str) -> bool:
    value = settings().value(f"splitters/{key}")
    if isinstance(value, QByteArray) and not value.isEmpty():
        return splitter.restoreState(value)
    return False


def save_header(header: QHeaderView, key: str) -> None:
    write(f"headers/{key}", header.saveState())


def restore_header(header: QHeaderView, key: str) -> bool:
    value = settings().value(f"headers/{key}")
    if isinstance(value, QByteArray) and not value.isEmpty():
        return header.restoreState(value)
    return False


def today() -> dt.date:
    """The same 'today' the services use (``SCRUTINY_TRACKER_TODAY`` fixes it)."""
    from desktop_app.services.clock import today as service_today
    return service_today()


@functools.lru_cache(maxsize=8192)
def short_date(day: dt.date | None) -> str:
    """'2 Nov 2021': compact and unambiguous for grids."""
    return f"{day.day} {strftime(day, '%b %Y')}" if day else ""


@functools.lru_cache(maxsize=8192)
def long_date(day: dt.date | None) -> str:
    return f"{day.day} {strftime(day, '%B %Y')}" if day else ""
