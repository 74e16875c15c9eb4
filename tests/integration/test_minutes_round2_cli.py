"""The second blind round's files through ``import-minutes`` (in-process ``cli.main``) into a
real database, then out again: a closing actions table that names no minute saved against the
meeting under no item, due dates an officer reads, PDF minutes, and an exempt item's
recommendation and action kept for the tracker (the executive must still answer it, s.9FE) but
in no public document, no workbook left without --include-exempt, and no calendar entry's words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app import cli
from desktop_app.services import committees
from desktop_app.services.actions import list_actions
from desktop_app.services.recommendations import list_recommendations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
SECRETS = ("Kestrel", "2.3m", "benchmarking")


def _pdf(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def _cells(path: Path) -> str:
    book = load_workbook(path)
    return " | ".join(str(cell.value) for ws in book.worksheets for row in ws.iter_rows()
                      for cell in row if cell.value is not None)


@pytest.fixture
def run(db, db_url, monkeypatch):
    monkeypatch.setenv("SCRUTINY_TRACKER_TODAY", "2024-02-01")
    committees.add_committee(db, "Corporate Overview and Scrutiny Committee", short_name="COSC")
    committees.add_committee(db, "Housing and Communities Scrutiny Committee", short_name="HCSC")

    def main(*args: str) -> int:
        return cli.main(["--db", db_url, *args])
    return main


def test_pdf_minutes_import_and_the_exempt_item_stays_out_of_public_documents(
        run, db, tmp_path, capsys):
    assert run("import-minutes", str(FIXTURES / "pdf_hartsmoor_corporate_2023-12.pdf"),
               "--committee", "COSC") == 0
    said = capsys.readouterr().out
    assert "Items: 7" in said
    recs = list_recommendations(db, "COSC")
    acts = list_actions(db, "COSC")
    # kept, tied to the exempt item: Cabinet answers it in private, within two months
    [held_rec] = [r for r in recs if "Kestrel" in r.text]
    [held_act] = [a for a in acts if "Kestrel" in a.text]
    assert held_rec.item.endswith("Highways Term Maintenance Contract – Extension")
    assert held_act.item == held_rec.item
    assert held_act.due_date == dt.date(2023, 12, 19)           # "within 14 days"
    assert {(a.owner, a.due_date) for a in acts if "Kestrel" not in a.text} == {
        ("Director of Finance", dt.date(2024, 1, 16)),            # "before Cabinet on ..."
        ("Head of Property Services", dt.date(2024, 1, 31))}      # "no later than ..."

    for kind in ("recommendations", "action-log", "minutes"):
        out = tmp_path / f"{kind}.pdf"
        extra = ["--meeting", "2023-12-05"] if kind == "minutes" else []
        assert run("export", kind, "--committee", "COSC", *extra, "--public", "-o",
                   str(out)) == 0
        text = _pdf(out)
        assert "Medium Term Financial Strategy" in text or "adult social care" in text, kind
        for word in SECRETS:
            assert word not in text, (kind, word)
    html = tmp_path / "minutes.html"
    assert run("export", "minutes", "--committee", "COSC", "--meeting", "2023-12-05",
               "--public", "-o", str(html)) == 0
    page = html.read_text(encoding="utf-8")
    assert "highways term maintenance contract" in page.casefold()     # the title is public
    assert not any(word in page for word in SECRETS)
    book = tmp_path / "recommendations.xlsx"
    assert run("export", "recommendations", "--committee", "COSC", "-o", str(book)) == 0
    assert "Kestrel" not in _cells(book)
    calendar = tmp_path / "cosc.ics"
    assert run("export", "calendar", "--committee", "COSC", "-o", str(calendar)) == 0
    ics = calendar.read_text(encoding="utf-8")
    assert "Exempt: paragraph 3" in ics                 # its response date, not its words
    assert not any(word in ics for word in SECRETS)
    assert "rate the delivery of the adult social" in ics.replace("\r\n ", "")


def test_an_actions_table_after_the_last_minute_is_the_meetings(run, db, capsys):
    path = FIXTURES / "word_brackenford_housing_2023-03.docx"
    assert run("import-minutes", str(path), "--committee", "HCSC", "--dry-run") == 0
    said = capsys.readouterr().out
    assert "     -  Arrange a visit for Members to the Millbrook Road hostel" in said
    assert "(-: the meeting's own actions, under no agenda item)" in said
    assert run("import-minutes", str(path), "--committee", "HCSC") == 0
    acts = list_actions(db, "HCSC")
    assert len(acts) == 4
    assert {a.item for a in acts} == {""}                 # not "20/23 Date of Next Meeting"
    assert {a.meeting_date for a in acts} == {dt.date(2023, 3, 9)}
    assert [a.due_date for a in acts] == [dt.date(2023, 3, 31), dt.date(2023, 6, 8),
                                          dt.date(2023, 4, 14), None]
    # importing again adds nothing
    assert run("import-minutes", str(path), "--committee", "HCSC") == 0
    assert len(list_actions(db, "HCSC")) == 4


def test_a_pdf_that_cannot_be_read_is_one_line_and_saves_nothing(run, db, tmp_path, capsys):
    from reportlab.pdfgen import canvas

    broken = tmp_path / "minutes.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a PDF at all\n")
    blank = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(blank), invariant=1)
    page.rect(50, 50, 200, 200)    # a drawing, no text: as a scan without text recognition
    page.save()
    for path, words in ((broken, "not a readable PDF file"), (blank, "the PDF has no text")):
        assert run("import-minutes", str(path), "--committee", "COSC") == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0, err
        assert str(path) in err
        assert words in err, err
    assert list_actions(db, "COSC") == []
    assert list_recommendations(db, "COSC") == []
