"""The layout choices of the print dialog: the action log's order, how dates are written and
the table text size. They open as the committee's saved choices (``CommitteeRow.print_options``)
and the dialog saves them when the officer prints or saves (``PrintDialog.remember_layout``).

``LayoutChoices`` is a widget owned by ``PrintOptions`` (``options.layout``); a change emits
``changed``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop_app.domain.print_options import (DEFAULT_OPTIONS, TEXT_SIZES, DateStyle,
                                              DocumentOptions, Order)

# the documents each choice changes (a pack holds all three table documents)
TABLE_KINDS = {"action-log", "recommendations", "work-programme", "pack"}
ORDER_KINDS = {"action-log", "pack"}


def _size_label(size: int) -> str:
    return f"{size} pt (large print)" if size > TEXT_SIZES[0] else f"{size} pt"


class LayoutChoices(QWidget):
    """Three choosers in a form; see the module docstring."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.order_combo = self._combo("orderCombo", "Order of the action log",
                                       [(o.label, o.value) for o in Order])
        self.dates_combo = self._combo("datesCombo", "How dates are written",
                                       [(d.label, d.value) for d in DateStyle])
        self.size_combo = self._combo("textSizeCombo", "Table text size",
                                      [(_size_label(s), s) for s in TEXT_SIZES])
        self.order_combo.setToolTip("The action log in action number order, or grouped by "
                                    "the meeting each action arose from")
        self.dates_combo.setToolTip("Dates in the tables: long (07 September 2021) or "
                                    "day/month/year (07/09/2021)")
        self.size_combo.setToolTip("The size of the table text; 12 pt is large print")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        self.order_label = QLabel("Actio&n order")
        self.dates_label = QLabel("Date st&yle")
        self.size_label = QLabel("Te&xt size")
        for label, combo in ((self.order_label, self.order_combo),
                             (self.dates_label, self.dates_combo),
                             (self.size_label, self.size_combo)):
            label.setBuddy(combo)
            form.addRow(label, combo)
        self.setObjectName("layoutChoices")

    def _combo(self, name: str, accessible: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    # -- the choices
    def options(self) -> DocumentOptions:
        return DocumentOptions(order=self.order_combo.currentData(),
                               dates=self.dates_combo.currentData(),
                               text_size=self.size_combo.currentData())

    def set_options(self, options: DocumentOptions | None, *, quiet: bool = False) -> None:
        """Show ``options`` (the defaults for None); ``quiet`` emits nothing."""
        options = options or DEFAULT_OPTIONS
        before = self.options()
        for combo, value in ((self.order_combo, options.order.value),
                             (self.dates_combo, options.dates.value),
                             (self.size_combo, options.text_size)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        if not quiet and self.options() != before:
            self.changed.emit()

    def show_for(self, kind: str) -> None:
        """Enable the choices that change the document ``kind``."""
        table = kind in TABLE_KINDS
        for widget in (self.dates_combo, self.dates_label, self.size_combo, self.size_label):
            widget.setEnabled(table)
        for widget in (self.order_combo, self.order_label):
            widget.setEnabled(kind in ORDER_KINDS)
        tip = "" if table else "The agenda and minutes keep their own layout"
        self.setToolTip(tip)
