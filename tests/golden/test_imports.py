"""What each importer fixture becomes in the database: the workbooks typed from the seeds
(tests/fixtures_xlsx.py), the seeds' minutes and the other councils' minutes
(tests/fixtures/minutes/), each imported by the real command line into a fresh database and then
listed as JSON. Compared with tests/golden/imports/; refresh on purpose with ``make golden``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import fixtures_xlsx as F
from tests.conftest import REPO, SEEDS
from tests.golden.conftest import check_golden, run_cli

TODAY = "2021-11-23"   # the date of seed 004's meeting: what "overdue" is decided against
CYP = "Children and Young People Scrutiny Committee"
MINUTES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"

# name -> (builds the workbook at the path given, what to list afterwards)
WORKBOOKS: dict[str, tuple[Callable[[Path], object], tuple[str, ...]]] = {
    "seed-004-action-log": (F.seed_004_action_log, ("actions", "meetings")),
    "seed-004-action-log-dates-as-text": (
        lambda p: F.seed_004_action_log(p, dates_as_text=True), ("actions",)),
    "seed-003-recommendation-schedule": (F.seed_003_schedule, ("recommendations", "meetings")),
    "seed-004-recommendation-schedule": (F.seed_004_schedule, ("recommendations", "meetings")),
    "seed-004-work-programme": (F.seed_004_work_programme, ("work-programme", "meetings")),
}

MINUTES_FILES = {
    "seed-000-minutes": SEEDS / "000_herefordshire_cyp_minutes_2020-09.txt",
    "seed-001-minutes": SEEDS / "001_herefordshire_cyp_minutes_2022-02.txt",
    "seed-002-minutes": SEEDS / "002_staffordshire_safeguarding_minutes_2022-09.txt",
    "seed-004-agenda-pack-minutes": SEEDS / "004_herefordshire_cyp_agenda_pack_2021-11-23.txt",
    **{f"minutes-{p.stem}": p for p in sorted(MINUTES.iterdir())
       if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf")},  # not make_*.py, *.json
}
# pages that carry no meeting date are given the date of the meeting they come from
DATES = {"seed-000-minutes": "2020-09-15", "seed-001-minutes": "2022-02-22"}
LISTED_AFTER_MINUTES = ("meetings", "recommendations", "actions")


@pytest.fixture
def db(tmp_path, monkeypatch) -> tuple[str, ...]:
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", TODAY)
    return ("--db", f"sqlite:///{tmp_path / 'imported.db'}")


def _json(text: str, tmp_path: Path) -> object:
    """The JSON a command printed, with the folders of this run (the temporary folder, the
    checkout) written as TMP and REPO."""
    for folder, name in ((tmp_path, "TMP"), (REPO, "REPO")):
        text = text.replace(json.dumps(str(folder))[1:-1], name)
    return json.loads(text)


def _golden(name: str, found: dict[str, object]) -> None:
    check_golden(f"imports/{name}.json", json.dumps(found, indent=1, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("name", list(WORKBOOKS))
def test_workbook_import_matches_its_golden_file(name, db, tmp_path):
    build, listed = WORKBOOKS[name]
    path = tmp_path / f"{name}.xlsx"
    build(path)
    found: dict[str, object] = {
        "import": _json(run_cli(*db, "import", str(path), "--committee", CYP, "--create-committee",
                                    "--json"), tmp_path)}
    for kind in listed:
        found[kind] = _json(run_cli(*db, "list", kind, "--committee", CYP, "--json"), tmp_path)
    _golden(name, found)


@pytest.mark.parametrize("name", list(MINUTES_FILES))
def test_minutes_import_matches_its_golden_file(name, db, tmp_path):
    path = MINUTES_FILES[name]
    if not path.is_file():
        pytest.skip(f"fixture not present: {path}")
    run_cli(*db, "committee", "add", CYP, "--short", "CYPSC")
    found: dict[str, object] = {"import-minutes": _json(
        run_cli(*db, "import-minutes", str(path), "--committee", CYP, "--json",
                *(("--date", DATES[name]) if name in DATES else ())), tmp_path)}
    for kind in LISTED_AFTER_MINUTES:
        found[kind] = _json(run_cli(*db, "list", kind, "--committee", CYP, "--json"), tmp_path)
    _golden(name, found)
