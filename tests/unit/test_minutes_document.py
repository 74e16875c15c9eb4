"""The printed minutes: the attendance block as the seeds' minutes open, DRAFT until approved
(as at the document's date), resolutions nested and bold, and a meeting with no minutes yet.
Everything is read back from the PDF with pypdf (text, positions, fonts)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.domain.minutes_people import MinutesPerson, MinutesRecord, attendance_block, describe
from desktop_app.domain.enums import AttendanceKind, MemberRole
from desktop_app.reports.minutes import build_minutes
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, page_texts, pdf_bytes, reader

D = dt.date
P, A, SUB, IN = (AttendanceKind.PRESENT, AttendanceKind.APOLOGIES, AttendanceKind.SUBSTITUTE,
                 AttendanceKind.IN_ATTENDANCE)
CHAIR, VICE, CLLR, COOPT = (MemberRole.CHAIR, MemberRole.VICE_CHAIR, MemberRole.COUNCILLOR,
                            MemberRole.CO_OPTEE)


def person(name, kind=P, role=None, *, title="Councillor", voting=True, note="", sub_for=""):
    return MinutesPerson(name=name, kind=kind, member_role=role, title=title, voting=voting,
                    role=note, substitute_for=sub_for)


# seed 004, minutes of 12 October 2021, and a substitution and apologies as seed 001 words them
OCTOBER = (
    person("Phillip Howells", role=CHAIR), person("Jennie Hewitt", role=VICE),
    person("Graham Andrews", role=CLLR), person("Toni Fagan", role=CLLR),
    person("Helen l'Anson", role=CLLR), person("Mike Jones", role=CLLR),
    person("Jim Kenyon", role=CLLR, voting=False),
    person("Andy James", role=COOPT, title="Mr", voting=False, note="education co-optee"),
    # a co-optee whose address-book entry says "Councillor" is still not a councillor
    person("Ms Sam Bowen", role=COOPT, title="Councillor", voting=False),
    person("Sam Pratley", A, COOPT, title="Mr", voting=False, note="Education Co-optee"),
    person("David Summers", A, CLLR),
    person("Councillor Bernard Hunt", SUB, sub_for="David Summers"),
    person("Alan Seldon", IN), person("Nigel Shaw", IN),
    person("Diana Toynbee", IN, note="Cabinet Member for Children and Family Services"),
)

ITEMS_WITH_RESOLUTIONS = (
    S.OCT_ITEMS[0],
    dataclasses.replace(
        S.OCT_ITEMS[6],
        minutes_text="The Committee reviewed the draft work programme for 2021/22.\n\n"
                     "The Committee\n"
                     "- a) Notes the updated recommendation tracker in appendix 1; and\n"
                     "- b) Agrees the work programme at appendix 2 with the following amendments:\n"
                     "  - i. 23 November agenda to include items on IRO\n"
                     "  - ii. A workshop be arranged ahead of the 23 November meeting"),
)
# what the minutes import stores as the item's resolutions (labels kept, no indentation)
RESOLVED = {S.OCT_ITEMS[6].id: "The Committee\n"
            "a) Notes the updated recommendation tracker in appendix 1; and\n"
            "b) Agrees the work programme at appendix 2 with the following amendments:\n"
            "i. 23 November agenda to include items on IRO\n"
            "ii. A workshop be arranged ahead of the 23 November meeting"}


LATER = D(2022, 1, 10)


def _minutes(record: MinutesRecord | None, as_at=LATER, meeting=None, **kw) -> bytes:
    return pdf_bytes(build_minutes, meeting or S.MEETINGS[2], committee=S.COMMITTEE,
                     as_at=as_at, record=record, **kw)


def test_the_block_names_people_as_the_seeds_do():
    rows = dict(attendance_block(OCTOBER).rows)
    assert rows["Present"] == (
        "Councillor Phillip Howells (Chairperson)",
        "Councillor Jennie Hewitt (Vice-Chairperson)",
        "Councillors: Graham Andrews, Toni Fagan, Helen l'Anson and Mike Jones",
        "Councillor Jim Kenyon (non-voting member)",
        "Mr Andy James – education co-optee",
        "Ms Sam Bowen – co-optee")
    assert rows["Apologies"] == ("Councillor David Summers, Mr Sam Pratley – Education Co-optee",)
    assert rows["Substitutes"] == (
        "Councillor Bernard Hunt (substitute for Councillor David Summers)",)
    assert rows["In attendance"] == (
        "Councillors Alan Seldon and Nigel Shaw",
        "Councillor Diana Toynbee, Cabinet Member for Children and Family Services")
    assert not any("Councillor Ms" in line or "Co-opted Member)" in line
                   for lines in rows.values() for line in lines)
    only_present = dict(attendance_block(OCTOBER[:2]).rows)
    assert only_present["Apologies"] == ("None",)
    assert only_present["Substitutes"] == ("None",)
    assert "In attendance" not in only_present
    assert attendance_block(()).empty


def test_virtual_attendees_and_officers_have_rows_of_their_own():
    people = (person("Councillor Phillip Howells", role=CHAIR),
              person("Councillor David Summers", role=CLLR, note="Virtual attendee"),
              person("Mr Andy James", role=COOPT, title="Mr", voting=False,
                     note="Virtual attendee"),
              person("Democratic Services Manager", IN, title="", note="Officer"),
              person("Interim Head of Legal Services", IN, title="", note="Officer"))
    rows = dict(attendance_block(people).rows)
    assert rows["Present"] == ("Councillor Phillip Howells (Chairperson)",)
    assert rows["Virtual attendees"] == ("Councillor David Summers", "Mr Andy James – co-optee")
    assert rows["Officers"] == ("Democratic Services Manager, Interim Head of Legal Services",)
    assert "In attendance" not in rows


def test_a_co_optee_is_known_by_the_role_written_even_without_a_membership():
    assert describe(person("Mr Wiktor Daron", title="", note="Diocesan co-optee")) == \
        "Mr Wiktor Daron – Diocesan co-optee"


def test_minutes_open_with_the_attendance_block_before_the_first_item():
    text = flat(page_texts(_minutes(MinutesRecord(OCTOBER)))[0])
    block = text.index("Present: Councillor Phillip Howells (Chairperson)")
    assert block < text.index("Apologies: Councillor David Summers") \
        < text.index("Substitutes: Councillor Bernard Hunt") \
        < text.index("In attendance: Councillors Alan Seldon and Nigel Shaw") \
        < text.index("33. APOLOGIES FOR ABSENCE")


def test_minutes_without_attendance_say_it_was_not_recorded():
    text = flat(page_texts(_minutes(None))[0])
    assert "Attendance has not been recorded for this meeting." in text


def test_draft_minutes_say_draft_on_every_page_and_are_not_signed():
    long_item = dataclasses.replace(S.OCT_ITEMS[4], minutes_text="\n".join(
        f"- Point {n} raised during the discussion of the Bromyard proposals." for n in range(140)))
    meeting = dataclasses.replace(S.MEETINGS[2], items=(*S.OCT_ITEMS[:4], long_item))
    texts = page_texts(_minutes(MinutesRecord(OCTOBER), meeting=meeting))
    assert len(texts) >= 3
    for n, text in enumerate(texts, start=1):
        assert "DRAFT" in text, f"page {n} has no DRAFT mark"
        assert "Draft minutes" in text
    everything = flat(" ".join(texts))
    assert "not yet been approved as a correct record" in everything
    assert "correct record at the meeting" not in everything
    assert "Signed as a correct record" not in everything


def test_approved_minutes_say_when_and_at_which_meeting_but_not_before_that_day():
    record = MinutesRecord(OCTOBER, approved_on=D(2021, 11, 23), approved_at=D(2021, 11, 23))
    texts = page_texts(_minutes(record, as_at=D(2022, 1, 10)))
    everything = flat(" ".join(texts))
    assert "Approved and signed as a correct record at the meeting of the committee on " \
           "Tuesday 23 November 2021." in everything
    assert everything.index("Chairperson Approved and signed") > everything.index("WORK PROGRAMME REVIEW")
    assert not any("DRAFT" in text for text in texts)
    # the pack for 23 November (as at its publication date) still holds the draft
    before = flat(" ".join(page_texts(_minutes(record, as_at=D(2021, 11, 15)))))
    assert "DRAFT" in before
    assert "Approved and signed" not in before


def _runs(data: bytes) -> list[tuple[str, float, str]]:
    """(text, x, font) of every text run on the first page."""
    runs: list[tuple[str, float, str]] = []

    def visit(text, cm, tm, font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            runs.append((text.strip(), x, str((font or {}).get("/BaseFont", ""))))

    reader(data).pages[0].extract_text(visitor_text=visit)
    return runs


def _run(runs, start: str) -> tuple[str, float, str]:
    return next(r for r in runs if r[0].startswith(start))


def test_resolutions_keep_their_nesting_and_are_bold():
    meeting = dataclasses.replace(S.MEETINGS[2], items=ITEMS_WITH_RESOLUTIONS)
    runs = _runs(_minutes(MinutesRecord(OCTOBER, resolutions=RESOLVED), meeting=meeting))
    a, b = _run(runs, "a)"), _run(runs, "b)")
    i, ii = _run(runs, "i."), _run(runs, "ii.")
    assert abs(a[1] - b[1]) < 0.5
    assert abs(i[1] - ii[1]) < 0.5
    assert i[1] > a[1] + 10                     # (i) sits inside (a)/(b)
    for text in ("Notes the updated", "Agrees the work programme", "23 November agenda",
                 "A workshop be arranged"):
        assert "Bold" in _run(runs, text)[2], text
    assert "Bold" in _run(runs, "The Committee")[2] or any(
        r[0] == "The Committee" and "Bold" in r[2] for r in runs)
    discussion = _run(runs, "The Committee reviewed the draft")
    assert "Bold" not in discussion[2]


def test_a_meeting_with_no_minutes_yet_says_so_and_lists_nothing():
    meeting = dataclasses.replace(S.MEETINGS[3], items=S.nov_items())
    texts = page_texts(_minutes(MinutesRecord(), meeting=meeting, as_at=D(2021, 11, 15)))
    assert len(texts) == 1
    text = flat(texts[0])
    assert "No minutes have been recorded for this meeting yet." in text
    assert "The meeting is to be held on Tuesday 23 November 2021." in text
    assert "APOLOGIES FOR ABSENCE" not in text
    assert "No minute recorded" not in text
    assert "Signed" not in text


def test_public_minutes_withhold_an_exempt_items_minute_and_resolutions():
    text = flat(" ".join(page_texts(_minutes(MinutesRecord(OCTOBER), public=True))))
    assert S.EXEMPT_SECRET not in text
    assert "CONTRACT AWARD" in text
    assert "Exempt: paragraph 3" in text
