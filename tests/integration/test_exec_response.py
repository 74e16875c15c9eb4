"""The executive's response (issue 13): the corpus's two responses (16 answers 17, numbered; 20
answers 19, unnumbered, another order, B4 unanswered, one row answering nothing) imported into
a real database after their recommendations, then small files of our own for the hard cases:
numbering that disagrees with the text, near-identical recommendations, "Not accepted" against
"Accepted". Real files, real database, the real command line in-process."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from desktop_app.cli import main as cli_main
from desktop_app.domain.enums import Verdict
from desktop_app.domain.errors import ConflictError
from desktop_app.importers.exec_response import decision_of, looks_like_response
from desktop_app.importers.grid import read_grids
from desktop_app.importers.xlsx_safety import ImportFileError
from desktop_app.services.executive_response import (EXTRA_LEAD, EXTRA_TIMESCALE, EXTRA_WORD,
                                                     THRESHOLD, accept_response)
from desktop_app.services.history import history
from desktop_app.services.importing import ImportCancelled, ImportOptions, import_file
from desktop_app.services.recommendations import list_recommendations, record_response

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
PAIRS = [("17_recs_task_and_finish.xlsx", "16_exec_response_cabinet"),
         ("19_recs_budget_scrutiny.csv", "20_exec_response_cabinet"),
         ("31_recs_responses_over_time.xlsx", "28_exec_response_leader_letter"),
         ("25_recs_cabinet_verdict_column.xlsx", "29_exec_response_verdict_in_prose")]
COMMITTEE = "Scrutiny Committee"


def _expected(stem: str) -> dict:
    return json.loads((CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8"))


def _file(stem: str) -> Path:
    return next(p for p in CORPUS.glob(f"{stem}.*") if p.suffix != ".json")


def _recs(db) -> dict[str, object]:
    return {r.label: r for r in list_recommendations(db, COMMITTEE)}


def _updates(db) -> list:
    return [e for e in history(db, table="recommendations") if e.operation == "update"]


def _with_recommendations(db, recs: str | Path) -> None:
    outcome = import_file(db, recs if isinstance(recs, Path) else CORPUS / recs, COMMITTEE,
                          ImportOptions(kind="recommendations", create_committee=True))
    assert outcome.summary is not None
    assert outcome.summary.created > 0


@pytest.mark.parametrize(("recs", "stem"), PAIRS, ids=["16-word-numbered", "20-excel-unnumbered",
                                                      "28-word-letter", "29-verdict-in-prose"])
def test_corpus_response_matched_then_recorded(db, recs, stem):
    expected = _expected(stem)
    _with_recommendations(db, recs)
    before = {label: (r.verdict, r.response) for label, r in _recs(db).items()}

    outcome = import_file(db, _file(stem), COMMITTEE)  # told from the file: no --as
    preview = outcome.response
    assert preview is not None
    assert outcome.summary is None
    assert outcome.backup is None
    assert preview.decided_on.isoformat() == expected["decision"]["date"]
    assert preview.table.decided_by == expected["decision"]["by"]
    if expected["title"]:
        assert preview.table.title == expected["title"]
    else:  # a letter has no heading: the sentence that gives the decision date
        assert dt.date.fromisoformat(expected["decision"]["date"]).strftime("%-d %B %Y") \
            in preview.table.title
    assert len(preview.rows) == len(expected["records"])
    for m, want in zip(preview.rows, expected["records"], strict=True):
        row = m.row
        assert (row.sheet, row.row) == (want["source"]["sheet"], want["source"]["row"])
        assert row.label == want["label"]
        assert row.recommendation == want["recommendation"]
        assert row.verdict == (Verdict(want["verdict"]) if want["verdict"] else None)
        assert row.verdict_word == (want["verdict_word"] or "")  # none: in the prose (29)
        assert (row.response, row.lead, row.timescale) == (
            want["response"], want["lead"], want["timescale"])
        assert (row.timescale_date.isoformat() if row.timescale_date else None) == \
            want["timescale_date"]
        assert preview.decided_on.isoformat() == want["response_date"]
        assert (m.candidate.label if m.matched else None) == want["matches"], m.reason
        assert m.matched == (m.score >= THRESHOLD)
        assert m.ticked == (want["matches"] is not None)
    assert [c.label for c in preview.unanswered] == expected["unanswered"]
    # shown, not written
    assert _updates(db) == []
    assert {label: (r.verdict, r.response) for label, r in _recs(db).items()} == before
    assert {before[w["matches"]][0] for w in expected["records"] if w["matches"]} == \
        {Verdict.AWAITING}

    outcome = import_file(db, _file(stem), COMMITTEE, ImportOptions(accept="all"))
    assert (outcome.backup is not None) == db.is_sqlite   # (a server is backed up by its admins)
    assert outcome.backup is None or outcome.backup.exists()
    applied = outcome.response_applied
    answered = [w for w in expected["records"] if w["matches"]]
    assert len(applied.recorded) == len(answered)
    assert applied.unchanged == []
    recs_now = _recs(db)
    for want in answered:
        r = recs_now[want["matches"]]
        assert r.verdict == Verdict(want["verdict"])
        assert r.response == want["response"]
        assert r.response_on == dt.date.fromisoformat(want["response_date"])
        assert r.extra.get(EXTRA_LEAD, "") == want["lead"]  # none given (28, 29): none kept
        # the verdict as written, beside the verdict (only when it says more than its name)
        assert EXTRA_WORD not in r.extra
        written = want["verdict_word"] or ""
        assert r.verdict_word == ("" if written.casefold() == r.verdict.label.casefold()
                                  else written)
        assert r.extra.get(EXTRA_TIMESCALE, "") == (want["timescale"] or (dt.date.fromisoformat(
            want["timescale_date"]).strftime("%d/%m/%Y") if want["timescale_date"] else ""))
    for label in expected["unanswered"]:
        assert recs_now[label].verdict == Verdict.AWAITING
        assert not recs_now[label].response
    # the row that answers nothing is recorded nowhere
    for want in expected["records"]:
        if want["matches"] is None:
            assert all(r.response != want["response"] for r in recs_now.values())
    trail = _updates(db)
    by_row: dict[int, set[str]] = {}
    for e in trail:
        by_row.setdefault(e.row_id, set()).add(e.field)
        assert e.who == "Test Officer"
    for want in answered:
        kept = {"extra"} if want["lead"] or want["timescale"] or want["timescale_date"] else set()
        assert {"verdict", "response", "response_on"} | kept <= \
            by_row[recs_now[want["matches"]].id]

    again = import_file(db, _file(stem), COMMITTEE, ImportOptions(accept="all"))
    assert again.response_applied.recorded == []
    assert len(again.response_applied.unchanged) == len(answered)
    assert again.backup is None  # nothing to change: no backup taken
    assert len(_updates(db)) == len(trail)


def test_only_response_files_are_told_apart():
    told = {p.name for p in sorted(CORPUS.iterdir())
            if p.suffix in (".xlsx", ".xls", ".csv", ".docx") and looks_like_response(read_grids(p))}
    assert told == {"16_exec_response_cabinet.docx", "20_exec_response_cabinet.xlsx",
                    "28_exec_response_leader_letter.docx",
                    "29_exec_response_verdict_in_prose.xlsx"}


def test_prose_verdicts_under_a_meeting_column_are_a_schedule_not_a_response(tmp_path):
    """A schedule's responses may open "The Cabinet accepts ..." too: with a meeting column it
    is still the committee's schedule (the same table without one is the Cabinet's answer)."""
    def book(header: list[str], row: list[str]) -> Path:
        wb = Workbook()
        ws = wb.active
        ws.append(["Recommendations to Cabinet – 12 March 2023"])
        ws.append(header)
        for n in range(2):
            ws.append([*row[:-2], f"{row[-2]} {n}", row[-1]])
        path = tmp_path / f"{len(header)}.xlsx"
        wb.save(path)
        return path

    answer = ["Publish the plan", "The Cabinet accepts this recommendation. It will."]
    assert looks_like_response(read_grids(book(["Recommendation", "Cabinet response"], answer)))
    assert not looks_like_response(read_grids(book(
        ["Meeting date", "Recommendation", "Cabinet response"], ["09/02/2023", *answer])))


def _cli(db_url: str, *args: str) -> int:
    return cli_main(["--db", db_url, *args])


def test_cli_shows_then_records_the_named(db, db_url, capsys):
    _with_recommendations(db, PAIRS[0][0])
    path = str(_file(PAIRS[0][1]))
    assert _cli(db_url, "import", path, "--committee", COMMITTEE) == 0
    out = capsys.readouterr().out
    assert "decided 23/03/2023" in out
    lines = {line.split()[0]: line.split() for line in out.splitlines()
             if line.startswith("row")}
    assert lines["row2"][:4] == ["row2", "1", "R1", "96"]
    assert lines["row6"][1:3] == ["5", "R5"]
    assert "Not" in lines["row6"]
    assert "nothing recorded" in out
    assert _updates(db) == []

    assert _cli(db_url, "import", path, "--committee", COMMITTEE, "--as", "executive-response",
                "--accept", "R1,row4") == 0
    assert "recorded 2 responses" in capsys.readouterr().out
    recs = _recs(db)
    assert [label for label, r in recs.items() if r.verdict != Verdict.AWAITING] == ["R1", "R3"]
    assert recs["R3"].verdict == Verdict.PARTIALLY_ACCEPTED

    assert _cli(db_url, "import", path, "--committee", COMMITTEE, "--accept", "R42") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "R42" in err[0]
    assert _cli(db_url, "import", path, "--committee", "Scrutiny Comittee") == 2
    assert "did you mean" in capsys.readouterr().err


# ------------------------------------------------------------------ cases of our own

def _recs_file(tmp_path: Path, texts: list[tuple[str, str]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Recommendations"
    ws.append(["Meeting date", "Rec no", "Recommendation"])
    for label, text in texts:
        ws.append([dt.datetime(2024, 1, 10), label, text])
    path = tmp_path / "recommendations.xlsx"
    wb.save(path)
    return path


def _response_docx(tmp_path: Path, rows: list[tuple[str, str, str]], name: str) -> Path:
    document = docx.Document()
    document.add_heading("Executive – 14 March 2024", level=1)
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("No.", "Recommendation", "Accepted / Rejected",
                                                "Executive response", "Lead officer")):
        cell.text = text
    for number, text, verdict in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, (number, text, verdict, f"Response to: {text}",
                                       "Head of Service")):
            cell.text = value
    path = tmp_path / name
    document.save(str(path))
    return path


LIBRARIES = [("1", "That the Council reviews library opening hours in the north of the county."),
             ("2", "That the Council reviews library opening hours in the south of the county."),
             ("3", "That the mobile library timetable is published online."),
             ("4", "That the Council appoints a young people's champion for libraries.")]


def test_numbering_that_disagrees_with_the_text_loses(db, tmp_path):
    _with_recommendations(db, _recs_file(tmp_path, LIBRARIES))
    path = _response_docx(tmp_path, [
        ("3", "Appoint a champion for young people in libraries.", "Accepted"),
        ("4", "Publish the mobile library timetable online.", "Agreed")], "numbers.docx")
    preview = import_file(db, path, COMMITTEE).response
    got = [(m.row.label, m.candidate.label, m.matched, m.ticked) for m in preview.rows]
    assert got == [("3", "4", True, True), ("4", "3", True, True)]
    assert "numbered 3, but the text matches 4" in preview.rows[0].reason


def test_near_identical_recommendations(db, tmp_path):
    _with_recommendations(db, _recs_file(tmp_path, LIBRARIES))
    # both answered, unnumbered, in the other order: each finds its own
    both = _response_docx(tmp_path, [
        ("", "Review library opening hours in the south of the county.", "Accepted"),
        ("", "Review library opening hours in the north of the county.", "Not accepted")],
        "both.docx")
    preview = import_file(db, both, COMMITTEE).response
    assert [(m.candidate.label, m.ticked) for m in preview.rows] == [("2", True), ("1", True)]

    # one row that fits both equally: shown, not ticked, not recorded by "all"
    vague = _response_docx(tmp_path, [
        ("", "Review library opening hours across the county.", "Accepted")], "vague.docx")
    outcome = import_file(db, vague, COMMITTEE, ImportOptions(accept="all"))
    (m,) = outcome.response.rows
    assert m.matched
    assert m.ambiguous
    assert not m.ticked
    assert "fits nearly as well" in m.reason
    assert outcome.response_applied is None
    assert _updates(db) == []
    # named by the officer, it is recorded
    outcome = import_file(db, vague, COMMITTEE, ImportOptions(accept=[m.key]))
    assert outcome.response_applied.recorded == [m.key]
    assert _recs(db)[m.candidate.label].verdict == Verdict.ACCEPTED

    # numbered, the same vague row is told apart by its number
    numbered = _response_docx(tmp_path, [
        ("2", "Review library opening hours across the county.", "Noted")], "numbered.docx")
    (m,) = import_file(db, numbered, COMMITTEE).response.rows
    assert (m.candidate.label, m.ticked, m.reason) == ("2", True, "text and numbering agree")


def test_not_accepted_is_not_accepted(db, tmp_path):
    _with_recommendations(db, _recs_file(tmp_path, LIBRARIES))
    path = _response_docx(tmp_path, [
        ("1", LIBRARIES[0][1], "Not accepted"), ("2", LIBRARIES[1][1], "Accepted"),
        ("3", LIBRARIES[2][1], "Not agreed"), ("4", LIBRARIES[3][1], "Accepted in part")],
        "verdicts.docx")
    import_file(db, path, COMMITTEE, ImportOptions(accept="all"))
    assert {label: r.verdict for label, r in _recs(db).items()} == {
        "1": Verdict.REJECTED, "2": Verdict.ACCEPTED, "3": Verdict.REJECTED,
        "4": Verdict.PARTIALLY_ACCEPTED}


def test_bad_verdict_and_cancel_write_nothing(db, db_url, tmp_path, capsys):
    _with_recommendations(db, _recs_file(tmp_path, LIBRARIES))
    bad = _response_docx(tmp_path, [("1", LIBRARIES[0][1], "Accepted"),
                                    ("2", LIBRARIES[1][1], "Maybe later")], "bad.docx")
    with pytest.raises(ImportFileError, match=r"bad\.docx: Table 1 row 3: verdict 'Maybe later'"):
        import_file(db, bad, COMMITTEE, ImportOptions(accept="all"))
    assert _cli(db_url, "import", str(bad), "--committee", COMMITTEE, "--accept", "all") == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1

    good = _response_docx(tmp_path, [("1", LIBRARIES[0][1], "Accepted")], "good.docx")
    with pytest.raises(ImportCancelled) as cancelled:
        import_file(db, good, COMMITTEE, ImportOptions(accept="all"),
                    progress=None, cancel=_cancel_when_saving())
    assert cancelled.value.stage == "save"
    assert (cancelled.value.backup is not None) == db.is_sqlite
    assert _updates(db) == []
    assert _recs(db)["1"].verdict == Verdict.AWAITING


def test_a_recommendation_changed_since_the_preview_is_not_overwritten(db, tmp_path):
    _with_recommendations(db, _recs_file(tmp_path, LIBRARIES))
    path = _response_docx(tmp_path, [("1", LIBRARIES[0][1], "Accepted"),
                                     ("2", LIBRARIES[1][1], "Rejected")], "late.docx")
    preview = import_file(db, path, COMMITTEE).response
    record_response(db, _recs(db)["2"].id, "Agreed by the Leader", "accepted",
                    on=dt.date(2024, 3, 1))  # meanwhile, by another officer
    before = len(_updates(db))
    with pytest.raises(ConflictError, match="recommendation 2"):
        accept_response(db, preview, "all")
    assert len(_updates(db)) == before
    assert _recs(db)["1"].verdict == Verdict.AWAITING
    assert _recs(db)["2"].response == "Agreed by the Leader"


def test_the_decision_date_is_the_executives_not_a_last_updated_line():
    assert decision_of(["Last updated 2 April 2024", "Scrutiny recommendations",
                        "Executive meeting held on 14 March 2024"])[:2] == (
        "Executive", dt.date(2024, 3, 14))
    assert decision_of(["Response to the committee", "Cabinet – 23 March 2023"])[:2] == (
        "Cabinet", dt.date(2023, 3, 23))
    assert decision_of(["Response to the committee"]) == ("", None, "")


def _cancel_when_saving():
    """Cancel once the save has begun (inside the transaction, after the backup)."""
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 4  # check, read, backup, save entered; then the first tick
    return cancel
