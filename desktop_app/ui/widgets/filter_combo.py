"""A combo box of (label, value) choices, used for the status / owner / meeting filters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget


class FilterCombo(QComboBox):
    def __init__(self, accessible_name: str, parent: QWidget | None = None, *,
                 min_chars: int = 12):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMaxVisibleItems(20)

    def set_choices(self, choices: Iterable[tuple[str, Any]]) -> None:
        """Replace the choices, keeping the current value when it is still offered."""
        keep = self.value()
        self.blockSignals(True)
        self.clear()
        for label, value in choices:
            self.addItem(label, value)
        index = self.findData(keep)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)
        if self.value() != keep:
            self.currentIndexChanged.emit(self.currentIndex())

    def value(self) -> Any:
        return self.currentData() if self.count() else None

    def set_value(self, value: Any) -> bool:
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)
            return True
        return False
