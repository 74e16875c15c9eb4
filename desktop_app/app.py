"""Composition root: open the database, build the window, run the event loop."""

from __future__ import annotations

import gc
import os
import sys

# argparse, logging, contextlib and typing are imported where used: this module is the
# installed command's entry point, imported before ``program`` turns the cycle collector off
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

_window_ended = False   # the window ran and closed normally (end_process may then cut short)


def run_gui(url: str, args: argparse.Namespace | None = None) -> int:
    """The window (no sub-command, or ``gui``): the database at ``url`` (or the one chosen last
    in the window), with a dialog that explains any failure to open it (ui/launch.py)."""
    global _window_ended
    # checked while the window's modules load: the database the window opens, unless another
    # one was chosen in the window last time (ui/launch.py start_url, which needs Qt's
    # settings to say so): that one is then checked when it is opened, and this check is lost
    from desktop_app.services.workspace import check_ahead
    check_ahead(url)
    from desktop_app.ui.launch import launch

    code = launch(url, args)
    _window_ended = True
    return code


def program() -> int:
    """The program's entry point: the ``scrutiny-tracker`` command (pyproject's scripts),
    ``python -m desktop_app`` and the packaged app. ``cli.main`` itself never ends the process,
    so tests and callers in-process keep theirs; only here does ``end_process`` cut short.
    The cycle collector is off from here on, as ``cli.main`` has it, before the command line's
    modules are imported (they make many objects and no garbage: ~4 ms of collections); it is
    the process's collector, on until now, that ``main`` turns on again where it would."""
    collecting = gc.isenabled()
    gc.disable()
    from desktop_app.cli import main

    return end_process(main(last=True, collect=collecting))


def end_process(code: int) -> int:
    """The program's last step (``program``: the installed command, ``python -m desktop_app``,
    the packaged app), only there:
    after the window, end the process without the interpreter's teardown, which frees every
    object one by one (the window's widgets, its models, 10,000 rows: about 70 ms of CPU, a
    tenth of a start and stop). What the teardown does that matters is done first: the jobs'
    threads joined, the QApplication deleted (Qt's own clean-up: the clipboard handed over to
    the system), the atexit functions run (the log flushed and closed), stdout and stderr
    flushed. Likewise after a command that used neither Qt nor SQLAlchemy (the quick import of
    a workbook into a new SQLite file: its 20,000 rows, ~40 ms of teardown and of the collector's
    last walk), whose files and database are closed already. Returns ``code`` instead, for a
    normal exit, after any other command or when another thread is still running (Python
    would wait for it)."""
    import threading

    if any(t.is_alive() and not t.daemon for t in threading.enumerate()
           if t is not threading.main_thread()):
        return code
    if _window_ended:
        import logging

        from desktop_app.ui.launch import end_app
        end_app()
        logging.getLogger(__name__).info("exit %d without the interpreter's teardown", code)
    elif "PySide6" in sys.modules or "sqlalchemy" in sys.modules:
        return code   # (their objects' own clean-up kept)
    import atexit
    import contextlib
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):   # closed, or no console
                stream.flush()
    os._exit(code)


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
        import logging
        logging.getLogger(__name__).exception("cannot show the failure in a window")
        if os.name == "nt":  # pragma: no cover - Windows only
            import ctypes

            from desktop_app import APP_NAME
            from desktop_app.logging_setup import log_file
            ctypes.windll.user32.MessageBoxW(  # type: ignore[attr-defined]
                None, f"{message}\n\nThe details are in the log file:\n{log_file()}",
                f"{APP_NAME} could not start", 0x10)
