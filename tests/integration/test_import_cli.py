"""``import`` and ``export ... -o FILE.xlsx`` as an officer runs them: real processes, real
workbooks, a real database."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from tests import fixtures_xlsx as F

CYP = "Children and Young People Scrutiny Committee"
TODAY = {"SCRUTINY_TRACKER_TODAY": "2021-11-23"}  # the date of seed 004's meeting


@pytest.fixture
def run(cli):
    def call(*args, **kwargs):
        env = {**TODAY, **kwargs.pop("env", {})}
        return cli(*args, env=env, **kwargs)
    return call


def listing(run, kind: str, url: str | None = None) -> list[dict]:
    r = run("list", kind, "--committee", CYP, "--json", url=url)
    assert r.code == 0, r
    return r.json()


def history(run) -> list[dict]:
    r = run("history", "--json")
    assert r.code == 0, r
    return r.json()


# ---------------------------------------------------------------- import

def test_import_then_again_changes_nothing(run, tmp_path):
    path = tmp_path / "action log.xlsx"
    F.seed_004_action_log(path)
    r = run("import", str(path), "--committee", CYP, "--create-committee")
    assert r.code == 0, r
    assert r.out.splitlines()[0] == (f"imported action log.xlsx as actions into {CYP}: 7 created, "
                                     "0 updated, 0 unchanged, 0 skipped (committee created; "
                                     "3 meetings created)")
    rows, trail = listing(run, "actions"), history(run)
    assert [(a["ref"], a["status"], a["overdue"]) for a in rows] == [
        ("4", "open", True), ("1", "open", True), ("2", "open", True), ("3", "completed", False),
        ("5", "open", False), ("6", "open", False), ("7", "open", False)]
    assert [a["ref"] for a in rows if a["new_since_last_meeting"]] == ["5", "6", "7"]

    r = run("import", str(path), "--committee", "children and young people scrutiny committee",
            "--json")
    assert r.code == 0, r
    summary = r.json()
    assert (summary["created"], summary["updated"], summary["unchanged"], summary["skipped"]) == \
        (0, 0, 7, [])
    assert listing(run, "actions") == rows
    assert history(run) == trail


def test_a_newer_version_updates_fields_with_audit_rows(run, tmp_path):
    path = tmp_path / "log.xlsx"
    typed = F.seed_004_action_log(path)
    assert run("import", str(path), "--committee", CYP, "--create-committee").code == 0
    before = {a["ref"]: a for a in listing(run, "actions")}
    trail = history(run)

    wb = load_workbook(path)
    ws = wb["Action log"]
    ws.cell(typed[3].row, 6).value = "Advert placed; interviews 1 December."
    ws.cell(typed[3].row, 6).font = Font(color="FFFF0000")
    ws.cell(typed[3].row, 7).value = "Summer 2022"
    ws.cell(typed[0].row, 8).value = "COMPLETED"
    wb.save(path)
    r = run("import", str(path), "--committee", CYP, "--create-committee")
    assert r.code == 0, r
    assert "0 created, 2 updated, 5 unchanged, 0 skipped" in r.out
    assert f"updated sheet 'Action log' row {typed[3].row}: progress, due_date, due_text" in r.out

    after = {a["ref"]: a for a in listing(run, "actions")}
    assert (after["4"]["progress"], after["4"]["due_date"], after["4"]["due_text"]) == \
        ("Advert placed; interviews 1 December.", None, "Summer 2022")
    assert (after["1"]["status"], after["1"]["completed_on"]) == ("completed", "2021-11-23")
    assert {k: v for k, v in after.items() if k not in ("1", "4")} == \
        {k: v for k, v in before.items() if k not in ("1", "4")}
    new_audit = [e for e in history(run) if e["id"] > trail[-1]["id"]]
    changed = {(e["row_id"], e["field"], e["old"], e["new"]) for e in new_audit
               if e["table"] == "actions" and e["field"] not in ("updated_on",)}
    assert changed == {
        (before["4"]["id"], "progress", "In progress.", "Advert placed; interviews 1 December."),
        (before["4"]["id"], "due_date", "2021-09-01", None),
        (before["4"]["id"], "due_text", "", "Summer 2022"),
        (before["1"]["id"], "status", "open", "completed"),
        (before["1"]["id"], "completed_on", None, "2021-11-23")}
    assert all(e["who"] == "Test Officer" for e in new_audit)
    assert any(e["table"] == "progress_updates" and e["operation"] == "insert"
               for e in new_audit)


def test_dry_run_saves_nothing(run, tmp_path, db_url):
    path = tmp_path / "schedule.xlsx"
    F.seed_003_schedule(path)
    r = run("import", str(path), "--committee", CYP, "--create-committee", "--dry-run", "--json")
    assert r.code == 0, r
    summary = r.json()
    assert (summary["created"], summary["dry_run"], summary["meetings_created"]) == (34, True, 8)
    r = run("committee", "list", "--json")
    assert r.code == 0
    assert r.json() == []


def test_kind_and_mapping_options(run, tmp_path):
    path = tmp_path / "odd.xlsx"
    F.save_rows(path, [["Seq", "What we agreed", "Who", "Notes"],
                       ["A1", "Write to the MP", "Clerk", "chase"]])
    r = run("import", str(path), "--committee", CYP, "--create-committee")
    assert r.code == 2
    assert "no header row" in r.err
    r = run("import", str(path), "--committee", CYP, "--create-committee", "--as", "actions", "--map", "Seq=ref",
            "--map", "What we agreed=text", "--map", "Who=owner", "--map", "Notes=ignore")
    assert r.code == 0, r
    [a] = listing(run, "actions")
    assert (a["ref"], a["text"], a["owner"], a["progress"]) == ("A1", "Write to the MP",
                                                                "Clerk", "")
    r = run("import", str(path), "--committee", CYP, "--create-committee", "--map", "Seq")
    assert r.code == 2
    assert r.err.strip().endswith("--map 'Seq': give it as \"Header text=field\"")


def test_bad_rows_stop_the_import_unless_skipped(run, tmp_path):
    path = tmp_path / "log.xlsx"
    F.save_rows(path, [["Ref", "Meeting", "Action"], [1, "07/09/2021", "Write to the MP"],
                       [2, "next week", "Send the KPIs"]], title="Log")
    r = run("import", str(path), "--committee", CYP, "--create-committee")
    assert r.code == 2
    assert r.out == ""
    assert r.err.count("\n") == 1
    assert "sheet 'Log' row 3: meeting date 'next week' is not a date" in r.err
    assert run("committee", "list", "--json").json() == []
    r = run("import", str(path), "--committee", CYP, "--create-committee", "--skip-bad-rows")
    assert r.code == 0, r
    assert "1 created, 0 updated, 0 unchanged, 1 skipped" in r.out
    assert "skipped sheet 'Log' row 3: meeting date 'next week' is not a date" in r.out


# ---------------------------------------------------------------- hostile and wrong files

def _bomb(path: Path) -> None:
    src = path.with_name("src.xlsx")
    F.save_rows(src, [["Ref", "Action"], [1, "Write"]])
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (30 * 2**20))
            zout.writestr(info.filename, data)


def _laughs(path: Path) -> None:
    src = path.with_name("src.xlsx")
    F.save_rows(src, [["Ref", "Action"], [1, "Write"]])
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' + data.split(b"?>", 1)[-1])
            zout.writestr(info.filename, data)


HOSTILE = {
    "bomb.xlsx": (_bomb, "decompression bomb"),
    "laughs.xlsx": (_laughs, "DOCTYPE"),
    "old.xls": (lambda p: F.make_ole(p, {"Workbook": b"BIFF"}), "save as .xlsx"),
    "locked.xlsx": (lambda p: F.make_ole(p, {"EncryptionInfo": b"x", "EncryptedPackage": b"y"}),
                    "password-protected"),
    "notes.xlsx": (lambda p: p.write_text("Ref,Action\n1,Write\n", encoding="utf-8"), "not a zip"),
    "missing.xlsx": (lambda p: None, "file not found"),
    "empty.xlsx": (lambda p: F.save_rows(p, []), "empty"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_and_wrong_files_exit_2_with_one_line_and_write_nothing(run, tmp_path, name,
                                                                        db_url):
    make, words = HOSTILE[name]
    path = tmp_path / name
    make(path)
    r = run("import", str(path), "--committee", CYP, "--create-committee")
    assert r.code == 2, r
    assert r.out == ""
    assert r.err.count("\n") == 1
    assert "Traceback" not in r.err
    assert r.err.startswith(f"scrutiny-tracker: error: {name}: ")
    assert words in r.err
    if db_url.startswith("sqlite:///"):
        assert not Path(db_url.removeprefix("sqlite:///")).exists()  # not even created
    else:
        assert run("committee", "list", "--json").json() == []


# ---------------------------------------------------------------- export, and back

def _load_everything(run, tmp_path) -> None:
    for build in (F.seed_004_action_log, F.seed_003_schedule, F.seed_004_work_programme):
        path = tmp_path / f"{build.__name__}.xlsx"
        build(path)
        r = run("import", str(path), "--committee", CYP, "--create-committee")
        assert r.code == 0, r
    # and what the tracker adds itself
    actions = {a["ref"]: a for a in listing(run, "actions")}
    assert run("action", "report-complete", str(actions["3"]["id"]), "--meeting",
               "2021-10-12").code == 0
    recs = listing(run, "recommendations")
    assert run("recommendation", "respond", str(recs[0]["id"]), "--verdict", "accepted",
               "--response", "=Agreed in full").code == 0


def _comparable(rows: list[dict]) -> list[str]:
    """Rows without what belongs to the database rather than the data: ids, versions, the
    date a completion was recorded, and "new/updated since the last meeting", which depends on
    which meetings the database holds (the empty one has only this kind's meetings)."""
    drop = {"id", "version", "committee_id", "meeting_id", "updates", "moves", "completed_on",
            "sort_order", "new_since_last_meeting", "updated_since_last_meeting"}
    return sorted(json.dumps({k: v for k, v in r.items() if k not in drop}, sort_keys=True)
                  for r in rows)


@pytest.mark.parametrize("kind", ["actions", "recommendations", "work-programme"])
def test_export_then_import_into_an_empty_database_gives_the_same_data(run, tmp_path, kind,
                                                                        db_url, request):
    _load_everything(run, tmp_path)
    out = tmp_path / f"{kind}.xlsx"
    r = run("export", kind, "--committee", CYP, "-o", str(out))
    assert r.code == 0, r
    assert r.out.startswith(f"wrote {out}: ")
    # read back into the same database: nothing changes
    r = run("import", str(out), "--committee", CYP, "--create-committee", "--json")
    assert r.code == 0, r
    summary = r.json()
    assert (summary["kind"], summary["created"], summary["updated"]) == (kind, 0, 0)
    # and into an empty one: the same rows
    other = request.getfixturevalue("pg_server").new_database() \
        if not db_url.startswith("sqlite") else f"sqlite:///{tmp_path / 'other.db'}"
    r = run("import", str(out), "--committee", CYP, "--create-committee", url=other)
    assert r.code == 0, r
    assert _comparable(listing(run, kind, url=other)) == _comparable(listing(run, kind))


def test_export_writes_formulas_as_text(run, tmp_path):
    _load_everything(run, tmp_path)
    out = tmp_path / "recs.xlsx"
    assert run("export", "recommendations", "--committee", CYP, "-o", str(out)).code == 0
    ws = load_workbook(out).active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "=Agreed in full")
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_export_options_that_do_not_apply(run, tmp_path):
    _load_everything(run, tmp_path)
    out = str(tmp_path / "x.xlsx")
    # (--public applies to workbooks too since issue 14: no exempt item's text; and
    # --include-exempt is for workbooks only)
    r = run("export", "action-log", "--committee", CYP, "-o", out.replace(".xlsx", ".pdf"),
            "--include-exempt")
    assert r.code == 2
    assert "--include-exempt is for workbooks" in r.err
    r = run("export", "actions", "--committee", CYP, "-o", out, "--meeting", "2021-10-12")
    assert r.code == 2
    assert "--meeting does not apply" in r.err
    r = run("export", "minutes", "--committee", CYP, "-o", out)
    assert r.code == 2
    assert "'minutes' cannot be exported as .xlsx" in r.err
    r = run("export", "actions", "--committee", "Nobody", "-o", out)
    assert r.code == 2
    assert "no committee called 'Nobody'" in r.err
    assert not Path(out).exists()


def test_export_as_at_a_past_date(run, tmp_path):
    _load_everything(run, tmp_path)
    out = tmp_path / "then.xlsx"
    r = run("export", "actions", "--committee", CYP, "--as-at", "2021-01-01", "-o", str(out))
    assert r.code == 0, r
    assert r.out.strip() == f"wrote {out}: 0 actions"  # nothing had been imported by then
    today = tmp_path / "now.xlsx"
    r = run("export", "action-log", "--committee", CYP, "--as-at",
            dt.date.today().isoformat(), "-o", str(today))
    assert r.code == 0
    assert "7 actions" in r.out


def test_colours_survive_the_round_trip(run, tmp_path, db_url, request):
    """Blue (new) and red (updated) rows come back new and updated when the empty database
    holds the same meetings."""
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    assert run("import", str(path), "--committee", CYP, "--create-committee").code == 0
    out = tmp_path / "exported.xlsx"
    assert run("export", "actions", "--committee", CYP, "-o", str(out)).code == 0
    # OVERDUE, new and updated are as at today: the workbook says which day that is
    assert load_workbook(out)["Action log"]["A1"].value == \
        f"{CYP} action log, as at 23 November 2021"
    other = request.getfixturevalue("pg_server").new_database() \
        if not db_url.startswith("sqlite") else f"sqlite:///{tmp_path / 'other.db'}"
    assert run("import", str(out), "--committee", CYP, "--create-committee", url=other).code == 0
    flags = [(a["ref"], a["new_since_last_meeting"], a["updated_since_last_meeting"])
             for a in listing(run, "actions", url=other)]
    assert flags == [(a["ref"], a["new_since_last_meeting"], a["updated_since_last_meeting"])
                     for a in listing(run, "actions")]
    assert [ref for ref, new, _ in flags if new] == ["5", "6", "7"]
    assert [ref for ref, _, updated in flags if updated] == ["4", "3"]


def test_accept_is_only_for_returned_chase_workbooks(run, tmp_path):
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    r = run("import", str(path), "--committee", CYP, "--create-committee", "--accept", "all")
    assert r.code == 2
    assert "--accept is for workbooks returned from 'chase'" in r.err
    assert run("committee", "list", "--json").json() == []


def test_import_takes_a_rotated_backup_first(cli, tmp_path):
    import os
    from pathlib import Path
    if os.environ.get("SCRUTINY_TEST_BACKEND", "sqlite") != "sqlite":
        return  # file backups are for SQLite; PostgreSQL is backed up by its server
    from openpyxl import Workbook
    book = tmp_path / "log.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["Action Number", "Meeting Date", "Action", "Owner", "Due date"])
    ws.append([1, "07/09/2021", "Check the induction pack", "Claire Ward", "02/11/2021"])
    wb.save(book)
    assert cli("import", str(book), "--committee", "CYPSC", "--create-committee",
               "--dry-run").code == 0
    backups = Path(os.environ["SCRUTINY_TRACKER_HOME"]) / "data" / "backups"
    assert not list(backups.glob("*before-import*"))
    r = cli("import", str(book), "--committee", "CYPSC", "--create-committee")
    assert r.code == 0, r
    assert len(list(backups.glob("*before-import.db"))) == 1


def test_a_written_response_without_a_verdict_is_listed_as_responded(run):
    # Corpus file 31: EH1-EH5 have the Cabinet's written response (no verdict word), TA1-TA4
    # none yet. The listing says "responded" for the first, "awaiting" for the others.
    path = Path(__file__).resolve().parents[1] / "fixtures" / "trackers" / \
        "31_recs_responses_over_time.xlsx"
    r = run("import", str(path), "--committee", "Housing Scrutiny", "--create-committee")
    assert r.code == 0, r
    r = run("list", "recommendations", "--committee", "Housing Scrutiny")
    assert r.code == 0, r
    verdicts = {re.search(r"\b(EH|TA)\d\b", line)[0]:
                re.search(r"\b(responded|awaiting)\b", line)[0]
                for line in r.out.splitlines()[2:]}
    assert verdicts == {**{f"EH{n}": "responded" for n in range(1, 6)},
                        **{f"TA{n}": "awaiting" for n in range(1, 5)}}
