"""The main window's actions, menus and toolbar, and the Help commands (user guide, about, log
folder).

``WindowMenus`` is owned by the main window (``window.menus``): it builds the actions (public
attributes such as ``menus.import_action``), puts them in the menu bar and the toolbar, and
connects them to the window and to its ``WindowCommands``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenuBar, QSizePolicy, QToolBar, QWidget

from desktop_app import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.shell.commands import WindowCommands


class WindowMenus:
    """The actions of one window, in its menus and toolbar."""

    def __init__(self, window: MainWindow, commands: WindowCommands):
        self.window = window
        self.commands = commands
        self._build_actions()
        self._build_menus(window.menuBar())
        window.addToolBar(self._build_toolbar())

    def _act(self, text: str, slot, shortcut=None, tip: str = "", name: str = "") -> QAction:
        act = QAction(text, self.window)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            # once each: F5 given twice (StandardKey.Refresh is F5) made Qt refuse it as ambiguous
            act.setShortcuts(list(dict.fromkeys(QKeySequence(k) for k in keys)))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.setObjectName(name or text.replace("&", "").replace("\u2026", "").strip())
        act.triggered.connect(lambda _checked=False: slot())
        return act

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        window, commands = self.window, self.commands
        self.open_database_action = self._act(
            "&Open database\u2026", commands.open_database, [K.Open],
            "Open another database, or create a new one (remembered for next time)",
            name="Open database")
        self.import_action = self._act("&Import\u2026", commands.open_import_wizard, "Ctrl+I",
                                       "Import a spreadsheet or minutes")
        self.import_minutes_action = self._act(
            "Import &minutes\u2026", commands.open_minutes_review, "Ctrl+Shift+I",
            "Review a minutes file and save its recommendations and actions",
            name="Import minutes")
        self.print_action = self._act("&Print / export\u2026", commands.open_print_dialog,
                                      [K.Print], "Print or export the action log, "
                                      "recommendations, work programme, agenda, minutes "
                                      "or meeting pack")
        self.calendar_action = self._act(
            "Export &calendar\u2026", commands.export_calendar, None,
            "Save the meetings, publication and questions deadlines and executive-response "
            "dates as a calendar file for Outlook", name="Export calendar")
        self.backup_action = self._act("&Back up\u2026", commands.back_up, None,
                                       "Copy the database to a folder of your choice")
        self.quit_action = self._act("&Quit", window.close, [K.Quit, "Ctrl+Q"])
        self.undo_action = window.undo_stack.createUndoAction(window, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.redo_action = window.undo_stack.createRedoAction(window, "&Redo")
        redo_keys = QKeySequence.keyBindings(K.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.new_action = self._act("&New\u2026", window.new_record, [K.New],
                                    "New record in the current tab")
        self.find_action = self._act("&Find", window.focus_search, [K.Find],
                                     "Search in the current tab")
        self.search_action = self._act(
            "&Search everything\u2026", window.open_search, "Ctrl+Shift+F",
            "Search actions, recommendations and responses, work items, agendas, minutes and "
            "report PDFs in every committee", name="Search everything")
        self.refresh_action = self._act("&Refresh", window.refresh_all, [K.Refresh, "F5"])
        self.go_actions = [
            self._act("&Meetings", lambda: window.tabs.setCurrentWidget(window.meetings_tab),
                      "Ctrl+1"),
            self._act("&Work programme", lambda: window.tabs.setCurrentWidget(window.work_tab),
                      "Ctrl+2"),
            self._act("&Tracker", lambda: window.tabs.setCurrentWidget(window.tracker),
                      "Ctrl+3")]
        self.strip_action = QAction("Show what needs &attention", window, checkable=True)
        self.strip_action.toggled.connect(window.strip.setVisible)
        self.details_action = QAction("Show the &detail pane", window, checkable=True)
        self.details_action.setChecked(window.tracker.details_visible())
        self.details_action.toggled.connect(window.tracker.set_details_visible)
        window.tracker.details_toggled.connect(self.details_action.setChecked)   # its button
        self.chase_action = self._act(
            "&Chase owners\u2026", lambda: commands.open_tool("chase"), None,
            "Write a workbook and an email draft for each owner with open actions or "
            "responses due", name="Chase owners")
        self.stats_action = self._act(
            "Impact &statistics\u2026", lambda: commands.open_tool("stats"), None,
            "The committee's figures for a municipal year, as a PDF or a workbook",
            name="Impact statistics")
        self.guide_action = self._act("&User guide", self.show_user_guide, [K.HelpContents])
        self.about_action = self._act("&About", self.show_about)
        self.logs_action = self._act("Open &log folder", self.open_log_folder)
        window.addActions([self.undo_action, self.redo_action, self.new_action,
                           self.find_action, self.search_action])

    def needs_committee(self) -> list[QAction]:
        """The actions that only make sense once there is a committee."""
        return [self.new_action, self.find_action, self.print_action, self.refresh_action,
                self.import_minutes_action, self.search_action, self.calendar_action]

    def _build_menus(self, bar: QMenuBar) -> None:
        m = bar.addMenu("&File")
        m.addAction(self.open_database_action)
        m.addSeparator()
        m.addActions([self.import_action, self.import_minutes_action, self.print_action,
                      self.calendar_action, self.backup_action])
        m.addSeparator()
        m.addAction(self.quit_action)
        m = bar.addMenu("&Edit")
        m.addActions([self.undo_action, self.redo_action])
        m.addSeparator()
        m.addActions([self.new_action, self.find_action, self.search_action])
        m = bar.addMenu("&View")
        m.addActions(self.go_actions)
        m.addSeparator()
        m.addActions([self.strip_action, self.details_action])
        m.addSeparator()
        m.addAction(self.refresh_action)
        m = bar.addMenu("&Tools")
        m.addActions([self.chase_action, self.stats_action])
        m = bar.addMenu("&Help")
        m.addActions([self.guide_action, self.logs_action])
        m.addSeparator()
        m.addAction(self.about_action)

    def _build_toolbar(self) -> QToolBar:
        tb = QToolBar("Main toolbar")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        label = QLabel("  Committee: ")
        label.setBuddy(self.window.committee_combo)
        tb.addWidget(label)
        tb.addWidget(self.window.committee_combo)
        tb.addSeparator()
        tb.addActions([self.new_action, self.undo_action, self.redo_action])
        tb.addSeparator()
        tb.addActions([self.import_action, self.print_action])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        return tb

    # ================================================================== Help
    def show_user_guide(self) -> Any:
        from desktop_app.ui.guide_dialog import GuideDialog
        return self.commands.open_dialog(GuideDialog(self.window))

    def show_about(self) -> QMessageBox:
        # imported where a box is shown: its type and enums are made when first touched (~1 ms
        # of every start otherwise), as ui/launch.py, errors.py and crash.py do
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<br>Meetings, work programme, "
                          "recommendations and action log for council scrutiny committees."
                          f"<br><br>{self.window.db_text()}", QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("aboutDialog")
        return self.commands.open_dialog(box)

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from desktop_app import paths
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
