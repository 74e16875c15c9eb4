"""The minutes review screen (issue 6): read a minutes file, let the officer accept, edit or drop
each proposed recommendation and action, then save only what was accepted.

    dialog = MinutesReviewDialog(db, committee, parent=window)   # asks for the file
    dialog.saved.connect(window.refresh_all)                     # ImportSummary
    dialog.open()

Reading the file and saving both run off the UI thread (``workers.start_job``). The file is
parsed by ``importers.minutes``; saving goes through ``services.minutes_import.save_minutes``
with a reduced proposal (only the ticked proposals, as edited) and ``accept=everything``,
since the officer has already chosen. Saving the same minutes again adds nothing: the service
matches what is stored, and the dialog says "nothing new".

Keyboard: arrows move in the list, Space ticks or unticks (on an item: all its proposals),
Enter / F2 / double-click edit the wording in the pane on the right, Escape there goes back to
the list. Edits apply as they are typed.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop_app.db.engine import Database
from desktop_app.importers.minutes import MinutesProposal
from desktop_app.services.minutes_import import ImportSummary, everything, save_minutes
from desktop_app.ui.errors import show_error
from desktop_app.ui.minutes_review.layout import ReviewLayout
from desktop_app.ui.minutes_review.model import ACTION, REC, Choice, ReviewState
from desktop_app.ui.minutes_review.reading import FILE_FILTER, KEY_FOLDER, ReviewReading
from desktop_app.ui.minutes_review.text import BANNER, counts_text, summary_text
from desktop_app.ui.minutes_review.widgets import EditPane, ReviewTree
from desktop_app.ui.workers import Job, start_job

log = logging.getLogger(__name__)


class MinutesReviewDialog(ReviewReading, ReviewLayout, QDialog):
    """Review a minutes file before saving it to ``committee``; ``saved`` gives the summary."""

    saved = Signal(object)   # ImportSummary

    def __init__(self, db: Database, committee: str, path: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.committee = committee
        self.committee_name = committee          # the full name, once the database says it
        self.path: str | None = None
        self._loaded_path: str | None = None
        self.proposal: MinutesProposal | None = None
        self.review: ReviewState | None = None
        self.last_summary: ImportSummary | None = None
        self.phase = "empty"                     # empty / reading / ready / failed
        self.jobs: list[Job] = []
        self._saving = False
        self._closed = False
        self._asked_for_file = path is not None
        self._unsaved_edits = False
        self._generation = 0                     # bumped to ignore a stale preview
        self._split_done = False

        self.setWindowTitle("Review minutes")
        self.setObjectName("minutesReviewDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self._build()
        self._size_for(parent)
        if path:
            self.load(path)
        else:
            self._show_placeholder("Choose a minutes file (.txt, .md, .html or .docx) to "
                                   "review.")

    # ------------------------------------------------------------------ showing
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._split_done:
            self._split_done = True
            total = max(self.width() - 40, 400)
            self.splitter.setSizes([round(total * 0.62), total - round(total * 0.62)])
        if not self._asked_for_file:
            self._asked_for_file = True
            QTimer.singleShot(0, lambda: self.choose_file(first=True))

    # ------------------------------------------------------------------ choosing and editing
    def _after_reset(self) -> None:
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        choice = self.model.choice(current)
        if choice is not None:
            self.pane.show_choice(choice)
        elif current.isValid():
            self.pane.show_item(self.model.item_of(current))
        else:
            self.pane.show_nothing()

    def _edit_current(self) -> None:
        index = self.tree.currentIndex()
        if self.model.choice(index) is not None:
            self.pane.start_editing()

    def _pane_changed(self, choice: Choice) -> None:
        if choice.edited:
            self._unsaved_edits = True
        self.model.choice_changed(choice)

    def _choices_changed(self) -> None:
        self.pane.refresh_tick()
        self._update_buttons()

    # ------------------------------------------------------------------ state of the buttons
    def meeting_date(self) -> dt.date | None:
        """The date the minutes give, else the one typed (None while blank or not a date)."""
        if self.proposal is None:
            return None
        if self.proposal.meeting_date is not None:
            return self.proposal.meeting_date
        try:
            return self.date_edit.date()
        except ValueError:
            return None

    def busy(self) -> bool:
        return any(not job.done for job in self.jobs)

    def wait_idle(self, timeout_s: float = 120.0) -> bool:
        """Process events until no job of this dialog is running (tests, smoke runs)."""
        while True:  # a finished job may start the next (reading, then the preview)
            running = [job for job in self.jobs if not job.done]
            if not running:
                return True
            if not running[0].wait(timeout_s):
                return False

    def save_problem(self) -> str | None:
        """Why Save is disabled, in words (None when it may save)."""
        if self.proposal is None or self.review is None:
            return "No minutes read yet."
        if self.meeting_date() is None:
            return ("Enter the meeting date (day/month/year): the minutes do not give it."
                    if not self.date_edit.text().strip()
                    else f"\u201c{self.date_edit.text().strip()}\u201d is not a date: type it "
                         "as day/month/year, e.g. 12/10/2021.")
        problems = self.review.problems()
        if problems:
            text = problems[0]
            return text[:1].upper() + text[1:] + ": type it or untick it."
        return None

    def _update_buttons(self, *_args) -> None:
        ready = self.review is not None
        problem = self.save_problem() if ready else None
        self.save_button.setEnabled(ready and problem is None and not self._saving
                                    and not self.busy())
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(ready and problem is not None)
        for button in (self.tick_all_button, self.untick_all_button, self.default_button):
            button.setEnabled(ready and not self._saving)
        self.choose_button.setEnabled(not self._saving and self.phase != "reading")
        if ready:
            recs, actions = self.review.counts()
            text = counts_text(recs, actions)
            edited = self.review.edited_count()
            if edited:
                text += f" ({edited} edited)"
            self.count_label.setText(text)
        else:
            self.count_label.setText("")

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Save the ticked proposals, as edited, in a worker; report and emit ``saved``."""
        self._update_buttons()
        if not self.save_button.isEnabled() or self.review is None or self.proposal is None:
            return
        day = self.meeting_date()
        reduced = self.review.reduced_proposal()
        given = None if self.proposal.meeting_date else day
        recs, actions = self.review.counts()
        total_recs, total_actions = self.review.totals()
        left_out = (total_recs - recs, total_actions - actions)
        db, committee = self.db, self.committee
        self._generation += 1          # a preview still on its way is out of date
        self._saving = True
        self.result_label.hide()
        self._update_buttons()

        def work(ctx) -> ImportSummary:
            return save_minutes(db, committee, reduced, accept=everything, meeting_date=given)

        self._start(work, lambda summary: self._saved(summary, left_out), self._save_failed,
                    title="Saving minutes", label="Saving the minutes\u2026")

    def _saved(self, summary: ImportSummary, left_out: tuple[int, int]) -> None:
        self._saving = False
        self._unsaved_edits = False
        self.last_summary = summary
        self.result_label.setText(summary_text(summary, left_out))
        self.result_label.setStyleSheet(BANNER["saved" if summary.created_anything
                                               else "nothing"])
        self.result_label.show()
        self.preview_label.hide()
        self.close_button.setText("Close")
        self._update_buttons()
        self.saved.emit(summary)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update_buttons()
        show_error(self, exc, "Cannot save the minutes")

    # ------------------------------------------------------------------ jobs and closing
    def _start(self, fn, on_done, on_error, **kwargs) -> Job:
        def done(result) -> None:
            if not self._closed:
                on_done(result)
                self._update_buttons()

        def failed(exc: BaseException) -> None:
            if self._closed:
                log.info("minutes review closed before a job failed: %s", exc)
                return
            on_error(exc)
            self._update_buttons()

        self.jobs = [job for job in self.jobs if not job.done]
        job = start_job(fn, on_done=done, on_error=failed,
                        parent=self if "title" in kwargs else None, **kwargs)
        self.jobs.append(job)
        return job

    def reject(self) -> None:
        if self._saving:
            return  # the save finishes first (it is one quick transaction)
        if self._unsaved_edits and self.review is not None and self.review.edited_count():
            box = QMessageBox(self)
            box.setObjectName("minutesReviewDiscard")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle("Close without saving?")
            box.setText("You edited the wording of some proposals and have not saved them. "
                        "Close and lose the edits?")
            box.setStandardButtons(QMessageBox.StandardButton.Discard
                                   | QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._saving:
            event.ignore()
            return
        super().closeEvent(event)


__all__ = ["MinutesReviewDialog", "counts_text", "summary_text", "REC", "ACTION", "EditPane",
           "ReviewTree", "FILE_FILTER", "KEY_FOLDER"]
