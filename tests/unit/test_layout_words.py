"""The words of rows that are not records - banner and heading leads, "Information reports"
banners, section headings, a meeting column's "no meeting yet" words - are data
(vocabulary.json's "layout"), each word read as the vocabulary says; and how a work programme
reads them, on small workbooks typed here."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.enums import WorkFormat
from desktop_app.importers import xlsx_values as V
from desktop_app.importers.xlsx_reader import parse_workbook
from desktop_app.importers.xlsx_vocab import LAYOUT
from tests.fixtures_xlsx import save_rows

D = dt.date


@pytest.mark.parametrize("lead", LAYOUT["banner_leads"])
def test_every_banner_lead_gives_its_meeting(lead):
    for written in (f"{lead} 12 January 2023", f"{lead.title()}: 12 January 2023",
                    f"{lead} – Thursday 12 January 2023, 2pm"):
        assert V.heading_date(written, None) == D(2023, 1, 12), written


def test_a_header_word_alone_is_not_a_banner():
    assert V.heading_date("Meeting date", None) is None
    assert V.heading_date("Meeting held on", None) is None


@pytest.mark.parametrize(("fmt", "word"), [(fmt, word) for fmt, words
                                           in LAYOUT["format_banners"].items() for word in words])
def test_every_format_banner_gives_its_format(fmt, word):
    assert V.format_banner(word.capitalize()) == WorkFormat(fmt)
    assert V.format_banner(f"{word.upper()} (for information, not for debate):") == fmt
    assert V.format_banner(f"{word} on the budget") is None  # an item's title, not a banner


@pytest.mark.parametrize(("section", "word"), [
    (section, word) for kind in ("section_starts", "section_headings")
    for section, words in LAYOUT[kind].items() for word in words])
def test_every_section_word_opens_its_section(section, word):
    assert V.section_of(word.title()) == section
    assert V.section_of(f"{word} (2023/24):") == section


@pytest.mark.parametrize("word", LAYOUT["meeting_placeholders"])
def test_meeting_placeholders_say_no_meeting(word):
    assert V.is_unscheduled(word.upper())


@pytest.mark.parametrize("word", ["To be agreed", "Summer 2024", "Jan-24", "After the review"])
def test_other_words_in_a_meeting_column_are_a_target(word):
    assert not V.is_unscheduled(word)


def test_a_work_programme_reads_banners_placeholders_and_targets(tmp_path):
    """An "Information reports" banner makes the items below it briefing notes at their
    meeting, until the next meeting begins; "To be agreed" is kept as the target, "TBC" is
    no meeting."""
    path = tmp_path / "wp.xlsx"
    save_rows(path, [
        ["Work programme 2023/24"],
        ["Meeting date", "Item", "Lead officer", "Comments"],
        ["21/09/2023", "Regional transport plan", "Head of Highways", ""],
        ["Information reports (for information, not for debate)"],
        ["21/09/2023", "Recycling performance", "Waste Strategy Manager", ""],
        ["02/11/2023", "Coastal erosion", "Flood Risk Manager", ""],
        ["To be agreed", "Child exploitation", "Head of Safeguarding", ""],
        ["TBC", "Youth service review", "Head of Early Help", ""]], title="Work programme")
    parsed = parse_workbook(path, kind="work-programme")
    assert not parsed.skipped
    got = {r.fields["title"]: (r.fields["format"], r.fields["meeting_date"], r.fields["target"])
           for r in parsed.rows}
    assert got == {
        "Regional transport plan": ("agenda_item", D(2023, 9, 21), ""),
        "Recycling performance": ("briefing_note", D(2023, 9, 21), ""),
        "Coastal erosion": ("agenda_item", D(2023, 11, 2), ""),
        "Child exploitation": ("agenda_item", None, "To be agreed"),
        "Youth service review": ("agenda_item", None, "")}


def test_a_section_banner_of_an_action_log_and_what_is_not_one():
    """'COMPLETED ACTIONS (to be removed after reporting)' (corpus file 32) and its kin give the
    rows under them a status; an action's own words that start alike do not."""
    from desktop_app.importers.xlsx_status import action_section
    assert action_section("COMPLETED ACTIONS (to be removed after reporting)") == (True, False)
    assert action_section("Actions completed and reported to committee") == (True, True)
    assert action_section("Outstanding actions") == (False, False)
    for not_one in ("Complete the survey of actions", "Action completed by the Head of Service",
                    "Completed", "Open the new depot", None, 12):
        assert action_section(not_one) is None, not_one


def test_a_time_after_the_date_is_dropped_whatever_its_form():
    for written in ("14/04/2023 00:00:00", "14/04/2023 10:00", "Friday 14 April 2023 at 7pm",
                    "Friday 14 April 2023, 6.30pm", "14 April 2023 12.30 p.m."):
        assert V.date_or_text(written) == (D(2023, 4, 14), ""), written
    assert V.date_or_text("April 2023 7pm") == (None, "April 2023 7pm")
