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


def _spanned(qtbot, colour: bool):
    """A wrapped grid (the Work programme's kind) whose heading rows span every column."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from desktop_app.ui.widgets.grid_lines import GRID_COLOUR
    from desktop_app.ui.widgets.wrapped_grid import grid
    view = grid("test spans")
    model = QStandardItemModel(40, 4, view)
    for row in range(40):
        for col in range(4):
            model.setItem(row, col, QStandardItem(f"meeting {row}" if row % 6 == 0
                                                  else f"item {row}.{col}"))
    view.setModel(model)
    for row in range(0, 40, 6):
        view.setSpan(row, 0, 1, 4)
    if colour:
        view.colour_grid(GRID_COLOUR)
    else:
        view.setShowGrid(True)
        view.setStyleSheet("QTableView { gridline-color: #e1e4e8; }")
    qtbot.addWidget(view)
    view.resize(600, 380)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_spanned_rows_keep_their_lines_out_as_the_style_sheet_did(qtbot):
    ours, sheet = _spanned(qtbot, True), _spanned(qtbot, False)
    assert ours.styleSheet() == ""
    assert _same_pixels(ours, sheet)
    for view in (ours, sheet):
        view.verticalScrollBar().setValue(95)
        view.selectRow(12)
    assert _same_pixels(ours, sheet)
    ours.grid_colour = None            # lines left out altogether: the comparison sees them
    ours.viewport().update()
    assert not _same_pixels(ours, sheet)


def _viewport_state(view: QTableView) -> dict:
    from PySide6.QtWidgets import QWidget
    port = view.viewport()
    state = {a.name: port.testAttribute(a) for a in Qt.WidgetAttribute}
    state.update(name=port.objectName(), background=port.backgroundRole(),
                 foreground=port.foregroundRole(), fills=port.autoFillBackground(),
                 focus=port.focusPolicy(), proxy=port.focusProxy() is view,
                 tracking=port.hasMouseTracking(), drops=port.acceptDrops(),
                 menu=port.contextMenuPolicy(), palette=port.palette() == view.palette(),
                 font=port.font() == view.font(), geometry=port.geometry().getRect(),
                 visible=port.isVisible(), cursor=port.cursor().shape(),
                 children=[c.objectName() for c in view.children() if isinstance(c, QWidget)])
    return state


def test_a_viewport_made_from_python_is_the_one_qt_makes(qtbot, monkeypatch):
    """RecordTable's viewport is made from Python (ui/widgets/viewport.py: Qt's own would make
    PySide6 make ~70 classes' enums when first handed over): set up as Qt's own, attribute by
    attribute, in the same place among the view's children, drawing the same pixels."""
    from desktop_app.ui.widgets import record_table
    ours = _table(qtbot, RecordTable)
    with monkeypatch.context() as m:
        m.setattr(record_table, "own_viewport", lambda view: None)
        qts = _table(qtbot, RecordTable)
    assert ours.viewport().objectName() == qts.viewport().objectName() == "qt_scrollarea_viewport"
    assert _viewport_state(ours) == _viewport_state(qts)
    assert _same_pixels(ours, qts)
    for table in (ours, qts):
        table.verticalScrollBar().setValue(137)
        table.selectRow(9)
        table.setFocus()
    assert _viewport_state(ours) == _viewport_state(qts)
    assert _same_pixels(ours, qts)
