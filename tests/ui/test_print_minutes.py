"""The minutes in the print dialog (Ctrl+P), as an officer prints them: as at today (not the
meeting's publication date), a draft until approved, their preview built from the real PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.ui.test_print_dialog import build, open_print, pdf_text, shows_pages  # noqa: F401


def test_minutes_are_as_at_today_and_print_as_a_draft(open_print, demo_db, tmp_path):  # noqa: F811
    dialog = open_print(demo_db)
    options = dialog.options
    options.set_kind("pack")
    options.set_meeting(dt.date(2021, 10, 12))
    assert options.as_at_edit.text() == "04/10/2021"        # the papers: publication date
    options.set_kind("minutes")
    options.set_meeting(dt.date(2021, 10, 12))
    assert options.as_at_edit.text() == "12/11/2021"        # the record: today, in these tests
    assert dialog.wait_idle()
    build(dialog)
    assert shows_pages(dialog) >= 3
    text = " ".join(pdf_text(Path(dialog.built_path)).split())
    assert "Draft minutes" in text
    assert "As at Friday 12 November 2021" in text
    assert "Signed as a correct record" not in text
    assert dialog.grab().save(str(tmp_path / "print-minutes.png"))     # to look at
