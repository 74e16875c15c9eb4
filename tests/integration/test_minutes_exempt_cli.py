"""From a real database file through the command line (in-process ``cli.main``): the minutes'
attendance and approval read from the tables migration 0004 added, workbook exports that leave
exempt items' records out, and a report attached with a title."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app import cli
from desktop_app.db.models import Attendance, Meeting
from desktop_app.domain.enums import AttendanceKind
from desktop_app.services import actions, committees, meetings, recommendations, work_programme

D = dt.date
C = "Audit and Governance Scrutiny Committee"
OCT, NOV = D(2021, 10, 12), D(2021, 11, 23)
SECRET = "Award the cleaning contract to Brightside Ltd at £412,750"


def _text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def _cells(path) -> str:
    book = load_workbook(path)
    return " | ".join(str(cell.value) for ws in book.worksheets for row in ws.iter_rows()
                      for cell in row if cell.value is not None)


@pytest.fixture
def tracker(db, db_url, monkeypatch):
    """A committee with a held meeting (an exempt item among its minutes, attendance
    recorded, approved at the next meeting) and the next meeting's agenda."""
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2022-01-10")
    committees.add_committee(db, C, short_name="AGSC", council="Example Council")
    committees.add_member(db, C, "Phillip Howells", role="chair")
    committees.add_member(db, C, "Toni Fagan")
    committees.add_member(db, C, "Graham Andrews")
    # the co-optee's address-book entry carries "Councillor" (issue 14's example)
    committees.add_member(db, C, "Ms Sam Bowen", role="co-optee", voting=False,
                          title="Councillor")
    for day in (OCT, NOV):
        meetings.add_meeting(db, C, day, time="14:30", venue="Shire Hall")
    meetings.add_item(db, C, OCT, "1", "Apologies for absence",
                      minutes_text="Apologies were received from Councillor Graham Andrews.")
    meetings.add_item(db, C, OCT, "2", "Cleaning contract", exempt_paragraph="3",
                      purpose="To consider the tenders received.",
                      minutes_text=f"Resolved: {SECRET}.")
    meetings.add_item(db, C, NOV, "1", "Minutes", purpose="To approve the minutes of 12 October.")
    actions.add_action(db, C, OCT, "Write to the unsuccessful bidders about Brightside",
                       item="Cleaning contract")
    actions.add_action(db, C, OCT, "Circulate the apologies policy", item="Apologies for absence")
    recommendations.add_recommendation(db, C, OCT, "That Brightside be appointed",
                                       item="Cleaning contract")
    recommendations.add_recommendation(db, C, OCT, "That the policy be published",
                                       item="Apologies for absence")
    work_programme.add_work_item(db, C, "Cleaning contract", meeting=OCT,
                                 position="Brightside mobilisation under way")
    work_programme.add_work_item(db, C, "Annual report", meeting=NOV)
    with db.unit_of_work() as s:       # what i14-attend's services write
        held = s.query(Meeting).filter(Meeting.date == OCT).one()
        nxt = s.query(Meeting).filter(Meeting.date == NOV).one()
        for pos, (name, kind) in enumerate((("Phillip Howells", "present"),
                                            ("Toni Fagan", "present"),
                                            ("Ms Sam Bowen", "present"),
                                            ("Graham Andrews", "apologies"))):
            member = next(m for m in committees.list_members(db, C) if m.name.endswith(name))
            held.attendance.append(Attendance(name=name, member_id=member.id,
                                              kind=AttendanceKind(kind), position=pos))
        held.attendance.append(Attendance(name="Claire Ward", kind=AttendanceKind.IN_ATTENDANCE,
                                          role="Solicitor to the Council", position=9))
        held.minutes_approved_meeting_id = nxt.id
        held.minutes_approved_on = NOV

    def run(*args: str) -> int:
        return cli.main(["--db", db_url, *args])
    return run


def test_minutes_print_the_recorded_attendance_and_their_approval(tracker, tmp_path, capsys):
    out = tmp_path / "minutes.pdf"
    assert tracker("export", "minutes", "--committee", "AGSC", "--meeting", "2021-10-12",
                   "-o", str(out)) == 0
    text = _text(out)
    assert "As at Monday 10 January 2022" in text           # minutes: as at today by default
    assert "Present: Councillor Phillip Howells (Chairperson) Councillor Toni Fagan " \
           "Ms Sam Bowen – co-optee" in text
    assert "Councillor Ms Sam Bowen" not in text
    assert "Apologies: Councillor Graham Andrews" in text
    assert "In attendance: Claire Ward, Solicitor to the Council" in text
    assert "Approved and signed as a correct record at the meeting of the committee on " \
           "Tuesday 23 November 2021." in text
    assert "DRAFT" not in text
    # as at a day before the approval they are still a draft
    assert tracker("export", "minutes", "--committee", "AGSC", "--meeting", "2021-10-12",
                   "--as-at", "2021-11-15", "-o", str(out)) == 0
    draft = _text(out)
    assert "DRAFT" in draft
    assert "Approved and signed" not in draft


@pytest.mark.parametrize(("kind", "secret", "kept"), [
    ("recommendations", "That Brightside be appointed", "That the policy be published"),
    ("actions", "Write to the unsuccessful bidders", "Circulate the apologies policy"),
    ("work-programme", "Brightside mobilisation", "Annual report"),
])
def test_workbooks_leave_exempt_records_out_unless_asked(tracker, tmp_path, capsys, kind,
                                                         secret, kept):
    out = tmp_path / f"{kind}.xlsx"
    assert tracker("export", kind, "--committee", "AGSC", "-o", str(out)) == 0
    said = capsys.readouterr().out
    cells = _cells(out)
    assert secret not in cells
    assert kept in cells
    assert "of exempt items left out (--include-exempt keeps them)" in said
    assert tracker("export", kind, "--committee", "AGSC", "--include-exempt",
                   "-o", str(out)) == 0
    assert secret in _cells(out)
    # public: the record may be listed, never its text
    assert tracker("export", kind, "--committee", "AGSC", "--include-exempt", "--public",
                   "-o", str(out)) == 0
    cells = _cells(out)
    assert secret not in cells
    assert "Brightside" not in cells
    assert "Exempt: paragraph 3" in cells
    assert kept in cells


def test_the_public_pack_and_public_minutes_hold_no_exempt_text(tracker, tmp_path):
    for args in (("pack", "--meeting", "2021-11-23"),
                 ("export", "minutes", "--meeting", "2021-10-12"),
                 ("export", "agenda", "--meeting", "2021-10-12")):
        out = tmp_path / "public.pdf"
        assert tracker(*args, "--committee", "AGSC", "--public", "-o", str(out)) == 0
        text = _text(out)
        assert "Brightside" not in text, args
        assert "tenders received" not in text, args
        assert "412,750" not in text, args


def test_a_report_attached_with_a_title_is_named_so_in_the_pack(tracker, tmp_path, capsys):
    from reportlab.pdfgen.canvas import Canvas
    report = tmp_path / "agsc_min_draft_v2.pdf"
    canv = Canvas(str(report))
    canv.drawString(72, 720, "Draft minutes report")
    canv.save()
    assert tracker("item", "attach", str(report), "--committee", "AGSC", "--meeting",
                   "2021-11-23", "--number", "1", "--title", "Minutes of 12 October 2021") == 0
    assert "as 'Minutes of 12 October 2021'" in capsys.readouterr().out
    out = tmp_path / "pack.pdf"
    assert tracker("pack", "--committee", "AGSC", "--meeting", "2021-11-23", "-o", str(out)) == 0
    pdf = PdfReader(out)
    titles = [getattr(o, "title", None) for o in pdf.outline if not isinstance(o, list)]
    nested = [o.title for o in pdf.outline if isinstance(o, list) for o in o]
    assert "Minutes of 12 October 2021" in nested, (titles, nested)
    assert "agsc_min_draft_v2" not in _text(out)
    assert tracker("item", "attach", str(report), "--committee", "AGSC", "--meeting",
                   "2021-11-23", "--number", "9") == 2
    assert "has no item 9" in capsys.readouterr().err
