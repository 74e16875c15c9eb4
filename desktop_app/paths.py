"""Where the app keeps its files: platformdirs in one place, with overrides.

``SCRUTINY_TRACKER_HOME`` (tests, portable mode) puts everything under one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop_app import APP_SLUG


def _home() -> Path | None:
    value = os.environ.get("SCRUTINY_TRACKER_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "scrutiny-tracker.db"


def default_db_url() -> str:
    return os.environ.get("SCRUTINY_TRACKER_DB") or f"sqlite:///{default_db_path()}"
