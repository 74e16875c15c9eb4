"""The tree model the review screen shows: one top-level row per agenda item, under it the
item's recommendations then its actions. Column 0 carries the tick box.

The officer's choices it shows (``ReviewState``, ``Choice``) are in ``state.py``;
they are importable from here too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.domain.dates import format_uk
from desktop_app.services.minutes_reading import ProposedItem
from desktop_app.ui.minutes_review.state import (ACTION, REC, Choice, ReviewState, item_flags,
                                                 item_heading, is_meeting_group, where)
from desktop_app.ui.minutes_review.text import plural

__all__ = ["ACTION", "REC", "Choice", "MinutesReviewModel", "ReviewState", "item_flags",
           "item_heading"]

GREY = QColor("#6b6f76")
EDITED = QColor("#1a4fb8")
AMBER = QColor("#8a5a00")
ITEM_BG = QColor("#eef2f7")

KIND_ROLE = Qt.ItemDataRole.UserRole + 1     # "item" / "recommendation" / "action"
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 2   # the Choice of a proposal row (None for items)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3     # the ProposedItem of any row

Index = QModelIndex | QPersistentModelIndex


class MinutesReviewModel(QAbstractItemModel):
    """Items at the top level (spanning the row), their proposals as children."""

    CHOICE, WORDING, OWNER = range(3)
    HEADERS = ("Save?", "Proposed wording", "Owner / due")
    choices_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state: ReviewState | None = None

    # ---------------------------------------------------------------- contents
    def set_state(self, state: ReviewState | None) -> None:
        self.beginResetModel()
        self.state = state
        self.endResetModel()
        self.choices_changed.emit()

    def _items(self) -> list[ProposedItem]:
        return self.state.groups if self.state is not None else []

    def choice(self, index: QModelIndex | QPersistentModelIndex) -> Choice | None:
        if not index.isValid() or self.state is None or not index.internalId():
            return None
        return self.state.by_item[index.internalId() - 1][index.row()]

    def item_of(self, index: QModelIndex | QPersistentModelIndex) -> ProposedItem | None:
        if not index.isValid() or self.state is None:
            return None
        item_row = index.internalId() - 1 if index.internalId() else index.row()
        return self._items()[item_row]

    def index_of(self, choice: Choice, column: int = 0) -> QModelIndex:
        if self.state is None:
            return QModelIndex()
        for item_row, choices in enumerate(self.state.by_item):
            for row, c in enumerate(choices):
                if c is choice:
                    return self.index(row, column, self.index(item_row, 0))
        return QModelIndex()

    def choice_changed(self, choice: Choice) -> None:
        """The pane edited a choice: repaint its row and recount."""
        first = self.index_of(choice, 0)
        if first.isValid():
            self.dataChanged.emit(first, first.siblingAtColumn(self.OWNER))
        self.choices_changed.emit()

    def set_all(self, how: str) -> None:
        """"all" ticks every proposal, "none" unticks them, "default" goes back to the start
        (substantive ticked, procedural not)."""
        if self.state is None:
            return
        for c in self.state.choices():
            c.accepted = how == "all" or (how == "default" and c.default_accepted)
        for item_row, choices in enumerate(self.state.by_item):
            if choices:
                parent = self.index(item_row, 0)
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(choices) - 1, self.OWNER, parent))
        self.choices_changed.emit()

    def toggle(self, index: QModelIndex) -> bool:
        choice = self.choice(index)
        if choice is None:
            return False
        target = Qt.CheckState.Unchecked if choice.accepted else Qt.CheckState.Checked
        return self.setData(index.siblingAtColumn(0), target, Qt.ItemDataRole.CheckStateRole)

    def toggle_item(self, item_row: int) -> None:
        """Space on an item: tick all its proposals, or untick them when all are ticked."""
        if self.state is None:
            return
        choices = self.state.by_item[item_row]
        if not choices:
            return
        target = not all(c.accepted for c in choices)
        for c in choices:
            c.accepted = target
        parent = self.index(item_row, 0)
        self.dataChanged.emit(self.index(0, 0, parent),
                              self.index(len(choices) - 1, self.OWNER, parent))
        self.choices_changed.emit()

    # ---------------------------------------------------------------- Qt interface
    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()):  # noqa: B008
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        if self.state is None:
            return 0
        if not parent.isValid():
            return len(self.state.by_item)
        if parent.internalId() or parent.column() != 0:
            return 0
        return len(self.state.by_item[parent.row()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.HEADERS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() and index.column() == self.CHOICE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.state is None:
            return None
        if role == ITEM_ROLE:
            return self.item_of(index)
        if not index.internalId():
            return self._item_data(index, role)
        return self._choice_data(index, self.choice(index), role)

    def _item_data(self, index, role: int) -> Any:
        item = self._items()[index.row()]
        choices = self.state.by_item[index.row()]
        if role == KIND_ROLE:
            return "item"
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [item_heading(item), *item_flags(item)]
            if not choices:
                parts.append("nothing to review")
            return "   \u00b7   ".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [item_heading(item) if is_meeting_group(item)
                     else f"Item {item.number}, {item.title}", *item_flags(item)]
            parts.append(plural(sum(c.kind == REC for c in choices), "recommendation") + ", "
                         + plural(sum(c.kind == ACTION for c in choices), "action"))
            return ". ".join(parts)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ITEM_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.incomplete:
                return QBrush(AMBER)
            if not choices:
                return QBrush(GREY)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [item_heading(item)]
            if item.incomplete:
                tips.append("The page shows only the start of this item's minutes: read the "
                            "full minutes for its decisions. Nothing was invented for the rest.")
            if item.exempt:
                tips.append("Exempt from publication (Schedule 12A"
                            + (f", paragraph {item.exempt_paragraph}"
                               if item.exempt_paragraph else "") + ").")
            return "\n".join(tips)
        return None

    def _choice_data(self, index, c: Choice | None, role: int) -> Any:
        if c is None:
            return None
        col = index.column()
        if role == KIND_ROLE:
            return c.kind
        if role == CHOICE_ROLE:
            return c
        if role == Qt.ItemDataRole.CheckStateRole and col == self.CHOICE:
            return Qt.CheckState.Checked if c.accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CHOICE:
                lines = [c.short_title()]
                if c.edited:
                    lines.append("edited")
                return "\n".join(lines)
            if col == self.WORDING:
                return c.text
            if c.kind != ACTION:
                return ""
            due = _due(c)
            return "\n".join(part for part in (c.owner, due and f"due {due}") if part)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "ticked, will be saved" if c.accepted else "unticked, left out"
            if col == self.CHOICE:
                extra = ", edited" if c.edited else ""
                return f"{c.title()} {where(c.item)}, {state}{extra}"
            if col == self.WORDING:
                return c.text
            if c.kind != ACTION:
                return ""
            due = _due(c)
            return ", ".join(part for part in (c.owner and f"Owner: {c.owner}",
                                               due and f"due {due}") if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.CHOICE:
                tip = ("Ticked: saved to the tracker." if c.accepted
                       else "Unticked: left out when saving.")
                if c.procedural:
                    tip += ("\nProcedural (minutes approved, report noted, work programme "
                            "agreed): left out unless you tick it.")
                if c.edited:
                    tip += "\nEdited: the wording you gave is saved, not the minutes'."
                return tip
            if col == self.WORDING and c.text_edited:
                return f"Edited. The minutes say:\n{c.original.text}"
            if col == self.OWNER and c.owner_edited:
                return f"Edited. The minutes say: {c.original.owner or '(no owner)'}"
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.CHOICE and c.edited and c.accepted:
                return QBrush(EDITED)
            if not c.accepted:
                return QBrush(GREY)
            return None
        if role == Qt.ItemDataRole.FontRole and (c.procedural or not c.accepted):
            font = QFont()
            font.setItalic(c.procedural)
            return font
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        c = self.choice(index)
        if c is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != self.CHOICE:
            return False
        checked = _is_checked(value)
        if checked == c.accepted:
            return True
        c.accepted = checked
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(self.OWNER))
        self.choices_changed.emit()
        return True


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(getattr(value, "value", value)) == Qt.CheckState.Checked.value


def _due(c: Choice) -> str:
    """An action's due date as the minutes give it ("by 30 September 2023"), in words; ""."""
    due = getattr(c.original, "due", "")
    return format_uk(dt.date.fromisoformat(due)) if due else ""
