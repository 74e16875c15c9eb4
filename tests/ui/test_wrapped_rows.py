"""The wrapped grids' rows are fitted by wrapped_grid.fit_rows (the model's text measured
once per font and width) rather than by Qt asking the delegate and the model for every role of
every cell: the heights must be exactly those of QTableView.resizeRowsToContents."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont, QStandardItemModel

from PySide6.QtCore import Qt

from desktop_app.ui.models.list_model import ListTableModel
from desktop_app.ui.widgets.wrapped_grid import RowFitter, fit_rows, grid

WORDS = ("Report back on the repairs backlog by ward, with the figures for each quarter "
         "and what the service has done since").split()


class _Model(ListTableModel):
    HEADERS = ("A", "B", "C")

    def cell_data(self, row, col, role):
        if role == 0:
            return row[col]
        if role == 6 and col == 0 and row[0] and len(row[0]) % 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == 7 and col == 1:   # alignment, as the grids give it (an int)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == 9 and col == 0:   # foreground: a colour or a brush
            return QColor("#a4262c") if len(row[0]) % 3 else QBrush(QColor("#1e6b2f"))
        if role == 8 and col == 2 and row[2] == "":
            return QColor("#fff1cc")
        return None


def _rows() -> list[tuple]:
    rows = []
    for n in range(1, len(WORDS) + 1):   # every length, so some end right at a column's edge
        text = " ".join(WORDS[:n])
        rows.append((text, WORDS[n - 1] * (n % 5), "" if n % 3 else None))
    rows += [("Line one\nline two", "Caf\u00e9 \u2013 budget", "tab\there"),
             ("", "x" * 90, "Deadline: Mon 15 November 2021 (a bank holiday)")]
    return rows


def _heights(view) -> list[int]:
    return [view.rowHeight(r) for r in range(view.model().rowCount())]


def _qt_heights(view) -> list[int]:
    for r in range(view.model().rowCount()):
        view.setRowHeight(r, 3)
    view.resizeRowsToContents()
    return _heights(view)


def _shown(qtbot, name: str, width: int, height: int, columns: dict[int, int] | None = None):
    """A wrapped grid over the test rows, shown at ``width`` x ``height`` (``columns``: widths
    set before it is shown)."""
    view = grid(name)
    model = _Model(view)
    model.set_rows(_rows())
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(width, height)
    for col, col_width in (columns or {}).items():
        view.setColumnWidth(col, col_width)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def test_rows_fitted_as_qt_fits_them(qtbot):
    view = grid("test rows")
    model = _Model(view)
    model.set_rows(_rows())
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    checked = 0
    for width in range(120, 420, 7):
        for show_grid in (False, True):
            view.setShowGrid(show_grid)
            for col, share in enumerate((0.5, 0.3, 0.2)):
                view.setColumnWidth(col, int(width * share))
            view.resize(width + 40, 300)
            for r in range(model.rowCount()):
                view.setRowHeight(r, 3)
            assert fit_rows(view)
            ours = _heights(view)
            assert ours == _qt_heights(view), (width, show_grid)
            checked += len(set(ours)) > 3   # wrapped rows of many heights, not all one line
    assert checked > 60


def test_colours_drawn_as_qt_draws_them(qtbot):
    """fill_option: colours and brushes, alignments, fonts and empty cells drawn as
    initStyleOption fills them."""
    view, model = _shown(qtbot, "test colours", 700, 500)
    RowFitter(view).fit()
    quick = view.viewport().grab().toImage()
    view.itemDelegate().quick_fill = False
    assert view.viewport().grab().toImage() == quick
    view.itemDelegate().quick_fill = True
    model.cell_data = lambda row, col, role: None if role == 9 else _Model.cell_data(
        model, row, col, role)
    assert view.viewport().grab().toImage() != quick   # the comparison sees the colours


def test_grids_it_does_not_know_left_to_qt(qtbot):
    view = grid("test other")
    view.setModel(QStandardItemModel(3, 2, view))
    qtbot.addWidget(view)
    assert not fit_rows(view)
    # the last column beyond the viewport
    wide, _model = _shown(qtbot, "test wide", 200, 300, {col: 150 for col in range(3)})
    assert not fit_rows(wide)
    RowFitter(wide).fit()               # fitted by Qt then
    assert _heights(wide) == _qt_heights(wide)


def test_window_grids_fitted_as_qt_fits_them(window, qtbot):
    """The agenda, the outcomes and the Work programme (headings spanning the grid, bold and
    struck-out fonts, RAG icons) of the example committee."""
    tab = window.meetings_tab
    window.tabs.setCurrentWidget(tab)
    compared = 0
    for row in range(min(tab.meetings_model.rowCount(), 4)):
        tab.select_meeting(tab.meetings_model.row_at(row).id)
        for index, view in enumerate((tab.agenda_view, tab.outcomes_view)):
            tab.detail_tabs.setCurrentIndex(index)
            assert fit_rows(view)
            ours = _heights(view)
            assert ours == _qt_heights(view)
            compared += len(ours)
    window.tabs.setCurrentWidget(window.work_tab)
    work = window.work_tab
    for dropped in (False, True):
        work.show_dropped_check.setChecked(dropped)
        assert fit_rows(work.view)
        ours = _heights(work.view)
        assert ours == _qt_heights(work.view)
        compared += len(ours)
    assert compared > 40


def test_cells_drawn_as_qt_fills_them(window, qtbot, monkeypatch):
    """PaddedDelegate fills each cell's option from the model's own cell_data (fill_option):
    the same pixels as QStyledItemDelegate.initStyleOption's (colours, fonts, alignments,
    icons, a sort/filter proxy, a selected row), and fill_option does the filling."""
    from desktop_app.ui.widgets import wrapped_grid
    tab = window.meetings_tab
    window.tabs.setCurrentWidget(tab)
    views = [tab.meetings_view, tab.agenda_view]
    filled = []
    real = wrapped_grid.fill_option
    monkeypatch.setattr(wrapped_grid, "fill_option",
                        lambda opt, index: filled.append(1) or real(opt, index))

    def pixels():
        for _ in range(3):   # rows fitted, scroll bars placed, columns stretched again
            qtbot.wait(1)
        return [view.viewport().grab().toImage() for view in views]

    quick = pixels()
    assert len(filled) > 40
    for view in views:
        monkeypatch.setattr(view.itemDelegate(), "quick_fill", False)
    assert pixels() == quick
    tab.meetings_view.selectRow(1)   # another meeting: its agenda
    slow = pixels()
    for view in views:
        monkeypatch.setattr(view.itemDelegate(), "quick_fill", True)
    assert pixels() == slow
    window.tabs.setCurrentWidget(window.work_tab)
    views = [window.work_tab.view]
    quick = pixels()
    monkeypatch.setattr(window.work_tab.view.itemDelegate(), "quick_fill", False)
    assert pixels() == quick
