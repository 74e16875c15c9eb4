"""Cycle collection on the window's thread only.

Python's cycle collector runs in whichever thread happens to allocate when a generation's count
passes its threshold: with the window open, often a worker thread reading the database. If that
collection frees the last reference to a Qt object that Python owns (a window, a dialog, a
model held in a reference cycle by its controller), Qt destroys it from the wrong thread, and
the process crashes later at random (seen in the UI tests: a segmentation fault inside
``processEvents`` while a worker ran SQLAlchemy).

So, while the window runs, automatic collection is off and a timer on the GUI thread collects
when the counts say Python would have: the same generations, the same thresholds, on the one
thread where Qt objects may be destroyed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["MainThreadCollector", "install"]

_installed: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start(interval_ms)
        gc.disable()

    def collect_if_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; how many objects were
        found unreachable."""
        count0, count1, count2 = gc.get_count()
        first, second, third = self.thresholds
        if count0 <= first:
            return 0
        if count1 <= second:
            return gc.collect(0)
        if count2 <= third:
            return gc.collect(1)
        return gc.collect(2)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def install(app: QObject) -> MainThreadCollector:
    """Once per process, owned by the application object."""
    global _installed
    if _installed is None:
        _installed = MainThreadCollector(app)
    return _installed
