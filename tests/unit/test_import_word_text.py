"""Rules the fifth blind corpus (tests/fixtures/trackers 37-44: Word documents and text exports)
added to the importer, each on a small file of its own: a CSV written month first, a header
"Action #", an explicit response column beside "Progress", "Partly" as a verdict, a shaded RAG
cell with no word in it, and a tab-separated .tsv."""

from __future__ import annotations

import datetime as dt

from desktop_app.importers.xlsx_reader import parse_workbook
from tests.fixtures_xlsx import save_rows


def _csv(path, lines: list[str], encoding: str = "utf-8"):
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_a_csv_written_month_first_is_read_month_first_and_says_so(tmp_path):
    path = _csv(tmp_path / "us.csv", ["Ref,Meeting Date,Action,Due Date",
                                       "1,1/10/2023,Send the map,4/5/2023",
                                       "2,1/10/2023,Report the figures,3/14/2023 4:30 PM"])
    parsed = parse_workbook(path, "actions")
    assert [(r.fields["meeting_date"], r.fields["due_date"]) for r in parsed.rows] == [
        (dt.date(2023, 1, 10), dt.date(2023, 4, 5)), (dt.date(2023, 1, 10), dt.date(2023, 3, 14))]
    assert any("month first" in n and "'3/14/2023 4:30 PM' on row 3" in n for n in parsed.notes)


def test_a_csv_with_a_day_first_date_stays_day_first(tmp_path):
    """One date that can only be day first (25/12/2023): the file is the UK way, and a date that
    could only be month first is then no such day (its row is named, as before)."""
    path = _csv(tmp_path / "uk.csv", ["Ref,Action,Due date", "1,Send the map,01/02/2023",
                                       "2,Report the figures,25/12/2023",
                                       "3,Invite the police,12/25/2023"])
    parsed = parse_workbook(path, "actions")
    assert [r.fields["due_date"] for r in parsed.rows] == [dt.date(2023, 2, 1),
                                                           dt.date(2023, 12, 25)]
    assert [(s.row, "no such day" in s.reason) for s in parsed.skipped] == [(4, True)]
    assert not any("month first" in n for n in parsed.notes)


def test_a_number_sign_makes_a_header_a_number(tmp_path):
    path = tmp_path / "log.xlsx"
    save_rows(path, [["Action #", "Action", "Assigned To"], [7, "Send the map", "Clerk"]])
    (row,) = parse_workbook(path, "actions").rows
    assert (row.fields["ref"], row.fields["text"], row.fields["owner"]) == \
        ("7", "Send the map", "Clerk")


def test_a_response_column_beats_progress_and_partly_is_a_verdict(tmp_path):
    path = tmp_path / "recs.xlsx"
    save_rows(path, [
        ["Rec No", "Recommendation", "Response from Cabinet Member", "Accepted?", "Progress"],
        ["R1", "That the grant is promoted.", "Agreed for next year.", "Partly", "Leaflet drafted."]])
    (row,) = parse_workbook(path, "recommendations").rows
    assert row.fields["response"] == "Agreed for next year."
    assert row.fields["verdict"] == "partially_accepted"
    assert row.fields["verdict_word"] == "Partly"
    assert row.fields["extra"] == {"Progress": "Leaflet drafted."}


def test_a_shaded_rag_cell_with_no_word_is_its_rag(tmp_path):
    """The shading is the RAG; with no key it is read as a status cell's fill always was."""
    from openpyxl.styles import PatternFill

    path = tmp_path / "rag.xlsx"
    wb = save_rows(path, [["Ref", "Action", "RAG"], [1, "Write", None], [2, "Send", None]])
    for row, colour in ((2, "FF00B050"), (3, "FFFFC000")):
        wb.active.cell(row, 3).fill = PatternFill("solid", fgColor=colour)
    wb.save(path)
    rows = parse_workbook(path, "actions").rows
    assert [(r.fields["rag"], r.fields["status"]) for r in rows] == [("green", "completed"),
                                                                    ("amber", "open")]


def test_a_tab_separated_tsv_is_read_like_a_csv(tmp_path):
    path = _csv(tmp_path / "log.tsv", ["Ref\tAction\tOwner\tDue date",
                                       '1\t"Send the map\nto members"\tClerk\t28/02/2023'])
    (row,) = parse_workbook(path, "actions").rows
    assert row.fields["text"] == "Send the map\nto members"
    assert row.fields["due_date"] == dt.date(2023, 2, 28)
