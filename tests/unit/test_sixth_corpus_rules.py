"""The rules the sixth corpus (files 45-51, Excel habits) brought, on what must NOT trigger them
as well as what must: strike-through, Excel's hyperlink style, cell notes, TODAY()/NOW() in an
.xls formula's tokens, a header split over two rows, responses on a sheet of their own and a
sheet per committee. (The files themselves are scored in test_import_rules.) Small workbooks
written here with openpyxl; no database."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.styles.colors import Color

from desktop_app.domain.enums import ActionStatus, Verdict
from desktop_app.importers.biff_formulas import FormulaCells, functions
from desktop_app.importers.grid import read_grids
from desktop_app.importers.xlsx_committees import (committee_named, same_committee,
                                                   select_committee)
from desktop_app.importers.xlsx_grid import read_grids_normal
from desktop_app.importers.xlsx_notes import note_text
from desktop_app.importers.xlsx_reader import parse_grids, parse_workbook
from desktop_app.importers.xlsx_safety import ImportFileError

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"


def _log(tmp_path: Path, rows: list[list[object]], name: str = "log.xlsx",
         style=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws.append(["Ref", "Action", "Owner"])
    for row in rows:
        ws.append(row)
    if style is not None:
        style(ws)
    path = tmp_path / name
    wb.save(path)
    return path


# ------------------------------------------------------------------ strike-through, links

def test_a_struck_action_is_completed_only_when_there_is_no_status_column(tmp_path):
    def strike(ws):
        ws["B2"].font = Font(strike=True)
        ws["C3"].font = Font(strike=True)  # only the owner struck: the action is not done
    rows = [["1", "Report the figures.", "Head of HR"], ["2", "Share the plan.", "Head of IT"]]
    parsed = parse_workbook(_log(tmp_path, rows, style=strike), kind="actions")
    assert [r.fields["status"] for r in parsed.rows] == [ActionStatus.COMPLETED,
                                                         ActionStatus.OPEN]
    assert "status" in (parsed.rows[0].given or ())

    def with_status(ws):
        strike(ws)
        ws["D1"], ws["D2"], ws["D3"] = "Status", "Open", "Open"
    parsed = parse_workbook(_log(tmp_path, rows, "status.xlsx", with_status), kind="actions")
    assert [r.fields["status"] for r in parsed.rows] == [ActionStatus.OPEN, ActionStatus.OPEN]


def test_the_hyperlink_style_is_not_the_blue_of_new(tmp_path):
    def links(ws):
        ws["B2"].font = Font(color=Color(theme=10), underline="single")  # Excel's style
        ws["B3"].font = Font(color="FF0563C1", underline="single")  # the same, as RGB
        ws["B4"].font = Font(color="FF0000FF")  # the officer's blue: new
        ws["B5"].font = Font(color="FF0563C1")  # that blue, not underlined: new too
    rows = [[str(n), f"Action {n}.", "Officer"] for n in range(1, 5)]
    path = _log(tmp_path, rows, style=links)
    for grids in (read_grids(path), read_grids_normal(path)):
        parsed = parse_grids(path, grids, "actions")
        assert [r.colour for r in parsed.rows] == [None, None, "new", "new"]


# ------------------------------------------------------------------ notes

def test_a_note_loses_only_excels_author_line():
    assert note_text("Sarah Jenkins:\nChased on 3 May.", "Sarah Jenkins") == "Chased on 3 May."
    assert note_text("Update:\nChased on 3 May.", "Sarah Jenkins") == \
        "Update:\nChased on 3 May."  # a heading of the officer's own
    assert note_text("Sarah Jenkins: chased", "Sarah Jenkins") == "Sarah Jenkins: chased"


def test_notes_follow_the_progress_written_in_the_row(tmp_path):
    def notes(ws):
        ws["D1"], ws["D2"] = "Progress", "Draft circulated."
        ws["B2"].comment = Comment("Jo Bloggs:\nFinal version due in May.", "Jo Bloggs")
        ws["C3"].comment = Comment("On leave until June.", "Jo Bloggs")
    rows = [["1", "Report the figures.", "Head of HR"], ["2", "Share the plan.", "Head of IT"]]
    path = _log(tmp_path, rows, style=notes)
    for grids in (read_grids(path), read_grids_normal(path)):
        parsed = parse_grids(path, grids, "actions")
        assert [r.fields["progress"] for r in parsed.rows] == [
            "Draft circulated.\nFinal version due in May.", "On leave until June."]


# ------------------------------------------------------------------ .xls formula tokens

def _func(index: int) -> bytes:
    return struct.pack("<BH", 0x41, index)


def _text(value: str) -> bytes:
    return struct.pack("<BBB", 0x17, len(value), 0) + value.encode("latin-1")


IF3 = struct.pack("<BBH", 0x42, 3, 1)
REF_E5 = struct.pack("<BHH", 0x44, 4, 4 | 0xC000)
ATTR_IF = struct.pack("<BBH", 0x19, 0x02, 9)


def test_the_functions_of_a_formula_are_read_from_its_tokens():
    today = REF_E5 + _func(221) + b"\x09" + ATTR_IF + _text("TODAY") + _text("Open") + IF3
    assert functions(today) == {221, 1}
    # the word TODAY in a string, a number holding 221's bytes: no function
    assert functions(_text("TODAY()") + struct.pack("<Bd", 0x1F, 221.0)) == set()
    assert functions(REF_E5 + _func(74) + b"\x04") == {74}  # NOW()-E5
    assert functions(b"\x18\x01") is None  # a token it does not know: nothing assumed
    assert functions(_text("abc")[:-1]) is None  # cut short


def test_a_shared_formula_is_found_through_ptg_exp():
    cells = FormulaCells()
    shared = REF_E5 + _func(221) + b"\x09" + _text("Overdue") + _text("Open") + IF3
    exp = struct.pack("<BHH", 0x01, 4, 5)  # part of the formula whose first cell is F5
    for row in (4, 5):
        body = struct.pack("<3H", row, 5, 15) + bytes(8) + struct.pack("<HL", 8, 0)
        cells.formula(body + struct.pack("<H", len(exp)) + exp)
    cells.shared_or_array(0x04BC, struct.pack("<HHBBBB", 4, 5, 5, 5, 0, 2)
                          + struct.pack("<H", len(shared)) + shared)
    plain = struct.pack("<3H", 6, 5, 15) + bytes(8) + struct.pack("<HL", 0, 0)
    cells.formula(plain + struct.pack("<H", 3) + struct.pack("<BH", 0x1E, 7))
    assert cells.marks() == {(5, 6): "TODAY()", (6, 6): "TODAY()", (7, 6): "="}


def test_the_xls_formula_columns_are_named_and_their_today_values_not_read():
    path = CORPUS / "48_actions_xls_today_formulas.xls"
    parsed = parse_workbook(path, kind="actions")
    assert parsed.formula_columns == [("Action Log", "Status"), ("Action Log", "Days overdue")]
    assert {r.fields["status_word"] for r in parsed.rows} == {"Completed", ""}
    assert not any(r.fields["extra"] for r in parsed.rows)


# ------------------------------------------------------------------ a header over two rows

def test_a_group_heading_over_two_columns_is_not_joined_to_them(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["D1"] = "Ref", "Action", "Progress"
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("D1:E1")
    ws["C1"], ws["C2"], ws["D2"], ws["E2"] = "Target", "date", "Update", "RAG"
    ws.append(["1", "Report the figures.", "31/03/2024", "Chased.", "Green"])
    path = tmp_path / "two rows.xlsx"
    wb.save(path)
    row = parse_workbook(path, kind="actions").rows[0]
    assert (row.fields["due_date"].isoformat(), row.fields["progress"], row.fields["rag"]) == \
        ("2024-03-31", "Chased.", "green")


# ------------------------------------------------------------------ responses on their own sheet

def test_a_response_to_a_number_two_recommendations_share_is_not_given_to_either(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Recommendations"
    ws.append(["Rec No.", "Recommendation"])
    ws.append(["1", "That the council publishes its fees."])
    ws.append(["1", "That the council reviews its fees."])
    ws.append(["2", "That carers are assessed within 28 days."])
    answers = wb.create_sheet("Response")
    answers.append(["Rec No.", "Accepted / Rejected", "Executive response"])
    answers.append(["1", "Accepted", "Agreed."])
    answers.append(["2", "Rejected", "Not affordable."])
    answers.append(["7", "Accepted", "Agreed."])
    path = tmp_path / "schedule.xlsx"
    wb.save(path)
    parsed = parse_workbook(path, kind="recommendations")
    assert [(r.fields["verdict"], r.fields["response"]) for r in parsed.rows] == [
        (None, ""), (None, ""), (Verdict.REJECTED, "Not affordable.")]
    assert any("1 match more than one" in n for n in parsed.notes)
    assert any("7 match no recommendation" in n for n in parsed.notes)


# ------------------------------------------------------------------ a sheet per committee

def test_a_committee_is_named_at_the_start_of_a_title():
    assert committee_named(["Licensing Committee – Action Log"]) == "Licensing Committee"
    assert committee_named(["The Place Scrutiny Commission: actions"]) == \
        "Place Scrutiny Commission"
    assert committee_named(["Action log 2023/24", "Overview & Scrutiny Panel"]) == \
        "Overview & Scrutiny Panel"
    assert committee_named(["Actions agreed at the meeting"]) == ""
    assert same_committee("Audit & Governance Committee", "audit and governance committee")
    assert same_committee("Audit and Governance", "Audit and Governance Committee")
    assert not same_committee("Audit Committee", "Licensing Committee")


def test_a_workbook_of_committees_is_refused_for_a_committee_it_does_not_hold():
    path = CORPUS / "51_actions_committee_per_sheet.xlsx"
    parsed = parse_workbook(path, kind="actions")
    with pytest.raises(ImportFileError) as caught:
        select_committee(parsed, "Standards Committee")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(path.name + ": ")
    for name in ("Overview and Scrutiny Committee", "Audit and Governance Committee",
                 "Licensing Committee", "'Standards Committee'"):
        assert name in message
    select_committee(parsed, "Licensing Committee")
    assert [r.fields["ref"] for r in parsed.rows] == ["L1"]
    assert [s for s, _c in parsed.other_committees] == ["Overview & Scrutiny",
                                                         "Audit & Governance"]
