"""The main window's commands: its actions, menus and toolbar, and the File and Help
commands (import, print / export, back up, user guide, about, log folder).

A mixin of MainWindow (desktop_app/ui/main_window.py), kept apart so each file reads on its own.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (QComboBox, QInputDialog, QLabel, QMessageBox, QSizePolicy,
                               QToolBar, QWidget)

from desktop_app import APP_NAME, __version__
from desktop_app.ui import app_state, workers
from desktop_app.ui.errors import show_error


def _optional_class(module: str, cls_name: str) -> type | None:
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except ModuleNotFoundError:
        return None
    return getattr(importlib.import_module(module), cls_name, None)


def _construct(cls: type, **available: Any) -> Any:
    """Build another engineer's dialog with whichever of our arguments it takes."""
    params = inspect.signature(cls.__init__).parameters
    kwargs = {k: v for k, v in available.items() if k in params}
    return cls(**kwargs)


class WindowCommands:
    """Needs ``db``, ``undo_stack``, ``tracker``, ``strip``, ``committee``, ``statusBar()``."""

    # ================================================================== building
    def _icon(self) -> None:
        try:
            from desktop_app.resources import resource
            self.setWindowIcon(QIcon(str(resource("icons", "app.png"))))
        except FileNotFoundError:
            pass

    def _act(self, text: str, slot, shortcut=None, tip: str = "", name: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            act.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.setObjectName(name or text.replace("&", "").replace("\u2026", "").strip())
        act.triggered.connect(lambda _checked=False: slot())
        return act

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.import_action = self._act("&Import\u2026", self.open_import_wizard, "Ctrl+I",
                                       "Import a spreadsheet or minutes")
        self.import_minutes_action = self._act(
            "Import &minutes\u2026", self.open_minutes_review, "Ctrl+Shift+I",
            "Review a minutes file and save its recommendations and actions",
            name="Import minutes")
        self.print_action = self._act("&Print / export\u2026", self.open_print_dialog,
                                      [K.Print], "Print or export the action log, "
                                      "recommendations, work programme, agenda, minutes "
                                      "or meeting pack")
        self.backup_action = self._act("&Back up\u2026", self.back_up, None,
                                       "Copy the database to a folder of your choice")
        self.quit_action = self._act("&Quit", self.close, [K.Quit, "Ctrl+Q"])
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        redo_keys = QKeySequence.keyBindings(K.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.new_action = self._act("&New\u2026", self.new_record, [K.New],
                                    "New record in the current tab")
        self.find_action = self._act("&Find", self.focus_search, [K.Find],
                                     "Search in the current tab")
        self.refresh_action = self._act("&Refresh", self.refresh_all, [K.Refresh, "F5"])
        self.go_actions = [
            self._act("&Meetings", lambda: self.tabs.setCurrentWidget(self.meetings_tab),
                      "Ctrl+1"),
            self._act("&Work programme", lambda: self.tabs.setCurrentWidget(self.work_tab),
                      "Ctrl+2"),
            self._act("&Tracker", lambda: self.tabs.setCurrentWidget(self.tracker), "Ctrl+3")]
        self.strip_action = QAction("Show what needs &attention", self, checkable=True)
        self.strip_action.toggled.connect(self.strip.setVisible)
        self.details_action = QAction("Show the &detail pane", self, checkable=True)
        self.details_action.setChecked(self.tracker.details_visible())
        self.details_action.toggled.connect(self.tracker.set_details_visible)
        self.guide_action = self._act("&User guide", self.show_user_guide, [K.HelpContents])
        self.about_action = self._act("&About", self.show_about)
        self.logs_action = self._act("Open &log folder", self.open_log_folder)
        self.addActions([self.undo_action, self.redo_action, self.new_action, self.find_action])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu("&File")
        m.addActions([self.import_action, self.import_minutes_action, self.print_action,
                      self.backup_action])
        m.addSeparator()
        m.addAction(self.quit_action)
        m = bar.addMenu("&Edit")
        m.addActions([self.undo_action, self.redo_action])
        m.addSeparator()
        m.addActions([self.new_action, self.find_action])
        m = bar.addMenu("&View")
        m.addActions(self.go_actions)
        m.addSeparator()
        m.addActions([self.strip_action, self.details_action])
        m.addSeparator()
        m.addAction(self.refresh_action)
        self._build_tools_menu(bar)
        m = bar.addMenu("&Help")
        m.addActions([self.guide_action, self.logs_action])
        m.addSeparator()
        m.addAction(self.about_action)

    def _build_tools_menu(self, bar) -> None:
        self.chase_action = self._act(
            "&Chase owners\u2026", lambda: self.open_tool("chase"), None,
            "Write a workbook and an email draft for each owner with open actions or "
            "responses due", name="Chase owners")
        self.stats_action = self._act(
            "Impact &statistics\u2026", lambda: self.open_tool("stats"), None,
            "The committee's figures for a municipal year, as a PDF or a workbook",
            name="Impact statistics")
        m = bar.addMenu("&Tools")
        m.addActions([self.chase_action, self.stats_action])

    def open_tool(self, tool: str, committee: str | None = None) -> Any:
        """Tools > Chase owners / Impact statistics for the current committee (asked for first
        when the window shows all committees)."""
        from desktop_app.services import committees
        title = {"chase": "Chase owners", "stats": "Impact statistics"}[tool]
        name = committee or self.committee
        if not name:
            rows = committees.list_committees(self.db)
            if not rows:
                show_error(self, "Add a committee first.", title)
                return None
            if len(rows) > 1:
                box = QInputDialog(self)
                box.setObjectName("toolCommitteeDialog")
                box.setWindowTitle(title)
                box.setLabelText("Which committee?")
                box.setComboBoxItems([c.name for c in rows])
                box.setComboBoxEditable(False)
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.textValueSelected.connect(lambda chosen: self.open_tool(tool, chosen))
                self.dialog = box
                box.open()
                return box
            name = rows[0].name
        if tool == "chase":
            from desktop_app.ui.tools.chase_dialog import ChaseDialog
            dialog = ChaseDialog(self.db, name, parent=self)
        else:
            from desktop_app.ui.tools.stats_dialog import StatsDialog
            dialog = StatsDialog(self.db, name, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _build_toolbar(self) -> None:
        tb = QToolBar("Main toolbar")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        label = QLabel("  Committee: ")
        self.committee_combo = QComboBox()
        self.committee_combo.setObjectName("committeeCombo")
        self.committee_combo.setAccessibleName("Committee")
        self.committee_combo.setToolTip("The committee whose meetings, work programme and "
                                        "tracker are shown")
        self.committee_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.committee_combo.setMinimumContentsLength(30)
        label.setBuddy(self.committee_combo)
        tb.addWidget(label)
        tb.addWidget(self.committee_combo)
        tb.addSeparator()
        tb.addActions([self.new_action, self.undo_action, self.redo_action])
        tb.addSeparator()
        tb.addActions([self.import_action, self.print_action])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.addToolBar(tb)
        self.committee_combo.currentIndexChanged.connect(self._committee_chosen)

    # ================================================================== File / Help
    def open_import_wizard(self) -> Any:
        cls = _optional_class("desktop_app.ui.importing.wizard", "ImportWizard")
        if cls is None:
            return self._not_available("Importing")
        self.dialog = _construct(cls, db=self.db, parent=self, committee=self.committee,
                                 undo_stack=self.undo_stack)
        imported = getattr(self.dialog, "imported", None)
        if imported is not None:  # the tabs refresh once something is saved
            imported.connect(lambda _summary: self.refresh_all())
        self.dialog.finished.connect(lambda *_: self.reload_committees(
            select=self.committee or app_state.ALL_COMMITTEES))
        self.dialog.open()
        return self.dialog

    def open_minutes_review(self, committee: str | None = None) -> Any:
        """File > Import minutes: review a minutes file for the current committee (asked for
        first when the window shows all committees); the tabs refresh once it is saved."""
        from desktop_app.services import committees
        name = committee or self.committee
        if not name:
            rows = committees.list_committees(self.db)
            if not rows:
                show_error(self, "Add a committee first: minutes are saved to a committee.",
                           "Import minutes")
                return None
            if len(rows) > 1:
                return self._ask_minutes_committee([c.name for c in rows])
            name = rows[0].name
        from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
        dialog = MinutesReviewDialog(self.db, name, parent=self)
        dialog.saved.connect(lambda _summary: self.refresh_all())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _ask_minutes_committee(self, names: list[str]) -> QInputDialog:
        box = QInputDialog(self)
        box.setObjectName("minutesCommitteeDialog")
        box.setWindowTitle("Import minutes")
        box.setLabelText("Which committee are the minutes for?")
        box.setComboBoxItems(names)
        box.setComboBoxEditable(False)
        box.setOkButtonText("Choose the file\u2026")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.textValueSelected.connect(lambda name: self.open_minutes_review(name))
        self.dialog = box
        box.open()
        return box

    def open_print_dialog(self) -> Any:
        cls = _optional_class("desktop_app.ui.printing.dialog", "PrintDialog")
        if cls is None:
            return self._not_available("Printing and exporting")
        self.dialog = _construct(cls, db=self.db, parent=self, committee=self.committee)
        self.dialog.open()
        return self.dialog

    def _not_available(self, what: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME,
                          f"{what} is not available yet in this version.",
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("notAvailableDialog")
        self.dialog = box
        box.open()
        return None

    def back_up(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from desktop_app import paths
        from desktop_app.db.schema import backup_sqlite, sqlite_path
        source = sqlite_path(self.db)
        if source is None:
            show_error(self, "This database is on a server: ask whoever runs it to back it up "
                             "(for PostgreSQL, pg_dump).", "Back up")
            return
        folder = QFileDialog.getExistingDirectory(self, "Back up to folder",
                                                  str(paths.backup_dir()))
        if not folder:
            return
        from pathlib import Path
        workers.start_job(lambda ctx: backup_sqlite(source, Path(folder), "manual"),
                          on_done=lambda p: self.statusBar().showMessage(f"Backed up to {p}",
                                                                         15000),
                          parent=self, title="Back up", label="Copying the database\u2026",
                          cancellable=False)

    def show_user_guide(self) -> None:
        from desktop_app.ui.guide_dialog import GuideDialog
        self.dialog = GuideDialog(self)
        self.dialog.open()

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<br>Meetings, work programme, "
                          "recommendations and action log for council scrutiny committees."
                          f"<br><br>{self._db_text()}", QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutDialog")
        self.dialog = box
        box.open()

    def open_log_folder(self) -> None:
        from desktop_app import paths
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
