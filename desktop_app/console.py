"""The process's text streams, whatever Windows gives it.

- Piped or redirected on Windows, stdout and stderr are in the ANSI code page (cp1252): a
  committee called "Gŵyr" cannot be written, a listing stops half-way and ``--json`` is cut
  short. ``use_utf8()`` reconfigures both streams to UTF-8 (what JSON is, and what PowerShell 7,
  Python and every modern tool read), replacing only what cannot be encoded at all.
- The window's executable has no console: ``sys.stdout`` and ``sys.stderr`` are None, and
  anything printed or logged to them is lost. ``has_console()`` tells, so that start-up
  failures are shown in a message box instead.
"""

from __future__ import annotations

import sys


def has_console() -> bool:
    """Whether there is somewhere to print to (False in the window build on Windows)."""
    return sys.stdout is not None and sys.stderr is not None


def _is_utf8(stream) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    return encoding in ("utf-8", "utf8")


def use_utf8() -> None:
    """Make stdout and stderr write UTF-8 (errors="replace": never an encoding error)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        reconfigure = getattr(stream, "reconfigure", None)
        if stream is None or reconfigure is None:
            continue
        try:
            if _is_utf8(stream):
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError):   # a stream that cannot change any more: leave it
            continue
