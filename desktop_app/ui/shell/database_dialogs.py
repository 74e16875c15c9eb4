"""Choosing the database, and what the window says when one cannot be opened.

- ``open_with_help(url, parent)``: opens the database; when that fails (damaged, locked,
  read-only, missing, written by a newer version) it says why and what to do, with the log
  file's path, and offers: Try again (locked), Choose or create a database..., Use the standard
  database (when a remembered one failed), Quit.
- ``choose_database_path(parent)``: File > Open database... and the dialog's "Choose": an
  existing file or a new name (a new file is created at the current schema).
- The database chosen in the window is remembered (QSettings ``database/path``) and opened at
  the next start, unless ``--db`` or ``SCRUTINY_TRACKER_DB`` names one.

Every box here is run with ``exec()`` so that a test can answer it (tests/ui/conftest.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app import APP_NAME, paths
from desktop_app.logging_setup import FILE_ONLY, log_file
from desktop_app.services.workspace import Database, DatabaseError, open_for_window
from desktop_app.ui import app_state

log = logging.getLogger(__name__)
KEY_DATABASE = "database/path"
B = QMessageBox.StandardButton

ADVICE = {
    "locked": "Another program is using the file: Scrutiny Tracker in another window or on "
              "another computer, OneDrive or SharePoint still syncing it, or antivirus checking "
              "it. Close the other program or wait a minute, then choose Try again.",
    "read-only": "You can read this file but not change it: it may be marked read-only, be in "
                 "a folder you may not write to (such as Program Files), or be an OneDrive file "
                 "that is only online. Copy it to a folder of your own (such as Documents) and "
                 "open the copy, or ask IT for write access.",
    "damaged": "The file is damaged or is not a Scrutiny Tracker database. Choose another "
               "database, or restore a backup (the automatic ones are in {backups}) with "
               "'scrutiny-tracker restore FILE'.",
    "missing": "Connect the drive or network share it is on, or choose another database.",
    "newer": "Install the newer version of Scrutiny Tracker, or choose another database.",
    "other": "Choose another database, or send the log file to whoever supports the app.",
}


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def remembered_database() -> Path | None:
    value = app_state.read_str(KEY_DATABASE, "")
    return Path(value) if value else None


def remember_database(path: Path | None) -> None:
    app_state.write(KEY_DATABASE, str(path) if path else "")


def log_text() -> str:
    try:
        return str(log_file())
    except OSError:
        return "(the log folder cannot be written)"


def choose_database_path(parent: QWidget | None) -> Path | None:
    """An existing database file, or the name of a new one (".db" added when none is given)."""
    start = remembered_database() or paths.default_db_path()
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Open or create a database", str(start),
        "Scrutiny Tracker database (*.db *.sqlite *.sqlite3);;All files (*)",
        options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".db")


def problem_box(parent: QWidget | None, exc: BaseException, *, remembered: bool) -> QMessageBox:
    reason = getattr(exc, "reason", "other")
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    advice = ADVICE.get(reason, ADVICE["other"]).format(backups=paths.data_dir() / "backups")
    box = QMessageBox(parent)
    box.setObjectName("databaseProblemDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(f"{APP_NAME}: cannot open the database")
    box.setText(text[:1].upper() + text[1:])
    box.setInformativeText(f"{advice}\n\nThe details are in the log file:\n{log_text()}")
    buttons = B.Open | B.Close
    if reason == "locked":
        buttons |= B.Retry
    if remembered:
        buttons |= B.RestoreDefaults
    box.setStandardButtons(buttons)
    box.button(B.Open).setText("Choose or create a database\u2026")
    box.button(B.Close).setText("Quit" if parent is None else "Cancel")
    if reason == "locked":
        box.button(B.Retry).setText("Try again")
        box.setDefaultButton(B.Retry)
    if remembered:
        box.button(B.RestoreDefaults).setText("Use the standard database")
    box.setEscapeButton(B.Close)
    return box


def open_with_help(url: str, parent: QWidget | None = None, *,
                   remembered: bool = False) -> tuple[Database, Path | None] | None:
    """Open ``url``, helping the officer out of any failure. Returns the database and the file
    they chose on the way (None if none), or None when they gave up."""
    chosen: Path | None = None
    while True:
        try:
            return open_for_window(url), chosen
        except (DatabaseError, OSError) as exc:
            log.error("cannot open the database %s: %s", url, exc, extra=FILE_ONLY)
            box = problem_box(parent, exc, remembered=remembered and chosen is None)
            answer = box.exec()
        if answer == B.Retry:
            continue
        if answer == B.Open:
            path = choose_database_path(parent)
            if path is None:
                continue   # back to the box: nothing chosen
            chosen, url = path, sqlite_url(path)
            continue
        if answer == B.RestoreDefaults:
            chosen, url = None, paths.default_db_url()
            remember_database(None)
            remembered = False
            continue
        log.info("gave up opening a database")
        return None
