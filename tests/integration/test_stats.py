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


def test_on_time_and_late_responses(cli):
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
    assert cli("recommendation", "respond", str(late), "--response", "Agreed", "--verdict",
               "accepted", "--on", "2022-05-10").code == 0
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
