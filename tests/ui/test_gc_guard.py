"""Cycles are collected on the GUI thread only (desktop_app/ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from desktop_app.ui import gc_guard


class _Holder:
    def __init__(self) -> None:
        self.me = self            # a cycle: only the collector frees it
        self.qt = QObject()       # a Qt object Python owns, as a closed window is


def test_a_worker_thread_never_collects_and_the_gui_thread_does(qapp):
    collector = gc_guard.install(qapp)
    assert not gc.isenabled()
    gc.collect()
    holder = _Holder()
    gone = weakref.ref(holder)
    del holder

    def allocate() -> None:         # far past every threshold, in another thread
        junk = [[i] for i in range(200_000)]
        del junk
        for _ in range(50_000):
            a: list = []
            a.append(a)

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert gone() is not None, "the worker thread collected a Qt object's cycle"
    assert collector.collect_if_due() > 0     # the timer's check, on this thread
    assert gone() is None
