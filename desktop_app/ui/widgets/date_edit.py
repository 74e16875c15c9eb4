"""A date field that takes dates the British way ("07/09/2021", "7 Sep 21", "7 September 2021",
ISO) and may be left blank. A calendar button picks a date with the mouse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QSizePolicy,
                               QToolButton, QWidget, QWidgetAction)

from desktop_app.domain.dates import parse_uk_date

_INVALID_STYLE = "QLineEdit { border: 1px solid #c0392b; background: #fff4f2; }"


def parse_entry(text: str) -> dt.date | None:
    """None for blank; raises ValueError for text that is not one date."""
    text = text.strip()
    if not text:
        return None
    if text.lower() in ("today", "t"):
        from desktop_app.ui.app_state import today
        return today()
    day = parse_uk_date(text)
    if day is None:
        raise ValueError(f"{text!r} is not a date: type it as day/month/year, e.g. 07/09/2021")
    return day


class DateEdit(QWidget):
    """``date()`` gives a ``datetime.date`` or None (blank); ``is_valid()`` says whether the text
    is blank or one date. ``dateChanged`` fires with the new value (or None)."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, allow_blank: bool = True,
                 placeholder: str = "dd/mm/yyyy"):
        super().__init__(parent)
        self.allow_blank = allow_blank
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        self.line.setClearButtonEnabled(allow_blank)
        self.line.setMaxLength(40)
        self.button = QToolButton(self)
        self.button.setText("\u25be")
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.button.setToolTip("Pick a date from a calendar")
        self.button.setAccessibleName("Open calendar")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self.button)
        self._calendar: QCalendarWidget | None = None   # made when first wanted (``calendar``)
        self._menu.aboutToShow.connect(self._sync_calendar)
        self.button.setMenu(self._menu)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.line)
        self._value: dt.date | None = None
        self.line.editingFinished.connect(self._normalise)
        self.line.textEdited.connect(self._check)
        fm = self.line.fontMetrics()
        self.line.setFixedWidth(fm.horizontalAdvance("00/00/00000") + 34)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def calendar(self) -> QCalendarWidget:
        """The calendar the button drops down, made the first time it is wanted (a window has
        a dozen date fields, and a calendar costs more to make than the rest of the field)."""
        if self._calendar is None:
            menu = self._menu
            calendar = self._calendar = QCalendarWidget(menu)
            calendar.setGridVisible(True)
            calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            act = QWidgetAction(menu)
            act.setDefaultWidget(calendar)
            menu.addAction(act)
            calendar.clicked.connect(lambda qd: self._picked(qd.toPython(), menu))
        return self._calendar

    # -- value
    def date(self) -> dt.date | None:
        """The date typed, or None when blank. Raises ValueError for text that is not a date."""
        return parse_entry(self.line.text())

    def is_valid(self) -> bool:
        try:
            value = self.date()
        except ValueError:
            return False
        return value is not None or self.allow_blank

    def setDate(self, day: dt.date | None) -> None:  # noqa: N802 - Qt naming
        self._value = day
        self.line.setText(day.strftime("%d/%m/%Y") if day else "")
        self._check()

    def text(self) -> str:
        return self.line.text()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt naming
        super().setToolTip(text)
        self.line.setToolTip(text)

    def setReadOnly(self, value: bool) -> None:  # noqa: N802 - Qt naming
        self.line.setReadOnly(value)
        self.button.setEnabled(not value)

    # -- behaviour
    def _check(self, *_args) -> None:
        self.line.setStyleSheet("" if self.is_valid() else _INVALID_STYLE)

    def _normalise(self) -> None:
        try:
            value = self.date()
        except ValueError:
            self._check()
            return
        if value is not None:
            self.line.setText(value.strftime("%d/%m/%Y"))
        self._check()
        self._emit()

    def _emit(self) -> None:
        try:
            value = self.date()
        except ValueError:
            return
        if value != self._value:
            self._value = value
            self.dateChanged.emit(value)

    def _picked(self, day: dt.date, menu: QMenu) -> None:
        """A day clicked in the calendar: the field's date, said as a typed one is (setDate
        would take it as the starting value and say nothing)."""
        self.line.setText(day.strftime("%d/%m/%Y"))
        self._check()
        menu.close()
        self._emit()

    def _sync_calendar(self) -> None:
        try:
            value = self.date()
        except ValueError:
            value = None
        if value is None:
            from desktop_app.ui.app_state import today
            value = today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
