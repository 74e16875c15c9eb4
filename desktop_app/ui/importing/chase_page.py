"""The import wizard's review of a returned chase workbook: each cell the owner changed (the
value sent, the owner's value, the app's value now, conflicts marked), ticked to be applied."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QWidget, QWizard)

from desktop_app.ui.importing.text import FIELD_LABELS, count, sent_date
from desktop_app.ui.importing.tick_review import TickReview
from desktop_app.ui.importing.widgets import P_CHASE_APPLY, Page


class ChaseReviewPage(Page):
    COLUMNS = ("Apply", "Row", "Field", "When sent", "Owner's value", "In the app now",
               "Conflict")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("Review the owner's changes")
        self.setSubTitle("Tick the changes to apply. A conflict means the value was also "
                         "changed in the tracker after the workbook was sent.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Apply ticked changes")
        self.review: Any = None
        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.lead.setAccessibleName("Returned workbook")
        self.parts = TickReview(_ChaseTable(0, len(self.COLUMNS)), self.COLUMNS,
                                name="chaseChanges", accessible="Changes the owner made",
                                notes_name="Rows not applied", on_change=self._update)
        self.table, self.count_label = self.parts.table, self.parts.count_label
        self.notes, self.hint = self.parts.notes, self.parts.hint
        self.table.setAccessibleDescription("Space ticks or unticks the change in the current "
                                            "row; ticked changes are applied.")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.all_button = QPushButton("Tick a&ll")
        self.none_button = QPushButton("&Untick all")
        self.safe_button = QPushButton("&Non-conflicting only")
        self.safe_button.setToolTip("Tick every change that does not conflict with the tracker "
                                    "(the starting choice)")
        for button, name in ((self.all_button, "Tick every change"),
                             (self.none_button, "Untick every change"),
                             (self.safe_button, "Tick the changes without a conflict")):
            button.setAccessibleName(name)
            button.setAutoDefault(False)
        self.all_button.clicked.connect(lambda: self.tick(lambda c: True))
        self.none_button.clicked.connect(lambda: self.tick(lambda c: False))
        self.safe_button.clicked.connect(lambda: self.tick(lambda c: not c.conflict))
        head = QHBoxLayout()
        head.addWidget(self.count_label)
        head.addStretch(1)
        for button in (self.all_button, self.none_button, self.safe_button):
            head.addWidget(button)
        self.parts.lay_out(self, [self.lead], head)

    def initializePage(self) -> None:  # noqa: N802
        review = self.wiz().review
        if review is self.review:
            return
        self.review = review
        self.lead.setText(f"Sent back by <b>{_html(review.owner or 'the owner')}</b> for the "
                          f"{_html(review.committee)} (sent {sent_date(review.sent)}). Each "
                          "change is saved as a dated update written by the owner.")
        self.parts.start(len(review.changes))
        for r, change in enumerate(review.changes):
            row_text = f"{change.sheet} row {change.row}: {change.label}"
            kind = "actions" if change.kind == "action" else "recommendations"
            values = [row_text, FIELD_LABELS[kind].get(change.field, change.field),
                      change.sent or "(blank)", change.owner or "(blank)",
                      change.current or "(blank)",
                      "Conflict" if change.conflict else ""]
            cells = self.parts.put_row(r, values, tickable=True, ticked=not change.conflict,
                                       tick_name=f"Apply change {r + 1}")
            if change.conflict:   # "In the app now" and "Conflict"
                for item in cells[4:6]:
                    item.setBackground(QColor("#fff4e0"))
                    item.setForeground(QColor("#8a5a00"))
        self.parts.finish((6, 26, 9, 0, 0, 0, 8), stretch=(3, 4, 5))
        notes = [f"Row added by the owner, not applied: {s} row {r}"
                 for s, r in review.added_rows]
        notes += [f"Row deleted by the owner, not applied: {key}" for key in review.deleted]
        if not review.changes:
            notes.insert(0, "The owner changed nothing that can be applied.")
        self.parts.set_notes(notes)
        for button in (self.all_button, self.none_button, self.safe_button):
            button.setEnabled(bool(review.changes))
        if review.changes:
            self.table.setCurrentCell(0, 0)
        self._update()

    def chosen(self) -> list[Any]:
        if self.review is None:
            return []
        return self.parts.ticked(self.review.changes)

    def tick(self, which) -> None:
        self.table.blockSignals(True)
        for r, change in enumerate(self.review.changes):
            self.table.item(r, 0).setCheckState(Qt.CheckState.Checked if which(change)
                                                else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self.table.viewport().update()
        self._update()

    def _update(self) -> None:
        if self.review is None:
            return
        n, total = len(self.chosen()), len(self.review.changes)
        conflicts = sum(c.conflict for c in self.review.changes)
        text = f"{n} of {count(total, 'change')} ticked"
        if conflicts:
            text += f" \u00b7 {count(conflicts, 'conflict')}"
        self.count_label.setText(text)
        self.parts.set_hint("Tick at least one change to apply." if total and not n else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        if self.review is None:
            return False
        return not self.review.changes or bool(self.chosen())

    def nextId(self) -> int:  # noqa: N802
        return P_CHASE_APPLY if self.review is not None and self.review.changes else -1


class _ChaseTable(QTableWidget):
    """Space ticks or unticks the current row's change, wherever the cursor is in the row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and self.currentRow() >= 0:
            item = self.item(self.currentRow(), 0)
            if item is not None:
                item.setCheckState(Qt.CheckState.Unchecked
                                   if item.checkState() == Qt.CheckState.Checked
                                   else Qt.CheckState.Checked)
                event.accept()
                return
        super().keyPressEvent(event)


def _html(text: str) -> str:
    return html.escape(text or "")
