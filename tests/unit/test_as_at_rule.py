"""The as-at rule (domain/as_at.py) and imported history, asserted on the printed text.

Every date is passed in: the documents' ``today``, and the audit trail's timestamps (set after
loading, as if the rows were loaded or imported on a fixed day), so the real date never counts.
"""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, update

from desktop_app.db.models import AuditEntry
from desktop_app.domain.as_at import KnownHistory, document_as_at
from desktop_app.importers.xlsx_reader import parse_workbook
from desktop_app.reports.printing import write_document
from desktop_app.services import meetings
from desktop_app.services.import_service import import_workbook
from desktop_app.services import work_programme
from desktop_app.services.work_programme import list_work_programme
from tests import fixtures_xlsx as F

D = dt.date
CYP = "Children and Young People Scrutiny Committee"
LOADED = dt.datetime(2026, 12, 1, 9, 30)   # when the rows "were" loaded or imported
LATER_TODAY = D(2027, 2, 1)                # the day the documents are printed


def _stamp(db, when: dt.datetime = LOADED) -> None:
    with db.unit_of_work() as s:
        s.execute(update(AuditEntry).values(at=when))


def _text(db, kind: str, **kwargs) -> str:
    buffer = io.BytesIO()
    write_document(db, kind, buffer, CYP, **kwargs)
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def _import(db, tmp_path, build) -> None:
    path = tmp_path / f"{build.__name__}.xlsx"
    build(path)
    import_workbook(db, CYP, parse_workbook(path))


@pytest.fixture
def demo(demo_db):
    _stamp(demo_db)
    return demo_db


# ---------------------------------------------------------------- the rule itself

def test_the_officers_date_wins():
    assert document_as_at(today=LATER_TODAY, publication=D(2021, 11, 15),
                          chosen=D(2021, 11, 20)) == D(2021, 11, 20)


def test_a_document_for_a_meeting_is_as_at_its_publication_date():
    assert document_as_at(today=LATER_TODAY, publication=D(2021, 11, 15)) == D(2021, 11, 15)


def test_any_other_document_is_as_at_today():
    assert document_as_at(today=LATER_TODAY) == LATER_TODAY


def test_history_known_from_after_the_date_says_why():
    known = KnownHistory(D(2026, 12, 1), imported=True)
    assert known.gap_before(D(2021, 1, 1)) == (
        "History before 1 December 2026 is not known: the tracker was imported on "
        "1 December 2026.")


def test_history_known_from_before_the_date_says_nothing():
    assert KnownHistory(D(2026, 12, 1), imported=True).gap_before(D(2026, 12, 2)) == ""


# ---------------------------------------------------------------- the pack of a past meeting

def test_pack_of_a_past_meeting_is_as_at_its_publication_date(demo):
    text = _text(demo, "pack", meeting=D(2021, 11, 23), today=LATER_TODAY)
    assert set(re.findall(r"as at (\d+ \w+ \d{4})", text, re.I)) == {"15 November 2021"}


def test_pack_of_a_past_meeting_does_not_mark_later_dues_overdue(demo):
    text = _text(demo, "pack", meeting=D(2021, 11, 23), today=LATER_TODAY)
    # seed 004: the three actions due on 7 December 2021 are blank, not OVERDUE
    assert re.findall(r"07 December 2021 (\w+)", text) == ["Open", "Open", "Open"]


def test_pack_as_at_a_chosen_date_marks_them_overdue(demo):
    text = _text(demo, "pack", meeting=D(2021, 11, 23), as_at=D(2022, 1, 10),
                 today=LATER_TODAY)
    assert re.findall(r"07 December 2021 (\w+)", text) == ["OVERDUE", "OVERDUE", "OVERDUE"]


def test_agenda_front_sheet_states_its_as_at_date(demo):
    text = _text(demo, "agenda", meeting=D(2021, 11, 23), today=LATER_TODAY)
    assert ("As at: Monday 15 November 2021 (the date these papers are published)"
            in text)


def test_action_log_for_no_meeting_is_as_at_today(demo):
    text = _text(demo, "action-log", today=LATER_TODAY)
    assert "As at Monday 1 February 2027" in text


# ---------------------------------------------------------------- imported history

def test_imported_actions_count_from_their_meeting_dates(db, tmp_path):
    _import(db, tmp_path, F.seed_004_action_log)
    _stamp(db)
    text = _text(db, "action-log", as_at=D(2021, 11, 15))
    assert "7 current actions, 3 overdue" in text


def test_imported_actions_of_later_meetings_are_not_yet_there(db, tmp_path):
    _import(db, tmp_path, F.seed_004_action_log)
    _stamp(db)
    text = _text(db, "action-log", as_at=D(2021, 8, 10))
    assert "1 current action," in text   # only the one from the meeting of 5 August 2021


def test_imported_recommendations_count_from_their_meeting_dates(db, tmp_path):
    _import(db, tmp_path, F.seed_003_schedule)
    _stamp(db)
    text = _text(db, "recommendations", as_at=D(2021, 11, 15))
    assert "34 recommendations from 8 meetings" in text


def test_an_action_log_empty_for_want_of_history_says_why(db, tmp_path):
    _import(db, tmp_path, F.seed_004_action_log)
    _stamp(db)
    text = _text(db, "action-log", as_at=D(2021, 1, 1))
    assert ("There are no current actions. History before 1 December 2026 is not known: "
            "the tracker was imported on 1 December 2026.") in text


def test_a_schedule_empty_for_want_of_history_says_why(db, tmp_path):
    _import(db, tmp_path, F.seed_003_schedule)
    _stamp(db)
    text = _text(db, "recommendations", as_at=D(2019, 1, 1))
    assert "History before 1 December 2026 is not known" in text


def test_a_pack_empty_for_want_of_history_says_why(demo):
    text = _text(demo, "pack", meeting=D(2021, 11, 23), as_at=D(2019, 1, 1))
    assert "There are no current actions. History before 1 December 2026 is not known" in text


# ---------------------------------------------------------------- the work programme

def test_work_programme_of_a_year_without_meetings_shows_the_last_year_with_them(demo):
    text = _text(demo, "work-programme", today=LATER_TODAY)
    assert "Work programme 2021/22" in text


def test_work_programme_does_not_list_last_years_items_as_to_be_scheduled(demo):
    meetings.add_meeting(demo, CYP, D(2022, 6, 14))   # the first meeting of 2022/23
    text = _text(demo, "work-programme", today=D(2022, 7, 1))
    assert "Work programme 2022/23" in text
    to_schedule = text.split("To be scheduled and prioritised or removed", 1)[1]
    to_schedule = to_schedule.split("Workshops / seminars", 1)[0]
    scheduled = [w.title for w in list_work_programme(demo, CYP)
                 if w.meeting_id is not None and len(w.title) > 25]
    assert scheduled
    assert [t for t in scheduled if re.sub(r"\s+", " ", t) in to_schedule] == []


def test_a_completion_dated_after_the_as_at_date_is_not_yet_shown(demo):
    # seed 004: action 3 (due 2 November 2021) was completed on 15 November 2021
    text = _text(demo, "action-log", as_at=D(2021, 11, 12))
    assert "7 current actions, 4 overdue, 0 completed awaiting report" in text


def test_work_programme_as_at_an_earlier_date_keeps_items_where_they_were_then(demo):
    from desktop_app.services.work_programme import drop_work_item, move_work_item
    at_23 = [w for w in list_work_programme(demo, CYP) if w.meeting_date == D(2021, 11, 23)]
    moved, dropped = at_23[0], at_23[1]
    before = _text(demo, "work-programme", as_at=D(2021, 11, 15))
    with demo.reading() as s:
        last = s.scalar(select(func.max(AuditEntry.id)))
    # on 20 November 2021, after the papers went out: one item deferred to March, another
    # dropped, a new one added
    move_work_item(demo, moved.id, D(2022, 3, 22), reason="Deferred: report not ready",
                   on=D(2021, 11, 20))
    drop_work_item(demo, dropped.id, reason="No longer needed")
    work_programme.add_work_item(demo, CYP, "Added after the papers went out",
                                 meeting=D(2021, 11, 23))
    with demo.unit_of_work() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id > last)
                  .values(at=dt.datetime(2021, 11, 20, 10)))
    assert _text(demo, "work-programme", as_at=D(2021, 11, 15)) == before
    after = _text(demo, "work-programme", as_at=D(2021, 11, 21))
    assert after != before
    assert "Added after the papers went out" in after
    assert "Added after the papers went out" not in before
