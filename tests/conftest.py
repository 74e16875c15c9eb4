"""Shared fixtures: offscreen Qt, a private home folder per test, a fresh real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# The real council documents (../shared/seeds), kept with the tests so that a fresh clone
# tests against them too.
SEEDS = REPO / "tests" / "fixtures" / "seeds"
DEMO_COMMITTEE = "Children and Young People Scrutiny Committee"


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Every test gets its own data/log folders and no inherited database URL."""
    home = tmp_path / "home"
    monkeypatch.setenv("SCRUTINY_TRACKER_HOME", str(home))
    monkeypatch.delenv("SCRUTINY_TRACKER_DB", raising=False)
    monkeypatch.setenv("SCRUTINY_TRACKER_USER", "Test Officer")


@pytest.fixture(autouse=True)
def _no_stray_log_handlers():
    """A command run in-process (``cli.main``) sets up logging: its console handler writes to
    the stderr pytest captured for that test, which is closed afterwards. Handlers a test added
    are removed after it, so a later test never logs into a closed file."""
    import logging
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()


BACKEND = os.environ.get("SCRUTINY_TEST_BACKEND", "sqlite")


def pytest_report_header(config):
    return f"scrutiny-tracker test database: {BACKEND}"


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, run every test that touches a database (through the ``db_url`` fixture,
    directly or via ``db``, ``cli``, ``demo_db``, the window fixtures...); tests of parsing,
    layout and arithmetic alone ran already in the SQLite pass and would prove nothing new."""
    if BACKEND != "postgresql":
        return
    keep, drop = [], []
    for item in items:
        (keep if "db_url" in getattr(item, "fixturenames", ()) else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL cluster for the whole run (SCRUTINY_TEST_BACKEND=postgresql)."""
    from tests.pg_server import PgServer
    server = PgServer().start()
    yield server
    server.stop()


_made_databases: list[tuple[object, str]] = []


@pytest.fixture(autouse=True)
def _drop_test_databases():
    """The PostgreSQL databases a test made are dropped when everything else of the test has
    been torn down (autouse fixtures are set up first, so torn down last): a fixture set up
    before ``db_url`` (a dialog, a window) may still use the database in its own teardown."""
    yield
    while _made_databases:
        server, url = _made_databases.pop()
        server.drop_database(url)  # type: ignore[attr-defined]


@pytest.fixture
def db_url(request, tmp_path) -> str:
    """A fresh, empty database: an SQLite file, or a new PostgreSQL database (dropped after
    the test, as its SQLite file goes with the test's temporary folder)."""
    if BACKEND == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = server.new_database()
        _made_databases.append((server, url))
        return url
    return f"sqlite:///{tmp_path / 'tracker.db'}"


@pytest.fixture
def db(db_url):
    from desktop_app.db.schema import open_database
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db):
    from desktop_app.services.demo import load_demo
    load_demo(db)
    return db


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"


@pytest.fixture
def cli(db_url):
    """Run the real command line in a separate process against the test database."""

    def run(*args: str, url: str | None = None, env: dict | None = None,
            input: str | None = None) -> CliResult:
        full_env = dict(os.environ)
        full_env.update(env or {})
        proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", url or db_url, *args],
                              capture_output=True, text=True, encoding="utf-8", env=full_env,
                              cwd=REPO,
                              input=input, timeout=600)
        return CliResult(proc)

    return run
