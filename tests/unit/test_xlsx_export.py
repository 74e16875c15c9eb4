"""Workbook exports: the seed layouts, real dates, colours, and no formula ever runs."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from desktop_app.domain.records import ActionRow, RecommendationRow, WorkItemRow
from desktop_app.exporters.xlsx_export import (ACTION_HEADER, REC_HEADER, STATUS_WORD_HEADER,
                                               write_actions,
                                               write_recommendations, write_work_programme)
from desktop_app.importers.xlsx_reader import parse_workbook

D = dt.date
CYP = "Children and Young People Scrutiny Committee"


def action(**kw) -> ActionRow:
    base = dict(id=1, version=1, committee_id=1, committee=CYP, ref="1", meeting_id=1,
                meeting_date=D(2021, 9, 7), item="", text="Check the Human Rights Act",
                owner="Claire Ward", directorate="Corporate Centre",
                progress="Legal services checking", due_date=D(2021, 11, 2), due_text="",
                status="open", completed_on=None, overdue=False, reported_complete_on=None,
                new_since_last_meeting=False, updated_since_last_meeting=False)
    base.update(kw)
    return ActionRow(**base)


def rec(**kw) -> RecommendationRow:
    base = dict(id=1, version=1, committee_id=1, committee=CYP, meeting_id=1,
                meeting_date=D(2021, 10, 12), item="Bromyard", label="(a)",
                text="(a) That the Executive consider an exemption", addressee="Cabinet",
                sent_on=D(2021, 10, 15), response="", verdict="awaiting", response_due=None,
                response_overdue=False, status="open", new_since_last_meeting=False,
                updated_since_last_meeting=False)
    base.update(kw)
    return RecommendationRow(**base)


def work(**kw) -> WorkItemRow:
    base = dict(id=1, version=1, committee_id=1, title="Dental health", format="agenda_item",
                scrutiny_type="Performance review", origin="Current work programme",
                lead="Public health", position="", meeting_id=1, meeting_date=D(2021, 12, 7),
                target="", target_date=None, status="scheduled", sort_order=0)
    base.update(kw)
    return WorkItemRow(**base)


def test_action_log_layout(tmp_path):
    path = tmp_path / "log.xlsx"
    write_actions(path, [
        action(ref="1", overdue=True),
        action(ref="3", status="completed", updated_since_last_meeting=True),
        action(ref="5", meeting_date=D(2021, 10, 12), text="Circulate the KPIs",
               new_since_last_meeting=True, due_date=None, due_text="Summer 2021"),
        action(ref="SOS/22/01", status="completed", reported_complete_on=D(2021, 10, 12))], CYP)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Action log", "Reported complete"]
    ws = wb["Action log"]
    assert ws["A1"].value == f"{CYP} action log"
    assert ws["A2"].value.startswith("COMPLETED ACTIONS WILL BE MOVED")
    assert ws["E2"].value.startswith("RED TEXT INDICATES UPDATES MADE SINCE THE LAST MEETING")
    assert [c.value for c in ws[3]] == [*ACTION_HEADER, STATUS_WORD_HEADER]
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:J6"  # and "Status as written"
    assert ws.column_dimensions["C"].width == 60
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_col=8)] == [
        [1, dt.datetime(2021, 9, 7), "Check the Human Rights Act", "Claire Ward",
         "Corporate Centre", "Legal services checking", dt.datetime(2021, 11, 2), "OVERDUE"],
        [3, dt.datetime(2021, 9, 7), "Check the Human Rights Act", "Claire Ward",
         "Corporate Centre", "Legal services checking", dt.datetime(2021, 11, 2), "COMPLETED"],
        [5, dt.datetime(2021, 10, 12), "Circulate the KPIs", "Claire Ward", "Corporate Centre",
         "Legal services checking", "Summer 2021", None]]
    assert ws["B4"].number_format == "dd/mm/yyyy"
    assert ws["G4"].number_format == "dd/mm/yyyy"
    assert ws["A4"].font.color is None or ws["A4"].font.color.rgb not in ("FF0070C0", "FFFF0000")
    assert ws["F5"].font.color.rgb == "FFFF0000"      # updated: the progress in red
    assert all(ws.cell(6, c).font.color.rgb == "FF0070C0" for c in range(1, 8))  # new: blue
    done = wb["Reported complete"]
    assert [c.value for c in done[4]][:8] == [
        "SOS/22/01", dt.datetime(2021, 9, 7), "Check the Human Rights Act", "Claire Ward",
        "Corporate Centre", "Legal services checking", dt.datetime(2021, 11, 2),
        dt.datetime(2021, 10, 12)]


def test_schedule_layout(tmp_path):
    path = tmp_path / "recs.xlsx"
    write_recommendations(path, [
        rec(meeting_date=D(2021, 3, 23), item="Mental health", label="", text="An update report",
            sent_on=D(2021, 3, 23)),
        rec(meeting_date=D(2021, 10, 12)),
        rec(meeting_date=D(2021, 10, 12), label="(b)", text="(b) Test the market",
            response="Market tested", verdict="accepted", status="completed",
            updated_since_last_meeting=True, response_on=D(2021, 11, 1)),
        rec(meeting_date=D(2021, 10, 12), item="", label="", text="Receive testimony"),
    ], CYP)
    ws = load_workbook(path).active
    assert ws["A1"].value == f"Schedule of {CYP} recommendations made and actions in response"
    assert [c.value for c in ws[3]] == [*REC_HEADER, STATUS_WORD_HEADER]
    assert ws.freeze_panes == "A4"
    # (the last column, "Status as written", is blank: these rows have no word of their own)
    rows = [[c.value for c in row][:10] for row in ws.iter_rows(min_row=4)]
    assert rows == [
        [dt.datetime(2021, 3, 23), "Mental health", "An update report", None, "Open", None,
         "Cabinet", dt.datetime(2021, 3, 23), "Awaiting", None],
        [None, "2021 / 2022", None, None, None, None, None, None, None, None],  # year banner
        [dt.datetime(2021, 10, 12), "Bromyard", "(a) That the Executive consider an exemption",
         None, "Open", "(a)", "Cabinet", dt.datetime(2021, 10, 15), "Awaiting", None],
        [None, None, "(b) Test the market", "Market tested", "Completed", "(b)", "Cabinet",
         dt.datetime(2021, 10, 15), "Accepted", dt.datetime(2021, 11, 1)],
        # no item after an item: the meeting is written again so that the row does not read
        # as a continuation of the item above
        [dt.datetime(2021, 10, 12), None, "Receive testimony", None, "Open", None, "Cabinet",
         dt.datetime(2021, 10, 15), "Awaiting", None]]
    assert ws["D7"].font.color.rgb == "FFFF0000"


def test_work_programme_layout(tmp_path):
    path = tmp_path / "wp.xlsx"
    write_work_programme(path, [
        work(),
        work(title="Carers portal", format="briefing_note", meeting_date=None, meeting_id=None,
             scrutiny_type="", target="June / July 2021", status="proposed"),
        work(title="Mental health", meeting_date=None, meeting_id=None, status="deferred",
             position="Deferred from 12 October"),
    ], CYP)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Agenda items", "To be scheduled", "Workshops",
                             "Task and finish groups", "Briefing notes", "Annual reports"]
    ws = wb["Agenda items"]
    assert [ws.cell(r, 1).value for r in range(3, 8)] == [
        "Tuesday 7 December 2021", "Publication deadline: 29 November",
        "Questions deadline: 1 December", "Item [type of scrutiny]:",
        "Dental health [Performance review]"]
    brief = wb["Briefing notes"]
    assert [c.value for c in brief[2]][:2] == ["Topic:", "Target date:"]
    assert [c.value for c in brief[3]][:2] == ["Carers portal", "June / July 2021"]
    assert brief.freeze_panes == "A3"
    assert brief.auto_filter.ref == "A2:H3"  # and "Status as written"
    assert wb["To be scheduled"]["F3"].value == "Deferred"


@pytest.mark.parametrize("risky", ["=HYPERLINK(\"http://evil.example\",\"Click\")",
                                   "+44 1432 260000", "-1 day slippage", "@SUM(A1:A9)",
                                   "\tindented", "\r=cmd"])
def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path, risky):
    path = tmp_path / "log.xlsx"
    write_actions(path, [action(text=risky, owner=risky, progress=risky)], CYP)
    ws = load_workbook(path)["Action log"]
    for col in (3, 4, 6):
        cell = ws.cell(4, col)
        assert cell.data_type == "s"
        assert cell.value == risky
        assert cell.quotePrefix
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet
    # and it reads back as the same text
    parsed = parse_workbook(path)
    assert parsed.rows[0].fields["owner"] == risky.strip()


def test_exports_read_back_as_what_was_written(tmp_path):
    path = tmp_path / "log.xlsx"
    rows = [action(ref="1", overdue=True), action(ref="2", status="completed"),
            action(ref="3", meeting_date=None, meeting_id=None, text="Undated action")]
    write_actions(path, rows, CYP)
    parsed = parse_workbook(path)
    assert parsed.kind == "actions"
    assert not parsed.skipped
    got = {r.fields["ref"]: r.fields for r in parsed.rows}
    assert got["3"]["meeting_date"] is None          # written first, so nothing above it
    assert (got["1"]["status"], got["1"]["overdue_flag"]) == ("open", True)
    assert got["2"]["status"] == "completed"
