"""Printing from the command line, as a user runs it: the demo committee (seed 004) exported
to PDF by real processes, read back with pypdf."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.conftest import DEMO_COMMITTEE
from tests.integration.test_cli_backbone import SEED_ACTIONS

TODAY = {"SCRUTINY_TRACKER_TODAY": "2021-11-23"}


def _text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


@pytest.fixture
def demo(cli):
    result = cli("demo", env=TODAY)
    assert result.code == 0, result
    return lambda *args: cli(*args, env=TODAY)


def test_export_action_log_pdf_has_the_seven_seed_actions(demo, tmp_path):
    out = tmp_path / "actions.pdf"
    result = demo("export", "action-log", "--committee", DEMO_COMMITTEE, "-o", str(out))
    assert result.code == 0, result
    assert "wrote" in result.out
    assert "page" in result.out
    text = _text(out)
    for ref, _meeting, action, owner, _due in SEED_ACTIONS:
        assert " ".join(action.split()) in text, ref
        assert owner in text
    assert "Claire Ward" in text
    assert "02 November 2021" in text
    assert "OVERDUE" in text
    assert "NEW" in text
    assert PdfReader(out).metadata.title.startswith("Action log: " + DEMO_COMMITTEE)


def test_actions_is_an_alias_and_unknown_formats_are_refused(demo, tmp_path):
    out = tmp_path / "log.pdf"
    assert demo("export", "actions", "--committee", "CYPSC", "-o", str(out)).code == 0
    assert "Advertise and recruit to the Co-optee positions" in _text(out)
    refused = demo("export", "actions", "--committee", "CYPSC", "-o", str(tmp_path / "x.odt"))
    assert refused.code == 2
    assert "cannot export to '.odt'" in refused.err
    assert not (tmp_path / "x.odt").exists()


def test_export_recommendations_groups_by_meeting(demo, tmp_path):
    out = tmp_path / "recs.pdf"
    result = demo("export", "recommendations", "--committee", DEMO_COMMITTEE, "-o", str(out))
    assert result.code == 0, result
    lines = [line.strip() for page in PdfReader(out).pages
             for line in (page.extract_text() or "").splitlines()]
    groups = [line for line in lines if line in ("28 July 2020", "19 January 2021",
                                                 "23 March 2021", "05 August 2021",
                                                 "07 September 2021", "12 October 2021")]
    assert groups == ["28 July 2020", "19 January 2021", "23 March 2021", "05 August 2021",
                      "07 September 2021", "12 October 2021"]
    text = _text(out)
    assert "Provision of children centre service in the Bromyard area" in text
    assert "Response due (s.9FE)" in text


def test_export_work_programme_has_the_meeting_dates_and_briefing_targets(demo, tmp_path):
    out = tmp_path / "wp.pdf"
    result = demo("export", "work-programme", "--committee", DEMO_COMMITTEE,
                  "--meeting", "2021-11-23", "-o", str(out))
    assert result.code == 0, result
    text = _text(out)
    assert "Work programme 2021/22" in text
    for day in ("Thursday 5 August 2021", "Tuesday 7 September 2021", "Tuesday 12 October 2021",
                "Tuesday 23 November 2021", "Tuesday 7 December 2021", "Tuesday 11 January 2022",
                "Tuesday 22 March 2022"):
        assert day in text
    assert "Summer 2021" in text
    assert "Publication deadline: 15 November 2021" in text


def test_export_agenda_carries_the_page_ranges_of_the_pack(demo, tmp_path):
    agenda, pack = tmp_path / "agenda.pdf", tmp_path / "pack.pdf"
    assert demo("export", "agenda", "--committee", "CYPSC", "--meeting", "2021-11-23",
                "-o", str(agenda)).code == 0
    assert demo("pack", "--committee", "CYPSC", "--meeting", "2021-11-23",
                "-o", str(pack)).code == 0
    text = _text(agenda)
    assert "Date: Tuesday 23 November 2021" in text
    assert "Time: 2.30 pm" in text
    assert "Chairperson Councillor Phillip Howells" in text
    assert "Councillor Helen l'Anson" in text
    assert "9. WORK PROGRAMME REVIEW" in text
    # the stand-alone front sheet is the pack's first pages, byte for byte in its text
    pack_reader = PdfReader(pack)
    pack_front = " ".join(" ".join((pack_reader.pages[i].extract_text() or "").split())
                          for i in range(len(PdfReader(agenda).pages)))
    minutes = next(n for n in range(len(pack_reader.pages))
                   if "Minutes of the meeting of the" in (pack_reader.pages[n].extract_text()
                                                          or "").replace("\n", " "))
    assert "4. MINUTES" in pack_front
    assert str(minutes + 1) in text.split("4. MINUTES", 1)[1][:200]


def test_pack_has_bookmarks_labels_and_the_generated_papers(demo, tmp_path):
    out = tmp_path / "pack.pdf"
    result = demo("pack", "--committee", DEMO_COMMITTEE, "--meeting", "2021-11-23",
                  "-o", str(out))
    assert result.code == 0, result
    reader = PdfReader(out)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Agenda", "Contents"]
    assert "4. Minutes" in titles
    assert "9. Work programme review" in titles
    assert reader.page_labels[0] == "1"
    assert reader.page_labels[-1] == str(len(reader.pages))
    text = _text(out)
    assert "Minutes of the meeting of the Children and Young People Scrutiny Committee" in text
    assert "Action log" in text
    assert "Recommendations and responses" in text
    assert "Work programme 2021/22" in text
    assert "Information on the Friends of Ledbury to be forwarded to the Committee." in text


def test_public_pack_leaves_out_an_exempt_item(demo, cli, tmp_path):
    secret = tmp_path / "secret.pdf"
    from reportlab.pdfgen.canvas import Canvas
    canv = Canvas(str(secret))
    canv.drawString(72, 720, "CONFIDENTIAL staffing figures for exit interviews")
    canv.save()
    added = cli("item", "add", "--committee", "CYPSC", "--meeting", "2021-11-23",
                "--number", "11", "--title", "Exit interviews", "--exempt", "1",
                "--attach", str(secret), env=TODAY)
    assert added.code == 0, added
    full, public = tmp_path / "full.pdf", tmp_path / "public.pdf"
    made = demo("pack", "--committee", "CYPSC", "--meeting", "2021-11-23", "-o", str(full))
    assert made.code == 0
    # issue 17: the merged report is not a tagged PDF, and the officer is told so
    assert "Not accessible to screen readers (not tagged PDF)" in made.out
    result = demo("pack", "--committee", "CYPSC", "--meeting", "2021-11-23", "--public",
                  "-o", str(public))
    assert result.code == 0
    assert "public version" in result.out
    assert "Not accessible" not in result.out        # the exempt paper is not in it
    assert "CONFIDENTIAL staffing figures" in _text(full)
    public_text = _text(public)
    assert "CONFIDENTIAL" not in public_text
    assert "Exempt: paragraph 1" in public_text


def test_broken_attachment_is_refused_when_attached_in_one_line(demo, cli, tmp_path):
    """Issue 15: the file is checked when it is attached, not when a pack is built."""
    bad = tmp_path / "report.pdf"
    bad.write_text("not really a pdf", encoding="utf-8")
    added = cli("item", "add", "--committee", "CYPSC", "--meeting", "2021-11-23",
                "--number", "11", "--title", "Late report", "--attach", str(bad), env=TODAY)
    assert added.code == 2, added
    assert added.err.strip().count("\n") == 0
    assert "report.pdf: cannot attach: the file is not a PDF" in added.err
    listed = cli("list", "meetings", "--committee", "CYPSC", "--json")
    assert "Late report" not in listed.out      # nothing was saved
    out = tmp_path / "pack.pdf"
    result = demo("pack", "--committee", "CYPSC", "--meeting", "2021-11-23", "-o", str(out))
    assert result.code == 0, result


def test_agenda_without_a_meeting_is_refused(demo, tmp_path):
    result = demo("export", "agenda", "--committee", "CYPSC", "-o", str(tmp_path / "a.pdf"))
    assert result.code == 2
    assert "needs --meeting" in result.err
