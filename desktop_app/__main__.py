"""``python -m desktop_app`` and the packaged app: the program (app.program), as the
``scrutiny-tracker`` command runs it."""

from __future__ import annotations

import sys

from desktop_app.app import program

if __name__ == "__main__":
    sys.exit(program())   # after the window: no interpreter teardown (app.end_process)
