"""One Tracker sub-view: a filter bar, the table and the detail pane side by side."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from desktop_app.ui import app_state
from desktop_app.ui.app_state import short_date
from desktop_app.ui.models.base import RowTableModel
from desktop_app.ui.models.optional_columns import (RAG_FILTER_NONE, RAG_KEY, extra_columns,
                                                    is_optional, rag_key, rag_label, rag_sort)
from desktop_app.ui.models.proxy import RecordFilterProxy
from desktop_app.ui.widgets.column_chooser import ColumnChoices
from desktop_app.ui.widgets.filter_combo import FilterCombo
from desktop_app.ui.widgets.record_table import RecordTable
from desktop_app.ui.widgets.search_box import SearchBox

ALL = ""
_MEETING_DATE = attrgetter("meeting_date")
_RAG = attrgetter("rag")
_DIRECTORATE = attrgetter("directorate")
_EXTRA = attrgetter("extra")


class RecordGrid(QWidget):
    """``status_filters``: (label, value, predicate) choices; owners, directorates and meetings
    are offered from the rows themselves."""

    current_changed = Signal(object)   # the row now shown in the detail pane (or None)
    selection_count_changed = Signal(int)   # how many rows are selected

    def __init__(self, kind: str, noun: str, model: RowTableModel, detail: QWidget,
                 status_filters: list[tuple[str, str, Callable[[Any], bool] | None]],
                 *, owner_field: str | None = "owner", directorate: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.kind, self.noun = kind, noun
        self.model, self.detail = model, detail
        self._status_predicates = {value: pred for _label, value, pred in status_filters}
        self._owner_field = owner_field
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(model)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(6)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search = SearchBox(self, f"Search {noun}")
        self.search.setObjectName(f"{kind}Search")
        self.status = FilterCombo("Status filter", min_chars=16)
        self.status.set_choices((label, value) for label, value, _p in status_filters)
        self.owner = FilterCombo("Owner filter", min_chars=14)
        self.directorate = FilterCombo("Directorate filter", min_chars=14)
        self.meeting = FilterCombo("Meeting filter", min_chars=11)
        self.rag = FilterCombo("RAG filter", min_chars=8)   # no label: "RAG: Red" says it
        self.rag.set_choices([("RAG: any", ALL)])
        self.rag.hide()                  # until rows with a RAG are loaded
        self.choices = ColumnChoices(kind)
        self.columns_committee: str | None = None
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setAccessibleName(f"Clear the {noun} filters")
        self.count = QLabel()
        self.count.setObjectName(f"{kind}Count")
        self.count.setAccessibleName(f"Number of {noun} shown")
        self.count.setStyleSheet("color: #5f6368;")
        bar.addWidget(self.search, 3)
        for label, combo in (("Status", self.status), ("Owner", self.owner),
                             ("Directorate", self.directorate), ("Meeting", self.meeting)):
            text = QLabel(label)
            text.setBuddy(combo)
            bar.addWidget(text)
            bar.addWidget(combo, 1)
            if combo is self.owner and owner_field is None:
                text.hide()
                combo.hide()
            if combo is self.directorate and not directorate:
                text.hide()
                combo.hide()
        bar.addWidget(self.rag, 1)
        bar.addWidget(self.clear_button)
        bar.addStretch(0)
        bar.addWidget(self.count)
        lay.addLayout(bar)
        self._layout = lay

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{kind}Splitter")
        self.splitter.setChildrenCollapsible(False)
        self.table = RecordTable(f"tracker_{kind}", lines=3,
                                 accessible_name=f"{noun.capitalize()} table")
        self.table.setObjectName(f"{kind}Table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.proxy)
        self.table.set_columns_from(model)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        detail.setMinimumWidth(360)
        self.table.setMinimumWidth(420)
        if not app_state.restore_splitter(self.splitter, f"tracker_{kind}"):
            self.splitter.setSizes([1000, 380])
        lay.addWidget(self.splitter, 1)

        self.search.textChanged.connect(self.proxy.set_search)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.owner.currentIndexChanged.connect(self._owner_changed)
        self.directorate.currentIndexChanged.connect(self._directorate_changed)
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        self.rag.currentIndexChanged.connect(self._rag_changed)
        self.table.column_toggled.connect(self._column_toggled)
        self.clear_button.clicked.connect(self.clear_filters)
        # Not rowsInserted/rowsRemoved of the proxy: a filter change can emit thousands.
        for signal in (self.proxy.filter_changed, self.proxy.modelReset, self.proxy.layoutChanged,
                       model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._update_count)
        self.proxy.filter_changed.connect(self.table.layout_now)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._shown_id: int | None = None
        self._update_count()

    # ---------------------------------------------------------------- filters
    def _status_changed(self, *_args) -> None:
        self.proxy.set_predicate("status", self._status_predicates.get(self.status.value()))

    def _owner_changed(self, *_args) -> None:
        value, field = self.owner.value(), self._owner_field
        self.proxy.set_predicate("owner", (lambda r: getattr(r, field) == value)
                                 if value and field else None)

    def _directorate_changed(self, *_args) -> None:
        value = self.directorate.value()
        self.proxy.set_predicate("directorate", (lambda r: r.directorate == value)
                                 if value else None)

    def _meeting_changed(self, *_args) -> None:
        value = self.meeting.value()
        self.proxy.set_predicate("meeting", (lambda r: r.meeting_date is not None and
                                             r.meeting_date.isoformat() == value)
                                 if value else None)

    def _rag_changed(self, *_args) -> None:
        value = self.rag.value()
        wanted = "" if value == RAG_FILTER_NONE else value
        self.proxy.set_predicate(RAG_KEY, (lambda r: rag_key(r.rag) == wanted)
                                 if value else None)

    def set_status_filter(self, value: str) -> None:
        self.status.set_value(value)

    def clear_filters(self) -> None:
        for combo in (self.status, self.owner, self.directorate, self.meeting, self.rag):
            combo.setCurrentIndex(0)
        self.search.clear()

    def update_choices(self) -> None:
        """Offer the owners, directorates and meetings that occur in the rows."""
        rows = self.model.rows
        # the distinct values gathered at C speed (map over an attrgetter), then worked on
        if self._owner_field:
            owners = sorted(set(map(attrgetter(self._owner_field), rows)) - {""},
                            key=str.lower)
            self.owner.set_choices([("All owners", ALL)] + [(o, o) for o in owners])
        has = bool(rows) and hasattr(rows[0], "directorate")   # rows of one kind
        directorates = sorted(set(map(_DIRECTORATE, rows) if has else ()) - {""},
                              key=str.lower)
        self.directorate.set_choices([("All directorates", ALL)] +
                                     [(d, d) for d in directorates])
        days = sorted(set(map(_MEETING_DATE, rows)) - {None}, reverse=True)
        self.meeting.set_choices([("All meetings", ALL)] +
                                 [(short_date(d), d.isoformat()) for d in days])
        rags = sorted({rag_key(w) for w in set(map(_RAG, rows))} - {""}, key=rag_sort)
        self.rag.set_choices([("RAG: any", ALL)] + [(f"RAG: {rag_label(w)}", w) for w in rags]
                             + ([("RAG: none", RAG_FILTER_NONE)] if rags else []))
        self.rag.setVisible(bool(rags))

    # ---------------------------------------------------------------- columns
    def _default_columns(self) -> set[str]:
        return {RAG_KEY} if any(map(_RAG, self.model.rows)) else set()

    def update_columns(self, committee: str | None, *, fit: bool = True) -> None:
        """The optional columns of the rows loaded for ``committee`` (None: all committees):
        RAG, the status as written and each column of the imported tracker, shown as chosen
        for that committee before. ``fit=False``: the caller fits the columns afterwards."""
        self.columns_committee = committee
        rows = self.model.rows
        # only the rows with columns of their own (rows of one kind, each with its dict, {}
        # for none), sifted at C speed: the same headers in the same order
        if rows and hasattr(rows[0], "extra"):
            rows = list(filter(_EXTRA, rows))
        self.model.set_extra_columns(extra_columns(rows))
        shown = self.choices.shown(committee, self._default_columns())
        self.table.apply_columns(self.model, {c.key: c.key in shown for c in self.model.columns
                                              if is_optional(c.key)}, fit=fit)

    def _column_toggled(self, key: str, on: bool) -> None:
        if is_optional(key):
            self.choices.set_shown(self.columns_committee, key, on, self._default_columns())

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown:,} of {total:,} {self.noun}" if shown != total
                           else f"{total:,} {self.noun}")

    # ---------------------------------------------------------------- selection
    def select_id(self, row_id: int | None) -> bool:
        """Select the row with this id (if it passes the filters); True when selected."""
        if row_id is None:
            return False
        r = self.proxy.proxy_row_of(row_id)
        if r is None:
            return False
        index = self.proxy.index(r, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect |
            QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def is_selected(self, row_id: int) -> bool:
        r = self.proxy.proxy_row_of(row_id)
        return r is not None and self.table.selectionModel().isRowSelected(r)

    def add_bar(self, bar: QWidget) -> None:
        """A bar between the filters and the table (the bulk actions)."""
        self._layout.insertWidget(1, bar)

    def selected_rows(self) -> list:
        """The rows selected, in the order shown."""
        picked = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [r for r in (self.proxy.row_at(i) for i in picked) if r is not None]

    def _selection_changed(self, *_args) -> None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows()
        self.selection_count_changed.emit(len(rows))
        if not rows:
            return   # filtered away or reloaded: the pane keeps showing the record
        current = self.table.currentIndex()
        at = current.row() if current.isValid() and selection.isRowSelected(
            current.row(), current.parent()) else rows[0].row()
        row = self.proxy.row_at(at)
        if row is None or getattr(row, "id", None) == self._shown_id:
            return
        if self.detail.is_dirty() and not self._confirm_leave():
            QTimer.singleShot(0, lambda: self.select_id(self._shown_id))
            return
        self._shown_id = row.id
        self.current_changed.emit(row)

    def _confirm_leave(self) -> bool:
        # imported here: importing it makes its Python enum classes, at every start otherwise
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"You have changed this {self.noun[:-1]} without saving.")
        box.setInformativeText("Save the changes before moving on?")
        box.setStandardButtons(QMessageBox.StandardButton.Save |
                               QMessageBox.StandardButton.Discard |
                               QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            self.detail._save()
            return not self.detail.is_dirty()
        return answer == QMessageBox.StandardButton.Discard

    def shown_id(self) -> int | None:
        return self._shown_id

    def forget_shown(self) -> None:
        self._shown_id = None

    def save_state(self) -> None:
        app_state.save_splitter(self.splitter, f"tracker_{self.kind}")
        self.table.save_state()
