"""Issue 13's formats: the .xls, .csv and Word .docx trackers of the fidelity corpus
(tests/fixtures/trackers) imported through ``services.importing.import_file`` into a real
database, and scored against their expected records on the fields that depend on the format
(rows found, meeting, texts, dates, colours, hidden sheets and rows). The fields the rules decide
(statuses, responses, RAG, extra columns) are issue 13's other part."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.db.models import Action, Committee, Recommendation, WorkProgrammeItem
from desktop_app.importers.grid import read_grids
from desktop_app.importers.read_csv import sniff_delimiter, sniff_encoding
from desktop_app.importers.xlsx_safety import check_workbook_file
from desktop_app.services.importing import ImportFileError, ImportOptions, import_file
from tests.fixtures.trackers.score import score

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
COMMITTEE = "Formats Scrutiny Committee"

# file -> the record fields this part answers for (the format's part of a perfect import)
FORMAT_FIELDS = {
    "11_actions_excel97.xls": ("text", "meeting_date", "due_date", "owner", "marked"),
    "12_recs_excel97_merged.xls": ("text", "meeting_date", "item", "marked"),
    "13_actions_semicolon_cp1252.csv": ("text", "meeting_date", "due_date", "owner"),
    "19_recs_budget_scrutiny.csv": ("text", "meeting_date", "item"),
    # the meetings of 15's second table are banner rows ("Meeting held on 10 July 2023") and
    # 18's are in the heading above each table ("Meeting: 21 September 2023"): reading those
    # words is the layouts' part (xlsx_values.heading_date); the grids carry them (see below)
    "15_recs_word_tables.docx": ("text", "item", "response"),
}


def expected(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def imported_records(db, kind: str, colours: dict[str, str | None]) -> list[dict[str, Any]]:
    """The committee's records as the corpus names their fields (schema.RECORD)."""
    with db.reading() as s:
        committee = s.scalars(select(Committee).where(Committee.name == COMMITTEE)).one()
        if kind == "actions":
            rows = s.scalars(select(Action).where(Action.committee_id == committee.id)
                             .order_by(Action.id)).all()
            return [{"text": a.text, "item": a.item_title, "owner": a.owner,
                     "meeting_date": _date(a.meeting.date if a.meeting else None),
                     "due_date": _date(a.due_date), "due_text": a.due_text,
                     "marked": colours.get(a.text)} for a in rows]
        if kind == "recommendations":
            rows = s.scalars(select(Recommendation)
                             .where(Recommendation.committee_id == committee.id)
                             .order_by(Recommendation.id)).all()
            return [{"text": r.text, "item": r.item_title, "response": r.response,
                     "meeting_date": _date(r.meeting.date if r.meeting else None),
                     "marked": colours.get(r.text)} for r in rows]
        rows = s.scalars(select(WorkProgrammeItem)
                         .where(WorkProgrammeItem.committee_id == committee.id)
                         .order_by(WorkProgrammeItem.id)).all()
        return [{"title": w.title, "meeting_date": _date(w.meeting.date if w.meeting else None)}
                for w in rows]


def run_import(db, name: str):
    return import_file(db, CORPUS / name, COMMITTEE, ImportOptions(kind=expected(name)["kind"]))


@pytest.mark.parametrize("name", sorted(FORMAT_FIELDS))
def test_each_format_fixture_imports_its_rows_right(db, name):
    exp = expected(name)
    outcome = run_import(db, name)
    colours = {r.fields.get("text") or r.fields.get("title"): r.colour for r in outcome.parsed.rows}
    got = imported_records(db, exp["kind"], colours)
    mismatches = score(got, exp, fields=FORMAT_FIELDS[name])
    assert not mismatches, "\n".join(map(str, mismatches))


def test_the_word_work_programme_finds_every_item(db):
    name = "18_work_programme_word.docx"
    run_import(db, name)
    got = {r["title"] for r in imported_records(db, "work_programme", {})}
    assert {r["title"] for r in expected(name)["records"]} <= got


def test_a_word_table_merged_down_gives_its_meeting_to_every_row(db):
    name = "15_recs_word_tables.docx"
    run_import(db, name)
    got = imported_records(db, "recommendations", {})
    table_1 = [r for r in expected(name)["records"] if r["source"]["sheet"] == "Table 1"]
    assert [r["meeting_date"] for r in got[:len(table_1)]] == \
        [r["meeting_date"] for r in table_1]


def test_hidden_rows_and_sheets_of_an_xls_are_named_in_the_summary(db):
    outcome = run_import(db, "12_recs_excel97_merged.xls")
    assert outcome.notes[:2] == ["sheet 'Recommendations 2022-23': hidden row 6 imported",
                                 "sheet 'Archive 2021-22' is hidden: its rows are imported"]


def test_hidden_rows_of_an_xlsx_are_named_in_the_summary(db):
    outcome = run_import(db, "10_actions_hidden_rows_and_sheets.xlsx")
    exp = expected("10_actions_hidden_rows_and_sheets.xlsx")
    for hidden in exp["hidden_rows"]:
        assert any(f"sheet '{hidden['sheet']}': hidden row" in n and str(hidden["row"]) in n
                   for n in outcome.notes), outcome.notes


def test_xls_grid_keeps_merges_fonts_and_hidden_parts():
    grids = {g.title: g for g in read_grids(CORPUS / "12_recs_excel97_merged.xls")}
    sheet = grids["Recommendations 2022-23"]
    assert not sheet.hidden
    assert grids["Archive 2021-22"].hidden
    assert sheet.hidden_rows == {6}
    down = sorted(m for m in sheet.merges if m[2] > m[0])  # the meeting merged down
    assert len(down) == 2
    first, col, last, _ = down[0]
    assert all(sheet.filled_from_merge(r, col) for r in range(first + 1, last + 1))
    assert not sheet.filled_from_merge(first, col)


def test_xls_dates_arrive_as_dates():
    grid = read_grids(CORPUS / "11_actions_excel97.xls")[0]
    values = [info[0] for row in grid.rows.values() for info in row.values()]
    assert any(isinstance(v, dt.datetime) for v in values)


def test_word_tables_vmerge_and_gridspan_are_merges_and_heading_is_the_title():
    grids = read_grids(CORPUS / "15_recs_word_tables.docx")
    assert [(g.title, g.caption) for g in grids] == [
        ("Table 1", "Schedule of recommendations 2022/23"),
        ("Table 2", "Schedule of recommendations 2023/24")]
    one, two = grids
    assert one.rows[0] == {1: ("Schedule of recommendations 2022/23", 0, None)}
    assert (2, 1, 4, 1) in one.merges                      # meeting merged down (vMerge)
    assert one.rows[4][1][0] == "21 November 2022"
    assert one.filled_from_merge(4, 1)
    assert (2, 1, 2, 4) in two.merges                      # banner merged across (gridSpan)
    assert [(c, v[0]) for c, v in two.rows[2].items()] == [(1, "Meeting held on 10 July 2023")]


@pytest.mark.parametrize(("name", "encoding", "delimiter"), [
    ("13_actions_semicolon_cp1252.csv", "cp1252", ";"),
    ("19_recs_budget_scrutiny.csv", "utf-8-sig", ","),
])
def test_csv_encoding_and_delimiter_are_sniffed(name, encoding, delimiter):
    data = (CORPUS / name).read_bytes()
    assert sniff_encoding(data) == encoding
    assert sniff_delimiter(data.decode(encoding)) == delimiter
    details = expected(name)["format_details"]
    assert details["delimiter"] == delimiter


def test_utf16_and_tab_separated_csv(tmp_path):
    path = tmp_path / "log.csv"
    path.write_bytes("Ref\tAction\tOwner\tDue date\n1\tCirculate the café note\tJo Bloggs\t"
                     "03/02/2023\n".encode("utf-16"))
    assert check_workbook_file(path) == "csv"
    grid = read_grids(path)[0]
    assert grid.title == "log"
    assert grid.rows[2][2][0] == "Circulate the café note"


@pytest.mark.parametrize(("name", "fmt"), [
    ("11_actions_excel97.xls", "xls"), ("13_actions_semicolon_cp1252.csv", "csv"),
    ("15_recs_word_tables.docx", "docx"), ("01_recs_merged_meeting_schedule.xlsx", "xlsx")])
def test_the_format_is_told_by_signature_not_name(tmp_path, name, fmt):
    renamed = tmp_path / ("tracker.csv" if fmt == "csv" else "tracker.xlsx")
    renamed.write_bytes((CORPUS / name).read_bytes())
    assert check_workbook_file(renamed) == fmt


def test_a_damaged_xls_is_refused_in_one_line(tmp_path):
    from tests.fixtures_xlsx import make_ole

    path = tmp_path / "old.xls"
    make_ole(path, {"Workbook": b"\x09\x08" + b"\0" * 64})
    with pytest.raises(ImportFileError) as caught:
        check_workbook_file(path)
    assert str(caught.value).startswith("old.xls: ")
    assert "97-2003" in str(caught.value)


def test_a_word_document_without_a_table_is_refused(tmp_path):
    import docx

    path = tmp_path / "notes.docx"
    document = docx.Document()
    document.add_paragraph("Minutes, no table")
    document.save(str(path))
    with pytest.raises(ImportFileError, match="notes.docx: the Word document has no table"):
        read_grids(path)


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_delimiter_found_below_title_lines(tmp_path, delimiter):
    """Title lines above the table (no delimiter in them, one with a comma) leave Python's
    sniffer without a pattern; the table's own rows still say the delimiter, and the file
    imports whole."""
    rows = [["Ref", "Date of meeting", "What was agreed", "Responsible officer", "Target date",
             "Complete?"],
            ["P1", "14/03/2024", "Provide a breakdown of pothole repairs by ward",
             "Head of Highways", "30/04/2024", "No"],
            ["P2", "14/03/2024", "Circulate the bus service review", "Transport Manager",
             "15/04/2024", "Yes"]]
    text = ("Wyvern County Council, Place Scrutiny Panel - action tracker\r\n"
            "Meeting held on 14 March 2024\r\n"
            + "".join(delimiter.join(r) + "\r\n" for r in rows))
    assert sniff_delimiter(text) == delimiter
    path = tmp_path / "wyvern.csv"
    path.write_bytes(text.encode("cp1252"))
    grid = read_grids(str(path))[0]
    assert [v[0] for _c, v in sorted(grid.rows[3].items())] == rows[0]
    if delimiter == ";":     # the whole import, once: "What was agreed" is the action's text
        from desktop_app.db.schema import open_database
        from desktop_app.services import actions
        from desktop_app.services.importing import import_file
        db = open_database(f"sqlite:///{tmp_path / 'wyvern.db'}")
        import_file(db, path, "Place Scrutiny Panel")
        got = {a.ref: (a.text, a.owner, a.due_date, a.status.value)
               for a in actions.list_actions(db, "Place Scrutiny Panel")}
        db.dispose()
        assert got == {
            "P1": (rows[1][2], "Head of Highways", dt.date(2024, 4, 30), "open"),
            "P2": (rows[2][2], "Transport Manager", dt.date(2024, 4, 15), "completed")}
