"""What the import wizard's two review pages share (a returned chase workbook's changes,
``chase_page``; the executive's response matched to recommendations, ``response_page``): a
read-only table whose first column ticks a row, a bold count of what is ticked, notes on the rows
left out and an amber hint when nothing is ticked, laid out in that order under the page's lead.

``TickReview`` is a part the page holds (composition): the page keeps ``table``,
``count_label``, ``notes`` and ``hint`` as its own attributes too, and fills the rows itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLayout, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.ui.importing.widgets import AMBER
from desktop_app.ui.widgets.detail_parts import muted

T = TypeVar("T")
READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TickReview:
    def __init__(self, table: QTableWidget, columns: Sequence[str], *, name: str,
                 accessible: str, notes_name: str, on_change: Callable[[], None]):
        self.table = table
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setHorizontalHeaderLabels(list(columns))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.setTabKeyNavigation(False)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        table.itemChanged.connect(lambda _item: on_change())
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.count_label.setAccessibleName("Ticked")
        self.notes = muted()
        self.notes.setAccessibleName(notes_name)
        self.hint = QLabel()
        self.hint.setStyleSheet(AMBER)

    def lay_out(self, page: QWidget, above: Sequence[QWidget],
                head: QWidget | QLayout | None = None) -> QVBoxLayout:
        """``above`` (the lead and anything under it), ``head`` (default: the count), then the
        table taking the room, the notes and the hint."""
        lay = QVBoxLayout(page)
        lay.setSpacing(6)
        for widget in above:
            lay.addWidget(widget)
        head = self.count_label if head is None else head
        if isinstance(head, QLayout):
            lay.addLayout(head)
        else:
            lay.addWidget(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.notes)
        lay.addWidget(self.hint)
        return lay

    # ------------------------------------------------------------------ filling
    def start(self, rows: int) -> None:
        """Before the rows are put: no itemChanged while they are."""
        self.table.blockSignals(True)
        self.table.setRowCount(rows)

    def put_row(self, row: int, values: Sequence[str], *, tickable: bool, ticked: bool,
                tick_name: str) -> list[QTableWidgetItem]:
        """The tick box (greyed when not ``tickable``) and the read-only cells, each with its
        text as tooltip; returns the cells (columns 1 on) for the page to colour."""
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsSelectable | (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable if tickable
            else Qt.ItemFlag.NoItemFlags))
        tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        tick.setData(Qt.ItemDataRole.AccessibleTextRole, tick_name)
        self.table.setItem(row, 0, tick)
        cells = []
        for c, text in enumerate(values, start=1):
            item = QTableWidgetItem(text)
            item.setFlags(READ_ONLY)
            item.setToolTip(text)
            self.table.setItem(row, c, item)
            cells.append(item)
        return cells

    def finish(self, widths: Sequence[int], stretch: Sequence[int]) -> None:
        """After the rows: columns ``widths`` wide (in M widths; 0 leaves one alone), the
        ``stretch`` columns sharing what is left, rows as tall as their text."""
        table = self.table
        table.blockSignals(False)
        header = table.horizontalHeader()
        fm = table.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for c, chars in enumerate(widths):
            if chars:
                header.resizeSection(c, fm.horizontalAdvance("M") * chars)
        for c in stretch:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    # ------------------------------------------------------------------ reading
    def ticked(self, rows: Sequence[T]) -> list[T]:
        """Those of ``rows`` (in table order) whose box is ticked."""
        return [x for r, x in enumerate(rows)
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def set_notes(self, lines: Sequence[str]) -> None:
        self.notes.setText("\n".join(lines))
        self.notes.setVisible(bool(lines))

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
