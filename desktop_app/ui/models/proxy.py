"""The filter proxy of every grid: search words plus named predicates (status, owner, ...).

A QAbstractProxyModel over a RowTableModel that holds the list of source rows it shows, in
source order. Each filter change is evaluated once over all rows in plain Python (RowFilter,
models/row_filter.py), and the new list is put in place with one layout change: Qt never calls
back into Python once per row. The plain way, QSortFilterProxyModel asking ``filterAcceptsRow``
with the same filter, is models/plain_proxy.py; benchmarks/bench_tricks.py measures the two
(per keystroke: ~40 ms saved with 5,000 actions, ~1.2 s with 100,000). Sorting is forwarded to
the source model (see models/base.py), so the proxy order is always the source order and a
source row is found by bisection.

Edits, insertions and removals in the source keep the filter: a row that stops matching after
an edit leaves the proxy (rows removed), one that starts matching comes in (rows inserted).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QAbstractProxyModel, QModelIndex, QObject,
                            QPersistentModelIndex, Qt, Signal)

from desktop_app.ui.models.base import ROW_ROLE, RowTableModel, gc_paused
from desktop_app.ui.models.row_filter import Predicate, RowFilter
_Hint = QAbstractItemModel.LayoutChangeHint
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable |
              Qt.ItemFlag.ItemNeverHasChildren)


class RecordFilterProxy(QAbstractProxyModel):
    filter_changed = Signal()   # after the filters changed (rows shown may differ)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._filter = RowFilter()
        self._source: RowTableModel | None = None
        self._connections: list[tuple[Any, Callable]] = []
        self._fast = False         # the source answers data/flags the RowTableModel way
        self._ncols = 0
        self._map: list[int] = []  # the source rows shown, ascending
        self._held: tuple[list, list] | None = None   # persistent indexes over a layout change

    # ---------------------------------------------------------------- set-up
    def setSourceModel(self, model: RowTableModel) -> None:  # noqa: N802 - Qt naming
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        self.beginResetModel()
        self._source = model
        self._filter.forget_caches()
        super().setSourceModel(model)
        if model is not None:
            kind = type(model)
            self._fast = (isinstance(model, RowTableModel) and kind.data is RowTableModel.data
                          and kind.flags is RowTableModel.flags)
            layout_about = model.layoutAboutToBeChanged[_LAYOUT_SIGNATURE]
            layout_changed = model.layoutChanged[_LAYOUT_SIGNATURE]
            for signal, slot in (
                    (model.modelAboutToBeReset, self.beginResetModel),
                    (model.modelReset, self._source_reset),
                    (layout_about, self._source_layout_about_to_change),
                    (layout_changed, self._source_layout_changed),
                    (model.rowsInserted, self._source_rows_inserted),
                    (model.rowsAboutToBeRemoved, self._source_rows_about_to_be_removed),
                    (model.rowsRemoved, self._source_rows_removed),
                    (model.dataChanged, self._source_data_changed),
                    (model.headerDataChanged, self._source_header_changed),
                    # Never emitted by a RowTableModel; start over if they ever are.
                    (model.rowsAboutToBeMoved, self.beginResetModel),
                    (model.rowsMoved, self._source_reset),
                    (model.columnsAboutToBeInserted, self.beginResetModel),
                    (model.columnsInserted, self._source_reset),
                    (model.columnsAboutToBeRemoved, self.beginResetModel),
                    (model.columnsRemoved, self._source_reset),
                    (model.columnsAboutToBeMoved, self.beginResetModel),
                    (model.columnsMoved, self._source_reset)):
                signal.connect(slot)
                self._connections.append((signal, slot))
        self._ncols = model.columnCount() if model is not None else 0
        self._map = self._evaluate()
        self.endResetModel()

    # ---------------------------------------------------------------- filters
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
        """Re-evaluate every row; show the result with one layout change (not a remove/insert
        signal per run of hidden rows: thousands of them with 100,000 rows)."""
        with gc_paused():
            shown = self._evaluate()
        if shown != self._map:
            self._change_layout(shown, _Hint.VerticalSortHint)
        self.filter_changed.emit()

    def _evaluate(self) -> list[int]:
        return [] if self._source is None else self._filter.evaluate(self._source)

    # ---------------------------------------------------------------- the mapping
    def _proxy_row(self, source_row: int) -> int | None:
        m = self._map
        i = bisect_left(m, source_row)
        return i if i < len(m) and m[i] == source_row else None

    def _change_layout(self, shown: list[int], hint: _Hint) -> None:
        self._layout_about_to_change(hint)
        self._map = shown
        self._layout_changed(hint)

    def _layout_about_to_change(self, hint: _Hint) -> None:
        self.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], hint)
        persistent = self.persistentIndexList()
        self._held = (persistent, [QPersistentModelIndex(self.mapToSource(p))
                                   for p in persistent])

    def _layout_changed(self, hint: _Hint) -> None:
        if self._held is not None:
            persistent, sources = self._held
            self._held = None
            if persistent:
                self.changePersistentIndexList(
                    persistent, [self.mapFromSource(QModelIndex(s)) for s in sources])
        self.layoutChanged[_LAYOUT_SIGNATURE].emit([], hint)

    # ---------------------------------------------------------------- source changes
    def _source_reset(self, *_args) -> None:
        src = self._source
        self._ncols = src.columnCount() if src is not None else 0
        self._map = self._evaluate()
        self.endResetModel()

    def _source_layout_about_to_change(self, _parents=None, hint=_Hint.NoLayoutChangeHint) -> None:
        self._layout_about_to_change(hint)

    def _source_layout_changed(self, _parents=None, hint=_Hint.NoLayoutChangeHint) -> None:
        with gc_paused():
            self._map = self._evaluate()
        self._layout_changed(hint)

    def _source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        count = last - first + 1
        m = self._map
        pos = bisect_left(m, first)
        shifted = m[:pos] + [s + count for s in m[pos:]]
        src, flt = self._source, self._filter
        new = [s for s in range(first, last + 1) if not flt.active or flt.accepts(src, s)]
        if not new:
            self._map = shifted
            return
        self.beginInsertRows(QModelIndex(), pos, pos + len(new) - 1)
        self._map = shifted[:pos] + new + shifted[pos:]
        self.endInsertRows()

    def _source_rows_about_to_be_removed(self, parent: QModelIndex, first: int,
                                         last: int) -> None:
        if parent.isValid():
            return
        m = self._map
        lo, hi = bisect_left(m, first), bisect_right(m, last)
        if hi > lo:
            self.beginRemoveRows(QModelIndex(), lo, hi - 1)
            self._map = m[:lo] + m[hi:]
            self.endRemoveRows()

    def _source_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        count = last - first + 1
        m = self._map
        pos = bisect_right(m, last)
        self._map = m[:pos] + [s - count for s in m[pos:]]

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                             roles: list[int] = ()) -> None:   # noqa: B006 - never mutated
        src = self._source
        if src is None or not top_left.isValid() or not bottom_right.isValid():
            return
        first, last = top_left.row(), bottom_right.row()
        if self._filter.active:
            for s in range(first, last + 1):
                self._row_changed(s)
        m = self._map
        lo, hi = bisect_left(m, first), bisect_right(m, last)
        if hi > lo:
            self.dataChanged.emit(self.index(lo, top_left.column()),
                                  self.index(hi - 1, bottom_right.column()), roles)

    def _row_changed(self, s: int) -> None:
        """Source row ``s`` was replaced: it may now pass the filters, or no longer."""
        src = self._source
        assert src is not None
        self._filter.row_replaced(src, s)
        accepted = self._filter.accepts(src, s)
        shown = self._proxy_row(s)
        if accepted and shown is None:
            pos = bisect_left(self._map, s)
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._map = self._map[:pos] + [s] + self._map[pos:]
            self.endInsertRows()
        elif not accepted and shown is not None:
            self.beginRemoveRows(QModelIndex(), shown, shown)
            self._map = self._map[:shown] + self._map[shown + 1:]
            self.endRemoveRows()

    def _source_header_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.headerDataChanged.emit(orientation, first, last)
        elif self._map:
            lo, hi = bisect_left(self._map, first), bisect_right(self._map, last)
            if hi > lo:
                self.headerDataChanged.emit(orientation, lo, hi - 1)

    # ---------------------------------------------------------------- Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._map)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else self._ncols

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._map) and 0 <= column < self._ncols):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None) -> Any:
        if index is None:               # QObject.parent()
            return super().parent()
        return QModelIndex()

    def sibling(self, row: int, column: int,
                index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and bool(self._map) and self._ncols > 0

    def mapToSource(self, proxy_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        src = self._source
        if src is None or not proxy_index.isValid():
            return QModelIndex()
        r = proxy_index.row()
        if not 0 <= r < len(self._map):
            return QModelIndex()
        return src.index(self._map[r], proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        r = self._proxy_row(source_index.row())
        if r is None:
            return QModelIndex()
        return self.index(r, source_index.column())

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each repaint: straight to the row.
        src = self._source
        if src is None or not index.isValid():
            return None
        if self._fast:
            handler = src._handlers.get(role)
            if handler is None:
                return None
            try:
                row = src._rows[self._map[index.row()]]
            except IndexError:
                return None
            return handler(row, src.columns[index.column()])
        return src.data(self.mapToSource(index), role)

    def multiData(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt naming
                  roles: Any) -> None:
        """Every role a delegate asks of a cell (QStyledItemDelegate asks seven) in one call
        into Python rather than one ``data()`` each: what ``data()`` gives for each role."""
        src = self._source
        if not self._fast or src is None or not index.isValid():
            for wanted in roles:
                wanted.setData(self.data(index, wanted.role()))
            return
        try:
            row = src._rows[self._map[index.row()]]
        except IndexError:
            for wanted in roles:
                wanted.clearData()
            return
        col = src.columns[index.column()]
        handlers = src._handlers
        for wanted in roles:
            handler = handlers.get(wanted.role())
            wanted.setData(None if handler is None else handler(row, col))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        src = self._source
        if src is None or not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._fast:
            editable = src.editable    # type: ignore[attr-defined]
            if editable and src.columns[index.column()].key in editable:  # type: ignore[attr-defined]
                return _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable
            return _ROW_FLAGS
        return src.flags(self.mapToSource(index))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        src = self._source
        if src is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._map):
                return None
            section = self._map[section]
        return src.headerData(section, orientation, role)

    # ---------------------------------------------------------------- sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source rows (one Python sort) instead of comparing through the proxy."""
        if self._source is not None:
            self._source.sort(column, order)

    # ---------------------------------------------------------------- convenience
    def row_at(self, proxy_row: int) -> Any:
        if self._fast and 0 <= proxy_row < len(self._map):
            return self._source.row_at(self._map[proxy_row])
        return self.data(self.index(proxy_row, 0), ROW_ROLE)

    def first_rows(self, count: int) -> tuple[RowTableModel, list] | None:
        """The source model and the rows of its first ``count`` rows shown, when its cells are
        what its columns and looks say of the rows (a RowTableModel's own data()); else None
        (ask data())."""
        src = self._source
        if not self._fast or src is None:
            return None
        rows = src.rows
        return src, [rows[i] for i in self._map[:count]]

    def proxy_row_of(self, row_id: int) -> int | None:
        src = self._source
        if src is None:
            return None
        i = src.position_of(row_id)
        return None if i is None else self._proxy_row(i)
