"""Open a search result in the main window: its tab, its committee, its row.

Actions and recommendations open in the Tracker (the committee chosen unless the window shows
all committees; filters that hide the row are cleared); work items in the Work programme;
agenda items, minutes and report PDFs in Meetings, at their meeting and agenda item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.services.search import RecordKey

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def open_record(window: MainWindow, key: RecordKey) -> None:
    if key.kind in ("action", "recommendation"):
        _open_in_tracker(window, key)
    elif key.kind == "work_item":
        window.choose_committee(key.committee)
        window.tabs.setCurrentWidget(window.work_tab)
        tab = window.work_tab
        tab.select_item(key.id)
        if tab.current_item() is None or tab.current_item().id != key.id:
            tab.search_edit.clear()          # a filter typed there hid it
            tab.select_item(key.id)
    else:
        window.choose_committee(key.committee)
        window.tabs.setCurrentWidget(window.meetings_tab)
        tab = window.meetings_tab
        tab.select_meeting(key.meeting_id)
        current = tab.current_meeting()
        if current is None or current.id != key.meeting_id:
            tab.search_edit.clear()
            tab.select_meeting(key.meeting_id)
        if key.agenda_item_id is not None:
            tab.select_item(key.agenda_item_id)
    window.raise_()
    window.activateWindow()


def _open_in_tracker(window: MainWindow, key: RecordKey) -> None:
    if window.committee is not None and window.committee != key.committee:
        window.choose_committee(key.committee)
    window.tabs.setCurrentWidget(window.tracker)
    tracker = window.tracker
    grid = tracker.actions_grid if key.kind == "action" else tracker.recs_grid
    tracker.show_view(key.kind)

    def select() -> bool:
        if grid.select_id(key.id):
            return True
        if grid.model.find(key.id) is not None:    # loaded, but filtered away
            grid.clear_filters()
            return grid.select_id(key.id)
        return False

    if not select():          # still loading (another committee): select once it has
        def once() -> None:
            tracker.loaded.disconnect(once)
            select()
        tracker.loaded.connect(once)
