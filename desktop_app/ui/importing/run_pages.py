"""Pages 4 and 5 of the import wizard: the trial run (what the import would add, update and
skip, nothing saved) and ``RunPage``, which shows the import, or the applying of a returned
chase workbook's changes, running on a worker with progress and Cancel, then its result."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget, QWizard)

from desktop_app.ui.errors import first_line
from desktop_app.ui.importing.text import (COUNT_WORDS, FIELD_LABELS, KIND_WORDS, count,
                                               for_people, with_article)
from desktop_app.ui.importing.widgets import (AMBER, GREY, Page, banner_label, busy_bar,
                                                  row_list, set_banner)
from desktop_app.ui.widgets.detail_parts import muted


class DryRunPage(Page):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("Check before importing")
        self.setSubTitle("A trial run against the tracker: nothing has been saved yet.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")
        self.summary: Any = None
        self.running = False
        self._generation = 0

        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.lead.setAccessibleName("What the import would do")
        self.busy = busy_bar("Trying the import")
        self.problem = banner_label("error")
        self.problem.setObjectName("importDryRunProblem")
        self.count_labels: dict[str, QLabel] = {}
        counts = QHBoxLayout()
        counts.setSpacing(10)
        for key, word in COUNT_WORDS.items():
            box = QFrame()
            box.setObjectName(f"count_{key}")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            box.setStyleSheet(f"QFrame#count_{key} {{ background: #f6f8fb; border: 1px solid "
                              "#d5dae1; border-radius: 6px; }")
            number = QLabel("\u2013")
            f = number.font()
            f.setPointSizeF(f.pointSizeF() + 10)
            f.setWeight(QFont.Weight.DemiBold)
            number.setFont(f)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setObjectName(f"importCount_{key}")
            number.setAccessibleName(word.capitalize())
            caption = QLabel(word)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setStyleSheet(GREY)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(16, 8, 16, 8)
            inner.setSpacing(0)
            inner.addWidget(number)
            inner.addWidget(caption)
            box.setMinimumWidth(120)
            counts.addWidget(box)
            self.count_labels[key] = number
        counts.addStretch(1)
        self.extra = muted()
        self.extra.setAccessibleName("Committee and meetings")
        self.changes_title = QLabel("What would change:")
        self.changes_title.setStyleSheet("font-weight: 600;")
        self.changes = row_list("Rows that would be updated", 5)
        self.changes.setObjectName("importChanges")
        self.skipped_title = QLabel()
        self.skipped_title.setStyleSheet(AMBER + " font-weight: 600;")
        self.skipped = row_list("Rows that cannot be imported", 5)
        self.skipped.setObjectName("importSkipped")
        self.skip_box = QCheckBox("Import the other rows and &skip these")
        self.skip_box.setObjectName("importSkipBadRows")
        self.skip_box.setAccessibleName("Import the other rows and skip the rows that cannot "
                                        "be imported")
        self.skip_box.toggled.connect(lambda _on: self._update())
        self.skip_hint = QLabel()
        self.skip_hint.setWordWrap(True)
        self.skip_hint.setStyleSheet(AMBER)

        lay = QVBoxLayout(self)
        lay.setSpacing(8)
        lay.addWidget(self.lead)
        lay.addWidget(self.busy)
        lay.addWidget(self.problem)
        lay.addLayout(counts)
        lay.addWidget(self.extra)
        lay.addWidget(self.changes_title)
        lay.addWidget(self.changes)
        lay.addWidget(self.skipped_title)
        lay.addWidget(self.skipped)
        lay.addWidget(self.skip_box)
        lay.addWidget(self.skip_hint)
        lay.addStretch(1)
        for w in (self.changes_title, self.skipped_title, self.skip_box, self.skip_hint):
            w.hide()

    def initializePage(self) -> None:  # noqa: N802
        wiz = self.wiz()
        self.summary = None
        self._generation += 1
        generation = self._generation
        self.running = True
        for label in self.count_labels.values():
            label.setText("\u2013")
        for w in (self.changes_title, self.changes, self.skipped_title, self.skipped,
                  self.skip_box, self.skip_hint):
            w.hide()
        set_banner(self.problem, "")
        self.extra.setText("")
        self.busy.show()
        self.lead.setText(f"Trying {wiz.info.name} as {with_article(KIND_WORDS[wiz.kind])} against "
                          f"{wiz.committee}\u2026")
        self.skip_box.setChecked(False)
        self.completeChanged.emit()
        wiz.dry_run(lambda summary: self._shown(generation, summary),
                    lambda exc: self._failed(generation, exc))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.running = False
        self.busy.hide()
        self.lead.setText("The trial run failed: nothing can be imported as things stand.")
        set_banner(self.problem, for_people(first_line(exc)), "error")
        self.completeChanged.emit()

    def _shown(self, generation: int, summary: Any) -> None:
        if generation != self._generation:
            return
        self.running = False
        self.busy.hide()
        self.summary = summary
        wiz = self.wiz()
        kind = summary.kind
        self.lead.setText(f"Importing {wiz.info.name} as {with_article(KIND_WORDS[kind])} into "
                          f"{summary.committee} would give:")
        values = {"created": summary.created, "updated": summary.updated,
                  "unchanged": summary.unchanged, "skipped": len(summary.skipped)}
        for key, value in values.items():
            self.count_labels[key].setText(str(value))
            self.count_labels[key].setAccessibleName(f"{COUNT_WORDS[key].capitalize()}: {value}")
        extra = []
        if summary.committee_created:
            extra.append(f"The committee \u201c{summary.committee}\u201d will be created.")
        if summary.meetings_created:
            extra.append(f"{count(summary.meetings_created, 'meeting')} will be added to it.")
        if not summary.created and not summary.updated:
            extra.append("Nothing would change: every row is already in the tracker as the "
                         "workbook has it.")
        self.extra.setText(" ".join(extra))
        self.changes.clear()
        for change in summary.changes:
            names = ", ".join(FIELD_LABELS[kind].get(f, f.replace("_", " ")).lower()
                              for f in change.fields)
            self.changes.addItem(f"Sheet '{change.sheet}', row {change.row}: {names}")
        self.changes_title.setVisible(bool(summary.changes))
        self.changes.setVisible(bool(summary.changes))
        self.skipped.clear()
        for sheet, row, reason in summary.skipped:
            self.skipped.addItem(f"Sheet '{sheet}', row {row}: {reason}")
        bad = bool(summary.skipped)
        self.skipped_title.setText(f"{count(len(summary.skipped), 'row')} cannot be "
                                   "imported:" if bad else "")
        for w in (self.skipped_title, self.skipped, self.skip_box):
            w.setVisible(bad)
        self._update()

    def bad_rows(self) -> bool:
        return self.summary is not None and bool(self.summary.skipped)

    def _update(self) -> None:
        blocked = self.bad_rows() and not self.skip_box.isChecked()
        self.skip_hint.setText("Nothing is imported while these rows are in the way: correct "
                               "the workbook and choose it again, or tick the box to import "
                               "the other rows." if blocked else "")
        self.skip_hint.setVisible(blocked)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        if self.running or self.summary is None:
            return False
        return not self.bad_rows() or self.skip_box.isChecked()


class RunPage(Page):
    """The last page: the import (or the chase changes) applied in a worker, with progress and
    Cancel, then the result."""

    def __init__(self, title: str, subtitle: str, start_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self._start_name = start_name
        self.state = "idle"          # idle / running / done / cancelled / failed
        self.stage = QLabel()
        self.stage.setObjectName("importStage")
        self.stage.setAccessibleName("Progress")
        self.stage.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setAccessibleName("Progress")
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(14)
        self.cancel_button = QPushButton("&Cancel import")
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.setAutoDefault(False)
        self.retry_button = QPushButton("&Try again")
        self.retry_button.setAccessibleName("Try again")
        self.retry_button.setAutoDefault(False)
        self.retry_button.hide()
        self.result = banner_label("ok")
        self.result.setObjectName("importResult")
        self.result.setAccessibleName("Result")
        self.detail = muted()
        self.detail.setAccessibleName("Details")
        self.cancel_button.clicked.connect(lambda: self.wiz().cancel_running())
        self.retry_button.clicked.connect(lambda: getattr(self.wiz(), self._start_name)())
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.retry_button)
        lay = QVBoxLayout(self)
        lay.setSpacing(8)
        lay.addWidget(self.stage)
        lay.addLayout(row)
        lay.addSpacing(6)
        lay.addWidget(self.result)
        lay.addWidget(self.detail)
        lay.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        getattr(self.wiz(), self._start_name)()

    def started(self, text: str) -> None:
        self.state = "running"
        self.stage.setText(text)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.retry_button.hide()
        set_banner(self.result, "")
        self.detail.setText("")
        self.completeChanged.emit()

    def progressed(self, _done: int, _total: int, text: str) -> None:
        if text and self.state == "running":
            self.stage.setText(text)

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.stage.setText("Cancelling\u2026 (nothing is saved unless the save had already "
                           "finished)")

    def finished(self, state: str, text: str, detail: str = "", banner: str = "ok") -> None:
        self.state = state
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if state == "done" else 0)
        self.cancel_button.hide()
        self.retry_button.setVisible(state in ("cancelled", "failed"))
        self.stage.setText({"done": "Finished.", "cancelled": "Cancelled.",
                            "failed": "Stopped."}[state])
        set_banner(self.result, text, banner)
        self.detail.setText(detail)
        self.completeChanged.emit()
        self.wiz().button(QWizard.WizardButton.FinishButton).setFocus()

    def isComplete(self) -> bool:  # noqa: N802
        return self.state not in ("idle", "running")

    def nextId(self) -> int:  # noqa: N802 - the last page of its branch
        return -1
