"""Dialogs of the Meetings tab: a meeting (date, time, venue, kind, deadline overrides) and an
agenda item. Also the small form-dialog base both tabs' dialogs share.

Dialogs are opened with ``open()`` (window-modal, no nested event loop). They hand their
values to an ``on_submit`` callable when OK is pressed; if that raises a ServiceError the
message is shown inside the dialog and it stays open, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QGridLayout, QGroupBox, QLabel,
                               QLineEdit, QPlainTextEdit, QTimeEdit, QVBoxLayout,
                               QWidget)

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingKind
from desktop_app.domain.records import AgendaItemRow, MeetingRow
from desktop_app.services.errors import ServiceError

DATE_FORMAT = "dddd d MMMM yyyy"

SCRUTINY_TYPES = ("", "Pre-decision scrutiny", "Performance review",
                  "Performance review \u2013 annual report", "Policy review and development",
                  "Pre-decision call-in of Policy Framework item", "Call-in",
                  "Task and Finish Group")

# Schedule 12A to the Local Government Act 1972, Part 1 (England).
EXEMPT_PARAGRAPHS = (
    ("1", "Information relating to any individual"),
    ("2", "Information likely to reveal the identity of an individual"),
    ("3", "Financial or business affairs of any particular person"),
    ("4", "Labour relations consultations or negotiations"),
    ("5", "Legal professional privilege"),
    ("6", "Notices, orders or directions under an enactment"),
    ("7", "Prevention, investigation or prosecution of crime"),
)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FormDialog(QDialog):
    """A titled form with an inline error line and OK / Cancel."""

    def __init__(self, title: str, parent: QWidget | None = None,
                 on_submit: Callable[[dict], object] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.on_submit = on_submit
        self.result_value: object = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.setAccessibleName("Problem")
        self.error_label.hide()
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                           | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.button_box)

    def values(self) -> dict:  # pragma: no cover - overridden
        return {}

    def validate(self) -> str | None:
        return None

    def show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        problem = self.validate()
        if problem:
            self.show_problem(problem)
            return
        if self.on_submit is not None:
            try:
                self.result_value = self.on_submit(self.values())
            except ServiceError as exc:
                self.show_problem(str(exc))
                return
        super().accept()


class _DeadlineRow(QWidget):
    """The rule's deadline, with an optional different date for this meeting."""

    def __init__(self, what: str, clear_days: int, parent=None):
        super().__init__(parent)
        self.what, self.clear_days = what, clear_days
        self.rule_label = QLabel()
        self.override_check = QCheckBox("Use a different date:")
        self.override_check.setAccessibleName(f"Different {what.lower()} deadline")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setEnabled(False)
        self.date_edit.setAccessibleName(f"{what} deadline")
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet("color: #8a5a00;")
        self.warning_label.setWordWrap(True)
        self.override_check.toggled.connect(self.date_edit.setEnabled)
        self.override_check.toggled.connect(self._update_warning)
        self.date_edit.dateChanged.connect(self._update_warning)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.rule_label, 0, 0, 1, 2)
        grid.addWidget(self.override_check, 1, 0)
        grid.addWidget(self.date_edit, 1, 1)
        grid.addWidget(self.warning_label, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.rule: dt.date | None = None

    def set_rule(self, rule: dt.date) -> None:
        self.rule = rule
        self.rule_label.setText(f"<b>{dates.format_uk(rule, 'full')}</b> "
                                f"({self.clear_days} clear working days before)")
        if not self.override_check.isChecked():
            self.date_edit.setDate(to_qdate(rule))
        self._update_warning()

    def effective(self) -> dt.date | None:
        return from_qdate(self.date_edit.date()) if self.override_check.isChecked() else self.rule

    def override(self) -> dt.date | None:
        if not self.override_check.isChecked():
            return None
        day = from_qdate(self.date_edit.date())
        return None if day == self.rule else day

    def _update_warning(self, *_args) -> None:
        day = self.effective()
        if day and dates.is_bank_holiday(day):
            self.warning_label.setText(f"{dates.format_uk(day, 'full')} is a bank holiday: "
                                       "consider an earlier date.")
            self.warning_label.show()
        else:
            self.warning_label.hide()


class MeetingDialog(FormDialog):
    """Add or edit a meeting. ``meeting`` None = a new one, pre-filled from ``defaults``."""

    def __init__(self, parent=None, meeting: MeetingRow | None = None,
                 defaults: dict | None = None, on_submit=None):
        super().__init__("Edit meeting" if meeting else "New meeting", parent, on_submit)
        self.meeting = meeting
        d = defaults or {}
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setAccessibleName("Meeting date")
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("h:mm ap")
        self.time_edit.setAccessibleName("Start time")
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText("e.g. Herefordshire Council Offices, Plough Lane, "
                                           "Hereford, HR4 0LE")
        self.venue_edit.setAccessibleName("Venue")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Kind of meeting")
        for kind in MeetingKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.publication = _DeadlineRow("Publication", dates.PUBLICATION_CLEAR_DAYS)
        self.questions = _DeadlineRow("Questions", dates.QUESTIONS_CLEAR_DAYS)
        self.form.addRow("&Date:", self.date_edit)
        self.form.addRow("&Time:", self.time_edit)
        self.form.addRow("&Venue:", self.venue_edit)
        self.form.addRow("&Kind:", self.kind_combo)
        box = QGroupBox("Deadlines")
        inner = QFormLayout(box)
        inner.setVerticalSpacing(12)
        inner.addRow("Publication:", self.publication)
        inner.addRow("Questions:", self.questions)
        self.layout_.insertWidget(1, box)
        self.setMinimumWidth(560)

        day = meeting.date if meeting else d.get("date", dt.date.today())
        time = meeting.time if meeting else d.get("time")
        self.date_edit.setDate(to_qdate(day))
        self.time_edit.setTime(QTime(time.hour, time.minute) if time else QTime(14, 30))
        self.venue_edit.setText(meeting.venue if meeting else d.get("venue", ""))
        kind = meeting.kind if meeting else d.get("kind", "mainstream")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self._refresh_rules()
        if meeting:
            for row, actual in ((self.publication, meeting.publication_deadline),
                                (self.questions, meeting.questions_deadline)):
                if actual != row.rule:
                    row.override_check.setChecked(True)
                    row.date_edit.setDate(to_qdate(actual))
        self.date_edit.dateChanged.connect(self._refresh_rules)

    def _refresh_rules(self, *_args) -> None:
        day = from_qdate(self.date_edit.date())
        self.publication.set_rule(dates.publication_deadline(day))
        self.questions.set_rule(dates.questions_deadline(day))

    def values(self) -> dict:
        t = self.time_edit.time()
        return {"date": from_qdate(self.date_edit.date()),
                "start_time": dt.time(t.hour(), t.minute()),
                "venue": self.venue_edit.text().strip(),
                "kind": self.kind_combo.currentData(),
                "publication_deadline_override": self.publication.override(),
                "questions_deadline_override": self.questions.override()}

    def validate(self) -> str | None:
        v = self.values()
        pub, q = self.publication.effective(), self.questions.effective()
        if pub and pub >= v["date"]:
            return "The publication deadline must be before the meeting."
        if q and q >= v["date"]:
            return "The questions deadline must be before the meeting."
        return None


class AgendaItemDialog(FormDialog):
    def __init__(self, parent=None, item: AgendaItemRow | None = None, number: str = "",
                 meeting_text: str = "", on_submit=None):
        super().__init__("Edit agenda item" if item else "New agenda item", parent, on_submit)
        self.item = item
        if meeting_text:
            heading = QLabel(f"<b>{meeting_text}</b>")
            self.layout_.insertWidget(0, heading)
        self.number_edit = QLineEdit(item.number if item else number)
        self.number_edit.setMaximumWidth(80)
        self.number_edit.setAccessibleName("Item number")
        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("e.g. Children Improvement Plan - progress update")
        self.scrutiny_combo = QComboBox()
        self.scrutiny_combo.setEditable(True)
        self.scrutiny_combo.addItems(SCRUTINY_TYPES)
        self.scrutiny_combo.setAccessibleName("Type of scrutiny")
        self.scrutiny_combo.setCurrentText(item.scrutiny_type if item else "")
        self.purpose_edit = QPlainTextEdit(item.purpose if item else "")
        self.purpose_edit.setPlaceholderText("To receive ... / To review ...")
        self.purpose_edit.setAccessibleName("Purpose")
        self.purpose_edit.setTabChangesFocus(True)
        self.purpose_edit.setFixedHeight(90)
        self.lead_edit = QLineEdit(item.lead_officers if item else "")
        self.lead_edit.setAccessibleName("Lead officer(s)")
        self.exempt_check = QCheckBox("Not for publication (exempt information)")
        self.exempt_check.setAccessibleName("Exempt")
        self.paragraph_combo = QComboBox()
        self.paragraph_combo.setAccessibleName("Schedule 12A paragraph")
        for number_, text in EXEMPT_PARAGRAPHS:
            self.paragraph_combo.addItem(f"{number_} \u2013 {text}", number_)
        self.exempt_check.toggled.connect(self.paragraph_combo.setEnabled)
        if item and item.exempt:
            self.exempt_check.setChecked(True)
            found = self.paragraph_combo.findData(item.exempt_paragraph)
            self.paragraph_combo.setCurrentIndex(max(0, found))
        self.paragraph_combo.setEnabled(self.exempt_check.isChecked())
        self.form.addRow("&No.:", self.number_edit)
        self.form.addRow("T&itle:", self.title_edit)
        self.form.addRow("Type of &scrutiny:", self.scrutiny_combo)
        self.form.addRow("&Purpose:", self.purpose_edit)
        self.form.addRow("&Lead officer(s):", self.lead_edit)
        self.form.addRow("E&xempt:", self.exempt_check)
        self.form.addRow("Schedule 12A para&graph:", self.paragraph_combo)
        self.setMinimumWidth(620)

    def values(self) -> dict:
        return {"number": self.number_edit.text().strip(),
                "title": self.title_edit.text().strip(),
                "scrutiny_type": self.scrutiny_combo.currentText().strip(),
                "purpose": self.purpose_edit.toPlainText().strip(),
                "lead_officers": self.lead_edit.text().strip(),
                "exempt_paragraph": (self.paragraph_combo.currentData()
                                     if self.exempt_check.isChecked() else "")}

    def validate(self) -> str | None:
        v = self.values()
        if not v["number"]:
            return "Give the item a number."
        if not v["title"]:
            return "Give the item a title."
        return None
