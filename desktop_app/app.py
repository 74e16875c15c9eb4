"""Composition root: open the database, build the window, run the event loop."""

from __future__ import annotations

import argparse
import logging
import os


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
    Windows), naming the log file and what to do. When Qt itself cannot start (a damaged
    install), Windows' own message box says it instead."""
    try:
        from desktop_app.ui.launch import show_failure as show

        show(message)
    except Exception:  # noqa: BLE001 - the last way left to tell anyone
        logging.getLogger(__name__).exception("cannot show the failure in a window")
        if os.name == "nt":  # pragma: no cover - Windows only
            import ctypes

            from desktop_app import APP_NAME
            from desktop_app.logging_setup import log_file
            ctypes.windll.user32.MessageBoxW(  # type: ignore[attr-defined]
                None, f"{message}\n\nThe details are in the log file:\n{log_file()}",
                f"{APP_NAME} could not start", 0x10)
