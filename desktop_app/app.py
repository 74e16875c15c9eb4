"""Composition root: open the database, build the window, run the event loop."""

from __future__ import annotations

import argparse


def run_gui(url: str, args: argparse.Namespace | None = None) -> int:
    """The window (no sub-command, or ``gui``): the database at ``url`` (or the one chosen last
    in the window), with a dialog that explains any failure to open it (ui/launch.py)."""
    from desktop_app.ui.launch import launch

    return launch(url, args)


def run_window(db, args: argparse.Namespace | None = None) -> int:
    """The window on a database opened already."""
    from desktop_app.ui.main_window import run

    return run(db, args)


def show_failure(message: str) -> None:
    """A failure shown in a message box, for a program without a console (the window build on
    Windows), naming the log file and what to do."""
    from desktop_app.ui.launch import show_failure as show

    show(message)
