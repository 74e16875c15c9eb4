# PyInstaller runtime hook: portable mode.
# When a file named "portable" (any content) stands next to the executable, everything the app
# keeps (database, backups, logs) goes in a "data" folder beside it instead of the user's
# profile: for a USB stick or a locked-down machine without a roaming profile.
import os
import sys
from pathlib import Path

_exe_dir = Path(sys.executable).resolve().parent
if (_exe_dir / "portable").exists() and not os.environ.get("SCRUTINY_TRACKER_HOME"):
    os.environ["SCRUTINY_TRACKER_HOME"] = str(_exe_dir / "data")
