"""The minutes review dialog's widgets and their layout: the file and the meeting at the top,
the list of proposals beside the edit pane, then the result of a save and the buttons.

``ReviewLayout`` is a part of ``MinutesReviewDialog`` (it builds on the dialog's own methods
for what each widget does)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from desktop_app.ui.minutes_review.model import MinutesReviewModel
from desktop_app.ui.minutes_review.text import AMBER, RED
from desktop_app.ui.minutes_review.widgets import EditPane, ReviewDelegate, ReviewTree
from desktop_app.ui.widgets.detail_parts import heading, muted
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.sizing import fit_dialog


class ReviewLayout:
    """Builds the widgets of ``MinutesReviewDialog`` (a QDialog) and sizes it."""

    def _build(self) -> None:
        self.heading = heading("Review minutes", 5)
        self.heading.setAccessibleName("Minutes file")
        self.file_label = muted()
        self.file_label.setAccessibleName("File")
        self.choose_button = QPushButton("Choose &file\u2026")
        self.choose_button.setAccessibleName("Choose a minutes file")
        self.choose_button.setToolTip("Open another minutes file (.txt, .md, .html, .docx)")
        self.choose_button.clicked.connect(self.choose_file)

        # The meeting: date (or a date field), time, venue, committee.
        self.when_label = QLabel()
        f = self.when_label.font()
        f.setWeight(QFont.Weight.DemiBold)
        f.setPointSizeF(f.pointSizeF() + 1)
        self.when_label.setFont(f)
        self.when_label.setAccessibleName("Meeting date and time")
        self.when_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date_label = QLabel("Meeting &date:")
        self.date_edit = DateEdit(allow_blank=False)
        self.date_edit.setAccessibleName("Meeting date")
        self.date_edit.setToolTip("The minutes do not give the date of the meeting: enter it "
                                  "(day/month/year) to save them.")
        self.date_label.setBuddy(self.date_edit)
        self.date_hint = QLabel("The minutes do not give the meeting date: enter it to save.")
        self.date_hint.setStyleSheet(AMBER)
        self.date_hint.setAccessibleName("Meeting date needed")
        self.date_row = QWidget()
        row = QHBoxLayout(self.date_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_label)
        row.addWidget(self.date_edit)
        row.addWidget(self.date_hint, 1)
        self.venue_label = muted()
        self.venue_label.setAccessibleName("Venue")
        self.committee_label = muted()
        self.committee_label.setAccessibleName("Committee")
        self.preview_label = muted()
        self.preview_label.setAccessibleName("Already in the tracker")
        self.date_edit.line.textChanged.connect(self._update_buttons)
        self.date_edit.dateChanged.connect(lambda _day: self._preview())

        meeting = QWidget()
        grid = QGridLayout(meeting)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        when = QHBoxLayout()
        when.setSpacing(14)
        when.addWidget(self.when_label)
        when.addWidget(self.date_row)
        when.addWidget(self.venue_label, 1)
        grid.addLayout(when, 0, 0)
        grid.addWidget(self.committee_label, 1, 0)
        grid.addWidget(self.preview_label, 2, 0)
        self.meeting_box = meeting

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.file_label)
        top.addLayout(titles, 1)
        top.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)

        # The list and the edit pane.
        self.model = MinutesReviewModel(self)
        self.tree = ReviewTree()
        self.tree.setObjectName("minutesReviewTree")
        self.tree.setAccessibleName("Proposed recommendations and actions")
        self.tree.setAccessibleDescription(
            "Space ticks or unticks; Enter edits the wording; ticked proposals are saved.")
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(ReviewDelegate(self.tree))
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setIndentation(18)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MinutesReviewModel.CHOICE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MinutesReviewModel.WORDING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MinutesReviewModel.OWNER, QHeaderView.ResizeMode.Interactive)
        fm = self.tree.fontMetrics()
        header.resizeSection(MinutesReviewModel.CHOICE,
                             fm.horizontalAdvance("Procedural (c)") + 64)
        header.resizeSection(MinutesReviewModel.OWNER, fm.horizontalAdvance("M") * 13)
        header.sectionResized.connect(self.tree.schedule_relayout)
        self.tree.edit_requested.connect(self._edit_current)
        self.tree.doubleClicked.connect(lambda _index: self._edit_current())
        self.model.choices_changed.connect(self._choices_changed)
        self.model.modelReset.connect(self._after_reset)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.pane = EditPane()
        self.pane.setObjectName("minutesEditPane")
        self.pane.changed.connect(self._pane_changed)
        self.pane.done.connect(lambda: self.tree.setFocus(Qt.FocusReason.OtherFocusReason))

        list_head = QHBoxLayout()
        self.count_label = QLabel()
        f = self.count_label.font()
        f.setWeight(QFont.Weight.DemiBold)
        self.count_label.setFont(f)
        self.count_label.setObjectName("minutesReviewCounts")
        self.count_label.setAccessibleName("Selected")
        self.tick_all_button = QPushButton("Tick all")
        self.tick_all_button.setAccessibleName("Tick every proposal")
        self.untick_all_button = QPushButton("Untick all")
        self.untick_all_button.setAccessibleName("Untick every proposal")
        self.default_button = QPushButton("Substantive only")
        self.default_button.setAccessibleName("Tick all but the procedural resolutions")
        self.default_button.setToolTip("Tick every recommendation and action except procedural "
                                       "resolutions (the starting choice)")
        self.tick_all_button.clicked.connect(lambda: self.model.set_all("all"))
        self.untick_all_button.clicked.connect(lambda: self.model.set_all("none"))
        self.default_button.clicked.connect(lambda: self.model.set_all("default"))
        list_head.addWidget(self.count_label)
        list_head.addStretch(1)
        for button in (self.tick_all_button, self.untick_all_button, self.default_button):
            list_head.addWidget(button)

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(4)
        left_lay.addLayout(list_head)
        left_lay.addWidget(self.tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName("Status")
        self.placeholder.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.splitter)

        # Problems, the result of a save, and the buttons.
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(RED)
        self.problem_label.setAccessibleName("Problem")
        self.problem_label.hide()
        self.result_label = QLabel()
        self.result_label.setObjectName("minutesReviewResult")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("Result of saving")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.save_button = QPushButton("&Save to tracker")
        self.save_button.setObjectName("minutesReviewSave")
        self.save_button.setAccessibleName("Save the ticked proposals to the tracker")
        self.save_button.setToolTip("Save the meeting, its items and the ticked "
                                    "recommendations and actions (Ctrl+S)")
        self.save_button.setShortcut("Ctrl+S")
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(8)
        lay.addLayout(top)
        lay.addWidget(self.meeting_box)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.result_label)
        lay.addLayout(buttons)

        # Enter belongs to the list and the fields: no button presses itself.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.setTabOrder(self.tree, self.pane.accept_box)
        self._update_buttons()

    def _size_for(self, parent: QWidget | None) -> None:
        fit_dialog(self, parent, QSize(720, 520), QSize(1240, 740), QSize(720, 480))
