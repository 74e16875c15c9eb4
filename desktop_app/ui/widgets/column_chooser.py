"""Which of a grid's optional columns (RAG, "Status as written", the officer's own columns) are
shown, remembered per committee and table in QSettings, and the "Columns…" button that offers
them (the same menu as a right-click on the grid's header).

    choices = ColumnChoices("actions")
    shown = choices.shown("Children and Young People", default={"rag"})
    choices.remember("Children and Young People", shown | {"extra:Area"})
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop_app.ui import app_state

ALL_COMMITTEES = "(all committees)"


class ColumnChoices:
    """The optional columns a person chose to see in one table, per committee."""

    def __init__(self, table: str):
        self.table = table

    def _key(self, committee: str | None) -> str:
        name = (committee or ALL_COMMITTEES).replace("/", "_").replace("\\", "_")
        return f"columns/{self.table}/{name}"

    def shown(self, committee: str | None, default: Iterable[str] = ()) -> set[str]:
        """The keys chosen for ``committee``; ``default`` when nothing was chosen yet."""
        text = app_state.read_str(self._key(committee), "")
        if not text:
            return set(default)
        try:
            value = json.loads(text)
        except ValueError:
            return set(default)
        return {str(k) for k in value} if isinstance(value, list) else set(default)

    def remember(self, committee: str | None, keys: Iterable[str]) -> None:
        app_state.write(self._key(committee), json.dumps(sorted(set(keys)), ensure_ascii=False))

    def set_shown(self, committee: str | None, key: str, shown: bool,
                  default: Iterable[str] = ()) -> set[str]:
        keys = self.shown(committee, default)
        if shown:
            keys.add(key)
        else:
            keys.discard(key)
        self.remember(committee, keys)
        return keys


class ColumnsButton(QToolButton):
    """"Columns…": pops up the menu ``make_menu`` builds (built afresh each time, so that it
    shows the columns of the rows now loaded)."""

    def __init__(self, make_menu: Callable[[], QMenu], name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._make_menu = make_menu
        self.setText("Columns\u2026")
        self.setAccessibleName(name)
        self.setToolTip("Choose the columns shown: RAG, the status as written and the columns "
                        "of the imported tracker (remembered for each committee)")
        self.clicked.connect(self.show_menu)
        self.menu_shown: QMenu | None = None

    def show_menu(self) -> QMenu:
        menu = self._make_menu()
        self.menu_shown = menu
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        return menu


__all__ = ["ALL_COMMITTEES", "ColumnChoices", "ColumnsButton"]
