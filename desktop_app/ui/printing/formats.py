"""The print dialog's output format: PDF, Word document or web page.

The preview is always the PDF; Save writes the chosen format. Word and web pages are written
by ``services.exporting.export_document`` for the documents it knows (not the agenda front
sheet nor the pack, which are PDF only: their items are offered but disabled, and the choice
falls back to PDF while one of those is chosen)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop_app.services.exporting import DOCUMENT_KINDS


@dataclasses.dataclass(frozen=True)
class Format:
    label: str          # in the combo: "Word document"
    suffix: str         # ".docx"
    filter: str         # the file dialog's filter
    words: str          # on the Save button: "Save as Word\u2026"


FORMATS = (
    Format("PDF", ".pdf", "PDF files (*.pdf)", "PDF"),
    Format("Word document", ".docx", "Word documents (*.docx)", "Word"),
    Format("Web page", ".html", "Web pages (*.html *.htm)", "web page"),
)
PDF = FORMATS[0]


class FormatChooser:
    """The combo and what it says about the chosen format."""

    def __init__(self, parent: QWidget | None = None):
        self.combo = QComboBox(parent)
        self.combo.setObjectName("formatCombo")
        self.combo.setAccessibleName("Output format")
        self.combo.setToolTip("The format Save writes: a PDF, a Word document (.docx) or an "
                              "accessible web page (.html)")
        for fmt in FORMATS:
            self.combo.addItem(fmt.label, fmt.suffix)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label = QLabel("For&mat:", parent)
        self.label.setBuddy(self.combo)
        self._kind = ""

    def chosen(self) -> Format:
        fmt = FORMATS[max(0, self.combo.currentIndex())]
        return fmt if self.allows(fmt) else PDF

    def allows(self, fmt: Format) -> bool:
        return fmt is PDF or self._kind in DOCUMENT_KINDS

    def follow(self, kind: str) -> None:
        """Offer Word and web page only for the documents that can be written so."""
        if kind == self._kind:
            return
        self._kind = kind
        model = self.combo.model()
        assert isinstance(model, QStandardItemModel)
        for row, fmt in enumerate(FORMATS):
            item = model.item(row)
            flags = item.flags()
            if self.allows(fmt):
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("")
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("This document is written as a PDF only")
        if not self.allows(FORMATS[self.combo.currentIndex()]):
            self.combo.setCurrentIndex(0)

    def file_name(self, pdf_name: str) -> str:
        """The PDF's file name with the chosen format's suffix."""
        stem = pdf_name[:-4] if pdf_name.lower().endswith(".pdf") else pdf_name
        return stem + self.chosen().suffix


__all__ = ["FORMATS", "PDF", "Format", "FormatChooser"]
