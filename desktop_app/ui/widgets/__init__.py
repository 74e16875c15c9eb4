"""Small shared widgets: UK date entry, search box, filter combos, record tables, badges."""

from desktop_app.ui import pyside_fixes  # noqa: F401,E402 - before any PySide6 call
