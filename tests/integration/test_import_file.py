"""``services.importing.import_file``: the one import of the command line, the wizard and chase
returns. Real workbooks, real databases, real backup files; Cancel tried at every point it is
looked at."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop_app import paths
from desktop_app.db.models import Action, AuditEntry, Committee, Meeting
from desktop_app.services import actions, committees
from desktop_app.services.chase import chase_owners
from desktop_app.services.import_apply import Applier
from desktop_app.services.importing import (STAGES, ImportCancelled, ImportFileError,
                                            ImportOptions, ImportProgress, import_file)
from tests.fixtures_xlsx import save_rows

COMMITTEE = "Housing Scrutiny Committee"
HEADER = ["Ref", "Meeting date", "Action", "Owner", "Due date"]
ROWS = [[n, "07/09/2021", f"Action number {n}", "Claire Ward", "02/11/2021"] for n in range(1, 8)]


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-23")


@pytest.fixture
def small_batches(monkeypatch):
    """Three rows a batch, so that seven rows are saved in three batches (and Cancel is looked
    at between them), as 20,000 rows are in forty."""
    monkeypatch.setattr(Applier, "BATCH", 3)


def action_log(path: Path) -> Path:
    save_rows(path, [["Housing action log"], HEADER, *ROWS], title="Action log")
    return path


def backups() -> list[Path]:
    return sorted(paths.backup_dir().glob("*.db")) if paths.backup_dir().exists() else []


def stored(db) -> tuple[int, int, int, int]:
    """Committees, meetings, actions and audit rows: what an import would change."""
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(model))
                     for model in (Committee, Meeting, Action, AuditEntry))


class Recorder:
    """The progress callable, and a cancel callable that says yes from its ``at``-th call."""

    def __init__(self, at: int | None = None):
        self.at = at
        self.calls = 0
        self.reports: list[ImportProgress] = []

    def progress(self, report: ImportProgress) -> None:
        self.reports.append(report)

    def cancel(self) -> bool:
        self.calls += 1
        return self.at is not None and self.calls >= self.at


def test_progress_is_reported_stage_by_stage_and_batch_by_batch(db, tmp_path, small_batches):
    seen = Recorder()
    outcome = import_file(db, action_log(tmp_path / "log.xlsx"), COMMITTEE, ImportOptions(),
                          seen.progress, seen.cancel)
    assert outcome.summary is not None
    assert outcome.summary.created == 7
    assert [r.stage for r in seen.reports if r.total == 0] == list(STAGES)
    saving = [(r.done, r.total) for r in seen.reports if r.stage == "save" and r.total]
    assert saving == [(0, 7), (3, 7), (6, 7), (7, 7)]  # before each batch, then the commit
    assert seen.calls == len(STAGES) + len(saving)     # Cancel looked at each time
    assert [a.text for a in actions.list_actions(db, COMMITTEE)] == [r[2] for r in ROWS]


def test_a_real_backup_is_taken_before_saving(db, tmp_path):
    if not db.is_sqlite:
        pytest.skip("a PostgreSQL server is backed up by its administrators")
    before = backups()
    outcome = import_file(db, action_log(tmp_path / "log.xlsx"), COMMITTEE)
    assert outcome.backup is not None
    assert outcome.backup.exists()
    assert backups() == sorted([*before, outcome.backup])
    assert outcome.backup.name.endswith("-before-import.db")
    assert outcome.backup.read_bytes().startswith(b"SQLite format 3\x00")


def test_cancel_at_every_point_leaves_the_database_as_it_was(db, tmp_path, small_batches):
    path = action_log(tmp_path / "log.xlsx")
    import_file(db, path, "Another committee")  # something already stored, and its backup
    points = len(STAGES) + 4                     # the stages, three batches, the commit
    for at in range(1, points + 1):
        before, kept = stored(db), backups()
        seen = Recorder(at)
        with pytest.raises(ImportCancelled) as caught:
            import_file(db, path, COMMITTEE, ImportOptions(), seen.progress, seen.cancel)
        assert stored(db) == before, at
        assert [c.name for c in committees.list_committees(db)] == ["Another committee"]
        backed_up = at > STAGES.index("backup") + 1  # Cancel came after the backup stage
        # the stage begun last when Cancel was looked at
        assert caught.value.stage == ["check", "check", "read", "backup", *["save"] * 4][at - 1]
        if db.is_sqlite:
            assert (caught.value.backup is not None) == backed_up, at
            assert backups() == sorted([*kept, *([caught.value.backup] if backed_up else [])])
            if backed_up:
                assert caught.value.backup.exists()  # the backup is kept, as it always was
    seen = Recorder(points + 1)                      # one call too late: the import is done
    assert import_file(db, path, COMMITTEE, ImportOptions(), seen.progress,
                       seen.cancel).summary.created == 7


def test_a_dry_run_writes_nothing_and_takes_no_backup(db, tmp_path):
    before, kept = stored(db), backups()
    seen = Recorder()
    outcome = import_file(db, action_log(tmp_path / "log.xlsx"), COMMITTEE,
                          ImportOptions(dry_run=True), seen.progress, seen.cancel)
    assert outcome.summary.dry_run
    assert outcome.summary.created == 7
    assert outcome.summary.committee_created
    assert outcome.backup is None
    assert backups() == kept
    assert stored(db) == before
    assert "backup" not in [r.stage for r in seen.reports]


def test_a_file_that_cannot_be_read_is_refused_before_the_database_is_opened(tmp_path):
    bad = tmp_path / "log.xlsx"
    bad.write_bytes(b"not a workbook at all")
    opened: list[str] = []

    def database():
        opened.append("opened")
        raise AssertionError("the database was opened for a file that cannot be read")

    with pytest.raises(ImportFileError, match="log.xlsx"):
        import_file(database, bad, COMMITTEE)
    assert opened == []


def test_options_kind_and_mapping_are_those_of_the_command_line(db, tmp_path):
    path = tmp_path / "replies.xlsx"
    save_rows(path, [["Ref", "Meeting date", "Action", "Who will do it"],
                     [1, "07/09/2021", "Report back on voids", "Sam Jones"]])
    outcome = import_file(db, path, COMMITTEE,
                          ImportOptions(kind="actions", mapping={"Who will do it": "owner"}))
    assert [(a.text, a.owner) for a in actions.list_actions(db, COMMITTEE)] == [
        ("Report back on voids", "Sam Jones")]
    assert outcome.parsed is not None
    assert outcome.parsed.kind == "actions"


def test_a_returned_chase_workbook_is_applied_or_cancelled_as_a_whole(demo_db, tmp_path):
    committee = "Children and Young People Scrutiny Committee"
    (pack,) = chase_owners(demo_db, committee, tmp_path / "chase", owner="Richard Watson",
                           now=dt.date(2021, 11, 12))
    wb = load_workbook(pack.workbook)
    ws = wb["Actions"]
    action_id = int(ws["G3"].value.split(":")[1])
    ws["F3"] = "KPIs circulated to members on 1 December"
    wb.save(pack.workbook)
    before = actions.get_action(demo_db, action_id).progress

    shown = import_file(demo_db, pack.workbook, "", ImportOptions())  # no --accept: shown only
    assert [c.owner for c in shown.review.changes] == ["KPIs circulated to members on 1 December"]
    assert shown.chosen == []
    assert shown.applied == 0
    assert shown.backup is None

    for at in range(1, len(STAGES) + 3):  # the stages, then before the first change and commit
        seen = Recorder(at)
        with pytest.raises(ImportCancelled):
            import_file(demo_db, pack.workbook, "", ImportOptions(accept="all"), seen.progress,
                        seen.cancel)
        assert actions.get_action(demo_db, action_id).progress == before

    done = import_file(demo_db, pack.workbook, "", ImportOptions(accept="all"))
    assert done.applied == 1
    assert actions.get_action(demo_db, action_id).progress == (
        "KPIs circulated to members on 1 December")
