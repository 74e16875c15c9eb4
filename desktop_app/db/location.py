"""Where an SQLite file lives, and whether that place is safe for it.

SQLite needs working file locks, and WAL needs every user on one computer (sqlite.org: "SQLite
Over a Network", "Write-Ahead Logging"). A network share breaks both; a folder that OneDrive or
SharePoint synchronises copies the database, its journal and its WAL files separately and can
bring back a half-written file or a "conflict" copy. On such places the app warns, and does not
use WAL (a rollback journal is the mode SQLite documents for network files).

The facts asked of the operating system are the small functions ``_drive_type`` (Windows),
``_mounts`` (Linux) and ``_sync_roots``, so that tests can state them.
"""

from __future__ import annotations

import ntpath
import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs",
              "davfs", "fuse.davfs2", "glusterfs", "ceph"}
# The environment variables the OneDrive client sets to its folders.
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
DRIVE_REMOTE = 4   # GetDriveTypeW


def _is_windows() -> bool:
    return os.name == "nt"


def _drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes
    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _mounts() -> list[tuple[str, str]]:
    """(mount point, file system type) of every mount (Linux); empty elsewhere."""
    try:
        lines = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [(parts[1], parts[2]) for parts in (line.split() for line in lines) if len(parts) >= 3]


def _registry_sync_roots() -> list[str]:  # pragma: no cover - Windows only
    """The folders OneDrive synchronises, SharePoint libraries included, as the OneDrive client
    records them (HKCU\\Software\\SyncEngines\\Providers\\OneDrive\\*\\MountPoint)."""
    if sys.platform != "win32":
        return []
    import winreg
    roots: list[str] = []
    key_path = r"Software\SyncEngines\Providers\OneDrive"
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path) as providers:
            for i in range(winreg.QueryInfoKey(providers)[0]):
                name = winreg.EnumKey(providers, i)
                try:
                    with winreg.OpenKey(providers, name) as key:
                        roots.append(str(winreg.QueryValueEx(key, "MountPoint")[0]))
                except OSError:
                    continue
    except OSError:
        return []
    return roots


def _sync_roots() -> list[str]:
    roots = [os.environ[name] for name in ONEDRIVE_VARIABLES if os.environ.get(name)]
    if _is_windows():  # pragma: no cover - Windows only
        roots += _registry_sync_roots()
    return roots


def _folded(text: str) -> str:
    return text.replace("\\", "/").rstrip("/").casefold()


def _within(path: str, root: str) -> bool:
    p, r = _folded(path), _folded(root)
    return bool(r) and (p == r or p.startswith(r + "/"))


def synced_folder(path: Path | str) -> str | None:
    """Why ``path`` looks like a folder OneDrive or SharePoint synchronises, or None."""
    text = str(path)
    if not (text.startswith(("/", "\\")) or ntpath.splitdrive(text)[0]):
        text = os.path.abspath(text)
    for root in _sync_roots():
        if _within(text, root):
            return f"a folder that OneDrive synchronises ({root})"
    for part in _folded(text).split("/"):
        if part == "onedrive" or part.startswith("onedrive - ") or part == "sharepoint":
            return "a folder that OneDrive or SharePoint synchronises"
    return None


def network_location(path: Path | str) -> str | None:
    """Why ``path`` looks like a network location (SQLite is unsafe there), or None."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return "a network share (UNC path)"
    if _is_windows():
        drive = ntpath.splitdrive(ntpath.abspath(text))[0]
        if drive and _drive_type(drive + "\\") == DRIVE_REMOTE:
            return f"a network drive ({drive})"
        return None
    best, fstype = "", ""
    folder = str(Path(text).resolve().parent)
    for mount, kind in _mounts():
        if (folder == mount or folder.startswith(mount.rstrip("/") + "/")) and len(mount) > len(best):
            best, fstype = mount, kind
    if fstype in NETWORK_FS:
        return f"a network file system ({fstype} at {best})"
    return None


def risky_location(path: Path | str) -> str | None:
    """Why an SQLite file at ``path`` is at risk (network or synced folder), or None."""
    return network_location(path) or synced_folder(path)


def location_warning(path: Path | str) -> str | None:
    """The warning for people, or None when the place is safe."""
    network = network_location(path)
    if network:
        return (f"the database {path} is on {network}. SQLite files there can be corrupted "
                "when more than one computer uses them, and the app does not use its faster "
                "journal (WAL) there. Keep the database on this computer, or a team should use "
                "PostgreSQL (see README).")
    synced = synced_folder(path)
    if synced:
        return (f"the database {path} is in {synced}. Syncing can bring back a half-written "
                "copy or make conflict copies, and opening it on two computers corrupts it. "
                "Keep the database in a folder that is not synced (the default one is not) and "
                "save backups to OneDrive instead.")
    return None


def sqlite_warning(path: Path | str) -> str | None:
    """The warning the app prints on opening an SQLite file at ``path`` ("warning: ..."), or
    None: the same words on the full path (db/backup.py) and the quick one (services/quick_read)."""
    warning = location_warning(path)
    return f"warning: {warning}" if warning else None


def journal_mode(path: Path | str | None) -> str:
    """WAL on a local disk; the rollback journal (DELETE) on a network or synced folder."""
    if path is None:
        return "WAL"
    return "DELETE" if risky_location(path) else "WAL"
