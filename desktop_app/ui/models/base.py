"""The base of every grid model: a list of plain rows (frozen records from services) and columns
declared once, with a SortRole carrying native values and a RowRole returning the row itself.

Sorting happens here, in Python, on whole rows (one ``sorted`` call with a key), because a
QSortFilterProxyModel sort would call back into Python for every comparison: with 100,000 rows
that is a stall. The proxy (``RecordFilterProxy``) only filters, and forwards ``sort`` here.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            Signal)
from PySide6.QtGui import QColor, QFont, QIcon

from desktop_app.domain.gc_pause import paused_gc as gc_paused
from desktop_app.domain.records import _Record, record
from desktop_app.ui.models.flags import (bold_font, flag_word,  # noqa: F401 - re-exported
                                         since_meeting_colour)
from desktop_app.ui.models.row_order import natural_key, rank_then_newest  # noqa: F401 - re-exported

R = TypeVar("R")

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1      # the row object (survives the proxy)
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2     # native value for sorting (date, int, str)
MARKER_ROLE = int(Qt.ItemDataRole.UserRole) + 3   # "new" / "updated" / "overdue" / ""
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 4       # the row's database id


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@record   # dataclass(frozen=True), without a method compiled for it but __init__
class Column(_Record, Generic[R]):
    key: str
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None   # native value; default: the text, lowercased
    width: int = 12                            # starting width in average characters
    stretch: int = 0                           # share of spare width (wrapping text columns)
    wrap: bool = False                         # long text: word-wrapped, full text in tooltip
    searchable: bool = True
    help: str = ""
    hidden: bool = False                       # hidden until the person shows it


BIG = 20_000   # rows from which the cycle collector is kept away from the loaded rows


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows are replaced, never mutated: a service returns the new row after each edit."""

    columns: Sequence[Column] = ()
    editable: frozenset[str] = frozenset()   # keys of the columns edited in the grid
    row_replaced = Signal(int)   # emitted before dataChanged, so a proxy can refresh its cache
    rows_reindexed = Signal()    # emitted before endReset/endInsert/endRemove/layoutChanged

    def __init__(self, rows: Iterable[R] = (), parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[R] = list(rows)
        # each row's place (by id(row)) shown and as loaded: worked out when first wanted
        # (a sort, an edit), not at each load (two dicts of 10,000 entries: ~3 ms)
        self._pos: dict[int, int] | None = None
        self._natural: dict[int, int] | None = None
        self._loaded: list[R] = []   # the rows as loaded, while ``_natural`` is not made
        self._hay: dict[int, str] = {}
        self._hay_list: list[str] | None = None
        self._hay_list_generation = -1
        self.generation = 0
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted_generation = -1
        self._handlers = self._make_handlers()
        self._reindex(natural=True)

    # ---------------------------------------------------------------- Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each repaint: one dict lookup per call.
        handler = self._handlers.get(role)
        if handler is None or not index.isValid():
            return None
        return handler(self._rows[index.row()], self.columns[index.column()])

    def _make_handlers(self) -> dict[int, Callable[[Any, Column], Any]]:
        text = lambda row, col: col.text(row)  # noqa: E731
        R = Qt.ItemDataRole
        return {
            int(R.DisplayRole): text,
            int(R.AccessibleTextRole): text,
            int(R.ToolTipRole): self.tooltip,
            ROW_ROLE: lambda row, col: row,
            SORT_ROLE: lambda row, col: col.sort(row) if col.sort else col.text(row),
            ID_ROLE: lambda row, col: getattr(row, "id", None),
            MARKER_ROLE: lambda row, col: self.marker(row),
            # a colour, not a brush of it: Qt makes the brush (the same pixels), and no QBrush
            # made from Python makes QGradient's Python enum classes (~2-5 ms, the first time)
            int(R.ForegroundRole): self.foreground,
            int(R.BackgroundRole): self.background,
            int(R.FontRole): self.font,
            int(R.DecorationRole): self.decoration,
            int(R.TextAlignmentRole): lambda row, col: _TOP_LEFT,
        }

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.help or col.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren
        if self.editable and self.columns[index.column()].key in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable   # edited through a delegate and a service
        return flags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order, self.generation) == (self._sort_column, self._sort_order,
                                                self._sorted_generation):
            return   # QTableView.sortByColumn asks twice
        self._sort_column, self._sort_order = column, order
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) for i in persistent]
        with gc_paused():
            self._apply_sort()
            self._reindex()
        self.generation += 1
        self._sorted_generation = self.generation
        pos = self._positions()
        self.changePersistentIndexList(
            persistent, [self.index(pos[id(r)], c) for r, c in held])
        self.rows_reindexed.emit()
        self.layoutChanged.emit()

    def set_extra_columns(self, extra: Sequence[Column]) -> bool:
        """The class's columns followed by ``extra`` (the officer's own columns of the rows
        shown); a model reset when they change. True when they changed."""
        wanted = tuple(type(self).columns) + tuple(extra)
        if [c.key for c in wanted] == [c.key for c in self.columns]:
            return False
        self.beginResetModel()
        self.columns = wanted
        if self._sort_column >= len(wanted):
            self._sort_column, self._sorted_generation = -1, -1
        self.endResetModel()
        return True

    # ---------------------------------------------------------------- looks (override)
    def tooltip(self, row: R, col: Column) -> str | None:
        return col.text(row) if col.wrap else None

    def marker(self, row: R) -> str:
        return ""

    def foreground(self, row: R, col: Column) -> QColor | None:
        return None

    def background(self, row: R, col: Column) -> QColor | None:
        return None

    def font(self, row: R, col: Column) -> QFont | None:
        return None

    def decoration(self, row: R, col: Column) -> QIcon | None:
        return None

    @classmethod
    def default_order(cls, row: R) -> Any:
        """The sort key of the order shown until the person sorts by a column (None: the
        rows' own order, as loaded)."""
        return None

    @classmethod
    def default_sorted(cls, rows: list[R]) -> list[R]:
        """``rows`` in the order of ``default_order`` (ties keep their order); a model may
        override this with a quicker way to the same order."""
        return sorted(rows, key=cls.default_order)

    @classmethod
    def search_extra(cls, row: R) -> str:
        """Words that find a row without being shown in a column (e.g. 'overdue')."""
        return ""

    # ---------------------------------------------------------------- rows
    @property
    def rows(self) -> list[R]:
        return self._rows

    def row_at(self, i: int) -> R:
        return self._rows[i]

    def position_of(self, row_id: int) -> int | None:
        return self._id_pos().get(row_id)

    def find(self, row_id: int) -> R | None:
        i = self.position_of(row_id)
        return self._rows[i] if i is not None else None

    def set_rows(self, rows: Iterable[R], haystacks: Sequence[str] | None = None) -> None:
        """Replace all rows (``haystacks``: their search texts, computed ahead if at hand)."""
        self.beginResetModel()
        with gc_paused():
            self._rows = list(rows)
            self._loaded, self._natural = list(self._rows), None
            self._hay = {}
            if haystacks is not None and len(haystacks) == len(self._rows):
                self._hay = {id(r): h for r, h in zip(self._rows, haystacks)}
            if self._sorting():
                self._apply_sort(in_natural_order=True)
            self._reindex()
        if len(self._rows) >= BIG:
            gc.freeze()   # the rows are plain acyclic records: keep full collections short
        self.generation += 1
        self._sorted_generation = self.generation if self._sort_column >= 0 else -1
        if haystacks is not None and not self._sorting() and len(haystacks) == len(self._rows):
            self._hay_list, self._hay_list_generation = list(haystacks), self.generation
        self.rows_reindexed.emit()
        self.endResetModel()

    def replace_row(self, row: R) -> bool:
        """Put the new version of a row (same id) in place; False when it is not here."""
        i = self.position_of(row.id)
        if i is None:
            return False
        old = self._rows[i]
        natural = self._natural_places()
        self._rows[i] = row
        if self._pos is not None:
            self._pos.pop(id(old), None)
            self._pos[id(row)] = i
        natural[id(row)] = natural.pop(id(old), i)
        self._ids = None
        self._hay.pop(id(old), None)
        if self._hay_list is not None and self._hay_list_generation == self.generation:
            self._hay_list[i] = self.haystack(i)
        self.row_replaced.emit(i)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
        return True

    def add_row(self, row: R) -> int:
        i = len(self._rows)
        self.beginInsertRows(QModelIndex(), i, i)
        natural = self._natural_places()
        self._rows.append(row)
        if self._pos is not None:
            self._pos[id(row)] = i
        natural[id(row)] = max(natural.values(), default=-1) + 1
        self._ids = None
        self.generation += 1
        self.rows_reindexed.emit()
        self.endInsertRows()
        return i

    def remove_row(self, row_id: int) -> bool:
        i = self.position_of(row_id)
        if i is None:
            return False
        self.beginRemoveRows(QModelIndex(), i, i)
        old = self._rows.pop(i)
        self._natural_places().pop(id(old), None)
        self._hay.pop(id(old), None)
        self._reindex()
        self.generation += 1
        self.rows_reindexed.emit()
        self.endRemoveRows()
        return True

    def haystack(self, i: int) -> str:
        """Lower-cased searchable text of row i (cached until the row changes)."""
        row = self._rows[i]
        hay = self._hay.get(id(row))
        if hay is None:
            hay = self._hay[id(row)] = self.search_text(row)
        return hay

    def haystack_list(self) -> list[str]:
        """The search texts of all rows, in row order (kept until the rows change)."""
        if self._hay_list is not None and self._hay_list_generation == self.generation:
            return self._hay_list
        hay, text = self._hay, self.search_text
        out = []
        for row in self._rows:
            h = hay.get(id(row))
            if h is None:
                h = hay[id(row)] = text(row)
            out.append(h)
        self._hay_list, self._hay_list_generation = out, self.generation
        return out

    @classmethod
    def search_text(cls, row: R) -> str:
        """Pure Python (no Qt): a loader thread may compute these ahead with ``haystacks``."""
        parts = [c.text(row) for c in cls.columns if c.searchable]
        parts.append(cls.search_extra(row))
        return " ".join(parts).lower()

    @classmethod
    def haystacks(cls, rows: Sequence[R]) -> list[str]:
        with gc_paused():
            return [cls.search_text(r) for r in rows]

    # ---------------------------------------------------------------- internals
    def _reindex(self, natural: bool = False) -> None:
        """The rows' order changed: their places are to be worked out again (``natural``:
        the rows shown are the rows as loaded)."""
        self._pos = None
        if natural:
            self._loaded, self._natural = list(self._rows), None
            self._hay = {}
        self._ids: dict[int, int] | None = None

    def _positions(self) -> dict[int, int]:
        """Each row's place in the order shown, by ``id(row)``."""
        if self._pos is None:
            self._pos = {id(r): i for i, r in enumerate(self._rows)}
        return self._pos

    def _natural_places(self) -> dict[int, int]:
        """Each row's place as loaded (an edited row takes its old one's; an added row comes
        last), by ``id(row)``."""
        if self._natural is None:
            self._natural = {id(r): i for i, r in enumerate(self._loaded)}
            self._loaded = []
        return self._natural

    def _id_pos(self) -> dict[int, int]:
        if self._ids is None:
            self._ids = {getattr(r, "id", None): i for i, r in enumerate(self._rows)}
        return self._ids

    def _sorting(self) -> bool:
        """Whether the rows are put in an order other than their own when loaded."""
        return self._sort_column >= 0 or (bool(self._rows) and
                                          self.default_order(self._rows[0]) is not None)

    def _apply_sort(self, in_natural_order: bool = False) -> None:
        """``in_natural_order``: the rows are in their own order already (just loaded)."""
        if self._sort_column < 0:
            if not in_natural_order:
                natural = self._natural_places()
                self._rows.sort(key=lambda r: natural.get(id(r), 0))
            if self._rows and self.default_order(self._rows[0]) is not None:
                self._rows[:] = self.default_sorted(self._rows)   # ties keep their own order
            return
        col = self.columns[self._sort_column]
        getter = col.sort or (lambda r: col.text(r).lower())
        keyed = [(getter(r), r) for r in self._rows]
        filled = [kr for kr in keyed if kr[0] is not None and kr[0] != ""]
        blank = [r for k, r in keyed if k is None or k == ""]
        filled.sort(key=lambda kr: kr[0], reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._rows[:] = [r for _k, r in filled] + blank   # blanks last in either direction
