"""Saving a parsed workbook: matching, re-imports, newer versions, what a sheet does not say;
all or nothing and the audit of bulk inserts are test_import_service_audit.py's."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font
from sqlalchemy import func, select

from desktop_app.db.models import AuditEntry
from desktop_app.importers.xlsx_reader import parse_workbook
from desktop_app.services.actions import get_action, list_actions
from desktop_app.services.import_service import BadRowsError, import_workbook
from desktop_app.services.recommendations import list_recommendations
from desktop_app.services.work_programme import list_work_programme
from tests import fixtures_xlsx as F

D = dt.date
CYP = "Children and Young People Scrutiny Committee"


@pytest.fixture(autouse=True)
def _the_day_of_the_seed_meeting(monkeypatch):
    """Seed 004's pack is for 23 November 2021: meetings before it have been held."""
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2021-11-23")


def audit_count(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def load(db, path, committee=CYP, **kwargs):
    return import_workbook(db, committee, parse_workbook(path), **kwargs)


# ---------------------------------------------------------------- actions

def test_seed_action_log_creates_committee_meetings_and_actions(db, tmp_path):
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    summary = load(db, path)
    assert (summary.created, summary.updated, summary.unchanged, summary.skipped) == (7, 0, 0, [])
    assert (summary.committee_created, summary.meetings_created) == (True, 3)
    rows = sorted(list_actions(db, CYP), key=lambda a: int(a.ref))
    assert [(a.ref, a.meeting_date, a.owner, a.due_date, a.status) for a in rows] == [
        ("1", D(2021, 9, 7), "Claire Ward", D(2021, 11, 2), "open"),
        ("2", D(2021, 9, 7), "Claire Ward", D(2021, 11, 2), "open"),
        ("3", D(2021, 9, 7), "Clerk to the committee", D(2021, 11, 2), "completed"),
        ("4", D(2021, 8, 5), "Clerk to the committee", D(2021, 9, 1), "open"),
        ("5", D(2021, 10, 12), "Richard Watson", D(2021, 12, 7), "open"),
        ("6", D(2021, 10, 12), "Kate Charlton", D(2021, 12, 7), "open"),
        ("7", D(2021, 10, 12), "Richard Watson", D(2021, 12, 7), "open")]
    # the services' own reading of the colours: blue = new, red = updated since 12 October
    assert [a.ref for a in rows if a.new_since_last_meeting] == ["5", "6", "7"]
    assert [a.ref for a in rows if a.updated_since_last_meeting] == ["3", "4"]
    assert [a.ref for a in rows if a.overdue] == ["1", "2", "4"]


def test_reimporting_the_same_file_changes_nothing(db, tmp_path):
    path = tmp_path / "log.xlsx"
    F.seed_004_action_log(path)
    load(db, path)
    before, rows_before = audit_count(db), list_actions(db, CYP)
    summary = load(db, path)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 7)
    assert summary.meetings_created == 0
    assert not summary.committee_created
    assert audit_count(db) == before
    assert list_actions(db, CYP) == rows_before


def test_a_newer_version_updates_what_changed_in_the_audit_trail(db, tmp_path):
    path = tmp_path / "log.xlsx"
    typed = F.seed_004_action_log(path)
    load(db, path)
    ids = {a.ref: a.id for a in list_actions(db, CYP)}

    wb = load_workbook(path)
    ws = wb["Action log"]
    first, second = typed[0].row, typed[1].row
    ws.cell(first, 6).value = "Legal services checking. Workshop requirement confirmed."
    ws.cell(first, 6).font = Font(color="FFFF0000")
    ws.cell(second, 8).value = "COMPLETED"
    ws.append([8, dt.datetime(2021, 10, 12), "Share the audit documentation", "Cath Knowles",
               "Children and Families", "", dt.datetime(2021, 11, 23), None])
    for c in range(1, 9):
        ws.cell(ws.max_row, c).font = Font(color="FF0070C0")
    wb.save(path)

    summary = load(db, path)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 2, 5)
    assert sorted((c.id, tuple(c.fields)) for c in summary.changes) == sorted([
        (ids["1"], ("progress",)), (ids["2"], ("status", "completed_on"))])
    with db.reading() as s:
        changes = s.execute(select(AuditEntry.row_id, AuditEntry.field, AuditEntry.old,
                                   AuditEntry.new)
                            .where(AuditEntry.table_name == "actions",
                                   AuditEntry.operation == "update")
                            .order_by(AuditEntry.id)).all()
    assert {(r, f, o, n) for r, f, o, n in changes if f != "updated_on"} == {
        (ids["1"], "progress", "Legal services checking",
         "Legal services checking. Workshop requirement confirmed."),
        (ids["2"], "status", "open", "completed"),
        (ids["2"], "completed_on", None, "2021-11-23")}
    one = get_action(db, ids["1"])
    assert [(u.on, u.text) for u in one.updates] == [
        (D(2021, 11, 23), "Legal services checking. Workshop requirement confirmed.")]
    assert one.updated_since_last_meeting
    new = next(a for a in list_actions(db, CYP) if a.ref == "8")
    assert new.new_since_last_meeting
    assert new.owner == "Cath Knowles"


def test_actions_match_by_meeting_and_reference_never_reference_alone(db, tmp_path):
    header = ["Ref", "Meeting", "Action", "Owner"]
    first = tmp_path / "2021.xlsx"
    F.save_rows(first, [header, [1, "07/09/2021", "Write to the MP", "Clerk"],
                        [1, "12/10/2021", "Send the KPIs", "Richard Watson"]])
    assert load(db, first).created == 2
    # the next municipal year starts its numbering again: action 1 of a new meeting is new
    second = tmp_path / "2022.xlsx"
    F.save_rows(second, [header, [1, "24/05/2022", "Book the induction", "Clerk"]])
    assert load(db, second).created == 1
    # the same meeting and reference with reworded text is the same action, updated
    third = tmp_path / "reworded.xlsx"
    F.save_rows(third, [header, [1, "07/09/2021", "Write to both MPs", "Clerk"]])
    summary = load(db, third)
    assert (summary.created, summary.updated) == (0, 1)
    assert sorted(a.text for a in list_actions(db, CYP)) == [
        "Book the induction", "Send the KPIs", "Write to both MPs"]


def test_without_a_meeting_the_text_must_agree_too(db, tmp_path):
    path = tmp_path / "a.xlsx"
    F.save_rows(path, [["Ref", "Action"], ["A1", "Write to the MP"]])
    load(db, path)
    other = tmp_path / "b.xlsx"
    F.save_rows(other, [["Ref", "Action"], ["A1", "Book the visit"], ["", "Write to the MP"]])
    summary = load(db, other)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 0, 1)


def test_reported_complete_tab_records_the_reporting(db, tmp_path):
    header = ["Action Number", "Meeting Date", "Action", "Owner", "Reported complete"]
    path = tmp_path / "log.xlsx"
    F.save_rows(path, [header, [5, "12/10/2021", "Circulate the KPIs", "Richard Watson", ""]],
                title="Action log",
                more={"Reported complete": [
                    header, [3, "07/09/2021", "Seek an update", "Clerk", ""],
                    [2, "07/09/2021", "Send the pack", "Clerk", dt.datetime(2021, 9, 7)]]})
    load(db, path)
    got = {a.ref: (a.status, a.reported_complete_on) for a in list_actions(db, CYP)}
    assert got == {"5": ("open", None), "3": ("completed", D(2021, 10, 12)),
                   "2": ("completed", D(2021, 9, 7))}


# ---------------------------------------------------------------- recommendations

def test_seed_schedule_then_a_newer_version(db, tmp_path):
    path = tmp_path / "schedule.xlsx"
    typed, _ = F.seed_003_schedule(path)
    summary = load(db, path)
    assert (summary.created, summary.meetings_created) == (34, 8)
    assert load(db, path).unchanged == 34

    wb = load_workbook(path)
    ws = wb["Schedule"]
    momo = next(t for t in typed if t.cells[2].startswith("requests a briefing note on the mind"))
    ws.cell(momo.row, 5).value = "Completed"
    reworded = next(t for t in typed if t.cells[2].startswith("agrees that meetings are"))
    ws.cell(reworded.row, 3).value = "Agrees that meetings are scheduled four weeks later."
    wb.save(path)
    summary = load(db, path)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 32)
    recs = list_recommendations(db, CYP)
    assert len(recs) == 35  # the reworded one is another recommendation; the old one stays
    done = next(r for r in recs if r.text.startswith("requests a briefing note on the mind"))
    assert (done.status, done.meeting_date, done.sent_on) == ("completed", D(2020, 3, 16),
                                                              D(2020, 3, 16))
    assert done.item == ("Review of performance and progress against the safeguarding and "
                         "family support improvement plan 2019/20")


def test_a_blank_verdict_or_response_leaves_the_stored_one(db, tmp_path):
    path = tmp_path / "recs.xlsx"
    F.save_rows(path, [["Meeting", "Item", "Recommendation", "Response", "Verdict"],
                       ["12/10/2021", "Bromyard", "Consider an exemption", "Exemption applied",
                        "Accepted"]])
    load(db, path)
    F.save_rows(path, [["Meeting", "Item", "Recommendation", "Response", "Verdict"],
                       ["12/10/2021", "Bromyard", "Consider an exemption", "", ""]])
    assert load(db, path).unchanged == 1
    [rec] = list_recommendations(db, CYP)
    assert (rec.response, rec.verdict) == ("Exemption applied", "accepted")


# ---------------------------------------------------------------- work programme

def test_work_programme_by_title_and_format_with_moves(db, tmp_path):
    path = tmp_path / "wp.xlsx"
    F.seed_004_work_programme(path)
    assert load(db, path).created == 35
    assert load(db, path).unchanged == 35

    header = ["Item", "Format", "Meeting date", "Current position"]
    newer = tmp_path / "newer.xlsx"
    F.save_rows(newer, [header,
                        ["Carers Portal", "Briefing note", None, "Will discuss in briefing"],
                        ["Mental health", "Agenda item", "22/03/2022", "Scheduled for March"],
                        ["Kick Start Programme", "Briefing note", None, "Circulated"]])
    summary = load(db, newer)
    assert (summary.created, summary.updated) == (0, 3)
    items = {w.title: w for w in list_work_programme(db, CYP)}
    carers = items["Carers Portal"]
    assert (carers.format, carers.meeting_date) == ("briefing_note", None)
    assert [(m.from_date, m.to_date) for m in carers.moves] == [(D(2021, 11, 23), None)]
    health = items["Mental health"]
    assert (health.meeting_date, health.position) == (D(2022, 3, 22), "Scheduled for March")
    assert [(m.from_date, m.to_date) for m in health.moves] == [(None, D(2022, 3, 22))]
    assert items["Kick Start Programme"].target == "June / July 2021"  # not in the newer sheet


# ---------------------------------------------------------------- what a sheet does not say

def test_columns_a_sheet_lacks_leave_stored_values_alone(db, tmp_path):
    from desktop_app.services.actions import update_action
    full = tmp_path / "full.xlsx"
    F.save_rows(full, [["Ref", "Meeting", "Agenda item", "Action", "Owner", "Directorate",
                        "Due date", "Status"],
                       [1, "07/09/2021", "Legal team", "Write to the MP", "Clerk", "Corporate",
                        "Summer 2021", "Completed"]])
    load(db, full)
    [a] = list_actions(db, CYP)
    update_action(db, a.id, progress="Letter sent")
    thin = tmp_path / "thin.xlsx"
    F.save_rows(thin, [["Ref", "Meeting", "Action", "Owner"],
                       [1, "07/09/2021", "Write to the MP", "Democratic services"]])
    summary = load(db, thin)
    assert (summary.updated, [c.fields for c in summary.changes]) == (1, [["owner"]])
    [b] = list_actions(db, CYP)
    assert (b.owner, b.item, b.directorate, b.due_text, b.status, b.progress) == (
        "Democratic services", "Legal team", "Corporate", "Summer 2021", "completed",
        "Letter sent")


def test_a_work_programme_without_meetings_leaves_them_scheduled(db, tmp_path):
    path = tmp_path / "wp.xlsx"
    F.save_rows(path, [["Item", "Meeting date", "Lead officer"],
                       ["Dental health", "07/12/2021", "Public health"]])
    load(db, path)
    thin = tmp_path / "thin.xlsx"
    F.save_rows(thin, [["Item", "Lead officer"], ["Dental health", "Director of public health"]])
    assert load(db, thin).updated == 1
    [w] = list_work_programme(db, CYP)
    assert (w.meeting_date, w.status, w.lead) == (D(2021, 12, 7), "scheduled",
                                                  "Director of public health")


def test_an_action_log_without_meetings_matches_across_meetings_by_text(db, tmp_path):
    path = tmp_path / "log.xlsx"
    F.save_rows(path, [["Ref", "Meeting", "Action", "Owner"],
                       [4, "05/08/2021", "Advertise the co-optee posts", "Clerk"]])
    load(db, path)
    thin = tmp_path / "thin.xlsx"
    F.save_rows(thin, [["Ref", "Action", "Owner"], [4, "Advertise the co-optee posts", "HR"]])
    summary = load(db, thin)
    assert (summary.created, summary.updated) == (0, 1)
    [a] = list_actions(db, CYP)
    assert (a.meeting_date, a.owner) == (D(2021, 8, 5), "HR")


def test_texts_longer_than_their_columns_are_bad_rows_never_cut(db, tmp_path):
    path = tmp_path / "log.xlsx"
    F.save_rows(path, [["Ref", "Meeting", "Action", "Due date"],
                       [1, "07/09/2021", "Write to the MP", "Summer"],
                       ["R" * 51, "07/09/2021", "Send the KPIs", ""],
                       [3, "07/09/2021", "Book the visit", "When the new director " * 6]],
                title="Log")
    parsed = parse_workbook(path)
    with pytest.raises(BadRowsError) as caught:
        import_workbook(db, CYP, parsed)
    assert ("sheet 'Log' row 3: ref is longer than 50 characters (51); sheet 'Log' row 4: "
            "due text is longer than 100 characters (131)") in str(caught.value)
    assert audit_count(db) == 0
    summary = import_workbook(db, CYP, parsed, skip_bad_rows=True)
    assert summary.created == 1
    assert [r for _s, r, _w in summary.skipped] == [3, 4]
