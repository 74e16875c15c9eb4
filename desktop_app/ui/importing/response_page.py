"""The import wizard's pages for the executive's response to a committee's recommendations: each
row of the executive's table with the recommendation it matches, its score and a tick box
(ticked when the match is clear), the rows that match nothing listed; then the ticked rows
recorded (verdict, response, response date) on a worker, with a backup first and Cancel.

A file is sent here from the first page when ``is_response_file`` says it clearly is a
response table (the committee chosen there is the one whose recommendations are matched).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget, QWizard

from desktop_app.ui.errors import first_line
from desktop_app.ui.importing.run_pages import RunPage
from desktop_app.ui.importing.text import count, for_people
from desktop_app.ui.importing.tick_review import TickReview
from desktop_app.ui.importing.widgets import Page, banner_label, busy_bar, set_banner

# Page ids of this branch of the wizard (clear of widgets.py's 0-6).
P_RESPONSE, P_RESPONSE_APPLY = 20, 21


def install(wizard: Any) -> None:
    """Add the two pages to ``wizard`` (an ImportWizard)."""
    wizard.response_page = ResponsePage()
    wizard.response_apply_page = ResponseApplyPage()
    wizard.setPage(P_RESPONSE, wizard.response_page)
    wizard.setPage(P_RESPONSE_APPLY, wizard.response_apply_page)


def is_response(info: Any) -> bool:
    """True when the file read on the first page (a WorkbookInfo) is an executive response."""
    if info is None:
        return False
    cached = getattr(info, "_is_response", None)
    if cached is None:
        from desktop_app.services.executive_response import is_response_file
        cached = is_response_file(info.grids)
        info._is_response = cached
    return cached


class ResponsePage(Page):
    COLUMNS = ("Record", "Row", "The executive's wording", "Verdict", "Matches", "Score", "Note")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("responsePage")
        self.setTitle("Match the executive's response")
        self.setSubTitle("Each row of the response beside the recommendation it answers. Ticked "
                         "rows are recorded; a row that matches nothing is never recorded.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Record ticked responses")
        self.preview: Any = None
        self._for: tuple[str, str] | None = None
        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.lead.setAccessibleName("The response")
        self.busy = busy_bar("Matching the response")
        self.problem = banner_label("error")
        self.problem.setObjectName("responseProblem")
        self.parts = TickReview(QTableWidget(0, len(self.COLUMNS)), self.COLUMNS,
                                name="responseRows",
                                accessible="Rows of the response and their matches",
                                notes_name="Rows not matched", on_change=self._update)
        self.table, self.count_label = self.parts.table, self.parts.count_label
        self.notes, self.hint = self.parts.notes, self.parts.hint
        self.parts.lay_out(self, [self.lead, self.busy, self.problem])

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.wiz()
        wanted = (wizard.info.path, wizard.committee)
        if wanted == self._for and self.preview is not None:
            return  # back and forth: keep the ticks
        self._for, self.preview = wanted, None
        self.table.setRowCount(0)
        set_banner(self.problem, "")
        self.lead.setText(f"Matching {html.escape(wizard.info.name)} to the recommendations of "
                          f"{html.escape(wizard.committee)}\u2026")
        self.busy.show()
        self.completeChanged.emit()
        db, path, committee = wizard.db, wizard.info.path, wizard.committee

        def work(_ctx: Any) -> Any:
            from desktop_app.services.executive_response import preview_response
            return preview_response(db, path, committee)

        wizard.run_job(work, lambda preview: self._show(wanted, preview),
                       lambda exc: self._failed(wanted, exc))

    def _failed(self, wanted: tuple[str, str], exc: BaseException) -> None:
        if wanted != self._for:
            return
        self.busy.hide()
        self.lead.setText("")
        set_banner(self.problem, for_people(first_line(exc)) + "\nGo back to choose another "
                   "file or committee.", "error")
        self.completeChanged.emit()

    def _show(self, wanted: tuple[str, str], preview: Any) -> None:
        if wanted != self._for:
            return
        self.busy.hide()
        self.preview = preview
        t = preview.table
        self.lead.setText(
            f"<b>{html.escape(t.title)}</b>: {count(len(preview.rows), 'row')}, matched to the "
            f"recommendations of {html.escape(preview.committee)}. A ticked row records its "
            f"verdict, the response and the response date {preview.decided_on:%d/%m/%Y}; the "
            f"lead and timescale are kept beside it. A match needs a score of "
            f"{preview.threshold} or more.")
        self.parts.start(len(preview.rows))
        for r, m in enumerate(preview.rows):
            where = f"No. {m.row.label}, row {m.row.row}" if m.row.label else f"Row {m.row.row}"
            matched = m.candidate.label if m.matched and m.candidate else "(none)"
            if m.matched and m.candidate:
                matched += f": {m.candidate.text}"
            verdict = m.row.verdict_word or (f"{m.row.verdict.label} (in the response's words)"
                                             if m.row.verdict else "(none)")
            values = [where, m.row.recommendation, verdict, matched,
                      str(m.score), m.reason]
            cells = self.parts.put_row(r, values, tickable=m.matched, ticked=m.ticked,
                                       tick_name=f"Record row {r + 1}")
            if not m.matched or m.ambiguous:
                for item in cells:
                    item.setForeground(QColor("#8a5a00"))
        self.parts.finish((6, 9, 0, 11, 0, 5, 0), stretch=(2, 4, 6))
        notes = [f"Not matched, not recorded: {m.row.sheet} row {m.row.row}: {m.reason}"
                 for m in preview.unmatched]
        notes += [f"No response to {c.label or c.id}: {c.text}" for c in preview.unanswered]
        self.parts.set_notes(notes)
        self._update()

    def chosen(self) -> list[Any]:
        if self.preview is None:
            return []
        return self.parts.ticked(self.preview.rows)

    def _update(self) -> None:
        if self.preview is None:
            return
        n = len(self.chosen())
        self.count_label.setText(f"{n} of {count(len(self.preview.rows), 'row')} ticked; "
                                 f"{len(self.preview.unmatched)} not matched")
        self.parts.set_hint("" if n else "Tick at least one matched row to record.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.preview is not None and bool(self.chosen())

    def nextId(self) -> int:  # noqa: N802
        return P_RESPONSE_APPLY


class ResponseApplyPage(RunPage):
    """The ticked rows recorded through ``import_file`` (backup first, one transaction)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Recording the responses", "A backup of the database is taken first; "
                         "the ticked responses are then saved together, in the audit trail.",
                         "", parent)
        self.setObjectName("responseApplyPage")
        self.cancel_button.setText("&Cancel")
        self.retry_button.clicked.disconnect()
        self.retry_button.clicked.connect(self.start)

    def initializePage(self) -> None:  # noqa: N802
        self.start()

    def start(self) -> None:
        from desktop_app.services.importing import RESPONSE, ImportOptions
        wizard = self.wiz()
        preview = wizard.response_page.preview
        chosen = wizard.response_page.chosen()
        options = ImportOptions(kind=RESPONSE, response=preview, backup_reason="import",
                                accept=[m.key for m in chosen])
        outcome: dict[str, Any] = {}
        wizard.backup_path = None
        work = wizard._saving(preview.path, options, outcome,
                              f"recording {count(len(chosen), 'response')}",
                              lambda o: o.response_applied)

        def done(applied: Any) -> None:
            wizard.backup_path = outcome.get("backup")
            wizard.result = applied
            recorded, same = len(applied.recorded), len(applied.unchanged)
            text = (f"Recorded {count(recorded, 'response')} from {applied.source} in "
                    f"{applied.committee} (response date {applied.decided_on:%d/%m/%Y})."
                    + (f" {count(same, 'row')} already recorded, left as they were."
                       if same else ""))
            self.finished("done", text, wizard._backup_text())
            wizard.imported.emit(applied)

        wizard._start_saving(self, work, "Starting\u2026", done, outcome)
