"""What every sub-command gets: the opened database, output helpers, argument parsing."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from desktop_app import paths

if TYPE_CHECKING:   # SQLAlchemy is imported when a database is opened, not to parse arguments
    from desktop_app.services.workspace import Database

T = TypeVar("T")


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD (UK forms such as 02/11/2021 are accepted too)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        from desktop_app.domain.dates import impossible_date, parse_uk_date
        parsed = parse_uk_date(text)
        if parsed is None and impossible_date(text):
            raise argparse.ArgumentTypeError(f"{text!r} is no such day (YYYY-MM-DD, or day "
                                             "first: 28/02/2023)") from None
        if parsed is None:
            raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None
        return parsed


class CliContext:
    def __init__(self, args: argparse.Namespace, *, collect_once_open: bool = False):
        """``collect_once_open``: turn the cycle collector on when the database has been opened
        (``main`` keeps it off while the command's modules are imported)."""
        self.args = args
        self._collect_once_open = collect_once_open
        self.url = args.db or paths.default_db_url()
        self._db: Database | None = None
        if getattr(args, "user", None):
            from desktop_app.services.workspace import set_current_user
            set_current_user(args.user)

    @property
    def db(self) -> Database:
        if self._db is None:
            from desktop_app.services.backups import network_warning
            from desktop_app.services.workspace import open_database
            self._db = open_database(self.url)
            if self._collect_once_open:
                gc.enable()
            self._warn(network_warning(self._db))
        return self._db

    def quick(self, reader: Callable[[Any], T]) -> T | None:
        """``reader``'s result on the quick path (services/quick_read.py: sqlite3 on a database
        at head, no SQLAlchemy), or None when the caller must take the full path (``db``). The
        warning about where the file is comes out as ``db`` prints it."""
        if self._db is not None:
            return None
        from desktop_app.services import quick_read
        done = quick_read.read(self.url, reader)
        if done is None:
            return None
        if self._collect_once_open:
            gc.enable()
        result, warning = done
        self._warn(warning)
        return result

    @staticmethod
    def _warn(warning: str | None) -> None:
        if warning:
            logging.getLogger(__name__).info("%s", warning)   # the file; stderr below
            if sys.stderr is not None:
                print(f"scrutiny-tracker: {warning}", file=sys.stderr)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None

    @staticmethod
    def check_path(path) -> None:
        """Warn (stderr and the log) when a file just written has a path too long for Excel or
        for Windows programs."""
        warning = paths.long_path_warning(path)
        if warning:
            logging.getLogger(__name__).info("%s", warning)
            if sys.stderr is not None:
                print(f"scrutiny-tracker: warning: {warning}", file=sys.stderr)

    def fail(self, message: str, code: int) -> int:
        first = message.strip().splitlines()[0] if message.strip() else "error"
        print(f"scrutiny-tracker: error: {first}", file=sys.stderr)
        return code

    @staticmethod
    def print_json(value: Any) -> None:
        import json
        def conv(v: Any) -> Any:
            if hasattr(v, "as_dict"):
                return v.as_dict()
            if isinstance(v, (dt.date, dt.datetime)):
                return v.isoformat()
            raise TypeError(type(v))
        json.dump(value, sys.stdout, default=conv, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")

    @staticmethod
    def print_table(rows: list[list[str]], headers: list[str]) -> None:
        if not rows:
            print("(none)")
            return
        cells = [headers] + [[("" if c is None else str(c)).replace("\n", " ") for c in r]
                             for r in rows]
        widths = [min(max(len(r[i]) for r in cells), 60) for i in range(len(headers))]
        for n, r in enumerate(cells):
            print("  ".join((c[:57] + "...") if len(c) > 60 else c.ljust(w)
                            for c, w in zip(r, widths)).rstrip())
            if n == 0:
                print("  ".join("-" * w for w in widths))
