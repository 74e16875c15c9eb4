"""The frozen app's portable-mode hook (packaging/hooks/rthook_portable.py), run as PyInstaller
runs it, with the executable in a folder made by the test."""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

HOOK = REPO / "packaging" / "hooks" / "rthook_portable.py"


@pytest.fixture
def program(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "Scrutiny Tracker"
    folder.mkdir()
    exe = folder / ("scrutiny-tracker.exe" if os.name == "nt" else "scrutiny-tracker")
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv("SCRUTINY_TRACKER_HOME", raising=False)
    monkeypatch.delenv("SCRUTINY_TRACKER_PORTABLE_REFUSED", raising=False)
    return folder


def test_portable_marker_keeps_the_data_beside_the_program(program):
    (program / "portable").write_text("1", encoding="utf-8")
    runpy.run_path(str(HOOK))
    assert os.environ["SCRUTINY_TRACKER_HOME"] == str(program.resolve() / "data")
    assert (program / "data").is_dir()
    assert list((program / "data").iterdir()) == []     # the write test leaves nothing


def test_no_marker_no_portable_mode(program):
    runpy.run_path(str(HOOK))
    assert "SCRUTINY_TRACKER_HOME" not in os.environ


def test_read_only_program_folder_falls_back_to_the_user_folder(program, monkeypatch):
    (program / "portable").write_text("1", encoding="utf-8")
    data = (program / "data").resolve()
    real_access = os.access

    def access(path, mode, *args, **kwargs):   # as under Program Files for a standard user
        if mode & os.W_OK and Path(path).resolve() == data:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    runpy.run_path(str(HOOK))
    assert "SCRUTINY_TRACKER_HOME" not in os.environ
    assert "cannot be written" in os.environ["SCRUTINY_TRACKER_PORTABLE_REFUSED"]


def test_folder_that_cannot_be_made_falls_back(program):
    (program / "portable").write_text("1", encoding="utf-8")
    (program / "data").write_text("a file where the folder should be", encoding="utf-8")
    runpy.run_path(str(HOOK))
    assert "SCRUTINY_TRACKER_HOME" not in os.environ
    assert os.environ["SCRUTINY_TRACKER_PORTABLE_REFUSED"]


def test_refusal_is_logged(program, monkeypatch, db_url):
    from desktop_app.cli import main
    from desktop_app import paths
    monkeypatch.setenv("SCRUTINY_TRACKER_HOME", str(program / "home"))
    monkeypatch.setenv("SCRUTINY_TRACKER_PORTABLE_REFUSED", "X:\\data cannot be written")
    assert main(["--db", db_url, "committee", "list"]) == 0
    log = (paths.log_dir() / "scrutiny-tracker.log").read_text(encoding="utf-8")
    assert "portable mode: X:\\data cannot be written" in log
