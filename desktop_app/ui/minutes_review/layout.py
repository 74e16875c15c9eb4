"""The minutes review dialog's widgets and their layout: the file and the meeting at the top,
the list of proposals beside the edit pane, then the result of a save and the buttons.

``lay_out(dialog)`` makes the widgets (public attributes of the dialog, as a Designer form's
``setupUi`` does) and places them; what they do is wired by the dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel,
                               QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from desktop_app.ui.minutes_review.model import MinutesReviewModel
from desktop_app.ui.minutes_review.text import AMBER, RED
from desktop_app.ui.minutes_review.widgets import EditPane, ReviewDelegate, ReviewTree
from desktop_app.ui.widgets.detail_parts import heading, muted
from desktop_app.ui.widgets.date_edit import DateEdit

if TYPE_CHECKING:
    from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog


def lay_out(dialog: MinutesReviewDialog) -> None:
    """Make and place the widgets of ``dialog``."""
    dialog.heading = heading("Review minutes", 5)
    dialog.heading.setAccessibleName("Minutes file")
    dialog.file_label = muted()
    dialog.file_label.setAccessibleName("File")
    dialog.choose_button = QPushButton("Choose &file\u2026")
    dialog.choose_button.setAccessibleName("Choose a minutes file")
    dialog.choose_button.setToolTip("Open another minutes file (.txt, .md, .html, .docx, .pdf)")

    # The meeting: date (or a date field), time, venue, committee.
    dialog.when_label = QLabel()
    f = dialog.when_label.font()
    f.setWeight(QFont.Weight.DemiBold)
    f.setPointSizeF(f.pointSizeF() + 1)
    dialog.when_label.setFont(f)
    dialog.when_label.setAccessibleName("Meeting date and time")
    dialog.when_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    dialog.date_label = QLabel("Meeting &date:")
    dialog.date_edit = DateEdit(allow_blank=False)
    dialog.date_edit.setAccessibleName("Meeting date")
    dialog.date_edit.setToolTip("The minutes do not give the date of the meeting: enter it "
                              "(day/month/year) to save them.")
    dialog.date_label.setBuddy(dialog.date_edit)
    dialog.date_hint = QLabel("The minutes do not give the meeting date: enter it to save.")
    dialog.date_hint.setStyleSheet(AMBER)
    dialog.date_hint.setAccessibleName("Meeting date needed")
    dialog.date_row = QWidget()
    row = QHBoxLayout(dialog.date_row)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(dialog.date_label)
    row.addWidget(dialog.date_edit)
    row.addWidget(dialog.date_hint, 1)
    dialog.venue_label = muted()
    dialog.venue_label.setAccessibleName("Venue")
    dialog.committee_combo = QComboBox()
    dialog.committee_combo.setObjectName("minutesCommitteeCombo")
    dialog.committee_combo.setAccessibleName("Save to committee")
    dialog.committee_combo.setToolTip("The committee the minutes are saved to: the one the "
                                      "minutes name is chosen when it is in the tracker")
    dialog.committee_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    dialog.committee_caption = QLabel("Save &to:")
    dialog.committee_caption.setBuddy(dialog.committee_combo)
    dialog.committee_label = muted()
    dialog.committee_label.setAccessibleName("Committee named in the minutes")
    dialog.preview_label = muted()
    dialog.preview_label.setAccessibleName("Already in the tracker")

    meeting = QWidget()
    grid = QGridLayout(meeting)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(2)
    when = QHBoxLayout()
    when.setSpacing(14)
    when.addWidget(dialog.when_label)
    when.addWidget(dialog.date_row)
    when.addWidget(dialog.venue_label, 1)
    grid.addLayout(when, 0, 0)
    chooser = QHBoxLayout()
    chooser.setSpacing(8)
    chooser.addWidget(dialog.committee_caption)
    chooser.addWidget(dialog.committee_combo)
    chooser.addWidget(dialog.committee_label, 1)
    grid.addLayout(chooser, 1, 0)
    grid.addWidget(dialog.preview_label, 2, 0)
    dialog.meeting_box = meeting

    top = QHBoxLayout()
    titles = QVBoxLayout()
    titles.setSpacing(2)
    titles.addWidget(dialog.heading)
    titles.addWidget(dialog.file_label)
    top.addLayout(titles, 1)
    top.addWidget(dialog.choose_button, 0, Qt.AlignmentFlag.AlignTop)

    # The list and the edit pane.
    dialog.model = MinutesReviewModel(dialog)
    dialog.tree = ReviewTree()
    dialog.tree.setObjectName("minutesReviewTree")
    dialog.tree.setAccessibleName("Proposed recommendations and actions")
    dialog.tree.setAccessibleDescription(
        "Space ticks or unticks; Enter edits the wording; ticked proposals are saved.")
    dialog.tree.setModel(dialog.model)
    dialog.tree.setItemDelegate(ReviewDelegate(dialog.tree))
    dialog.tree.setRootIsDecorated(False)
    dialog.tree.setItemsExpandable(False)
    dialog.tree.setExpandsOnDoubleClick(False)
    dialog.tree.setIndentation(18)
    dialog.tree.setUniformRowHeights(False)
    dialog.tree.setWordWrap(True)
    dialog.tree.setAlternatingRowColors(False)
    dialog.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    dialog.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    dialog.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    dialog.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    dialog.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = dialog.tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(MinutesReviewModel.CHOICE, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(MinutesReviewModel.WORDING, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(MinutesReviewModel.OWNER, QHeaderView.ResizeMode.Interactive)
    fm = dialog.tree.fontMetrics()
    header.resizeSection(MinutesReviewModel.CHOICE,
                         fm.horizontalAdvance("Procedural (c)") + 64)
    header.resizeSection(MinutesReviewModel.OWNER, fm.horizontalAdvance("M") * 13)
    header.sectionResized.connect(dialog.tree.schedule_relayout)

    dialog.pane = EditPane()
    dialog.pane.setObjectName("minutesEditPane")
    dialog.pane.done.connect(lambda: dialog.tree.setFocus(Qt.FocusReason.OtherFocusReason))

    list_head = QHBoxLayout()
    dialog.count_label = QLabel()
    f = dialog.count_label.font()
    f.setWeight(QFont.Weight.DemiBold)
    dialog.count_label.setFont(f)
    dialog.count_label.setObjectName("minutesReviewCounts")
    dialog.count_label.setAccessibleName("Selected")
    dialog.tick_all_button = QPushButton("Tick all")
    dialog.tick_all_button.setAccessibleName("Tick every proposal")
    dialog.untick_all_button = QPushButton("Untick all")
    dialog.untick_all_button.setAccessibleName("Untick every proposal")
    dialog.default_button = QPushButton("Substantive only")
    dialog.default_button.setAccessibleName("Tick all but the procedural resolutions")
    dialog.default_button.setToolTip("Tick every recommendation and action except procedural "
                                   "resolutions (the starting choice)")
    dialog.tick_all_button.clicked.connect(lambda: dialog.model.set_all("all"))
    dialog.untick_all_button.clicked.connect(lambda: dialog.model.set_all("none"))
    dialog.default_button.clicked.connect(lambda: dialog.model.set_all("default"))
    list_head.addWidget(dialog.count_label)
    list_head.addStretch(1)
    for button in (dialog.tick_all_button, dialog.untick_all_button, dialog.default_button):
        list_head.addWidget(button)

    left = QWidget()
    left_lay = QVBoxLayout(left)
    left_lay.setContentsMargins(0, 0, 0, 0)
    left_lay.setSpacing(4)
    left_lay.addLayout(list_head)
    left_lay.addWidget(dialog.tree, 1)

    dialog.splitter = QSplitter(Qt.Orientation.Horizontal)
    dialog.splitter.setChildrenCollapsible(False)
    dialog.splitter.addWidget(left)
    dialog.splitter.addWidget(dialog.pane)
    dialog.splitter.setStretchFactor(0, 5)
    dialog.splitter.setStretchFactor(1, 3)

    dialog.placeholder = QLabel()
    dialog.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
    dialog.placeholder.setWordWrap(True)
    dialog.placeholder.setAccessibleName("Status")
    dialog.placeholder.setStyleSheet("color: #5f6368; font-size: 11pt;")
    dialog.stack = QStackedWidget()
    dialog.stack.addWidget(dialog.placeholder)
    dialog.stack.addWidget(dialog.splitter)

    # Problems, the result of a save, and the buttons.
    dialog.problem_label = QLabel()
    dialog.problem_label.setWordWrap(True)
    dialog.problem_label.setStyleSheet(RED)
    dialog.problem_label.setAccessibleName("Problem")
    dialog.problem_label.hide()
    dialog.result_label = QLabel()
    dialog.result_label.setObjectName("minutesReviewResult")
    dialog.result_label.setWordWrap(True)
    dialog.result_label.setAccessibleName("Result of saving")
    dialog.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    dialog.result_label.hide()
    dialog.save_button = QPushButton("&Save to tracker")
    dialog.save_button.setObjectName("minutesReviewSave")
    dialog.save_button.setAccessibleName("Save the ticked proposals to the tracker")
    dialog.save_button.setToolTip("Save the meeting, its items and the ticked "
                                "recommendations and actions (Ctrl+S)")
    dialog.save_button.setShortcut("Ctrl+S")
    dialog.close_button = QPushButton("Close")
    dialog.close_button.setAccessibleName("Close")
    buttons = QHBoxLayout()
    buttons.addWidget(dialog.problem_label, 1)
    buttons.addStretch(0)
    buttons.addWidget(dialog.save_button)
    buttons.addWidget(dialog.close_button)

    lay = QVBoxLayout(dialog)
    lay.setContentsMargins(14, 12, 14, 12)
    lay.setSpacing(8)
    lay.addLayout(top)
    lay.addWidget(dialog.meeting_box)
    lay.addWidget(dialog.stack, 1)
    lay.addWidget(dialog.result_label)
    lay.addLayout(buttons)

    # Enter belongs to the list and the fields: no button presses itself.
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
    dialog.setTabOrder(dialog.tree, dialog.pane.accept_box)
