"""The options column of the print dialog: which document, for which committee and meeting,
as at when, and whether it is the public version; and what those options say to build.

``PrintOptions`` is a widget owned by ``PrintDialog`` (``dialog.options``): a change of option
emits ``changed`` (the dialog shows it and rebuilds the document); typing the "as at" date
emits ``edited`` (the dialog shows it only)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QFrame, QLabel,
                               QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from desktop_app.domain.as_at import document_as_at
from desktop_app.domain.enums import MeetingStatus
from desktop_app.services.workspace import Database
from desktop_app.domain.records import CommitteeRow, MeetingRow
from desktop_app.ui import app_state
from desktop_app.ui.printing.column_options import PrintColumns
from desktop_app.ui.printing.documents import BY_KIND, DOCUMENTS, Choice, meeting_text
from desktop_app.ui.printing.layout_choices import LayoutChoices
from desktop_app.ui.widgets.detail_parts import muted, section
from desktop_app.ui.widgets.date_edit import DateEdit


MINUTES = "minutes"    # the document whose meeting is the last one held


class PrintOptions(QWidget):
    """The options of ``PrintDialog``: their widgets, their choices and what they describe."""

    changed = Signal()      # a choice changed: show it and build the document again
    edited = Signal()       # the "as at" date is being typed: show it

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._meeting_touched = False
        self._as_at_touched = False     # the officer typed or chose the date: keep it
        self._committees: list[CommitteeRow] = []
        self._meetings: list[MeetingRow] = []
        self._next_meeting: dt.date | None = None
        self._build()

    # ================================================================== building
    def _build(self) -> None:
        # -- the document
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        kinds = QWidget()
        col = QVBoxLayout(kinds)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(4)
        for n, doc in enumerate(DOCUMENTS):
            button = QRadioButton(doc.label)
            button.setObjectName(f"kind_{doc.kind}")
            button.setToolTip(doc.about)
            self.kind_group.addButton(button, n)
            self.kind_buttons[doc.kind] = button
            col.addWidget(button)
        self.kind_group.idToggled.connect(self._kind_toggled)
        self.about_label = muted()
        self.about_label.setObjectName("aboutDocument")
        self.about_label.setAccessibleName("About this document")
        self.about_label.setMinimumHeight(self.about_label.fontMetrics().lineSpacing() * 3)
        self.about_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        # -- for whom, which meeting, as at when
        self.committee_combo = QComboBox()
        self.committee_combo.setObjectName("committeeCombo")
        self.committee_combo.setAccessibleName("Committee")
        self.committee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.committee_combo.setMinimumContentsLength(16)
        self.committee_combo.currentIndexChanged.connect(self._committee_changed)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("meetingCombo")
        self.meeting_combo.setAccessibleName("Meeting")
        self.meeting_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_combo.setMinimumContentsLength(16)
        self.meeting_combo.setMaxVisibleItems(16)
        self.meeting_combo.activated.connect(self._meeting_chosen)
        self.meeting_combo.currentIndexChanged.connect(self._meeting_changed)
        self.as_at_edit = DateEdit(allow_blank=False)
        self.as_at_edit.setObjectName("asAtEdit")
        self.as_at_edit.setAccessibleName("As at date")
        self.as_at_edit.setToolTip("The date the document is as at (day/month/year). An "
                                   "earlier date shows actions and recommendations as they "
                                   "stood then.")
        self.as_at_edit.setDate(app_state.today())
        self.as_at_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.as_at_edit.line.textEdited.connect(self._as_at_typed)
        self.as_at_hint = muted()
        self.as_at_hint.setObjectName("asAtHint")
        self.as_at_hint.setAccessibleName("As at note")
        self.public_box = QCheckBox("P&ublic version (leaves out exempt items)")
        self.public_box.setObjectName("publicBox")
        self.public_box.setToolTip("Leave out the papers and text of items exempt from "
                                   "publication (Local Government Act 1972, Schedule 12A); "
                                   "they show as \u201cExempt: paragraph N\u201d.")
        self.public_box.toggled.connect(lambda _on: self.changed.emit())
        self.columns = PrintColumns(self.db)     # extra columns of the log / schedule
        self.columns.changed.connect(self.changed.emit)
        self.layout_choices = LayoutChoices()
        self.layout_choices.changed.connect(self.changed.emit)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(4)
        self.committee_label = QLabel("C&ommittee")
        self.meeting_label = QLabel("M&eeting")
        self.as_at_label = QLabel("As a&t")
        self.committee_label.setBuddy(self.committee_combo)
        self.meeting_label.setBuddy(self.meeting_combo)
        self.as_at_label.setBuddy(self.as_at_edit)
        form.addRow(self.committee_label, self.committee_combo)
        form.addRow(self.meeting_label, self.meeting_combo)
        form.addRow(self.as_at_label, self.as_at_edit)

        self.setObjectName("printOptions")
        self.setFixedWidth(340)
        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 4, 0)
        left.setSpacing(6)
        doc_section = section("Document")
        doc_section.layout().setContentsMargins(0, 0, 0, 2)
        left.addWidget(doc_section)
        left.addWidget(kinds)
        left.addWidget(self.about_label)
        left.addWidget(section("Options"))
        left.addLayout(form)
        left.addWidget(self.as_at_hint)
        left.addSpacing(4)
        left.addWidget(self.public_box)
        left.addWidget(self.columns)
        left.addSpacing(4)
        left.addWidget(section("Layout"))
        left.addWidget(self.layout_choices)
        left.addStretch(1)
        keys = muted("Ctrl+S saves, Ctrl+P prints, F5 builds the document again. Ctrl+plus and "
                     "Ctrl+minus zoom; Ctrl+0 fits the width.")
        keys.setObjectName("printKeys")
        keys.setAccessibleName("Keyboard shortcuts")
        left.addWidget(keys)

    def in_scroll_area(self) -> QScrollArea:
        """This column in a frameless scroll area of its width, so that a short dialog scrolls
        the options instead of squeezing them."""
        area = QScrollArea()
        area.setObjectName("printOptionsArea")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(self)
        area.setFixedWidth(self.width() + area.verticalScrollBar().sizeHint().width() + 2)
        return area

    # ================================================================== choices
    def load_committees(self, wanted: str | None) -> None:
        """Fill the committee chooser, choosing ``wanted`` (a name or short name)."""
        from desktop_app.services import committees
        self._committees = committees.list_committees(self.db)
        self.committee_combo.blockSignals(True)
        self.committee_combo.clear()
        for c in self._committees:
            self.committee_combo.addItem(c.name, c.name)
            if c.short_name:
                self.committee_combo.setItemData(self.committee_combo.count() - 1,
                                                 f"{c.name} ({c.short_name})",
                                                 Qt.ItemDataRole.ToolTipRole)
        index = 0
        if wanted:
            key = wanted.strip().lower()
            index = next((i for i, c in enumerate(self._committees)
                          if key in (c.name.lower(), (c.short_name or "").lower())), 0)
        self.committee_combo.setCurrentIndex(index)
        self.committee_combo.setToolTip(self.committee_combo.currentText())
        self.committee_combo.blockSignals(False)
        self.columns.set_source(self.committee_combo.currentData(), self.kind())
        self._show_saved_layout()
        self._load_meetings()

    def _committee_changed(self, _index: int) -> None:
        self.committee_combo.setToolTip(self.committee_combo.currentText())
        self.columns.set_source(self.committee_combo.currentData(), self.kind())
        self._meeting_touched = False
        self._show_saved_layout()
        self._load_meetings()
        self.changed.emit()

    def _load_meetings(self) -> None:
        from desktop_app.services import meetings
        name = self.committee_combo.currentData()
        self._meetings = meetings.list_meetings(self.db, name, upcoming_first=True) if name \
            else []
        today = app_state.today()
        upcoming = [m for m in self._meetings if m.date >= today]
        # the meeting the window calls next (attention strip): the next one still to be held;
        # failing that, the latest one never marked held, rather than the last one held
        from desktop_app.ui.shell.attention_strip import next_meeting_of
        found = next_meeting_of({name: self._meetings}, today) if name else None
        self._next_meeting = found.date if found else None
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.clear()
        for n, m in enumerate(self._meetings):
            if n == len(upcoming) and n > 0:
                self.meeting_combo.insertSeparator(self.meeting_combo.count())
            self.meeting_combo.addItem(meeting_text(m, self._next_meeting), m.date.isoformat())
        self.meeting_combo.blockSignals(False)
        self._default_meeting()
        self._default_as_at()

    def _default_meeting(self) -> None:
        """The next meeting (as the attention strip names it); for the minutes, the last one
        held (unless the officer has chosen one)."""
        if self._meeting_touched or not self._meetings:
            return
        wanted = self._next_meeting
        if self.kind() == MINUTES or wanted is None:
            today = app_state.today()
            held = [m.date for m in self._meetings if m.date <= today
                    and m.status == MeetingStatus.HELD.value]
            if held and (self.kind() == MINUTES or wanted is None):
                wanted = max(held)
        index = self.meeting_combo.findData(wanted.isoformat()) if wanted else -1
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.setCurrentIndex(index if index >= 0 else 0)
        self.meeting_combo.blockSignals(False)
        self._default_as_at()

    def _meeting_chosen(self, _index: int) -> None:
        self._meeting_touched = True

    def _meeting_changed(self, _index: int) -> None:
        self._default_as_at()
        self.changed.emit()

    def _as_at_typed(self, _text: str) -> None:
        self._as_at_touched = True
        self.edited.emit()

    def _default_as_at(self) -> None:
        """The rule of domain.as_at, unless the officer has set the date: a document for a
        meeting is as at that meeting's publication date; any other, as at today."""
        if self._as_at_touched:
            return
        publication = None
        # the minutes record the meeting: as at today (draft or approved as of today)
        if BY_KIND[self.kind()].needs_meeting and self.kind() != "minutes":
            day = self.meeting()
            row = next((m for m in self._meetings if m.date == day), None)
            publication = row.publication_deadline if row is not None else None
        self.as_at_edit.blockSignals(True)
        self.as_at_edit.setDate(document_as_at(today=app_state.today(),
                                               publication=publication))
        self.as_at_edit.blockSignals(False)
        self._update_as_at_hint()

    def _kind_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.columns.set_source(self.committee_combo.currentData(), self.kind())
            self._default_meeting()
            self._default_as_at()
            self.changed.emit()

    # -- public: choose as a person would
    def kind(self) -> str:
        n = self.kind_group.checkedId()
        return DOCUMENTS[n].kind if n >= 0 else DOCUMENTS[0].kind

    def set_kind(self, kind: str) -> None:
        from desktop_app.reports.printing import canonical_kind
        self.kind_buttons[canonical_kind(kind)].setChecked(True)

    def meeting(self) -> dt.date | None:
        value = self.meeting_combo.currentData()
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

    def set_meeting(self, day: dt.date) -> None:
        index = self.meeting_combo.findData(day.isoformat())
        if index < 0:
            raise ValueError(f"no meeting on {day.isoformat()} in the list")
        self._meeting_touched = True
        self.meeting_combo.setCurrentIndex(index)

    def set_as_at(self, day: dt.date) -> None:
        self._as_at_touched = True
        self.as_at_edit.setDate(day)
        self.changed.emit()

    def set_public(self, public: bool) -> None:
        self.public_box.setChecked(public)

    def committee(self) -> CommitteeRow | None:
        index = self.committee_combo.currentIndex()
        return self._committees[index] if 0 <= index < len(self._committees) else None

    def choice(self) -> Choice | None:
        """What the options say to build, or None while they are incomplete."""
        committee = self.committee()
        if committee is None:
            return None
        doc = BY_KIND[self.kind()]
        try:
            as_at = self.as_at_edit.date()
        except ValueError:
            return None
        if as_at is None:
            return None
        meeting = self.meeting() if doc.needs_meeting else None
        if doc.needs_meeting and meeting is None:
            return None
        return Choice(committee.name, doc.kind, meeting, as_at, self.public_box.isChecked(),
                      self.columns.chosen() if self.columns.isVisibleTo(self) else (),
                      self.layout_choices.options())

    # -- the layout choices saved per committee
    def _show_saved_layout(self) -> None:
        committee = self.committee()
        self.layout_choices.set_options(committee.print_options if committee else None,
                                        quiet=True)

    def layout_saved(self, committee: str, options) -> None:
        """``options`` were saved for ``committee``: open with them next time it is chosen."""
        self._committees = [dataclasses.replace(c, print_options=options)
                            if c.name == committee else c for c in self._committees]

    def problem(self) -> str | None:
        """Why nothing can be built with these options, in words."""
        if self.committee() is None:
            return "There is no committee yet: add one first."
        doc = BY_KIND[self.kind()]
        if doc.needs_meeting and not self._meetings:
            return f"{self.committee().name} has no meetings yet: the {doc.words} needs one."
        try:
            as_at = self.as_at_edit.date()
        except ValueError:
            as_at = None
        if as_at is None:
            return "Type the \u201cas at\u201d date as day/month/year, e.g. 23/11/2021."
        return None

    # ================================================================== state shown
    def update_shown(self) -> None:
        doc = BY_KIND[self.kind()]
        self.about_label.setText(doc.about)
        self.layout_choices.show_for(doc.kind)
        self.meeting_combo.setEnabled(doc.needs_meeting and bool(self._meetings))
        self.meeting_label.setEnabled(doc.needs_meeting)
        self.meeting_combo.setToolTip("" if doc.needs_meeting else
                                      f"The {doc.words} is not for one meeting")
        self._update_as_at_hint()

    def _update_as_at_hint(self) -> None:
        try:
            as_at = self.as_at_edit.date()
        except ValueError:
            as_at = None
        today = app_state.today()
        if as_at is not None and as_at < today:
            self.as_at_hint.setText("An earlier date: actions and recommendations show as they "
                                    f"stood on {app_state.long_date(as_at)}.")
            self.as_at_hint.show()
        elif as_at is not None and as_at > today:
            self.as_at_hint.setText("A later date: the rows are today's, counted as at "
                                    f"{app_state.long_date(as_at)}.")
            self.as_at_hint.show()
        else:
            self.as_at_hint.hide()
