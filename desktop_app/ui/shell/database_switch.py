"""File > Open database...: a new main window on the chosen database replaces the current one
(the tabs, models and workers all belong to one database), and the choice is remembered."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from desktop_app.services.workspace import Database
from desktop_app.ui.shell.database_dialogs import (choose_database_path, open_with_help,
                                                   remember_database, sqlite_url)

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
_opened: list[Database] = []   # databases opened by a switch, disposed when the app ends


def open_other_database(window: MainWindow) -> MainWindow | None:
    """Ask for a database (an existing file or a new name), open it, and show it in a new
    window in place of ``window``. Returns the new window, or None if nothing changed."""
    path = choose_database_path(window)
    if path is None:
        return None
    opened = open_with_help(sqlite_url(path), window)
    if opened is None:
        return None
    db, chosen = opened
    new = replace_window(window, db)
    if new is None:
        db.dispose()
        return None
    remember_database(chosen or path)
    log.info("switched to the database %s", chosen or path)
    return new


def replace_window(old: MainWindow, db: Database) -> MainWindow | None:
    """A main window on ``db`` in place of ``old`` (None if ``old`` refused to close: unsaved
    edits the officer chose to keep)."""
    from desktop_app.ui.main_window import MainWindow
    new = MainWindow(db)
    if old.isVisible():
        new.setGeometry(old.geometry())
    new.show()
    previous = old.db
    if not old.close():
        new.remember = False
        new.close()
        return None
    _opened.append(db)
    if previous in _opened:
        _opened.remove(previous)
    previous.dispose()   # lets go of the old file (on Windows it can then be moved or copied)
    return new


def dispose_all(*also: Database) -> None:
    for db in [*_opened, *also]:
        db.dispose()
    _opened.clear()
