"""Where the SQLite file is: network shares, mapped network drives and OneDrive/SharePoint
folders are recognised, warned about, and get the rollback journal instead of WAL. The
operating system's answers (drive types, mounts, OneDrive's variables) are stated by the test."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop_app.db import location
from desktop_app.db.schema import open_database


@pytest.fixture
def windows(monkeypatch):
    """As on Windows: drive Z: is a mapped network drive, C: a local disk."""
    monkeypatch.setattr(location, "_is_windows", lambda: True)
    monkeypatch.setattr(location, "_drive_type", lambda root: 4 if root.upper() == "Z:\\" else 3)


@pytest.fixture(autouse=True)
def _no_onedrive(monkeypatch):
    for name in location.ONEDRIVE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_unc_paths_are_network_shares():
    assert location.network_location("\\\\fileserver\\democratic\\tracker.db") == \
        "a network share (UNC path)"
    assert location.network_location("//fileserver/democratic/tracker.db")


def test_mapped_drive_on_windows(windows):
    assert location.network_location("Z:\\Scrutiny\\tracker.db") == "a network drive (Z:)"
    assert location.network_location("C:\\Users\\sam\\tracker.db") is None
    assert location.journal_mode("Z:\\Scrutiny\\tracker.db") == "DELETE"
    assert location.journal_mode("C:\\Users\\sam\\tracker.db") == "WAL"


def test_network_file_systems_on_linux(monkeypatch, tmp_path):
    share = tmp_path / "share"
    monkeypatch.setattr(location, "_mounts", lambda: [("/", "ext4"), (str(share), "cifs")])
    assert location.network_location(share / "tracker.db") == \
        f"a network file system (cifs at {share})"
    assert location.network_location(tmp_path / "tracker.db") is None


def test_onedrive_folder_from_its_variable(monkeypatch):
    monkeypatch.setenv("OneDriveCommercial", "C:\\Users\\sam\\OneDrive - Northshire Council")
    where = location.synced_folder("c:\\users\\SAM\\onedrive - northshire council\\Docs\\t.db")
    assert where == "a folder that OneDrive synchronises (C:\\Users\\sam\\OneDrive - Northshire Council)"
    # a folder the client was told to use, whatever its name; only that folder
    monkeypatch.setenv("OneDrive", "D:\\Sync\\Council")
    assert location.synced_folder("D:\\Sync\\Council\\t.db")
    assert location.synced_folder("D:\\Sync\\Council papers\\t.db") is None


@pytest.mark.parametrize("path", ["/home/sam/OneDrive/tracker.db",
                                  "C:\\Users\\sam\\OneDrive - Northshire Council\\tracker.db",
                                  "/mnt/c/Users/sam/SharePoint/Scrutiny - Documents/tracker.db"])
def test_onedrive_and_sharepoint_folders_by_name(path):
    assert location.synced_folder(path)
    assert location.journal_mode(path) == "DELETE"
    assert "OneDrive" in (location.location_warning(path) or "")


def test_ordinary_folders_are_safe(tmp_path):
    assert location.risky_location(tmp_path / "tracker.db") is None
    assert location.location_warning(tmp_path / "tracker.db") is None


def test_no_wal_in_a_synced_folder(tmp_path, monkeypatch):
    synced = tmp_path / "OneDrive - Northshire Council"
    synced.mkdir()
    monkeypatch.setenv("OneDrive", str(synced))
    db = open_database(f"sqlite:///{synced / 'tracker.db'}")
    local = open_database(f"sqlite:///{tmp_path / 'local.db'}")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "delete"
        with local.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        db.dispose()
        local.dispose()
    assert not (synced / "tracker.db-wal").exists()


def test_command_line_warns_on_stderr(tmp_path, monkeypatch, capsys):
    from desktop_app.cli import main
    synced = tmp_path / "OneDrive"
    synced.mkdir()
    assert main(["--db", f"sqlite:///{synced / 'tracker.db'}", "committee", "list"]) == 0
    err = capsys.readouterr().err
    assert "scrutiny-tracker: warning: the database" in err
    assert "OneDrive" in err
