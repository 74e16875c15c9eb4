"""The Attendance dialog of the Meetings tab: each member of the committee Present / Apologies /
Absent / Substitute (named), others in attendance with their role, and the later meeting at
which the minutes were approved.

It only lays out and collects; ``values()`` gives the entries and the approving meeting, which
the controller saves through the services (one undoable edit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from desktop_app.domain import dates
from desktop_app.domain.attendance import Attendee, AttendanceSheet, name_key
from desktop_app.domain.enums import AttendanceKind, MemberRole
from desktop_app.domain.records import MemberRow
from desktop_app.ui.meetings.meeting_dialogs import FormDialog

# a member's choices, and what each stores
PRESENT, APOLOGIES, ABSENT, SUBSTITUTE, NOT_RECORDED = (
    "Present", "Apologies", "Absent", "Substitute", "Not recorded")
MEMBER_CHOICES = (PRESENT, APOLOGIES, ABSENT, SUBSTITUTE, NOT_RECORDED)
OTHER_KINDS = {"In attendance": AttendanceKind.IN_ATTENDANCE, "Present": AttendanceKind.PRESENT,
               "Apologies": AttendanceKind.APOLOGIES}
NOT_APPROVED = "Not yet approved (draft)"


class AttendanceDialog(FormDialog):
    NAME, CHOICE, SUBSTITUTE_NAME = range(3)

    def __init__(self, parent, heading: str, members: list[MemberRow], sheet: AttendanceSheet,
                 later_meetings: list[tuple[int, dt.date]],
                 on_submit: Callable[[dict], object] | None = None):
        super().__init__(f"Attendance \u2013 {heading}", parent, on_submit)
        self.setObjectName("attendanceDialog")
        self.members = members
        self.sheet = sheet
        self.resize(780, 720)

        # -- members of the committee
        box = QGroupBox("Members of the committee")
        self.members_table = QTableWidget(len(members), 3)
        self.members_table.setAccessibleName("Members of the committee")
        self.members_table.setHorizontalHeaderLabels(["Member", "Attendance", "Substitute"])
        self.members_table.verticalHeader().hide()
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.members_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 140)
        header.resizeSection(2, 220)
        self.choices: list[QComboBox] = []
        self.substitutes: list[QLineEdit] = []
        self._kept_roles: dict[int, str] = {}   # a member's role note ("Virtual attendee")
        for row, member in enumerate(members):
            label = member.name + (f" ({member.role.label})" if member.role != MemberRole.COUNCILLOR
                                   else "")
            item = QTableWidgetItem(label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.members_table.setItem(row, self.NAME, item)
            combo = QComboBox()
            combo.addItems(MEMBER_CHOICES)
            combo.setAccessibleName(f"Attendance of {member.name}")
            sub = QLineEdit()
            sub.setPlaceholderText("name of the substitute")
            sub.setAccessibleName(f"Substitute for {member.name}")
            choice, substitute, role = self._state_of(member)
            combo.setCurrentText(choice)
            sub.setText(substitute)
            sub.setEnabled(choice == SUBSTITUTE)
            combo.currentTextChanged.connect(lambda text, s=sub: s.setEnabled(text == SUBSTITUTE))
            if role:
                self._kept_roles[member.id] = role
            self.members_table.setCellWidget(row, self.CHOICE, combo)
            self.members_table.setCellWidget(row, self.SUBSTITUTE_NAME, sub)
            self.choices.append(combo)
            self.substitutes.append(sub)
        self.all_present_button = QPushButton("All &present")
        self.all_present_button.clicked.connect(self._all_present)
        inner = QVBoxLayout(box)
        inner.addWidget(self.members_table)
        inner.addWidget(self.all_present_button, 0, Qt.AlignmentFlag.AlignLeft)

        # -- others in attendance
        others_box = QGroupBox("Others in attendance (cabinet members, officers, visitors)")
        self.others_table = QTableWidget(0, 3)
        self.others_table.setAccessibleName("Others in attendance")
        self.others_table.setHorizontalHeaderLabels(["Name", "Role", "Listed as"])
        self.others_table.verticalHeader().hide()
        oh = self.others_table.horizontalHeader()
        oh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        oh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        oh.resizeSection(2, 130)
        for entry in self._others():
            self.add_other(entry.name, entry.role, entry.kind)
        self.add_other_button = QPushButton("&Add person")
        self.add_other_button.clicked.connect(lambda: self.add_other("", "", None, edit=True))
        self.remove_other_button = QPushButton("&Remove person")
        self.remove_other_button.clicked.connect(self._remove_other)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_other_button)
        buttons.addWidget(self.remove_other_button)
        buttons.addStretch(1)
        other_layout = QVBoxLayout(others_box)
        other_layout.addWidget(self.others_table)
        other_layout.addLayout(buttons)

        # -- minutes approved
        self.approved_combo = QComboBox()
        self.approved_combo.setAccessibleName("Minutes approved at")
        self.approved_combo.addItem(NOT_APPROVED, None)
        for meeting_id, day in later_meetings:
            self.approved_combo.addItem(f"the meeting on {dates.format_uk(day, 'full')}",
                                        meeting_id)
        index = self.approved_combo.findData(sheet.minutes_approved_meeting_id)
        self.approved_combo.setCurrentIndex(max(index, 0))
        self.form.addRow("Minutes approved at:", self.approved_combo)
        hint = QLabel("Names not on the committee are kept as written; a substitute stands in "
                      "for the member on the same row.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        self.layout_.insertWidget(0, box, 3)
        self.layout_.insertWidget(1, others_box, 2)
        self.layout_.insertWidget(2, hint)

    # ------------------------------------------------------------------ reading the sheet
    def _state_of(self, member: MemberRow) -> tuple[str, str, str]:
        mine = next((e for e in self.sheet.entries if e.member_id == member.id), None)
        stood_in = next((e for e in self.sheet.entries if e.kind == AttendanceKind.SUBSTITUTE
                         and name_key(e.substitute_for) == name_key(member.name)), None)
        if stood_in is not None:
            return SUBSTITUTE, stood_in.name, ""
        if mine is None:
            return NOT_RECORDED, "", ""
        choice = {AttendanceKind.PRESENT: PRESENT, AttendanceKind.APOLOGIES: APOLOGIES,
                  AttendanceKind.ABSENT: ABSENT,
                  AttendanceKind.IN_ATTENDANCE: PRESENT}.get(mine.kind, NOT_RECORDED)
        return choice, "", mine.role

    def _others(self) -> list[Attendee]:
        member_ids = {m.id for m in self.members}
        return [e for e in self.sheet.entries
                if e.kind != AttendanceKind.SUBSTITUTE and e.member_id not in member_ids
                and e.kind in OTHER_KINDS.values()]

    # ------------------------------------------------------------------ editing
    def add_other(self, name: str, role: str, kind: AttendanceKind | None,
                  edit: bool = False) -> int:
        row = self.others_table.rowCount()
        self.others_table.insertRow(row)
        self.others_table.setItem(row, 0, QTableWidgetItem(name))
        self.others_table.setItem(row, 1, QTableWidgetItem(role))
        combo = QComboBox()
        combo.addItems(list(OTHER_KINDS))
        combo.setAccessibleName("Listed as")
        if kind is not None:
            combo.setCurrentText(next(k for k, v in OTHER_KINDS.items() if v == kind))
        self.others_table.setCellWidget(row, 2, combo)
        if edit:
            self.others_table.setCurrentCell(row, 0)
            self.others_table.editItem(self.others_table.item(row, 0))
        return row

    def _remove_other(self) -> None:
        row = self.others_table.currentRow()
        if row >= 0:
            self.others_table.removeRow(row)

    def _all_present(self) -> None:
        for combo in self.choices:
            combo.setCurrentText(PRESENT)

    # ------------------------------------------------------------------ values
    def validate(self) -> str | None:
        for member, combo, sub in zip(self.members, self.choices, self.substitutes):
            if combo.currentText() == SUBSTITUTE and not sub.text().strip():
                return f"Name the substitute for {member.name}."
        return None

    def values(self) -> dict:
        entries: list[Attendee] = []
        kinds = {PRESENT: AttendanceKind.PRESENT, APOLOGIES: AttendanceKind.APOLOGIES,
                 ABSENT: AttendanceKind.ABSENT, SUBSTITUTE: AttendanceKind.APOLOGIES}
        for member, combo, sub in zip(self.members, self.choices, self.substitutes):
            choice = combo.currentText()
            if choice == NOT_RECORDED:
                continue
            kind = kinds[choice]
            role = self._kept_roles.get(member.id, "") if kind == AttendanceKind.PRESENT else ""
            written = next((e.name for e in self.sheet.entries if e.member_id == member.id),
                           member.name)  # as the minutes wrote it
            entries.append(Attendee(name=written, kind=kind, member_id=member.id, role=role))
            if choice == SUBSTITUTE:
                entries.append(Attendee(name=sub.text().strip(), kind=AttendanceKind.SUBSTITUTE,
                                        substitute_for=member.name))
        for row in range(self.others_table.rowCount()):
            name_item, role_item = self.others_table.item(row, 0), self.others_table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            if not name:
                continue
            combo = self.others_table.cellWidget(row, 2)
            kind = OTHER_KINDS[combo.currentText()] if isinstance(combo, QComboBox) \
                else AttendanceKind.IN_ATTENDANCE
            entries.append(Attendee(name=name, kind=kind,
                                    role=role_item.text().strip() if role_item else ""))
        return {"entries": entries, "approved_at": self.approved_combo.currentData()}
