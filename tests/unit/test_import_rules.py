"""Issue 13's fidelity: every tracker file of the corpus (tests/fixtures/trackers: .xlsx, .xls,
.csv and Word .docx; the executive-response files are another import's) goes through
``services.importing.import_file`` into a real database, its records are listed back through
the services (as ``list --json`` shows them) and scored field by field, on every field the
expected JSON holds, with the corpus's own ``score.py``; the import summary is scored on the
file-level facts (hidden sheets and rows, unknown status words, the RAG key).

Where each field comes from:
- the database, through the services, for everything it keeps;
- what the import read (``outcome.parsed``), for what no column keeps: where a record starts
  (``source``, which pairs the records), ``hidden``, ``marked`` (blue / red text: the reader's
  ``colour``) and ``verdict_word`` (the verdict as written);
- ``addressee`` and ``sent_on`` from the database when the file gives them; when it says
  nothing the app fills in its own defaults ("Executive", the meeting's date), which the corpus
  does not expect, so what the file gave (nothing) is scored instead.
Each file is one test, scored on every field; its failure lists every wrong field, record by
record. A field still wrong for a file would be listed in GAPS (strict: once it is put right,
the test says so and the entry must go)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.db.models import Action
from desktop_app.domain.enums import Verdict
from desktop_app.importers.grid import read_grids
from desktop_app.importers.xlsx_committees import select_committee
from desktop_app.importers.xlsx_headers import find_header, title_texts
from desktop_app.importers.xlsx_reader import parse_grids
from desktop_app.services import actions, recommendations, work_programme
from desktop_app.services.import_summary import key
from desktop_app.services.importing import ImportOptions, import_file
from tests.fixtures.trackers.schema import MAIN_FIELD, RECORD
from tests.fixtures.trackers.score import SUMMARY_FIELDS, same, score

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
KIND = {"actions": "actions", "recommendations": "recommendations",
        "work_programme": "work-programme"}
# every field of each kind's expected records (``source`` pairs them: scored as "(records)")
FIELDS = {kind: tuple(f for f in RECORD[kind] if f != "source") for kind in KIND}
# what the import read, for the fields no database column keeps
READ_FIELDS = ("hidden", "marked", "verdict_word")
# the app's own defaults when the file says nothing
DEFAULTED = ("addressee", "sent_on")
FILES = sorted(p for p in CORPUS.iterdir()
               if p.suffix in (".xlsx", ".xlsm", ".xls", ".csv", ".docx", ".txt")
               and json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8"))["kind"]
               in KIND)

# file stem -> fields still wrong (see the module's notes)
GAPS: dict[str, set[str]] = {}


def _expected(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def _verdict(row: Any) -> str | None:
    if row.verdict != Verdict.AWAITING:
        return row.verdict.value
    return None if row.responded else "awaiting"


def _records(db: Any, kind: str, committee: str) -> list[dict[str, Any]]:
    if kind == "actions":
        return [{**a.as_dict(), "reported_on": a.reported_complete_on}
                for a in actions.list_actions(db, committee)]
    if kind == "recommendations":
        return [{**r.as_dict(), "response_date": r.response_on, "verdict": _verdict(r)}
                for r in recommendations.list_recommendations(db, committee)]
    return [{**w.as_dict(), "moves": [{"from_date": m.from_date, "to_date": m.to_date,
                                       "reason": m.reason} for m in w.moves]}
            for w in work_programme.list_work_programme(db, committee)]


def _with_what_was_read(kind: str, stored: list[dict[str, Any]], parsed: Any
                        ) -> list[dict[str, Any]]:
    """The stored records with what the import read of each (paired by their main text)."""
    main = MAIN_FIELD[kind]
    read: dict[str, list[Any]] = {}
    for row in parsed.rows:
        read.setdefault(key(row.fields[main]), []).append(row)
    found = []
    for rec in stored:
        queue = read.get(key(rec[main] or ""))
        if queue:
            row = queue.pop(0)
            rec = {**rec, "source": {"sheet": row.sheet, "row": row.row_number},
                   "hidden": row.hidden, "marked": row.colour,
                   "verdict_word": row.fields.get("verdict_word")}
            given = row.given if row.given is not None else frozenset(row.fields)
            rec.update({f: row.fields.get(f) for f in DEFAULTED if f not in given})
        found.append(rec)
    return found


_IMPORTED: dict[str, tuple[list[dict[str, Any]], Any]] = {}


@pytest.fixture
def imported(request, tmp_path_factory):
    """(records listed back, import summary) of one corpus file, imported once per test run."""
    from desktop_app.db.schema import open_database
    path: Path = request.param
    if path.name not in _IMPORTED:
        exp = _expected(path)
        db = open_database(f"sqlite:///{tmp_path_factory.mktemp('rules') / 'tracker.db'}")
        try:
            outcome = import_file(db, path, exp["committee"],
                                  ImportOptions(kind=KIND[exp["kind"]], skip_bad_rows=True))
            stored = _records(db, exp["kind"], exp["committee"])
            _IMPORTED[path.name] = (_with_what_was_read(exp["kind"], stored, outcome.parsed),
                                    outcome.summary)
        finally:
            db.dispose()
    return _IMPORTED[path.name]


def test_the_corpus_is_scored_whole():
    """Every file that is not an executive response, in each of the four formats, on every
    field of its kind."""
    formats = {_expected(p)["format"] for p in FILES}
    assert formats >= {"xlsx", "xlsm", "xls", "csv", "docx", "txt"}
    assert len(FILES) == len([p for p in CORPUS.glob("*.expected.json")
                              if json.loads(p.read_text(encoding="utf-8"))["kind"] in KIND])
    assert {"hidden", "marked", "verdict_word", "extra", "moves"} <= \
        {f for fields in FIELDS.values() for f in fields}


@pytest.mark.parametrize("imported", FILES, ids=[p.stem for p in FILES], indirect=True)
def test_corpus_fields(imported, request):
    """Every field of every expected record, scored one field at a time, and the records paired
    (none missing, none extra). The fields still wrong must be exactly the file's GAPS entry
    (none today): a new misread fails, and so does a mended gap left in GAPS. The failure lists
    every wrong field of the file, record by record."""
    records, _summary = imported
    path = request.node.callspec.params["imported"]
    expected = path.with_suffix(".expected.json")
    wrong: dict[str, list[Any]] = {}
    for field in (*FIELDS[_expected(path)["kind"]], "(records)"):
        if field == "(records)":
            # paired by where each starts (sheet and row): none missing, none extra
            found: list[Any] = [f"stored but not read: {r}" for r in records if "source" not in r]
            found += [m for m in score(records, expected, fields=["text"])
                      if m.field == "(record)"]
        else:
            found = score(records, expected, fields=[field])
        if found:
            wrong[field] = found
    gaps = GAPS.get(path.stem, set())
    misread = [f"{field}: {m}" for field, found in wrong.items() if field not in gaps
               for m in found]
    assert not misread, "\n".join(misread)
    assert gaps <= set(wrong), f"right now, take out of GAPS: {sorted(gaps - set(wrong))}"


@pytest.mark.parametrize("imported", FILES, ids=[p.stem for p in FILES], indirect=True)
def test_corpus_summary(imported, request):
    """The summary names the hidden sheets and rows and counts the unknown words; the RAG key
    it read is the one above the table."""
    records, summary = imported
    path = request.node.callspec.params["imported"]
    found = [m for m in score(records, path.with_suffix(".expected.json"),
                              summary=summary.as_dict(), fields=["text"]) if m.record == "(file)"]
    assert not found, "\n".join(map(str, found))
    exp = _expected(path)
    assert {"hidden_sheets", "hidden_rows", "unknown_status_words", "rag_key"} <= \
        set(SUMMARY_FIELDS)
    assert same(exp["unknown_status_words"], summary.unknown_status_words)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_corpus_tables_and_titles(path):
    """Each sheet or Word table in file order, hidden or not, with the records it yields and
    the title that names it (a Word table's heading, a sheet-per-meeting's title row); the
    file's title among the rows above the first header. (A Word document's own title, its first
    heading, is not read into the grids on this branch: only the heading nearest each table.)"""
    exp = _expected(path)
    kind = KIND[exp["kind"]]
    grids = read_grids(path)
    assert [(g.title, g.hidden) for g in grids] == [(t["name"], t["hidden"]) for t in exp["tables"]]
    parsed = parse_grids(path, grids, kind)
    select_committee(parsed, exp["committee"])  # a sheet per committee: the import's only (51)
    per_table = {t["name"]: 0 for t in exp["tables"]}
    for row in parsed.rows:
        per_table[row.sheet] += 1
    assert per_table == {t["name"]: t["records"] for t in exp["tables"]}
    for grid, table in zip(grids, exp["tables"]):
        header = find_header(grid, kind, {})
        texts = [key(t) for t in title_texts(grid, header.row if header else None)]
        if table.get("title"):
            assert key(table["title"]) in texts, (table["name"], texts)
        if grid is grids[0] and exp["title"] and exp["format"] != "docx":
            assert key(exp["title"]) in texts, texts


# ---------------------------------------------------------------- repeat imports

def test_a_repeat_import_changes_nothing_whatever_came_in_between(db, tmp_path):
    """An action log with a row in blue (new since the last meeting), then a work programme
    that adds a later meeting, then the action log again: nothing changes (the blue action
    used to be re-dated to the work programme's meeting)."""
    from openpyxl.styles import Font

    from tests import fixtures_xlsx as F
    log = tmp_path / "log.xlsx"
    wb = F.save_rows(log, [["Ref", "Meeting date", "Action", "Owner", "Status"],
                           [1, "10/01/2023", "Circulate the audit plan", "Auditor", "Open"],
                           [2, "07/03/2023", "Report the sickness figures", "HR", "Open"],
                           [3, "10/01/2023", "Invite the police", "Clerk", "Paused"]],
                     title="Action log")
    for cell in wb.active[4]:
        cell.font = Font(color="FF0000FF")  # blue: new since the last meeting
    wb.save(log)
    wp = tmp_path / "wp.xlsx"
    F.save_rows(wp, [["Meeting date", "Item", "Lead officer", "Status"],
                     ["13/06/2023", "Budget monitoring", "Finance", "Scheduled"]],
                title="Work programme")
    committee = "Audit Committee"

    def stored() -> list[tuple]:
        with db.reading() as s:
            return [(a.ref, a.raised_on, a.meeting_id, a.status, a.status_word, a.version,
                     a.updated_on) for a in s.scalars(select(Action).order_by(Action.id))]
    first = import_file(db, log, committee).summary
    before = stored()
    import_file(db, wp, committee)
    again = import_file(db, log, committee).summary
    assert (first.created, again.created, again.updated, again.unchanged) == (3, 0, 0, 3)
    assert stored() == before
    assert before[1][1] == dt.date(2023, 3, 7)  # the blue action: raised at the last meeting
    assert again.unknown_status_words == {"Paused": 1}


# ---------------------------------------------------------------- moves

# (export then import, for every file of the corpus: test_round_trip.py)

def test_moves_the_file_states_are_kept_once(db):
    path = CORPUS / "14_work_programme_deferred.xlsx"
    committee = _expected(path)["committee"]
    import_file(db, path, committee)
    first = [(w.title, w.moves) for w in work_programme.list_work_programme(db, committee)]
    again = import_file(db, path, committee).summary
    assert (again.created, again.updated) == (0, 0)
    assert [(w.title, w.moves) for w in work_programme.list_work_programme(db, committee)] == first
    assert sum(len(m) for _t, m in first) == 3
