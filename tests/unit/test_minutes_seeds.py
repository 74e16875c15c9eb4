"""Acceptance: the real council documents (shared/seeds, kept in tests/fixtures/seeds) read into the expected proposals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.importers.minutes import parse_minutes_file, parse_minutes_text

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed documents not present at {SEEDS}")


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not present in {SEEDS}")
    return found[0]


def recs(item) -> list[tuple[str, str]]:
    return [(r.label, r.text) for r in item.recommendations]


# ----------------------------------------------------------------------------- seed 004

@pytest.fixture(scope="module")
def pack():
    return parse_minutes_file(seed("004"))


def test_pack_minutes_section_is_found_and_dated(pack):
    assert pack.layout == "formal"
    assert [item.number for item in pack.items] == [str(n) for n in range(33, 43)]
    assert pack.meeting_date == dt.date(2021, 10, 12)
    assert pack.start_time == dt.time(14, 30)
    assert pack.venue == "Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE"
    assert pack.committee_name == "Children and Young People Scrutiny Committee"


def test_pack_titles_are_kept_as_written(pack):
    assert pack.item(39).title == "PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA"
    assert pack.item(40).title == ("EFFECTIVE SCRUTINY OF CHILDREN'S SERVICES: TRAINING AND "
                                   "DEVELOPMENT OFFER")
    assert pack.item(39).title_key == "provision of children centre service in the bromyard area"
    assert not any(item.incomplete or item.exempt for item in pack.items)


def test_pack_item_39_recommendations_exact(pack):
    assert recs(pack.item(39)) == [
        ("(a)", "That the Executive consider if an exemption to the contract procedure rules "
                "should be applied for."),
        ("(b)", "That the Executive consider whether further market testing should be carried "
                "out to evidence if there are any other potential providers and include details "
                "of what they will be asked to tender for."),
        ("(c)", "That evidence be provided on how discontinuing services from an established "
                "provider impacts those currently using the service."),
        ("(d)", "The Committee receive testimony from the Hope Centre and consider a visit "
                "there to understand the activities provided."),
    ]
    assert not any(r.procedural for r in pack.item(39).recommendations)


def test_pack_item_39_actions_with_owners(pack):
    assert [(a.text, a.owner) for a in pack.item(39).actions] == [
        ("The Children's Commissioning Manager to circulate to the Committee the Key Performance "
         "Indicators (KPIs) of the Children's Centre Service contracts, with comparisons of the "
         "different providers used within the County.", "Children's Commissioning Manager"),
        ("The Deputy Monitoring Officer to provide the Committee with the current procurement "
         "rules, including the guidance on current exemptions to these rules.",
         "Deputy Monitoring Officer"),
        ("Information on the Friends of Ledbury to be forwarded to the Committee.", ""),
    ]


def test_pack_item_39_discussion_bullets_are_not_recommendations(pack):
    texts = [r.text for r in pack.item(39).recommendations]
    assert not any("whether there were any other parties" in t for t in texts)
    assert "Early Years referred to\nchildren from the ages of 0-5" in pack.item(39).minutes_text


def test_pack_item_40_recommendations_exact(pack):
    item = pack.item(40)
    assert recs(item) == [
        ("(a)", "The Committee agrees to engage with the LGA training and development offer."),
        ("(b)", "The Chairperson and Vice-Chairperson to draft a response to the self-assessment "
                "tool after completing the Leadership Essentials Course and then discuss with "
                "Committee members in November 2021"),
        ("(c)", "Notes that the LGA training will dovetail with the offer from the Centre for "
                "Governance and Scrutiny"),
    ]
    assert [r.procedural for r in item.recommendations] == [False, False, True]
    assert item.resolutions[0].startswith("That the Committee notes the LGA training")


def test_pack_item_37_prose_recommendation(pack):
    assert recs(pack.item(37)) == [
        ("", "The Committee recommended that a timeline be set for responses to questions that "
             "would allow sufficient time for a supplementary to be asked.")]
    assert pack.item(37).recommendations[0].procedural is False


def test_pack_procedural_resolutions_are_flagged(pack):
    minutes = pack.item(36)
    assert minutes.resolutions == [
        "It was resolved that the minutes of 7 September 2021 be approved as an accurate record "
        "and signed by the Chairperson."]
    assert [r.procedural for r in minutes.recommendations] == [True]
    work = pack.item(41)
    assert [r.label for r in work.recommendations] == ["(a)", "(b)"]
    assert all(r.procedural for r in work.recommendations)
    assert work.recommendations[1].text == (
        "Agrees the work programme at appendix 2 with the following amendments:\n"
        "i. 23 November agenda to include items on IRO, carers portal and exit interviews in "
        "children's service\n"
        "ii. A workshop be arranged ahead of the 23 November meeting on the IRO service and "
        "carers portal\n"
        "iii. Consider use of performance challenge sessions to cover information items")


def test_pack_closing_lines_are_not_minutes_of_the_last_item(pack):
    last = pack.item(42)
    assert last.minutes_text == (
        "The date of the next meeting was noted as Tuesday 23 November at 2.30pm.")
    assert last.recommendations == []


def test_pack_slice_reads_the_same(pack):
    lines = seed("004").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("**Minutes of the meeting"))
    end = next(i for i in range(start, len(lines)) if lines[i].strip() == "**Chairperson**")
    sliced = parse_minutes_text("\n".join(lines[start:end + 1]), source="slice")
    assert [i.number for i in sliced.items] == [i.number for i in pack.items]
    assert [recs(i) for i in sliced.items] == [recs(i) for i in pack.items]
    assert sliced.meeting_date == dt.date(2021, 10, 12)


# ----------------------------------------------------------------------------- seed 001

@pytest.fixture(scope="module")
def feb2022():
    return parse_minutes_file(seed("001"))


def test_seed_001_items_and_no_date(feb2022):
    assert feb2022.layout == "moderngov"
    assert [i.number for i in feb2022.items] == [str(n) for n in range(60, 72)]
    assert feb2022.meeting_date is None
    assert feb2022.venue == "Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE"


def test_seed_001_incomplete_items(feb2022):
    assert [i.number for i in feb2022.incomplete_items] == ["66", "67"]
    item = feb2022.item(66)
    assert item.title == "Workforce Update and Workforce Strategy"
    assert item.minutes_text.endswith("• The service was ...")
    assert "view the full minutes text" not in item.minutes_text
    assert item.recommendations == []


def test_seed_001_item_68_recommendations(feb2022):
    assert recs(feb2022.item(68)) == [
        ("(a)", "The Committee promotes the opportunity for elected members of the Council to "
                "sit on the Fostering Panel and encourages nominations from current councillors"),
        ("(b)", "Officers from the Fostering Service provide their assessment of the challenges "
                "and opportunities for improvement that exist in the Service."),
    ]


def test_seed_001_item_69_recommendations(feb2022):
    assert recs(feb2022.item(69)) == [
        ("(a)", "A workshop development session on understanding and analysing the Safeguarding "
                "and Family Support Scorecard be scheduled; to include an overview and "
                "examination of other data sets used by the Committee and with a narrative to "
                "support the presentation of data."),
        ("(b)", "The current report be used as a bench mark against which the performance of the "
                "service will be judged during the course of the year."),
    ]
    assert not any(r.procedural for r in feb2022.item(69).recommendations)


def test_seed_001_agreed_bullets_and_title_noise(feb2022):
    item = feb2022.item(70)
    assert item.title == "Work programme review"
    assert [r.text for r in item.recommendations] == [
        "That that the next meeting on 22 March would have a mental health focus.",
        "That the Chair and Vice-Chair, along with any other members of the Committee that "
        "wished to attend, hold a business planning session with officers to look at agenda "
        "items for the meetings of the next municipal year. The session would also include a "
        "review of outstanding actions from this year.",
    ]
    assert all(r.procedural for r in item.recommendations)
    assert feb2022.item(63).purpose == (
        "To approve and sign the minutes of the meetings held on 23 November 2021 and "
        "11 January 2022.")


# ----------------------------------------------------------------------------- seed 000

@pytest.fixture(scope="module")
def sep2020():
    return parse_minutes_file(seed("000"))


def test_seed_000_incomplete_and_no_date(sep2020):
    assert [i.number for i in sep2020.items] == [str(n) for n in range(1, 10)]
    assert [i.number for i in sep2020.incomplete_items] == ["5", "6", "8"]
    assert sep2020.meeting_date is None
    assert sep2020.venue == "On line meeting only"


def test_seed_000_item_7_lettered_resolution(sep2020):
    item = sep2020.item(7)
    assert recs(item) == [
        ("(a)", "reviews the 2020/21 work programme at appendix a and any additional items of "
                "business or topics for inclusion in the work programme"),
        ("(b)", "agrees the changes to the work programme itemised in paragraph 3 of the report "
                "and the allocation of an update on the child exploitation task and finish group "
                "recommendations to the meeting of the committee on 1 December"),
        ("(c)", "receives and notes the executive response (appendix b) to the recommendations "
                "arising from the child exploitation task and finish group"),
        ("(d)", "notes the recommendation tracker in appendix c."),
    ]
    assert all(r.procedural for r in item.recommendations)
    assert item.resolutions[0].startswith("That the committee:\n(a) reviews the 2020/21")


def test_seed_000_truncated_discussion_is_not_mined(sep2020):
    for number in ("5", "6", "8"):
        assert sep2020.item(number).recommendations == []
        assert sep2020.item(number).minutes_text.endswith("...")


# ----------------------------------------------------------------------------- seed 002

@pytest.fixture(scope="module")
def sep2022():
    return parse_minutes_file(seed("002"))


def test_seed_002_meeting(sep2022):
    assert sep2022.meeting_date == dt.date(2022, 9, 1)
    assert sep2022.start_time == dt.time(10, 0)
    assert sep2022.venue == "Oak Room, County Buildings, Stafford"
    assert sep2022.committee_name == "Safeguarding Overview and Scrutiny Committee"
    assert [i.number for i in sep2022.items] == [str(n) for n in range(18, 28)]


def test_seed_002_incomplete_items(sep2022):
    assert [i.number for i in sep2022.incomplete_items] == ["20", "21"]
    # Item 21's resolution (b) was cut off by the page: only (a) is proposed.
    assert recs(sep2022.item(21)) == [
        ("(a)", "the detailed information showing progress with the Children’s Transformation "
                "Service be welcomed")]
    assert sep2022.item(21).recommendations[0].procedural is True


def test_seed_002_exempt_item(sep2022):
    item = sep2022.item(27)
    assert item.exempt is True
    assert item.exempt_paragraph == "2"
    assert item.title == "Family Hubs in Staffordshire"
    assert item.purpose == "Report of the Cabinet Member for Children and Young People"
    assert [i.number for i in sep2022.items if i.exempt] == ["27"]
    # The repeated "27. Family Hubs ..." heading is not left in item 26's minutes.
    assert "Family Hubs" not in sep2022.item(26).minutes_text
    assert recs(item) == [("", "That the family hub initiative and the consultation on the "
                               "proposed new staffing structures be supported.")]


def test_seed_002_single_resolutions(sep2022):
    assert [(r.text, r.procedural) for r in sep2022.item(19).recommendations] == [
        ("That the minutes of the Safeguarding Overview and Scrutiny Committee meeting held on "
         "19 July 2022 be confirmed and signed by the Chairman.", True)]
    assert sep2022.item(23).resolutions == ["That the report be welcomed."]
    assert sep2022.item(24).recommendations[0].procedural is True
