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


from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop_app.services.workspace import Database
from desktop_app.ui.minutes_review.controller import MinutesReviewController
from desktop_app.ui.minutes_review.display import ReviewDisplay
from desktop_app.ui.minutes_review.layout import lay_out
from desktop_app.ui.minutes_review.model import Choice
from desktop_app.ui.minutes_review.text import counts_text
from desktop_app.ui.widgets.sizing import fit_dialog
from desktop_app.ui.workers import Job, start_job

log = logging.getLogger("desktop_app.ui.minutes_review")    # one log for the whole screen


class MinutesReviewDialog(QDialog):
    """Review a minutes file before saving it to ``committee``; ``saved`` gives the summary."""

    saved = Signal(object)   # ImportSummary

    def __init__(self, db: Database, committee: str, path: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.committee = committee
        self.controller = MinutesReviewController(self, db, committee)
        self.display = ReviewDisplay(self)
        self.jobs: list[Job] = []
        self.closed = False
        self._asked_for_file = path is not None
        self._split_done = False

        self.setWindowTitle("Review minutes")
        self.setObjectName("minutesReviewDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        lay_out(self)
        self._fill_committees(db, committee)
        self._wire()
        self.update_buttons()
        fit_dialog(self, parent, QSize(720, 520), QSize(1240, 740), QSize(720, 480))
        if path:
            self.controller.load(path)
        else:
            self.display.show_placeholder("Choose a minutes file (.txt, .md, .html, .docx or "
                                          ".pdf) to review.")

    def _wire(self) -> None:
        controller = self.controller
        self.choose_button.clicked.connect(lambda: controller.choose_file())
        self.date_edit.line.textChanged.connect(self.update_buttons)
        self.date_edit.dateChanged.connect(lambda _day: controller.preview())
        self.tree.edit_requested.connect(self._edit_current)
        self.tree.doubleClicked.connect(lambda _index: self._edit_current())
        self.model.choices_changed.connect(self._choices_changed)
        self.model.modelReset.connect(self._after_reset)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.pane.changed.connect(self._pane_changed)
        self.save_button.clicked.connect(controller.save)
        self.committee_combo.currentIndexChanged.connect(
            lambda _i: controller.choose_committee(self.committee_combo.currentData() or ""))
        self.close_button.clicked.connect(self.reject)

    # ------------------------------------------------------------------ the committee
    def _fill_committees(self, db: Database, committee: str) -> None:
        """Every committee in the chooser, the one given (name or short name) chosen."""
        from desktop_app.services.committees import list_committees
        try:
            rows = list_committees(db)
        except Exception as exc:  # noqa: BLE001 - saving names the committee given
            log.warning("could not list committees: %s", exc)
            rows = []
        combo = self.committee_combo
        combo.blockSignals(True)
        for c in rows:
            combo.addItem(f"{c.name} ({c.short_name})" if c.short_name else c.name, c.name)
        key = (committee or "").casefold()
        index = next((n for n, c in enumerate(rows)
                      if key in (c.name.casefold(), (c.short_name or "").casefold())), -1)
        if index < 0 and committee:
            combo.addItem(committee, committee)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def committee_names(self) -> list[str]:
        return [self.committee_combo.itemData(i) for i in range(self.committee_combo.count())]

    def show_committee(self, name: str) -> None:
        """Choose ``name`` in the chooser without it counting as the officer's choice."""
        index = self.committee_combo.findData(name)
        if index >= 0:
            self.committee_combo.blockSignals(True)
            self.committee_combo.setCurrentIndex(index)
            self.committee_combo.blockSignals(False)

    # ------------------------------------------------------------------ showing
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._split_done:
            self._split_done = True
            total = max(self.width() - 40, 400)
            self.splitter.setSizes([round(total * 0.62), total - round(total * 0.62)])
        if not self._asked_for_file:
            self._asked_for_file = True
            QTimer.singleShot(0, lambda: self.controller.choose_file(first=True))

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
            self.controller.unsaved_edits = True
        self.model.choice_changed(choice)

    def _choices_changed(self) -> None:
        self.pane.refresh_tick()
        self.update_buttons()

    # ------------------------------------------------------------------ state of the buttons
    def meeting_date(self) -> dt.date | None:
        """The date the minutes give, else the one typed (None while blank or not a date)."""
        proposal = self.controller.proposal
        if proposal is None:
            return None
        if proposal.meeting_date is not None:
            return proposal.meeting_date
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
        review = self.controller.review
        if self.controller.proposal is None or review is None:
            return "No minutes read yet."
        if self.meeting_date() is None:
            return ("Enter the meeting date (day/month/year): the minutes do not give it."
                    if not self.date_edit.text().strip()
                    else f"\u201c{self.date_edit.text().strip()}\u201d is not a date: type it "
                         "as day/month/year, e.g. 12/10/2021.")
        problems = review.problems()
        if problems:
            text = problems[0]
            return text[:1].upper() + text[1:] + ": type it or untick it."
        return None

    def update_buttons(self, *_args) -> None:
        review, saving = self.controller.review, self.controller.saving
        ready = review is not None
        problem = self.save_problem() if ready else None
        self.save_button.setEnabled(ready and problem is None and not saving
                                    and not self.busy())
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(ready and problem is not None)
        for button in (self.tick_all_button, self.untick_all_button, self.default_button):
            button.setEnabled(ready and not saving)
        self.choose_button.setEnabled(not saving and self.controller.phase != "reading")
        if ready:
            recs, actions = review.counts()
            text = counts_text(recs, actions)
            edited = review.edited_count()
            if edited:
                text += f" ({edited} edited)"
            self.count_label.setText(text)
        else:
            self.count_label.setText("")

    # ------------------------------------------------------------------ jobs and closing
    def start(self, fn, on_done, on_error, **kwargs) -> Job:
        """Run ``fn`` on a worker; its results are dropped once the dialog is closed."""
        def done(result) -> None:
            if not self.closed:
                on_done(result)
                self.update_buttons()

        def failed(exc: BaseException) -> None:
            if self.closed:
                log.info("minutes review closed before a job failed: %s", exc)
                return
            on_error(exc)
            self.update_buttons()

        self.jobs = [job for job in self.jobs if not job.done]
        job = start_job(fn, on_done=done, on_error=failed,
                        parent=self if "title" in kwargs else None, **kwargs)
        self.jobs.append(job)
        return job

    def reject(self) -> None:
        controller = self.controller
        if controller.saving:
            return  # the save finishes first (it is one quick transaction)
        if (controller.unsaved_edits and controller.review is not None
                and controller.review.edited_count()):
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
        self.closed = True
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.controller.saving:
            event.ignore()
            return
        super().closeEvent(event)
