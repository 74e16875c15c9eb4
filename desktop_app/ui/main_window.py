"""The main window: committee chooser, attention strip, the Meetings / Work programme / Tracker
tabs (or the welcome page while there is no committee), menus, shortcuts and window state."""

from __future__ import annotations

from desktop_app.ui import startup  # noqa: F401 - before PySide6 (no Qt in it): see the module
import logging
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QIcon, QShowEvent, QUndoStack
from PySide6.QtWidgets import (QComboBox, QLabel, QMainWindow, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from desktop_app import APP_NAME
from desktop_app.services.workspace import Database
from desktop_app.services import window_read
from desktop_app.ui import app_state, workers
from desktop_app.ui.errors import show_error
from desktop_app.ui.tab_api import TabPage
from desktop_app.ui.meetings.meetings_tab import MeetingsTab
from desktop_app.ui.overview.page import OverviewPage
from desktop_app.ui.shell.attention_strip import AttentionStrip
from desktop_app.ui.shell.commands import WindowCommands
from desktop_app.ui.shell import window_state
from desktop_app.ui.shell.menus import WindowMenus
from desktop_app.ui.tracker.tracker_tab import TrackerTab
from desktop_app.ui.work_programme.work_programme_tab import WorkProgrammeTab

if TYPE_CHECKING:   # imported when first needed: most databases never show it
    from desktop_app.ui.shell.welcome_page import WelcomePage

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None, *, remember: bool = True,
                 load: bool = True):
        """``load=False``: the committees and the tabs' data are read by ``load()``, which
        ``run`` calls once the window has been painted (a window at once, then its data)."""
        super().__init__(parent)
        self.db = db
        self.remember = remember
        self.committee: str | None = None
        self.undo_stack = QUndoStack(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(960, 600)
        self._icon()
        self._stale: set[TabPage] = set()
        self._shown_once = False
        self.search_window: Any = None     # made on first use (Ctrl+Shift+F)

        self.overview = OverviewPage(db, self.undo_stack)
        # a window shown before its data paints without the tabs it does not show: they are made
        # when first shown or used
        self.meetings_tab = MeetingsTab(db, self.undo_stack, build=load)
        self.work_tab = WorkProgrammeTab(db, self.undo_stack, build=load)
        self.tracker = TrackerTab(db, self.undo_stack)
        self.meetings_tab.setObjectName("meetingsTab")
        self.work_tab.setObjectName("workProgrammeTab")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName("Main tabs")
        self.tabs.setDocumentMode(True)
        for tab, title in ((self.overview, "&Overview"), (self.meetings_tab, "&Meetings"), (self.work_tab, "&Work programme"),
                           (self.tracker, "&Tracker")):
            self.tabs.addTab(tab, title)
            tab.data_changed.connect(lambda tab=tab: self._data_changed(tab))
            if isinstance(tab, TabPage):
                tab.committee_requested.connect(self.choose_committee)
            tab.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        self.overview.open_requested.connect(self.open_overview_line)
        self.overview.chase_requested.connect(self.chase_owner)

        self.location_banner = self._location_banner()
        self.strip = AttentionStrip(blank=not load)   # load=False: hidden until counted
        self.strip.overdue_actions_clicked.connect(self.show_overdue_actions)
        self.strip.overdue_responses_clicked.connect(self.show_overdue_responses)
        self.strip.next_meeting_clicked.connect(self.show_next_meeting)
        self.tracker.summary_changed.connect(self.strip.set_counts)
        self.tracker.next_meeting_changed.connect(
            lambda info: self.strip.set_next_meeting(info, app_state.today(),
                                                     show_committee=self.committee is None))

        main = QWidget()
        lay = QVBoxLayout(main)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.strip)
        lay.addWidget(self.tabs, 1)
        self.commands = WindowCommands(self)
        self.stack = QStackedWidget()
        # the page shown while there is no committee: made when first needed (``welcome_page``);
        # a window shown before its data paints without it (most databases never need it)
        self.welcome: WelcomePage | None = None
        if load:
            self.welcome_page()   # shown until the committees are read, as before
        self.stack.addWidget(main)
        self.main_page = main
        central = QWidget()
        central_lay = QVBoxLayout(central)
        central_lay.setContentsMargins(0, 0, 0, 0)
        central_lay.setSpacing(0)
        central_lay.addWidget(self.location_banner)
        central_lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.committee_combo = QComboBox()
        self.committee_combo.setObjectName("committeeCombo")
        self.committee_combo.setAccessibleName("Committee")
        self.committee_combo.setToolTip("The committee whose meetings, work programme and "
                                        "tracker are shown")
        self.committee_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.committee_combo.setMinimumContentsLength(30)
        self.menus = WindowMenus(self, self.commands)
        self.committee_combo.currentIndexChanged.connect(self._committee_chosen)
        self.db_label = QLabel(self.db_text())
        self.db_label.setStyleSheet("color: #5f6368; padding: 0 6px;")
        self.statusBar().addPermanentWidget(self.db_label)
        window_state.restore(self)
        self._started = False   # the first load keeps the remembered tab
        if load:
            self.load_committees()
        else:
            self.stack.setCurrentWidget(main)   # not the welcome page, unless there is nothing
            for a in self.menus.needs_committee():
                a.setEnabled(False)
            self.committee_combo.setEnabled(False)
            policy = self.strip.sizePolicy()    # its place kept: nothing moves when it shows
            policy.setRetainSizeWhenHidden(True)
            self.strip.setSizePolicy(policy)
            self.strip.hide()                   # never "no overdue actions" before it knows

    def load_committees(self) -> None:
        self.reload_committees()
        self._started = True

    def load(self) -> None:
        """Read the committees and show the current one (see ``load`` in the constructor).
        The attention strip shows once the Tracker has counted what it says (its first reading
        done), as the officer left it (View > Show what needs attention): never "No overdue
        actions" before it knows."""
        self.tracker.loaded.connect(self._strip_known, Qt.ConnectionType.SingleShotConnection)
        self.load_committees()

    def welcome_page(self) -> WelcomePage:
        """The welcome page (``self.welcome``), made and put in the window's stack the first
        time it is needed."""
        if self.welcome is None:
            from desktop_app.ui.shell.welcome_page import WelcomePage
            self.welcome = WelcomePage()
            self.welcome.import_clicked.connect(self.commands.open_import_wizard)
            self.welcome.create_clicked.connect(self.commands.create_committee)
            self.welcome.demo_clicked.connect(self.commands.load_demo)
            self.stack.addWidget(self.welcome)
        return self.welcome

    def _strip_known(self) -> None:
        self.strip.setVisible(self.menus.strip_action.isChecked())

    @property
    def dialog(self) -> Any:
        """The dialog the window opened last (see ``WindowCommands.dialog``)."""
        return self.commands.dialog

    def _icon(self) -> None:
        # resources.resource finds the file in the package's folder without importlib.resources
        # (its imports cost ~3-5 ms before the first paint), and through it in a zipped package
        from desktop_app.resources import resource
        try:
            self.setWindowIcon(QIcon(str(resource("icons", "app.png"))))
        except FileNotFoundError:
            return

    def _location_banner(self) -> QLabel:
        """The network-share / OneDrive warning, shown above everything while it applies."""
        from desktop_app.services.workspace import location_warning
        banner = QLabel()
        banner.setObjectName("locationWarning")
        banner.setAccessibleName("Database location warning")
        banner.setWordWrap(True)
        banner.setStyleSheet("QLabel { background: #fff4ce; color: #3d2e00; "
                             "border-bottom: 1px solid #e0c35c; padding: 6px 10px; }")
        try:
            warning = location_warning(self.db)
        except Exception:  # noqa: BLE001 - a check that fails must not stop the window
            log.exception("checking where the database is")
            warning = None
        if warning:
            log.warning("%s", warning)
            text = warning.removeprefix("warning: ")
            banner.setText("\u26a0 " + text[:1].upper() + text[1:])
        banner.setVisible(bool(warning))
        return banner

    def db_text(self) -> str:
        from desktop_app.services.workspace import describe_database
        return f"Database: {describe_database(self.db)}"

    # ================================================================== committees
    def reload_committees(self, select: str | None = None) -> None:
        rows = window_read.list_committees(self.db)   # quick when it can: the same rows
        was_welcome = self.stack.currentWidget() is self.welcome
        self.stack.setCurrentWidget(self.main_page if rows else self.welcome_page())
        if rows and was_welcome:
            if self._started:   # data has just arrived: the overview first
                self.tabs.setCurrentWidget(self.overview)
            self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
        self.overview.mark_stale()
        for a in self.menus.needs_committee():
            a.setEnabled(bool(rows))
        self.committee_combo.setEnabled(bool(rows))
        for tab in (self.meetings_tab, self.work_tab):
            tab.committee_choices = [(c.name, c.short_name) for c in rows]
        wanted = select if select is not None else self._wanted_committee(rows)
        self.committee_combo.blockSignals(True)
        self.committee_combo.clear()
        if len(rows) > 1:
            self.committee_combo.addItem("All committees", app_state.ALL_COMMITTEES)
        for c in rows:
            self.committee_combo.addItem(f"{c.name} ({c.short_name})" if c.short_name
                                         else c.name, c.name)
        index = self.committee_combo.findData(wanted)
        self.committee_combo.setCurrentIndex(max(index, 0))
        self.committee_combo.blockSignals(False)
        if rows:
            self._committee_chosen()

    def _wanted_committee(self, rows) -> str:
        saved = app_state.read_str(app_state.KEY_COMMITTEE, "")
        names = [c.name for c in rows]
        if saved in names or (saved == app_state.ALL_COMMITTEES and len(rows) > 1):
            return saved
        return names[0] if names else ""

    def _committee_chosen(self, *_args) -> None:
        value = self.committee_combo.currentData()
        self.committee = value or None
        title = self.committee or "All committees"
        self.setWindowTitle(f"{title} \u2013 {APP_NAME}")
        for tab in (self.meetings_tab, self.work_tab, self.tracker):
            tab.committee = self.committee
        self._stale = {self.meetings_tab, self.work_tab}
        self.tracker.refresh()
        self._refresh_current()

    def choose_committee(self, name: str | None) -> None:
        index = self.committee_combo.findData(name or app_state.ALL_COMMITTEES)
        if index >= 0:
            self.committee_combo.setCurrentIndex(index)

    # ================================================================== tabs
    def _refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            try:
                tab.refresh()
            except Exception as exc:  # noqa: BLE001 - one tab failing must not stop the window
                log.exception("refreshing %s", tab.title)
                show_error(self, exc)

    def _data_changed(self, source: TabPage) -> None:
        self.overview.mark_stale()
        self._stale |= {t for t in (self.meetings_tab, self.work_tab) if t is not source}
        if source is not self.tracker:
            self.tracker.refresh()       # new flags, counts and next meeting
        self._refresh_current()          # e.g. Ctrl+Z on this tab undid another tab's edit

    def refresh_all(self) -> None:
        self.overview.mark_stale()
        self._stale = {self.meetings_tab, self.work_tab}
        self.tracker.refresh()
        self._refresh_current()

    def current_tab(self) -> TabPage:
        return self.tabs.currentWidget()

    def new_record(self) -> None:
        if self.stack.currentWidget() is self.main_page:
            self.current_tab().new_record()

    def focus_search(self) -> None:
        if self.stack.currentWidget() is self.main_page:
            self.current_tab().focus_search()

    def open_overview_line(self, target) -> None:
        """An Overview line: its committee, its tab, its row."""
        from desktop_app.ui.overview.navigate import open_target
        open_target(self, target)

    def chase_owner(self, committee: str, owner: str) -> None:
        """Chase owners (Tools) for the committee, with the owner's row selected."""
        dialog = self.commands.open_tool("chase", committee)
        row = dialog.row_of(owner) if dialog is not None and hasattr(dialog, "row_of") else -1
        if row >= 0:
            dialog.table.selectRow(row)

    def open_search(self) -> Any:
        """Edit > Search everything... (Ctrl+Shift+F): the search window (ui/search/)."""
        from desktop_app.ui.search.search_window import SearchWindow
        if self.search_window is None:
            self.search_window = SearchWindow(self.db, self)
            self.search_window.open_requested.connect(self.open_record)
        self.search_window.show_again()
        return self.search_window

    def open_record(self, key: Any) -> None:
        """Show a search result's record: its tab, committee and row."""
        from desktop_app.ui.search.opening import open_record
        open_record(self, key)

    def show_overdue_actions(self) -> None:
        self.tabs.setCurrentWidget(self.tracker)
        self.tracker.show_view("action", "overdue")

    def show_overdue_responses(self) -> None:
        self.tabs.setCurrentWidget(self.tracker)
        self.tracker.show_view("recommendation", "overdue")

    def show_next_meeting(self) -> None:
        info = self.strip.next_meeting
        if info is not None and self.committee is None:
            self.choose_committee(info.committee)
        self.tabs.setCurrentWidget(self.meetings_tab)
        if info is not None:
            self.meetings_tab.select_meeting(info.id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True   # start keyboard focus on the tabs, not the strip
            (self.tabs.tabBar() if self.stack.currentWidget() is self.main_page
             else self.welcome_page().demo_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        for grid in self.tracker.grids():   # a grid never made has nothing unsaved
            if grid.detail.is_dirty() and not grid._confirm_leave():
                event.ignore()
                return
        window_state.save(self)
        workers.cancel_all()
        super().closeEvent(event)


def run(db: Database, args: Any = None) -> int:
    smoke = bool(getattr(args, "smoke_test", False))
    if smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.ui.launch import ensure_app
    app = ensure_app()   # the light palette and the app's name (ui/launch.py, ui/theme.py)
    from desktop_app.ui import gc_guard
    gc_guard.install(app)   # Qt objects are only ever freed on this thread
    if smoke:
        from desktop_app.ui.smoke import smoke_test
        output = getattr(args, "output", None)
        if output:
            with open(output, "w", encoding="utf-8") as out:
                return smoke_test(app, db, out)
        return smoke_test(app, db)
    from desktop_app.ui import crash
    crash.install()  # an unexpected error: logged, and a dialog naming the log file
    window = MainWindow(db, load=False)
    window.show()
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, window.load)   # the data once the window has been painted
    return app.exec()
