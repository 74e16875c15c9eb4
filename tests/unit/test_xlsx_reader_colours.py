"""The colour convention: blue text = new since the last meeting, red text = updated since then.
Colours as RGB, theme (with tint) and legacy indexed values, per cell and per rich-text run,
in inline and shared strings; and the fast reader agrees with openpyxl's normal mode."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import Color

from desktop_app.importers.xlsx_grid import read_grids, read_grids_normal
from desktop_app.importers.xlsx_reader import parse_workbook
from tests import fixtures_xlsx as F

HEADER = ["Action Number", "Meeting Date", "Action", "Owner", "Progress Update"]


def log(tmp_path, rows, style, name="log.xlsx"):
    """An action log whose cells ``style(ws)`` colours; returns its rows' colours."""
    path = tmp_path / name
    wb = F.save_rows(path, [HEADER] + rows)
    style(wb.active)
    wb.save(path)
    return path


def colours(path):
    parsed = parse_workbook(path)
    assert not parsed.skipped
    return [r.colour for r in parsed.rows]


ROWS = [[1, "07/09/2021", "Check the Human Rights Act", "Claire Ward", "Legal checking"],
        [2, "12/10/2021", "Circulate the KPIs", "Richard Watson", "To be completed"],
        [3, "12/10/2021", "Provide the procurement rules", "Kate Charlton", "Checking"]]


def paint_row(ws, row, color):
    for col in range(1, 6):
        ws.cell(row, col).font = Font(color=color)


@pytest.mark.parametrize(("blue", "red"), [
    ("FF0070C0", "FFFF0000"),                       # Excel's standard Blue and Red
    ("FF0000FF", "FFC00000"),                       # pure blue, dark red
    (Color(theme=4), Color(theme=5)),               # accent 1 and 2 of this file's theme
    (Color(theme=4, tint=-0.5), Color(theme=5, tint=-0.25)),  # darker shades
    (Color(theme=3), Color(rgb="FFE00000")),        # "Text 2" dark blue
    (Color(indexed=12), Color(indexed=10)),         # the legacy palette
])
def test_blue_rows_are_new_and_red_cells_updated(tmp_path, blue, red):
    def style(ws):
        paint_row(ws, 3, blue)
        ws.cell(4, 5).font = Font(color=red)

    assert colours(log(tmp_path, ROWS, style)) == [None, "new", "updated"]


@pytest.mark.parametrize("other", ["FF000000", "FF808080", "FF00B050", "FFED7D31", "FF7030A0",
                                   Color(theme=1), Color(theme=0, tint=-0.5), None])
def test_other_colours_mean_nothing(tmp_path, other):
    def style(ws):
        paint_row(ws, 3, other)
        ws.cell(4, 5).font = Font(color=other)

    assert colours(log(tmp_path, ROWS, style)) == [None, None, None]


def test_theme_colours_come_from_the_files_own_theme(tmp_path):
    """A council theme whose accent 1 is red: accent-1 text is then an update, not new."""
    def style(ws):
        paint_row(ws, 3, Color(theme=4))

    path = log(tmp_path, ROWS, style)
    assert colours(path) == [None, "new", None]
    recoloured = tmp_path / "council-theme.xlsx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(recoloured, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/theme/theme1.xml":
                data, count = re.subn(rb'(<a:accent1>\s*<a:srgbClr val=")4F81BD"',
                                      rb'\1D00000"', data)
                assert count == 1
            zout.writestr(info, data)
    assert colours(recoloured) == [None, "updated", None]


def red_run(text):
    return TextBlock(InlineFont(color="FFFF0000"), text)


def blue_run(text):
    return TextBlock(InlineFont(color="FF0070C0"), text)


@pytest.mark.parametrize("shared", [False, True], ids=["inline strings", "shared strings"])
def test_rich_text_runs(tmp_path, shared):
    rows = [[1, "07/09/2021", "Check the Human Rights Act", "Claire Ward",
             CellRichText(["Legal services checking. ", red_run("3 Nov: chased again.")])],
            [2, "12/10/2021", CellRichText([blue_run("Circulate the KPIs "),
                                            blue_run("of the contracts")]), "Richard Watson", ""],
            [3, "12/10/2021", CellRichText(["Provide the ", blue_run("procurement"), " rules"]),
             "Kate Charlton", "Checking"],
            [4, "12/10/2021", "Forward the Friends of Ledbury note", "Richard Watson",
             CellRichText(["Sent ", TextBlock(InlineFont(b=True), "today")])]]
    path = log(tmp_path, rows, lambda ws: None)
    if shared:
        path = F.as_shared_strings(path, tmp_path / "shared.xlsx")
        with zipfile.ZipFile(path) as z:
            assert b"<r>" in z.read("xl/sharedStrings.xml")
            assert b"<is>" not in z.read("xl/worksheets/sheet1.xml")
    parsed = parse_workbook(path)
    assert [r.colour for r in parsed.rows] == ["updated", "new", None, None]
    assert parsed.rows[0].fields["progress"] == "Legal services checking. 3 Nov: chased again."
    assert parsed.rows[2].fields["text"] == "Provide the procurement rules"


def test_a_plain_run_takes_the_cells_font(tmp_path):
    """Runs without their own font show in the cell's font: a blue cell whose text has a bold
    run is still blue."""
    rows = [[1, "12/10/2021", CellRichText(["Circulate ", TextBlock(InlineFont(b=True,
                                                                               color="FF0070C0"),
                                                                    "the KPIs")]),
             "Richard Watson", ""]]

    def style(ws):
        ws.cell(2, 3).font = Font(color="FF0070C0")

    assert colours(log(tmp_path, rows, style)) == ["new"]


def test_red_outside_the_table_columns_is_not_an_update(tmp_path):
    def style(ws):
        ws.cell(2, 7).value = "RED TEXT INDICATES UPDATES"
        ws.cell(2, 7).font = Font(color="FFFF0000")

    assert colours(log(tmp_path, ROWS, style)) == [None, None, None]


def test_a_merged_cells_colour_stays_on_its_own_row(tmp_path):
    def style(ws):
        ws["B3"].font = Font(color="FF0070C0")
        ws["B3"].value = dt.datetime(2021, 10, 12)
        ws["B4"].value = None
        ws["D2"].font = Font(color="FFFF0000")
        ws.merge_cells("B3:B4")

    path = log(tmp_path, ROWS, style)
    parsed = parse_workbook(path)
    assert [r.colour for r in parsed.rows] == ["updated", None, None]
    assert parsed.rows[2].fields["meeting_date"] == dt.date(2021, 10, 12)


def test_status_fill_is_not_a_text_colour(tmp_path):
    def style(ws):
        ws["E2"].fill = PatternFill(fill_type="solid", fgColor="FFFF0000")

    assert colours(log(tmp_path, ROWS, style)) == [None, None, None]


# ---------------------------------------------------------------- two readers, one answer

def _styled(tmp_path):
    rows = [[1, dt.datetime(2021, 9, 7), CellRichText(["Check ", red_run("the Act")]),
             "Claire Ward", "checking"],
            [2, None, "Circulate the KPIs", None, 44502],
            [None, None, None, None, None],
            [4, "12 Oct 21", "Provide the rules", "Kate Charlton", True]]

    def style(ws):
        paint_row(ws, 3, Color(theme=4, tint=-0.25))
        ws["E5"].fill = PatternFill(fill_type="solid", fgColor=Color(indexed=10))
        ws["E4"].fill = PatternFill(fill_type="solid", fgColor="FF00B050")
        ws.merge_cells("B2:B4")
        ws.merge_cells("C4:E4")

    return log(tmp_path, rows, style, "styled.xlsx")


CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
# corpus files with strike-through, links, notes, rich text and TODAY() formulas
SIXTH = ["33_actions_formula_status.xlsx", "45_actions_xlsm_struck_through.xlsm",
         "46_actions_notes_links_groups.xlsx", "47_actions_rich_text_colours.xlsx"]


@pytest.mark.parametrize("build", [
    _styled,
    lambda p: F.as_shared_strings(_styled(p), p / "styled-shared.xlsx"),
    lambda p: (F.seed_004_action_log(p / "a.xlsx"), p / "a.xlsx")[1],
    lambda p: (F.seed_003_schedule(p / "s.xlsx"), p / "s.xlsx")[1],
    lambda p: (F.seed_004_work_programme(p / "w.xlsx"), p / "w.xlsx")[1],
    lambda p: (F.seed_004_schedule(p / "r.xlsx"), p / "r.xlsx")[1],
    *[lambda p, name=name: CORPUS / name for name in SIXTH],
], ids=["styled", "styled-shared", "seed-004-actions", "seed-003", "seed-004-wp",
        "seed-004-schedule", *SIXTH])
def test_fast_reader_agrees_with_openpyxl_normal_mode(tmp_path, build):
    path = build(tmp_path)
    fast, normal = read_grids(path), read_grids_normal(path)
    assert [g.title for g in fast] == [g.title for g in normal]
    for a, b in zip(fast, normal):
        assert a.rows == b.rows
        assert sorted(a.merges) == sorted(b.merges)
        # formulas (a TODAY() value not read by either), notes, hidden rows (33, 45-47)
        assert (a.formulas, a.cell_notes, a.hidden_rows) == \
            (b.formulas, b.cell_notes, b.hidden_rows)
