"""Saving a parsed workbook, all or nothing (a dry run, bad rows, an error part way, the
committee named), and the audit trail of its bulk inserts; matching, re-imports and newer
versions are test_import_service.py's."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from desktop_app.db import audit
from desktop_app.domain.as_at import KNOWN_FROM_IMPORT
from desktop_app.db.models import Action, AuditEntry, Meeting, Recommendation, WorkProgrammeItem
from desktop_app.importers.xlsx_reader import parse_workbook
from desktop_app.services.actions import list_actions
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_service import BadRowsError, import_workbook
from tests import fixtures_xlsx as F
from tests.unit.test_import_service import (CYP, _the_day_of_the_seed_meeting,  # noqa: F401
                                            audit_count, load)


# ---------------------------------------------------------------- all or nothing

def test_a_dry_run_writes_nothing(db, tmp_path):
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    summary = load(db, path, dry_run=True)
    assert (summary.created, summary.meetings_created, summary.dry_run) == (7, 3, True)
    assert audit_count(db) == 0
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == 0


def test_bad_rows_stop_the_import_unless_skipped(db, tmp_path):
    path = tmp_path / "log.xlsx"
    F.save_rows(path, [["Ref", "Meeting", "Action", "Status"],
                       [1, "07/09/2021", "Write to the MP", ""],
                       [2, "sometime", "Send the KPIs", ""],
                       [3, "07/09/2021", "Book the visit", "Parked?"]], title="Log")
    with pytest.raises(BadRowsError) as caught:
        load(db, path)
    message = str(caught.value)
    assert "\n" not in message
    assert ("log.xlsx: 1 row cannot be imported (sheet 'Log' row 3: meeting date 'sometime' is "
            "not a date)") in message
    assert "--skip-bad-rows" in message
    assert audit_count(db) == 0
    summary = load(db, path, skip_bad_rows=True)
    # a status word nobody knows does not block its row: it comes in open, and is counted
    assert summary.created == 2
    assert [(s, r) for s, r, _ in summary.skipped] == [("Log", 3)]
    assert summary.unknown_status_words == {"Parked?": 1}


def test_an_error_part_way_leaves_nothing(db, tmp_path):
    """A database error on the last row rolls back the committee, meetings and rows before."""
    from sqlalchemy.exc import IntegrityError
    path = tmp_path / "log.xlsx"
    F.save_rows(path, [["Ref", "Meeting", "Action"], [1, "07/09/2021", "Write to the MP"],
                       [2, "12/10/2021", "Send the KPIs"]])
    parsed = parse_workbook(path)
    parsed.rows[1].fields["text"] = None  # what no reader gives: the NOT NULL column refuses it
    with pytest.raises(IntegrityError):
        import_workbook(db, CYP, parsed)
    assert audit_count(db) == 0
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Action)) == 0


def test_unknown_kind_and_missing_committee(db, tmp_path):
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    parsed = parse_workbook(path)
    with pytest.raises(ServiceError, match="say which committee"):
        import_workbook(db, "  ", parsed)
    parsed.kind = "minutes"
    with pytest.raises(ServiceError, match="cannot import 'minutes'"):
        import_workbook(db, CYP, parsed)


def test_committee_found_by_short_name(db, tmp_path):
    from desktop_app.services.committees import add_committee
    add_committee(db, CYP, short_name="CYPSC")
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    summary = load(db, path, committee="cypsc")
    assert (summary.committee, summary.committee_created) == (CYP, False)


# ---------------------------------------------------------------- the audit of bulk inserts

@pytest.mark.parametrize("kind", ["actions", "recommendations", "work-programme"])
def test_created_rows_are_audited_as_the_orm_listener_would(db, tmp_path, kind):
    """Rows created in bulk get the same "insert" audit rows, snapshot and all, that the
    after-flush listener writes for a row added through the ORM."""
    path = tmp_path / "book.xlsx"
    {"actions": F.seed_004_action_log, "recommendations": F.seed_003_schedule,
     "work-programme": F.seed_004_work_programme}[kind](path)
    audit.set_current_user("Import Officer")
    try:
        load(db, path)
    finally:
        audit.set_current_user(None)
    model = {"actions": Action, "recommendations": Recommendation,
             "work-programme": WorkProgrammeItem}[kind]
    with db.reading() as s:
        objects = {o.id: o for o in s.scalars(select(model))}
        entries = s.scalars(select(AuditEntry).where(
            AuditEntry.table_name == model.__tablename__)).all()
        assert sorted(e.row_id for e in entries) == sorted(objects)
        for e in entries:
            # marked known from the import: the as-at view counts them from the file's dates
            assert (e.operation, e.who, e.field, e.old) == ("insert", "Import Officer",
                                                            KNOWN_FROM_IMPORT, None)
            assert e.committee_id == objects[e.row_id].committee_id
            assert json.loads(e.new) == json.loads(audit.snapshot(objects[e.row_id]))
        # the columns the rows leave to their defaults: versioned and timestamped like any row
        assert {(o.version, o.created_at is not None, o.updated_at is not None)
                for o in objects.values()} == {(1, True, True)}


def test_imported_rows_take_edits_with_version_checks(db, tmp_path):
    from desktop_app.services.actions import update_action
    from desktop_app.services.errors import ConflictError
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    load(db, path)
    first = list_actions(db, CYP)[0]
    assert first.version == 1
    changed = update_action(db, first.id, if_version=1, owner="Someone else")
    assert changed.version == 2
    with pytest.raises(ConflictError):
        update_action(db, first.id, if_version=1, owner="Too late")
