"""The officer's choices on a minutes proposal, and the tree model the review screen shows.

``ReviewState`` holds, for every proposed recommendation and action, whether it is accepted and
its (possibly edited) wording and owner; ``ReviewState.reduced_proposal()`` gives a proposal of
the importer's own dataclasses holding only what was accepted, as edited, ready for
``services.minutes_import.save_minutes`` (with ``accept=everything``: the choice is already made).

``MinutesReviewModel`` shows the state as a tree: one top-level row per agenda item, under it the
item's recommendations then its actions. Column 0 carries the tick box.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.importers.minutes import (
    MinutesProposal,
    ProposedAction,
    ProposedItem,
    ProposedRecommendation,
)

REC, ACTION = "recommendation", "action"

GREY = QColor("#6b6f76")
EDITED = QColor("#1a4fb8")
AMBER = QColor("#8a5a00")
ITEM_BG = QColor("#eef2f7")

KIND_ROLE = Qt.ItemDataRole.UserRole + 1     # "item" / "recommendation" / "action"
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 2   # the Choice of a proposal row (None for items)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3     # the ProposedItem of any row

Index = QModelIndex | QPersistentModelIndex


def item_flags(item: ProposedItem) -> list[str]:
    """The notes an item carries, in words: exempt (with paragraph), incomplete."""
    flags = []
    if item.exempt:
        flags.append("Exempt" + (f" \u2013 paragraph {item.exempt_paragraph}"
                                 if item.exempt_paragraph else ""))
    if item.incomplete:
        flags.append("Incomplete \u2014 the page cut the text")
    return flags


def item_heading(item: ProposedItem) -> str:
    return f"{item.number}.  {item.title or '(untitled item)'}"


@dataclasses.dataclass(eq=False)
class Choice:
    """One proposed recommendation or action, with what the officer decided."""

    kind: str                                   # REC or ACTION
    item: ProposedItem
    original: ProposedRecommendation | ProposedAction
    accepted: bool
    text: str
    owner: str = ""

    @property
    def label(self) -> str:
        return getattr(self.original, "label", "")

    @property
    def procedural(self) -> bool:
        return bool(getattr(self.original, "procedural", False))

    @property
    def default_accepted(self) -> bool:
        return not self.procedural

    @property
    def text_edited(self) -> bool:
        return self.text != self.original.text

    @property
    def owner_edited(self) -> bool:
        return self.kind == ACTION and self.owner != self.original.owner

    @property
    def edited(self) -> bool:
        return self.text_edited or self.owner_edited

    def title(self) -> str:
        """"Recommendation (a)", "Procedural resolution", "Action"."""
        if self.kind == ACTION:
            return "Action"
        word = "Procedural resolution" if self.procedural else "Recommendation"
        return f"{word} {self.label}".strip()

    def short_title(self) -> str:
        """"Rec. (a)", "Procedural (c)", "Action": for the narrow first column."""
        if self.kind == ACTION:
            return "Action"
        return f"{'Procedural' if self.procedural else 'Rec.'} {self.label}".strip()

    def restore(self) -> None:
        self.text = self.original.text
        if self.kind == ACTION:
            self.owner = self.original.owner


class ReviewState:
    """The choices on one proposal. Procedural resolutions start unticked, the rest ticked."""

    def __init__(self, proposal: MinutesProposal):
        self.proposal = proposal
        self.by_item: list[list[Choice]] = []
        for item in proposal.items:
            choices = [Choice(REC, item, rec, not rec.procedural, rec.text)
                       for rec in item.recommendations]
            choices += [Choice(ACTION, item, action, True, action.text, action.owner)
                        for action in item.actions]
            self.by_item.append(choices)

    def choices(self) -> Iterator[Choice]:
        for choices in self.by_item:
            yield from choices

    def counts(self) -> tuple[int, int]:
        """(recommendations, actions) accepted."""
        recs = sum(1 for c in self.choices() if c.accepted and c.kind == REC)
        actions = sum(1 for c in self.choices() if c.accepted and c.kind == ACTION)
        return recs, actions

    def totals(self) -> tuple[int, int]:
        recs = sum(1 for c in self.choices() if c.kind == REC)
        return recs, sum(1 for c in self.choices() if c.kind == ACTION)

    def edited_count(self) -> int:
        return sum(1 for c in self.choices() if c.accepted and c.edited)

    def problems(self) -> list[str]:
        """What stops saving: an accepted proposal left with no wording."""
        return [f"item {c.item.number}: the {c.title().lower()} has no wording"
                for c in self.choices() if c.accepted and not c.text.strip()]

    def reduced_proposal(self) -> MinutesProposal:
        """The proposal with only the accepted recommendations and actions, as edited. Every
        agenda item is kept: the meeting's items and minutes are saved whatever is chosen."""
        items = []
        for item, choices in zip(self.proposal.items, self.by_item, strict=True):
            recs = [dataclasses.replace(c.original, text=c.text.strip())
                    for c in choices if c.kind == REC and c.accepted]
            actions = [dataclasses.replace(c.original, text=c.text.strip(),
                                           owner=c.owner.strip())
                       for c in choices if c.kind == ACTION and c.accepted]
            items.append(dataclasses.replace(item, recommendations=recs, actions=actions))
        return dataclasses.replace(self.proposal, items=items)


class MinutesReviewModel(QAbstractItemModel):
    """Items at the top level (spanning the row), their proposals as children."""

    CHOICE, WORDING, OWNER = range(3)
    HEADERS = ("Save?", "Proposed wording", "Owner")
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
        return self.state.proposal.items if self.state is not None else []

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
            parts = [f"Item {item.number}, {item.title}", *item_flags(item)]
            parts.append(_count(sum(c.kind == REC for c in choices), "recommendation") + ", "
                         + _count(sum(c.kind == ACTION for c in choices), "action"))
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
            return c.owner if c.kind == ACTION else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "ticked, will be saved" if c.accepted else "unticked, left out"
            if col == self.CHOICE:
                extra = ", edited" if c.edited else ""
                return f"{c.title()} under item {c.item.number}, {state}{extra}"
            if col == self.WORDING:
                return c.text
            return f"Owner: {c.owner}" if c.kind == ACTION and c.owner else ""
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


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
