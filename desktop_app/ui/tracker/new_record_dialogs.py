"""Dialogs for a new action and a new recommendation (Ctrl+N in the Tracker).

They are opened with ``open()`` (window-modal, no nested event loop) and hand the values to
``on_submit``; if that raises, the message shows inside the dialog and it stays open, so
nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from desktop_app.ui.app_state import long_date, today
from desktop_app.ui.errors import Failed, first_line
from desktop_app.ui.tracker.action_detail import add_due_row, editable_combo
from desktop_app.ui.widgets.detail_parts import TextArea, muted
from desktop_app.ui.widgets.date_edit import DateEdit

Meetings = Callable[[str], list[tuple[int, dt.date]]]


class _RecordDialog(QDialog):
    def __init__(self, title: str, committees: list[str], committee: str | None,
                 meetings: Meetings, on_submit: Callable[[dict], object],
                 parent: QWidget | None = None, *, meeting_required: bool):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("newRecordDialog")
        self.setModal(True)
        self._meetings, self._on_submit = meetings, on_submit
        self._meeting_required = meeting_required
        self.result_row = None
        lay = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lay.addLayout(self.form)
        self.committee = QComboBox()
        self.committee.setAccessibleName("Committee")
        self.committee.addItems(committees)
        if committee and committee in committees:
            self.committee.setCurrentText(committee)
        self.committee.setEnabled(len(committees) > 1 and not committee)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Meeting")
        self.form.addRow("&Committee", self.committee)
        self.form.addRow("&Meeting", self.meeting)
        self.committee.currentTextChanged.connect(self._fill_meetings)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._tail = lay
        self._fill_meetings()

    def _finish_layout(self, ok_text: str) -> None:
        self._tail.addWidget(self.error)
        self._tail.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def _fill_meetings(self, *_args) -> None:
        rows = self._meetings(self.committee.currentText()) if self.committee.currentText() else []
        self.meeting.clear()
        if not self._meeting_required:
            self.meeting.addItem("(no meeting)", None)
        for _mid, day in rows:
            self.meeting.addItem(long_date(day), day)
        held = [day for _mid, day in rows if day <= today()]
        if held:
            self.meeting.setCurrentIndex(self.meeting.findData(held[-1]))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def values(self) -> dict:  # pragma: no cover - overridden
        raise NotImplementedError

    def submit(self) -> None:
        try:
            values = self.values()
            self.result_row = self._on_submit(values)
        except Failed:
            return
        except ValueError as exc:
            self.show_error(first_line(exc)[:1].upper() + first_line(exc)[1:])
            return
        self.accept()


class NewActionDialog(_RecordDialog):
    def __init__(self, committees: list[str], committee: str | None, meetings: Meetings,
                 owners: list[str], directorates: list[str],
                 on_submit: Callable[[dict], object], parent: QWidget | None = None):
        super().__init__("New action", committees, committee, meetings, on_submit, parent,
                         meeting_required=False)
        self.ref = QLineEdit()
        self.ref.setPlaceholderText("next number")
        self.ref.setAccessibleName("Action number")
        self.text = TextArea(3, "Action")
        self.text.setPlaceholderText("What was agreed, e.g. Circulate the KPIs to the committee")
        self.owner = editable_combo("Owner")
        self.owner.addItems(owners)
        self.owner.setEditText("")
        self.directorate = editable_combo("Directorate")
        self.directorate.addItems(directorates)
        self.directorate.setEditText("")
        self.form.addRow("&Number", self.ref)
        self.form.addRow("&Action", self.text)
        self.form.addRow("&Owner", self.owner)
        self.form.addRow("&Directorate", self.directorate)
        self.due, self.due_text = add_due_row(self.form)
        self._finish_layout("Add action")
        self.text.setFocus()

    def values(self) -> dict:
        text = self.text.text().strip()
        if not text:
            raise ValueError("type what the action is")
        return {"committee": self.committee.currentText(), "meeting": self.meeting.currentData(),
                "fields": {"text": text, "ref": self.ref.text().strip(),
                           "owner": self.owner.currentText().strip(),
                           "directorate": self.directorate.currentText().strip(),
                           "due": self.due.date(), "due_text": self.due_text.text().strip()}}


class NewRecommendationDialog(_RecordDialog):
    def __init__(self, committees: list[str], committee: str | None, meetings: Meetings,
                 on_submit: Callable[[dict], object], parent: QWidget | None = None):
        super().__init__("New recommendation", committees, committee, meetings, on_submit,
                         parent, meeting_required=True)
        self.item = QLineEdit()
        self.item.setAccessibleName("Agenda item")
        self.label = QLineEdit()
        self.label.setPlaceholderText("e.g. (a)")
        self.label.setAccessibleName("Label")
        self.text = TextArea(4, "Recommendation")
        self.addressee = QLineEdit("Executive")
        self.addressee.setAccessibleName("Addressed to")
        self.sent_on = DateEdit()
        self.sent_on.setAccessibleName("Date sent to the executive")
        self.form.addRow("Agenda &item", self.item)
        self.form.addRow("&Label", self.label)
        self.form.addRow("&Wording", self.text)
        self.form.addRow("Addressed &to", self.addressee)
        self.form.addRow("&Sent on", self.sent_on)
        self.form.addRow("", muted("Leave 'Sent on' blank for the meeting date. The executive "
                                   "must respond within two months (s.9FE)."))
        self._finish_layout("Add recommendation")
        self.text.setFocus()

    def values(self) -> dict:
        text = self.text.text().strip()
        if not text:
            raise ValueError("type the recommendation")
        if self.meeting.currentData() is None:
            raise ValueError("choose the meeting that made the recommendation "
                             "(add the meeting in the Meetings tab first)")
        return {"committee": self.committee.currentText(), "meeting": self.meeting.currentData(),
                "fields": {"text": text, "item": self.item.text().strip(),
                           "label": self.label.text().strip(),
                           "addressee": self.addressee.text().strip() or "Executive",
                           "sent_on": self.sent_on.date()}}
