"""Export then import gives back the same records, for all three kinds (issue 13).

Every action log, recommendation schedule and work programme of the fidelity corpus
(tests/fixtures/trackers, in all four formats) is imported into a real database, written out with
``export KIND -o FILE.xlsx`` (``services.exporting.export_workbook``), and that workbook is
imported into an empty database. Both databases are then listed through the services, and every
field of every record must be the same: the officer's status words, RAG, the extra columns under
their own headers, dates completed, responses and their dates, targets, and a work item's moves
with their reasons. Only what belongs to a database rather than to the data is left out (ids,
version counters, positions)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.db.schema import open_database
from desktop_app.services import actions, recommendations, work_programme
from desktop_app.services.exporting import export_workbook
from desktop_app.services.importing import ImportOptions, import_file

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trackers"
KIND = {"actions": "actions", "recommendations": "recommendations",
        "work_programme": "work-programme"}
NOT_DATA = {"id", "version", "committee_id", "meeting_id", "sort_order", "position"}


def _expected(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


FILES = sorted(p for p in CORPUS.iterdir()
               if p.suffix in (".xlsx", ".xlsm", ".xls", ".csv", ".docx", ".txt")
               and _expected(p)["kind"] in KIND)


def _listed(db: Any, kind: str, committee: str) -> dict[str, dict[str, Any]]:
    """The committee's records by their text, every field as the services list it."""
    if kind == "actions":
        rows: list[Any] = actions.list_actions(db, committee)
    elif kind == "recommendations":
        rows = recommendations.list_recommendations(db, committee)
    else:
        rows = work_programme.list_work_programme(db, committee)
    found = {}
    for row in rows:
        record = {k: v for k, v in row.as_dict().items() if k not in NOT_DATA}
        if kind == "work-programme":
            record["moves"] = [(m.from_date, m.to_date, m.reason) for m in row.moves]
        found[record.get("text") or record["title"]] = record
    return found


@pytest.fixture(scope="module")
def round_trips(tmp_path_factory) -> dict[str, tuple[dict, dict]]:
    """file name -> (records imported from the file, records imported from its export)."""
    found = {}
    for path in FILES:
        exp = _expected(path)
        kind, committee = KIND[exp["kind"]], exp["committee"]
        folder = tmp_path_factory.mktemp(path.stem)
        first = open_database(f"sqlite:///{folder / 'first.db'}")
        second = open_database(f"sqlite:///{folder / 'second.db'}")
        try:
            import_file(first, path, committee, ImportOptions(kind=kind, skip_bad_rows=True))
            exported = folder / f"{path.stem} exported.xlsx"
            export_workbook(first, kind, committee, exported)
            outcome = import_file(second, exported, committee)
            assert outcome.summary is not None
            assert outcome.summary.kind == kind
            assert not outcome.summary.skipped, outcome.summary.skipped
            found[path.name] = (_listed(first, kind, committee),
                                _listed(second, kind, committee))
        finally:
            first.dispose()
            second.dispose()
    return found


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_export_then_import_gives_back_the_same_records(round_trips, path):
    before, after = round_trips[path.name]
    assert len(before) == len(_expected(path)["records"])
    assert sorted(after) == sorted(before)
    wrong = [f"{text[:40]!r} {field}: {value!r} came back as {after[text].get(field)!r}"
             for text, record in before.items() for field, value in record.items()
             if after[text].get(field) != value]
    assert not wrong, "\n".join(wrong)


def test_the_round_trips_carry_what_an_export_could_lose(round_trips):
    """The corpus gives the round trips something to lose: extra columns and status words in
    each kind, RAG, dates completed, written responses with their dates, fuzzy targets, and
    moves with their reasons."""
    records = {kind: [r for name, (before, _after) in round_trips.items()
                      if _expected(CORPUS / name)["kind"] == kind for r in before.values()]
               for kind in KIND}
    for kind, found in records.items():
        assert any(r["extra"] for r in found), kind
        assert any(r["status_word"] for r in found), kind
    assert {r["rag"] for r in records["actions"]} >= {"red", "amber", "green"}
    assert any(r["completed_on"] for r in records["actions"])
    assert any(r["response"] and r["response_on"] for r in records["recommendations"])
    assert any(r["target"] for r in records["work_programme"])
    assert any(reason for r in records["work_programme"] for _f, _t, reason in r["moves"])
