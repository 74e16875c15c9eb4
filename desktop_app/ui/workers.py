"""The one helper for long work: run a callable off the UI thread, with progress and cancel.

    job = start_job(lambda ctx: importer.run(db, path, progress=ctx.progress,
                                             cancelled=lambda: ctx.cancelled),
                    on_done=self._imported, parent=self, title="Importing")

The callable gets a ``JobContext``: ``ctx.progress(done, total, text)`` reports progress (safe
from any thread), ``ctx.cancelled`` / ``ctx.check()`` see the cancel flag. It must open its own
database session (call services with the ``Database``; never pass a Session or an ORM object
across threads) and must never touch widgets: it returns a plain result, and ``on_done`` runs on
the UI thread with it. An exception goes to ``on_error`` (default: the one-line error dialog).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
_POOLS: dict[str, QThreadPool] = {}
_RUNNING: set[Job] = set()
# Lanes: "work" (imports, printing, chasing: two at once) and "window" (the window's own
# reads, the Tracker's rows and the Overview: one at a time, in the order asked). Two reads at
# once fight over the GIL (sqlite3 lets it go at every row): each then took about three times
# as long as alone, and the one the officer is waiting for came last.
_THREADS = {"work": 2, "window": 1}


def pool(lane: str = "work") -> QThreadPool:
    found = _POOLS.get(lane)
    if found is None:
        found = _POOLS[lane] = QThreadPool()
        found.setMaxThreadCount(_THREADS[lane])
    return found


class Cancelled(Exception):
    """Raised inside a job (by ``ctx.check()``) to stop early."""


class _Relay(QObject):
    """Lives on the UI thread; the worker emits through it, so slots run on the UI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class JobContext:
    def __init__(self, relay: _Relay):
        self._relay = relay
        self._cancel = threading.Event()
        self.ended = threading.Event()   # set on the worker thread when the callable returns
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.05:  # at most ~20 updates a second
            return
        self._last = now
        self._relay.progress.emit(int(done), int(total), text)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobContext], Any], ctx: JobContext, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._ctx, self._relay = fn, ctx, relay

    def run(self) -> None:
        try:
            result = self._fn(self._ctx)
        except Cancelled:
            self._relay.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            self._relay.failed.emit(exc)
        else:
            if self._ctx.cancelled:
                self._relay.cancelled.emit()
            else:
                self._relay.finished.emit(result)
        finally:
            self._ctx.ended.set()


class Job:
    """A handle on a running job: ``cancel()``, ``done``, ``result``, ``error``, ``wait()``."""

    def __init__(self, ctx: JobContext, relay: _Relay):
        self.ctx, self.relay = ctx, relay
        self.done = False
        self.was_cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self.ctx.cancel()

    def wait(self, timeout_s: float = 60.0) -> bool:
        """Process events until the job has finished (tests, the smoke test)."""
        end = time.monotonic() + timeout_s
        while not self.done and time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not self.done:   # woken the moment the worker ends (its result then queued)
                self.ctx.ended.wait(0.01)
        return self.done


def start_job(fn: Callable[[JobContext], Any], *,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              on_cancel: Callable[[], None] | None = None,
              parent: QWidget | None = None, title: str | None = None,
              label: str = "Working\u2026", cancellable: bool = True,
              lane: str = "work") -> Job:
    """Run ``fn(ctx)`` on a worker thread. With ``title`` a progress dialog shows (after half a
    second) with a Cancel button; without it the job runs quietly (e.g. loading a grid).
    ``lane="window"``: one of the window's own reads, run after those asked before it."""
    relay = _Relay()
    ctx = JobContext(relay)
    job = Job(ctx, relay)
    _RUNNING.add(job)

    if title is not None:
        dialog = QProgressDialog(label, "Cancel" if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setObjectName("progressDialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("Cancelling\u2026"))
        job.dialog = dialog

        def show_progress(done: int, total: int, text: str) -> None:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            if text:
                dialog.setLabelText(text)

        relay.progress.connect(show_progress)

    def finish() -> None:
        job.done = True
        _RUNNING.discard(job)
        if job.dialog is not None:
            job.dialog.reset()
            job.dialog.close()
            job.dialog.deleteLater()
            job.dialog = None

    def done(result: Any) -> None:
        job.result = result
        finish()
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        job.error = exc
        finish()
        if on_error is not None:
            on_error(exc)
        else:
            from desktop_app.ui.errors import show_error
            show_error(parent, exc)

    def cancelled() -> None:
        job.was_cancelled = True
        finish()
        if on_cancel is not None:
            on_cancel()

    relay.finished.connect(done)
    relay.failed.connect(failed)
    relay.cancelled.connect(cancelled)
    pool(lane).start(_Runnable(fn, ctx, relay))
    return job


def wait_all() -> None:
    """Until every job's thread has finished (as the pools' own end would wait)."""
    for lane_pool in _POOLS.values():
        lane_pool.waitForDone()
    QThreadPool.globalInstance().waitForDone()


def cancel_all(wait_ms: int = 3000) -> None:
    """On quit: ask every job to stop and give them a moment to finish."""
    for job in list(_RUNNING):
        job.cancel()
    for lane_pool in _POOLS.values():
        lane_pool.waitForDone(wait_ms)
