"""Dialogs of the Work programme tab: add / edit an item, and move an item to another meeting
with the reason (kept in the item's history)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingStatus, WorkFormat, WorkStatus
from desktop_app.domain.records import MeetingRow, WorkItemRow
from desktop_app.services.clock import today
from desktop_app.ui.meetings.meetings_model import kind_label
from desktop_app.ui.meetings.meeting_dialogs import SCRUTINY_TYPES, FormDialog

UNSCHEDULED_TEXT = "To be scheduled"
_MEETING_FORMATS = (WorkFormat.AGENDA_ITEM, WorkFormat.ANNUAL_REPORT)


def _key(day: dt.date | None) -> str:
    """Combo data for a meeting: its ISO date, "" for unscheduled (plain strings survive Qt)."""
    return day.isoformat() if day else ""


def _day(key: str | None) -> dt.date | None:
    return dt.date.fromisoformat(key) if key else None


def upcoming_first(meetings) -> list[MeetingRow]:
    """Meetings still to come (soonest first), then past ones (latest first)."""
    now = today()
    ahead = sorted((m for m in meetings if m.date >= now), key=lambda m: m.date)
    past = sorted((m for m in meetings if m.date < now), key=lambda m: m.date, reverse=True)
    return ahead + past


def meeting_choice_text(m: MeetingRow) -> str:
    text = f"{dates.format_uk(m.date, 'full')} \u2013 {kind_label(m.kind)}"
    if m.status == MeetingStatus.HELD:
        text += " (held)"
    return text


def _text_edit(text: str, name: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class WorkItemDialog(FormDialog):
    """Add (``item`` None) or edit a work programme item.

    The meeting of an existing item is changed with "Move to meeting…" so that the reason is
    recorded; here it is shown, not edited."""

    def __init__(self, parent=None, item: WorkItemRow | None = None,
                 meetings: list[MeetingRow] = (), format: str = "agenda_item",
                 meeting_id: int | None = None, on_submit=None):
        super().__init__("Edit work programme item" if item else "New work programme item",
                         parent, on_submit)
        self.item = item
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Format")
        for f in WorkFormat:
            self.format_combo.addItem(f.label, f.value)
        self.format_combo.setCurrentIndex(
            max(0, self.format_combo.findData(item.format if item else format)))
        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName("Meeting")
        self.meeting_combo.addItem(UNSCHEDULED_TEXT, "")
        for m in upcoming_first(meetings):
            if m.status != MeetingStatus.CANCELLED or (item and item.meeting_id == m.id):
                self.meeting_combo.addItem(meeting_choice_text(m), _key(m.date))
        chosen = item.meeting_date if item else next(
            (m.date for m in meetings if m.id == meeting_id), None)
        if chosen is not None:
            self.meeting_combo.setCurrentIndex(max(0, self.meeting_combo.findData(_key(chosen))))
        self.meeting_note = QLabel("Use \u201cMove to meeting\u2026\u201d to change the meeting, "
                                   "so the reason is kept.")
        self.meeting_note.setStyleSheet("color: #6b6b6b;")
        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setAccessibleName("Title")
        self.scrutiny_combo = QComboBox()
        self.scrutiny_combo.setEditable(True)
        self.scrutiny_combo.addItems(SCRUTINY_TYPES)
        self.scrutiny_combo.setCurrentText(item.scrutiny_type if item else "")
        self.scrutiny_combo.setAccessibleName("Type of scrutiny")
        self.origin_edit = _text_edit(item.origin if item else "", "Origin")
        self.lead_edit = QLineEdit(item.lead if item else "")
        self.lead_edit.setAccessibleName("Lead officer(s)")
        self.position_edit = _text_edit(item.position if item else "", "Current position")
        self.target_edit = QLineEdit(item.target if item else "")
        if item and not item.target and item.target_date:
            self.target_edit.setText(dates.format_uk(item.target_date))
        self.target_edit.setPlaceholderText("e.g. Summer 2021, June / July 2021 or 12 October 2021")
        self.target_edit.setAccessibleName("Target date")
        self.target_hint = QLabel()
        self.target_hint.setStyleSheet("color: #6b6b6b;")
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Status")
        for s in WorkStatus:
            self.status_combo.addItem(s.label, s.value)
        if item:
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(item.status)))

        self.form.addRow("&Format:", self.format_combo)
        self.form.addRow("&Meeting:", self.meeting_combo)
        if item:
            self.form.addRow("", self.meeting_note)
            self.meeting_combo.setEnabled(False)
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("Type of &scrutiny:", self.scrutiny_combo)
        self.form.addRow("&Origin:", self.origin_edit)
        self.form.addRow("&Lead officer(s):", self.lead_edit)
        self.form.addRow("Current &position:", self.position_edit)
        self.form.addRow("T&arget date:", self.target_edit)
        self.form.addRow("", self.target_hint)
        if item:
            self.form.addRow("St&atus:", self.status_combo)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.target_edit.textChanged.connect(self._target_changed)
        self._format_changed()
        self._target_changed()
        self.setMinimumWidth(640)

    def _format_changed(self, *_args) -> None:
        agenda = self.format_combo.currentData() in _MEETING_FORMATS
        self.form.setRowVisible(self.meeting_combo, agenda)
        if self.item:
            self.form.setRowVisible(self.meeting_note, agenda)

    def _target_changed(self, *_args) -> None:
        text = self.target_edit.text().strip()
        exact = dates.parse_uk_date(text)
        self.form.setRowVisible(self.target_hint, bool(text))
        if not text:
            self.target_hint.setText("")
        elif exact:
            self.target_hint.setText(f"Read as {dates.format_uk(exact, 'full')}")
        else:
            self.target_hint.setText("Kept as written (not an exact date)")

    def values(self) -> dict:
        target = self.target_edit.text().strip()
        fmt = self.format_combo.currentData()
        return {"title": self.title_edit.text().strip(), "format": fmt,
                "meeting": _day(self.meeting_combo.currentData()) if fmt in _MEETING_FORMATS
                else None,
                "scrutiny_type": self.scrutiny_combo.currentText().strip(),
                "origin": self.origin_edit.toPlainText().strip(),
                "lead": self.lead_edit.text().strip(),
                "position": self.position_edit.toPlainText().strip(),
                "target": target, "target_date": dates.parse_uk_date(target),
                "status": self.status_combo.currentData() if self.item else None}

    def validate(self) -> str | None:
        if not self.values()["title"]:
            return "Give the item a title."
        return None


class MoveDialog(FormDialog):
    """Ask where an item goes and why. ``to_date`` preselects a meeting (None = unscheduled)."""

    def __init__(self, parent=None, item: WorkItemRow | None = None,
                 meetings: list[MeetingRow] = (), to_date: dt.date | None = None,
                 preselect: bool = False, on_submit=None):
        super().__init__("Move to meeting", parent, on_submit)
        self.item = item
        where = (dates.format_uk(item.meeting_date, "full") if item and item.meeting_date
                 else UNSCHEDULED_TEXT)
        heading = QLabel(f"<b>{item.title if item else ''}</b><br>Now: {where}")
        heading.setWordWrap(True)
        self.layout_.insertWidget(0, heading)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName("Move to")
        if item is None or item.meeting_date is not None:
            self.meeting_combo.addItem(UNSCHEDULED_TEXT, "")
        for m in upcoming_first(meetings):
            if m.status == MeetingStatus.CANCELLED or (item and m.id == item.meeting_id):
                continue
            self.meeting_combo.addItem(meeting_choice_text(m), _key(m.date))
        if preselect or to_date is not None:
            index = self.meeting_combo.findData(_key(to_date))
        else:
            # Most moves are deferrals: suggest the next meeting still to come after this one.
            after = item.meeting_date if item and item.meeting_date else dt.date.min
            index = next((self.meeting_combo.findData(_key(m.date)) for m in meetings
                          if m.date > after and m.status == MeetingStatus.SCHEDULED
                          and self.meeting_combo.findData(_key(m.date)) >= 0), 0)
        self.meeting_combo.setCurrentIndex(max(0, index))
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("Reason")
        self.reason_edit.setPlaceholderText("e.g. Report not ready; agreed at chair's briefing")
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("color: #6b6b6b;")
        self.form.addRow("Move &to:", self.meeting_combo)
        self.form.addRow("&Reason:", self.reason_edit)
        self.form.addRow("", self.preview_label)
        self.meeting_combo.currentIndexChanged.connect(self._preview)
        self.reason_edit.textChanged.connect(self._preview)
        self._preview()
        self.reason_edit.setFocus()
        self.setMinimumWidth(560)

    def _preview(self, *_args) -> None:
        to = _day(self.meeting_combo.currentData())
        src = self.item.meeting_date if self.item else None
        deferral = src is not None and (to is None or to > src)
        where = (f"{dates.format_uk(src) if src else 'To be scheduled'} \u2192 "
                 f"{dates.format_uk(to) if to else 'to be scheduled'}")
        self.preview_label.setText(
            f"{'Deferred' if deferral else 'Moved'}: {where}. The move and its reason are added "
            "to the item's history; its current position is kept.")

    def values(self) -> dict:
        return {"to_date": _day(self.meeting_combo.currentData()),
                "reason": self.reason_edit.text().strip()}

    def validate(self) -> str | None:
        if self.meeting_combo.count() == 0:
            return "There is no other meeting to move the item to."
        if not self.values()["reason"]:
            return "Say why the item is moving: the reason is kept in its history."
        return None
