"""The Meetings tab: the committee's meetings (upcoming first), and for the chosen meeting its
agenda, the minutes of each item, the reports attached, and what the meeting asked for
(recommendations and actions)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (QEvent, QItemSelectionModel, QObject, QSignalBlocker, QSize, Qt,
                            QTimer, QUrl, Signal)
from PySide6.QtGui import QAction, QColor, QDesktopServices, QKeySequence, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFileDialog, QFrame,
                               QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QMenu, QPlainTextEdit, QPushButton, QSizePolicy, QSplitter,
                               QStackedWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTableView, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from desktop_app.domain import dates
from desktop_app.domain.records import AgendaItemRow, MeetingRow
from desktop_app.services import actions as actions_service
from desktop_app.services import meetings as meetings_service
from desktop_app.services import recommendations as recs_service
from desktop_app.services import work_programme as wp_service
from desktop_app.services.common import today
from desktop_app.services.errors import ConflictError, ServiceError
from desktop_app.ui.errors import show_conflict, show_error
from desktop_app.ui.models.agenda_model import AgendaModel
from desktop_app.ui.models.meetings_model import (MeetingsFilter, MeetingsModel, OutcomesModel,
                                                  RowRole, SortRole, deadline_text, kind_label,
                                                  meeting_heading, status_label)
from desktop_app.ui.tab_api import TabPage
from desktop_app.ui.undo import ServiceCommand
from desktop_app.ui.views.meeting_dialogs import AgendaItemDialog, MeetingDialog
from desktop_app.ui.widgets.search_box import SearchBox


class Grid(QTableView):
    """A table that says what to do when it is empty (``placeholder``)."""

    placeholder = ""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.placeholder and self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#6b6b6b"))
            rect = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()


def grid(name: str) -> Grid:
    """A read-only, row-selecting, word-wrapping grid in the house style."""
    view = Grid()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                | Qt.AlignmentFlag.AlignVCenter)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setItemDelegate(PaddedDelegate(view))
    view.verticalHeader().setMinimumSectionSize(view.fontMetrics().lineSpacing() + 12)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 12)
    return view


class PaddedDelegate(QStyledItemDelegate):
    """Breathing room above and below wrapped text (rows are sized from this hint)."""

    PAD = 5

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        # The row's background and selection fill the whole cell; the text sits inside a
        # padded rectangle (drawn over the same fill, so the seam does not show).
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter,
                            opt.widget)
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(0, self.PAD, 0, -self.PAD)
        super().paint(painter, inner, index)


class RowFitter(QObject):
    """Keeps a word-wrapping grid's row heights fitted to its text: after the model resets,
    a column is resized or the view is resized (once per event-loop turn, however many).

    A grid on a page that is not shown (another tab) is fitted when its page is shown: fitting
    asks the delegate for the size of every cell (hundreds of rows of actions under a meeting),
    which is wasted on a page nobody looks at."""

    fitted = Signal()

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(self.schedule)
        view.installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.schedule)

    def schedule(self, *_args) -> None:
        self.timer.start()

    def fit(self) -> None:
        if self.view.window().isVisible() and not self.view.isVisible():
            return      # on a page not shown: fitted when it is (a Show event reschedules)
        self.view.resizeRowsToContents()
        self.fitted.emit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.schedule()
        return False


def set_widths(view: QTableView, widths: dict[int, int], stretch: int) -> None:
    header = view.horizontalHeader()
    for col, width in widths.items():
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(col, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def heading_label(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    font.setBold(True)
    label.setFont(font)
    return label


class MeetingsTab(TabPage):
    title = "Meetings"

    def __init__(self, db, undo_stack, parent=None):
        super().__init__(db, undo_stack, parent)
        self._meeting: MeetingRow | None = None
        self._item: AgendaItemRow | None = None
        self._outcomes: dict[int, list] = {}   # meeting id -> its recommendations and actions
        self._planned: list = []
        self._in_after = False
        self._in_refresh = False
        self._build()
        self._update_actions()

    # ================================================================== layout
    def _build(self) -> None:
        self.toolbar = QToolBar("Meetings")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_meeting_action = self._action("&New meeting\u2026", self.new_meeting,
                                               "Add a meeting to the committee's calendar")
        self.edit_meeting_action = self._action("&Edit meeting\u2026", self.edit_meeting,
                                                "Change date, time, venue, kind or deadlines")
        self.mark_held_action = self._action("Mark &held", self.mark_held,
                                             "Record that the meeting took place")
        self.cancel_meeting_action = self._action("&Cancel meeting", self.cancel_meeting,
                                                  "Mark the meeting cancelled (Undo restores it)")
        self.add_item_action = self._action("&Add agenda item\u2026", self.add_item,
                                            "Add an item to the chosen meeting's agenda")
        self.edit_item_action = self._action("Edit agenda &item\u2026", self.edit_item,
                                             "Change the chosen agenda item")
        self.attach_action = self._action("A&ttach report\u2026", self.attach_reports,
                                          "Attach report PDFs to the chosen agenda item")
        for action in (self.new_meeting_action, self.edit_meeting_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.mark_held_action)
        self.toolbar.addAction(self.cancel_meeting_action)
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

        self.agenda_model = AgendaModel(self)
        self.agenda_view = grid("Agenda")
        self.agenda_view.setModel(self.agenda_model)
        a = AgendaModel
        set_widths(self.agenda_view, {a.NUMBER: 40, a.TITLE: 220, a.LEAD: 150, a.EXEMPT: 85,
                                      a.REPORTS: 130, a.MINUTES: 70}, a.PURPOSE)
        self.agenda_fitter = RowFitter(self.agenda_view)

        # -- item panel: reports and minutes
        self.item_title = heading_label("No agenda item chosen")
        self.item_title.setWordWrap(True)
        self.reports_list = QListWidget()
        self.reports_list.setAccessibleName("Reports")
        self.reports_list.setMaximumHeight(72)
        self.attach_button = QPushButton("Attach\u2026")
        self.attach_button.clicked.connect(self.attach_reports)
        self.open_button = QPushButton("Open")
        self.open_button.clicked.connect(self.open_report)
        self.minutes_edit = QPlainTextEdit()
        self.minutes_edit.setAccessibleName("Minutes")
        self.minutes_edit.setPlaceholderText("Minutes of this item: the discussion and what was "
                                             "RESOLVED.")
        self.save_minutes_button = QPushButton("&Save minutes")
        self.save_minutes_button.setEnabled(False)
        self.save_minutes_button.clicked.connect(self.save_minutes)
        self.minutes_edit.modificationChanged.connect(self._minutes_modified)

        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        pl = QVBoxLayout(panel)
        pl.addWidget(self.item_title)
        reports_row = QHBoxLayout()
        reports_row.addWidget(QLabel("<b>Reports</b>"))
        reports_row.addStretch(1)
        reports_row.addWidget(self.attach_button)
        reports_row.addWidget(self.open_button)
        pl.addLayout(reports_row)
        pl.addWidget(self.reports_list)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(QLabel("<b>Minutes</b>"))
        minutes_row.addStretch(1)
        minutes_row.addWidget(self.save_minutes_button)
        pl.addLayout(minutes_row)
        pl.addWidget(self.minutes_edit, 1)

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
        ll.addWidget(self.detail_tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.meetings_view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([200, 440])
        self.splitter.setChildrenCollapsible(False)

        self.placeholder = QLabel("Choose a committee to see its meetings.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.splitter)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 8)
        outer.addWidget(self.toolbar)
        outer.addWidget(self.stack, 1)

        # -- wiring
        self.meetings_view.selectionModel().currentRowChanged.connect(self._meeting_changed)
        self.meetings_view.doubleClicked.connect(lambda _i: self.edit_meeting())
        self.meetings_view.customContextMenuRequested.connect(self._meeting_menu)
        self.agenda_view.selectionModel().currentRowChanged.connect(self._item_changed)
        self.agenda_view.doubleClicked.connect(lambda _i: self.edit_item())
        self.agenda_view.customContextMenuRequested.connect(self._item_menu)
        self.reports_list.itemActivated.connect(lambda _i: self.open_report())
        self.reports_list.currentRowChanged.connect(lambda _r: self._update_actions())

    def _action(self, text: str, slot, tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # ================================================================== TabPage
    def refresh(self) -> None:
        if not self._in_after:
            self._save_minutes_if_changed()     # typed minutes are never lost to a reload
        if not self.committee:
            self.stack.setCurrentWidget(self.placeholder)
            self.meetings_model.set_rows([], today())
            self._show_meeting(None)
            self._update_actions()
            return
        self.stack.setCurrentWidget(self.splitter)
        keep = self._meeting.id if self._meeting else None
        # The recommendations and actions are read per meeting, when one is shown (see
        # _outcomes_of), not all of them here: with 10,000 actions that took a second.
        self._outcomes = {}
        try:
            rows = meetings_service.list_meetings(self.db, self.committee, upcoming_first=True)
            self._planned = wp_service.list_work_programme(self.db, self.committee)
        except ServiceError as exc:
            self.status.emit(str(exc))
            rows, self._planned = [], []
        self._in_refresh = True
        try:
            self.meetings_model.set_rows(rows, today())
            self.select_meeting(keep if keep is not None and self.meetings_model.row_of(keep) >= 0
                                else (rows[0].id if rows else None))
        finally:
            self._in_refresh = False
        self._update_actions()

    def new_record(self) -> None:
        self.new_meeting()

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
            self._show_meeting(self.meetings_model.row_at(row))
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
            self._save_minutes_if_changed(later=True)
        self._show_meeting(current.data(RowRole) if current.isValid() else None)

    def _item_changed(self, current, _previous) -> None:
        if not self._in_refresh:
            self._save_minutes_if_changed(later=True)
        self._show_item(current.data(RowRole) if current.isValid() else None)

    def _show_meeting(self, m: MeetingRow | None) -> None:
        keep_item = self._item.id if self._item else None
        self._meeting = m
        if m is None:
            self.meeting_title.setText("No meeting chosen")
            self.meeting_details.setText("")
            self.agenda_model.set_rows([])
            self.outcomes_model.set_rows([])
            self._show_item(None)
            self._update_actions()
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
        self.agenda_model.set_rows(m.items)
        planned = [w.title for w in self._planned if w.meeting_id == m.id
                   and w.status != "dropped" and w.format in ("agenda_item", "annual_report")]
        self.agenda_view.placeholder = "No agenda items yet: use Add agenda item\u2026"
        if planned:
            self.agenda_view.placeholder += (
                f"\n\nThe work programme plans {len(planned)} item"
                f"{'s' if len(planned) != 1 else ''} for this meeting:\n"
                + "\n".join(f"\u2022 {t}" for t in planned))
        self.agenda_view.viewport().update()
        outcomes = self._outcomes_of(m.id)
        self.outcomes_model.set_rows(outcomes)
        self.detail_tabs.setTabText(0, f"Agenda ({len(m.items)})")
        self.detail_tabs.setTabText(1, f"Recommendations and actions ({len(outcomes)})")
        self.select_item(keep_item if keep_item is not None and self.agenda_model.row_of(keep_item) >= 0
                         else (m.items[0].id if m.items else None))
        self._update_actions()

    def _outcomes_of(self, meeting_id: int) -> list:
        """The meeting's recommendations, then its actions (read once per refresh)."""
        found = self._outcomes.get(meeting_id)
        if found is None:
            try:
                found = [*recs_service.list_recommendations(self.db, self.committee,
                                                            meeting_id=meeting_id),
                         *actions_service.list_actions(self.db, self.committee,
                                                       meeting_id=meeting_id)]
            except ServiceError as exc:
                self.status.emit(str(exc))
                found = []
            self._outcomes[meeting_id] = found
        return found

    def _show_item(self, item: AgendaItemRow | None) -> None:
        same = self._item is not None and item is not None and item.id == self._item.id
        self._item = item
        with QSignalBlocker(self.reports_list):
            self.reports_list.clear()
            for att in item.attachments if item else ():
                entry = QListWidgetItem(att.title or Path(att.path).name)
                entry.setToolTip(att.path)
                entry.setData(Qt.ItemDataRole.UserRole, att.path)
                if not Path(att.path).exists():
                    entry.setText(entry.text() + "  (file missing)")
                self.reports_list.addItem(entry)
            if self.reports_list.count():
                self.reports_list.setCurrentRow(0)
            elif item is not None:
                hint = QListWidgetItem("No reports attached – use Attach… to add the PDFs")
                hint.setFlags(Qt.ItemFlag.NoItemFlags)
                self.reports_list.addItem(hint)
        if item is None:
            self.item_title.setText("No agenda item chosen")
            self.minutes_edit.setPlainText("")
            self.minutes_edit.setEnabled(False)
        else:
            self.item_title.setText(f"{item.number}. {item.title}")
            self.minutes_edit.setEnabled(True)
            if not (same and self.minutes_edit.document().isModified()):
                self.minutes_edit.setPlainText(item.minutes_text)
                self.minutes_edit.document().setModified(False)
        self._update_actions()

    def _update_actions(self) -> None:
        has_committee = bool(self.committee)
        m, item = self._meeting, self._item
        self.new_meeting_action.setEnabled(has_committee)
        self.edit_meeting_action.setEnabled(m is not None)
        self.mark_held_action.setEnabled(m is not None and m.status != "held"
                                         and m.date <= today())
        self.cancel_meeting_action.setEnabled(m is not None and m.status == "scheduled")
        self.add_item_action.setEnabled(m is not None)
        self.edit_item_action.setEnabled(item is not None)
        self.attach_action.setEnabled(item is not None)
        self.attach_button.setEnabled(item is not None)
        self.open_button.setEnabled(self.reports_list.currentItem() is not None)

    # ================================================================== edits
    def _run(self, fn):
        """A service call outside a dialog: errors are shown; a conflict offers a reload."""
        try:
            return fn()
        except ConflictError as exc:
            if show_conflict(self, exc, "meeting"):
                self.refresh()
            return None
        except ServiceError as exc:
            show_error(self, exc)
            return None

    def _after_edit(self) -> None:
        self._in_after = True
        try:
            self.refresh()
        finally:
            self._in_after = False
        self.data_changed.emit()

    def push(self, text: str, do, undo, in_dialog: bool = False, later: bool = False):
        """Run ``do`` now, then push it so Undo calls ``undo`` and Redo calls ``do`` again.

        If ``do`` fails nothing goes on the stack; the error is shown in a message box, or
        raised for the dialog to show (``in_dialog``). ``later``: reload the views on the
        next turn of the event loop (when called from a selection change)."""
        if in_dialog:
            result = do()
        else:
            result = self._run(do)
            if result is None:
                return None
        pending = [True]

        def redo():
            if pending:
                pending.clear()
                return result
            return self._run(do)

        deferred = [True] if later else []

        def after():
            if deferred:
                deferred.clear()
                QTimer.singleShot(0, self._after_edit)
            else:
                self._after_edit()

        self.undo_stack.push(ServiceCommand(text, redo, lambda: self._run(undo), after=after))
        self.status.emit(f"{text} (Ctrl+Z undoes)")
        return result

    def _versioned(self, update, row_id: int, version: int, new: dict, old: dict, text: str,
                   in_dialog: bool = False, later: bool = False):
        """An edit of some fields; Undo puts the old values back. Each step checks the
        version it last saw, so nobody else's change is overwritten silently."""
        state = {"version": version}

        def apply(fields):
            def run():
                row = update(self.db, row_id, if_version=state["version"], **fields)
                state["version"] = row.version
                return row
            return run

        return self.push(text, apply(new), apply(old), in_dialog, later)

    # -- meetings
    def _meeting_defaults(self) -> dict:
        rows = [self.meetings_model.row_at(r) for r in range(self.meetings_model.rowCount())]
        latest = max(rows, key=lambda r: r.date, default=None)
        base = max(latest.date + dt.timedelta(days=42), today()) if latest else today()
        timed = [r for r in sorted(rows, key=lambda r: r.date) if r.time]
        placed = [r for r in sorted(rows, key=lambda r: r.date) if r.venue]
        return {"date": base, "time": timed[-1].time if timed else dt.time(14, 30),
                "venue": placed[-1].venue if placed else "", "kind": "mainstream"}

    def new_meeting(self) -> MeetingDialog | None:
        self._save_minutes_if_changed()
        if not self.committee:
            return None

        def submit(v: dict):
            row = meetings_service.add_meeting(
                self.db, self.committee, v["date"], time=v["start_time"], venue=v["venue"],
                kind=v["kind"], publication_deadline=v["publication_deadline_override"],
                questions_deadline=v["questions_deadline_override"])
            self._meeting = row
            self._after_edit()
            self.select_meeting(row.id)
            self.status.emit(f"Added the meeting on {dates.format_uk(row.date, 'full')}")
            return row

        dialog = MeetingDialog(self, None, self._meeting_defaults(), on_submit=submit)
        dialog.open()
        return dialog

    def edit_meeting(self) -> MeetingDialog | None:
        self._save_minutes_if_changed()
        m = self._meeting
        if m is None:
            return None
        old = {"date": m.date, "start_time": m.time, "venue": m.venue, "kind": m.kind,
               "publication_deadline_override": (
                   None if m.publication_deadline == dates.publication_deadline(m.date)
                   else m.publication_deadline),
               "questions_deadline_override": (
                   None if m.questions_deadline == dates.questions_deadline(m.date)
                   else m.questions_deadline)}

        def submit(v: dict):
            new = {k: val for k, val in v.items() if val != old[k]}
            if not new:
                return m
            back = {k: old[k] for k in new}
            return self._versioned(meetings_service.update_meeting, m.id, m.version, new, back,
                                   f"Edit the meeting on {dates.format_uk(m.date)}", True)

        dialog = MeetingDialog(self, m, on_submit=submit)
        dialog.open()
        return dialog

    def _set_status(self, status: str, verb: str) -> None:
        self._save_minutes_if_changed()
        m = self._meeting
        if m is None or m.status == status:
            return
        self._versioned(meetings_service.update_meeting, m.id, m.version, {"status": status},
                        {"status": m.status}, f"{verb} the meeting on {dates.format_uk(m.date)}")

    def mark_held(self) -> None:
        self._set_status("held", "Mark held")

    def cancel_meeting(self) -> None:
        self._set_status("cancelled", "Cancel")

    # -- agenda items
    def add_item(self) -> AgendaItemDialog | None:
        self._save_minutes_if_changed()
        m = self._meeting
        if m is None:
            return None
        numbers = [int(i.number) for i in m.items if i.number.isdigit()]
        number = str(max(numbers, default=0) + 1)

        def submit(v: dict):
            state: dict = {}

            def do():
                row = meetings_service.add_item(
                    self.db, self.committee, m.date, v["number"], v["title"],
                    purpose=v["purpose"], lead=v["lead_officers"],
                    scrutiny_type=v["scrutiny_type"], exempt_paragraph=v["exempt_paragraph"] or None)
                state["id"] = row.id
                return row

            row = self.push(f"Add agenda item {v['number']}", do,
                            lambda: meetings_service.remove_item(self.db, state["id"]), True)
            self.select_item(row.id)
            return row

        dialog = AgendaItemDialog(self, None, number, meeting_heading(m), on_submit=submit)
        dialog.open()
        return dialog

    def edit_item(self) -> AgendaItemDialog | None:
        self._save_minutes_if_changed()
        item, m = self._item, self._meeting
        if item is None or m is None:
            return None
        old = {"number": item.number, "title": item.title, "scrutiny_type": item.scrutiny_type,
               "purpose": item.purpose, "lead_officers": item.lead_officers,
               "exempt_paragraph": item.exempt_paragraph if item.exempt else ""}

        def submit(v: dict):
            new = {k: val for k, val in v.items() if val != old[k]}
            if not new:
                return item
            return self._versioned(meetings_service.update_item, item.id, item.version, new,
                                   {k: old[k] for k in new}, f"Edit agenda item {item.number}",
                                   True)

        dialog = AgendaItemDialog(self, item, meeting_text=meeting_heading(m), on_submit=submit)
        dialog.open()
        return dialog

    def _minutes_modified(self, modified: bool) -> None:
        self.save_minutes_button.setEnabled(modified and self._item is not None)

    def _save_minutes_if_changed(self, later: bool = False) -> None:
        """Typed minutes are saved (never lost) before anything else happens to the item."""
        if self._item is not None and self.minutes_edit.document().isModified():
            self.save_minutes(later)

    def save_minutes(self, later: bool = False) -> None:
        item = self._item
        if item is None:
            return
        text = self.minutes_edit.toPlainText().rstrip()
        self.minutes_edit.document().setModified(False)
        if text == item.minutes_text:
            return
        self._versioned(meetings_service.update_item, item.id, item.version,
                        {"minutes_text": text}, {"minutes_text": item.minutes_text},
                        f"Edit the minutes of item {item.number}", later=later)

    # -- reports
    def attach_reports(self) -> None:
        self._save_minutes_if_changed()
        item = self._item
        if item is None:
            return
        start = str(Path(item.attachments[-1].path).parent) if item.attachments else ""
        paths, _ = QFileDialog.getOpenFileNames(self, f"Attach reports to item {item.number}",
                                                start, "PDF files (*.pdf);;All files (*)")
        if not paths:
            return
        for path in paths:
            if self._run(lambda p=path: meetings_service.attach_file(self.db, item.id, p)) is None:
                break
        self._after_edit()
        self.status.emit(f"Attached {len(paths)} report(s) to item {item.number}")

    def open_report(self) -> None:
        entry = self.reports_list.currentItem()
        if entry is None:
            return
        path = entry.data(Qt.ItemDataRole.UserRole)
        if not Path(path).exists():
            show_error(self, f"{path} is no longer there: it may have been moved or deleted.",
                       "Cannot open the report")
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            show_error(self, f"No program is set up to open {Path(path).name}.",
                       "Cannot open the report")

    # -- menus
    def _meeting_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.edit_meeting_action, self.mark_held_action,
                       self.cancel_meeting_action, None, self.add_item_action,
                       self.new_meeting_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.meetings_view.viewport().mapToGlobal(pos))

    def _item_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.edit_item_action, self.attach_action, None, self.add_item_action):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.agenda_view.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Save) and self.minutes_edit.hasFocus():
            self.save_minutes()
            return
        super().keyPressEvent(event)


__all__ = ["MeetingsTab", "SortRole"]
