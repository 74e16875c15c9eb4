"""The detail pane of a recommendation: its wording, the executive's response and verdict (with
the s.9FE two-month date), implementation progress, and its updates and change history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.services.workspace import Database
from desktop_app.domain.enums import ImplementationStatus, Verdict
from desktop_app.domain.records import RecommendationRow
from desktop_app.ui.app_state import long_date, today
from desktop_app.ui.tracker.recommendations_model import verdict_label
from desktop_app.ui.tracker.action_detail import fill_meetings
from desktop_app.ui.widgets.detail_parts import (DetailPane, TextArea, button_row,
                                               dated_update_rows, form_layout, section,
                                               set_texts_quietly, since_meeting_chips)
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.models.optional_columns import as_written


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for label, value in items:
        combo.addItem(label, value)
    return combo


VERDICTS = [(verdict_label(v.value), v.value) for v in Verdict]
STATUSES = [(s.label, s.value) for s in ImplementationStatus]


class RecommendationDetail(DetailPane):
    save_requested = Signal(object, dict)
    response_requested = Signal(object, str, str, object)     # row, response, verdict, date
    update_requested = Signal(object, object, str, str)       # row, date, text, status

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.row: RecommendationRow | None = None
        self._meetings: list[tuple[int, dt.date]] = []
        lay = self._build_frame("Recommendation details", "No recommendation selected")

        # -- the recommendation
        lay.addWidget(section("Recommendation"))
        form = form_layout()
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Meeting that made the recommendation")
        self.item = QLineEdit()
        self.item.setAccessibleName("Agenda item")
        self.label = QLineEdit()
        self.label.setAccessibleName("Label, e.g. (a)")
        self.label.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 10)
        self.text = TextArea(4, "Recommendation")
        self.addressee = QLineEdit()
        self.addressee.setAccessibleName("Addressed to")
        self.sent_on = DateEdit()
        self.sent_on.setAccessibleName("Date sent to the executive")
        self.status = _combo("Implementation status", STATUSES)
        form.addRow("&Meeting", self.meeting)
        form.addRow("Agenda &item", self.item)
        form.addRow("&Label", self.label)
        form.addRow("&Wording", self.text)
        form.addRow("Addressed &to", self.addressee)
        form.addRow("&Sent on", self.sent_on)
        form.addRow("Stat&us", self.status)
        lay.addLayout(form)
        self._add_save_buttons(lay, "recommendation")

        # -- executive response
        lay.addWidget(section("Executive response"))
        self.due_text = QLabel()
        self.due_text.setWordWrap(True)
        lay.addWidget(self.due_text)
        rform = form_layout()
        self.response = TextArea(3, "Executive response")
        self.verdict = _combo("Verdict", VERDICTS)
        self.response_on = DateEdit(allow_blank=False)
        self.response_on.setAccessibleName("Date the response was received")
        rform.addRow("&Response", self.response)
        rform.addRow("&Verdict", self.verdict)
        rform.addRow("Recei&ved on", self.response_on)
        lay.addLayout(rform)
        self.response_button = QPushButton("Record response")
        self.response_button.setAccessibleName("Record the executive's response")
        button_row(lay, self.response_button)

        # -- implementation update
        lay.addWidget(section("Implementation update"))
        uform = form_layout()
        self.update_on, self.update_text = dated_update_rows(
            uform, "Date of the update", "New implementation update",
            "What has been done towards it?")
        self.update_status = _combo("Status after the update", [("(unchanged)", "")] + STATUSES)
        uform.addRow("Status &after", self.update_status)
        lay.addLayout(uform)
        self.add_update_button = QPushButton("Add update")
        self.add_update_button.setAccessibleName("Add implementation update")
        button_row(lay, self.add_update_button)

        self._add_log(lay, db, "recommendations", "rec_detail")

        for w in (self.item, self.label, self.addressee):
            w.textChanged.connect(self._changed)
        self.text.textChanged.connect(self._changed)
        self.sent_on.line.textChanged.connect(self._changed)
        self.status.currentIndexChanged.connect(self._changed)
        self.meeting.currentIndexChanged.connect(self._changed)
        self._connect_save()
        self.response_button.clicked.connect(self._record_response)
        self.add_update_button.clicked.connect(self._add_update)
        self.show_row(None)

    def set_choices(self, meetings: list[tuple[int, dt.date]], *_ignored) -> None:
        self._meetings = meetings

    def show_row(self, row: RecommendationRow | None, *, log: bool = True) -> None:
        if self._show_placeholder(row, "No recommendation selected",
                                  "Choose a recommendation in the list to see and edit it."):
            return
        self.title.setText(f"Recommendation {row.label}".strip())
        bits = [f"Made at the meeting on {long_date(row.meeting_date)}" if row.meeting_date
                else "No meeting", row.committee]
        self.subtitle.setText("\n".join(t for t in (" \u00b7 ".join(bits), as_written(row)) if t))
        chips = since_meeting_chips(row)
        if row.response_overdue:
            chips.append(("overdue", "RESPONSE OVERDUE"))
        if row.status == ImplementationStatus.COMPLETED:
            chips.append(("done", "COMPLETED"))
        self.chips.set_chips(chips)
        set_texts_quietly([(self.item, row.item), (self.label, row.label), (self.text, row.text),
                           (self.addressee, row.addressee)])
        fill_meetings(self.meeting, self._meetings, row.meeting_id, blank=None)
        self.sent_on.setDate(row.sent_on)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(row.status)))
        self.status.blockSignals(False)
        self.response.setText(row.response)
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(row.verdict)))
        self.response_on.setDate(today())
        self.update_on.setDate(today())
        self.update_text.clear()
        self.update_status.setCurrentIndex(0)
        self._show_due(row)
        if log:
            self.log.show_record(row.id, row.updates)
        self._changed()

    def _show_due(self, row: RecommendationRow) -> None:
        if row.response_due is None:
            text = "No date sent, so no response date."
        elif row.response_overdue:
            text = (f"<b style='color:#b3261e'>OVERDUE</b> \u2014 the executive should have "
                    f"responded by {long_date(row.response_due)} (two months from sending, "
                    "s.9FE Local Government Act 2000).")
        elif row.verdict == Verdict.AWAITING and not row.response.strip():
            text = (f"Awaiting a response, due by {long_date(row.response_due)} (two months "
                    "from sending, s.9FE).")
        elif row.verdict == Verdict.AWAITING:
            text = (f"Responded (the verdict is not recorded yet). The response was due by "
                    f"{long_date(row.response_due)}.")
        else:
            written = f" (as written: \u201c{row.verdict_word}\u201d)" if row.verdict_word else ""
            text = f"{verdict_label(row.verdict)}{written}. The response was due by " \
                   f"{long_date(row.response_due)}."
        self.due_text.setText(text)

    # ---------------------------------------------------------------- editing
    def changes(self) -> dict:
        row = self.row
        if row is None:
            return {}
        values = {"item_title": self.item.text().strip(), "label": self.label.text().strip(),
                  "text": self.text.text().strip(), "addressee": self.addressee.text().strip(),
                  "status": self.status.currentData()}
        current = {"item_title": row.item, "label": row.label, "text": row.text,
                   "addressee": row.addressee, "status": row.status}
        out = {k: v for k, v in values.items() if v != current[k]}
        sent = self.sent_on.date()
        if sent != row.sent_on:
            out["sent_on"] = sent
        meeting = self.meeting.currentData()
        if meeting is not None and meeting != row.meeting_id:
            out["meeting_id"] = meeting
        return out

    def _record_response(self) -> None:
        if self.row is None:
            return
        from desktop_app.ui.errors import show_error
        text = self.response.text().strip()
        verdict = self.verdict.currentData()
        if not text and verdict == Verdict.AWAITING:
            show_error(self, "Type the executive's response or choose a verdict first.")
            return
        on = self._date_or_today(self.response_on)
        if on is None:
            return
        self.response_requested.emit(self.row, text, verdict, on)

    def _add_update(self) -> None:
        if self.row is None:
            return
        from desktop_app.ui.errors import show_error
        text = self.update_text.text().strip()
        if not text:
            show_error(self, "Type the update first.")
            return
        on = self._date_or_today(self.update_on)
        if on is None:
            return
        self.update_requested.emit(self.row, on, text, self.update_status.currentData() or "")
