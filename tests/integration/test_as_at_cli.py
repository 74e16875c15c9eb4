"""The as-at rule and imported history from the command line, read back with pypdf.

The documents' "today" is fixed with SCRUTINY_TRACKER_TODAY, and the audit trail is dated as
if the rows were loaded or imported on a fixed day, so the real date never counts.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from desktop_app.db.models import AuditEntry
from tests import fixtures_xlsx as F
from tests.conftest import DEMO_COMMITTEE

TODAY = {"SCRUTINY_TRACKER_TODAY": "2027-02-01"}   # printed long after the meeting


def _text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


def _loaded_on(db, day: dt.datetime) -> None:
    with db.unit_of_work() as s:
        s.execute(update(AuditEntry).values(at=day))


@pytest.fixture
def run(cli):
    return lambda *args: cli(*args, env=TODAY)


def test_pack_printed_later_is_as_at_the_meetings_publication_date(run, db, tmp_path):
    assert run("demo").code == 0
    _loaded_on(db, dt.datetime(2026, 12, 1, 9))
    out = tmp_path / "pack.pdf"
    r = run("pack", "--committee", DEMO_COMMITTEE, "--meeting", "2021-11-23", "-o", str(out))
    assert r.code == 0, r
    text = _text(out)
    assert set(re.findall(r"as at (\d+ \w+ \d{4})", text, re.I)) == {"15 November 2021"}
    assert re.findall(r"07 December 2021 (\w+)", text) == ["Open", "Open", "Open"]


def test_action_log_of_imported_history_as_at_an_earlier_date(run, db, tmp_path):
    book = tmp_path / "log.xlsx"
    F.seed_004_action_log(book)
    assert run("import", str(book), "--committee", DEMO_COMMITTEE,
               "--create-committee").code == 0
    _loaded_on(db, dt.datetime(2026, 12, 1, 9))
    out = tmp_path / "log.pdf"
    r = run("export", "action-log", "--committee", DEMO_COMMITTEE, "--as-at", "2021-11-15",
            "-o", str(out))
    assert r.code == 0, r
    assert "7 current actions, 3 overdue" in _text(out)


def test_action_log_before_imported_history_says_why_it_is_empty(run, db, tmp_path):
    book = tmp_path / "log.xlsx"
    F.seed_004_action_log(book)
    assert run("import", str(book), "--committee", DEMO_COMMITTEE,
               "--create-committee").code == 0
    _loaded_on(db, dt.datetime(2026, 12, 1, 9))
    out = tmp_path / "log.pdf"
    r = run("export", "action-log", "--committee", DEMO_COMMITTEE, "--as-at", "2021-01-01",
            "-o", str(out))
    assert r.code == 0, r
    assert ("History before 1 December 2026 is not known: the tracker was imported on "
            "1 December 2026.") in _text(out)
