"""File > Print / export (Ctrl+P) opened from the shared window: each document chosen as an
officer would (its button), saved as a PDF, a Word document and a web page, each read back
(pypdf, python-docx, html.parser) and checked against the database and against the PDF the
dialog shows; an agenda of a past meeting is as at that meeting's publication date, with no
sign of "today" in it; the layout choices saved with a document are kept for the committee
(in the database) and offered again the next time the dialog opens."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop_app.domain import dates
from desktop_app.services import actions, committees, meetings, recommendations
from desktop_app.ui.printing.dialog import PrintDialog
from tests.ui.officer.conftest import DEMO_COMMITTEE, TODAY, visible_dialog

LAST_HELD = dt.date(2021, 10, 12)
TODAY_WRITTEN = (dates.format_uk(TODAY), dates.format_uk(TODAY, "short"),
                 f"{TODAY.day:02d} {TODAY:%B %Y}")


def squeeze(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path) -> str:
    return squeeze(" ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages))


def docx_text(path) -> str:
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return squeeze(" ".join(parts))


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.parts, self.tags = "", [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang", "")

    def handle_data(self, data):
        self.parts.append(data)


def html_page(path) -> _Page:
    page = _Page()
    page.feed(Path(path).read_text(encoding="utf-8"))
    return page


_KEPT: list[PrintDialog] = []      # the dialog the format tests share (see ``printer``)


def _open_from_the_window(officer) -> PrintDialog:
    officer.window.menus.print_action.trigger()
    dialog = visible_dialog(officer.qtbot, PrintDialog)
    assert dialog.wait_idle()
    return dialog


@pytest.fixture(scope="module", autouse=True)
def _close_the_kept_dialog():
    yield
    for dialog in _KEPT:
        if shiboken6.isValid(dialog):
            dialog.wait_idle()
            dialog.done(0)
    _KEPT.clear()


@pytest.fixture
def printer(officer):
    """The print dialog as Ctrl+P opens it on the window. The tests of one document share it
    (each document is built once, then saved in each format): it is hidden, not closed,
    between them, and shown again as it was."""
    kept = [d for d in _KEPT if shiboken6.isValid(d) and not d.closed]
    if kept:
        dialog = kept[0]
        dialog.show()
        officer.qtbot.waitExposed(dialog)
    else:
        dialog = _open_from_the_window(officer)
        _KEPT[:] = [dialog]
    yield dialog
    if shiboken6.isValid(dialog) and not dialog.closed:
        dialog.wait_idle()
        dialog.hide()


@pytest.fixture
def fresh_printer(officer):
    """A print dialog of its own, opened with Ctrl+P and closed at the end of the test."""
    dialog = _open_from_the_window(officer)
    yield dialog
    if shiboken6.isValid(dialog):
        dialog.wait_idle()
        dialog.done(0)


def choose_document(qtbot, dialog, kind: str) -> None:
    button = dialog.options.kind_buttons[kind]
    if not button.isChecked():
        button.click()           # (the options sit in a scroll area: clicked as a keypress would)
    assert button.isChecked()
    dialog.build()
    assert dialog.wait_idle()
    assert dialog.last_error is None


def what_the_database_holds(db, kind: str) -> list[str]:
    """Texts each document must carry, read from the database."""
    if kind == "action-log":
        return [a.ref for a in actions.list_actions(db, DEMO_COMMITTEE)
                if a.reported_complete_on is None and a.ref
                and (a.meeting_date is None or a.meeting_date <= TODAY)]
    if kind == "recommendations":
        return [squeeze(r.text)[:60] for r in
                recommendations.list_recommendations(db, DEMO_COMMITTEE)
                if dt.date(2021, 5, 1) <= r.meeting_date <= TODAY]
    if kind == "minutes":
        return [squeeze(i.title) for i in meetings.get_meeting(db, DEMO_COMMITTEE,
                                                               LAST_HELD).items]
    return ["Youth Justice Plan", "Work programme 2021/22"]


DOCS = ["action-log", "recommendations", "work-programme", "minutes"]
FORMATS = [("Word document", ".docx"), ("Web page", ".html"), ("PDF", ".pdf")]


CASES = [(kind, label, suffix) for kind in DOCS for label, suffix in FORMATS]


@pytest.mark.parametrize(("kind", "label", "suffix"), CASES,
                         ids=[f"{c[0]}-{c[2][1:]}" for c in CASES])
def test_each_document_is_saved_in_each_format_and_read_back(officer, printer, tmp_path,
                                                             kind, label, suffix):
    qtbot = officer.qtbot
    choose_document(qtbot, printer, kind)
    if kind == "minutes":
        assert printer.options.meeting() == LAST_HELD
    printer.format_combo.setCurrentIndex(printer.format_combo.findText(label))
    assert printer.format_combo.currentText() == label
    name = printer.default_file_name()
    assert name.startswith("CYPSC ")
    target = tmp_path / name
    assert printer.output.save_to(target.with_suffix(""))      # the suffix is added
    saved = target.with_suffix(suffix)
    assert saved.is_file()
    assert printer.saved_path == str(saved)
    assert f"Saved {saved.name}" in printer.status_label.text()
    if suffix == ".docx":
        text = docx_text(saved)
    elif suffix == ".html":
        page = html_page(saved)
        assert page.lang == "en-GB"
        assert {"table", "th"} <= page.tags
        assert "script" not in page.tags
        text = squeeze(" ".join(page.parts))
    else:
        assert saved.read_bytes() == Path(printer.built_path).read_bytes()   # the one shown
        text = pdf_text(saved)
    for wanted in what_the_database_holds(officer.db, kind):
        assert wanted.casefold() in text.casefold(), wanted
    if kind == "minutes":
        assert "Tuesday 12 October 2021" in text
    as_at = printer.options.as_at_edit.date()
    assert f"As at {dates.format_uk(as_at, 'full')}" in text or kind == "minutes"
    assert not officer.boxes.seen


def test_a_document_that_cannot_be_written_is_not_offered_in_word(officer, printer):
    qtbot = officer.qtbot
    printer.format_combo.setCurrentIndex(printer.format_combo.findText("Word document"))
    choose_document(qtbot, printer, "agenda")
    assert printer.format_combo.currentText() == "PDF"
    model = printer.format_combo.model()
    enabled = [bool(model.item(r).flags() & Qt.ItemFlag.ItemIsEnabled)
               for r in range(model.rowCount())]
    assert enabled == [True, False, False]
    assert printer.save_button.text() == "&Save as PDF\u2026"


PAST = [dt.date(2021, 8, 5), dt.date(2021, 9, 7), dt.date(2021, 10, 12)]


@pytest.mark.parametrize("day", PAST, ids=map(str, PAST))
def test_the_agenda_of_a_past_meeting_is_as_at_its_publication_date(officer, printer, day):
    m = meetings.get_meeting(officer.db, DEMO_COMMITTEE, day)
    printer.options.kind_buttons["agenda"].click()
    combo = printer.options.meeting_combo
    combo.setCurrentIndex(combo.findData(day.isoformat()))
    assert printer.options.as_at_edit.date() == m.publication_deadline
    printer.build()
    assert printer.wait_idle()
    assert printer.last_error is None
    text = pdf_text(printer.built_path)
    assert dates.format_uk(day, "full") in text
    assert printer.default_file_name() == f"CYPSC agenda {day.isoformat()}.pdf"
    for written in TODAY_WRITTEN:                    # no "today" in a past meeting's papers
        assert written not in text
    assert printer.status_label.text().startswith(f"Agenda, meeting of {dates.format_uk(day)}: ")


LAYOUT = [("dates_combo", 1, "dates"), ("size_combo", 1, "text_size"),
          ("order_combo", 1, "order")]


@pytest.mark.parametrize(("combo_name", "index", "field"), LAYOUT, ids=[x[2] for x in LAYOUT])
def test_a_layout_saved_is_kept_for_the_committee_and_offered_again(officer, fresh_printer,
                                                                    tmp_path, combo_name,
                                                                    index, field):
    printer = fresh_printer
    qtbot, db, win = officer.qtbot, officer.db, officer.window
    combo = getattr(printer.options.layout_choices, combo_name)
    before = combo.currentIndex()
    assert before != index
    combo.setCurrentIndex(index)
    chosen = combo.currentData()
    assert printer.wait_idle()
    printer.build()
    assert printer.wait_idle()
    assert printer.output.save_to(tmp_path / "log.pdf")
    kept = committees.get_committee(db, DEMO_COMMITTEE).print_options
    assert getattr(kept, field) == chosen
    printer.done(0)
    win.menus.print_action.trigger()
    again = visible_dialog(qtbot, PrintDialog)
    try:
        assert again is not printer
        assert again.wait_idle()
        combo = getattr(again.options.layout_choices, combo_name)
        assert combo.currentData() == chosen
        combo.setCurrentIndex(before)                 # put back as the other tests expect
        assert again.wait_idle()
        again.build()
        assert again.wait_idle()
        assert again.output.save_to(tmp_path / "log again.pdf")
        assert getattr(committees.get_committee(db, DEMO_COMMITTEE).print_options, field) \
            == combo.itemData(before)
    finally:
        again.wait_idle()
        again.done(0)


def test_the_dates_chosen_short_are_written_day_first(officer, printer, tmp_path):
    choose_document(officer.qtbot, printer, "action-log")
    combo = printer.options.layout_choices.dates_combo
    long_index = combo.currentIndex()
    combo.setCurrentIndex(1 - long_index)
    assert printer.wait_idle()
    printer.build()
    assert printer.wait_idle()
    printer.format_combo.setCurrentIndex(printer.format_combo.findText("Word document"))
    assert printer.output.save_to(tmp_path / "short.docx")
    table = docx.Document(str(tmp_path / "short.docx")).tables[0]
    header = [c.text.strip() for c in table.rows[0].cells]
    due = next(n for n, h in enumerate(header) if h.startswith("Due"))
    written = [r.cells[due].text.strip() for r in table.rows[1:] if r.cells[due].text.strip()]
    assert written
    short_chosen = combo.currentData() == "short"
    day_first = [bool(re.fullmatch(r"\d\d/\d\d/\d{4}", w)) for w in written]
    assert all(day_first) if short_chosen else not any(day_first), written
    stored = {a.ref: a.due_date for a in actions.list_actions(officer.db, DEMO_COMMITTEE)}
    refs = [r.cells[0].text.strip() for r in table.rows[1:]]
    for ref, row in zip(refs, table.rows[1:]):
        if stored.get(ref) and short_chosen:
            assert row.cells[due].text.strip().startswith(dates.format_uk(stored[ref], "short"))
    combo.setCurrentIndex(long_index)
    assert printer.wait_idle()
    printer.build()
    assert printer.wait_idle()
    printer.format_combo.setCurrentIndex(0)
    assert printer.output.save_to(tmp_path / "long.pdf")
    assert not officer.boxes.seen
