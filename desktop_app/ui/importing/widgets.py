"""What the pages of the import wizard share: the page ids, the colours, the banner, busy bar
and list widgets, and ``Page`` (the wizard, and Next only when the page is complete)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QProgressBar, QWizardPage

if TYPE_CHECKING:
    from desktop_app.ui.importing.wizard import ImportWizard

# Page ids.
P_FILE, P_KIND, P_MAP, P_DRY, P_IMPORT, P_CHASE, P_CHASE_APPLY = range(7)
P_STATUS = 13   # the status words (status_page), between the columns and the trial run

RED = "color: #a4262c;"
AMBER = "color: #8a5a00;"
GREEN = "color: #1e4620;"
GREY = "color: #5f6368;"
BANNER = {
    "ok": "QLabel { color: #1e4620; background: #edf7ee; border: 1px solid #a5d6a7; "
          "border-radius: 4px; padding: 8px 10px; }",
    "info": "QLabel { color: #1f3a60; background: #eef3fa; border: 1px solid #b9cbe3; "
            "border-radius: 4px; padding: 8px 10px; }",
    "error": "QLabel { color: #8c1d18; background: #fdeceb; border: 1px solid #e0a39e; "
             "border-radius: 4px; padding: 8px 10px; }",
}


def banner_label(kind: str = "info") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(BANNER[kind])
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def set_banner(label: QLabel, text: str, kind: str = "info") -> None:
    label.setText(text)
    label.setStyleSheet(BANNER[kind])
    label.setVisible(bool(text))


def busy_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(10)
    bar.setAccessibleName(name)
    bar.hide()
    return bar


def row_list(name: str, lines: int = 4) -> QListWidget:
    box = QListWidget()
    box.setAccessibleName(name)
    box.setWordWrap(True)
    box.setAlternatingRowColors(True)
    box.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    box.hide()
    return box


class Page(QWizardPage):
    """Common to the pages: the wizard, and Next only when the page is complete (a page's
    ``next()`` from code or a key cannot go past a page that is not)."""

    def wiz(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    def validatePage(self) -> bool:  # noqa: N802
        return self.isComplete()

    def cleanupPage(self) -> None:  # noqa: N802 - keep what was chosen when going back
        pass
