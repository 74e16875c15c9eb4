"""Issue 18: Print / export (Ctrl+P in the real window) picks the next meeting, not the previous
one, for an agenda or a pack, also when the meetings since the last one held were never
marked held (the example committee opened months after its last scheduled meeting): the
meeting the attention strip calls next. The minutes still open on the last meeting held."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from desktop_app.ui.printing.dialog import PrintDialog


def test_print_dialog_opens_on_the_next_meeting(qtbot, demo_db, open_window, monkeypatch):
    # after every example meeting: 23 Nov 2021 .. 22 Mar 2022 are still "scheduled"
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2022-04-05")
    window = open_window(demo_db)
    strip_next = window.strip.next_meeting
    assert strip_next is not None
    assert strip_next.date == dt.date(2022, 3, 22)
    window.tracker.setFocus()
    qtbot.keyClick(window, QKeySequence(QKeySequence.StandardKey.Print)[0].key(),
                   QKeySequence(QKeySequence.StandardKey.Print)[0].keyboardModifiers())
    dialog = window.commands.dialog
    assert isinstance(dialog, PrintDialog)
    assert dialog.isVisible()
    try:
        options = dialog.options
        button = options.kind_buttons["agenda"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, button.height() // 2))
        assert options.kind() == "agenda"
        assert options.meeting() == strip_next.date          # not 12 October 2021, the last held
        assert options.meeting_combo.currentText() == "Tue 22 Mar 2022 \u2013 next meeting"
        qtbot.mouseClick(options.kind_buttons["minutes"], Qt.MouseButton.LeftButton,
                         pos=QPoint(8, button.height() // 2))
        assert options.meeting() == dt.date(2021, 10, 12)    # the minutes: the last held
    finally:
        assert dialog.wait_idle()
        dialog.done(0)
