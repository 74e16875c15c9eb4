"""The rules the third corpus (files 27-31) brought, on the words that must NOT trigger them as
well as those that must: a verdict read from a response's prose, a key written with letters, a
date in a header, dated update columns. (The files themselves are scored in test_import_rules
and test_exec_response.) No database; one small workbook for the matrix's last rule."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.enums import Verdict, WorkFormat
from desktop_app.importers.grid import read_grids
from desktop_app.importers.exec_letter import letter_grid
from desktop_app.importers.exec_response import verdict_in_prose
from desktop_app.importers.xlsx_dated import header_date, history_columns
from desktop_app.importers.xlsx_reader import parse_grids
from desktop_app.importers.xlsx_status import rag_key_in


@pytest.mark.parametrize(("text", "verdict"), [
    ("The Cabinet accepts this recommendation in part. A seat will be offered.",
     Verdict.PARTIALLY_ACCEPTED),
    ("The Cabinet does not accept this recommendation. The grant is for homes.",
     Verdict.REJECTED),
    ("Cabinet agrees this recommendation and will report in April.", Verdict.ACCEPTED),
    ("The Executive notes the comments.", Verdict.NOTED),
    # no verdict in words: none guessed, whatever the later sentences say
    ("A report will come to the committee in the autumn. Cabinet accepts the need.", None),
    ("Officers cannot find the funding this year.", None),
])
def test_a_verdict_is_read_from_the_first_sentence_only_when_it_says_one(text, verdict):
    assert verdict_in_prose(text) == verdict


def test_a_key_by_letters_needs_two_colours_and_capitals():
    assert rag_key_in(["G = Complete", "A = In progress", "R = Not started"]) == {
        "green": "completed", "amber": "in_progress", "red": "open"}
    assert rag_key_in(["A: Action log 2023"]) == {}  # one letter: a title, not a key
    assert rag_key_in(["g = grams, a = area"]) == {}  # small letters: not a key


def test_a_header_date_is_one_exact_day():
    assert header_date("Response (Cabinet 7 Mar 2023)") == dt.date(2023, 3, 7)
    assert header_date("Response") is None
    assert header_date("Response (Summer 2023)") is None
    assert header_date("Response 7 Mar 2023 / 9 May 2023") is None  # two dates: neither


def test_dated_update_columns_are_a_history_only_without_a_progress_column():
    labels = {1: "Action", 2: "Update Jan 2023", 3: "Progress at 14/06/2023", 4: "Notes",
              5: "Jun 2023 update"}
    assert history_columns(labels, {1: "text"}, "actions") == (2, 3, 5)
    assert history_columns(labels, {1: "text", 4: "progress"}, "actions") == ()
    assert history_columns(labels, {1: "text"}, "recommendations") == ()


def test_a_letter_needs_a_recommendation_with_a_response_beneath():
    letter = letter_grid(["Dear Chair,", "", "Recommendation 1: fewer taxis.",
                          "Response: Accepted. Routes will be reviewed."])
    assert letter is not None
    assert letter.letter
    assert sorted(letter.rows) == [1, 3, 4]  # row N is paragraph N, blank ones counted
    assert letter_grid(["Dear Chair,", "The recommendations are attached."]) is None
    assert letter_grid(["Recommendation 1: fewer taxis.", "Recommendation 2: more buses."]) \
        is None


def test_a_topic_marked_at_two_meetings_comes_in_at_the_first_with_the_other_kept(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Topic", "Lead officer", dt.datetime(2023, 6, 13), dt.datetime(2023, 9, 12),
               "Comments"])
    ws.append(["Quarterly performance", "Head of Performance", "X", "Workshop", ""])
    ws.append(["Budget", "Director of Finance", None, "Briefing", ""])
    path = tmp_path / "matrix.xlsx"
    wb.save(path)
    parsed = parse_grids(path, read_grids(path), "work-programme")
    first, second = (r.fields for r in parsed.rows)
    assert (first["meeting_date"], first["format"]) == (dt.date(2023, 6, 13),
                                                        WorkFormat.AGENDA_ITEM)
    assert first["extra"] == {"12/09/2023": "Workshop"}
    assert (second["meeting_date"], second["format"]) == (dt.date(2023, 9, 12),
                                                          WorkFormat.BRIEFING_NOTE)
    assert any("came in at the first" in n for n in parsed.notes), parsed.notes
