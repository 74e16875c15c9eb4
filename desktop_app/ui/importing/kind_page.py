"""Page 2 of the import wizard: the kind of workbook, as detected from its headings, which the
officer can change; or the executive's response to the committee's recommendations, which goes
on to the response pages (``response_page``) instead of the columns."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from desktop_app.services.import_preview import KINDS, WorkbookInfo
from desktop_app.ui.importing.text import (KIND_ABOUT, KIND_TITLES, KIND_WORDS, count,
                                           for_people, with_article)
from desktop_app.ui.importing.response_page import P_RESPONSE, is_response
from desktop_app.ui.importing.widgets import P_MAP, Page, banner_label, set_banner
from desktop_app.ui.widgets.detail_parts import muted

RESPONSE = "executive-response"   # not a tracker kind: the response pages read it
RESPONSE_TITLE = "&Executive response"
RESPONSE_ABOUT = ("The executive's answer to the committee's recommendations, under a heading "
                  "with the decision date; each row is matched to a recommendation first.")


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
        self.kinds = (*KINDS, RESPONSE)
        for n, kind in enumerate(self.kinds):
            title = KIND_TITLES.get(kind, RESPONSE_TITLE)
            button = QRadioButton(title)
            button.setAccessibleName(title.replace("&", ""))
            f = button.font()
            f.setWeight(QFont.Weight.DemiBold)
            button.setFont(f)
            self.group.addButton(button, n)
            self.buttons[kind] = button
            about = muted(KIND_ABOUT.get(kind, RESPONSE_ABOUT))
            about.setWordWrap(True)
            found = muted()
            found.setAccessibleName(f"{KIND_WORDS.get(kind, 'executive response').capitalize()} "
                                    "headings found")
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
        self.found_labels[RESPONSE].setText(
            "Recognised from its headings: choose it to match the rows to the recommendations."
            if is_response(info) else "Choose it for a response table the wizard did not "
            "recognise (a table with Recommendation, Accepted / Rejected and Response columns).")
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
            self.wiz().kind = self.kinds[index]
            self.completeChanged.emit()

    def nextId(self) -> int:  # noqa: N802 - the executive's response has its own pages
        return P_RESPONSE if self.wiz().kind == RESPONSE else P_MAP

    def choose(self, kind: str) -> None:
        self.buttons[kind].setChecked(True)

    def isComplete(self) -> bool:  # noqa: N802
        return self.group.checkedButton() is not None
