"""What the Tracker tab reads, on a worker thread: the committee's actions and recommendations,
its meetings, and the next meeting for the attention strip. The rows' search texts are worked
out afterwards, a slice at a time once the window has settled (``SearchTexts``): the rows show
first, and a search typed before they are all done works the rest out itself.

The rows read are also left for the Overview (``SHARED``), which would otherwise read the open
actions and awaiting responses again straight after (see ``SharedRows``)."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.services.workspace import Database
from desktop_app.services import window_read
from desktop_app.ui.app_state import today
from desktop_app.ui.models.committee_names import set_short_names
from desktop_app.ui.shell.attention_strip import NextMeeting, next_meeting_of
from desktop_app.ui.models.base import RowTableModel


@dataclass
class TrackerData:
    """What one load brings back from the worker thread: plain rows and precomputed texts."""

    committee: str | None
    actions: list = field(default_factory=list)
    recs: list = field(default_factory=list)
    meetings: dict[int, list[tuple[int, dt.date]]] = field(default_factory=dict)
    committee_names: dict[int, str] = field(default_factory=dict)
    next_meeting: NextMeeting | None = None


class SharedRows:
    """The rows the Tracker read last, for the Overview's next reading (both run on the
    window's lane, one after the other: ``start_job(lane="window")``).

    Each reading takes a ticket when it is asked for (``ticket()``, on the UI thread). The
    Overview takes the Tracker's rows only when the Tracker's reading was asked for after its
    own (so they are at least as new as a reading of its own would have been: a change made
    after the Tracker's reading asks for another Overview, with a later ticket), of the same
    database, for the same day, and of every committee the Overview shows. Otherwise it reads
    them itself."""

    def __init__(self) -> None:
        self._tickets = itertools.count(1)
        self._lock = threading.Lock()
        self._last: tuple[int, str, dt.date, frozenset[int], list, list] | None = None
        self.served = 0   # how many readings took the Tracker's rows (tests)

    def ticket(self) -> int:
        return next(self._tickets)

    def offer(self, ticket: int, database: str, now: dt.date, committee_ids: frozenset[int],
              actions: list, recs: list) -> None:
        if not database:
            return
        with self._lock:
            if self._last is None or ticket > self._last[0]:
                self._last = (ticket, database, now, committee_ids, actions, recs)

    def take(self, asked: int, database: str, now: dt.date, committee_ids: set[int]
             ) -> tuple[list, list] | None:
        """Every action and recommendation of ``committee_ids`` (and perhaps others) in
        ``database`` as read for ``now`` by a Tracker reading asked for after ticket ``asked``;
        None if there is none such."""
        with self._lock:
            last = self._last
        if last is None or last[0] <= asked or last[1] != database or last[2] != now or \
                not committee_ids <= last[3]:
            return None
        self.served += 1
        return last[4], last[5]


SHARED = SharedRows()


def load_tracker(db: Database, committee: str | None, ticket: int = 0) -> TrackerData:
    """Runs on a worker thread: services only (each opens its own session), no widgets."""
    data = TrackerData(committee)
    now = today()
    known = window_read.list_committees(db)
    data.committee_names = {c.id: c.name for c in known}
    set_short_names({c.id: c.short_name for c in known})   # before the search texts
    if not known:
        return data
    data.actions = window_read.list_actions(db, committee, now=now)   # quick when it can
    data.recs = window_read.list_recommendations(db, committee, now=now)
    database = getattr(db, "url", "")
    if committee is None:
        SHARED.offer(ticket, database, now, frozenset(data.committee_names), data.actions,
                     data.recs)
    else:
        key = committee.lower()
        chosen = [c.id for c in known if key in (c.name.lower(), c.short_name.lower())]
        if len(chosen) == 1:
            SHARED.offer(ticket, database, now, frozenset(chosen), data.actions, data.recs)
    rows_by_name = {}
    for c in known:
        if committee is None or committee.lower() in (c.name.lower(), c.short_name.lower()):
            rows = window_read.list_meetings(db, c.name)
            rows_by_name[c.name] = rows
            data.meetings[c.id] = [(m.id, m.date) for m in rows]
    data.next_meeting = next_meeting_of(rows_by_name, now,
                                        {c.name: c.short_name for c in known})
    return data


class SearchTexts(QObject):
    """Works out the search text of every row of some grids into the models' own cache
    (``RowTableModel.haystack``), what a search would otherwise do on its first keystroke.
    Not before the first paint: they begin when a search box is about to be used (it takes the
    keyboard focus: a click, Tab, Ctrl+F) or, at the latest, ``IDLE_MS`` after the rows were
    shown; then ``SLICE`` rows per turn of the event loop, so the window stays responsive while
    the officer types. A search typed before they are all done works out the rest itself."""

    SLICE = 2000
    IDLE_MS = 1500

    def __init__(self, models: list[RowTableModel], parent: QObject | None = None):
        super().__init__(parent)
        self.models = models
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._step)
        self.idle = QTimer(self)             # one wait: a reload restarts it
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._begin)
        self._todo: list[tuple[RowTableModel, int]] = []
        self._boxes: list[QWidget] = []

    def watch(self, box: QWidget) -> None:
        """Begin when ``box`` takes the keyboard focus."""
        self._boxes.append(box)
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.FocusIn and self._todo:
            self.timer.start()
        return False

    def rows_replaced(self) -> None:
        """The models' rows were replaced: all their texts are to be worked out again (now,
        if a search box has the focus)."""
        self._todo = [(m, 0) for m in self.models]
        if any(box.hasFocus() for box in self._boxes):
            self.idle.stop()
            self.timer.start()
        else:
            self.timer.stop()
            self.idle.start(self.IDLE_MS)

    def _begin(self) -> None:
        if self._todo and not self.timer.isActive():
            self.timer.start()

    def done(self) -> bool:
        return not self._todo

    def _step(self) -> None:
        if not self._todo:
            self.timer.stop()
            return
        model, start = self._todo[0]
        end = min(start + self.SLICE, model.rowCount())
        for i in range(start, end):
            model.haystack(i)
        if end >= model.rowCount():
            model.haystack_list()     # the list the filter reads, from the cache
            self._todo.pop(0)
        else:
            self._todo[0] = (model, end)
