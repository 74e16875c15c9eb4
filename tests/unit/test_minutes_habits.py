"""The rules the blind corpus of other councils' minutes called for, each on a few lines."""

from __future__ import annotations

from desktop_app.importers.minutes import parse_minutes_text
from desktop_app.importers.minutes_actions import inline_actions, officer_task
from desktop_app.importers.minutes_lines import unwrap_lines


def test_hand_wrapped_text_is_joined_but_pasted_text_is_left_alone():
    wrapped = ("RESOLVED that Cabinet be recommended to set a target of answering 80% of calls\n"
               "within five minutes by March 2024.\n"
               "\n"
               "42. CUSTOMER CONTACT AND DIGITAL SERVICES PERFORMANCE AND THE NEW ONLINE FORMS\n"
               "43. EXCLUSION OF THE PRESS AND PUBLIC\n")
    lines = unwrap_lines(wrapped).split("\n")
    assert lines[0].endswith("answering 80% of calls within five minutes by March 2024.")
    assert lines[2:4] == ["42. CUSTOMER CONTACT AND DIGITAL SERVICES PERFORMANCE AND THE NEW "
                          "ONLINE FORMS", "43. EXCLUSION OF THE PRESS AND PUBLIC"]
    table = "| Action | Lead officer | Deadline " + " " * 50 + "|\n| Circulate it | A | 1/2/2024 |\n"
    assert unwrap_lines(table) == table
    pasted = "x" * 150 + "\nwithin five minutes by March 2024.\n"
    assert unwrap_lines(pasted) == pasted


def test_coded_minute_numbers_and_a_number_cell_before_its_heading():
    text = ("Minutes of the meeting of the Panel held on 4 May 2023\n\n"
            "### CS/23/9 Apologies\n\nNone.\n\nCS/23/10\n\n### Budget\n\nRESOLVED: That the "
            "report be noted.\n\n### CS/23/11 Work programme\n\nAgreed.\n")
    proposal = parse_minutes_text(text)
    assert [(i.number, i.title) for i in proposal.items] == [
        ("CS/23/9", "Apologies"), ("CS/23/10", "Budget"), ("CS/23/11", "Work programme")]


def test_actions_inside_a_paragraph():
    found = inline_actions(
        "Members asked for the list. Action: the Head of Revenues to circulate it by 31 October "
        "2023. The Committee then discussed collection (Action: Digital Manager to report on "
        "costs) and agreed. It was AGREED that the Head of SEND would share the dashboard. "
        "It was AGREED that the Committee would visit the depot.")
    assert [(a.text, a.owner, a.due) for a in found] == [
        ("The Head of Revenues to circulate it by 31 October 2023.", "Head of Revenues",
         "2023-10-31"),
        ("Digital Manager to report on costs.", "Digital Manager", ""),
        ("The Head of SEND would share the dashboard.", "Head of SEND", "")]


def test_a_resolution_for_an_officer_is_an_action_not_a_recommendation():
    task = officer_task("That the Head of Waste Services provide the figures by 30/09/2023.")
    assert task is not None
    assert (task.owner, task.due) == ("Head of Waste Services", "2023-09-30")
    assert officer_task("That the Cabinet Member for Environment be recommended to act.") is None
    assert officer_task("That Cabinet be recommended to fund a second crew.") is None


def test_welsh_and_english_resolution_is_read_once_and_an_actions_table_is_read():
    text = ("Minutes of the meeting of the Committee held on 14 November 2023\n\n"
            "4. ALN REFORM\n\nPENDERFYNWYD / RESOLVED:\n\n(i) Nodi'r adroddiad.\n\n"
            "(ii) Argymell i'r Cabinet ddyrannu £180,000.\n\n(i) That the report be noted.\n\n"
            "(ii) That Cabinet be recommended to allocate £180,000.\n\n"
            "| Action | Lead officer | Deadline |\n|---|---|---|\n"
            "| Circulate the survey | Tomos Griffiths | 15/12/2023 |\n"
            "| Arrange a visit | Nia Roberts | Before the June meeting |\n")
    item = parse_minutes_text(text).item(4)
    assert [(r.label, r.text) for r in item.recommendations] == [
        ("(i)", "That the report be noted."),
        ("(ii)", "That Cabinet be recommended to allocate £180,000.")]
    assert [(a.text, a.owner, a.due) for a in item.actions] == [
        ("Circulate the survey", "Tomos Griffiths", "2023-12-15"),
        ("Arrange a visit", "Nia Roberts", "")]


def test_apologies_keep_the_initials():
    text = ("Minutes of the meeting of the Committee held on 4 May 2023\n\n"
            "1. APOLOGIES\n\nApologies were received from Councillors T. Baird and N. Castellano. "
            "Councillor W. Lacey attended.\n")
    assert [a.name for a in parse_minutes_text(text).attendance] == [
        "Councillor T. Baird", "Councillor N. Castellano"]


def test_officers_named_with_their_roles_are_two_people():
    from desktop_app.domain.attendance import split_names

    assert split_names("Gareth Pryce (Private Sector Housing Manager) and Ruth Allan "
                       "(Democratic Services Officer)", officers=True) == [
        "Gareth Pryce (Private Sector Housing Manager)", "Ruth Allan (Democratic Services Officer)"]


# ------------------------------------------------------------------------------ second round

def test_due_dates_an_officer_reads():
    import datetime as dt

    from desktop_app.importers.minutes_actions import action_due, relative_due

    assert action_due("X to value the site before Cabinet on 10 October 2023.") == "2023-10-10"
    assert action_due("Y to list them no later than 15 December 2023.") == "2023-12-15"
    assert action_due("Z to report by the end of March 2024.") == "2024-03-31"
    assert action_due("Z to report by the end of February 2024.") == "2024-02-29"
    assert action_due("W to arrange a visit before the June meeting.") == ""
    assert relative_due("V to share the list within 28 days.", dt.date(2024, 1, 15)) == \
        "2024-02-12"
    assert relative_due("V to reply within 10 working days.", dt.date(2024, 1, 15)) == ""


def test_a_label_alone_on_its_line_reads_the_lines_under_it():
    text = ("Minutes of the Committee held on Monday 15 January 2024\n\n"
            "YN BRESENNOL / PRESENT:\nCynghorydd / Councillor Eleri Morgan (Cadeirydd / Chair)\n"
            "Cynghorwyr / Councillors: Dafydd Evans and Ceri Lewis\n\n"
            "YMDDIHEURIADAU / APOLOGIES:\nCynghorydd / Councillor Bethan Rees\n\n"
            "1. APOLOGIES\n\nAn apology for absence was received from Councillor Bethan Rees.\n")
    got = [(a.kind.value, a.name) for a in parse_minutes_text(text).attendance]
    assert got == [("present", "Councillor Eleri Morgan"), ("present", "Councillor Dafydd Evans"),
                   ("present", "Councillor Ceri Lewis"), ("apologies", "Councillor Bethan Rees")]


def test_a_date_line_with_time_and_venue_and_minute_numbers_that_restart_each_year():
    text = ("COMMUNITIES SCRUTINY COMMITTEE\n\n"
            "Monday, 15 January 2024 at 2.00pm in the Council Chamber, Civic Centre\n\n"
            "### OSC.9/24 Apologies\n\nNone.\n\n### OSC.10/24 Budget\n\nNoted.\n\n"
            "### OSC.11/24 Work programme\n\nAgreed.\n")
    proposal = parse_minutes_text(text)
    assert (proposal.meeting_date.isoformat(), proposal.venue) == (
        "2024-01-15", "the Council Chamber, Civic Centre")
    assert [i.number for i in proposal.items] == ["OSC.9/24", "OSC.10/24", "OSC.11/24"]


def test_reasons_under_a_resolution_limb_are_part_of_it():
    text = ("Minutes of the meeting of the Committee held on 21 November 2023\n\n"
            "248. CALL-IN\n\nRESOLVED:\n\n"
            "1. That the decision be referred back to Cabinet for the following reasons:\n"
            "a. the consultation missed Blue Badge holders; and\n"
            "b. the assessment missed households with no parking.\n"
            "2. That Cabinet be recommended to phase the increase.\n")
    recs = parse_minutes_text(text).item(248).recommendations
    assert [r.text.split("\n")[0] for r in recs] == [
        "That the decision be referred back to Cabinet for the following reasons:",
        "That Cabinet be recommended to phase the increase."]
    assert "households with no parking" in recs[0].text


def test_a_closing_actions_section_belongs_to_the_meeting():
    text = ("Minutes of the meeting of the Committee held on 9 March 2023\n\n"
            "### 19/23 Budget\n\nRESOLVED – That the report be noted.\n\n"
            "### 20/23 Date of Next Meeting\n\nThursday, 8th June, 2023.\n\n"
            "### Actions agreed at this meeting\n\n| Action | Lead officer | Deadline |\n"
            "| Circulate the figures | Imran Sheikh | 31/03/2023 |\n")
    proposal = parse_minutes_text(text)
    assert proposal.item("20/23").actions == []
    assert [(a.text, a.owner, a.due) for a in proposal.meeting_actions] == [
        ("Circulate the figures", "Imran Sheikh", "2023-03-31")]


def test_pdf_page_furniture_and_ligatures_are_not_minute_text():
    from pathlib import Path

    from desktop_app.importers.minutes_text import read_minutes_file

    text = read_minutes_file(Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
                             / "pdf_hartsmoor_corporate_2023-12.pdf")
    assert "Page 1 of 2" not in text
    assert "initials" not in text
    assert "\ufb01" not in text
    assert "briefing note" in text
    # the paragraph the page broke is whole again
    assert ("used by community groups, and whether the groups had been offered alternative "
            "space.") in text
    assert "### 55. Medium Term Financial Strategy 2024/25 to 2027/28" in text
