"""The Overview tab: the officer's week across committees (services.overview), the first thing
the window shows once there is data. A committee filter ("All committees" or one); each line
opens its record (double-click or Enter); "Chase..." beside an owner opens Chase owners on them.

Rows are worked out off the UI thread. The page reloads when the window says the data changed
(``mark_stale``): at once when it is shown, else the next time it is."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop_app.domain.dates import strftime
from desktop_app.services import overview, window_read
from desktop_app.services.workspace import Database
from desktop_app.ui import app_state
from desktop_app.ui.errors import show_error
from desktop_app.ui.overview.lines import (COLUMNS, LONG_GROUP, OWNER_ROLE, TARGET_ROLE, Target,
                                           add_committee, fill, waiting)
from desktop_app.ui.tab_api import TabPage
from desktop_app.ui.workers import Job, start_job

ALL = ""


def _load(db: Database, today: dt.date, committee: str,
          ticket: int = 0) -> tuple[list, overview.Overview]:
    from desktop_app.ui.tracker.loading import SHARED
    rows = window_read.list_committees(db)
    if committee and committee not in {c.name for c in rows}:
        committee = ALL     # renamed or gone meanwhile
    shown = {c.id for c in rows if not committee or c.name == committee}
    # the rows the Tracker has just read, when they are new enough and cover these committees
    given = SHARED.take(ticket, getattr(db, "url", ""), today, shown) if ticket else None
    return rows, overview.build_overview(db, today, committee or None, quick=True, given=given,
                                         known=rows)


class OverviewTree(QTreeWidget):
    """Enter opens the current line, as a double-click does. A long group's lines wait in
    ``pending`` until it is opened (overview/lines.py)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pending: dict[int, tuple] = {}
        self.itemExpanded.connect(fill)

    def clear(self) -> None:
        super().clear()
        self.pending.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.data(0, TARGET_ROLE) is None and (item.childCount() or waiting(item)):
                item.setExpanded(not item.isExpanded())    # a heading opens or closes
            else:
                self.itemActivated.emit(item, 0)
            return
        super().keyPressEvent(event)


class OverviewPage(TabPage):
    title = "Overview"
    open_requested = Signal(object)          # a Target
    chase_requested = Signal(str, str)       # committee, owner
    loaded = Signal()

    def __init__(self, db: Database, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(db, undo_stack, parent)
        self.setObjectName("overviewTab")
        self.result: overview.Overview | None = None
        # nothing to read until the window has read the committees and says so (mark_stale):
        # a window shown before its data (MainWindow(load=False)) works the overview out once
        self._stale = False
        self._loading = False
        self._generation = 0
        self._job: Job | None = None

        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.filter = QComboBox()
        self.filter.setObjectName("overviewCommittee")
        self.filter.setAccessibleName("Overview committee")
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter.addItem("All committees", ALL)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        show = QLabel("&Show:")
        show.setBuddy(self.filter)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.setObjectName("overviewRefresh")
        self.refresh_button.setToolTip("Work the overview out again from the database")
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(show)
        bar.addWidget(self.filter)
        bar.addWidget(self.refresh_button)

        self.tree = OverviewTree()
        self.tree.setObjectName("overviewTree")
        self.tree.setAccessibleName("Overview: what needs attention")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        head = self.tree.header()
        head.setStretchLastSection(True)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(0, 540)
        head.resizeSection(1, 190)
        self.tree.itemActivated.connect(self._activated)
        self.hint = QLabel("Double-click a line (or press Enter) to open it. Deadlines: five "
                           "and three clear working days before the meeting; executive "
                           "responses: two months from the recommendation being sent "
                           "(Local Government Act 2000 s.9FE).")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 6)
        lay.addLayout(bar)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.hint)

    # ================================================================== loading
    def mark_stale(self) -> None:
        """The data changed: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        generation, committee, today = self._generation, self.filter.currentData() or ALL, \
            app_state.today()
        self._loading = True
        self._job = None
        self.heading.setText(f"<b>Overview</b> as at {strftime(today, '%A')} "
                             f"{app_state.long_date(today)}"
                             " &nbsp;<span style='color:#5f6368'>Loading\u2026</span>")
        from PySide6.QtCore import QTimer

        from desktop_app.ui.tracker.loading import SHARED
        ticket = SHARED.ticket()

        def start() -> None:
            if generation != self._generation:
                return     # asked again meanwhile
            self._job = start_job(lambda _ctx: _load(self.db, today, committee, ticket),
                                  on_done=lambda data: self._loaded(generation, data),
                                  on_error=lambda exc: self._failed(generation, exc),
                                  lane="window")
        # queued on the next turn of the event loop: a Tracker reading asked for in the same
        # turn (the window's start, a change of committee) goes first, and its rows serve
        QTimer.singleShot(0, self, start)

    def wait_loaded(self, timeout_s: float = 60.0) -> bool:
        import time

        from PySide6.QtCore import QCoreApplication, QEventLoop
        end = time.monotonic() + timeout_s
        while self._loading and time.monotonic() < end:
            if self._job is None:     # not yet queued (``refresh``)
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            elif not self._job.wait(max(0.0, end - time.monotonic())):
                return False
        return not self._loading

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.emit(f"Could not work out the overview: {exc}")
        show_error(self, exc)

    def _loaded(self, generation: int, data: tuple[list, overview.Overview]) -> None:
        if generation != self._generation:
            return
        rows, result = data
        self.result = result
        self._fill_filter(rows)
        keep = self._current_key()
        self.tree.clear()
        for c in result.committees:
            head = add_committee(self.tree, c)
            self._add_chase_buttons(head)
        self._expand()
        self._restore_current(keep)
        today = result.today
        self.heading.setText(f"<b>Overview</b> as at {strftime(today, '%A')} "
                             f"{app_state.long_date(today)}")
        self._loading = False
        self.loaded.emit()

    def _expand(self) -> None:
        """Everything open, except a group of more than LONG_GROUP lines (its heading gives
        the count), so that one long list does not push the others out of sight."""
        for item in self.items(build=False):   # not expandAll: it would open them all
            long = item.parent() is not None and (item.childCount() > LONG_GROUP
                                                  or waiting(item))
            if item.childCount() and not long:
                item.setExpanded(True)

    def _fill_filter(self, rows) -> None:
        chosen = self.filter.currentData() or ALL
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem("All committees", ALL)
        for c in rows:
            self.filter.addItem(f"{c.name} ({c.short_name})" if c.short_name else c.name, c.name)
        self.filter.setCurrentIndex(max(self.filter.findData(chosen), 0))
        self.filter.blockSignals(False)

    def _add_chase_buttons(self, head: QTreeWidgetItem) -> None:
        for item in self.items(head, build=False):
            who = item.data(0, OWNER_ROLE)
            if not who:
                continue
            button = QPushButton("Chase\u2026")
            button.setObjectName("overviewChase")
            button.setAccessibleName(f"Chase {who[1]}")
            button.setToolTip(f"Write {who[1]} a workbook of their actions and an email draft "
                              "(Chase owners)")
            button.setFixedWidth(button.sizeHint().width())
            button.clicked.connect(lambda _c=False, w=who: self.chase_requested.emit(*w))
            self.tree.setItemWidget(item, 2, button)

    # ================================================================== lines
    def items(self, under: QTreeWidgetItem | None = None, *,
              build: bool = True) -> list[QTreeWidgetItem]:
        """Every item of the tree (or under one item), depth first, as shown; with ``build``
        the lines of closed groups are made first (else only those made already)."""
        out: list[QTreeWidgetItem] = []
        stack = [under] if under is not None else [self.tree.topLevelItem(i)
                                                   for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if build:
                fill(item)
            out.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def lines(self) -> list[tuple[Target, str, str]]:
        """(record, what, when) of every line that opens a record, as shown (tests, search)."""
        return [(item.data(0, TARGET_ROLE), item.text(0), item.text(1)) for item in self.items()
                if item.data(0, TARGET_ROLE) is not None]

    def item_of(self, target: Target) -> QTreeWidgetItem | None:
        return next((i for i in self.items() if i.data(0, TARGET_ROLE) == target), None)

    def _current_key(self):
        item = self.tree.currentItem()
        return item.data(0, TARGET_ROLE) if item is not None else None

    def _restore_current(self, key) -> None:
        item = self.item_of(key) if key is not None else None
        if item is None:   # the first line that opens something
            item = self._first_line()
        if item is not None:
            self.tree.setCurrentItem(item)

    def _first_line(self) -> QTreeWidgetItem | None:
        """The first line that opens a record, making a closed group's lines only if that
        line is in it."""
        for item in self.items(build=False):
            if item.data(0, TARGET_ROLE) is not None:
                return item
            if waiting(item) and fill(item):
                return next((i for i in self.items(item, build=False)
                             if i.data(0, TARGET_ROLE) is not None), None)
        return None

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET_ROLE)
        if target is not None:
            self.open_requested.emit(target)

    # ================================================================== TabPage
    def focus_search(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
