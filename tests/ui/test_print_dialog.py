"""The Print / export dialog, driven as an officer would (reached from the window: see
test_print_from_window.py).

Real SQLite database with the example committee; each document is built on a worker thread and
the tests wait for that job (``dialog.wait_idle()``), never for a fixed time. Saving goes
through ``save_to(path)`` or the (non-native, window-modal) file dialog the Save button opens;
printing through ``print_to(printer)`` with a PDF printer. Message boxes are answered by a
QTimer, as a person would click OK; nothing of ours is patched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfWriter
from sqlalchemy import text
import shiboken6
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog
from pypdf import PdfReader

from desktop_app.services import actions, committees, meetings
from desktop_app.ui.printing.dialog import PrintDialog
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose, click

NEXT_MEETING = dt.date(2021, 11, 23)


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
                    .split())


@pytest.fixture
def open_print(qtbot, today):
    opened: list[PrintDialog] = []

    def make(db, committee: str | None = DEMO_COMMITTEE, **kwargs) -> PrintDialog:
        dialog = PrintDialog(db, committee, **kwargs)
        opened.append(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.wait_idle()
        return dialog

    yield make
    for dialog in opened:
        if shiboken6.isValid(dialog):
            dialog.wait_idle()
            dialog.done(0)


def build(dialog: PrintDialog, kind: str | None = None, **choices) -> None:
    if kind:
        dialog.options.set_kind(kind)
    if "meeting" in choices:
        dialog.options.set_meeting(choices["meeting"])
    if "as_at" in choices:
        dialog.options.set_as_at(choices["as_at"])
    if "public" in choices:
        dialog.options.set_public(choices["public"])
    dialog.build()
    assert dialog.wait_idle()


def shows_pages(dialog: PrintDialog) -> int:
    doc = dialog.document
    assert isinstance(doc, QPdfDocument)
    assert doc.status() == QPdfDocument.Status.Ready
    assert dialog.preview.view.document() is doc
    assert dialog.preview.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.preview.showing_document()
    count = doc.pageCount()
    assert count == dialog.built_pages > 0
    assert dialog.preview.page_count_label.text() == f"of {count}"
    return count


# ------------------------------------------------------------------------------ documents

@pytest.mark.parametrize(("kind", "meeting", "name", "wanted"), [
    ("action-log", None, "CYPSC action log 2021-11-12.pdf", ["Claire Ward", "Action log"]),
    ("recommendations", None, "CYPSC recommendation schedule 2021-11-12.pdf",
     ["briefing note", "Recommendations and responses"]),
    ("work-programme", None, "CYPSC work programme 2021-11-12.pdf",
     ["Youth Justice Plan", "Work programme 2021/22"]),
    ("agenda", NEXT_MEETING, "CYPSC agenda 2021-11-23.pdf",
     ["Councillor Phillip Howells", "Tuesday 23 November 2021"]),
    ("minutes", dt.date(2021, 10, 12), "CYPSC minutes 2021-10-12.pdf",
     ["APOLOGIES FOR ABSENCE", "Tuesday 12 October 2021"]),
    ("pack", NEXT_MEETING, "CYPSC agenda pack 2021-11-23.pdf",
     ["Councillor Phillip Howells", "Claire Ward", "Youth Justice Plan"]),
])
def test_each_document_previews_and_saves(open_print, demo_db, tmp_path, kind, meeting, name,
                                          wanted):
    dialog = open_print(demo_db)
    build(dialog, kind, **({"meeting": meeting} if meeting else {}))
    assert dialog.last_error is None
    pages = shows_pages(dialog)
    assert dialog.save_button.isEnabled()
    assert dialog.print_button.isEnabled()
    assert f"{pages} page" in dialog.status_label.text()
    assert dialog.default_file_name() == name
    target = tmp_path / "out" / name
    target.parent.mkdir()
    assert dialog.output.save_to(target)
    assert len(PdfReader(str(target)).pages) == pages
    text = pdf_text(target)
    for phrase in wanted:
        assert phrase in text, phrase
    assert f"Saved {name}" in dialog.status_label.text()


def test_opens_on_the_action_log_as_at_today(open_print, demo_db, tmp_path):
    dialog = open_print(demo_db)       # builds by itself once shown
    assert dialog.options.kind() == "action-log"
    assert dialog.options.kind_buttons["action-log"].isChecked()
    assert dialog.options.as_at_edit.text() == "12/11/2021"
    assert not dialog.options.public_box.isChecked()
    shows_pages(dialog)
    # as at 12/11/2021 action 3 is still open (completed 15/11): nothing is in the completed
    # section yet; at 10 pt the seven actions take two pages
    assert dialog.status_label.text() == "Action log, as at 12 November 2021: 2 pages"
    assert dialog.windowTitle() == "Print / export \u2013 CYPSC"


def test_meeting_chooser_lists_upcoming_first_and_follows_the_document(open_print, demo_db):
    dialog = open_print(demo_db)
    combo = dialog.options.meeting_combo
    texts = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]
    assert texts[:5] == ["Tue 23 Nov 2021 \u2013 next meeting", "Tue 7 Dec 2021",
                         "Tue 11 Jan 2022", "Tue 22 Mar 2022", "Tue 12 Oct 2021"]
    held = [m.date for m in meetings.list_meetings(demo_db, DEMO_COMMITTEE)]
    assert len(texts) == len(held)
    assert dialog.options.meeting() == NEXT_MEETING
    # the action log, recommendations and work programme are not for one meeting
    for kind in ("action-log", "recommendations", "work-programme"):
        dialog.options.set_kind(kind)
        assert not combo.isEnabled()
    dialog.options.set_kind("agenda")
    assert combo.isEnabled()
    assert dialog.options.meeting() == NEXT_MEETING
    dialog.options.set_kind("minutes")          # the minutes: the last meeting held
    assert dialog.options.meeting() == dt.date(2021, 10, 12)
    dialog.options.set_kind("pack")
    assert dialog.options.meeting() == NEXT_MEETING
    dialog.options.set_meeting(dt.date(2021, 12, 7))   # once chosen, kept
    dialog.options.set_kind("minutes")
    assert dialog.options.meeting() == dt.date(2021, 12, 7)


def test_an_earlier_as_at_date_shows_the_tracker_as_it_stood(open_print, demo_db, tmp_path):
    dialog = open_print(demo_db)
    build(dialog, "action-log", as_at=dt.date(2021, 10, 1))
    assert dialog.options.as_at_hint.isVisible()
    assert "1 October 2021" in dialog.options.as_at_hint.text()
    shows_pages(dialog)
    assert dialog.default_file_name() == "CYPSC action log 2021-10-01.pdf"
    assert dialog.output.save_to(tmp_path / "then")            # ".pdf" is added
    text = pdf_text(tmp_path / "then.pdf")
    assert "As at Friday 1 October 2021" in text
    # actions agreed on 12 October 2021 did not exist yet
    later = [a for a in actions.list_actions(demo_db, DEMO_COMMITTEE)
             if a.meeting_date == dt.date(2021, 10, 12)]
    assert later
    assert all(a.text[:40] not in text for a in later)


def test_pack_public_and_full(open_print, demo_db, tmp_path):
    from reportlab.pdfgen.canvas import Canvas
    secret = tmp_path / "exit-interviews.pdf"
    canvas = Canvas(str(secret))
    canvas.drawString(72, 720, "CONFIDENTIAL staffing figures for exit interviews")
    canvas.save()
    meetings.add_item(demo_db, DEMO_COMMITTEE, NEXT_MEETING, "11", "Exit interviews",
                      exempt_paragraph="1", attachments=[str(secret)])
    dialog = open_print(demo_db)
    build(dialog, "pack", meeting=NEXT_MEETING)
    full_pages = shows_pages(dialog)
    # the merged paper has no structure tree: the dialog names it (issue 17)
    status = dialog.status_label.text()
    assert "Not accessible to screen readers (not tagged PDF)" in status
    assert "exit-interviews" in status.lower() or "Exit interviews" in status
    assert dialog.output.save_to(tmp_path / dialog.default_file_name())
    full = tmp_path / "CYPSC agenda pack 2021-11-23.pdf"
    assert "CONFIDENTIAL staffing figures" in pdf_text(full)

    dialog.options.set_public(True)
    assert not dialog.save_button.isEnabled()      # the preview is of the full version
    build(dialog)
    public_pages = shows_pages(dialog)
    assert "public version" in dialog.status_label.text()
    assert dialog.default_file_name() == "CYPSC agenda pack 2021-11-23 (public).pdf"
    assert dialog.output.save_to(tmp_path / dialog.default_file_name())
    public_text = pdf_text(tmp_path / "CYPSC agenda pack 2021-11-23 (public).pdf")
    assert "CONFIDENTIAL" not in public_text
    assert "Exempt: paragraph 1" in public_text
    assert public_pages < full_pages


def test_broken_attachment_shows_one_line_and_nothing_is_saved(open_print, demo_db, tmp_path,
                                                               auto_ok):
    # a file is checked when attached (issue 15); one attached before copies were kept is read
    # from its path when the pack is built, and that file has since been replaced by junk
    good = tmp_path / "good.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(good)
    meetings.add_item(demo_db, DEMO_COMMITTEE, NEXT_MEETING, "11", "Late report",
                      attachments=[str(good)])
    bad = tmp_path / "report.pdf"
    bad.write_text("not really a pdf", encoding="utf-8")
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE attachments SET content = NULL, sha256 = '', path = :bad "
                          "WHERE path = :good"), {"bad": str(bad), "good": str(good.resolve())})
    dialog = open_print(demo_db)
    shows_pages(dialog)                                  # the action log is fine
    for kind in ("pack", "agenda"):
        auto_ok.clear()
        build(dialog, kind, meeting=NEXT_MEETING)
        assert len(auto_ok) == 1, auto_ok
        message = auto_ok[0]["text"]
        assert "Item 11 (Late report)" in message
        assert "report.pdf is not a PDF" in message
        assert "\n" not in message
        assert auto_ok[0]["title"].startswith("Cannot build the")
        assert dialog.last_error == message
        assert dialog.document.pageCount() == 0
        assert not dialog.preview.showing_document()
        assert "could not be built" in dialog.preview.message.text()
        assert not dialog.save_button.isEnabled()
        assert not dialog.print_button.isEnabled()
        target = tmp_path / "pack.pdf"
        assert not dialog.output.save_to(target)
        assert not target.exists()
        assert dialog.built_path is None
        assert not list(Path(dialog._tmpdir).glob("*.pdf"))   # no half-built file left


def test_save_button_asks_for_the_file(qtbot, open_print, demo_db, tmp_path):
    dialog = open_print(demo_db)
    click(qtbot, dialog.save_button)
    chooser = dialog.output.file_dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.isVisible()
    assert chooser.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert Path(chooser.selectedFiles()[0]).name == "CYPSC action log 2021-11-12.pdf"
    target = tmp_path / "chosen.pdf"
    chooser.selectFile(str(target))
    chooser.accept()
    assert target.exists()
    assert "Claire Ward" in pdf_text(target)
    assert dialog.saved_path == str(target)


def test_print_renders_every_page_on_the_printer(qtbot, open_print, demo_db, tmp_path):
    dialog = open_print(demo_db)
    dialog.options.set_as_at(dt.date(2022, 1, 10))   # two pages: the completed section too
    assert dialog.wait_idle()
    pages = shows_pages(dialog)
    assert pages > 1
    click(qtbot, dialog.print_button)             # asks for the printer first
    asked = dialog.output.printer_dialog
    assert isinstance(asked, QPrintDialog)
    assert asked.isVisible()
    assert (asked.minPage(), asked.maxPage()) == (1, pages)
    asked.reject()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job = dialog.output.print_to(printer)
    assert job is not None
    assert dialog.wait_idle()
    assert job.error is None
    assert job.result == pages
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == pages
    box = printed.pages[0].mediabox
    assert box.width > box.height                 # the action log is landscape
    assert f"Printed {pages} page{'s' if pages > 1 else ''} " in dialog.status_label.text()
    # a page range from the print dialog is honoured
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer.setFromTo(2, 2)
    dialog.output.print_to(printer)
    assert dialog.wait_idle()
    assert len(PdfReader(str(tmp_path / "page2.pdf")).pages) == 1


def test_cancel_building_keeps_nothing(qtbot, open_print, demo_db):
    dialog = open_print(demo_db)
    dialog.options.set_kind("pack")
    job = dialog.build()
    assert job is not None
    dialog.cancel_build()                # the busy page's Cancel button
    assert dialog.wait_idle()
    assert job.was_cancelled
    assert dialog.built_path is None
    assert dialog.document.pageCount() == 0
    assert "cancelled" in dialog.preview.message.text()
    assert not dialog.save_button.isEnabled()
    assert not list(Path(dialog._tmpdir).glob("*.pdf"))
    build(dialog)                        # F5 / any change builds it again
    shows_pages(dialog)


def test_zoom_and_page_controls(qtbot, open_print, demo_db):
    dialog = open_print(demo_db)
    build(dialog, "recommendations")
    preview = dialog.preview
    pages = shows_pages(dialog)
    assert pages > 5
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.fit_width_button.isChecked()
    before = preview.effective_zoom()
    click(qtbot, preview.zoom_in_button)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.effective_zoom() > before
    assert preview.zoom_label.text() == f"{round(preview.effective_zoom() * 100)}%"
    click(qtbot, preview.zoom_out_button)
    click(qtbot, preview.zoom_out_button)
    assert preview.effective_zoom() < before
    click(qtbot, preview.fit_page_button)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    click(qtbot, preview.fit_width_button)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    preview.page_spin.setValue(5)
    assert preview.current_page() == 5
    preview.go_to_page(pages + 10)
    assert preview.current_page() == pages
    assert preview.page_spin.value() == pages


def test_all_committees_and_a_short_name_choose_the_committee(open_print, demo_db):
    committees.add_committee(demo_db, "Adults and Wellbeing Scrutiny Committee", "AWSC")
    dialog = open_print(demo_db, "CYPSC")
    assert dialog.options.committee().name == DEMO_COMMITTEE
    other = open_print(demo_db, None)           # "All committees": the first is offered
    assert other.options.committee_combo.count() == 2
    choose(other.options.committee_combo, DEMO_COMMITTEE)
    assert other.options.meeting() == NEXT_MEETING
    choose(other.options.committee_combo, "Adults and Wellbeing Scrutiny Committee")
    other.options.set_kind("agenda")
    assert other.options.choice() is None
    assert "has no meetings yet" in other.options.problem()
    assert not other.save_button.isEnabled()


def test_a_meeting_document_is_as_at_the_meeting_publication_date(open_print, demo_db):
    """The as-at rule (domain.as_at): the pack for 23 November 2021 is as at its publication
    date, 15 November, not the day it is printed; a date the officer types is kept; a document
    not for a meeting is as at today."""
    dialog = open_print(demo_db)
    options = dialog.options
    options.set_kind("pack")
    options.set_meeting(dt.date(2021, 11, 23))
    assert options.as_at_edit.text() == "15/11/2021"
    assert dialog.wait_idle()
    shows_pages(dialog)
    text = " ".join(pdf_text(Path(dialog.built_path)).split())
    assert "as at 15 november 2021" in text.lower()
    options.set_kind("action-log")
    assert options.as_at_edit.text() == "12/11/2021"        # today, in these tests
    options.set_as_at(dt.date(2021, 10, 1))
    options.set_kind("agenda")
    assert options.as_at_edit.text() == "01/10/2021"         # the officer's date stays
