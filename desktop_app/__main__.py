"""``python -m desktop_app`` and the ``scrutiny-tracker`` command."""

from __future__ import annotations

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    code = main()
    from desktop_app.app import end_process
    sys.exit(end_process(code))   # after the window: no interpreter teardown (see there)
