"""Reading minutes files, bad input, and the small rules the parser relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.importers.minutes import (
    MinutesError,
    find_date,
    find_time,
    parse_minutes_file,
    parse_minutes_text,
    title_key,
)
from desktop_app.importers.minutes_decisions import action_owner, is_procedural, strip_connector
from desktop_app.importers.minutes_lines import make_line
from desktop_app.importers.minutes_text import html_to_text, read_minutes_file

# ----------------------------------------------------------------------------- bad input


def _message(exc: pytest.ExceptionInfo) -> str:
    text = str(exc.value)
    assert "\n" not in text
    return text


@pytest.mark.parametrize("name", ["minutes.doc", "minutes", "minutes.rtf"])
def test_unknown_extension(tmp_path, name):
    path = tmp_path / name
    path.write_text("1.\n\nApologies\n\nMinutes:\n\nNone.\n", encoding="utf-8")
    with pytest.raises(MinutesError) as exc:
        parse_minutes_file(path)
    assert _message(exc).startswith(f"{path}: unknown file type")
    assert _message(exc).endswith("use .txt, .md, .html, .docx or .pdf")
    assert isinstance(exc.value, ValueError)


def test_text_named_pdf_is_not_a_readable_pdf(tmp_path):
    """PDF minutes are read (second blind round); text saved under a .pdf name is refused."""
    path = tmp_path / "minutes.pdf"
    path.write_text("1.\n\nApologies\n\nMinutes:\n\nNone.\n", encoding="utf-8")
    with pytest.raises(MinutesError) as exc:
        parse_minutes_file(path)
    assert _message(exc).startswith(f"{path}: not a readable PDF file")


def test_missing_file(tmp_path):
    path = tmp_path / "absent.txt"
    with pytest.raises(MinutesError) as exc:
        parse_minutes_file(path)
    assert _message(exc).startswith(f"{path}: cannot read file")


def test_folder_named_like_a_file(tmp_path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    with pytest.raises(MinutesError, match="is a folder"):
        read_minutes_file(path)


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    with pytest.raises(MinutesError) as exc:
        parse_minutes_file(path)
    assert _message(exc) == f"{path}: file is empty"


def test_binary_text_file(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(MinutesError, match="not a text file"):
        parse_minutes_file(path)


def test_broken_docx(tmp_path):
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"this is not a zip archive")
    with pytest.raises(MinutesError) as exc:
        parse_minutes_file(path)
    assert _message(exc).startswith(f"{path}: is not a Word .docx document (not a zip file")


def test_html_without_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>x</title></head><body><script>1</script></body></html>", encoding="utf-8")
    with pytest.raises(MinutesError, match="has no text"):
        parse_minutes_file(path)


def test_text_without_items(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Dear Councillor,\n\nPlease find the agenda attached.\n", encoding="utf-8")
    with pytest.raises(MinutesError) as exc:
        parse_minutes_file(path)
    assert _message(exc).startswith(f"{path}: no numbered minutes items found")


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes("1.\n\nChildren\x92s services\n\nMinutes:\n\nNoted \x96 no questions.\n"
                     .encode("latin-1"))
    item = parse_minutes_file(path).item(1)
    assert item.title == "Children’s services"
    assert item.minutes_text == "Noted – no questions."


# ----------------------------------------------------------------------------- HTML text


def test_html_keeps_blocks_apart_and_drops_scripts():
    text = html_to_text(
        "<p>One <b>bold</b>\nword</p><p>Two<br>lines</p><script>x()</script>"
        "<ul><li>first</li><li>second</li></ul><ol type='a'><li>alpha</li><li>beta</li></ol>"
        "<table><tr><td>5.</td><td>Title <img alt='pdf icon'> PDF 1 KB</td></tr></table>")
    assert text.splitlines() == [
        "One bold word", "", "Two", "lines", "", "• first", "• second", "", "a. alpha",
        "b. beta", "", "5.", "Title pdf icon PDF 1 KB"]


# ----------------------------------------------------------------------------- the meeting


def test_dates_and_times_in_the_wording_councils_use():
    assert find_date("Thursday 1st September 2022 10:00am") == dt.date(2022, 9, 1)
    assert find_date("held on Tuesday, 12 October, 2021") == dt.date(2021, 10, 12)
    assert find_date("the 3rd of March 2023") == dt.date(2023, 3, 3)
    assert find_date("Summer 2021") is None
    assert find_time("at 2.30 pm") == dt.time(14, 30)
    assert find_time("10:00am") == dt.time(10, 0)
    assert find_time("1.00 p.m.") == dt.time(13, 0)
    assert find_time("12 noon") == dt.time(12, 0)
    assert find_time("18:45") == dt.time(18, 45)
    assert find_time("item 5") is None


def test_moderngov_page_without_a_date_gives_none():
    proposal = parse_minutes_text(
        "Agenda and minutes\n\nVenue: Online\n\n1.\n\nApologies\n\nMinutes:\n\nNone.\n\n"
        "2.\n\nDate of next meeting\n\nMinutes:\n\nThe next meeting is on 4 May 2023 at 2pm.\n")
    assert proposal.meeting_date is None
    assert proposal.start_time is None
    assert proposal.venue == "Online"


def test_date_field_lines():
    proposal = parse_minutes_text(
        "Date: Monday 6 March 2023\nTime: 7.00 pm\nPlace: Council Chamber\n\n"
        "**1. APOLOGIES**\n\nNone.\n")
    assert (proposal.meeting_date, proposal.start_time, proposal.venue) == (
        dt.date(2023, 3, 6), dt.time(19, 0), "Council Chamber")


def test_headings_must_run_upwards():
    proposal = parse_minutes_text(
        "**4. REPORT**\n\nRESOLVED:\n\n1. THAT THE REPORT BE NOTED.\n\n2. THAT A VISIT BE MADE.\n\n"
        "**5. WORK PROGRAMME**\n\nAgreed.\n")
    assert [i.number for i in proposal.items] == ["4", "5"]
    assert [(r.label, r.text) for r in proposal.item(4).recommendations] == [
        ("(1)", "THAT THE REPORT BE NOTED."), ("(2)", "THAT A VISIT BE MADE.")]


# ----------------------------------------------------------------------------- small rules


@pytest.mark.parametrize(("text", "owner"), [
    ("The Deputy Monitoring Officer to provide the Committee with the rules.",
     "Deputy Monitoring Officer"),
    ("The Children's Commissioning Manager to circulate the KPIs.",
     "Children's Commissioning Manager"),
    ("Information on the Friends of Ledbury to be forwarded to the Committee.", ""),
    ("Head of Legal Services to confirm the position.", "Head of Legal Services"),
    ("The Director will write to the trust.", "Director"),
    ("A briefing note to be circulated.", ""),
    ("a workshop on the budget to take place in May.", ""),
    ("Members asked about vacancies.", ""),
])
def test_action_owner(text, owner):
    assert action_owner(text) == owner


@pytest.mark.parametrize(("text", "procedural"), [
    ("That the minutes of the meeting held on 1 May be approved as a correct record.", True),
    ("That the report be noted.", True),
    ("notes the report and the improvements made since the previous quarter", True),
    ("That proposed changes to the work programme be agreed.", True),
    ("The Committee receive testimony from the Hope Centre.", False),
    ("That the Executive consider if an exemption should be applied for.", False),
    ("requests a report on the take-up of the hardship fund", False),
])
def test_procedural(text, procedural):
    assert is_procedural(text) is procedural


def test_procedural_by_item_title():
    assert is_procedural("That the next meeting have a mental health focus.",
                         "Work programme review") is True


def test_list_joining_words_are_dropped_but_words_kept():
    assert strip_connector("notes the tracker in appendix c; and") == "notes the tracker in appendix c"
    assert strip_connector("the report be noted;") == "the report be noted"
    assert strip_connector("reviews the plan.") == "reviews the plan."
    assert strip_connector("the carers and") == "the carers"


@pytest.mark.parametrize(("raw", "bullet", "label", "text"), [
    ("·         The proposal would be considered", True, "", "The proposal would be considered"),
    ("- (a) That the Executive consider.**", True, "(a)", "That the Executive consider."),
    ("a)    The Committee promotes", False, "a)", "The Committee promotes"),
    ("  - ii. **A workshop be arranged**", True, "ii.", "A workshop be arranged"),
    ("**Resolved:** It was resolved", False, "", "Resolved: It was resolved"),
    ("o   sub-point in Word", True, "", "sub-point in Word"),
    ("2.30 pm start", False, "", "2.30 pm start"),
    ("Mr. Smith attended", False, "", "Mr. Smith attended"),
])
def test_line_bullets_and_labels(raw, bullet, label, text):
    line = make_line(raw)
    assert (line.bullet, line.label, line.text) == (bullet, label, text)


def test_truncation_marker_is_removed_and_flagged():
    line = make_line("b)   further consideration  ...  view the full minutes text for item 21.")
    assert (line.label, line.text, line.truncated) == ("b)", "further consideration ...", True)


def test_title_key_ignores_case_spacing_and_quotes():
    assert title_key("CHILDREN’S  Services") == title_key("children's services")


# ----------------------------------------------------------------------------- other layouts


def test_table_rows_copied_with_tabs_and_inline_minutes_label():
    proposal = parse_minutes_text(
        "Meeting of Cabinet Scrutiny Committee, Monday 6 March 2023 10.00 am\n\nItems\n"
        "66.\tWorkforce Update pdf icon PDF 252 KB\nTo update.\nMinutes:\nThere were none.\n"
        "67.\tFostering Service\nMinutes: RESOLVED: That the report be noted.\n")
    assert (proposal.committee_name, proposal.meeting_date, proposal.start_time) == (
        "Cabinet Scrutiny Committee", dt.date(2023, 3, 6), dt.time(10, 0))
    assert [(i.number, i.title, i.purpose) for i in proposal.items] == [
        ("66", "Workforce Update", "To update."), ("67", "Fostering Service", "")]
    assert [r.text for r in proposal.item(67).recommendations] == ["That the report be noted."]


def test_number_and_title_on_one_line_and_not_for_publication():
    proposal = parse_minutes_text(
        "Agenda and minutes\n\n5. Apologies\n\nMinutes:\n\nNone.\n\n6. Budget (Pages 3 - 9)\n\n"
        "Minutes:\n\n1. The Chair welcomed everyone.\n\n7. Private Report\n\n"
        "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A.\n\n"
        "Minutes:\n\nDiscussed.\n")
    assert [(i.number, i.title, i.exempt, i.exempt_paragraph) for i in proposal.items] == [
        ("5", "Apologies", False, ""), ("6", "Budget", False, ""),
        ("7", "Private Report", True, "3")]
    assert proposal.item(6).minutes_text == "1. The Chair welcomed everyone."


def test_signature_in_the_attendance_list_does_not_end_the_minutes():
    proposal = parse_minutes_text(
        "MINUTES of the Overview and Scrutiny Management Board held on 3 April 2023 at 2 pm at "
        "County Hall\n\nPRESENT:\n\nCouncillor Smith\n\nChairman\n\n10. BUDGET UPDATE\n\n"
        "RESOLVED that the update be noted.\n\n11. WORK PROGRAMME\n\nAgreed.\n\nChairman\n\n"
        "12. A LATER PAPER IN THE PACK\n")
    assert (proposal.committee_name, proposal.venue, proposal.start_time) == (
        "Overview and Scrutiny Management Board", "County Hall", dt.time(14, 0))
    assert [i.number for i in proposal.items] == ["10", "11"]
    assert proposal.item(11).minutes_text == "Agreed."


def test_resolution_wordings():
    proposal = parse_minutes_text(
        "**1. REPORT**\n\nRESOLVED – (a) That the report be noted;\n\n(b) That a visit be "
        "arranged.\n\n**2. OTHER**\n\nRESOLVED – That the Committee: (a) notes the plan; (b) asks "
        "Cabinet to fund it; and (c) receives an update.\n\n**3. THIRD**\n\nIt was RESOLVED: That "
        "officers report back in June.\n\nMembers discussed fees. The Committee agreed to recommend "
        "to Cabinet that the fees be frozen. Members thanked the officer.\n\nRESOLVED "
        "(unanimously) – That the scheme be adopted.\n\nRECOMMENDATIONS TO CABINET:\n\n1. That the "
        "charges be reviewed.\n\n2. That a consultation be held.\n\n**4. FOURTH**\n\nThe Committee "
        "agreed that the chair would write to the MP.\n")

    def recs(number):
        return [(r.label, r.text) for r in proposal.item(number).recommendations]

    assert recs(1) == [("(a)", "That the report be noted"), ("(b)", "That a visit be arranged.")]
    assert recs(2) == [("(a)", "notes the plan"), ("(b)", "asks Cabinet to fund it"),
                       ("(c)", "receives an update.")]
    assert recs(3) == [
        ("", "That officers report back in June."),
        ("", "The Committee agreed to recommend to Cabinet that the fees be frozen."),
        ("", "That the scheme be adopted."),
        ("(1)", "That the charges be reviewed."), ("(2)", "That a consultation be held.")]
    assert recs(4) == []  # an agreement in the discussion, not marked as a decision
