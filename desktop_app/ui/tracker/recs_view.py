"""The Tracker's Recommendations page, whose grid and detail pane are made when first wanted
(the page shown, or either asked for: ``TrackerTab.recs_grid``, ``rec_detail``), not with the
window (issue 18: about 15 ms of the first paint, for a page most starts never show). Until
then the page is empty and only their model is filled by each load; made later, they are as
they would be had they been made with the tab: the state of its Compact and Details buttons,
the choices and columns of the rows loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.ui.tracker.controller import REC
from desktop_app.ui.tracker.filters import REC_FILTERS
from desktop_app.ui.tracker.record_grid import RecordGrid

if TYPE_CHECKING:
    from desktop_app.ui.tracker.recommendation_detail import RecommendationDetail
    from desktop_app.ui.tracker.tracker_tab import TrackerTab


class RecsView:
    def __init__(self, tab: TrackerTab):
        self.tab = tab
        self.page = QWidget()
        QVBoxLayout(self.page).setContentsMargins(0, 0, 0, 0)
        self.grid: RecordGrid | None = None
        self.detail: RecommendationDetail | None = None

    def view_changed(self, index: int) -> None:
        """The Tracker's views switched to ``index`` (1: the Recommendations)."""
        if index == 1:
            self.made()

    def made(self) -> RecordGrid:
        """The grid, made now if it has not been."""
        if self.grid is None:
            self.grid = self._make()
        return self.grid

    def _make(self) -> RecordGrid:
        from desktop_app.ui.tracker.recommendation_detail import RecommendationDetail
        tab = self.tab
        self.detail = r = RecommendationDetail(tab.db)
        grid = RecordGrid("recommendations", "recommendations", tab.recs_model, r, REC_FILTERS,
                          owner_field=None, directorate=False)
        tab.search_texts.watch(grid.search)
        r.setVisible(tab.details_button.isChecked())
        grid.table.set_compact(tab.compact_button.isChecked())
        grid.current_changed.connect(lambda row: tab.show_row(REC, row))
        c = tab.controller
        r.save_requested.connect(lambda row, ch: tab.saved(
            grid, tab.try_(c.save_recommendation, row, ch)))
        r.response_requested.connect(
            lambda row, text, verdict, on: tab.try_(c.record_response, row, text, verdict, on))
        r.update_requested.connect(
            lambda row, on, text, status: tab.try_(c.add_rec_update, row, on, text, status))
        if tab.filled:
            tab.fit(grid)
        if tab.is_loading():
            grid.count.setText("Loading\u2026")
        layout = self.page.layout()
        assert layout is not None
        layout.addWidget(grid)
        return grid
