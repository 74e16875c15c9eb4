"""The Meetings tab: the committee's meetings (upcoming first), and for the chosen meeting its
agenda, the minutes of each item, the reports attached, and what the meeting asked for
(recommendations and actions)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QLabel, QMenu, QSizePolicy, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from desktop_app.domain import dates
from desktop_app.domain.enums import MeetingStatus, WorkFormat, WorkStatus
from desktop_app.domain.records import AgendaItemRow, MeetingRow
from desktop_app.services.clock import today
from desktop_app.ui.meetings.agenda_model import AgendaModel
from desktop_app.ui.meetings.attendance_text import attendance_parts
from desktop_app.ui.meetings.meetings_model import (MeetingsFilter, MeetingsModel, OutcomesModel,
                                                  RowRole, SortRole, deadline_text, kind_label,
                                                  meeting_heading, status_label)
from desktop_app.ui.meetings.controller import MeetingsController
from desktop_app.ui.meetings.item_panel import AgendaItemPanel
from desktop_app.ui.tab_api import TabPage
from desktop_app.ui.widgets.detail_parts import heading_label
from desktop_app.ui.widgets.search_box import SearchBox
from desktop_app.ui.widgets.wrapped_grid import (Grid, PaddedDelegate, RowFitter, grid,
                                                 set_widths)


class MeetingsTab(TabPage):
    """Lays out and shows; what is done goes through ``self.controller``."""

    title = "Meetings"

    def __init__(self, db, undo_stack, parent=None, *, build: bool = True):
        super().__init__(db, undo_stack, parent)
        self._meeting: MeetingRow | None = None
        self._item: AgendaItemRow | None = None
        self._planned: list = []
        self._in_after = False
        self._in_refresh = False
        self.controller = MeetingsController(self)
        self._built = False
        if build:
            self.build()

    # ================================================================== layout
    def _build(self) -> None:
        self.toolbar = QToolBar("Meetings")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_meeting_action = self._action("&New meeting\u2026", self.controller.new_meeting,
                                               "Add a meeting to the committee's calendar")
        self.edit_meeting_action = self._action("&Edit meeting\u2026", self.controller.edit_meeting,
                                                "Change date, time, venue, kind or deadlines")
        self.mark_held_action = self._action("Mark &held", self.controller.mark_held,
                                             "Record that the meeting took place")
        self.cancel_meeting_action = self._action("&Cancel meeting", self.controller.cancel_meeting,
                                                  "Mark the meeting cancelled (Undo restores it)")
        self.attendance_action = self._action(
            "Atten&dance\u2026", self.controller.edit_attendance,
            "Who attended the chosen meeting, and where its minutes were approved")
        self.add_item_action = self._action("&Add agenda item\u2026", self.controller.add_item,
                                            "Add an item to the chosen meeting's agenda")
        self.edit_item_action = self._action("Edit agenda &item\u2026", self.controller.edit_item,
                                             "Change the chosen agenda item")
        self.attach_action = self._action("A&ttach report\u2026", self.controller.attach_reports,
                                          "Attach report PDFs to the chosen agenda item")
        for action in (self.new_meeting_action, self.edit_meeting_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.mark_held_action)
        self.toolbar.addAction(self.cancel_meeting_action)
        self.toolbar.addAction(self.attendance_action)
        self.toolbar.addSeparator()
        for action in (self.add_item_action, self.edit_item_action, self.attach_action):
            self.toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_edit = SearchBox(self, "Find a meeting or agenda item")
        self.search_edit.setMinimumWidth(280)
        self.toolbar.addWidget(self.search_edit)

        # -- meetings grid
        self.meetings_model = MeetingsModel(self)
        self.meetings_proxy = MeetingsFilter(self)
        self.meetings_proxy.setSourceModel(self.meetings_model)
        self.meetings_view = grid("Meetings")
        self.meetings_view.setModel(self.meetings_proxy)
        self.meetings_view.setSortingEnabled(True)
        self.meetings_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.meetings_view.setWordWrap(False)
        m = MeetingsModel
        set_widths(self.meetings_view, {m.DATE: 210, m.TIME: 70, m.KIND: 140, m.STATUS: 120,
                                        m.PUBLICATION: 255, m.QUESTIONS: 255, m.ITEMS: 50},
                   m.VENUE)
        self.search_edit.textChanged.connect(self.meetings_proxy.set_text)

        # -- chosen meeting
        self.meeting_title = heading_label()
        self.meeting_title.setAccessibleName("Chosen meeting")
        self.meeting_details = QLabel()
        self.meeting_details.setWordWrap(True)
        self.meeting_details.setTextFormat(Qt.TextFormat.RichText)
        self.meeting_attendance = QLabel()   # attendance, and whether the minutes are approved
        self.meeting_attendance.setTextFormat(Qt.TextFormat.RichText)
        self.meeting_attendance.setAccessibleName("Attendance and minutes approval")

        self.agenda_model = AgendaModel(self)
        self.agenda_view = grid("Agenda")
        self.agenda_view.setModel(self.agenda_model)
        a = AgendaModel
        set_widths(self.agenda_view, {a.NUMBER: 40, a.TITLE: 220, a.LEAD: 150, a.EXEMPT: 85,
                                      a.REPORTS: 130, a.MINUTES: 70}, a.PURPOSE)
        self.agenda_fitter = RowFitter(self.agenda_view)

        self.item_panel = panel = AgendaItemPanel()
        panel.attach_button.clicked.connect(self.controller.attach_reports)
        panel.report_title_edit.editingFinished.connect(self.controller.retitle_report)
        panel.save_minutes_button.clicked.connect(lambda: self.controller.save_minutes())

        agenda_split = QSplitter(Qt.Orientation.Horizontal)
        agenda_split.addWidget(self.agenda_view)
        agenda_split.addWidget(panel)
        agenda_split.setStretchFactor(0, 3)
        agenda_split.setStretchFactor(1, 1)
        agenda_split.setSizes([990, 340])
        agenda_split.setChildrenCollapsible(False)

        self.outcomes_model = OutcomesModel(self)
        self.outcomes_view = grid("Recommendations and actions")
        self.outcomes_view.setModel(self.outcomes_model)
        self.outcomes_view.placeholder = ("No recommendations or actions are recorded against "
                                          "this meeting.")
        self.outcomes_view.setSortingEnabled(True)
        self.outcomes_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        o = OutcomesModel
        set_widths(self.outcomes_view, {o.KIND: 120, o.REF: 50, o.ITEM: 220, o.OWNER: 200,
                                        o.DUE: 130, o.STATUS: 200}, o.TEXT)
        self.outcomes_fitter = RowFitter(self.outcomes_view)

        self.detail_tabs = QTabWidget()
        self.detail_tabs.setDocumentMode(True)
        self.detail_tabs.addTab(agenda_split, "Agenda")
        self.detail_tabs.addTab(self.outcomes_view, "Recommendations and actions")

        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 6, 0, 0)
        ll.addWidget(self.meeting_title)
        ll.addWidget(self.meeting_details)
        ll.addWidget(self.meeting_attendance)
        ll.addWidget(self.detail_tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.meetings_view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([200, 440])
        self.splitter.setChildrenCollapsible(False)

        self.lay_out(self.toolbar, self.splitter, "Choose a committee to see its meetings.")

        # -- wiring
        self.meetings_view.selectionModel().currentRowChanged.connect(self._meeting_changed)
        self.meetings_view.doubleClicked.connect(lambda _i: self.controller.edit_meeting())
        self.meetings_view.customContextMenuRequested.connect(self._meeting_menu)
        self.agenda_view.selectionModel().currentRowChanged.connect(self._item_changed)
        self.agenda_view.doubleClicked.connect(lambda _i: self.controller.edit_item())
        self.agenda_view.customContextMenuRequested.connect(self._item_menu)
        panel.reports_list.itemActivated.connect(lambda _i: panel.open_report())
        panel.reports_list.currentRowChanged.connect(lambda _r: self._update_actions())
        self._update_actions()

    # ================================================================== TabPage
    def refresh(self) -> None:
        if not self._in_after:
            self.controller.save_typed_minutes()   # typed minutes are never lost to a reload
        if not self.committee:
            self.show_placeholder()
            self.meetings_model.set_rows([], today())
            self._show_meeting(None)
            self._update_actions()
            return
        self.stack.setCurrentWidget(self.splitter)
        keep = self._meeting.id if self._meeting else None

        def pick(rows: list[MeetingRow]) -> int | None:
            """The meeting shown after the reload: the one shown before, else the first."""
            if keep is not None and any(r.id == keep for r in rows):
                return keep
            return rows[0].id if rows else None
        rows, self._planned = self.controller.load(self.committee, pick)
        self._in_refresh = True
        try:
            self.meetings_model.set_rows(rows, today())
            self.select_meeting(pick(rows))
        finally:
            self._in_refresh = False
        self._update_actions()

    def new_record(self) -> None:
        self.controller.new_meeting()

    def focus_search(self) -> None:
        self.search_edit.focus()

    # ================================================================== selection
    def select_meeting(self, meeting_id: int | None) -> None:
        row = self.meetings_model.row_of(meeting_id) if meeting_id is not None else -1
        index = self.meetings_proxy.mapFromSource(self.meetings_model.index(row, 0)) \
            if row >= 0 else None
        if index is not None and index.isValid():
            self.meetings_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.meetings_view.scrollTo(index)
            m = self.meetings_model.row_at(row)
            if self._meeting is not m:   # not shown already (by the current row's change)
                self._show_meeting(m)
        else:
            self._show_meeting(None)

    def select_item(self, item_id: int | None) -> None:
        row = self.agenda_model.row_of(item_id) if item_id is not None else -1
        if row >= 0:
            self.agenda_view.selectionModel().setCurrentIndex(
                self.agenda_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self._show_item(None)

    def current_meeting(self) -> MeetingRow | None:
        return self._meeting

    def current_item(self) -> AgendaItemRow | None:
        return self._item

    def _meeting_changed(self, current, _previous) -> None:
        if not self._in_refresh:
            self.controller.save_typed_minutes(later=True)
        self._show_meeting(current.data(RowRole) if current.isValid() else None)

    def _item_changed(self, current, _previous) -> None:
        if not self._in_refresh:
            self.controller.save_typed_minutes(later=True)
        self._show_item(current.data(RowRole) if current.isValid() else None)

    def _show_meeting(self, m: MeetingRow | None) -> None:
        keep_item = self._item.id if self._item else None
        self._meeting = m
        if m is None:
            self.meeting_title.setText("No meeting chosen")
            self.meeting_details.setText("")
            self.meeting_attendance.setText("")
            self.agenda_model.set_rows([])
            self.outcomes_model.set_rows([])
            self._show_item(None)
            return
        self.meeting_title.setText(f"{meeting_heading(m)}  \u2013  {kind_label(m.kind)}")
        now = today()
        parts = [f"<b>{status_label(m, now)}</b>"]
        if m.venue:
            parts.append(m.venue)
        for label, day in (("Publication deadline", m.publication_deadline),
                           ("Questions deadline", m.questions_deadline)):
            text = f"{label}: {deadline_text(day)}"
            if dates.is_bank_holiday(day):
                text = f"<span style='color:#8a5a00'>{text} (bank holiday)</span>"
            parts.append(text)
        self.meeting_details.setText("&nbsp;&nbsp;\u00b7&nbsp;&nbsp;".join(parts))
        self.meeting_attendance.setText("&nbsp;&nbsp;\u00b7&nbsp;&nbsp;".join(
            attendance_parts(self.controller.attendance_of(m.id), m, now)))
        self.agenda_model.set_rows(m.items)
        planned = [w.title for w in self._planned if w.meeting_id == m.id
                   and w.status != WorkStatus.DROPPED
                   and w.format in (WorkFormat.AGENDA_ITEM, WorkFormat.ANNUAL_REPORT)]
        self.agenda_view.placeholder = "No agenda items yet: use Add agenda item\u2026"
        if planned:
            self.agenda_view.placeholder += (
                f"\n\nThe work programme plans {len(planned)} item"
                f"{'s' if len(planned) != 1 else ''} for this meeting:\n"
                + "\n".join(f"\u2022 {t}" for t in planned))
        outcomes = self.controller.outcomes_of(m.id)
        self.outcomes_model.set_rows(outcomes)
        self.detail_tabs.setTabText(0, f"Agenda ({len(m.items)})")
        self.detail_tabs.setTabText(1, f"Recommendations and actions ({len(outcomes)})")
        self.select_item(keep_item if keep_item is not None and self.agenda_model.row_of(keep_item) >= 0
                         else (m.items[0].id if m.items else None))
        self._update_actions()

    def _show_item(self, item: AgendaItemRow | None) -> None:
        self._item = item
        self.item_panel.show_item(item)
        self._update_actions()

    def _update_actions(self) -> None:
        has_committee = bool(self.committee)
        m, item = self._meeting, self._item
        self.new_meeting_action.setEnabled(has_committee)
        self.edit_meeting_action.setEnabled(m is not None)
        self.mark_held_action.setEnabled(m is not None and m.status != MeetingStatus.HELD
                                         and m.date <= today())
        self.cancel_meeting_action.setEnabled(m is not None
                                              and m.status == MeetingStatus.SCHEDULED)
        self.add_item_action.setEnabled(m is not None)
        self.attendance_action.setEnabled(m is not None)
        self.edit_item_action.setEnabled(item is not None)
        self.attach_action.setEnabled(item is not None)
        self.item_panel.set_item_actions_enabled(item is not None)

    # ================================================================== edits
    def after_edit(self) -> None:
        """After an edit (or its undo): reload, and tell the window the data changed."""
        self._in_after = True
        try:
            self.refresh()
        finally:
            self._in_after = False
        self.data_changed.emit()

    # -- menus
    def _meeting_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.edit_meeting_action, self.mark_held_action,
                       self.cancel_meeting_action, self.attendance_action, None,
                       self.add_item_action,
                       self.new_meeting_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.meetings_view.viewport().mapToGlobal(pos))

    def _item_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.edit_item_action, self.attach_action, None, self.add_item_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.agenda_view.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event) -> None:
        if (event.matches(QKeySequence.StandardKey.Save)
                and self.item_panel.minutes_edit.hasFocus()):
            self.controller.save_minutes()
            return
        super().keyPressEvent(event)


__all__ = ["Grid", "MeetingsTab", "PaddedDelegate", "RowFitter", "SortRole", "grid",
           "heading_label", "set_widths"]
