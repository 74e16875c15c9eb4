"""The strip under the toolbar saying what needs attention: overdue actions, executive responses
past their two-month date (s.9FE), and the next meeting with its publication and questions
deadlines (a deadline on a bank holiday is flagged). Clicking a count opens the Tracker filtered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop_app.domain.enums import MeetingStatus
from desktop_app.domain.records import _Record, record
from desktop_app.domain.dates import is_bank_holiday, strftime
from desktop_app.ui.app_state import long_date
from desktop_app.ui.widgets import badges


@record   # dataclass(frozen=True), without a method compiled for it but __init__
class NextMeeting(_Record):
    id: int
    committee: str
    date: dt.date
    publication: dt.date
    questions: dt.date
    stale: bool = False      # a past meeting still marked 'scheduled'
    short_name: str = ""     # the committee's short name, shown when all committees are


def next_meeting_of(meetings_by_committee: dict[str, list], today: dt.date,
                    short_names: dict[str, str] | None = None) -> NextMeeting | None:
    """The next meeting still to be held (the earliest across the committees given); failing
    that, the latest past meeting still marked 'scheduled' (flagged as stale). ``short_names``:
    committee name -> short name, for the strip's "All committees" wording."""
    short_names = short_names or {}
    upcoming: list[NextMeeting] = []
    stale: list[NextMeeting] = []
    for name, rows in meetings_by_committee.items():
        for m in rows:
            if m.status != MeetingStatus.SCHEDULED:
                continue
            entry = NextMeeting(m.id, name, m.date, m.publication_deadline, m.questions_deadline,
                                stale=m.date < today, short_name=short_names.get(name, ""))
            (stale if entry.stale else upcoming).append(entry)
    if upcoming:
        return min(upcoming, key=lambda e: e.date)
    if stale:
        return max(stale, key=lambda e: e.date)
    return None


def _day(day: dt.date) -> str:
    return strftime(day, f"%a {day.day} %b")


class AttentionStrip(QFrame):
    overdue_actions_clicked = Signal()
    overdue_responses_clicked = Signal()
    next_meeting_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, blank: bool = False):
        """``blank``: nothing said (no counts, no meeting, no icons drawn) until
        ``set_counts`` and ``set_next_meeting`` are called: for a strip kept hidden until they
        are (a window shown before its data)."""
        super().__init__(parent)
        self.setObjectName("attentionStrip")
        self.setAccessibleName("Needs attention")
        self.setStyleSheet(
            "#attentionStrip { background: #f4f6f9; border-bottom: 1px solid #d5dae1; }"
            "#attentionStrip QPushButton { border: 1px solid transparent; border-radius: 3px;"
            " padding: 3px 8px; text-align: left; background: transparent; }"
            "#attentionStrip QPushButton:hover { background: #e6ebf2; border-color: #c7d0dc; }"
            "#attentionStrip QPushButton:focus { border-color: #1a4fb8; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 10, 4)
        lay.setSpacing(6)
        title = QLabel("Needs attention:")
        f = title.font()
        f.setBold(True)
        title.setFont(f)
        lay.addWidget(title)
        self.actions_button = self._button("overdueActionsButton",
                                           "Show the overdue actions in the Tracker")
        self.responses_button = self._button(
            "overdueResponsesButton",
            "Show recommendations whose executive response is past its two-month date (s.9FE)")
        lay.addWidget(self.actions_button)
        lay.addWidget(self.responses_button)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.VLine)
        rule.setStyleSheet("color: #c7d0dc;")
        lay.addWidget(rule)
        self.meeting_button = self._button("nextMeetingButton",
                                           "Open the Meetings tab")
        self.meeting_button.setSizePolicy(QSizePolicy.Policy.Preferred,
                                          QSizePolicy.Policy.Fixed)
        lay.addWidget(self.meeting_button)
        self.deadlines = QLabel()
        self.deadlines.setObjectName("deadlinesLabel")
        self.deadlines.setAccessibleName("Deadlines for the next meeting")
        self.deadlines.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.deadlines, 1)
        self.actions_button.clicked.connect(self.overdue_actions_clicked)
        self.responses_button.clicked.connect(self.overdue_responses_clicked)
        self.meeting_button.clicked.connect(self.next_meeting_clicked)
        self.overdue_actions = 0
        self.overdue_responses = 0
        self.next_meeting: NextMeeting | None = None
        if not blank:
            self.set_counts(0, 0)
            self.set_next_meeting(None, dt.date.today())

    def _button(self, name: str, tip: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setIconSize(QSize(14, 14))
        return button

    def set_counts(self, overdue_actions: int, overdue_responses: int) -> None:
        self.overdue_actions, self.overdue_responses = overdue_actions, overdue_responses
        self._count(self.actions_button, overdue_actions, "overdue action", "overdue actions")
        self._count(self.responses_button, overdue_responses,
                    "executive response overdue", "executive responses overdue")

    def _count(self, button: QPushButton, n: int, one: str, many: str) -> None:
        if n:
            button.setText(f"{n:,} {one if n == 1 else many}")
            button.setIcon(badges.marker_icon("overdue"))
            button.setStyleSheet(f"color: {badges.OVERDUE_COLOUR.name()}; font-weight: 600;")
        else:
            button.setText(f"No {many}")
            button.setIcon(badges.marker_icon("done"))
            button.setStyleSheet("color: #3c4043;")
        button.setAccessibleName(button.text())

    def set_next_meeting(self, info: NextMeeting | None, today: dt.date,
                         show_committee: bool = False) -> None:
        self.next_meeting = info
        if info is None:
            self.meeting_button.setText("No meeting scheduled")
            self.meeting_button.setToolTip("Open the Meetings tab")
            self.meeting_button.setAccessibleName("No meeting scheduled")
            self.deadlines.setText("")
            return
        # "All committees": the committee by its short name, as the tables show it (a long name
        # pushed the date out of a 1366-pixel window); the whole name in the tooltip
        who = f"{info.short_name or info.committee}: " if show_committee else ""
        self.meeting_button.setToolTip(f"Open the Meetings tab at {info.committee}'s meeting"
                                       if show_committee else "Open the Meetings tab")
        if info.stale:
            self.meeting_button.setText(f"{who}{long_date(info.date)} is still marked scheduled")
            self.meeting_button.setStyleSheet("color: #8a5a00;")
            self.deadlines.setText("<span style='color:#5f6368'>Mark it held (or cancelled) "
                                   "in the Meetings tab.</span>")
        else:
            self.meeting_button.setText(
                f"Next meeting: {who}{strftime(info.date, '%A')} {long_date(info.date)}")
            self.meeting_button.setStyleSheet("color: #1f3a60; font-weight: 600;")
            parts = [self._deadline("Papers published by", info.publication, today),
                     self._deadline("Questions by", info.questions, today)]
            self.deadlines.setText(" &nbsp;\u00b7&nbsp; ".join(parts))
        self.meeting_button.setAccessibleName(self.meeting_button.text())
        self.deadlines.setToolTip("Five and three clear working days before the meeting")

    @staticmethod
    def _deadline(label: str, day: dt.date, today: dt.date) -> str:
        text = f"{label} <b>{_day(day)}</b>"
        if is_bank_holiday(day):
            text += (" <span style='color:#b3261e; font-weight:600'>\u26a0 BANK HOLIDAY"
                     "</span>")
        if day < today:
            text += " <span style='color:#5f6368'>(passed)</span>"
        elif day == today:
            text += " <span style='color:#b3261e; font-weight:600'>(TODAY)</span>"
        return text

    def has_bank_holiday_flag(self) -> bool:
        return "BANK HOLIDAY" in self.deadlines.text()
