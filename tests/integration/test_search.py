"""Search everything (issue 18): the full-text index follows every change (create, edit,
delete, import, attach) and is asked across committees or in one.

Every test here that takes ``db`` runs on SQLite and again, in the PostgreSQL pass, on a real
PostgreSQL server (FTS5 and triggers there, expression GIN indexes here).
"""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from openpyxl import Workbook

from desktop_app import cli as cli_module
from desktop_app.services import actions, committees, meetings, recommendations, work_programme
from desktop_app.services.errors import NotFound, ServiceError
from desktop_app.services.importing import import_file
from desktop_app.services.search import search
from tests.unit.reports_seed import make_pdf

D = dt.date
HOUSING, PLACES = "Housing Scrutiny Committee", "Places Scrutiny Committee"


def _two_committees(db) -> None:
    committees.add_committee(db, HOUSING, short_name="HSC")
    committees.add_committee(db, PLACES, short_name="PSC")
    meetings.add_meeting(db, HOUSING, D(2024, 3, 12))
    meetings.add_meeting(db, PLACES, D(2024, 3, 19))


def _titles(results, kind: str | None = None) -> list[str]:
    return [h.title.text for h in results.hits() if kind is None or h.kind == kind]


def test_results_across_committees_grouped_and_filtered(db):
    _two_committees(db)
    actions.add_action(db, HOUSING, D(2024, 3, 12), "Visit the mobile libraries depot",
                       owner="Jo Evans")
    actions.add_action(db, PLACES, D(2024, 3, 19), "Report library opening hours")
    recommendations.add_recommendation(db, PLACES, D(2024, 3, 19),
                                       "That the libraries strategy be reviewed")
    work_programme.add_work_item(db, HOUSING, "Damp and mould in council homes")

    found = search(db, "libraries")
    assert [g.label for g in found.groups] == ["Actions", "Recommendations and responses"]
    assert sorted((h.committee, h.title.text) for h in found.groups[0].hits) == [
        ("HSC", "Visit the mobile libraries depot"), ("PSC", "Report library opening hours")]
    assert found.groups[1].hits[0].key.committee == PLACES
    hit = next(h for h in found.hits() if h.committee == "HSC")
    marked = hit.title.text[slice(*hit.title.spans[0])]
    assert marked == "libraries"                        # the match is marked in the title

    only = search(db, "libraries", committee="psc")
    assert {h.committee for h in only.hits()} == {"PSC"}
    assert len(only.hits()) == 2
    assert search(db, "libraries -mobile").total == 2   # left out: the one with "mobile"
    assert _titles(search(db, '"opening hours"')) == ["Report library opening hours"]
    with pytest.raises(NotFound, match="no committee called 'Parks'"):
        search(db, "libraries", committee="Parks")
    with pytest.raises(ServiceError, match="nothing to search for"):
        search(db, "  -- ")


def test_index_follows_create_edit_delete(db):
    _two_committees(db)
    a = actions.add_action(db, HOUSING, D(2024, 3, 12), "Survey the playgrounds")
    assert _titles(search(db, "playgrounds")) == ["Survey the playgrounds"]

    actions.update_action(db, a.id, text="Survey the allotments", progress="Surveyor booked")
    assert search(db, "playgrounds").total == 0
    assert _titles(search(db, "allotments")) == ["Survey the allotments"]
    hit = search(db, "surveyor").hits()[0]
    assert (hit.kind, hit.key.id) == ("action", a.id)
    assert "Surveyor" in hit.snippet.text
    assert hit.snippet.spans

    r = recommendations.add_recommendation(db, HOUSING, D(2024, 3, 12),
                                           "That tenants be consulted")
    assert search(db, "questionnaire").total == 0
    recommendations.record_response(db, r.id, "Agreed: a questionnaire goes out in May",
                                    "accepted", on=D(2024, 5, 1))
    hit = search(db, "questionnaire").hits()[0]
    assert (hit.kind, hit.key.id, hit.title.text) == ("recommendation", r.id,
                                                     "That tenants be consulted")

    item = meetings.add_item(db, HOUSING, D(2024, 3, 12), "5", "Homelessness strategy",
                             purpose="To consider the draft strategy")
    assert [(h.kind, h.title.text) for h in search(db, "homelessness").hits()] == [
        ("agenda_item", "Item 5: Homelessness strategy")]
    meetings.update_item(db, item.id, minutes_text="Members asked about rough sleeping.",
                         resolutions="That the strategy be endorsed.")
    found = search(db, "rough sleeping")
    assert [(g.kind, [h.key.agenda_item_id for h in g.hits]) for g in found.groups] == [
        ("minutes", [item.id])]
    assert found.hits()[0].key.meeting_id is not None

    actions.delete_action(db, a.id)
    meetings.remove_item(db, item.id)
    assert search(db, "allotments").total == 0
    assert search(db, "sleeping").total == 0
    assert search(db, "homelessness").total == 0


def test_prefix_while_typing_and_stems(db):
    _two_committees(db)
    actions.add_action(db, PLACES, D(2024, 3, 19),
                       "Write to the voluntary organisations about safeguarding")
    for typed in ("safeg", "safeguar", "safeguarding", "voluntary organi", "organisati",
                  "organisation", "Organisations", "organised"):
        assert search(db, typed).total == 1, typed
    assert search(db, "safeguardx").total == 0
    assert search(db, "organisations safeg").total == 1


def test_report_pdf_text_found(db, tmp_path):
    _two_committees(db)
    pdf = make_pdf(tmp_path / "pools.pdf", "Hydrotherapy pool refurbishment costs", 2)
    item = meetings.add_item(db, PLACES, D(2024, 3, 19), "7", "Leisure centres",
                             attachments=[pdf])
    found = search(db, "hydrotherapy")
    assert [(h.kind, h.title.text, h.committee) for h in found.hits()] == [
        ("attachment", "pools", "PSC")]
    hit = found.hits()[0]
    assert (hit.key.agenda_item_id, hit.key.meeting_id) == (item.id, item.meeting_id)
    assert "refurbishment" in hit.snippet.text
    assert hit.where.endswith("item 7")


def test_imported_rows_are_indexed(db, tmp_path):
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Action Number", "Meeting Date", "Action", "Owner", "Due date"])
    ws.append([1, "12/03/2024", "Publish the damp and mould charter", "Ann Lee", "30/04/2024"])
    ws.append([2, "12/03/2024", "Brief members on the lettings policy", "Ann Lee", ""])
    wb.save(tmp_path / "log.xlsx")
    import_file(db, tmp_path / "log.xlsx", HOUSING)
    assert _titles(search(db, "charter")) == ["Publish the damp and mould charter"]
    assert search(db, "lettings").hits()[0].committee == HOUSING


def test_the_schema_check_knows_the_index(db):
    from desktop_app.services.backups import check_database
    assert check_database(db) == []


def _run(capsys, url: str, *args: str) -> tuple[int, str, str]:
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        code = cli_module.main(["--db", url, *args])
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
    out = capsys.readouterr()
    return code, out.out, out.err


def test_search_command(db, db_url, capsys):
    _two_committees(db)
    actions.add_action(db, HOUSING, D(2024, 3, 12), "Inspect the lifts in tower blocks",
                       progress="Engineer's report on the lifts due in April")
    code, out, err = _run(capsys, db_url, "search", "lifts")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Actions"
    assert "[HSC] Inspect the [lifts] in tower blocks" in out
    assert "Engineer's report on the [lifts] due in April" in out

    code, out, _ = _run(capsys, db_url, "search", "lifts", "--committee", "PSC", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = _run(capsys, db_url, "search", "tower", "blo", "--json")
    (row,) = json.loads(out)
    assert (row["kind"], row["committee"], row["title"]) == (
        "action", "HSC", "Inspect the lifts in tower blocks")

    code, out, err = _run(capsys, db_url, "search", "lifts", "--committee", "Parks")
    assert (code, out) == (2, "")
    assert err.startswith("scrutiny-tracker: error: no committee called 'Parks'")
    assert len(err.splitlines()) == 1
    code, _, err = _run(capsys, db_url, "search", " ")
    assert code == 2
    assert err == "scrutiny-tracker: error: nothing to search for: give a word\n"


def test_search_command_as_a_process(cli, db):
    committees.add_committee(db, HOUSING, short_name="HSC")
    work_programme.add_work_item(db, HOUSING, "Void properties turnaround times")
    result = cli("search", "void", "--json")
    assert result.code == 0, result
    assert [(r["kind"], r["title"]) for r in result.json()] == [
        ("work_item", "Void properties turnaround times")]


# --- SQLite only: the committed files of older revisions, and what a file may not carry ---

def test_an_upgraded_database_is_searchable(tmp_path):
    import shutil

    from desktop_app.db.schema import open_database
    from tests.integration.test_migration_files import FILES
    path = tmp_path / "officer.db"
    shutil.copyfile(FILES / "0005.sqlite", path)
    db = open_database(f"sqlite:///{path}", backups=tmp_path / "backups")
    try:
        assert _titles(search(db, "human rights")) == ["Check the Human Rights Act training"]
        assert [h.kind for h in search(db, "January").hits()] == ["recommendation"]
        assert [h.kind for h in search(db, "progress made").hits()] == ["minutes"]
        assert [(h.kind, h.title.text) for h in search(db, "solicitor").hits()] == [
            ("attachment", "Report of the Solicitor to the Council")]
        actions.add_action(db, "AC", None, "Chase the solicitor's report")
        assert search(db, "solicitor").total == 2
    finally:
        db.dispose()


def test_rows_written_outside_the_app_are_indexed_before_a_search(tmp_path):
    """0006.sqlite's last rows were written by make.py's own connection, as another program
    would: the triggers noted them, and the first search takes them in."""
    import shutil

    from desktop_app.db.schema import open_database
    from tests.integration.test_migration_files import FILES
    path = tmp_path / "officer.db"
    shutil.copyfile(FILES / "0006.sqlite", path)
    db = open_database(f"sqlite:///{path}")
    try:
        assert sorted(h.kind for h in search(db, "caseload figures").hits()) == [
            "action", "attachment"]
    finally:
        db.dispose()


def test_a_rewritten_search_trigger_is_named_by_the_check(tmp_path):
    from desktop_app.db.schema import open_database
    from desktop_app.services.backups import check_database
    db = open_database(f"sqlite:///{tmp_path / 'tracker.db'}")
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER search_action_ad")
            conn.exec_driver_sql("CREATE TRIGGER search_action_ad AFTER DELETE ON actions "
                                 "BEGIN DELETE FROM committees; END")
        assert check_database(db) == [
            "trigger search_action_ad is not the one this version writes"]
    finally:
        db.dispose()


def test_restore_brings_the_index_with_the_rows(tmp_path, capsys):
    from desktop_app.db.schema import open_database
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    db = open_database(url)
    try:
        _two_committees(db)
        item = meetings.add_item(db, HOUSING, D(2024, 3, 12), "4", "Tenant satisfaction")
        actions.add_action(db, HOUSING, None, "Publish the repairs backlog")
        code, _, _ = _run(capsys, url, "backup", "-o", str(tmp_path / "saved.db"))
        assert code == 0
        actions.add_action(db, HOUSING, None, "Publish the voids report")
        meetings.remove_item(db, item.id)
        assert _run(capsys, url, "restore", str(tmp_path / "saved.db"))[0] == 0
        assert _titles(search(db, "publish")) == ["Publish the repairs backlog"]
        hit = search(db, "satisfaction").hits()[0]
        assert (hit.kind, hit.committee) == ("agenda_item", "HSC")   # via its meeting
    finally:
        db.dispose()


def test_common_words_and_short_last_words(db):
    _two_committees(db)
    actions.add_action(db, HOUSING, None, "Agree the repairs standard")
    actions.add_action(db, HOUSING, None, "Ag and Ab testing")
    assert _titles(search(db, "the repairs")) == ["Agree the repairs standard"]
    assert _titles(search(db, "ag")) == ["Ag and Ab testing"]       # two letters: whole word
    assert sorted(_titles(search(db, "agr"))) == ["Agree the repairs standard"]
    with pytest.raises(ServiceError, match="nothing to search for"):
        search(db, "the and")


def test_without_fts5_the_app_works_and_search_says_why(tmp_path, monkeypatch, capsys):
    from desktop_app.db import search_index
    from desktop_app.db.schema import open_database
    from desktop_app.db.schema_check import expected_shape
    from desktop_app.services.backups import check_database
    monkeypatch.setattr(search_index, "fts5_available", lambda: False)
    expected_shape.cache_clear()
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    db = open_database(url)
    try:
        _two_committees(db)
        actions.add_action(db, HOUSING, None, "Publish the repairs backlog")
        assert check_database(db) == []
        code, out, err = _run(capsys, url, "search", "repairs")
        assert (code, out) == (2, "")
        assert err.startswith("scrutiny-tracker: error: search is not available: this Python's "
                              "SQLite has no full-text index (FTS5)")
        assert len(err.splitlines()) == 1
    finally:
        db.dispose()
        expected_shape.cache_clear()
    monkeypatch.undo()     # the same file with a Python that has FTS5: indexed when searched
    db = open_database(url)
    try:
        assert _titles(search(db, "repairs")) == ["Publish the repairs backlog"]
        assert check_database(db) == []
    finally:
        db.dispose()


def test_triggers_a_table_rebuild_dropped_come_back_with_the_next_upgrade(tmp_path):
    """A later migration that rebuilds a table on SQLite (batch_alter_table) drops its
    triggers; the migrations' env.py makes them again and refreshes the index."""
    import sqlalchemy as sa
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    from desktop_app.db.schema import open_database, upgrade
    from desktop_app.services.backups import check_database
    db = open_database(f"sqlite:///{tmp_path / 'tracker.db'}")
    try:
        _two_committees(db)
        with db.engine.begin() as conn:
            ops = Operations(MigrationContext.configure(conn))
            with ops.batch_alter_table("actions", recreate="always") as batch:
                batch.add_column(sa.Column("spare", sa.Text(), nullable=True))
            conn.exec_driver_sql("INSERT INTO actions (committee_id, ref, text, owner, "
                                 "directorate, progress, due_text, status, position, "
                                 "item_title, status_word, rag, extra, version, created_at, "
                                 "updated_at) VALUES (1, '9', 'Written while the trigger was "
                                 "gone', '', '', '', '', 'open', 0, '', '', '', '', 1, "
                                 "'2024-01-01 00:00:00', '2024-01-01 00:00:00')")
            conn.exec_driver_sql("ALTER TABLE actions DROP COLUMN spare")
        assert any("search_action" in p for p in check_database(db))
        upgrade(db)
        assert check_database(db) == []
        assert _titles(search(db, "trigger gone")) == ["Written while the trigger was gone"]
    finally:
        db.dispose()
