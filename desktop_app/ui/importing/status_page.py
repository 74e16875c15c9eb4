"""The import wizard's value-to-status page (after the columns): every status word found in the
file as written, with how many rows use it, and what it means, pre-set by the import rules
(Completed / Closed / Done mean completed, and so on). A word the rules do not know is
highlighted: it comes in as open unless the officer says otherwise. The choices the officer
makes go to ``ImportOptions.status_map`` (the command line's ``--status "Word=status"``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.services.import_preview import StatusWord, status_choices
from desktop_app.ui.importing.text import KIND_WORDS, count
from desktop_app.ui.importing.widgets import AMBER, P_DRY, Page
from desktop_app.ui.widgets.detail_parts import muted

UNKNOWN_TINT = QColor("#fff4d6")
WORD, ROWS, MEANS = range(3)


class StatusPage(Page):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle("Say what the status words mean")
        self.setSubTitle("Each status word of the file, as written, and the status its rows "
                         "will have. Change any that the rules read differently from your "
                         "council.")
        self.words: list[StatusWord] = []
        self.combos: dict[str, QComboBox] = {}     # word casefolded -> its combo
        self._key: tuple | None = None
        self.touched: set[str] = set()             # words whose meaning the officer chose

        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.lead.setAccessibleName("About the status words")
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.unknown.setStyleSheet(AMBER + " font-weight: 600;")
        self.unknown.setAccessibleName("Status words the rules do not know")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("importStatusWords")
        self.table.setAccessibleName("Status words and what they mean")
        self.table.setHorizontalHeaderLabels(["Status as written", "Rows", "Means"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WORD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROWS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MEANS, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.about = muted("A RAG colour (red, amber, green) is kept as RAG, not read as a "
                           "status, unless a key on the sheet says what each colour means. "
                           "The status word as written is kept with each record either way.")
        lay = QVBoxLayout(self)
        lay.setSpacing(8)
        lay.addWidget(self.lead)
        lay.addWidget(self.unknown)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.about)

    # -- building
    def initializePage(self) -> None:  # noqa: N802
        wiz = self.wiz()
        result = wiz.mapping_page.result
        words = list(result.status_words) if result is not None else []
        kind = wiz.kind or (result.kind if result is not None else "actions")
        key = (wiz.info.path if wiz.info else "", kind, tuple(w.word for w in words))
        if key == self._key:
            return                                  # back again: keep what was chosen
        self._key = key
        self.words = words
        self.touched.clear()
        wiz.status_map = {}
        self._build(kind)

    def _build(self, kind: str) -> None:
        self.combos.clear()
        self.table.setRowCount(len(self.words))
        choices = status_choices(kind)
        unknown = [w for w in self.words if not w.known]
        previous: QWidget | None = None
        for row, word in enumerate(self.words):
            name = QTableWidgetItem(word.word)
            rows = QTableWidgetItem(str(word.rows))
            rows.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not word.known:
                name.setText(f"{word.word}   (not known: comes in as open)")
                for item in (name, rows):
                    item.setBackground(QBrush(UNKNOWN_TINT))
                name.setToolTip("The import rules do not know this word: its rows come in as "
                                "open unless you choose what it means.")
            self.table.setItem(row, WORD, name)
            self.table.setItem(row, ROWS, rows)
            combo = QComboBox()
            for label, value in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(word.status)))
            combo.setAccessibleName(f"What \u201c{word.word}\u201d means")
            combo.currentIndexChanged.connect(lambda _i, w=word: self._chosen(w))
            if not word.known:
                combo.setStyleSheet("QComboBox { background: #fff4d6; }")
            self.table.setCellWidget(row, MEANS, combo)
            self.combos[word.word.casefold()] = combo
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo
        self.table.resizeRowsToContents()
        total = sum(w.rows for w in self.words)
        self.lead.setText(f"{count(len(self.words), 'status word')} in "
                          f"{count(total, 'row')} of this {KIND_WORDS.get(kind, kind)}. Each "
                          "record keeps its word as written too (the \u201cStatus as "
                          "written\u201d column).")
        self.unknown.setText(
            f"{count(len(unknown), 'word')} the rules do not know, highlighted: "
            + ", ".join(f"\u201c{w.word}\u201d ({count(w.rows, 'row')})" for w in unknown)
            + ". Say what each means, or leave it as open." if unknown else "")
        self.unknown.setVisible(bool(unknown))

    # -- choosing
    def combo_for(self, word: str) -> QComboBox:
        return self.combos[word.strip().casefold()]

    def _chosen(self, word: StatusWord) -> None:
        self.touched.add(word.word.casefold())
        self.wiz().status_map = self.status_map()

    def status_map(self) -> dict[str, str]:
        """{word as written: status} for every word the officer chose a meaning for (and any
        whose choice differs from the rules' reading); the others keep the rules' reading."""
        out: dict[str, str] = {}
        for word in self.words:
            combo = self.combos.get(word.word.casefold())
            if combo is None:
                continue
            value = combo.currentData()
            if word.word.casefold() in self.touched or value != word.status:
                out[word.word] = value
        return out

    def nextId(self) -> int:  # noqa: N802
        return P_DRY


__all__ = ["StatusPage"]
