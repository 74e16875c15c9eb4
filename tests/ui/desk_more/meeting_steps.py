"""What the Meetings-tab tests of this folder share: the meetings they use, choosing a meeting
or an agenda item with the mouse, the stored meeting, a cell of the meetings grid, OK and
typing over a field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.errors import NotFound
from desktop_app.services import meetings
from desktop_app.services.demo import demo_data
from desktop_app.ui.meetings.agenda_model import AgendaModel
from desktop_app.ui.meetings.meetings_model import MeetingsModel, RowRole
from tests.ui.officer.conftest import DEMO_COMMITTEE, TODAY, click

DEMO_MEETINGS = [dt.date.fromisoformat(m["date"]) for m in demo_data()["meetings"]]
UPCOMING = [d for d in DEMO_MEETINGS if d >= TODAY]
NEXT = dt.date(2021, 11, 23)          # the next meeting, with ten agenda items
SPARE = dt.date(2022, 3, 22)          # a scheduled meeting with no agenda yet


def choose_meeting(qtbot, tab, day: dt.date):
    proxy = tab.meetings_proxy
    for r in range(proxy.rowCount()):
        index = proxy.index(r, MeetingsModel.DATE)
        if index.data(RowRole).date == day:
            tab.meetings_view.scrollTo(index)
            qtbot.mouseClick(tab.meetings_view.viewport(), Qt.MouseButton.LeftButton,
                             pos=tab.meetings_view.visualRect(index).center())
            assert tab.current_meeting().date == day
            return tab.current_meeting()
    raise AssertionError(f"no meeting on {day} is shown")


def choose_item(qtbot, tab, item_id: int) -> None:
    index = tab.agenda_model.index(tab.agenda_model.row_of(item_id), AgendaModel.TITLE)
    tab.agenda_view.scrollTo(index)
    qtbot.mouseClick(tab.agenda_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.agenda_view.visualRect(index).center())
    assert tab.current_item().id == item_id


def stored(db, day: dt.date):
    """The committee's meeting on ``day`` as the database has it (None when there is none)."""
    try:
        return meetings.get_meeting(db, DEMO_COMMITTEE, day)
    except NotFound:
        return None


def cell(tab, meeting_id: int, column: int) -> str:
    return tab.meetings_model.index(tab.meetings_model.row_of(meeting_id), column).data()


def ok(qtbot, dialog) -> None:
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))


def item_numbered(db, number: str):
    return next(i for i in stored(db, NEXT).items if i.number == number)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    else:                                           # QPlainTextEdit
        widget.clear()
    qtbot.keyClicks(widget, text)


