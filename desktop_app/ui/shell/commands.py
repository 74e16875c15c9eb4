"""The window's File and Tools commands: import, import minutes, print / export, back up, chase
owners, impact statistics, and the first-run ones (load the demo, add a committee).

``WindowCommands`` is owned by the main window (``window.commands``); the dialog it opened last
is ``commands.dialog`` (kept so it stays alive, and so tests can reach it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.lazy import service
from desktop_app.ui import app_state, workers
from desktop_app.ui.errors import show_error

committees = service("committees")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QInputDialog

    from desktop_app.ui.shell.welcome_page import CommitteeDialog
    from desktop_app.ui.main_window import MainWindow

TOOL_TITLES = {"chase": "Chase owners", "stats": "Impact statistics"}


class WindowCommands:
    """What the File and Tools menus (and the welcome page) do, for one window."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.db = window.db
        self.dialog: Any = None

    def open_dialog(self, dialog: Any) -> Any:
        """Open ``dialog`` (window-modal) and keep it as ``self.dialog``."""
        self.dialog = dialog
        dialog.open()
        return dialog

    def _committee_or_ask(self, committee: str | None, title: str, none_text: str,
                          ask, name: str, label: str,
                          ok_text: str = "") -> str | QInputDialog | None:
        """The committee to work on: the given one, the window's or the only one; when there
        are several, the box that asks (and then calls ``ask(chosen)``); None when none."""
        chosen = committee or self.window.committee
        if chosen:
            return chosen
        rows = committees.list_committees(self.db)
        if not rows:
            show_error(self.window, none_text, title)
            return None
        if len(rows) == 1:
            return rows[0].name
        from PySide6.QtWidgets import QInputDialog   # its enums made when first asked
        box = QInputDialog(self.window)
        box.setObjectName(name)
        box.setWindowTitle(title)
        box.setLabelText(label)
        box.setComboBoxItems([c.name for c in rows])
        box.setComboBoxEditable(False)
        if ok_text:
            box.setOkButtonText(ok_text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.textValueSelected.connect(ask)
        return self.open_dialog(box)

    # ================================================================== File
    def open_database(self) -> Any:
        """File > Open database...: another database (or a new one) in a new window."""
        from desktop_app.ui.shell.database_switch import open_other_database
        return open_other_database(self.window)

    def open_import_wizard(self) -> Any:
        from desktop_app.ui.importing.wizard import ImportWizard
        window = self.window
        dialog = ImportWizard(self.db, committee=window.committee, parent=window)
        dialog.imported.connect(lambda _summary: window.refresh_all())
        dialog.finished.connect(lambda *_: window.reload_committees(
            select=window.committee or app_state.ALL_COMMITTEES))
        return self.open_dialog(dialog)

    def open_minutes_review(self, committee: str | None = None) -> Any:
        """File > Import minutes: review a minutes file for the current committee (asked for
        first when the window shows all committees); the tabs refresh once it is saved."""
        name = self._committee_or_ask(
            committee, "Import minutes",
            "Add a committee first: minutes are saved to a committee.",
            self.open_minutes_review, "minutesCommitteeDialog",
            "Which committee are the minutes for?", "Choose the file\u2026")
        if not isinstance(name, str):
            return name
        from desktop_app.ui.minutes_review.dialog import MinutesReviewDialog
        dialog = MinutesReviewDialog(self.db, name, parent=self.window)
        dialog.saved.connect(lambda _summary: self.window.refresh_all())
        return self.open_dialog(dialog)

    def open_print_dialog(self) -> Any:
        from desktop_app.ui.printing.dialog import PrintDialog
        return self.open_dialog(PrintDialog(self.db, self.window.committee, parent=self.window))

    def export_calendar(self, path: str | None = None) -> Any:
        """File > Export calendar...: the shown committee's (or every committee's) meetings
        and deadlines as an .ics file; ``path`` skips the file dialog."""
        from desktop_app.ui.shell.calendar_export import export_calendar
        return export_calendar(self.window, path)

    def back_up(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from desktop_app import paths
        from desktop_app.services.backups import backup_to_folder, database_file
        window = self.window
        source = database_file(self.db)
        if source is None:
            show_error(window, "This database is on a server: ask whoever runs it to back it up "
                               "(for PostgreSQL, pg_dump).", "Back up")
            return
        folder = QFileDialog.getExistingDirectory(window, "Back up to folder",
                                                  str(paths.backup_dir()))
        if not folder:
            return
        from pathlib import Path
        db = self.db
        workers.start_job(lambda ctx: backup_to_folder(db, Path(folder), "manual"),
                          on_done=lambda p: window.statusBar().showMessage(f"Backed up to {p}",
                                                                           15000),
                          parent=window, title="Back up", label="Copying the database\u2026",
                          cancellable=False)

    # ================================================================== Tools
    def open_tool(self, tool: str, committee: str | None = None) -> Any:
        """Tools > Chase owners / Impact statistics for the current committee (asked for first
        when the window shows all committees)."""
        name = self._committee_or_ask(
            committee, TOOL_TITLES[tool], "Add a committee first.",
            lambda chosen: self.open_tool(tool, chosen), "toolCommitteeDialog",
            "Which committee?")
        if not isinstance(name, str):
            return name
        if tool == "chase":
            from desktop_app.ui.tools.chase_dialog import ChaseDialog
            return self.open_dialog(ChaseDialog(self.db, name, parent=self.window))
        from desktop_app.ui.tools.stats_dialog import StatsDialog
        return self.open_dialog(StatsDialog(self.db, name, parent=self.window))

    # ================================================================== first run
    def load_demo(self) -> None:
        from desktop_app.services.demo import load_demo
        window = self.window
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = load_demo(self.db)
        except Exception as exc:  # noqa: BLE001
            QApplication.restoreOverrideCursor()
            show_error(window, exc)
            return
        QApplication.restoreOverrideCursor()
        window.reload_committees()
        window.statusBar().showMessage(message[:1].upper() + message[1:], 10000)

    def create_committee(self) -> CommitteeDialog:
        from desktop_app.ui.shell.welcome_page import CommitteeDialog
        window = self.window
        dialog = CommitteeDialog(window)

        def submit(name: str, short: str, council: str) -> None:
            row = committees.add_committee(self.db, name, short, council)
            window.reload_committees(select=row.name)
            window.tabs.setCurrentWidget(window.meetings_tab)

        dialog.on_submit = submit
        return self.open_dialog(dialog)
