"""The hand-written grids' model (agenda, meetings, outcomes, work programme): a plain list of
rows, filtered and sorted by a QSortFilterProxyModel. The record grids (actions,
recommendations) use ``RowTableModel`` in base.py, which sorts in Python."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from desktop_app.ui.models.base import ROW_ROLE

R = TypeVar("R")


class ListTableModel(QAbstractTableModel, Generic[R]):
    """A hand-written grid (agenda, meetings, outcomes, work programme): a plain list of rows,
    ``HEADERS`` as the column titles, ROW_ROLE answered here and every other role by
    ``cell_data``. Sorting and filtering are left to a QSortFilterProxyModel."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, row_id: int) -> int:
        """The position of the row with that id, or -1."""
        for n, r in enumerate(self._rows):
            if getattr(r, "id", None) == row_id:
                return n
        return -1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        return self.cell_data(row, index.column(), role)

    def cell_data(self, row: R, col: int, role: int) -> Any:
        """Every role but ROW_ROLE for one cell (override)."""
        return None
