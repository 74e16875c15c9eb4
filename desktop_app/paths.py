"""Where the app keeps its files: platformdirs in one place, with overrides.

``SCRUTINY_TRACKER_HOME`` (tests, portable mode) puts everything under one folder.
"""

from __future__ import annotations

import ntpath
import os
from pathlib import Path

from desktop_app import APP_SLUG

# platformdirs is imported only when SCRUTINY_TRACKER_HOME does not say where the files go.


def _home() -> Path | None:
    value = os.environ.get("SCRUTINY_TRACKER_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    if home:
        path = home / "data"
    else:
        import platformdirs
        path = Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    if home:
        path = home / "logs"
    else:
        import platformdirs
        path = Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False))
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


# Excel refuses to open a workbook whose full path is longer than 218 characters; most Windows
# programs (and Explorer's copy) stop at MAX_PATH, 260 with the terminating character.
EXCEL_PATH_LIMIT = 218
WINDOWS_PATH_LIMIT = 259


def long_path_warning(path: Path | str) -> str | None:
    """A warning when a file the app wrote has a path too long for Excel (.xlsx, .xls, .csv)
    or for Windows programs in general; None when it is fine."""
    full = str(path)
    if not (full.startswith(("/", "\\")) or ntpath.splitdrive(full)[0]):
        full = os.path.abspath(full)
    limit = EXCEL_PATH_LIMIT if full.lower().endswith((".xlsx", ".xlsm", ".xls", ".csv")) \
        else WINDOWS_PATH_LIMIT
    if len(full) <= limit:
        return None
    who = "Excel" if limit == EXCEL_PATH_LIMIT else "many Windows programs"
    return (f"{full}: the path is {len(full)} characters long and {who} cannot open files "
            f"whose path is longer than {limit}; save it in a folder with a shorter path")
