"""Print / export (Ctrl+P): choose a document, see it, save it as a PDF or print it.

    dialog = PrintDialog(db, committee, parent=window)   # committee: name, short name or None
    dialog.open()

On the left the officer chooses the document (action log, recommendation schedule, work
programme, agenda front sheet, minutes, meeting pack), the committee, the meeting (for the
documents that need one; upcoming meetings first, the next one chosen), the "as at" date (today;
an earlier date shows the tracker as it stood) and whether it is the public version. Each choice
rebuilds the document off the UI thread (``workers.start_job``, with a busy bar and Cancel) into
a temporary file, through ``reports.printing.write_document`` - the same entry point as the
command line - and shows it in Qt's PDF view on the right.

Save copies the built PDF, or writes it as a Word file or web page as the format chosen says
(``save_to(path)`` does it without asking); Print... asks
for a printer and renders each page onto it (``print_to(printer)`` without asking), also off the
UI thread. A document that cannot be built (a ReportError, e.g. a broken attachment) shows one
line naming the item and the file, and there is nothing to save or print.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from desktop_app.services.workspace import Database
from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line, show_error
from desktop_app.ui.printing.documents import (BY_KIND, DOCUMENTS, Choice, Document, describe,
                                            file_name, meeting_text)
from desktop_app.ui.printing.options import PrintOptions
from desktop_app.ui.printing.output import KEY_FOLDER, PrintOutput, remove_file as _remove
from desktop_app.ui.printing.preview import PdfPreview
from desktop_app.ui.workers import Job, start_job
from desktop_app.ui.widgets.sizing import fit_dialog

log = logging.getLogger(__name__)

BUILD_DELAY_MS = 200      # after a change, wait this long for the next before building
BUSY_DELAY_MS = 250       # keep showing the last preview this long before the busy bar

__all__ = ["BUILD_DELAY_MS", "BUSY_DELAY_MS", "BY_KIND", "DOCUMENTS", "KEY_FOLDER", "Choice",
           "Document", "PrintDialog", "file_name", "meeting_text"]


class PrintDialog(QDialog):
    """Choose, preview, save and print a document; see the module docstring."""

    built = Signal(str, int)       # the temporary file shown, its page count
    failed = Signal(str)           # the one-line reason a document could not be built
    saved = Signal(str)            # the file written by Save as PDF

    def __init__(self, db: Database, committee: str | None = None,
                 parent: QWidget | None = None, kind: str = "action-log"):
        super().__init__(parent)
        self.db = db
        self.setObjectName("printDialog")
        self.setWindowTitle("Print / export")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.jobs: list[Job] = []
        self.built_path: str | None = None       # the temporary PDF in the preview
        self.built_choice: Choice | None = None
        self.built_pages = 0
        self.untagged: list[str] = []    # the shown pack's merged reports that are not tagged
        self.saved_path: str | None = None
        self.last_error: str | None = None
        self._tmpdir = tempfile.mkdtemp(prefix="scrutiny-print-")
        self._count = 0
        self._generation = 0
        self._build_job: Job | None = None
        self._building: Choice | None = None
        self.closed = False
        self._schedule_when_shown = False
        self.output = PrintOutput(self)
        self._debounce = QTimer(self, singleShot=True, interval=BUILD_DELAY_MS)
        self._debounce.timeout.connect(self._auto_build)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

        self._build_ui()
        self._size_for(parent)
        self.options.load_committees(committee)
        self.options.set_kind(kind)
        self.update_shown()
        if self.options.problem() is None:
            self.preview.show_message("Preparing the preview\u2026")
        self._schedule()

    # ================================================================== building the UI
    def _build_ui(self) -> None:
        self.options = options = PrintOptions(self.db)
        options.changed.connect(self._changed)
        options.edited.connect(self.update_shown)

        # -- the preview
        self.preview = PdfPreview()
        self.preview.cancel_button.clicked.connect(self.cancel_build)
        self.document = self.preview.document

        # -- the buttons
        self.status_label = QLabel()
        self.status_label.setObjectName("printStatus")
        self.status_label.setAccessibleName("Status")
        self.status_label.setStyleSheet("color: #3c4043;")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton("&Save as PDF\u2026")
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip("Save this document in the format chosen (Ctrl+S)")
        self.format_combo = self.output.formats.combo
        self.format_combo.currentIndexChanged.connect(self.update_shown)
        self.print_button = QPushButton("&Print\u2026")
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip("Print this document (Ctrl+P)")
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("closeButton")
        for button in (self.save_button, self.print_button, self.close_button,
                       self.preview.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(self.output.save_as)
        self.print_button.clicked.connect(self.output.print_document)
        self.close_button.clicked.connect(self.reject)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #d5dae1;")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.output.formats.label)
        buttons.addWidget(self.format_combo)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.close_button)

        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(options.in_scroll_area())
        body.addWidget(self.preview, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(10)
        lay.addLayout(body, 1)
        lay.addWidget(rule)
        lay.addLayout(buttons)

        for keys, slot in ((QKeySequence.StandardKey.Save, self.output.save_as),
                           (QKeySequence.StandardKey.Print, self.output.print_document),
                           (QKeySequence.StandardKey.Refresh, lambda: self.build(force=True)),
                           ("F5", lambda: self.build(force=True))):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.setTabOrder(options.kind_buttons["action-log"], options.committee_combo)
        self.setTabOrder(options.committee_combo, options.meeting_combo)
        self.setTabOrder(options.meeting_combo, options.as_at_edit)
        self.setTabOrder(options.as_at_edit, options.public_box)
        layout = options.layout_choices
        self.setTabOrder(options.public_box, layout.order_combo)
        self.setTabOrder(layout.order_combo, layout.dates_combo)
        self.setTabOrder(layout.dates_combo, layout.size_combo)
        self.setTabOrder(layout.size_combo, self.preview.view)

    def _size_for(self, parent: QWidget | None) -> None:
        fit_dialog(self, parent, QSize(900, 560), QSize(1400, 900), QSize(860, 520))

    # ================================================================== building
    def _changed(self) -> None:
        self.update_shown()
        self._schedule()

    def _schedule(self) -> None:
        if not self.closed:
            self._debounce.start()

    def _auto_build(self) -> None:
        if not self.closed and self.isVisible():
            self.build()
        elif not self.closed:
            self._schedule_when_shown = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._schedule_when_shown:
            self._schedule_when_shown = False
            self._schedule()

    def build(self, force: bool = False) -> Job | None:
        """Build the chosen document off the UI thread and show it. Returns the job, or None
        when nothing is to be built (the options are incomplete, or the same document is
        already shown or being built; ``force`` builds it again)."""
        self._debounce.stop()
        choice = self.options.choice()
        if choice is None:
            self.update_shown()
            return None
        running = self._build_job is not None and not self._build_job.done
        if not force:
            if running and self._building == choice:
                return self._build_job
            if not running and self.built_choice == choice and self.built_path:
                return None
        if running:
            self._build_job.cancel()
        self._generation += 1
        generation = self._generation
        self._count += 1
        path = os.path.join(self._tmpdir, f"{self._count:03d}-{choice.kind}.pdf")
        db = self.db
        today = app_state.today()
        self._building = choice
        self.last_error = None
        self.saved_path = None

        untagged: list[str] = []   # a pack's merged reports without a structure tree

        def work(ctx) -> int:
            ctx.check()
            from desktop_app.reports.printing import write_document
            return write_document(db, choice.kind, path, choice.committee,
                                  meeting=choice.meeting, as_at=choice.as_at,
                                  public=choice.public, today=today,
                                  extra_columns=choice.extra_columns, options=choice.layout,
                                  untagged=untagged)

        def current() -> bool:
            return not self.closed and generation == self._generation

        def done(pages: int) -> None:
            if not current():
                _remove(path)
                return
            self.untagged = list(untagged)
            self._shown(path, pages, choice)

        def failed(exc: BaseException) -> None:
            _remove(path)
            if current():
                self._failed(exc, choice)
            self.tidy_if_closed()

        def cancelled() -> None:
            _remove(path)
            if current():
                self._cancelled(choice)
            self.tidy_if_closed()

        self._build_job = self.start(work, on_done=done, on_error=failed,
                                      on_cancel=cancelled)
        self.update_shown()
        self._busy_timer.start()
        return self._build_job

    def cancel_build(self) -> None:
        if self._build_job is not None and not self._build_job.done:
            self._build_job.cancel()
            self.preview.cancel_button.setEnabled(False)
            self.preview.message.setText("Cancelling\u2026")

    def _show_busy(self) -> None:
        if self.building_now():
            doc = BY_KIND[self._building.kind]
            self.preview.show_message(f"Building the {doc.words}\u2026", busy=True)

    def building_now(self) -> bool:
        return self._build_job is not None and not self._build_job.done

    def _shown(self, path: str, pages: int, choice: Choice) -> None:
        self._busy_timer.stop()
        old = self.built_path
        try:
            self.preview.load(path)
        except Exception as exc:  # noqa: BLE001 - QtPdf refusing our own file
            _remove(path)
            self._drop_built(old)
            self._failed(exc, choice)
            return
        if old and old != path:
            _remove(old)
        self.built_path, self.built_choice, self.built_pages = path, choice, pages
        self.update_shown()
        self.built.emit(path, pages)

    def _drop_built(self, old: str | None = None) -> None:
        self.preview.clear()
        _remove(old or self.built_path)
        self.built_path, self.built_choice, self.built_pages = None, None, 0

    def _failed(self, exc: BaseException, choice: Choice) -> None:
        self._busy_timer.stop()
        self._drop_built()
        doc = BY_KIND[choice.kind]
        line = first_line(exc)
        line = line[:1].upper() + line[1:]
        self.last_error = line
        self.preview.show_message(f"The {doc.words} could not be built.\n\n{line}")
        self.update_shown()
        self.failed.emit(line)
        show_error(self, exc, f"Cannot build the {doc.words}")

    def _cancelled(self, choice: Choice) -> None:
        self._busy_timer.stop()
        self._drop_built()
        self.preview.show_message(f"Building the {BY_KIND[choice.kind].words} was cancelled."
                                  "\n\nChange a choice, or press F5, to build it again.")
        self.update_shown()

    # ================================================================== state shown
    def default_file_name(self) -> str:
        choice = self.built_choice or self.options.choice()
        return file_name(self.options.committee(), choice) if choice else "document.pdf"

    def update_shown(self) -> None:
        if self.closed:
            return
        self.options.update_shown()
        self.output.follow(self.options.kind())
        building = self.building_now()
        printing = self.output.printing()
        ready = (bool(self.built_path) and not building
                 and self.built_choice == self.options.choice())
        self.save_button.setEnabled(ready and not printing)
        self.print_button.setEnabled(ready and not printing)
        problem = self.options.problem()
        if problem:
            text = problem
            if not building and not self.built_path:
                self.preview.show_message(problem)
        elif building:
            text = f"Building the {BY_KIND[self._building.kind].words}\u2026"
        elif self.last_error:
            text = "Could not build: " + self.last_error
        elif ready:
            text = describe(self.built_choice, self.built_pages, self.untagged)
            if self.saved_path:
                text = f"Saved {Path(self.saved_path).name} in {Path(self.saved_path).parent}"
        else:
            text = ""
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        committee = self.options.committee()
        self.setWindowTitle("Print / export" + (
            f" \u2013 {committee.short_name or committee.name}" if committee else ""))

    # ================================================================== jobs and closing
    def start(self, fn, *, on_done, on_error, on_cancel, **kwargs) -> Job:
        self.jobs = [job for job in self.jobs if not job.done]

        def finished_then(callback):
            def run(*args):
                callback(*args)
                self.tidy_if_closed()
            return run

        job = start_job(fn, on_done=finished_then(on_done), on_error=on_error,
                        on_cancel=on_cancel, parent=self if "title" in kwargs else None,
                        **kwargs)
        self.jobs.append(job)
        return job

    def wait_idle(self, timeout_s: float = 120.0) -> bool:
        """Process events until nothing of this dialog is pending or running (tests)."""
        while True:
            if self._debounce.isActive():
                self._debounce.stop()
                self._auto_build()
            running = [job for job in self.jobs if not job.done]
            if not running:
                return True
            if not running[0].wait(timeout_s):
                return False

    def done(self, result: int) -> None:
        self.closed = True
        self._debounce.stop()
        self._busy_timer.stop()
        for job in self.jobs:
            if not job.done:
                job.cancel()
        self.preview.clear()
        self.tidy_if_closed()
        super().done(result)

    def tidy_if_closed(self) -> None:
        """Once closed and no job is running: remove the temporary files."""
        if not self.closed or any(not job.done for job in self.jobs):
            return
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = ""
