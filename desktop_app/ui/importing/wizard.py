"""The import wizard (File > Import, Ctrl+I): an action log, recommendation schedule or work
programme workbook into a committee's tracker, or an owner's returned chase workbook reviewed
cell by cell.

    wizard = ImportWizard(db, committee="Children and Young People", parent=window)
    wizard.imported.connect(window.refresh_all)     # the ImportSummary (or ChaseApplied)
    wizard.open()

The pages (the other modules of this package):
  1. the file (checked by ``xlsx_safety`` as soon as it is chosen: a file that cannot be read
     shows its one-line reason and the wizard goes no further) and the committee (an existing
     one, or a new name);
  2. the kind, as detected from the headers, changeable;
  3. the columns: each header with what it is read as (``--map`` in the command line) and a
     preview of the first rows, re-read off the UI thread whenever a column is changed, with
     the rows that will be skipped; then, when the file has status words, what each means
     (``status_page``: ``--status "Word=status"`` in the command line);
  4. a dry run (``import_file`` with ``ImportOptions(dry_run=True)``): new / updated /
     unchanged / skipped,
     and "Import the other rows and skip these" when some rows cannot be imported;
  5. the import: ``services.importing.import_file`` on a worker (a backup first, then the
     rows in one transaction), with progress and Cancel. Cancel is looked at between the
     stages, between batches of rows and before the commit, so a cancelled import leaves the
     tracker untouched.
A returned chase workbook (``is_chase_workbook``) goes instead to a review of each changed
cell (sent value, owner's value, the app's value now, conflicts marked; the non-conflicting
ones ticked) and a last page that applies the ticked ones, through ``import_file`` too.

All reading, parsing and saving runs in ``workers.start_job``; the pages only show results.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop_app.services.workspace import Database
from desktop_app.ui.errors import first_line
from desktop_app.ui.importing.chase_page import ChaseReviewPage
from desktop_app.ui.importing.file_page import FilePage
from desktop_app.services.import_preview import WorkbookInfo, read_workbook
from desktop_app.ui.importing.kind_page import KindPage
from desktop_app.ui.importing.mapping_page import MappingPage
from desktop_app.ui.importing.run_pages import DryRunPage, RunPage
from desktop_app.ui.importing import response_page
from desktop_app.ui.importing.text import KIND_WORDS, count, for_people, kind_of
from desktop_app.ui.importing.status_page import StatusPage
from desktop_app.ui.importing.widgets import (P_CHASE, P_CHASE_APPLY, P_DRY, P_FILE, P_IMPORT,
                                             P_KIND, P_MAP, P_STATUS)
from desktop_app.ui.workers import Cancelled, Job, start_job
from desktop_app.ui.widgets.sizing import fit_dialog

log = logging.getLogger(__name__)


@dataclasses.dataclass
class ChaseApplied:
    """What ``imported`` gives after a returned chase workbook's changes are applied."""
    source: str
    committee: str
    owner: str
    applied: int
    keys: list[str]


class _Stages(QObject):
    """Lives on the UI thread; a job tells the page which step it is on through it."""
    text = Signal(str)


class ImportWizard(QWizard):
    """Import a workbook into a committee, or review a returned chase workbook."""

    imported = Signal(object)    # ImportSummary, or ChaseApplied

    def __init__(self, db: Database, committee: str | None = None,
                 parent: QWidget | None = None, path: str | None = None):
        super().__init__(parent)
        self.db = db
        self.info: WorkbookInfo | None = None     # the workbook read (not a chase one)
        self.review: Any = None                   # a returned chase workbook's ChaseReview
        self.kind: str | None = None
        self.mapping: dict[str, str] = {}         # "Header as written" -> field / "ignore"
        self.status_map: dict[str, str] = {}      # "Status word as written" -> status value
        self.parsed: Any = None                   # ParsedWorkbook of the mapping page
        self.result: Any = None                   # ImportSummary / ChaseApplied once saved
        self.backup_path: Path | None = None
        self.jobs: list[Job] = []
        self.running: Job | None = None           # the import or the applying of changes
        self._closed = False

        self.setObjectName("importWizard")
        self.setWindowTitle("Import a workbook")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Close")
        self.setSizeGripEnabled(True)

        self.file_page = FilePage()
        self.kind_page = KindPage()
        self.mapping_page = MappingPage()
        self.status_page = StatusPage()
        self.dry_page = DryRunPage()
        self.import_page = RunPage("Importing", "A backup of the database is taken first; then "
                                   "the rows are saved in one transaction: all or nothing.",
                                   "start_import")
        self.import_page.setObjectName("importRunPage")
        self.chase_page = ChaseReviewPage()
        self.apply_page = RunPage("Applying the changes", "A backup of the database is taken "
                                  "first; the ticked changes are then saved together, as "
                                  "updates by the owner.", "start_apply")
        self.apply_page.setObjectName("chaseApplyPage")
        self.apply_page.cancel_button.setText("&Cancel")
        for page_id, page in ((P_FILE, self.file_page), (P_KIND, self.kind_page),
                              (P_MAP, self.mapping_page), (P_DRY, self.dry_page),
                              (P_IMPORT, self.import_page), (P_CHASE, self.chase_page),
                              (P_CHASE_APPLY, self.apply_page), (P_STATUS, self.status_page)):
            self.setPage(page_id, page)
        response_page.install(self)  # the executive's response: its own branch of pages
        self.setStartId(P_FILE)
        for which, name in ((QWizard.WizardButton.BackButton, "Back"),
                            (QWizard.WizardButton.NextButton, "Next"),
                            (QWizard.WizardButton.CommitButton, "Import"),
                            (QWizard.WizardButton.FinishButton, "Close"),
                            (QWizard.WizardButton.CancelButton, "Cancel")):
            self.button(which).setAccessibleName(name)

        from desktop_app.services.committees import list_committees
        try:
            rows = [(c.name, c.short_name) for c in list_committees(db)]
        except Exception as exc:  # noqa: BLE001 - a new name can still be typed
            log.warning("could not list committees: %s", exc)
            rows = []
        self.file_page.set_committees(rows, committee)
        self._size_for(parent)
        if path:
            self.file_page.set_path(str(path))

    def _size_for(self, parent: QWidget | None) -> None:
        fit_dialog(self, parent, QSize(760, 540), QSize(1240, 720), QSize(720, 500))

    # ------------------------------------------------------------------ what was chosen
    @property
    def committee(self) -> str:
        return self.file_page.committee()

    def chosen_statuses(self) -> dict[str, str]:
        """The status words' meanings chosen on the status page (when it was on the way)."""
        return dict(self.status_map) if P_STATUS in self.visitedIds() else {}

    # ------------------------------------------------------------------ jobs
    def run_job(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
                on_error: Callable[[BaseException], None],
                on_cancel: Callable[[], None] | None = None) -> Job:
        """A quiet job whose answer is dropped once the wizard has closed."""
        def done(result: Any) -> None:
            if not self._closed:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if self._closed:
                log.info("import wizard closed before a job failed: %s", exc)
                return
            if not isinstance(exc, (ValueError, OSError)):
                log.error("import wizard job failed", exc_info=exc)
            on_error(exc)

        def cancelled() -> None:
            if not self._closed and on_cancel is not None:
                on_cancel()

        self.jobs = [job for job in self.jobs if not job.done]
        job = start_job(fn, on_done=done, on_error=failed, on_cancel=cancelled)
        self.jobs.append(job)
        return job

    def busy(self) -> bool:
        return any(not job.done for job in self.jobs)

    def wait_idle(self, timeout_s: float = 120.0) -> bool:
        """Process events until no job of the wizard runs or waits (tests, smoke runs)."""
        while True:
            self.mapping_page.flush()
            running = [job for job in self.jobs if not job.done]
            if not running:
                if self.mapping_page.pending():
                    continue
                return True
            if not running[0].wait(timeout_s):
                return False

    # ------------------------------------------------------------------ page 1
    def read_file(self, path: str, on_done: Callable[[Any], None],
                  on_error: Callable[[BaseException], None]) -> None:
        """Read ``path`` (already through the safety check): a returned chase workbook into
        its review, any other workbook into grids."""
        db = self.db

        def work(ctx) -> Any:
            from desktop_app.services.chase_return import is_chase_workbook, read_returned
            if is_chase_workbook(Path(path)):
                return read_returned(db, Path(path))
            return read_workbook(path)

        def done(result: Any) -> None:
            if isinstance(result, WorkbookInfo):
                self.info, self.review = result, None
            else:
                self.info, self.review = None, result
            on_done(result)

        self.run_job(work, done, on_error)

    # ------------------------------------------------------------------ page 4
    def dry_run(self, on_done: Callable[[Any], None],
                on_error: Callable[[BaseException], None]) -> None:
        """The import tried and rolled back, bad rows set aside, to show what it would do."""
        from desktop_app.services.importing import ImportOptions, import_file
        db, committee, path = self.db, self.committee, self.info.path
        options = ImportOptions(kind=self.parsed.kind, skip_bad_rows=True, dry_run=True,
                                parsed=self.parsed, status_map=self.chosen_statuses(),
                                create_committee=self.file_page.create_new())
        self.run_job(lambda ctx: import_file(db, path, committee, options).summary,
                     on_done, on_error)

    # ------------------------------------------------------------------ page 5
    def _start_saving(self, page: RunPage, work: Callable[[Any, _Stages], Any],
                      first_text: str, on_done: Callable[[Any], None],
                      outcome: dict[str, Any]) -> None:
        stages = _Stages(self)
        stages.text.connect(lambda text: page.progressed(0, 0, text))
        page.started(first_text)

        def failed(exc: BaseException) -> None:
            self.running = None
            message = for_people(first_line(exc))
            if "backed_up" not in outcome:
                message = ("Could not back up the database first, so nothing was saved: "
                           + message)
            else:
                message = "Nothing was saved: " + message[:1].lower() + message[1:]
            page.finished("failed", message, self._backup_text(), "error")

        def cancelled() -> None:
            self.running = None
            if "result" in outcome:  # the commit had gone through when Cancel came
                on_done(outcome["result"])
                return
            page.finished("cancelled", "Cancelled: nothing was changed in the tracker.",
                          self._backup_text(), "info")

        def done(result: Any) -> None:
            self.running = None
            on_done(result)

        self.running = self.run_job(lambda ctx: work(ctx, stages), done, failed, cancelled)

    def _saving(self, path: Any, options: Any, outcome: dict[str, Any], saving: str,
                result: Callable[[Any], Any]) -> Callable[[Any, _Stages], Any]:
        """The job of page 5: ``import_file`` with the job's progress and cancel flag, its
        stages shown as "Step 1 of 2" (the backup) and "Step 2 of 2" (the save)."""
        from desktop_app.services.importing import ImportCancelled, import_file
        db, committee = self.db, self.committee
        steps = {"backup": "Step 1 of 2: backing up the database\u2026",
                 "save": f"Step 2 of 2: {saving}\u2026"}

        def work(ctx, stages: _Stages) -> Any:
            def progress(p: Any) -> None:
                if p.stage == "save":
                    outcome["backed_up"] = True
                if p.stage in steps and not p.total:
                    stages.text.emit(steps[p.stage])

            try:
                done = import_file(db, path, committee, options, progress,
                                   lambda: ctx.cancelled)
            except ImportCancelled as exc:
                outcome["backup"] = exc.backup
                raise Cancelled() from exc
            outcome["backup"] = done.backup
            outcome["result"] = result(done)
            return outcome["result"]

        return work

    def _backup_text(self) -> str:
        if self.backup_path is None:
            return ""
        return f"A backup of the database was taken first: {self.backup_path}"

    def start_import(self) -> None:
        """Back up, then import the parsed rows in one transaction (worker, cancellable)."""
        from desktop_app.services.importing import ImportOptions
        skip = self.dry_page.bad_rows() and self.dry_page.skip_box.isChecked()
        rows = kind_of(self.parsed.kind, len(self.parsed.rows))
        options = ImportOptions(kind=self.parsed.kind, mapping=dict(self.mapping),
                                skip_bad_rows=skip, backup_reason="import", parsed=self.parsed,
                                status_map=self.chosen_statuses(),
                                create_committee=self.file_page.create_new())
        outcome: dict[str, Any] = {}
        self.backup_path = None
        work = self._saving(self.info.path, options, outcome,
                            f"saving {rows} in one transaction", lambda o: o.summary)

        def done(summary: Any) -> None:
            self.backup_path = outcome.get("backup")
            self.result = summary
            self.import_page.finished("done", summary_text(summary, self.info.name),
                                      self._backup_text())
            self.imported.emit(summary)

        self._start_saving(self.import_page, work, "Starting the import\u2026", done, outcome)

    def start_apply(self) -> None:
        """Back up, then apply the ticked changes of a returned chase workbook."""
        from desktop_app.services.importing import ImportOptions
        review = self.review
        chosen = self.chase_page.chosen()
        options = ImportOptions(accept=[c.key for c in chosen], backup_reason="import",
                                review=review)
        outcome: dict[str, Any] = {}
        self.backup_path = None
        work = self._saving(review.path, options, outcome,
                            f"applying {count(len(chosen), 'change')} as updates by "
                            f"{review.owner}", lambda o: o.applied)

        def done(applied: int) -> None:
            self.backup_path = outcome.get("backup")
            result = ChaseApplied(Path(review.path).name, review.committee, review.owner,
                                  applied, [c.key for c in chosen])
            self.result = result
            left = len(review.changes) - applied
            text = (f"Applied {count(applied, 'change')} from {result.source} as updates by "
                    f"{review.owner}." + (f" {count(left, 'change')} left out as you chose."
                                          if left else ""))
            self.apply_page.finished("done", text, self._backup_text())
            self.imported.emit(result)

        self._start_saving(self.apply_page, work, "Starting\u2026", done, outcome)

    def cancel_running(self) -> None:
        if self.running is not None and not self.running.done:
            self.running.cancel()
            page = self.currentPage()
            if isinstance(page, RunPage):
                page.cancelling()

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self.running is not None and not self.running.done:
            self.cancel_running()  # Escape / Cancel while saving: stop it, stay open
            return
        super().reject()

    def done(self, result: int) -> None:
        if self.running is not None and not self.running.done:
            self.cancel_running()
            return
        self._closed = True
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.running is not None and not self.running.done:
            self.cancel_running()
            event.ignore()
            return
        super().closeEvent(event)


def summary_text(summary: Any, source: str) -> str:
    """"Imported log.xlsx as an action log into X: 3 new, 0 updated, 0 unchanged, 0 skipped"."""
    words = KIND_WORDS.get(summary.kind, summary.kind)
    text = (f"Imported {source} as {'an' if words[0] in 'aeiou' else 'a'} {words} into "
            f"{summary.committee}: {summary.created} new, {summary.updated} updated, "
            f"{summary.unchanged} unchanged, {len(summary.skipped)} skipped.")
    extra = []
    if summary.committee_created:
        extra.append("the committee was created")
    if summary.meetings_created:
        extra.append(f"{count(summary.meetings_created, 'meeting')} added")
    if extra:
        text += " (" + "; ".join(extra) + ".)"
    return text


__all__ = ["ChaseApplied", "ImportWizard", "summary_text"]
