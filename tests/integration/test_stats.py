"""Impact figures for the annual report, checked against counts made straight from the demo
data file (not through the services)."""

import datetime as dt
import json

from pypdf import PdfReader
from openpyxl import load_workbook

from desktop_app.resources import resource_text
from tests.conftest import DEMO_COMMITTEE

START, END = dt.date(2021, 5, 1), dt.date(2022, 4, 30)


def _independent_counts() -> dict:
    data = json.loads(resource_text("demo", "cyp_committee.json"))
    d = dt.date.fromisoformat
    recs = [r for r in data["recommendations"] if START <= d(r["meeting_date"]) <= END]
    acts = [a for a in data["actions"] if START <= d(a["meeting_date"]) <= END]
    answered = [r for r in recs if r["response"].strip() or r["verdict"] != "awaiting"]
    return {
        "recommendations_made": len(recs),
        "accepted": sum(r["verdict"] == "accepted" for r in recs),
        "noted": sum(r["verdict"] == "noted" for r in recs),
        "awaiting": sum(r["verdict"] == "awaiting" for r in recs),
        "implemented": sum(r["status"] == "completed" for r in recs),
        # The seed papers do not say when responses arrived, and every two-month period of
        # 2021/22 has ended by 30 April 2022.
        "responses_undated": len(answered),
        "responses_missing": len(recs) - len(answered),
        "actions_raised": len(acts),
        "actions_completed": sum(a["status"] == "completed" for a in acts),
        "actions_overdue": sum(a["status"] == "open" and a["due_date"] and d(a["due_date"]) < END
                               for a in acts),
        "work_delivered": sum(w["status"] == "delivered" and w["meeting_date"] is not None
                              and START <= d(w["meeting_date"]) <= END
                              for w in data["work_programme"]),
        "meetings": sorted(m["date"] for m in data["meetings"] if START <= d(m["date"]) <= END),
    }


def test_stats_on_demo_data_match_independent_counts(cli, tmp_path):
    assert cli("demo").code == 0
    r = cli("stats", "--committee", DEMO_COMMITTEE, "--year", "2021/22", "--json")
    assert r.code == 0, r
    got = r.json()
    want = _independent_counts()
    assert want["recommendations_made"] > 20
    assert want["actions_raised"] == 7
    for key in ("recommendations_made", "implemented", "responses_undated", "responses_missing",
                "actions_raised", "actions_completed", "actions_overdue", "work_delivered"):
        assert got[key] == want[key], key
    assert got["verdicts"]["accepted"] == want["accepted"]
    assert got["verdicts"]["noted"] == want["noted"]
    assert got["verdicts"]["awaiting"] == want["awaiting"]
    assert [m["date"] for m in got["meetings"]] == want["meetings"]
    assert got["responses_on_time"] == got["responses_late"] == got["responses_pending"] == 0
    dirs = {x["directorate"]: x for x in got["directorates"]}
    assert dirs["Corporate Centre"]["raised"] == 5
    assert dirs["(no directorate)"]["raised"] == 2


def test_on_time_and_late_responses(cli, db):
    assert cli("committee", "add", "Scrutiny Board", "--short", "SB").code == 0
    assert cli("meeting", "add", "--committee", "SB", "--date", "2021-07-15").code == 0
    ids = [cli("recommendation", "add", "--committee", "SB", "--meeting", "2021-07-15", "--text",
               f"Recommendation {n}", "--json").json()["id"] for n in range(3)]
    # sent 15 July 2021: the response is due by 14 September 2021
    assert cli("recommendation", "respond", str(ids[0]), "--response", "Agreed", "--verdict",
               "accepted", "--on", "2021-09-14").code == 0
    assert cli("recommendation", "respond", str(ids[1]), "--response", "No", "--verdict",
               "rejected", "--on", "2021-09-15").code == 0
    # sent 15 March 2022, answered 10 May 2022: after the year's end, so not known as at it
    assert cli("meeting", "add", "--committee", "SB", "--date", "2022-03-15").code == 0
    late = cli("recommendation", "add", "--committee", "SB", "--meeting", "2022-03-15", "--text",
               "Recommendation 4", "--json").json()["id"]
    # recorded as they happened: all but the last response by 15 March 2022
    last = _dated(db, 0, dt.date(2022, 3, 15))
    assert cli("recommendation", "respond", str(late), "--response", "Agreed", "--verdict",
               "accepted", "--on", "2022-05-10").code == 0
    _dated(db, last, dt.date(2022, 5, 10))
    got = cli("stats", "--committee", "SB", "--year", "2021/22", "--json",
              env={"SCRUTINY_TRACKER_TODAY": "2024-06-01"}).json()
    assert got["as_at"] == "2022-04-30"
    assert (got["responses_on_time"], got["responses_late"], got["responses_missing"],
            got["responses_pending"]) == (1, 1, 1, 1)
    assert (got["verdicts"]["rejected"], got["verdicts"]["accepted"],
            got["verdicts"]["awaiting"]) == (1, 1, 2)


def test_stats_pdf_and_workbook(cli, tmp_path):
    assert cli("demo").code == 0
    pdf, xlsx = tmp_path / "impact.pdf", tmp_path / "impact.xlsx"
    assert cli("stats", "--committee", "CYPSC", "--year", "2021/22", "-o", str(pdf)).code == 0
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2   # the figures on one page; the demo's attendance on the next
    assert "Attendance at meetings" in reader.pages[1].extract_text()
    text = reader.pages[0].extract_text()
    assert "Scrutiny impact 2021/22" in text
    assert "Recommendations made" in text
    assert "12 October 2021" in text
    assert cli("stats", "--committee", "CYPSC", "--year", "2021/22", "-o", str(xlsx)).code == 0
    wb = load_workbook(xlsx)
    summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2)}
    assert summary["Actions raised"] == 7
    bad = cli("stats", "--committee", "CYPSC", "--year", "last year")
    assert bad.code == 2
    assert "2021/22" in bad.err


# ---------------------------------------------------------------- a year gone by, as at its end

def _dated(db, since_id: int, day: dt.date) -> int:
    """Date the audit rows written after ``since_id`` to ``day`` (the trail records the wall
    clock; the test says when each change was made), and return the last id."""
    from sqlalchemy import func, select, update

    from desktop_app.db.models import AuditEntry
    with db.unit_of_work() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id > since_id)
                  .values(at=dt.datetime.combine(day, dt.time(10))))
        return s.scalar(select(func.max(AuditEntry.id))) or 0


FIGURES = ("recommendations_made", "implemented", "verdicts", "responses_on_time",
           "responses_pending", "responses_missing", "actions_raised", "actions_completed",
           "actions_overdue", "actions_open", "average_days_to_complete", "directorates",
           "history")


def test_a_finished_year_counts_what_was_true_at_its_end_whenever_printed(db, monkeypatch):
    from desktop_app.services import actions, committees, meetings, recommendations
    from desktop_app.services.stats import year_stats

    def on(day: str) -> dt.date:
        monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", day)
        return dt.date.fromisoformat(day)

    on("2022-03-10")
    committees.add_committee(db, "Scrutiny Board", short_name="SB")
    meetings.add_meeting(db, "SB", dt.date(2022, 3, 10))
    rec_done_later = recommendations.add_recommendation(db, "SB", dt.date(2022, 3, 10), "R1").id
    rec_answered_later = recommendations.add_recommendation(db, "SB", dt.date(2022, 3, 10),
                                                            "R2").id
    due_april = actions.add_action(db, "SB", dt.date(2022, 3, 10), "A1", directorate="Finance",
                                   due=dt.date(2022, 4, 15)).id
    actions.add_action(db, "SB", dt.date(2022, 3, 10), "A2", due=dt.date(2022, 6, 30))
    done_in_year = actions.add_action(db, "SB", dt.date(2022, 3, 10), "A3",
                                      due=dt.date(2022, 4, 1)).id
    last = _dated(db, 0, dt.date(2022, 3, 10))
    actions.complete_action(db, done_in_year, on=on("2022-04-20"))
    last = _dated(db, last, dt.date(2022, 4, 20))

    on("2022-06-01")
    before = year_stats(db, "SB", "2021/22", now=dt.date(2022, 6, 1)).as_dict()
    assert before["as_at"] == "2022-04-30"
    assert (before["actions_completed"], before["actions_overdue"], before["actions_open"],
            before["implemented"], before["responses_pending"]) == (1, 1, 2, 0, 2)
    assert before["history"] == ""

    # after the year's end: A1 completed, R1 implemented, R2 answered
    actions.complete_action(db, due_april, on=on("2022-06-10"))
    recommendations.update_recommendation(db, rec_done_later, status="completed")
    recommendations.record_response(db, rec_answered_later, "Agreed", "accepted",
                                    on=dt.date(2022, 6, 10))
    _dated(db, last, dt.date(2022, 6, 10))

    on("2024-06-01")
    after = year_stats(db, "SB", "2021/22", now=dt.date(2024, 6, 1)).as_dict()
    assert {k: after[k] for k in FIGURES} == {k: before[k] for k in FIGURES}
    assert (after["actions_completed"], after["implemented"]) == (1, 0)


def test_a_year_before_the_imported_history_says_so(db, monkeypatch, tmp_path):
    from desktop_app.importers.xlsx_reader import parse_workbook
    from desktop_app.services.import_service import import_workbook
    from desktop_app.services.stats import year_stats
    from tests import fixtures_xlsx as F

    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2027-02-01")
    book = tmp_path / "log.xlsx"
    F.seed_004_action_log(book)
    from desktop_app.services import committees
    committees.add_committee(db, DEMO_COMMITTEE)
    import_workbook(db, DEMO_COMMITTEE, parse_workbook(book))
    _dated(db, 0, dt.date(2026, 12, 1))
    got = year_stats(db, DEMO_COMMITTEE, "2021/22", now=dt.date(2027, 2, 1))
    assert got.history == ("History before 1 December 2026 is not known: the tracker was "
                           "imported on 1 December 2026. Imported records are counted as their "
                           "file records them.")
    assert got.actions_raised > 0
    assert year_stats(db, DEMO_COMMITTEE, "2026/27", now=dt.date(2027, 2, 1)).history == ""


def test_an_action_typed_in_after_the_year_counts_in_it_as_first_entered(db, monkeypatch):
    """An officer catching up types in, in June, an action of a March meeting: the year's
    figures count it (raised at that meeting), as it was entered, not leave it out."""
    from desktop_app.services import actions, committees, meetings
    from desktop_app.services.stats import year_stats

    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2022-03-10")
    committees.add_committee(db, "Scrutiny Board", short_name="SB")
    meetings.add_meeting(db, "SB", dt.date(2022, 3, 10))
    actions.add_action(db, "SB", dt.date(2022, 3, 10), "A1", due=dt.date(2022, 4, 1))
    last = _dated(db, 0, dt.date(2022, 3, 10))
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2022-06-15")
    late = actions.add_action(db, "SB", dt.date(2022, 3, 10), "A2", directorate="Finance",
                              due=dt.date(2022, 3, 31)).id
    last = _dated(db, last, dt.date(2022, 6, 15))
    actions.complete_action(db, late, on=dt.date(2022, 6, 20))
    _dated(db, last, dt.date(2022, 6, 20))
    got = year_stats(db, "SB", "2021/22", now=dt.date(2022, 7, 1))
    assert got.actions_raised == 2
    # completed on 20 June, after the year's end: open and overdue at it, as both were
    assert (got.actions_completed, got.actions_overdue) == (0, 2)
    assert got.history == ""
