"""Minutes in other councils' styles (our own fixtures), as text, markdown, HTML and Word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from desktop_app.importers.minutes import parse_minutes_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"


def recs(item) -> list[tuple[str, str]]:
    return [(r.label, r.text) for r in item.recommendations]


# ----------------------------------------------------------------------------- ModernGov text

@pytest.fixture(scope="module")
def corporate():
    return parse_minutes_file(FIXTURES / "moderngov_corporate_2023-03.txt")


def test_moderngov_header(corporate):
    assert corporate.layout == "moderngov"
    assert corporate.meeting_date == dt.date(2023, 3, 7)
    assert corporate.start_time == dt.time(18, 30)
    assert corporate.venue == "Council Chamber, Civic Centre, Newtown"
    assert corporate.committee_name == "Corporate Overview and Scrutiny Committee"
    assert [i.number for i in corporate.items] == [str(n) for n in range(12, 21)]
    assert corporate.source_file.endswith("moderngov_corporate_2023-03.txt")


def test_run_on_that_the_committee_sentence(corporate):
    item = corporate.item(14)
    assert recs(item) == [
        ("", "supports the introduction of the banded scheme from 1 April 2023"),
        ("", "asks Cabinet to exempt care leavers up to the age of 25 (including those placed "
             "out of county) from council tax"),
        ("", "requests a report on the take-up of the hardship fund in six months' time."),
    ]
    assert not any(r.procedural for r in item.recommendations)
    # Bullets in the discussion, even ending "; and", are not decisions.
    assert len(item.resolutions) == 1


def test_dotted_letters_with_roman_sub_points_and_actions(corporate):
    item = corporate.item(15)
    assert recs(item) == [
        ("(a)", "the performance report be noted"),
        ("(b)", "the Cabinet Member for Housing be asked to:\n"
                "i. publish monthly figures for repairs completed within target on the council "
                "website\n"
                "ii. set out how damp and mould cases will be prioritised"),
        ("(c)", "a task and finish group be set up to review the repairs contract."),
    ]
    assert [r.procedural for r in item.recommendations] == [True, False, False]
    assert [(a.owner, a.text) for a in item.actions] == [
        ("Head of Housing",
         "The Head of Housing to circulate the damp and mould action plan to all members."),
        ("Democratic Services",
         "Democratic Services to arrange a site visit to the repairs depot."),
    ]


def test_truncated_item_keeps_no_invented_text(corporate):
    item = corporate.item(16)
    assert item.incomplete is True
    assert item.recommendations == []
    assert item.resolutions == []
    assert item.minutes_text.endswith("the Committee recommended that ...")


def test_agreed_bullets(corporate):
    item = corporate.item(17)
    assert [(r.label, r.text, r.procedural) for r in item.recommendations] == [
        ("", "That the item on leisure centres be moved to the June meeting.", True),
        ("", "That a workshop on the budget setting process be held in September.", True),
    ]


def test_exempt_after_exclusion_takes_the_schedule_paragraph(corporate):
    assert [(i.number, i.exempt, i.exempt_paragraph) for i in corporate.items[-3:]] == [
        ("18", False, ""), ("19", True, "3"), ("20", False, "")]
    assert corporate.item(18).recommendations[0].procedural is True
    assert recs(corporate.item(19)) == [
        ("", "That Cabinet be recommended to extend the contract for two years.")]


def test_minutes_text_keeps_paragraphs_and_lists(corporate):
    text = corporate.item(15).minutes_text
    assert text.startswith("The Cabinet Member for Housing presented the report.\n\nResolved: That:\n"
                           "a. the performance report be noted;\n")
    assert "\n\nActions:\n• The Head of Housing" in text


# ----------------------------------------------------------------------------- formal, plain

@pytest.fixture(scope="module")
def panel():
    return parse_minutes_file(FIXTURES / "formal_adults_panel_2023-01.txt")


def test_formal_plain_text_header_and_items(panel):
    assert panel.layout == "formal"
    assert panel.meeting_date == dt.date(2023, 1, 18)
    assert panel.start_time == dt.time(10, 0)
    assert panel.venue == "Committee Room 1, County Hall, Northtown"
    assert panel.committee_name == "Adults and Health Scrutiny Panel"
    assert [(i.number, i.title) for i in panel.items] == [
        ("21", "APOLOGIES FOR ABSENCE"), ("22", "MINUTES"),
        ("23", "HOSPITAL DISCHARGE AND INTERMEDIATE CARE"), ("24", "CARERS STRATEGY 2023-2028"),
        ("25", "WORK PROGRAMME")]


def test_prose_recommendation_is_cut_to_its_sentence(panel):
    assert recs(panel.item(23)) == [
        ("", "The Panel recommended that the Cabinet Member lobby the Integrated Care Board for "
             "recurrent discharge funding.")]


def test_inline_action_lines(panel):
    assert [(a.owner, a.text) for a in panel.item(23).actions] == [
        ("Director of Adult Social Care",
         "The Director of Adult Social Care to provide a breakdown of delayed discharges by "
         "hospital."),
        ("", "Vacancy figures to be circulated to the Panel."),
    ]


def test_roman_top_level_list(panel):
    assert recs(panel.item(24)) == [
        ("(i)", "the draft Carers Strategy be endorsed"),
        ("(ii)", "the Cabinet be recommended to include young carers in the strategy's first "
                 "priority"),
        ("(iii)", "an annual progress report be presented to the Panel."),
    ]


def test_resolved_that_without_colon(panel):
    assert [(r.text, r.procedural) for r in panel.item(25).recommendations] == [
        ("that the work programme be agreed subject to the addition of an item on dementia "
         "services.", True)]
    assert "meeting closed" not in panel.item(25).minutes_text


# ----------------------------------------------------------------------------- formal, markdown

def test_markdown_formal_minutes():
    proposal = parse_minutes_file(FIXTURES / "formal_economy_2023-06.md")
    assert proposal.meeting_date == dt.date(2023, 6, 5)
    assert proposal.start_time == dt.time(14, 0)
    assert proposal.venue == "The Guildhall, Market Square"
    assert proposal.committee_name == "Economy and Place Scrutiny Committee"
    assert [i.number for i in proposal.items] == ["7", "8"]
    item = proposal.item(7)
    assert [(r.label, r.text, r.procedural) for r in item.recommendations] == [
        ("(a)", "To note the progress on the town centre masterplan", True),
        ("(b)", "To recommend to Cabinet that:\ni. a design code be adopted for shop fronts\n"
                "ii. the business rates relief scheme be extended to March 2025.", False),
        ("(c)", "That a members' briefing on the market hall be arranged.", False),
    ]
    assert [(a.owner, a.text) for a in item.actions] == [
        ("Director of Place", "The Director of Place to share the footfall data with the Committee."),
        ("Officers", "Officers to report back on the car parking review."),
    ]
    assert proposal.item(8).minutes_text == "There was none."


# ----------------------------------------------------------------------------- HTML

def test_saved_moderngov_html_page():
    proposal = parse_minutes_file(FIXTURES / "moderngov_health_2023-10.html")
    assert proposal.layout == "moderngov"
    assert proposal.meeting_date == dt.date(2023, 10, 12)
    assert proposal.start_time == dt.time(10, 0)
    assert proposal.venue == "Committee Room 2, Shire Hall, Warwick"
    assert proposal.committee_name == "Health Scrutiny Committee"
    assert [(i.number, i.title) for i in proposal.items] == [
        ("31", "Declarations of interest"), ("32", "Dentistry Access in the County"),
        ("33", "Community Mental Health Transformation"), ("34", "Work Programme")]
    item = proposal.item(32)
    assert item.purpose == "To receive an update from NHS England on access to NHS dentistry."
    assert recs(item) == [
        ("(a)", "writes to the Secretary of State about the dental contract"),
        ("(b)", "asks the Integrated Care Board to publish a dental access plan by March 2024"),
        ("(c)", "receives a further update in six months."),
    ]
    assert [(a.owner, a.text) for a in item.actions] == [
        ("Scrutiny Officer", "The Scrutiny Officer to draft the letter for the Chair’s approval.")]
    assert "• Waiting lists for new patients" in item.minutes_text
    assert [i.number for i in proposal.incomplete_items] == ["33"]
    assert proposal.item(34).minutes_text == "Resolved: That the work programme be approved."


# ----------------------------------------------------------------------------- Word

def _word_minutes(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Minutes", level=0)
    bold = document.add_paragraph().add_run(
        "Minutes of the meeting of the Children's Scrutiny Committee held at Room 4, Town Hall "
        "on Tuesday 14 November 2023 at 4.30 pm")
    bold.bold = True
    document.add_paragraph("Present: Councillor G Hill (Chair), Councillors J Ito and K Obi")
    document.add_heading("5. School Transport Review", level=2)
    document.add_paragraph("The Head of Transport presented the review of routes.")
    document.add_paragraph("RESOLVED – That the Committee:")
    document.add_paragraph("(a)\tasks Cabinet to keep the discretionary post-16 transport offer;")
    document.add_paragraph("(b)\tnotes the report; and")
    document.add_paragraph("(c)\trequests an equality impact assessment before any route is "
                           "withdrawn.")
    document.add_paragraph("Actions arising:")
    document.add_paragraph("The Head of Transport to publish the route review timetable.",
                           style="List Bullet")
    document.add_paragraph("A briefing note on bus pass eligibility to be circulated.",
                           style="List Bullet")
    document.add_heading("6. Youth Services", level=2)
    document.add_paragraph("RECOMMENDATIONS:")
    document.add_paragraph("That Cabinet:")
    for text in ("funds two detached youth workers in the market towns;",
                 "reviews the youth centre opening hours."):
        document.add_paragraph(text, style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Attendance"
    table.cell(0, 1).text = "Twelve young people attended the youth forum."
    document.add_heading("7. Exclusion of the Public", level=2)
    document.add_paragraph(
        "RESOLVED – That the public be excluded from the meeting for the following item on the "
        "grounds that it involves the likely disclosure of exempt information as defined in "
        "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.")
    document.add_heading("8. Transport Contract Award (exempt - paragraph 3)", level=2)
    document.add_paragraph("RESOLVED – That the contract award be supported.")
    document.add_paragraph("The meeting ended at 6.10 pm.")
    document.add_paragraph().add_run("Chair").bold = True
    document.save(path)
    return path


def test_word_minutes(tmp_path):
    proposal = parse_minutes_file(_word_minutes(tmp_path / "minutes.docx"))
    assert proposal.layout == "formal"
    assert proposal.meeting_date == dt.date(2023, 11, 14)
    assert proposal.start_time == dt.time(16, 30)
    assert proposal.venue == "Room 4, Town Hall"
    assert proposal.committee_name == "Children's Scrutiny Committee"
    assert [(i.number, i.title) for i in proposal.items] == [
        ("5", "School Transport Review"), ("6", "Youth Services"),
        ("7", "Exclusion of the Public"), ("8", "Transport Contract Award")]
    five = proposal.item(5)
    assert [(r.label, r.text, r.procedural) for r in five.recommendations] == [
        ("(a)", "asks Cabinet to keep the discretionary post-16 transport offer", False),
        ("(b)", "notes the report", True),
        ("(c)", "requests an equality impact assessment before any route is withdrawn.", False),
    ]
    assert [(a.owner, a.text) for a in five.actions] == [
        ("Head of Transport", "The Head of Transport to publish the route review timetable."),
        ("", "A briefing note on bus pass eligibility to be circulated."),
    ]
    # Word's automatic numbering is read back as labels.
    assert recs(proposal.item(6)) == [
        ("(1)", "funds two detached youth workers in the market towns"),
        ("(2)", "reviews the youth centre opening hours."),
    ]
    assert "Twelve young people attended the youth forum." in proposal.item(6).minutes_text
    eight = proposal.item(8)
    assert (eight.exempt, eight.exempt_paragraph) == (True, "3")
    assert recs(eight) == [("", "That the contract award be supported.")]
    assert "meeting ended" not in eight.minutes_text
