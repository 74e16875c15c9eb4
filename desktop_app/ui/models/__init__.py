"""One QAbstractTableModel per grid over plain rows from services, plus the filter proxy."""

from desktop_app.ui import pyside_fixes  # noqa: F401,E402 - before any PySide6 call
