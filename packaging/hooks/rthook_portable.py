# PyInstaller runtime hook: portable mode.
# When a file named "portable" (any content) stands next to the executable, everything the app
# keeps (database, backups, logs, settings) goes in a "data" folder beside it instead of the
# user's profile: for a USB stick or a locked-down machine without a roaming profile.
#
# Only where that folder can be written: a portable marker in a folder the user cannot write
# (an administrator's install under Program Files, a read-only share) would otherwise make the
# app fail at every start. The hook then falls back to the user's own data folder and says why
# in SCRUTINY_TRACKER_PORTABLE_REFUSED, which the app writes to its log.
import os
import sys
import tempfile
from pathlib import Path


def _writable(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (made if need be): the OS's word first
    (os.access), then a real file, because on Windows os.access ignores folder permissions."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError:
        return False
    return True


def _portable_home(exe_dir: Path) -> None:
    if not (exe_dir / "portable").exists() or os.environ.get("SCRUTINY_TRACKER_HOME"):
        return
    home = exe_dir / "data"
    if _writable(home):
        os.environ["SCRUTINY_TRACKER_HOME"] = str(home)
    else:
        os.environ["SCRUTINY_TRACKER_PORTABLE_REFUSED"] = (
            f"{home} cannot be written: portable mode is off, the data is in your own folder")


_portable_home(Path(sys.executable).resolve().parent)
