"""Logging to a rotating file in the user log folder (Help > Open log folder shows it)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import paths

if TYPE_CHECKING:
    from typing import TextIO

LOG_NAME = "scrutiny-tracker.log"
# ``log.error(..., extra=FILE_ONLY)``: for the log file, not the console (where the command line
# prints its own one-line message).
FILE_ONLY = {"file_only": True}


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, "file_only", False)


MAX_BYTES, BACKUPS = 1_000_000, 5


class LogFile(logging.Handler):
    """The rotating log file (1 MB x 5), as ``logging.handlers.RotatingFileHandler`` keeps it
    (the same names, sizes and order: ``scrutiny-tracker.log``, then ``.1`` the newest old one
    up to ``.5``), written here: importing ``logging.handlers`` (socket, pickle, queue...) costs
    ~6 ms of every start-up and stop (issue 18). The file is opened, in append mode, on the
    first record written to it (most commands log nothing worth keeping), as with ``delay``."""

    terminator = "\n"

    def __init__(self, path: Path):
        super().__init__()
        self.baseFilename = os.path.abspath(path)   # as logging.FileHandler names it
        self.stream: TextIO | None = None

    def _open(self) -> TextIO:
        return open(self.baseFilename, "a", encoding="utf-8")  # noqa: SIM115 - kept open

    def _roll_over(self) -> None:
        """``RotatingFileHandler.doRollover``: .4 -> .5, ..., .1 -> .2, the file -> .1."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        for i in range(BACKUPS - 1, 0, -1):
            older, newer = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
            if os.path.exists(older):
                if os.path.exists(newer):
                    os.remove(newer)
                os.rename(older, newer)
        first = f"{self.baseFilename}.1"
        if os.path.exists(first):
            os.remove(first)
        if os.path.exists(self.baseFilename):
            os.rename(self.baseFilename, first)

    def emit(self, record: logging.LogRecord) -> None:   # under this handler's lock
        try:
            text = self.format(record) + self.terminator
            if self.stream is None:
                self.stream = self._open()
            # ``RotatingFileHandler.shouldRollover``: this record would take the file to
            # MAX_BYTES (counted in characters, as there); never for what is not a plain file
            self.stream.seek(0, 2)
            if self.stream.tell() + len(text) >= MAX_BYTES and os.path.isfile(self.baseFilename):
                self._roll_over()
                self.stream = self._open()
            self.stream.write(text)
            self.stream.flush()
        except RecursionError:
            raise
        except Exception:  # noqa: BLE001 - as every logging handler: reported, never raised
            self.handleError(record)

    def flush(self) -> None:
        with self.lock:   # type: ignore[union-attr]
            if self.stream is not None:
                self.stream.flush()

    def close(self) -> None:
        with self.lock:   # type: ignore[union-attr]
            if self.stream is not None:
                try:
                    self.stream.close()
                finally:
                    self.stream = None
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
