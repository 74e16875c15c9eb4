"""Workbook -> rows: several sheets (a "Reported complete" tab, which tabs hold finished
actions), merged and continued rows, and rows that cannot be read (skipped, with sheet, row
and reason). One small workbook per real-world quirk; the header words are test_xlsx_reader.py's."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.importers.xlsx_reader import parse_workbook
from tests.fixtures_xlsx import save_rows
from tests.unit.test_xlsx_reader import only

D = dt.date


# ---------------------------------------------------------------- several sheets

def test_reported_complete_tab_means_completed_and_reported(tmp_path):
    header = ["Action Number", "Meeting Date", "Action", "Owner", "Reported complete"]
    path = tmp_path / "log.xlsx"
    save_rows(path, [header, [5, "12/10/2021", "Circulate the KPIs", "Richard Watson", ""]],
              title="Action log",
              more={"Reported complete": [header, [3, "07/09/2021", "Seek an update",
                                                   "Clerk to the committee", "COMPLETED"]]})
    parsed = parse_workbook(path)
    by_ref = {r.fields["ref"]: r for r in parsed.rows}
    assert by_ref["5"].fields["status"] == "open"
    assert by_ref["5"].fields["reported_complete"] is False
    assert by_ref["3"].sheet == "Reported complete"
    assert (by_ref["3"].fields["status"], by_ref["3"].fields["reported_complete"]) == \
        ("completed", True)
    assert by_ref["3"].fields["reported_on"] is None


def test_reported_complete_tab_with_the_date_reported(tmp_path):
    header = ["Action Number", "Meeting Date", "Action", "Owner", "Reported complete"]
    path = tmp_path / "log.xlsx"
    save_rows(path, [header, [5, "12/10/2021", "Circulate the KPIs", "Richard Watson", ""]],
              title="Action log",
              more={"Reported complete": [header, [3, "07/09/2021", "Seek an update", "Clerk",
                                                   dt.datetime(2021, 10, 12)]]})
    done = [r.fields for r in parse_workbook(path).rows if r.sheet == "Reported complete"]
    assert [(f["status"], f["reported_complete"], f["reported_on"]) for f in done] == \
        [("completed", True, D(2021, 10, 12))]


def test_reported_complete_date_beside_a_status_column(tmp_path):
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Ref", "Action", "Status", "Reported complete"],
                     [1, "Write to the MP", "Completed", "23/11/2021"],
                     [2, "Send the KPIs", "Completed", ""],
                     [3, "Book the visit", "Open", ""]])
    got = [(r.fields["status"], r.fields["reported_complete"], r.fields["reported_on"])
           for r in parse_workbook(path).rows]
    assert got == [("completed", True, D(2021, 11, 23)), ("completed", False, None),
                   ("open", False, None)]


# ---------------------------------------------------------------- merged and continued rows

def test_merged_meeting_and_item_cells_cover_their_rows(tmp_path):
    path = tmp_path / "schedule.xlsx"
    wb = save_rows(path, [
        ["Meeting", "Item", "Recommendations", "Response", "Status"],
        [dt.datetime(2021, 8, 5), "Youth Justice Plan 2021-2022", "Endorse the plan", "Noted.",
         "Completed"],
        [None, None, "A written briefing on diversionary schemes", "Briefing circulated", None],
        [None, "Co-optee membership", "Adopt the appointment process", "Noted.", None],
        [dt.datetime(2021, 9, 7), "Work Programme Review", "Agree the work programme", "", None],
    ])
    ws = wb.active
    ws.merge_cells("A2:A4")
    ws.merge_cells("B2:B3")
    ws.merge_cells("E2:E3")
    wb.save(path)
    rows = parse_workbook(path).rows
    assert [(r.fields["meeting_date"], r.fields["item"], r.fields["status"]) for r in rows] == [
        (D(2021, 8, 5), "Youth Justice Plan 2021-2022", "completed"),
        (D(2021, 8, 5), "Youth Justice Plan 2021-2022", "completed"),
        (D(2021, 8, 5), "Co-optee membership", "open"),
        (D(2021, 9, 7), "Work Programme Review", "open")]


def test_continuation_rows_and_a_status_written_once(tmp_path):
    """Seed 003's layout: meeting and item blank on an item's later rows, its status on the
    first row only."""
    path = tmp_path / "schedule.xlsx"
    save_rows(path, [
        ["Meeting", "item", "Recommendations", "Action", "Status"],
        ["15 July 2019", "Corporate Parenting", "A briefing note on the panel", "Circulated",
         "Completed"],
        [None, None, "A briefing note on the covenant", "Circulated", None],
        [None, "Fostering and adoption", "A letter to the Wye Valley Trust", "Sent", None],
        [None, None, "A session on case samples", "", None],
        ["16 September 2019", None, "Supports the accommodation service", "", None]])
    rows = parse_workbook(path).rows
    assert [(r.fields["meeting_date"], r.fields["item"], r.fields["status"]) for r in rows] == [
        (D(2019, 7, 15), "Corporate Parenting", "completed"),
        (D(2019, 7, 15), "Corporate Parenting", "completed"),
        (D(2019, 7, 15), "Fostering and adoption", "open"),
        (D(2019, 7, 15), "Fostering and adoption", "open"),
        (D(2019, 9, 16), "", "open")]


def test_one_row_is_one_recommendation(tmp_path):
    text = ("That the improvement notice is noted\nThat Jane Ellis be invited to join the "
            "improvement board.\n• That additional meetings be added")
    path = tmp_path / "schedule.xlsx"
    save_rows(path, [["Meeting", "Item", "Recommendations"],
                     ["01/06/2021", "Improvement Plan", text],
                     [None, None, "That details of good practice be provided."]])
    rows = parse_workbook(path).rows
    assert [r.fields["text"] for r in rows] == [text, "That details of good practice be provided."]


def test_year_banner_rows_are_not_rows(tmp_path):
    path = tmp_path / "schedule.xlsx"
    save_rows(path, [["Meeting", "item", "Recommendations", "Action", "Status"],
                     ["25 November 2019", "Budget", "Supports the investments", "", "Completed"],
                     [None, "2019 / 2020", None, None, None],
                     ["14 January 2020", "Budget", "Writes to the MPs", "Sent", "Completed"]])
    parsed = parse_workbook(path)
    assert [r.row_number for r in parsed.rows] == [2, 4]
    assert not parsed.skipped


def test_template_rows_with_only_a_number_are_not_rows(tmp_path):
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Ref", "Meeting", "Action", "Owner"],
                     [1, "07/09/2021", "Write to the MP", "Clerk"],
                     [2, None, None, None], [3, None, None, None]])
    parsed = parse_workbook(path)
    assert len(parsed.rows) == 1
    assert not parsed.skipped


# ---------------------------------------------------------------- rows that cannot be read

def test_bad_rows_are_skipped_with_sheet_row_and_reason(tmp_path):
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Ref", "Meeting", "Action", "Owner", "Status"],
                     [1, "07/09/2021", "Write to the MP", "Clerk", ""],
                     [2, "next week", "Send the KPIs", "Clerk", ""],
                     [3, "07/09/2021", "Book the visit", "Clerk", "Parked?"],
                     [4, "07/09/2021", None, "Clerk", ""],
                     [5, "07/09/2021", "Arrange the workshop", "Clerk", "Done"]], title="Log")
    parsed = parse_workbook(path)
    # a status word nobody knows does not make a bad row: open, and counted (issue 13)
    assert [r.fields["ref"] for r in parsed.rows] == ["1", "3", "5"]
    assert parsed.rows[1].fields["unknown_status"] == "Parked?"
    assert [(s.sheet, s.row) for s in parsed.skipped] == [("Log", 3), ("Log", 5)]
    reasons = [s.reason for s in parsed.skipped]
    assert reasons[0] == "meeting date 'next week' is not a date"
    assert reasons[1] == "no action text"
    assert str(parsed.skipped[0]) == "sheet 'Log' row 3: meeting date 'next week' is not a date"


def test_unknown_verdict_and_sent_date_are_skips(tmp_path):
    path = tmp_path / "schedule.xlsx"
    save_rows(path, [["Meeting", "Recommendation", "Verdict", "Date sent"],
                     ["12/10/2021", "Consider an exemption", "Maybe", ""],
                     ["12/10/2021", "Test the market", "Accepted", "soon"]])
    parsed = parse_workbook(path)
    assert parsed.rows == []
    assert [s.reason.split(" not")[0] for s in parsed.skipped] == ["verdict 'Maybe'",
                                                                    "sent on 'soon' is"]



@pytest.mark.parametrize(("title", "status", "reported"), [
    ("Reported complete", "completed", True),
    ("REPORTED COMPLETE 2021-22", "completed", True),
    ("Completed actions", "completed", False),
    ("Closed", "completed", False),
    ("Archive 2020", "completed", False),
    ("Incomplete", "open", False),
    ("Open and completed", "open", False),
    ("Not reported", "open", False),
    ("Action log", "open", False),
])
def test_which_tabs_hold_finished_actions(tmp_path, title, status, reported):
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Ref", "Action", "Owner"], [1, "Write to the MP", "Clerk"]], title=title)
    fields = only(parse_workbook(path, kind="actions"))
    assert (fields["status"], fields["reported_complete"]) == (status, reported)


def test_totals_and_footnotes_under_the_table_are_not_records(tmp_path):
    """A "Total" row counting the actions and "Note:" lines alone on their rows (in any
    column, the action's own included) are not actions; an action that says "Note the ..."
    or a row whose action reads "Total spend..." still is."""
    header = ["Ref", "Meeting Date", "Action", "Owner", "Status"]
    path = tmp_path / "log.xlsx"
    save_rows(path, [header,
                     ["A1", "12/10/2021", "Note the revised budget figures", "Clerk", "Open"],
                     ["A2", "12/10/2021", "Total spend on agency staff to be reported",
                      "Head of HR", "Open"],
                     [],
                     ["Total", "", 2],
                     ["", "", "Note: target dates are agreed at the meeting."],
                     ["NB: completed actions are removed after one meeting."]],
              title="Action log")
    parsed = parse_workbook(path)
    assert [r.fields["ref"] for r in parsed.rows] == ["A1", "A2"]
    assert not parsed.skipped
