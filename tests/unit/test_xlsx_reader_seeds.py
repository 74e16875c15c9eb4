"""The seed documents typed into workbooks in their own layouts (tests/fixtures_xlsx.py) come
back with every row and every value intact."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop_app.importers.xlsx_reader import parse_workbook
from tests import fixtures_xlsx as F

D = dt.date


def seed_date(text: str) -> dt.date:
    return dt.datetime.strptime(text.strip(), "%d %B %Y").date()


# ---------------------------------------------------------------- seed 004: the action log

@pytest.mark.parametrize("dates_as_text", [False, True], ids=["date cells", "dates as text"])
def test_seed_004_action_log(tmp_path, dates_as_text):
    path = tmp_path / "action log.xlsx"
    typed = F.seed_004_action_log(path, dates_as_text=dates_as_text)
    parsed = parse_workbook(path)
    assert parsed.kind == "actions"
    assert parsed.skipped == []
    assert parsed.notes == []
    assert len(typed) == 7
    assert len(parsed.rows) == 7
    status = {"OVERDUE": ("open", True), "COMPLETED": ("completed", False), "": ("open", False)}
    for t, row in zip(typed, parsed.rows):
        ref, meeting, action, owner, directorate, progress, due, reported = t.cells
        assert (row.sheet, row.row_number) == ("Action log", t.row)
        assert row.fields == {
            "ref": ref, "meeting_date": seed_date(meeting), "item": "", "text": action,
            "owner": owner, "directorate": directorate, "progress": progress,
            "due_date": seed_date(due), "due_text": "", "status": status[reported][0],
            "reported_complete": False, "reported_on": None,
            "overdue_flag": status[reported][1], "completed_on": None,
            # the officer's words, kept (issue 13)
            "status_word": reported, "rag": "", "extra": {}, "unknown_status": ""}
        assert row.colour == t.colour
    # as the seed has them
    first, third, fifth = parsed.rows[0], parsed.rows[2], parsed.rows[4]
    assert first.fields["text"] == ("check and confirm if the Human Rights Act is highlighted "
                                    "as a workshop requirement for social workers")
    assert (first.fields["meeting_date"], first.fields["due_date"]) == \
        (D(2021, 9, 7), D(2021, 11, 2))
    assert (first.fields["status"], first.fields["overdue_flag"]) == ("open", True)
    assert (third.fields["status"], third.colour) == ("completed", "updated")
    assert parsed.rows[3].fields["meeting_date"] == D(2021, 8, 5)
    assert (fifth.fields["ref"], fifth.fields["owner"], fifth.fields["directorate"]) == \
        ("5", "Richard Watson", "")
    assert [r.colour for r in parsed.rows] == \
        [None, None, "updated", "updated", "new", "new", "new"]


# ---------------------------------------------------------------- seed 003: the schedule

def test_seed_003_recommendation_schedule(tmp_path):
    path = tmp_path / "schedule.xlsx"
    typed, banner_row = F.seed_003_schedule(path)
    parsed = parse_workbook(path)
    assert parsed.kind == "recommendations"
    assert parsed.skipped == []
    assert parsed.notes == []
    assert len(parsed.rows) == len(typed) == 34
    assert banner_row not in {r.row_number for r in parsed.rows}

    meeting = item = None
    status, word = "open", ""
    for t, row in zip(typed, parsed.rows):
        written_meeting, written_item, text, action, written_status = (c.strip() for c in t.cells)
        if written_meeting:
            meeting, item, status, word = seed_date(written_meeting), "", "open", ""
        if written_item:
            item, status, word = written_item, "open", ""
        if written_status:
            status, word = {"Completed": "completed"}[written_status], written_status
        assert row.row_number == t.row
        assert row.fields == {
            "meeting_date": meeting, "item": item, "label": "", "text": text,
            "addressee": "", "response": action, "verdict": None, "status": status,
            "sent_on": None, "response_on": None,
            # the status word as written, carried down the item's rows as its status is
            "status_word": word, "verdict_word": "", "rag": "", "extra": {},
            "unknown_status": ""}, \
            f"seed line(s) {t.seed_lines}"
        assert row.colour is None

    def by_text(start):
        found = [r.fields for r in parsed.rows if r.fields["text"].startswith(start)]
        assert len(found) == 1, start
        return found[0]

    letter = by_text("A letter is sent to Herefordshire clinical commissioning group")
    assert (letter["meeting_date"], letter["item"], letter["response"], letter["status"]) == (
        D(2019, 7, 15), "Corporate Parenting Annual Update – 2018/2019",
        "Letter sent to CCG on 31 July 2019", "completed")
    momo = by_text("requests a briefing note on the mind of my own (MOMO) app.")
    assert (momo["meeting_date"], momo["status"], momo["response"]) == \
        (D(2020, 3, 16), "open", "Circulated on 15 April 2020.")
    assert momo["item"] == ("Review of performance and progress against the safeguarding and "
                            "family support improvement plan 2019/20")
    yjp = by_text("RESOLVED: That the committee: Endorses the Youth Justice Plan")
    assert (yjp["meeting_date"], yjp["item"], yjp["status"]) == \
        (D(2019, 9, 16), "Youth Justice Plan 2019-2020", "completed")
    last = parsed.rows[-1].fields
    assert (last["meeting_date"], last["item"]) == (D(2020, 9, 15),
                                                    "Review of peer on peer abuse cases")
    assert last["text"].startswith("• Recommends that a summary is provided at the foot")
    assert parsed.rows[13].fields["meeting_date"] == D(2020, 1, 14)  # under the banner


# ---------------------------------------------------------------- seed 004: work programme

FORMATS = {"agenda": "agenda_item", "unscheduled": "agenda_item", "workshop": "workshop",
           "task_and_finish": "task_and_finish", "briefing_note": "briefing_note"}


def test_seed_004_work_programme(tmp_path):
    path = tmp_path / "work programme.xlsx"
    typed = F.seed_004_work_programme(path)
    parsed = parse_workbook(path)
    assert parsed.kind == "work-programme"
    assert parsed.skipped == []
    assert parsed.notes == []
    assert len(parsed.rows) == len(typed) == 35
    for t, row in zip(typed, parsed.rows):
        title_cell, second, lead, position = t.cells
        assert (row.sheet, row.row_number) == (t.sheet, t.row)
        f = row.fields
        assert f["meeting_date"] == t.meeting
        assert f["format"] == FORMATS[t.section]
        assert (f["lead"], f["position"]) == (lead, position)
        if t.section == "briefing_note":
            assert f["origin"] == ""
            assert f["target"] in ("", second)
            assert (f["target"] or f["target_date"])
        else:
            assert (f["origin"], f["target"], f["target_date"]) == (second, "", None)
        assert " ".join(f["title"].split()) == " ".join(re.sub(r"\[[^\]]*\]", " ",
                                                              title_cell).split())
        if "[" in title_cell:
            assert f["scrutiny_type"] == title_cell.split("[", 1)[1].split("]", 1)[0].strip()
        assert f["status"] in ("scheduled", "delivered", "proposed")
        assert f["status"] == "proposed" or t.meeting is not None

    by_title = {r.fields["title"]: r.fields for r in parsed.rows}
    yjp = by_title["Youth Justice Plan"]
    assert (yjp["scrutiny_type"], yjp["meeting_date"], yjp["lead"]) == (
        "Pre-decision call-in of Policy Framework item", D(2021, 8, 5),
        "Keith Barham, Head of Service, West Mercia Youth Justice Service")
    journey = next(f for t, f in by_title.items() if t.startswith("Update on the children"))
    assert (journey["meeting_date"], journey["status"], journey["scrutiny_type"]) == \
        (D(2021, 9, 7), "delivered", "performance review – improvement")
    assert by_title["Budget and Medium Term Financial Strategy (MTFS)"]["meeting_date"] == \
        D(2022, 1, 11)
    dental = by_title["Public Health – Dental Health and Childhood Obesity"]
    assert (dental["meeting_date"], dental["scrutiny_type"]) == (D(2021, 12, 7),
                                                                 "Performance review")
    assert dental["origin"].startswith("Current work programme.\nTo provide a report")
    kick = by_title["Kick Start Programme"]
    assert (kick["format"], kick["target"], kick["target_date"], kick["meeting_date"]) == \
        ("briefing_note", "June / July 2021", None, None)
    audit = by_title["Outcome of the audit of the reduction in child protection plans"]
    assert (audit["target"], audit["target_date"]) == ("Summer 2021", None)
    impact = by_title["Impact of pandemic on opportunities for school and care leavers"]
    assert (impact["target"], impact["target_date"]) == ("", D(2021, 10, 12))
    neets = by_title["Not in Education, Employment or Training (NEETs)"]
    assert (neets["format"], neets["position"], neets["status"]) == \
        ("task_and_finish", "T&F proposed", "proposed")
    corporate = by_title["Corporate Parenting Strategy"]
    assert (corporate["meeting_date"], corporate["status"], corporate["scrutiny_type"]) == \
        (None, "proposed", "Performance review – Annual Report")
    health = by_title["Health and wellbeing To include mental health in schools"]
    assert health["meeting_date"] == D(2021, 12, 7)
    assert [r.fields["title"] for r in parsed.rows if r.sheet == "Workshops"] == []


# ---------------------------------------------------------------- seed 004: the schedule

def test_seed_004_recommendation_schedule_under_date_headings(tmp_path):
    path = tmp_path / "recommendations.xlsx"
    typed = F.seed_004_schedule(path)
    parsed = parse_workbook(path)
    assert parsed.kind == "recommendations"
    assert parsed.skipped == []
    assert parsed.notes == []
    assert len(parsed.rows) == len(typed) == 20
    item = ""
    for t, row in zip(typed, parsed.rows):
        item = t.cells[0] or item
        assert row.row_number == t.row
        assert (row.fields["meeting_date"], row.fields["item"], row.fields["text"],
                row.fields["response"]) == (t.meeting, item, t.cells[1], t.cells[2])
    assert {r.fields["meeting_date"] for r in parsed.rows} == {
        D(2020, 7, 28), D(2021, 1, 19), D(2021, 3, 23), D(2021, 5, 20), D(2021, 6, 1),
        D(2021, 8, 5), D(2021, 9, 7), D(2021, 10, 12)}
    legal = next(r.fields for r in parsed.rows
                 if r.fields["text"].startswith("The committee notes the progress made"))
    assert "(23 November 2021) on the service level agreement" in legal["text"]
