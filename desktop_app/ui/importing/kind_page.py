"""Page 2 of the import wizard: the kind of workbook, as detected from its headings, which the
officer can change."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from desktop_app.services.import_preview import KINDS, WorkbookInfo
from desktop_app.ui.importing.text import (KIND_ABOUT, KIND_TITLES, KIND_WORDS, count,
                                           for_people, with_article)
from desktop_app.ui.importing.widgets import Page, banner_label, set_banner
from desktop_app.ui.widgets.detail_parts import muted


class KindPage(Page):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("What kind of workbook is it?")
        self.setSubTitle("Told from its column headings and sheet names; change it if the "
                         "guess is wrong.")
        self._info: WorkbookInfo | None = None
        self.note = banner_label()
        self.note.setAccessibleName("What the workbook looks like")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        self.found_labels: dict[str, QLabel] = {}
        lay = QVBoxLayout(self)
        lay.setSpacing(4)
        lay.addWidget(self.note)
        lay.addSpacing(8)
        for n, kind in enumerate(KINDS):
            button = QRadioButton(KIND_TITLES[kind])
            button.setAccessibleName(KIND_TITLES[kind].replace("&", ""))
            f = button.font()
            f.setWeight(QFont.Weight.DemiBold)
            button.setFont(f)
            self.group.addButton(button, n)
            self.buttons[kind] = button
            about = muted(KIND_ABOUT[kind])
            found = muted()
            found.setAccessibleName(f"{KIND_WORDS[kind].capitalize()} headings found")
            self.found_labels[kind] = found
            box = QVBoxLayout()
            box.setContentsMargins(26, 0, 0, 10)
            box.setSpacing(1)
            box.addWidget(about)
            box.addWidget(found)
            lay.addWidget(button)
            lay.addLayout(box)
        lay.addStretch(1)
        self.group.idToggled.connect(self._toggled)

    def initializePage(self) -> None:  # noqa: N802
        info = self.wiz().info
        if info is self._info:
            return  # back and forth: keep the choice
        self._info = info
        if info.detected is not None:
            set_banner(self.note, f"{info.name} looks like "
                       f"{with_article(KIND_WORDS[info.detected])}.", "ok")
        else:
            set_banner(self.note, f"Could not tell what {info.name} is: "
                       f"{for_people(info.detect_problem).split(': ', 1)[-1]}. Choose below.", "error")
        for kind in KINDS:
            found = info.found[kind]
            if found:
                parts = [f"sheet '{s}' row {r} ({count(n, 'column')} recognised)"
                         for s, r, n in found[:4]]
                text = "Headings found on " + "; ".join(parts) + (
                    f"; and {len(found) - 4} more sheets" if len(found) > 4 else "") + "."
                if kind == info.detected:
                    text += "  \u2190 detected"
            else:
                text = "No headings of this kind found."
            self.found_labels[kind].setText(text)
        self.group.setExclusive(False)
        for kind, button in self.buttons.items():
            button.setChecked(kind == info.detected)
        self.group.setExclusive(True)
        self.wiz().kind = info.detected
        self.completeChanged.emit()
        if info.detected is not None:
            self.buttons[info.detected].setFocus()

    def _toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.wiz().kind = KINDS[index]
            self.completeChanged.emit()

    def choose(self, kind: str) -> None:
        self.buttons[kind].setChecked(True)

    def isComplete(self) -> bool:  # noqa: N802
        return self.group.checkedButton() is not None
