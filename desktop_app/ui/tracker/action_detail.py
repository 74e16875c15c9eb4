"""The detail pane of an action: edit its fields, add a dated progress update, mark it complete
or reported complete at a meeting, and read its updates and change history.

The pane only collects what the person typed and emits requests; the Tracker's controller makes
the service calls (with the row's version) and hands back the new row with ``show_row``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from desktop_app.services.workspace import Database
from desktop_app.domain.enums import ActionStatus
from desktop_app.domain.records import ActionRow
from desktop_app.ui.app_state import long_date, short_date, today
from desktop_app.ui.widgets.detail_parts import (DetailPane, TextArea, buddy_label, button_row,
                                               dated_update_rows, form_layout, muted, section,
                                               set_texts_quietly, since_meeting_chips,
                                               tab_after)
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.models.optional_columns import as_written

NO_MEETING = -1
# what ActionDetail._make_fields makes (tests/ui/test_detail_pane_lazy.py holds the list whole)
FIELDS = frozenset({
    "ref", "meeting", "item", "text", "owner", "directorate", "due", "due_text",
    "revert_button", "save_button", "latest", "update_on", "update_text",
    "add_update_button", "status_text", "reopen_button", "complete_on", "complete_button",
    "report_meeting", "report_button", "log"})


def editable_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName(name)
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def add_due_row(form: QFormLayout) -> tuple[DateEdit, QLineEdit]:
    """An action's "Due" row at the foot of ``form``: an exact date, or a target in words
    ("Summer 2022") beside it; returns the two."""
    due = DateEdit()
    due.setAccessibleName("Due date")
    due_text = QLineEdit()
    due_text.setPlaceholderText("or a target, e.g. Summer 2022")
    due_text.setAccessibleName("Target, when there is no exact date")
    row = QHBoxLayout()
    row.addWidget(due)
    row.addWidget(due_text, 1)
    form.addRow(buddy_label("D&ue", due.line), row)   # a layout: no buddy by itself
    return due, due_text


def set_combo_choices(combo: QComboBox, values: list[str], current: str) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(values)
    combo.setEditText(current)
    combo.blockSignals(False)


def fill_meetings(combo: QComboBox, meetings: list[tuple[int, dt.date]], current: int | None,
                  blank: str | None = "(no meeting)") -> None:
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, NO_MEETING)
    for mid, day in meetings:
        combo.addItem(long_date(day), mid)
    index = combo.findData(current if current is not None else NO_MEETING)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class ActionDetail(DetailPane):
    save_requested = Signal(object, dict)            # row, changed fields
    progress_requested = Signal(object, object, str)  # row, date, text
    complete_requested = Signal(object, object)       # row, date
    reopen_requested = Signal(object)
    reported_requested = Signal(object, int)          # row, meeting id
    save_is_default = True

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.row: ActionRow | None = None
        self._meetings: list[tuple[int, dt.date]] = []
        self._fields_made = False
        self._build_frame("Action details", "No action selected",
                          "Choose an action in the list to see and edit it.", "detailBody")
        self.show_row(None)

    def __getattr__(self, name: str):
        # Only for a name not found (Python looks here last): one of the fields, asked for
        # before any action was shown, makes them (see ``_make_fields``).
        if name in FIELDS and not self.__dict__.get("_fields_made", True):
            self._make_fields()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _make_fields(self) -> None:
        """The pane's fields, made when an action is first shown (or a field asked for), not
        with the window (issue 18: ~7 ms of the first paint; the pane shows only its
        placeholder until an action is chosen). They take their place in the Tab order as if
        made with the pane: after it, before what follows it."""
        self._fields_made = True
        lay = self.content.layout()
        assert isinstance(lay, QVBoxLayout)
        made_late = self.window() is not self   # in a window already: Tab order put right
        # -- details
        lay.addWidget(section("Details"))
        form = form_layout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ref = QLineEdit()
        self.ref.setAccessibleName("Action number")
        self.ref.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 16)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Meeting the action came from")
        self.item = QLineEdit()
        self.item.setAccessibleName("Agenda item")
        self.text = TextArea(4, "Action")
        self.owner = editable_combo("Owner")
        self.directorate = editable_combo("Directorate")
        form.addRow("&Number", self.ref)
        form.addRow("&Meeting", self.meeting)
        form.addRow("Agenda &item", self.item)
        form.addRow("&Action", self.text)
        form.addRow("&Owner", self.owner)
        form.addRow("&Directorate", self.directorate)
        self.due, self.due_text = add_due_row(form)
        lay.addLayout(form)
        self._add_save_buttons(lay, "action")

        # -- progress
        lay.addWidget(section("Progress"))
        self.latest = muted()
        lay.addWidget(self.latest)
        prog = form_layout()
        self.update_on, self.update_text = dated_update_rows(
            prog, "Date of the progress update", "New progress update",
            "What has happened since the last update?")
        lay.addLayout(prog)
        self.add_update_button = QPushButton("Add progress update")
        self.add_update_button.setAccessibleName("Add progress update")
        button_row(lay, self.add_update_button)

        # -- status
        lay.addWidget(section("Status"))
        row = QHBoxLayout()
        self.status_text = QLabel()
        self.status_text.setWordWrap(True)
        self.reopen_button = QPushButton("Reopen")
        self.reopen_button.setAccessibleName("Reopen the action")
        row.addWidget(self.status_text, 1)
        row.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        status_form = QFormLayout()
        status_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.complete_on = DateEdit(allow_blank=False)
        self.complete_on.setAccessibleName("Date completed")
        self.complete_button = QPushButton("Mark complete")
        self.complete_button.setAccessibleName("Mark the action complete")
        row = QHBoxLayout()
        row.addWidget(self.complete_on)
        row.addWidget(self.complete_button)
        row.addStretch(1)
        status_form.addRow("Completed on", row)
        self.report_meeting = QComboBox()
        self.report_meeting.setAccessibleName("Meeting the completion was reported to")
        self.report_meeting.setMinimumContentsLength(10)
        self.report_meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.report_button = QPushButton("Mark reported")
        self.report_button.setToolTip("Mark the action reported complete at the chosen meeting")
        self.report_button.setAccessibleName("Mark reported complete at the chosen meeting")
        row = QHBoxLayout()
        row.addWidget(self.report_meeting, 1)
        row.addWidget(self.report_button)
        status_form.addRow("Reported to", row)
        lay.addLayout(status_form)

        # -- log
        self._add_log(lay, self.db, "actions", "action_detail")

        for w in (self.ref, self.item, self.due_text):
            w.textChanged.connect(self._changed)
        self.text.textChanged.connect(self._changed)
        self.owner.editTextChanged.connect(self._changed)
        self.directorate.editTextChanged.connect(self._changed)
        self.meeting.currentIndexChanged.connect(self._changed)
        self.due.line.textChanged.connect(self._changed)
        self._connect_save()
        self.add_update_button.clicked.connect(self._add_update)
        self.complete_button.clicked.connect(self._complete)
        self.reopen_button.clicked.connect(lambda: self.row and self.reopen_requested.emit(self.row))
        self.report_button.clicked.connect(self._report)
        if made_late:
            tab_after(self, self.content)

    # ---------------------------------------------------------------- filling
    def set_choices(self, meetings: list[tuple[int, dt.date]], owners: list[str],
                    directorates: list[str]) -> None:
        self._meetings = meetings
        self._owners, self._directorates = owners, directorates

    def show_row(self, row: ActionRow | None, *, log: bool = True) -> None:
        """Show a row (or nothing). Unsaved edits are replaced."""
        if row is not None and not self._fields_made:
            self._make_fields()
        if self._show_placeholder(row, "No action selected",
                                  "Choose an action in the list to see and edit it."):
            return
        self.title.setText(f"Action {row.ref}" if row.ref else "Action")
        where = f"From the meeting on {long_date(row.meeting_date)}" if row.meeting_date \
            else "Not linked to a meeting"
        self.subtitle.setText("\n".join(t for t in (f"{where} \u00b7 {row.committee}",
                                                     as_written(row)) if t))
        chips = since_meeting_chips(row)
        if row.overdue:
            chips.append(("overdue", "OVERDUE"))
        if row.reported_complete_on:
            chips.append(("done", "REPORTED COMPLETE"))
        elif row.status == ActionStatus.COMPLETED:
            chips.append(("done", "COMPLETED"))
        self.chips.set_chips(chips)
        set_texts_quietly([(self.ref, row.ref), (self.item, row.item), (self.text, row.text),
                           (self.due_text, row.due_text)])
        set_combo_choices(self.owner, getattr(self, "_owners", []), row.owner)
        set_combo_choices(self.directorate, getattr(self, "_directorates", []), row.directorate)
        fill_meetings(self.meeting, self._meetings, row.meeting_id)
        self.due.setDate(row.due_date)
        self.update_on.setDate(today())
        self.update_text.clear()
        self.complete_on.setDate(row.completed_on or today())
        latest = row.progress or "No progress recorded yet."
        self.latest.setText(f"Latest: {latest}")
        self._show_status(row)
        if log:
            self.log.show_record(row.id, row.updates)
        self._changed()

    def _show_status(self, row: ActionRow) -> None:
        due = f"due {long_date(row.due_date)}" if row.due_date else \
            (f"target {row.due_text}" if row.due_text else "no due date")
        if row.reported_complete_on:
            text = (f"Completed{' on ' + long_date(row.completed_on) if row.completed_on else ''}"
                    f" and reported to the meeting on {long_date(row.reported_complete_on)}.")
        elif row.status == ActionStatus.COMPLETED:
            text = (f"Completed{' on ' + long_date(row.completed_on) if row.completed_on else ''}"
                    "; not yet reported to the committee.")
        elif row.overdue:
            text = f"<b style='color:#b3261e'>OVERDUE</b> \u2014 open, {due}."
        else:
            text = f"Open, {due}."
        self.status_text.setText(text)
        done = row.status == ActionStatus.COMPLETED
        self.complete_button.setEnabled(not done)
        self.complete_on.setEnabled(not done)
        self.reopen_button.setEnabled(done and not row.reported_complete_on)
        upcoming = [m for m in self._meetings if m[1] >= today()]
        default = upcoming[0][0] if upcoming else (self._meetings[-1][0] if self._meetings else None)
        fill_meetings(self.report_meeting, self._meetings, default, blank=None)
        self.report_meeting.setEnabled(not row.reported_complete_on and bool(self._meetings))
        self.report_button.setEnabled(not row.reported_complete_on and bool(self._meetings))

    # ---------------------------------------------------------------- editing
    def changes(self) -> dict:
        """Fields that differ from the row. Raises ValueError for a date that is not one."""
        row = self.row
        if row is None:
            return {}
        out: dict = {}
        values = {"ref": self.ref.text().strip(), "item_title": self.item.text().strip(),
                  "text": self.text.text().strip(), "owner": self.owner.currentText().strip(),
                  "directorate": self.directorate.currentText().strip(),
                  "due_text": self.due_text.text().strip()}
        current = {"ref": row.ref, "item_title": row.item, "text": row.text, "owner": row.owner,
                   "directorate": row.directorate, "due_text": row.due_text}
        out.update({k: v for k, v in values.items() if v != current[k]})
        meeting = self.meeting.currentData()
        if meeting != (row.meeting_id if row.meeting_id is not None else NO_MEETING):
            out["meeting_id"] = None if meeting == NO_MEETING else meeting
        due = self.due.date()
        if due != row.due_date:
            out["due_date"] = due
        return out

    def _add_update(self) -> None:
        text = self.update_text.text().strip()
        if self.row is None:
            return
        from desktop_app.ui.errors import show_error
        if not text:
            show_error(self, "Type the progress update first.")
            self.update_text.setFocus()
            return
        on = self._date_or_today(self.update_on)
        if on is None:
            return
        self.progress_requested.emit(self.row, on, text)

    def _complete(self) -> None:
        if self.row is None:
            return
        on = self._date_or_today(self.complete_on)
        if on is None:
            return
        self.complete_requested.emit(self.row, on)

    def _report(self) -> None:
        if self.row is None or self.report_meeting.currentData() is None:
            return
        if not confirm_open_reported(self, [self.row]):
            return
        self.reported_requested.emit(self.row, int(self.report_meeting.currentData()))


def confirm_open_reported(parent: QWidget, rows: list[ActionRow]) -> bool:
    """Reporting complete an action that is still open also completes it: ask first."""
    still_open = [r for r in rows if r.status != ActionStatus.COMPLETED]
    if not still_open:
        return True
    names = ", ".join(r.ref or str(r.id) for r in still_open[:8]) + \
        ("\u2026" if len(still_open) > 8 else "")
    # imported here: importing it makes its Python enum classes, at every start otherwise
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(parent)
    box.setObjectName("reportOpenQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Action still open")
    box.setText(f"{'Action' if len(still_open) == 1 else 'Actions'} {names} "
                f"{'is' if len(still_open) == 1 else 'are'} not marked complete.")
    box.setInformativeText("Mark complete and reported complete at the meeting?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def describe(row: ActionRow) -> str:
    return f"action {row.ref or row.id}" + (f" ({short_date(row.meeting_date)})"
                                             if row.meeting_date else "")
