"""Workbook -> rows: header words, where the header is, the user's mapping, kinds and work
programme layouts. One small workbook per real-world quirk; several sheets, merged and continued
rows and unreadable rows are test_xlsx_reader_rows.py's."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from desktop_app.importers.xlsx_reader import FIELDS, ImportFileError, parse_workbook
from tests.fixtures_xlsx import save_rows

D = dt.date


def only(parsed, index=0):
    assert not parsed.skipped, parsed.skipped
    return parsed.rows[index].fields


# ---------------------------------------------------------------- header words

ACTION_ROW = [7, "07/09/2021", "Provide an example of an induction pack", "Claire Ward",
              "Corporate Centre", "Legal services checking", "02/11/2021", "OVERDUE"]


@pytest.mark.parametrize("header", [
    ["Action Number", "Meeting Date", "Action", "Owner", "Directorate", "Progress Update",
     "Due date", "Reported complete"],
    ["Ref", "Meeting", "Action required", "Lead officer", "Service", "Update", "Deadline",
     "Status"],
    ["No.", "Date of meeting", "Action agreed", "Responsible officer", "Department",
     "Comments", "Target date", "RAG"],
    ["Action no:", "Meeting date:", "ACTION", "Owner(s)", "Service area", "Progress",
     "Due", "Status"],
])
def test_action_log_header_words(tmp_path, header):
    path = tmp_path / "log.xlsx"
    save_rows(path, [header, ACTION_ROW])
    parsed = parse_workbook(path)
    assert parsed.kind == "actions"
    assert only(parsed) == {
        "ref": "7", "meeting_date": D(2021, 9, 7), "item": "",
        "text": "Provide an example of an induction pack", "owner": "Claire Ward",
        "directorate": "Corporate Centre", "progress": "Legal services checking",
        "due_date": D(2021, 11, 2), "due_text": "", "status": "open",
        "reported_complete": False, "reported_on": None, "overdue_flag": True,
        "completed_on": None,
        # the officer's words, kept (issue 13)
        "status_word": "OVERDUE", "rag": "", "extra": {}, "unknown_status": ""}


@pytest.mark.parametrize("header", [
    ["Meeting", "item", "Recommendations", "Action", "Status"],
    ["Date of meeting", "Agenda item", "Recommendation", "Executive response", "RAG"],
    ["Meeting date", "Report", "Recommendations made", "Update", "Status"],
])
def test_recommendation_header_words(tmp_path, header):
    """In a schedule the "Action" column is the executive's response, not the text."""
    path = tmp_path / "schedule.xlsx"
    save_rows(path, [header, ["15 July 2019", "Corporate Parenting Annual Update",
                              "A briefing note is provided on SHYPP referral levels.",
                              "Circulated on 3 October 2019", "Completed"]])
    parsed = parse_workbook(path)
    assert parsed.kind == "recommendations"
    assert only(parsed) == {
        "meeting_date": D(2019, 7, 15), "item": "Corporate Parenting Annual Update",
        "label": "", "text": "A briefing note is provided on SHYPP referral levels.",
        "addressee": "", "response": "Circulated on 3 October 2019", "verdict": None,
        "status": "completed", "sent_on": None, "response_on": None,        # the officer's words, kept (issue 13)
        "status_word": "Completed", "verdict_word": "", "rag": "", "extra": {},
        "unknown_status": ""}


def test_recommendation_extra_columns(tmp_path):
    path = tmp_path / "schedule.xlsx"
    save_rows(path, [
        ["Rec no.", "Meeting date", "Item", "Recommendation", "Recommendation to",
         "Date sent", "Accepted / rejected", "Executive response", "Status",
         "Response received"],
        ["R3", dt.datetime(2021, 10, 12), "Bromyard children's centre",
         "(a) That the Executive consider an exemption", "Cabinet member, children",
         "15/10/2021", "Partially accepted", "Exemption considered", "In progress",
         "01/12/2021"]])
    assert only(parse_workbook(path)) == {
        "meeting_date": D(2021, 10, 12), "item": "Bromyard children's centre", "label": "R3",
        "text": "(a) That the Executive consider an exemption",
        "addressee": "Cabinet member, children", "response": "Exemption considered",
        "verdict": "partially_accepted", "status": "in_progress", "sent_on": D(2021, 10, 15),
        "response_on": D(2021, 12, 1),        # the officer's words, kept (issue 13)
        "status_word": "In progress", "verdict_word": "Partially accepted", "rag": "",
        "extra": {}, "unknown_status": ""}


def test_recommendation_label_from_the_text(tmp_path):
    path = tmp_path / "schedule.xlsx"
    save_rows(path, [["Meeting", "Item", "Recommendations", "Response"],
                     ["12/10/2021", "Training", "(b) The Chairperson to draft a response", ""],
                     ["", "", "2) That the committee notes the offer", ""],
                     ["", "", "A plain recommendation", ""]])
    assert [r.fields["label"] for r in parse_workbook(path).rows] == ["(b)", "2)", ""]


@pytest.mark.parametrize("header", [
    ["Item [type of scrutiny]:", "Origin:", "Lead officer(s):", "Current position:",
     "Meeting date"],
    ["Topic", "Source", "Lead", "Position", "Date of meeting"],
    ["Title", "Requested by", "Report author", "Current status", "Committee date"],
])
def test_work_programme_header_words(tmp_path, header):
    path = tmp_path / "wp.xlsx"
    save_rows(path, [header, ["Youth Justice Plan [Pre-decision scrutiny]",
                              "Standard annual item", "Keith Barham", "Agenda published",
                              "05/08/2021"]])
    parsed = parse_workbook(path)
    assert parsed.kind == "work-programme"
    assert only(parsed) == {
        "title": "Youth Justice Plan", "format": "agenda_item",
        "scrutiny_type": "Pre-decision scrutiny", "origin": "Standard annual item",
        "lead": "Keith Barham", "position": "Agenda published", "meeting_date": D(2021, 8, 5),
        "target": "", "target_date": None, "status": "scheduled", "moves": [],        # the officer's words, kept (issue 13)
        "status_word": "", "rag": "", "extra": {}, "unknown_status": ""}


def test_every_field_is_always_present(tmp_path):
    path = tmp_path / "thin.xlsx"
    save_rows(path, [["Action", "Owner"], ["Circulate the KPIs", "Richard Watson"]])
    fields = only(parse_workbook(path))
    assert list(fields) == list(FIELDS["actions"])
    assert fields["meeting_date"] is None
    assert fields["status"] == "open"


# ---------------------------------------------------------------- where the header is

def test_title_banner_and_legend_rows_above_the_header(tmp_path):
    path = tmp_path / "log.xlsx"
    wb = save_rows(path, [
        ["Children and young people scrutiny committee action log"],
        [],
        ["COMPLETED ACTIONS WILL BE MOVED TO THE 'REPORTED COMPLETE' TAB", None, None, None,
         "RED TEXT INDICATES UPDATES MADE SINCE THE LAST MEETING"],
        ["Action Number", "Meeting Date", "Action", "Owner"],
        [1, "07 September 2021", "Check the Human Rights Act", "Claire Ward"]])
    wb.active.merge_cells("A1:H1")
    wb.save(path)
    parsed = parse_workbook(path)
    assert [r.row_number for r in parsed.rows] == [5]
    assert parsed.rows[0].fields["text"] == "Check the Human Rights Act"


def test_header_on_row_15(tmp_path):
    path = tmp_path / "deep.xlsx"
    save_rows(path, [[f"Note {i}"] for i in range(14)] +
              [["Ref", "Action", "Owner"], ["SOS/22/01", "Write to the MP", "Clerk"]])
    parsed = parse_workbook(path)
    assert parsed.rows[0].row_number == 16
    assert parsed.rows[0].fields["ref"] == "SOS/22/01"


def test_header_below_blank_rows_counts_from_the_first_used_row(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["C40"], ws["D40"] = "Action", "Owner"
    ws["C41"], ws["D41"] = "Write to the MP", "Clerk"
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    fields = only(parse_workbook(path))
    assert (fields["text"], fields["owner"]) == ("Write to the MP", "Clerk")


# ---------------------------------------------------------------- the user's mapping

def test_mapping_names_unknown_headers_and_overrides_known_ones(tmp_path):
    path = tmp_path / "odd.xlsx"
    save_rows(path, [
        ["Meeting", "Recommendation", "Cabinet reply", "Update", "Private notes"],
        ["12/10/2021", "That the Executive consider an exemption", "Agreed to consider",
         "Exemption applied for", "chase Andy"]])
    plain = only(parse_workbook(path))
    assert plain["response"] == "Exemption applied for"
    mapped = only(parse_workbook(path, mapping={"Cabinet reply": "response",
                                                "Private notes": "ignore"}))
    assert mapped["response"] == "Agreed to consider"
    assert mapped["text"] == "That the Executive consider an exemption"


def test_mapping_finds_a_header_the_vocabulary_does_not_know(tmp_path):
    path = tmp_path / "odd.xlsx"
    save_rows(path, [["Seq", "What we agreed", "Who"], ["A1", "Write to the MP", "Clerk"]])
    with pytest.raises(ImportFileError):
        parse_workbook(path)
    fields = only(parse_workbook(path, kind="actions",
                                 mapping={"What we agreed": "text", "Seq": "ref", "Who": "owner"}))
    assert (fields["ref"], fields["text"], fields["owner"]) == ("A1", "Write to the MP", "Clerk")


def test_mapping_errors_name_the_problem(tmp_path):
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Ref", "Action", "Owner"], [1, "Write to the MP", "Clerk"]])
    with pytest.raises(ImportFileError, match="'colour' is not a field of actions"):
        parse_workbook(path, mapping={"Owner": "colour"})
    with pytest.raises(ImportFileError, match="no header 'owner name'"):
        parse_workbook(path, mapping={"Owner name": "owner"})


# ---------------------------------------------------------------- kind

def test_kind_from_sheet_name_when_headers_fit_two_kinds(tmp_path):
    rows = [["Item", "Recommendation", "Update"], ["Budget", "Write to the MPs", "Sent"]]
    save_rows(tmp_path / "a.xlsx", rows, title="Action log")
    save_rows(tmp_path / "b.xlsx", rows, title="Sheet1")
    assert parse_workbook(tmp_path / "a.xlsx").kind == "actions"
    assert parse_workbook(tmp_path / "b.xlsx").kind == "recommendations"


def test_kind_can_be_given(tmp_path):
    path = tmp_path / "b.xlsx"
    save_rows(path, [["Item", "Recommendation", "Update"], ["Budget", "Write to the MPs", "Sent"]])
    parsed = parse_workbook(path, kind="actions")
    assert parsed.kind == "actions"
    assert (parsed.rows[0].fields["text"], parsed.rows[0].fields["progress"]) == \
        ("Write to the MPs", "Sent")
    with pytest.raises(ImportFileError, match="unknown kind"):
        parse_workbook(path, kind="minutes")


def test_a_sheet_without_the_kinds_header_is_noted_not_read(tmp_path):
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Ref", "Action", "Owner"], [1, "Write to the MP", "Clerk"]],
              title="Action log", more={"Lists": [["Open"], ["Completed"]]})
    parsed = parse_workbook(path)
    assert len(parsed.rows) == 1
    assert parsed.notes == ["sheet 'Lists' has no actions header row: ignored"]


# ---------------------------------------------------------------- work programme layouts

def test_work_programme_meeting_column_words(tmp_path):
    path = tmp_path / "wp.xlsx"
    save_rows(path, [
        ["Item", "Format", "Meeting date", "Target date", "Status", "Lead officer"],
        ["Dental health", "Agenda item", "07/12/2021", None, None, "Public health"],
        ["Carers portal", "Briefing note", "To be scheduled", None, None, "Matthew Sampson"],
        ["Kick Start Programme", "Briefing", None, "June / July 2021", None, ""],
        ["NEETs", "T&F", "Summer 2022", None, "Proposed", ""],
        ["IRO service", "Workshop", "TBC", "12 Oct 21", "Deferred", ""],
        ["Annual report of the LADO", "Annual report", "22/03/2022", None, "Delivered", ""]])
    rows = {r.fields["title"]: r.fields for r in only_rows(path)}
    assert {t: (f["format"], f["meeting_date"], f["target"], f["target_date"], f["status"])
            for t, f in rows.items()} == {
        "Dental health": ("agenda_item", D(2021, 12, 7), "", None, "scheduled"),
        "Carers portal": ("briefing_note", None, "", None, "proposed"),
        "Kick Start Programme": ("briefing_note", None, "June / July 2021", None, "proposed"),
        "NEETs": ("task_and_finish", None, "Summer 2022", None, "proposed"),
        "IRO service": ("workshop", None, "", D(2021, 10, 12), "deferred"),
        "Annual report of the LADO": ("annual_report", D(2022, 3, 22), "", None, "delivered")}


def only_rows(path, **kwargs):
    parsed = parse_workbook(path, **kwargs)
    assert not parsed.skipped, parsed.skipped
    return parsed.rows


def test_work_programme_scrutiny_type_column_wins_over_brackets(tmp_path):
    path = tmp_path / "wp.xlsx"
    save_rows(path, [["Item", "Type of scrutiny", "Origin"],
                     ["Budget [Pre-decision]", "Policy development", "Annual"],
                     ["Mental health [Performance review]", None, "Requested"]])
    got = [(r.fields["title"], r.fields["scrutiny_type"]) for r in only_rows(path)]
    assert got == [("Budget [Pre-decision]", "Policy development"),
                   ("Mental health", "Performance review")]


def test_year_less_heading_without_a_year_anywhere_skips_its_rows(tmp_path):
    path = tmp_path / "wp.xlsx"
    save_rows(path, [["Item", "Origin", "Lead officer", "Current position"],
                     ["Budget", "Annual", "Finance", ""],
                     ["7 September cont."],
                     ["Item", "Origin", "Lead officer", "Current position"],
                     ["Legal team", "Requested", "Kate Charlton", ""]], title="Agenda")
    parsed = parse_workbook(path)
    assert [r.fields["title"] for r in parsed.rows] == ["Budget"]
    assert [(s.row, s.reason) for s in parsed.skipped] == [
        (5, "the heading '7 September cont.' gives no year; write the year in it")]


def test_headings_between_blocks_set_the_meeting(tmp_path):
    path = tmp_path / "wp.xlsx"
    header = ["Item [type of scrutiny]:", "Origin:", "Lead officer(s):", "Current position:"]
    save_rows(path, [
        ["Work programme 2021/22"],
        ["Thursday 5 August 2021, 2:30 pm"],
        ["Publication deadline: 28 July"],
        header,
        ["Co-optees report", "Council resolution", "Claire Ward", ""],
        [],
        ["7 September cont.", None, "Publication deadline: - 27 August"],
        ["Improvement focus"],
        header,
        ["Legal team improvement [Performance review]", "Requested", "Kate Charlton",
         "Delivered"],
        ["Tuesday 11 January 2022"],
        header,
        ["Budget", "Annual", "Andrew Lovegrove", ""],
        ["Workshops / seminars"],
        ["Topic:", "Origin:", "Lead officer(s):", "Current position:"],
        ["IRO service", "Agreed 12 October", "Matthew Sampson", "To be arranged"],
        ["Briefing notes (1/1)"],
        ["Topic:", "Target date:", "Lead officer(s):", "Current position:"],
        ["Kick Start Programme", "June / July 2021", "", ""]])
    rows = only_rows(path)
    assert [(r.fields["title"], r.fields["format"], r.fields["meeting_date"], r.fields["target"],
             r.fields["status"]) for r in rows] == [
        ("Co-optees report", "agenda_item", D(2021, 8, 5), "", "scheduled"),
        ("Legal team improvement", "agenda_item", D(2021, 9, 7), "", "delivered"),
        ("Budget", "agenda_item", D(2022, 1, 11), "", "scheduled"),
        ("IRO service", "workshop", None, "", "proposed"),
        ("Kick Start Programme", "briefing_note", None, "June / July 2021", "proposed")]
    assert rows[3].fields["origin"] == "Agreed 12 October"


def test_rows_under_a_heading_before_its_header_are_reported(tmp_path):
    path = tmp_path / "wp.xlsx"
    header = ["Item", "Origin", "Lead officer", "Current position"]
    save_rows(path, [header, ["Budget", "Annual", "Finance", ""],
                     ["Tuesday 11 January 2022"],
                     ["Mental health", "Requested", "Ceri Morgan", ""],
                     header, ["Schools", "Requested", "", ""]], title="WP")
    parsed = parse_workbook(path)
    assert [r.fields["title"] for r in parsed.rows] == ["Budget", "Schools"]
    assert [(s.sheet, s.row) for s in parsed.skipped] == [("WP", 4)]
    assert "between a heading and the next header row" in parsed.skipped[0].reason
