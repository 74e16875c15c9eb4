"""The work programme's optional columns (issue 13): RAG, the status as written and each column
of the imported work programme, shown as chosen for the committee (``ColumnChoices``), from a
"Columns…" button on the toolbar or a right-click on the grid's header."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from desktop_app.ui.models.optional_columns import RAG_KEY
from desktop_app.ui.widgets.column_chooser import ColumnChoices, ColumnsButton
from desktop_app.ui.work_programme.work_programme_model import WorkProgrammeModel

TABLE = "work_programme"
OPTIONAL_WIDTH = 150


class WorkProgrammeColumns(QObject):
    """Shows and hides the optional columns of ``view`` (a grid of ``model``)."""

    def __init__(self, view: QTableView, model: WorkProgrammeModel):
        super().__init__(view)
        self.view, self.model = view, model
        self.choices = ColumnChoices(TABLE)
        self.committee: str | None = None
        self.button = ColumnsButton(self.menu, "Choose the work programme columns")
        self.button.setObjectName("workProgrammeColumnsButton")
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        model.modelReset.connect(self.apply)

    def _default(self) -> set[str]:
        return {RAG_KEY} if any(i.rag for i in self.model.items()) else set()

    def shown(self) -> set[str]:
        return self.choices.shown(self.committee, self._default())

    def set_committee(self, committee: str | None) -> None:
        self.committee = committee
        self.apply()

    def apply(self) -> None:
        """Hide or show each optional column as chosen for the committee."""
        shown = self.shown()
        header = self.view.horizontalHeader()
        for n, (key, _title) in enumerate(self.model.optional):
            col = self.model.BASE + n
            if col >= header.count():
                break
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            hidden = key not in shown
            if header.isSectionHidden(col) != hidden:
                header.setSectionHidden(col, hidden)
                if not hidden:
                    self.view.setColumnWidth(col, OPTIONAL_WIDTH)

    def set_shown(self, key: str, on: bool) -> None:
        self.choices.set_shown(self.committee, key, on, self._default())
        self.apply()

    def menu(self) -> QMenu:
        menu = QMenu("Columns", self.view)
        shown = self.shown()
        menu.addSection("From the work programme as written")
        for key, title in self.model.optional:
            act = QAction(title, menu)
            act.setCheckable(True)
            act.setChecked(key in shown)
            act.setData(key)
            act.toggled.connect(lambda on, k=key: self.set_shown(k, on))
            menu.addAction(act)
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        self.menu().exec(self.view.horizontalHeader().mapToGlobal(pos))


__all__ = ["WorkProgrammeColumns"]
