"""The print dialog's output format (issue 17): PDF, Word document or web page, chosen beside
the Save button and written from the same choices as the PDF shown (real SQLite database with
the example committee, the real file dialog, files read back with python-docx, html.parser and
pypdf)."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pypdf import PdfReader

from desktop_app.services import actions
from desktop_app.ui.printing.dialog import PrintDialog
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose, click


@pytest.fixture
def dialog(qtbot, demo_db, today):
    shown = PrintDialog(demo_db, DEMO_COMMITTEE)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.wait_idle()
    yield shown
    if shiboken6.isValid(shown):
        shown.wait_idle()
        shown.done(0)


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\s·]+", text))


def test_word_document_is_saved_through_the_file_dialog(qtbot, dialog, demo_db, tmp_path):
    assert dialog.save_button.text() == "&Save as PDF\u2026"
    choose(dialog.format_combo, "Word document")
    assert dialog.save_button.text() == "&Save as Word\u2026"
    click(qtbot, dialog.save_button)
    chooser = dialog.output.file_dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.isVisible()
    assert Path(chooser.selectedFiles()[0]).name == "CYPSC action log 2021-11-12.docx"
    target = tmp_path / "log.docx"
    chooser.selectFile(str(target))
    chooser.accept()
    assert dialog.saved_path == str(target)
    assert "Saved log.docx" in dialog.status_label.text()
    doc = docx.Document(str(target))
    assert doc.paragraphs[0].style.name == "Heading 1"
    assert doc.paragraphs[0].text == "Action log"
    # the rows of the database, as the PDF in the preview shows them
    rows = doc.tables[0].rows[1:]
    current = [a for a in actions.list_actions(demo_db, DEMO_COMMITTEE)
               if a.reported_complete_on is None]
    assert sorted(r.cells[0].text for r in rows) == sorted(a.ref for a in current)
    pdf = " ".join(p.extract_text() or "" for p in PdfReader(dialog.built_path).pages)
    said = Counter()
    for row in rows:
        said += words(" ".join(c.text for c in row.cells))
    assert not said - words(pdf)
    assert "As at Friday 12 November 2021" in " ".join(p.text for p in doc.paragraphs)


def test_web_page_follows_the_layout_choices(qtbot, dialog, tmp_path):
    dialog.grab().save(str(tmp_path.parent / "print-formats.png"))
    choose(dialog.options.layout_choices.dates_combo,
           dialog.options.layout_choices.dates_combo.itemText(1))
    assert dialog.wait_idle()
    choose(dialog.format_combo, "Web page")
    assert dialog.output.save_to(tmp_path / "log")              # ".html" is added
    text = (tmp_path / "log.html").read_text(encoding="utf-8")

    class Cells(HTMLParser):
        lang, cells = "", []

        def handle_starttag(self, tag, attrs):
            if tag == "html":
                self.lang = dict(attrs)["lang"]

        def handle_data(self, data):
            self.cells.append(data)

    page = Cells()
    page.feed(text)
    assert page.lang == "en-GB"
    assert "<script" not in text
    assert re.search(r"\b\d\d/\d\d/\d{4}\b", " ".join(page.cells))    # dd/mm/yyyy dates
    pdf = " ".join(p.extract_text() or "" for p in PdfReader(dialog.built_path).pages)
    assert re.search(r"\b\d\d/\d\d/\d{4}\b", pdf)


def test_the_pack_is_a_pdf_only(qtbot, dialog):
    choose(dialog.format_combo, "Word document")
    dialog.options.set_kind("pack")                 # (not built: the test does not wait)
    assert dialog.format_combo.currentText() == "PDF"
    assert dialog.save_button.text() == "&Save as PDF\u2026"
    dialog.format_combo.setFocus()
    qtbot.keyClick(dialog.format_combo, Qt.Key.Key_Down)         # the others cannot be chosen
    assert dialog.format_combo.currentText() == "PDF"
    dialog.options.set_kind("recommendations")
    qtbot.keyClick(dialog.format_combo, Qt.Key.Key_Down)
    assert dialog.format_combo.currentText() == "Word document"
