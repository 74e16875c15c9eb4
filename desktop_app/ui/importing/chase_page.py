"""The import wizard's review of a returned chase workbook: each cell the owner changed (the
value sent, the owner's value, the app's value now, conflicts marked), ticked to be applied."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
                               QWizard)

from desktop_app.ui.importing.text import FIELD_LABELS, count, sent_date
from desktop_app.ui.importing.widgets import AMBER, P_CHASE_APPLY, Page
from desktop_app.ui.widgets.detail_parts import muted


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
        self.table = _ChaseTable(0, len(self.COLUMNS))
        self.table.setObjectName("chaseChanges")
        self.table.setAccessibleName("Changes the owner made")
        self.table.setAccessibleDescription("Space ticks or unticks the change in the current "
                                            "row; ticked changes are applied.")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.itemChanged.connect(lambda _item: self._update())
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.count_label.setAccessibleName("Ticked")
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
        self.notes = muted()
        self.notes.setAccessibleName("Rows not applied")
        self.hint = QLabel()
        self.hint.setStyleSheet(AMBER)
        head = QHBoxLayout()
        head.addWidget(self.count_label)
        head.addStretch(1)
        for button in (self.all_button, self.none_button, self.safe_button):
            head.addWidget(button)
        lay = QVBoxLayout(self)
        lay.setSpacing(6)
        lay.addWidget(self.lead)
        lay.addLayout(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.notes)
        lay.addWidget(self.hint)

    def initializePage(self) -> None:  # noqa: N802
        review = self.wiz().review
        if review is self.review:
            return
        self.review = review
        self.lead.setText(f"Sent back by <b>{_html(review.owner or 'the owner')}</b> for the "
                          f"{_html(review.committee)} (sent {sent_date(review.sent)}). Each "
                          "change is saved as a dated update written by the owner.")
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(review.changes))
        for r, change in enumerate(review.changes):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Unchecked if change.conflict
                               else Qt.CheckState.Checked)
            tick.setData(Qt.ItemDataRole.AccessibleTextRole, f"Apply change {r + 1}")
            table.setItem(r, 0, tick)
            row_text = f"{change.sheet} row {change.row}: {change.label}"
            kind = "actions" if change.kind == "action" else "recommendations"
            values = [row_text, FIELD_LABELS[kind].get(change.field, change.field),
                      change.sent or "(blank)", change.owner or "(blank)",
                      change.current or "(blank)",
                      "Conflict" if change.conflict else ""]
            for c, text in enumerate(values, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(text)
                if change.conflict and c in (5, 6):
                    item.setBackground(QColor("#fff4e0"))
                    item.setForeground(QColor("#8a5a00"))
                table.setItem(r, c, item)
        table.blockSignals(False)
        header = table.horizontalHeader()
        fm = table.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = (6, 26, 9, 0, 0, 0, 8)
        for c, chars in enumerate(widths):
            if chars:
                header.resizeSection(c, fm.horizontalAdvance("M") * chars)
        for c in (3, 4, 5):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        notes = [f"Row added by the owner, not applied: {s} row {r}"
                 for s, r in review.added_rows]
        notes += [f"Row deleted by the owner, not applied: {key}" for key in review.deleted]
        if not review.changes:
            notes.insert(0, "The owner changed nothing that can be applied.")
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        for button in (self.all_button, self.none_button, self.safe_button):
            button.setEnabled(bool(review.changes))
        if review.changes:
            table.setCurrentCell(0, 0)
        self._update()

    def chosen(self) -> list[Any]:
        if self.review is None:
            return []
        return [c for r, c in enumerate(self.review.changes)
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

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
        self.hint.setText("Tick at least one change to apply." if total and not n else "")
        self.hint.setVisible(bool(total and not n))
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
