"""Golden files: text the app produces, committed beside these tests and compared exactly.

A difference fails with a unified diff. When the change is intended, refresh the files on purpose
with ``make golden`` (``SCRUTINY_UPDATE_GOLDEN=1 pytest tests/golden``), read the diff in git and
commit it with the change that caused it."""

from __future__ import annotations

import contextlib
import difflib
import io
import logging
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent
REFRESH = "make golden"
UPDATING = os.environ.get("SCRUTINY_UPDATE_GOLDEN") == "1"


def check_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with the golden file ``tests/golden/<name>`` (or write it when
    refreshing)."""
    path = GOLDEN / name
    if UPDATING:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes().decode("utf-8") != actual:
            path.write_bytes(actual.encode("utf-8"))
        return
    if not path.is_file():
        pytest.fail(f"no golden file tests/golden/{name}: run `{REFRESH}` to write it, read it, "
                    "and commit it", pytrace=False)
    expected = path.read_bytes().decode("utf-8")
    if expected != actual:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"tests/golden/{name} (committed)", tofile="this run", n=2))
        pytest.fail(f"tests/golden/{name} differs from what the app produces now:\n{diff}\n"
                    f"If the change is intended, refresh the golden files with `{REFRESH}` and "
                    "commit them with it.", pytrace=False)


def run_cli(*args: str) -> str:
    """The real command line, in this process (the environment is the caller's); its stdout.
    A non-zero exit fails the test with what the command printed."""
    from desktop_app.cli import main
    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:  # the log file main() opened belongs to this run's folder: later tests keep theirs
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert code == 0, f"scrutiny-tracker {' '.join(args)} exited {code}: {err.getvalue()}"
    return out.getvalue()
