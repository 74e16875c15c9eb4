"""The issue 13 fidelity corpus (tests/fixtures/trackers) checked as a corpus: every file opens
with its format's own reader, has an expected JSON that validates, and the expected records
point at rows of the file that say what the records say. The scorer is checked too: it passes
an exact copy and finds a planted mismatch. No importer is involved here."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from tests.fixtures.trackers import raw
from tests.fixtures.trackers.schema import MAIN_FIELD, validate
from tests.fixtures.trackers.score import Mismatch, same, score

TRACKERS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".docx", ".txt")
FILES = sorted(p for p in TRACKERS.iterdir() if p.suffix in SUFFIXES)
NAMES = [p.name for p in FILES]


def _expected_path(path: Path) -> Path:
    return path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json")


def _expected(path: Path) -> dict:
    return json.loads(_expected_path(path).read_text(encoding="utf-8"))


def _all() -> dict[str, dict]:
    return {p.name: _expected(p) for p in FILES}


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


DATE_FIELDS = ("meeting_date", "due_date", "completed_on", "reported_on", "sent_on",
               "response_date", "target_date", "timescale_date")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _written_forms(iso: str, month_first: bool = False) -> set[str]:
    """The ways the corpus writes a date (the raw readers give date cells as ISO); a file from
    a US-locale computer (format_details "dates": "month-first") writes 3/14/2023."""
    d = dt.date.fromisoformat(iso)
    month = _MONTHS[d.month - 1]
    nth = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    # a UK day in summer time as a UTC date-time (SharePoint): 23:00 the day before
    utc = f"{d - dt.timedelta(days=1)}T23:00:00Z"
    return {iso, str((d - dt.date(1899, 12, 30)).days), f"{d:%d/%m/%Y}", f"{d:%d/%m/%y}",
            f"{d:%d.%m.%Y}", f"{d.day} {month[:3]} {d.year}", f"{d.day} {month} {d.year}",
            f"{d.day}{nth} {month} {d.year}", utc,
            f"{d.day}/{d.month}/{d:%y}"} | (  # typed without leading zeros: 7/9/23 (49)
        {f"{d.month}/{d.day}/{d.year}"} if month_first else set())


def test_the_corpus_has_at_least_eighteen_files_each_with_its_expected_json():
    assert len(FILES) >= 18
    for path in FILES:
        assert _expected_path(path).is_file(), path.name
    stems = {p.name.rsplit(".", 1)[0] for p in FILES}
    for json_path in TRACKERS.glob("*.expected.json"):
        assert json_path.name.removesuffix(".expected.json") in stems, json_path.name


@pytest.mark.parametrize("name", NAMES)
def test_each_file_opens_with_its_raw_reader_and_its_json_validates(name):
    path = TRACKERS / name
    expected = _expected(path)
    assert validate(expected) == []
    assert expected["file"] == name
    assert expected["format"] == path.suffix[1:]
    grids = raw.read(path, expected["format_details"])
    assert grids, name
    assert [t["name"] for t in expected["tables"]] == [
        n for n in grids if n in {t["name"] for t in expected["tables"]}]
    for table in expected["tables"]:
        grid = grids[table["name"]]
        assert grid.hidden == table["hidden"], table["name"]
        assert table["records"] == sum(
            r["source"]["sheet"] == table["name"] for r in expected["records"])
        if table.get("title") and path.suffix == ".docx":
            assert table["title"] in grid.headings, (name, table["title"])
    assert sorted(n for n, g in grids.items() if g.hidden) == sorted(expected["hidden_sheets"])
    assert sorted((n, r) for n, g in grids.items() if not g.hidden for r in g.hidden_rows) == \
        sorted((h["sheet"], h["row"]) for h in expected["hidden_rows"])


def _paragraphs(grid: raw.Grid, row: int) -> list[str]:
    """A letter's record: its own paragraph and the next one (its response)."""
    return [_norm(c) for r in (row, row + 1) for c in grid.rows.get(r, [])]


@pytest.mark.parametrize("name", NAMES)
def test_every_expected_record_points_at_a_row_that_holds_it(name):
    """The row named by each record's source holds the start of its main text, its status
    word and its dates (as written); the records are in the file's order."""
    path = TRACKERS / name
    expected = _expected(path)
    grids = raw.read(path, expected["format_details"])
    main = MAIN_FIELD[expected["kind"]]
    last: dict[str, int] = {}
    for rec in expected["records"]:
        sheet, row = rec["source"]["sheet"], rec["source"]["row"]
        assert row > last.get(sheet, 0), (sheet, row)
        last[sheet] = row
        cells = [_norm(c) for c in grids[sheet].rows.get(row, [])]
        words = _norm(rec[main]).split()
        opening = " ".join(words[:6])
        assert any(c.startswith(opening) or opening in c for c in cells), (sheet, row, opening)
        # a row of another sheet that names the record by its label (the executive's response
        # on a sheet of its own, matched by number: 50)
        linked = [c for name_, grid in grids.items() if name_ != sheet
                  for row_cells in grid.rows.values()
                  if rec.get("label") and rec["label"] in row_cells for c in row_cells]
        for field in ("status_word", "verdict_word", "ref", "label"):
            if rec.get(field) and not (expected["kind"] == "executive_response"
                                       and field == "label"):
                # written in this row, or once for the item in a row above (seed 003's habit)
                above = [_norm(c) for r in range(1, row + 1)
                         for c in grids[sheet].rows.get(r, [])] + [_norm(c) for c in linked]
                if sheet == "Body":  # prose (28): in the record's paragraphs, within the text
                    assert any(_norm(rec[field]) in c for c in _paragraphs(grids[sheet], row)), \
                        (sheet, row, field, rec[field])
                    continue
                if field == "verdict_word" and any(c.startswith(_norm(rec[field]) + ".")
                                                   for c in cells):
                    continue  # the verdict leading its response ("Accepted. The ...", 38)
                assert _norm(rec[field]) in (cells if field in ("ref", "label") else above), \
                    (sheet, row, field, rec[field])
        context = [c for r in range(1, row + 1) for c in grids[sheet].rows.get(r, [])]
        context += [sheet, *grids[sheet].headings, *linked]
        if expected["format"] == "docx":  # a Word table split across pages goes on from the last
            earlier = list(grids)[:list(grids).index(sheet)]
            context += [c for name in earlier for cs in grids[name].rows.values() for c in cs]
        for field in DATE_FIELDS:
            if rec.get(field):
                forms = _written_forms(rec[field], month_first=expected["format_details"].get(
                    "dates") == "month-first")
                assert any(f in c for c in context for f in forms), (sheet, row, field)
        every_cell = {_norm(c) for cells_of in grids[sheet].rows.values() for c in cells_of}
        for header, value in rec["extra"].items():  # kept under the header as written
            assert _norm(header) in every_cell, (sheet, header)
            assert not value or _norm(value) in cells, (sheet, row, header)
        if rec.get("marked"):
            colour = {"new": "blue", "updated": "red"}[rec["marked"]]
            assert colour in grids[sheet].colours.get(row, set()), (sheet, row, colour)
        elif expected["format"] in ("xlsx", "xlsm", "xls"):
            assert not grids[sheet].colours.get(row), (sheet, row)


def test_the_corpus_covers_every_point_of_issue_13():
    everything = _all()
    records = [(n, r) for n, e in everything.items() for r in e["records"]]
    formats = {e["format"] for e in everything.values()}
    assert formats >= {"xlsx", "xlsm", "xls", "csv", "docx", "txt"}
    assert {e["kind"] for e in everything.values()} == set(MAIN_FIELD)
    assert any(e["rag_key"] for e in everything.values())
    # Green without a key is on track, not completed; with the key it is completed.
    assert any(r["rag"] == "green" and r["status"] == "open" for _, r in records)
    assert any(r["rag"] == "green" and r["status"] == "completed" for _, r in records)
    unknown: dict[str, int] = {}
    for e in everything.values():
        for word, count in e["unknown_status_words"].items():
            unknown[word] = unknown.get(word, 0) + count
    assert {"Paused", "With cabinet"} <= set(unknown)
    assert any(r.get("status_word") == "Yes" and r["status"] == "completed" for _, r in records)
    assert any(e["hidden_sheets"] for e in everything.values())
    assert any(e["hidden_rows"] for e in everything.values())
    assert {"new", "updated"} <= {r.get("marked") for _, r in records}
    assert any(r.get("marked") for n, r in records if n.endswith(".xls"))
    extra_columns = {k for _, r in records for k in r["extra"]}
    assert {"Area", "Origin", "Lead member", "Cabinet member"} <= extra_columns
    assert any(r.get("response_date") and r.get("response") for _, r in records)
    assert any(r.get("moves") and r["moves"][0]["reason"] for _, r in records)
    assert {"accepted", "partially_accepted", "rejected", "noted"} <= {
        r.get("verdict") for _, r in records}
    assert {"agreed", "accepted in part", "not accepted"} <= {
        (r.get("verdict_word") or "").casefold() for _, r in records}
    assert any(e["decision"] == {"by": "Cabinet", "date": "2023-03-23"}
               for e in everything.values())
    assert any(e["format_details"] == {"delimiter": ";", "encoding": "cp1252"}
               for e in everything.values())
    assert any(len(e["tables"]) >= 2 and e["format"] == "docx" for e in everything.values())
    assert any(len([t for t in e["tables"] if not t["hidden"]]) >= 3
               for e in everything.values() if e["format"] == "xlsx")


def test_the_merged_cells_the_readme_promises_are_in_the_files():
    def merges(name: str) -> list[tuple[int, int, int, int]]:
        path = TRACKERS / name
        grids = raw.read(path, _expected(path)["format_details"])
        return [m for g in grids.values() for m in g.merged]

    def down(blocks, col=None):
        return [m for m in blocks if m[2] > m[0] and (col is None or m[1] == col)]

    def across(blocks):
        return [m for m in blocks if m[0] == m[2] and m[3] > m[1]]

    # the meeting (column A) merged down, and item and status merged for some items
    assert len(down(merges("01_recs_merged_meeting_schedule.xlsx"), 1)) == 3
    assert down(merges("01_recs_merged_meeting_schedule.xlsx"), 5)
    assert len(down(merges("12_recs_excel97_merged.xls"), 1)) == 3
    assert down(merges("14_work_programme_deferred.xlsx"), 1)
    word = merges("15_recs_word_tables.docx")
    assert down(word, 1)
    assert across(word)
    word = merges("18_work_programme_word.docx")
    assert down(word)
    assert across(word)
    for name in ("01_recs_merged_meeting_schedule.xlsx", "11_actions_excel97.xls",
                 "17_recs_task_and_finish.xlsx", "20_exec_response_cabinet.xlsx"):
        assert any(m[0] == m[2] == 1 and m[1] == 1 for m in across(merges(name))), name


def test_unknown_words_are_counted_and_come_in_as_open():
    for name, e in _all().items():
        counted: dict[str, int] = {}
        for rec in e["records"]:
            if rec.get("status_word") in e["unknown_status_words"]:
                counted[rec["status_word"]] = counted.get(rec["status_word"], 0) + 1
                assert rec["status"] == "open", (name, rec["source"])
        assert counted == e["unknown_status_words"], name


def test_each_executive_response_row_names_a_recommendation_of_its_target():
    everything = _all()
    responses = [e for e in everything.values() if e["kind"] == "executive_response"]
    assert len(responses) >= 2
    for e in responses:
        target = everything[e["responds_to"]]
        assert target["kind"] == "recommendations"
        assert target["committee"] == e["committee"]
        labels = {r["label"]: r for r in target["records"]}
        matched = [r["matches"] for r in e["records"] if r["matches"]]
        assert len(matched) == len(set(matched))
        # every recommendation still awaiting a response is answered or named unanswered; the
        # others had their response before (28, 29 answer the last of a schedule)
        awaiting = {k for k, r in labels.items() if not r["responded"]}
        assert set(matched) | set(e["unanswered"]) == awaiting
        assert not set(matched) & set(e["unanswered"])
        for rec in e["records"]:
            assert rec["response_date"] == e["decision"]["date"]
            if rec["matches"]:  # reworded, not copied
                assert _norm(rec["recommendation"]) != _norm(labels[rec["matches"]]["text"])


def test_companion_files_name_each_other_and_share_a_committee_and_its_meetings():
    """The repeat-import pair: an action log and a work programme of one committee."""
    everything = _all()
    pairs = [(n, c) for n, e in everything.items() for c in e["companions"]]
    assert pairs
    for name, other in pairs:
        assert name in everything[other]["companions"]
        assert everything[name]["committee"] == everything[other]["committee"]
        assert everything[name]["kind"] != everything[other]["kind"]
        meetings = [{r["meeting_date"] for r in everything[n]["records"]} for n in (name, other)]
        assert len(meetings[0] & meetings[1]) >= 3


def test_the_generator_writes_the_committed_files(tmp_path):
    pytest.importorskip("xlwt")
    from tests.fixtures.trackers import make_fixtures

    written = make_fixtures.write_all(tmp_path)
    assert sorted(p.name for p in written) == NAMES
    for path in written:
        assert path.read_bytes() == (TRACKERS / path.name).read_bytes(), path.name
        assert _expected_path(path).read_text(encoding="utf-8") == \
            _expected_path(TRACKERS / path.name).read_text(encoding="utf-8"), path.name


# ---------------------------------------------------------------- the scorer

@pytest.mark.parametrize("name", NAMES)
def test_the_scorer_passes_an_exact_copy(name):
    expected = _expected(TRACKERS / name)
    imported = copy.deepcopy(expected["records"])
    assert score(imported, expected, summary=copy.deepcopy(expected)) == []


def test_the_scorer_pairs_by_text_when_records_carry_no_source():
    expected = _expected(TRACKERS / "05_actions_unknown_status_words.xlsx")
    imported = [{k: v for k, v in r.items() if k != "source"}
                for r in reversed(expected["records"])]
    for rec in imported:  # dates as date objects, text with other spacing and quotes
        rec["due_date"] = dt.date.fromisoformat(rec["due_date"])
        rec["text"] = "  " + rec["text"].replace("'", "’").replace(" ", "\n", 1)
    assert score(imported, expected) == []


def test_the_scorer_finds_a_planted_mismatch_in_each_field_kind():
    expected = _expected(TRACKERS / "01_recs_merged_meeting_schedule.xlsx")
    imported = copy.deepcopy(expected["records"])
    imported[3]["status"] = "open"  # a completed row read as open
    imported[5]["item"] = ""  # an item lost below a merged cell
    imported[0]["meeting_date"] = "2022-07-12"
    imported[1]["extra"] = {"Area": "Borough-wide"}  # a column that is not in the file
    found = score(imported, expected)
    assert {(m.record, m.field) for m in found} == {
        ("Schedule!8", "status"), ("Schedule!11", "item"), ("Schedule!5", "meeting_date"),
        ("Schedule!6", "extra")}
    planted = next(m for m in found if m.field == "status")
    assert planted == Mismatch("Schedule!8", "status", "completed", "open")
    assert str(planted) == "Schedule!8 status: expected 'completed', got 'open'"


def test_the_scorer_reports_missing_and_unexpected_records_and_file_level_facts():
    expected = _expected(TRACKERS / "10_actions_hidden_rows_and_sheets.xlsx")
    imported = copy.deepcopy(expected["records"])
    dropped = imported.pop(3)
    imported.append({**copy.deepcopy(imported[0]), "source": {"sheet": "Lists", "row": 2},
                     "text": "Open"})
    summary = {**expected, "hidden_sheets": ["Lists"], "hidden_rows": [
        {"sheet": "Action Log", "row": 7}, {"sheet": "Action Log", "row": 4}]}
    found = score(imported, expected, summary=summary)
    assert Mismatch(f"{dropped['source']['sheet']}!{dropped['source']['row']}", "(record)",
                    "present", "missing") in found
    assert Mismatch("(unexpected)", "(record)", "absent", "Open") in found
    assert [m.field for m in found if m.record == "(file)"] == ["hidden_sheets"]


def test_the_scorer_limits_itself_to_the_fields_asked_for():
    expected = _expected(TRACKERS / "03_actions_rag_on_track.xlsx")
    imported = copy.deepcopy(expected["records"])
    for rec in imported:
        rec["rag"] = None
    assert score(imported, expected, fields=["text", "status"]) == []
    assert len(score(imported, expected, fields=["rag"])) == len(imported)


def test_same_treats_empty_values_alike_but_not_different_ones():
    for empty in ("", {}, False, []):
        assert same(empty, None), empty
    assert same({"Area": "North", "Origin": ""}, {"Area": "North"})
    assert not same("open", None)
    assert not same(True, None)
    assert not same("2023-01-12", dt.date(2023, 1, 13))
    assert same("2023-01-12", dt.datetime(2023, 1, 12, 0, 0))
    assert not same([{"reason": "a"}], [])
