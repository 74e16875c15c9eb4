"""The filter proxy of every grid: search words plus named predicates (status, owner, ...).

Filtering is evaluated once per change over all rows in plain Python (a list of booleans), and
``filterAcceptsRow`` only looks the answer up, so each keystroke costs one pass over cached,
lower-cased row texts. Sorting is forwarded to the source model (see models/base.py).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from itertools import compress, repeat
from typing import Any

from PySide6.QtCore import (QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt,
                            Signal)

from desktop_app.ui.models.base import ROW_ROLE, SORT_ROLE, RowTableModel, gc_paused

Predicate = Callable[[Any], bool]


class RecordFilterProxy(QSortFilterProxyModel):
    filter_changed = Signal()   # after the filters changed (rows shown may differ)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._words: list[str] = []
        self._predicates: dict[str, Predicate] = {}
        self._mask: list[bool] | None = None
        self._mask_generation = -1
        self._pred_mask: list[bool] | None = None
        self._word_idx: list[int] | None = None   # rows matching every search word
        self._pred_key: tuple | None = None
        self._word_key: tuple | None = None
        self._source: RowTableModel | None = None

    # ---------------------------------------------------------------- set-up
    def setSourceModel(self, model: RowTableModel) -> None:  # noqa: N802 - Qt naming
        if self._source is not None:
            self._source.row_replaced.disconnect(self._row_replaced)
            self._source.rows_reindexed.disconnect(self._rebuild)
        self._source = model
        self._mask = None
        model.row_replaced.connect(self._row_replaced)
        model.rows_reindexed.connect(self._rebuild)
        super().setSourceModel(model)

    # ---------------------------------------------------------------- filters
    def set_search(self, text: str) -> None:
        words = text.lower().split()
        if words != self._words:
            self._words = words
            self._refilter()

    def search_words(self) -> list[str]:
        return list(self._words)

    def set_predicate(self, name: str, predicate: Predicate | None) -> None:
        if predicate is None:
            if self._predicates.pop(name, None) is None:
                return
        else:
            self._predicates[name] = predicate
        self._refilter()

    def clear_filters(self) -> None:
        self._words, self._predicates = [], {}
        self._refilter()

    def is_filtered(self) -> bool:
        return bool(self._words or self._predicates)

    def _refilter(self) -> None:
        """Re-evaluate every row. One layout change instead of a remove/insert signal per
        run of hidden rows (thousands of them with 100,000 rows)."""
        with gc_paused():
            self._rebuild()
        self.invalidate()
        self.filter_changed.emit()

    # ---------------------------------------------------------------- evaluation
    def _accepts(self, i: int) -> bool:
        src = self._source
        assert src is not None
        row = src.row_at(i)
        for predicate in self._predicates.values():
            if not predicate(row):
                return False
        if self._words:
            hay = src.haystack(i)
            return all(w in hay for w in self._words)
        return True

    def _rebuild(self) -> None:
        """Evaluate the filters over all rows now (called when they or the rows change).

        The predicate part and the search part are kept apart, so typing one more letter
        only looks again at the rows that matched the letters before."""
        src = self._source
        if src is None:
            return
        generation = src.generation
        if generation != self._mask_generation:
            self._pred_mask = self._word_idx = None
            self._pred_key = self._word_key = None
        self._mask_generation = generation
        rows = src.rows
        preds = list(self._predicates.values())
        if not preds:
            self._pred_mask = None
        elif self._pred_key != tuple(map(id, preds)) or self._pred_mask is None:
            self._pred_mask = [all(p(row) for p in preds) for row in rows] if len(preds) > 1 \
                else [bool(preds[0](row)) for row in rows]
        self._pred_key = tuple(map(id, preds))
        words = tuple(self._words)
        flags: list[bool] | None = None
        if not words:
            self._word_idx = None
        elif self._word_key != words or self._word_idx is None:
            hays = src.haystack_list()
            previous = self._word_key
            narrowing = (self._word_idx is not None and previous is not None
                         and len(previous) == len(words)
                         and all(w.startswith(p) for w, p in zip(words, previous))
                         and len(self._word_idx) < len(hays) // 4)   # else a full pass is cheaper
            if narrowing:     # one more letter: only the rows that matched can still match
                idx = self._word_idx
                for w in words:
                    idx = [i for i in idx if w in hays[i]]
            else:
                for w in words:
                    flags = [w in h for h in hays] if flags is None else \
                        [f and w in h for f, h in zip(flags, hays)]
                idx = list(compress(range(len(hays)), flags))
            self._word_idx = idx
        self._word_key = words
        if self._word_idx is None:
            self._mask = self._pred_mask
            return
        pm = self._pred_mask
        if pm is None and flags is not None:
            self._mask = flags
            return
        chosen = self._word_idx if pm is None else [i for i in self._word_idx if pm[i]]
        mask = [False] * len(rows)
        deque(map(mask.__setitem__, chosen, repeat(True)), maxlen=0)   # a loop in C
        self._mask = mask

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt naming
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        # Called once per row on every filter change: keep it to a list lookup.
        mask = self._mask
        if mask is None:
            return True
        try:
            return mask[source_row]
        except IndexError:
            return True

    def _row_replaced(self, i: int) -> None:
        src = self._source
        if src is None or self._mask_generation != src.generation:
            return
        if self._pred_mask is not None and i < len(self._pred_mask):
            row = src.row_at(i)
            self._pred_mask[i] = all(p(row) for p in self._predicates.values())
        if self._word_idx is not None:
            self._word_key = None          # the next keystroke looks at every row again
        if self._mask is not None and self._mask is not self._pred_mask and i < len(self._mask):
            self._mask[i] = self._accepts(i)

    # ---------------------------------------------------------------- sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source rows (one Python sort) instead of comparing through the proxy."""
        if self._source is not None:
            self._source.sort(column, order)

    # ---------------------------------------------------------------- convenience
    def row_at(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)

    def proxy_row_of(self, row_id: int) -> int | None:
        src = self._source
        if src is None:
            return None
        i = src.position_of(row_id)
        if i is None:
            return None
        mapped = self.mapFromSource(src.index(i, 0))
        return mapped.row() if mapped.isValid() else None

    def visible_rows(self) -> list[Any]:
        return [self.row_at(r) for r in range(self.rowCount())]
