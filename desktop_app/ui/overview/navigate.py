"""Opening an Overview line's record in the main window: choose its committee, switch to the tab
and select the row (the Tracker loads off the UI thread: the row is selected once it has)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.overview.lines import Target

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def open_target(window: MainWindow, target: Target) -> None:
    window.choose_committee(target.committee)
    if target.kind == "meeting":
        window.tabs.setCurrentWidget(window.meetings_tab)     # reloads it if stale
        window.meetings_tab.select_meeting(target.id)
        window.meetings_tab.meetings_view.setFocus()
        return
    if target.kind == "work":
        window.tabs.setCurrentWidget(window.work_tab)
        window.work_tab.select_item(target.id)
        window.work_tab.view.setFocus()
        return
    kind = "action" if target.kind == "action" else "recommendation"
    tracker = window.tracker
    window.tabs.setCurrentWidget(tracker)

    def select() -> None:
        tracker.show_view(kind, "")           # every filter cleared: the row is listed
        grid = tracker.current_grid()
        grid.select_id(target.id)
        grid.table.setFocus()

    if getattr(tracker, "_loading", False):   # the committee just changed: rows on their way
        def once() -> None:
            tracker.loaded.disconnect(once)
            select()
        tracker.loaded.connect(once)
    else:
        select()
