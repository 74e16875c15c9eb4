"""The print dialog's layout choices (order, date style, text size), driven as an officer
would: the dialog opens with the committee's saved choices, a change rebuilds the preview, and
saving or printing the document remembers them for the committee. Real SQLite database with the
example committee; documents are built on the worker thread and the tests wait for the job."""

from __future__ import annotations

import shiboken6
import pytest
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from desktop_app.domain.print_options import DEFAULT_OPTIONS, DocumentOptions
from desktop_app.services.print_options import get_print_options, save_print_options
from desktop_app.ui.printing.dialog import PrintDialog
from tests.conftest import DEMO_COMMITTEE
from tests.ui.conftest import choose


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
                    .split())


@pytest.fixture
def open_print(qtbot, today):
    opened: list[PrintDialog] = []

    def make(db, committee: str | None = DEMO_COMMITTEE) -> PrintDialog:
        dialog = PrintDialog(db, committee)
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


def shown(dialog: PrintDialog) -> tuple[str, str, str]:
    layout = dialog.options.layout_choices
    return (layout.order_combo.currentText(), layout.dates_combo.currentText(),
            layout.size_combo.currentText())


def test_opens_with_the_saved_choices_and_saving_remembers_the_new_ones(open_print, demo_db,
                                                                        tmp_path):
    save_print_options(demo_db, DEMO_COMMITTEE,
                       DocumentOptions(order="meeting", dates="short", text_size=12))
    dialog = open_print(demo_db)
    assert shown(dialog) == ("By meeting", "07/09/2021", "12 pt (large print)")
    first = tmp_path / "first.pdf"
    assert dialog.output.save_to(first)
    text = pdf_text(first)
    assert "Meeting of 07/09/2021" in text
    assert "02/11/2021" in text

    layout = dialog.options.layout_choices
    choose(layout.order_combo, "By action number")
    choose(layout.dates_combo, "07 September 2021")
    assert dialog.wait_idle()
    assert dialog.built_choice is not None
    assert dialog.built_choice.layout == DocumentOptions(text_size=12)
    assert get_print_options(demo_db, DEMO_COMMITTEE).order == "meeting"   # not yet saved
    second = tmp_path / "second.pdf"
    assert dialog.output.save_to(second)
    text = pdf_text(second)
    assert "Meeting of" not in text
    assert "02 November 2021" in text
    assert get_print_options(demo_db, DEMO_COMMITTEE) == DocumentOptions(text_size=12)
    dialog.done(0)

    again = open_print(demo_db)
    assert shown(again) == ("By action number", "07 September 2021", "12 pt (large print)")


def test_printing_remembers_the_choices_and_choices_follow_the_document(open_print, demo_db,
                                                                       tmp_path):
    dialog = open_print(demo_db)
    assert shown(dialog) == ("By action number", "07 September 2021", "10 pt")
    layout = dialog.options.layout_choices
    choose(layout.size_combo, "12 pt (large print)")
    assert dialog.wait_idle()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job = dialog.output.print_to(printer)
    assert job is not None
    assert dialog.wait_idle()
    assert job.error is None
    assert get_print_options(demo_db, DEMO_COMMITTEE) == DocumentOptions(text_size=12)

    # the order is the action log's (and the pack's); agenda and minutes take none of them
    dialog.options.set_kind("recommendations")
    assert not layout.order_combo.isEnabled()
    assert layout.dates_combo.isEnabled()
    assert layout.size_combo.isEnabled()
    dialog.options.set_kind("agenda")
    assert not layout.dates_combo.isEnabled()
    assert not layout.size_combo.isEnabled()
    dialog.options.set_kind("pack")
    assert layout.order_combo.isEnabled()


def test_each_committee_opens_with_its_own_choices(open_print, demo_db):
    from desktop_app.services import committees
    committees.add_committee(demo_db, "Audit and Governance Committee", short_name="AGC")
    save_print_options(demo_db, "AGC", DocumentOptions(dates="short"))
    dialog = open_print(demo_db)
    assert shown(dialog)[1] == "07 September 2021"
    choose(dialog.options.committee_combo, "Audit and Governance Committee")
    assert shown(dialog) == ("By action number", "07/09/2021", "10 pt")
    assert dialog.wait_idle()
    assert dialog.built_choice is not None
    assert dialog.built_choice.layout == DocumentOptions(dates="short")
    choose(dialog.options.committee_combo, DEMO_COMMITTEE)
    assert dialog.options.layout_choices.options() == DEFAULT_OPTIONS
