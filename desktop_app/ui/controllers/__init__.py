"""Controllers: wire what people do in a view to service calls (and the undo stack)."""

from desktop_app.ui import pyside_fixes  # noqa: F401,E402 - before any PySide6 call
