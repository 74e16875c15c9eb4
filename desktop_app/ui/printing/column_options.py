"""The print dialog's "Extra columns" (issue 13): for the action log and the recommendation
schedule, the optional columns the committee's records have (RAG, "Status as written", each
column of the imported tracker), ticked at first as the Tracker tab shows them for that
committee; the ticked ones are printed after the usual columns (``write_document``'s
``extra_columns``; ``export ... --column NAME`` on the command line)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from desktop_app.services.workspace import Database
from desktop_app.ui.models.optional_columns import (EXTRA_PREFIX, RAG_KEY, STATUS_WORD_KEY,
                                                    STATUS_WORD_TITLE)
from desktop_app.ui.widgets.column_chooser import ColumnChoices
from desktop_app.ui.widgets.detail_parts import muted, section

log = logging.getLogger(__name__)

# the document -> the tracker table whose column choices it starts from
TABLES = {"action-log": ("actions", "actions"),
          "recommendations": ("recommendations", "recommendations")}


def _key_of(name: str) -> str:
    if name == "RAG":
        return RAG_KEY
    if name == STATUS_WORD_TITLE:
        return STATUS_WORD_KEY
    return EXTRA_PREFIX + name


class PrintColumns(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("printColumns")
        self.boxes: dict[str, QCheckBox] = {}
        self._source: tuple[str, str] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addWidget(section("Extra columns"))
        self.note = muted("Printed after the usual columns, as the imported tracker had them.")
        self.note.setAccessibleName("About the extra columns")
        lay.addWidget(self.note)
        self.list_box = QWidget()
        self.list_lay = QVBoxLayout(self.list_box)
        self.list_lay.setContentsMargins(0, 0, 0, 0)
        self.list_lay.setSpacing(2)
        lay.addWidget(self.list_box)
        self.hide()

    def set_source(self, committee: str | None, kind: str) -> None:
        """Offer the columns of ``committee``'s records for the document ``kind``."""
        if (committee or "", kind) == self._source:
            return
        self._source = (committee or "", kind)
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes.clear()
        names: list[str] = []
        table = TABLES.get(kind)
        if committee and table is not None:
            from desktop_app.services.record_columns import optional_columns
            try:
                names = optional_columns(self.db, committee, table[1])
            except Exception as exc:  # noqa: BLE001 - the document prints without them
                log.warning("could not list the extra columns: %s", exc)
        shown = ColumnChoices(table[0]).shown(committee, {RAG_KEY} if "RAG" in names
                                              else set()) if table else set()
        for name in names:
            box = QCheckBox(name)
            box.setAccessibleName(f"Print the column \u201c{name}\u201d")
            box.setChecked(_key_of(name) in shown)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.list_lay.addWidget(box)
            self.boxes[name] = box
        self.setVisible(bool(names))

    def chosen(self) -> tuple[str, ...]:
        """The ticked columns, in the order offered."""
        return tuple(name for name, box in self.boxes.items() if box.isChecked())


__all__ = ["PrintColumns"]
