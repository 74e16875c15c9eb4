"""The annual statistics count attendance per member, in the figures, the workbook and the PDF."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from desktop_app.domain.attendance import Attendee
from desktop_app.domain.enums import AttendanceKind as K
from desktop_app.reports.stats_summary import build_stats_summary
from desktop_app.services import attendance, meetings
from desktop_app.services.exporting import write_stats_workbook
from desktop_app.services.stats import year_stats


@pytest.fixture
def year(demo_db):
    db = demo_db
    aug, sep = (meetings.get_meeting(db, "CYPSC", d).id
                for d in (dt.date(2021, 8, 5), dt.date(2021, 9, 7)))
    attendance.set_attendance(db, aug, [
        Attendee("Phillip Howells", K.PRESENT), Attendee("Jennie Hewitt", K.PRESENT),
        Attendee("Graham Andrews", K.APOLOGIES),
        Attendee("Bob Smith", K.SUBSTITUTE, substitute_for="Graham Andrews")])
    attendance.set_attendance(db, sep, [
        Attendee("Phillip Howells", K.PRESENT), Attendee("Jennie Hewitt", K.APOLOGIES)])
    return year_stats(db, "CYPSC", "2021/22", now=dt.date(2022, 5, 1))


def test_figures_per_member(year):
    rows = {a.name: a for a in year.attendance}
    assert list(rows)[:3] == ["Councillor Phillip Howells", "Councillor Jennie Hewitt",
                              "Councillor Graham Andrews"]
    howells, hewitt, andrews = (rows[n] for n in list(rows)[:3])
    # with the demo's own record of 12 October 2021 (everyone present)
    assert (howells.expected, howells.present, howells.percentage) == (3, 3, 100)
    assert (hewitt.present, hewitt.apologies, hewitt.percentage) == (2, 1, 67)
    assert (andrews.present, andrews.apologies, andrews.substituted, andrews.absent) == (
        1, 1, 1, 1)
    assert rows["Mr Sam Pratley"].role == "Co-opted Member"
    assert year.as_dict()["attendance"][0]["present"] == 3


def test_workbook_and_pdf(year, tmp_path):
    xlsx = tmp_path / "stats.xlsx"
    write_stats_workbook(xlsx, year)
    ws = openpyxl.load_workbook(xlsx)["Attendance"]
    assert [c.value for c in ws[1]] == ["Member", "Role", "Meetings", "Present", "Apologies",
                                        "Substitute sent", "Absent", "Attendance %"]
    assert [c.value for c in ws[2]] == ["Councillor Phillip Howells", "Chairperson", 3, 3, 0, 0,
                                        0, 100]
    pdf = tmp_path / "stats.pdf"
    build_stats_summary(pdf, year, council="Herefordshire Council")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Attendance at meetings" in text
    words = " ".join(text.split())
    assert "Councillor Jennie Hewitt (Vice-Chairperson) 3 2 1 0 0 67%" in words


def test_no_attendance_recorded_says_so(demo_db, tmp_path):
    stats = year_stats(demo_db, "CYPSC", "2020/21", now=dt.date(2022, 5, 1))
    assert all(a.expected == 0 for a in stats.attendance)
    pdf = tmp_path / "stats.pdf"
    build_stats_summary(pdf, stats)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "No attendance is recorded for the meetings held in this year." in text
