"""The plain alternative to RecordFilterProxy (models/proxy.py): Qt's own QSortFilterProxyModel
asking ``filterAcceptsRow`` once per source row, with the same filters (RowFilter) and the same
public methods. It exists so that `make bench` (benchmarks/bench_tricks.py) can measure what the
hand-written proxy buys, and so that a test can hold the two to the same rows.

Sorting is forwarded to the source model, as RecordFilterProxy does: the proxy keeps the source
order, so both show the same rows in the same order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt,
                            Signal)

from desktop_app.ui.models.base import ROW_ROLE, RowTableModel
from desktop_app.ui.models.row_filter import Predicate, RowFilter


class PlainFilterProxy(QSortFilterProxyModel):
    filter_changed = Signal()   # after the filters changed (rows shown may differ)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._filter = RowFilter()
        self._source: RowTableModel | None = None
        self.setDynamicSortFilter(False)   # re-filtered on each change, as RecordFilterProxy

    def setSourceModel(self, model: RowTableModel) -> None:  # noqa: N802 - Qt naming
        self._source = model
        if model is not None:
            model.dataChanged.connect(self._source_data_changed)
        super().setSourceModel(model)

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                             *_roles: Any) -> None:
        if self._filter.active:
            self._invalidate_rows()   # an edited row may now pass the filters, or not

    # ---------------------------------------------------------------- filters
    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt naming
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        src = self._source
        return src is None or not self._filter.active or self._filter.accepts(src, source_row)

    def set_search(self, text: str) -> None:
        if self._filter.set_words(text.lower().split()):
            self._refilter()

    def search_words(self) -> list[str]:
        return list(self._filter.words)

    def set_predicate(self, name: str, predicate: Predicate | None) -> None:
        if self._filter.set_predicate(name, predicate):
            self._refilter()

    def clear_filters(self) -> None:
        self._filter.clear()
        self._refilter()

    def _refilter(self) -> None:
        self._invalidate_rows()
        self.filter_changed.emit()

    def _invalidate_rows(self) -> None:
        """Ask ``filterAcceptsRow`` again for every source row."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # ---------------------------------------------------------------- sorting and rows
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._source is not None:
            self._source.sort(column, order)

    def row_at(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)

    def proxy_row_of(self, row_id: int) -> int | None:
        src = self._source
        i = None if src is None else src.position_of(row_id)
        if i is None:
            return None
        found = self.mapFromSource(src.index(i, 0))
        return found.row() if found.isValid() else None
