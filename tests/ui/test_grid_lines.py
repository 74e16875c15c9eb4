"""A RecordTable draws its grid lines itself (ui/widgets/grid_lines.py) rather than under a
style sheet: the same pixels as Qt's own grid under "QTableView { gridline-color: #e1e4e8; }",
scrolled, with a column moved and one hidden, a row selected."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop_app.ui.models.base import Column, RowTableModel
from desktop_app.ui.widgets.record_table import RecordTable


class _Model(RowTableModel):
    columns = (Column("ref", "No.", lambda r: r.ref, width=4),
               Column("text", "Action", lambda r: r.text, width=20, stretch=3, wrap=True),
               Column("owner", "Owner", lambda r: r.owner, width=12, stretch=1, wrap=True),
               Column("due", "Due", lambda r: r.due, width=11))


class _UnderStyleSheet(RecordTable):
    """A RecordTable as it was: Qt's own grid, coloured by the style sheet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setStyleSheet("QTableView { gridline-color: #e1e4e8; }")

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        QTableView.paintEvent(self, event)


def _table(qtbot, cls) -> RecordTable:
    rows = [SimpleNamespace(id=i, ref=str(i), owner=f"Owner {i % 7}", due=f"{i % 28 + 1} Nov",
                            text="Report back on the " + "repairs backlog by ward " * (i % 4))
            for i in range(80)]
    table = cls("test_grid", lines=3)
    model = _Model(rows, table)
    table.setModel(model)
    table.set_columns_from(model)
    qtbot.addWidget(table)
    table.resize(640, 420)
    table.show()
    qtbot.waitExposed(table)
    return table


def _same_pixels(a: RecordTable, b: RecordTable) -> bool:
    return a.viewport().grab().toImage() == b.viewport().grab().toImage()


def test_grid_lines_drawn_as_the_style_sheet_drew_them(qtbot):
    ours, sheet = _table(qtbot, RecordTable), _table(qtbot, _UnderStyleSheet)
    assert ours.styleSheet() == ""
    assert _same_pixels(ours, sheet)
    for table in (ours, sheet):
        table.verticalScrollBar().setValue(137)
        table.selectRow(9)
    assert _same_pixels(ours, sheet)
    for table in (ours, sheet):
        table.horizontalHeader().moveSection(3, 0)
        table.setColumnHidden(2, True)
        table.set_compact(False)
        table.fit_rows()
    assert _same_pixels(ours, sheet)
    ours.setShowGrid(False)
    assert not _same_pixels(ours, sheet)     # the comparison sees the grid
