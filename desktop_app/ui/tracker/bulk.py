"""Bulk changes to the actions selected in the Tracker: reported complete at a meeting, a new
owner, a new due date. A bar over the grid offers them while two or more rows are selected; each
opens a small dialog (``open()``, no nested event loop) and the change is made through the
controller as one undo step (services.actions_bulk: one transaction, an audit entry per record).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from desktop_app.domain.records import ActionRow
from desktop_app.ui.app_state import long_date, today
from desktop_app.ui.errors import Failed, first_line
from desktop_app.ui.tracker.action_detail import confirm_open_reported, editable_combo
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.detail_parts import buddy_label

if TYPE_CHECKING:
    from desktop_app.services.actions_bulk import ActionEdit


class BulkBar(QWidget):
    """"3 actions selected: [Reported complete...] [New owner...] [New due date...]
    [Chase owners...] [Print...]"."""

    chosen = Signal(str)   # "report", "owner", "due", "chase" or "print"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bulkBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("bulkCount")
        lay.addWidget(self.label)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip in (("report", "Reported complete\u2026",
                                "Mark the selected actions reported complete at a meeting"),
                               ("owner", "New owner\u2026", "Give the selected actions a new owner"),
                               ("due", "New due date\u2026",
                                "Give the selected actions a new due date"),
                               ("chase", "Chase owners\u2026",
                                "Chase the owners of the selected actions"),
                               ("print", "Print\u2026",
                                "Save the selected actions as an action log (PDF)")):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self.buttons[key] = button
            lay.addWidget(button)
        lay.addStretch(1)
        self.hide()

    def set_count(self, count: int) -> None:
        self.label.setText(f"{count} actions selected:")
        self.setVisible(count > 1)


class BulkDialog(QDialog):
    """One field and OK / Cancel; ``submit(value)`` makes the change (raising ValueError or
    Failed keeps the dialog open, the message shown in it)."""

    def __init__(self, title: str, label: str, field: QWidget, read: Callable[[], object],
                 submit: Callable[[object], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.field, self._read, self._submit = field, read, submit
        lay = QVBoxLayout(self)
        intro = QLabel(title)    # the title bar may be far from the eye: say it here too
        intro.setObjectName("bulkIntro")
        intro.setStyleSheet("font-weight: 600;")
        lay.addWidget(intro)
        form = QFormLayout()
        form.addRow(buddy_label(label, getattr(field, "line", field)), field)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        lay.addWidget(self.error)
        # imported here: importing it makes its Python enum classes, at every start otherwise
        from PySide6.QtWidgets import QDialogButtonBox
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        field.setFocus()

    def submit(self) -> None:
        try:
            value = self._read()
            self._submit(value)
        except ValueError as exc:
            self.error.setText(first_line(str(exc)))
            self.error.show()
            return
        except Failed:
            return
        self.accept()


def _meeting_combo(meetings: list[tuple[int, dt.date]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName("Meeting the completion was reported to")
    for mid, day in meetings:
        combo.addItem(long_date(day), mid)
    upcoming = [i for i, (_mid, day) in enumerate(meetings) if day >= today()]
    combo.setCurrentIndex(upcoming[0] if upcoming else combo.count() - 1)
    return combo


def bulk_dialog(key: str, rows: list[ActionRow], owners: list[str],
                meetings_of: Callable[[int], list[tuple[int, dt.date]]],
                run: Callable[[list[ActionEdit], str], object],
                parent: QWidget) -> BulkDialog | None:
    """The dialog for one bulk change of ``rows`` (None when refused, after saying why)."""
    from desktop_app.services.actions_bulk import ActionEdit   # on first use (issue 18)
    from desktop_app.ui.errors import show_error
    n = len(rows)
    if key == "owner":
        combo = editable_combo("New owner")
        combo.addItems(owners)
        combo.setEditText("")
        return BulkDialog(f"A new owner for the {n} selected actions", "&Owner", combo,
                          lambda: _required(combo.currentText(), "Type the new owner."),
                          lambda v: run([ActionEdit(r.id, fields={"owner": v}) for r in rows],
                                        f"New owner for {n} actions"), parent)
    if key == "due":
        date = DateEdit(allow_blank=False)
        date.setAccessibleName("New due date")
        return BulkDialog(f"A new due date for the {n} selected actions", "D&ue", date,
                          lambda: _required(date.date(), "Type the new due date."),
                          lambda v: run([ActionEdit(r.id, fields={"due_date": v}) for r in rows],
                                        f"New due date for {n} actions"), parent)
    committees = {r.committee_id for r in rows}
    if len(committees) != 1:
        show_error(parent, "Choose actions of one committee to report complete at its meeting.")
        return None
    waiting = [r for r in rows if r.reported_complete_on is None]
    meetings = meetings_of(committees.pop())
    if not waiting or not meetings:
        show_error(parent, "The selected actions are all reported complete already."
                   if not waiting else "The committee has no meetings to report to.")
        return None
    combo = _meeting_combo(meetings)

    def report(meeting_id: object) -> object:
        if not confirm_open_reported(parent, waiting):
            raise Failed("not confirmed")
        return run([ActionEdit(r.id, reported_at=int(meeting_id)) for r in waiting],  # type: ignore[arg-type]
                   f"Report {len(waiting)} actions complete")

    dialog = BulkDialog(f"Report the {len(waiting)} selected actions complete at the meeting",
                        "&Meeting", combo,
                        combo.currentData, report, parent)
    dialog.field.setFocus(Qt.FocusReason.OtherFocusReason)
    return dialog


def _required(value, message: str):
    """``value`` (text trimmed), or ValueError(message) when it is blank: a bulk change never
    clears a field (the detail pane refuses to clear a due date too)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(message)
    return value.strip() if isinstance(value, str) else value
