"""The agenda front sheet (seed 004 pp. 1-2) and the minutes, read back with pypdf."""

from __future__ import annotations

import dataclasses

from desktop_app.domain.records import MemberRow
from desktop_app.reports.agenda import build_agenda, format_range
from desktop_app.reports.minutes import build_minutes
from tests.unit import reports_seed as S
from tests.unit.reports_seed import flat, page_texts, pdf_bytes, reader

NOV = dataclasses.replace(S.MEETINGS[3], items=S.nov_items())
RANGES = {"4": (9, 16), "7": (17, 36), "9": (43, 80)}


def _agenda(**kw) -> bytes:
    kw.setdefault("committee", S.COMMITTEE)
    kw.setdefault("as_at", S.AS_AT)
    kw.setdefault("page_ranges", RANGES)
    return pdf_bytes(build_agenda, NOV, S.MEMBERS, **kw)


def test_front_sheet_has_committee_date_time_place_and_contact():
    text = flat(" ".join(page_texts(_agenda())))
    assert "Agenda Children and Young People Scrutiny Committee" in text
    assert "Date: Tuesday 23 November 2021" in text
    assert "Time: 2.30 pm" in text
    assert "Place: Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE" in text
    assert ("For any further information please contact: Sarah Buffrey, Democratic Services "
            "Officer Tel: 01432 260176 Email: sarah.buffrey@herefordshire.gov.uk") in text


def test_membership_with_chair_vice_chair_and_co_opted_members():
    text = flat(" ".join(page_texts(_agenda())))
    assert "Chairperson Councillor Phillip Howells" in text
    assert "Vice-Chairperson Councillor Jennie Hewitt" in text
    assert "Councillor Helen l'Anson" in text
    assert "Andy James (Co-opted Member)" in text
    assert "Sam Pratley (Co-opted Member)" in text
    assert text.index("Phillip Howells") < text.index("Graham Andrews") < text.index("Andy James")


def test_numbered_items_with_purpose_and_the_page_ranges_passed_in():
    text = flat(" ".join(page_texts(_agenda())))
    assert "4. MINUTES To approve and sign the minutes of the meeting on 12 October 2021. 9–16" \
        in text
    assert "7. ANNUAL INDEPENDENT REVIEWING OFFICERS REPORT" in text
    assert "17–36" in text
    assert "43–80" in text
    assert "Deadline for receipt of questions is 5.00 pm on Wednesday 17 November 2021." in text
    order = [text.index(f"{n}. ") for n in range(1, 12)]
    assert order == sorted(order)
    assert format_range((5, 5)) == "5"
    assert format_range(None) == ""


def test_ranges_can_be_keyed_by_item_id():
    item = NOV.items[6]
    text = flat(" ".join(page_texts(_agenda(page_ranges={item.id: (17, 36)}))))
    assert "17–36" in text
    assert "9–16" not in text


def test_exempt_item_carries_the_schedule_12a_wording():
    text = flat(" ".join(page_texts(_agenda(public=True))))
    assert ("Exempt: paragraph 1 – This item is likely to involve the disclosure of exempt "
            "information as defined in paragraph 1 of Schedule 12A to the Local Government Act "
            "1972 (as amended).") in text
    assert "EXIT INTERVIEWS IN CHILDREN’S SERVICES" in text


def test_portrait_properties_and_accented_member_names():
    members = S.MEMBERS + (MemberRow(11, "Zoë Siân Gwŷn", "councillor", True),)
    data = pdf_bytes(build_agenda, NOV, members, committee=S.COMMITTEE, as_at=S.AS_AT)
    pdf = reader(data)
    page = pdf.pages[0]
    assert round(float(page.mediabox.width)) == 595
    assert "Councillor Zoë Siân Gwŷn" in flat(" ".join(page_texts(data)))
    assert pdf.metadata.title == ("Agenda: Children and Young People Scrutiny Committee, "
                                  "Tuesday 23 November 2021")
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    assert data == pdf_bytes(build_agenda, NOV, members, committee=S.COMMITTEE, as_at=S.AS_AT)


def test_minutes_number_from_the_minute_start_and_withhold_exempt_text_in_public():
    meeting = S.MEETINGS[2]
    full = flat(" ".join(page_texts(pdf_bytes(build_minutes, meeting, committee=S.COMMITTEE,
                                              as_at=S.AS_AT))))
    public = flat(" ".join(page_texts(pdf_bytes(build_minutes, meeting, committee=S.COMMITTEE,
                                                as_at=S.AS_AT, public=True))))
    assert ("Minutes of the meeting of the Children and Young People Scrutiny Committee held at "
            "Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE on Tuesday 12 October "
            "2021 at 2.30 pm") in full
    assert "33. APOLOGIES FOR ABSENCE There were no apologies for absence." in full
    assert "37. PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA" in full
    assert "Children’s Commissioning Manager" in full
    assert S.EXEMPT_SECRET in full
    assert "NOT FOR PUBLICATION" in full
    assert "412,750" not in public
    assert "38. CONTRACT AWARD: CHILDREN’S CENTRE SERVICES Exempt: paragraph 3" in public
    assert "Resolved: It was resolved that the minutes of 7 September 2021" in public


def test_question_deadline_is_not_repeated_when_the_purpose_gives_it():
    items = tuple(dataclasses.replace(i, purpose=i.purpose + " Deadline for receipt of questions "
                                      "is 5:00pm on Wednesday 17 November 2021.")
                  if i.number == "5" else i for i in NOV.items)
    meeting = dataclasses.replace(NOV, items=items)
    text = flat(" ".join(page_texts(pdf_bytes(build_agenda, meeting, S.MEMBERS,
                                              committee=S.COMMITTEE, as_at=S.AS_AT))))
    assert text.count("Deadline for receipt of questions") == 2      # item 5 once, item 6 once

