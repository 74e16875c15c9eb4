"""The work programme (seed 004 appendix 2), read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.domain.records import MoveRow
from desktop_app.reports.work_programme import build_work_programme, move_text
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, page_texts, pdf_bytes


def _wp(items=S.WORK_ITEMS, meetings=S.MEETINGS, **kw) -> str:
    kw.setdefault("committee", S.COMMITTEE)
    kw.setdefault("as_at", S.AS_AT)
    return flat(" ".join(page_texts(pdf_bytes(build_work_programme, meetings, items, **kw))))


def test_agreed_meeting_dates_with_their_kind_in_order():
    text = _wp()
    assert "Work programme 2021/22" in text
    dates = ["Thursday 5 August 2021 – mainstream agenda",
             "Tuesday 7 September 2021 – improvement focus",
             "Tuesday 12 October 2021 – mainstream agenda",
             "Tuesday 23 November 2021 – improvement focus",
             "Tuesday 7 December 2021 – mainstream agenda",
             "Tuesday 11 January 2022 – mainstream agenda",
             "Tuesday 22 March 2022 – mainstream agenda"]
    at = [text.index(d) for d in dates]
    assert at == sorted(at)


def test_each_meeting_has_deadlines_and_its_items_table():
    text = _wp()
    section = text.index("Tuesday 23 November 2021, 2.30 pm Improvement focus")
    chunk = text[section:text.index("Tuesday 7 December 2021, 2.30 pm")]
    assert "Publication deadline: 15 November 2021" in chunk
    assert "Questions deadline: 17 November 2021" in chunk
    assert "Item [type of scrutiny] Origin Lead officer(s) Current position" in chunk
    assert "Independent Review Officer Report [Performance review]" in chunk
    assert "Carers Portal" in chunk
    assert "Will discuss in briefing" in chunk
    assert "Matthew Sampson" in chunk
    assert "Publication deadline: 03 January 2022 Questions deadline: 05 January 2022" in text


def test_move_history_is_shown_in_the_current_position():
    text = _wp()
    assert "Deferred from 12 October 2021 to 23 November 2021 – Workshop first" in text
    assert "Deferred from 27 July 2021 to 7 September 2021" in text
    assert "Deferred from 12 October 2021; not yet rescheduled" in text
    back = MoveRow(dt.date(2021, 9, 1), dt.date(2021, 12, 7), dt.date(2021, 11, 23), "", "x")
    assert move_text(back) == "Brought forward from 7 December 2021 to 23 November 2021"


def test_unscheduled_workshops_task_groups_and_briefing_notes():
    text = _wp()
    order = ["To be scheduled and prioritised or removed", "Workshops / seminars",
             "Task and finish groups", "Briefing notes"]
    at = [text.index(title) for title in order]
    assert at == sorted(at)
    unscheduled = text[at[0]:at[1]]
    assert "Corporate Parenting Strategy" in unscheduled
    assert "Mental health" in unscheduled
    assert "Carers Portal" not in unscheduled
    assert "IRO service and carers portal" in text[at[1]:at[2]]
    assert "Paediatric therapies" in text[at[2]:at[3]]
    briefing = text[at[3]:]
    assert "Topic Target date Lead officer(s) Current position" in briefing
    assert "Summer 2021" in briefing
    assert "June / July 2021" in briefing
    assert "12 October 2021" in briefing              # a target kept as a date


def test_empty_sections_say_so():
    items = tuple(r for r in S.WORK_ITEMS if r.format != "workshop")
    text = _wp(items)
    at = text.index("Workshops / seminars")
    assert text[at:at + 60].startswith("Workshops / seminars None at present.")
    lone = dataclasses.replace(S.MEETINGS[6], id=99, date=dt.date(2022, 4, 5))
    text = _wp(S.WORK_ITEMS, S.MEETINGS + (lone,))
    assert "Tuesday 5 April 2022, 2.30 pm Mainstream agenda Publication deadline: 14 March 2022 " \
           "Questions deadline: 16 March 2022 No items scheduled yet." in text  # as the row says
    # a past meeting with nothing on it is listed with the dates, but gets no empty section
    past = dataclasses.replace(S.MEETINGS[0], id=98, date=dt.date(2021, 6, 1), status="held")
    text = _wp(S.WORK_ITEMS, S.MEETINGS + (past,))
    assert "Tuesday 1 June 2021 – mainstream agenda" in text
    assert "Tuesday 1 June 2021, 2.30 pm" not in text


def test_cancelled_meeting_is_marked():
    meetings = tuple(dataclasses.replace(m, status="cancelled") if m.id == 6 else m
                     for m in S.MEETINGS)
    assert "Tuesday 11 January 2022 – mainstream agenda (cancelled)" in _wp(meetings=meetings)


def test_public_work_programme_withholds_entries_for_exempt_items():
    secret = dataclasses.replace(S.WORK_ITEMS[2], id=50, title="Contract award: children’s "
                                 "centre services", origin=S.EXEMPT_SECRET, position="Agreed")
    full = _wp(S.WORK_ITEMS + (secret,))
    public = _wp(S.WORK_ITEMS + (secret,), public=True)
    assert S.EXEMPT_SECRET in full
    assert "412,750" not in public
    assert "EXEMPT: PARAGRAPH 3" in public


def test_same_bytes_twice():
    def build():
        return pdf_bytes(build_work_programme, S.MEETINGS, S.WORK_ITEMS, committee=S.COMMITTEE,
                         as_at=S.AS_AT)
    assert build() == build()
