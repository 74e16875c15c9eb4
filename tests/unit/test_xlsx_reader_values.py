"""Workbook -> rows: references, UK dates and statuses in every form officers write them."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color

from desktop_app.importers.xlsx_reader import parse_workbook
from tests.fixtures_xlsx import save_rows

D = dt.date


def actions(tmp_path, rows, header=("Ref", "Meeting", "Action", "Due date", "Status")):
    path = tmp_path / "log.xlsx"
    save_rows(path, [list(header)] + rows)
    parsed = parse_workbook(path, kind="actions")
    assert not parsed.skipped, parsed.skipped
    return [r.fields for r in parsed.rows]


# ---------------------------------------------------------------- references

def test_references_as_written(tmp_path):
    got = actions(tmp_path, [[7, None, "a"], [7.0, None, "b"], ["SOS/22/01", None, "c"],
                             [1.1, None, "d"], [" 12 ", None, "e"], ["007", None, "f"],
                             [None, None, "g"]])
    assert [f["ref"] for f in got] == ["7", "7", "SOS/22/01", "1.1", "12", "007", ""]


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize(("written", "meeting"), [
    (dt.datetime(2021, 11, 2), D(2021, 11, 2)),
    (dt.datetime(2021, 11, 23, 14, 30), D(2021, 11, 23)),
    (D(2021, 11, 2), D(2021, 11, 2)),
    ("02/11/2021", D(2021, 11, 2)),           # 2 November, never 11 February
    ("2/11/21", D(2021, 11, 2)),
    ("2.11.21", D(2021, 11, 2)),
    ("07 September 2021", D(2021, 9, 7)),
    ("12 Oct 21", D(2021, 10, 12)),
    ("Tuesday 7th December 2021", D(2021, 12, 7)),
    ("Tuesday 23 November 2021, 2.30pm", D(2021, 11, 23)),
    ("02/11/2021 14:30", D(2021, 11, 2)),
    ("2021-11-02", D(2021, 11, 2)),
    (44502, D(2021, 11, 2)),                  # a date cell that lost its format
])
def test_meeting_dates_in_every_form(tmp_path, written, meeting):
    assert actions(tmp_path, [[1, written, "Write to the MP"]])[0]["meeting_date"] == meeting


@pytest.mark.parametrize(("written", "due_date", "due_text"), [
    ("02/11/2021", D(2021, 11, 2), ""),
    (dt.datetime(2021, 12, 7), D(2021, 12, 7), ""),
    ("Summer 2021", None, "Summer 2021"),
    ("June / July 2021", None, "June / July 2021"),
    ("End of March", None, "End of March"),
    ("TBC", None, "TBC"),
    (12, None, "12"),
    (None, None, ""),
])
def test_due_dates_and_fuzzy_targets(tmp_path, written, due_date, due_text):
    fields = actions(tmp_path, [[1, "07/09/2021", "Write to the MP", written]])[0]
    assert (fields["due_date"], fields["due_text"]) == (due_date, due_text)


def test_a_due_date_of_no_such_day_is_a_bad_row(tmp_path):
    """"31/02/2022" is written as a date, of a day that does not exist: a typo. Kept as text, the
    action was never overdue; the row is named instead (imported with --skip-bad-rows only)."""
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Ref", "Meeting", "Action", "Due date"],
                     [1, "07/09/2021", "Write to the MP", "31/02/2022"],
                     [2, "07/09/2021", "Write again", "12/25/2021"],
                     [3, "07/09/2021", "Write once more", "Summer 2022"]])
    parsed = parse_workbook(path, kind="actions")
    assert [r.fields["due_text"] for r in parsed.rows] == ["Summer 2022"]
    assert [(s.row, s.reason) for s in parsed.skipped] == [
        (2, "due date '31/02/2022' is no such day (dates are read day first, e.g. 28/02/2023)"),
        (3, "due date '12/25/2021' is no such day (dates are read day first, e.g. 28/02/2023)")]


def test_real_date_cells_with_any_number_format(tmp_path):
    path = tmp_path / "log.xlsx"
    wb = save_rows(path, [["Ref", "Meeting", "Action"],
                          [1, dt.datetime(2021, 9, 7), "a"], [2, dt.datetime(2021, 10, 12), "b"]])
    wb.active["B2"].number_format = "dd mmmm yyyy"
    wb.active["B3"].number_format = "d-mmm-yy"
    wb.save(path)
    assert [r.fields["meeting_date"] for r in parse_workbook(path).rows] == \
        [D(2021, 9, 7), D(2021, 10, 12)]


# ---------------------------------------------------------------- action statuses

@pytest.mark.parametrize(("written", "status", "overdue"), [
    ("OVERDUE", "open", True),
    ("Overdue", "open", True),
    ("COMPLETED", "completed", False),
    ("Completed", "completed", False),
    ("Complete", "completed", False),
    ("Complete - circulated 3 Oct", "completed", False),
    ("Done", "completed", False),
    ("Closed", "completed", False),
    ("Red", "open", True),
    ("Amber", "open", False),
    ("Green", "completed", False),
    ("In progress", "open", False),
    ("Ongoing", "open", False),
    ("Not complete", "open", False),
    ("Incomplete", "open", False),
    ("Open", "open", False),
    (None, "open", False),
])
def test_action_status_words(tmp_path, written, status, overdue):
    fields = actions(tmp_path, [[1, "07/09/2021", "Write to the MP", None, written]])[0]
    assert (fields["status"], fields["overdue_flag"], fields["reported_complete"]) == \
        (status, overdue, False)


def _rag_log(tmp_path, fills, header="RAG"):
    path = tmp_path / "rag.xlsx"
    wb = save_rows(path, [["Ref", "Action", header]] +
                   [[i, f"Action {i}", None] for i in range(1, len(fills) + 1)])
    for i, fill in enumerate(fills, start=2):
        if fill is not None:
            wb.active.cell(i, 3).fill = fill
    wb.save(path)
    parsed = parse_workbook(path, kind="actions")
    assert not parsed.skipped
    return parsed.rows


def solid(color):
    return PatternFill(fill_type="solid", fgColor=color)


def test_rag_colours_in_the_status_cell(tmp_path):
    rows = _rag_log(tmp_path, [
        solid("FFFF0000"),                     # red
        solid("FFFFC000"),                     # amber
        solid("FF00B050"),                     # green
        solid("FFFFC7CE"),                     # Excel's "Bad" pale red
        solid("FFC6EFCE"),                     # Excel's "Good" pale green
        solid(Color(indexed=10)),              # legacy palette red
        solid(Color(theme=6)),                 # theme accent 3: green in this file's theme
        solid("FFDDEBF7"),                     # pale blue: no RAG meaning
        PatternFill(fill_type=None, fgColor="FFFF0000"),  # no fill at all
        None,
    ])
    assert [(r.fields["status"], r.fields["overdue_flag"]) for r in rows] == [
        ("open", True), ("open", False), ("completed", False), ("open", True),
        ("completed", False), ("open", True), ("completed", False), ("open", False),
        ("open", False), ("open", False)]


def test_words_win_over_the_fill(tmp_path):
    path = tmp_path / "rag.xlsx"
    wb = save_rows(path, [["Ref", "Action", "Status"], [1, "Write", "Completed"],
                          [2, "Send", "In progress"]])
    wb.active["C2"].fill = solid("FFFF0000")
    wb.active["C3"].fill = solid("FFFF0000")
    wb.save(path)
    rows = parse_workbook(path).rows
    assert [(r.fields["status"], r.fields["overdue_flag"]) for r in rows] == \
        [("completed", False), ("open", True)]


# ---------------------------------------------------------------- recommendation statuses

@pytest.mark.parametrize(("written", "status"), [
    ("Completed", "completed"), ("Complete", "completed"), ("Done", "completed"),
    ("Implemented", "completed"), ("Green", "completed"), ("In progress", "in_progress"),
    ("Ongoing", "in_progress"), ("Amber", "in_progress"), ("Partially implemented",
                                                           "in_progress"),
    ("Underway", "in_progress"), ("Red", "open"), ("Open", "open"),
    ("Awaiting response", "open"), ("Not started", "open"), (None, "open"),
])
def test_recommendation_status_words(tmp_path, written, status):
    path = tmp_path / "recs.xlsx"
    save_rows(path, [["Meeting", "Recommendation", "Status"],
                     ["12/10/2021", "Consider an exemption", written]])
    assert parse_workbook(path).rows[0].fields["status"] == status


def test_recommendation_rag_fills(tmp_path):
    path = tmp_path / "recs.xlsx"
    wb = save_rows(path, [["Meeting", "Recommendation", "RAG"]] +
                   [["12/10/2021", f"Recommendation {i}", None] for i in range(3)])
    for row, colour in zip((2, 3, 4), ("FFFF0000", "FFFFC000", "FF92D050")):
        wb.active.cell(row, 3).fill = solid(colour)
    wb.save(path)
    assert [r.fields["status"] for r in parse_workbook(path).rows] == \
        ["open", "in_progress", "completed"]


@pytest.mark.parametrize(("written", "verdict"), [
    ("Accepted", "accepted"), ("Agreed", "accepted"), ("Partially accepted",
                                                       "partially_accepted"),
    ("Accepted in part", "partially_accepted"), ("Rejected", "rejected"),
    ("Not accepted", "rejected"), ("Noted", "noted"), ("Awaiting response", "awaiting"),
    (None, None),
])
def test_verdict_words(tmp_path, written, verdict):
    path = tmp_path / "recs.xlsx"
    save_rows(path, [["Meeting", "Recommendation", "Verdict"],
                     ["12/10/2021", "Consider an exemption", written]])
    assert parse_workbook(path).rows[0].fields["verdict"] == verdict


# ---------------------------------------------------------------- headings

@pytest.mark.parametrize(("text", "hint", "day"), [
    ("Thursday 5 August 2021, 2:30 pm", None, D(2021, 8, 5)),
    ("Tuesday 7 December 2021, 2:30 pm Publication deadline: - 29 November", None,
     D(2021, 12, 7)),
    ("Tuesday 23 November 2021 – improvement focus", None, D(2021, 11, 23)),
    ("28 July 2020", None, D(2020, 7, 28)),
    ("02/11/2021", None, D(2021, 11, 2)),
    ("7 September cont.", D(2021, 8, 5), D(2021, 9, 7)),
    ("11 January", D(2021, 12, 7), D(2022, 1, 11)),     # the next year after December
    ("Publication deadline: 28 July", D(2021, 7, 1), None),
    ("12 October 2021 the committee asked for a further report on this", None, None),
    ("7 September the committee asked for a further report", D(2021, 8, 5), None),
    ("Work programme 2022/23", None, None),
    ("Youth Justice Plan", None, None),
])
def test_heading_dates(text, hint, day):
    from desktop_app.importers.xlsx_values import heading_date
    assert heading_date(text, hint) == day


def test_a_heading_without_a_year_needs_one_above_it():
    from desktop_app.importers.xlsx_values import NoYear, heading_date
    with pytest.raises(NoYear, match="gives no year"):
        heading_date("7 September cont.", None)


@pytest.mark.parametrize(("written", "who", "when"), [
    ("Head of Finance – 31 March 2023", "Head of Finance", "31 March 2023"),
    ("Customer Services Manager - July 2023", "Customer Services Manager", "July 2023"),
    ("Head of HR - Organisational Development – 31st August 2023",
     "Head of HR - Organisational Development", "31st August 2023"),
    ("Head of Legal, by 30 June 2023", "Head of Legal", "30 June 2023"),
    ("Head of Legal (30/06/2023)", "Head of Legal", "30/06/2023"),
    ("Smith, Jane", "Smith, Jane", ""),  # a comma splits only before a date
    ("Chief Executive", "Chief Executive", ""),
    ("31 March 2023", "", "31 March 2023"),
])
def test_by_whom_by_when_is_split_into_owner_and_due(written, who, when):
    from desktop_app.importers.xlsx_values import split_owner_due
    assert split_owner_due(written) == (who, when)


def test_a_header_listing_the_verdicts_is_the_verdict_column():
    from desktop_app.importers.xlsx_vocab import match_header, normalise
    assert match_header("recommendations", normalise(
        "Cabinet Response (Accept / Reject / Partially Accept)")) == ("verdict", 0)
    assert match_header("recommendations", normalise("Cabinet response (see notes)")) == \
        match_header("recommendations", "cabinet response")
    assert match_header("actions", normalise("By whom / by when"))[0] == "owner_and_due"
