"""Logging to a rotating file in the user log folder (Help > Open log folder shows it)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from desktop_app import paths

LOG_NAME = "scrutiny-tracker.log"
# ``log.error(..., extra=FILE_ONLY)``: for the log file, not the console (where the command line
# prints its own one-line message).
FILE_ONLY = {"file_only": True}


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, "file_only", False)


MAX_BYTES, BACKUPS = 1_000_000, 5


class LogFile(logging.Handler):
    """The rotating log file (1 MB x 5), made on the first record written to it: importing
    ``logging.handlers`` costs ~6 ms of every start-up (issue 18), and most commands log
    nothing worth keeping. The file itself is opened when first written, as with ``delay``."""

    def __init__(self, path: Path):
        super().__init__()
        self.baseFilename = os.path.abspath(path)   # as logging.FileHandler names it
        self.rotating: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.rotating is None:
            import logging.handlers
            self.rotating = logging.handlers.RotatingFileHandler(
                self.baseFilename, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                delay=True)
        self.rotating.formatter = self.formatter
        self.rotating.emit(record)   # under this handler's lock (Handler.handle)

    def flush(self) -> None:
        if self.rotating is not None:
            self.rotating.flush()

    def close(self) -> None:
        if self.rotating is not None:
            self.rotating.close()
        super().close()


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def setup_logging(debug: bool = False) -> Path | None:
    """Send the app's log records to a rotating file (1 MB x 5). Returns the file's path, or
    None if the folder cannot be written (the app then logs to stderr only). The folder is
    ``paths.log_dir()``: under the app's data folder (%LOCALAPPDATA%\\scrutiny-tracker\\Logs
    on Windows)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        path = log_file()
    except OSError:
        path = None
    for handler in list(root.handlers):
        if isinstance(handler, LogFile):
            if path is None or Path(handler.baseFilename) == path.resolve():
                return Path(handler.baseFilename)
            root.removeHandler(handler)   # the data folder moved (tests, portable mode)
            handler.close()
    if path is None:
        return None
    handler = LogFile(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if sys.stderr is None or any(type(h) is logging.StreamHandler for h in root.handlers):
        return path   # no console (the window build on Windows), or one handler already
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(_not_file_only)
    root.addHandler(console)
    return path
