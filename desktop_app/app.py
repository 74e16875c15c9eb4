"""Composition root: open the database, build the window, run the event loop."""

from __future__ import annotations

import argparse


def run_gui(url: str, args: argparse.Namespace | None = None) -> int:
    from desktop_app.db.schema import open_database
    from desktop_app.ui.main_window import run

    db = open_database(url)
    try:
        return run(db, args)
    finally:
        db.dispose()


def run_window(db, args: argparse.Namespace | None = None) -> int:
    """The window on a database the command line has opened already (``gui``)."""
    from desktop_app.ui.main_window import run

    return run(db, args)
