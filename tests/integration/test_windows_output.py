"""Command-line output piped or redirected on Windows is in the ANSI code page (cp1252): the app
writes UTF-8 whatever it is given, so a committee called "Gŵyr" lists and --json is whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO

GOWER = "Pwyllgor Craffu G\u0175yr"


def _run(db_url: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="cp1252", PYTHONUTF8="0")
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", db_url, *args],
                          capture_output=True, env=env, cwd=REPO, timeout=600)


def test_listing_and_json_under_a_cp1252_pipe(db_url):
    from desktop_app.cli import main
    assert main(["--db", db_url, "committee", "add", GOWER, "--short", "G\u0175yr"]) == 0
    assert main(["--db", db_url, "meeting", "add", "--committee", GOWER,
                 "--date", "2024-03-05", "--venue", "Neuadd y Sir, Abertawe \u2013 \u00a3"]) == 0

    listed = _run(db_url, "committee", "list")
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    assert GOWER in listed.stdout.decode("utf-8")

    as_json = _run(db_url, "list", "meetings", "--committee", "G\u0175yr", "--json")
    assert as_json.returncode == 0, as_json.stderr.decode("utf-8", "replace")
    [meeting] = json.loads(as_json.stdout.decode("utf-8"))
    assert meeting["venue"] == "Neuadd y Sir, Abertawe \u2013 \u00a3"

    refused = _run(db_url, "list", "meetings", "--committee", "G\u0175yr Ddim")
    assert refused.returncode == 2
    [line] = refused.stderr.decode("utf-8").splitlines()
    assert line.startswith("scrutiny-tracker: error:")
    assert "G\u0175yr" in line


def test_streams_are_reconfigured_in_process(monkeypatch):
    """The reconfiguration itself, on a stream that cannot encode the letter."""
    import io

    from desktop_app import console
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", stream)
    console.use_utf8()
    print(GOWER, file=stream)
    stream.flush()
    assert raw.getvalue().decode("utf-8").strip() == GOWER
