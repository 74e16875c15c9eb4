"""Issue 15 (2) and (7): report PDFs are checked when attached, kept as sanitised copies, and
packs (full and public) never carry JavaScript, Launch or file actions, embedded files, form
scripts or an OpenAction, while the pages' content is kept."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import create_engine, text

from desktop_app.reports import pdf_safety
from desktop_app.reports.pdf_safety import active_content, check_pdf
from tests.hostile.pdfs import VISIBLE, hostile_pdf

COMMITTEE = ("Hostile Input Scrutiny Committee", "HISC")
DAY = "2021-11-23"


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


@pytest.fixture
def meeting(run):
    assert run("committee", "add", COMMITTEE[0], "--short", COMMITTEE[1])[0] == 0
    assert run("meeting", "add", "--committee", "HISC", "--date", DAY)[0] == 0
    return run


def _item(run, number: str, title: str, *files: Path, exempt: str | None = None):
    args = ["item", "add", "--committee", "HISC", "--meeting", DAY, "--number", number,
            "--title", title]
    if exempt:
        args += ["--exempt", exempt]
    if files:
        args += ["--attach", *map(str, files)]
    return run(*args)


def test_the_sanitised_copy_keeps_pages_and_drops_everything_active(tmp_path):
    source = hostile_pdf(tmp_path / "report.pdf", pages=3)
    before = set(active_content(source.read_bytes()))
    assert {"/OpenAction", "/JS", "/Launch", "/EmbeddedFiles", "/AcroForm", "/AA"} <= before
    checked = check_pdf(source)
    assert active_content(checked.data) == []
    assert checked.pages == 3
    reader = PdfReader(io.BytesIO(checked.data))
    assert f"{VISIBLE}, page 3" in reader.pages[2].extract_text()
    links = [a.get_object()["/A"]["/URI"] for a in reader.pages[0]["/Annots"]]
    assert links == ["https://www.example.gov.uk/"]           # the plain web link is kept


@pytest.mark.parametrize("public", [False, True])
def test_packs_carry_no_active_content(meeting, tmp_path, public):
    report = hostile_pdf(tmp_path / "performance.pdf")
    code, _, err = _item(meeting, "1", "Performance report", report)
    assert code == 0, err
    report.unlink()          # the pack is built from the stored copy, not the file
    out = tmp_path / "pack.pdf"
    args = ["pack", "--committee", "HISC", "--meeting", DAY, "-o", str(out)]
    code, _, err = meeting(*args, *(["--public"] if public else []))
    assert code == 0, err
    assert active_content(out.read_bytes()) == []
    assert f"{VISIBLE}, page 2" in _text(out)


def test_a_file_attached_before_copies_were_kept_is_sanitised_too(meeting, tmp_path, db_url):
    report = hostile_pdf(tmp_path / "old.pdf")
    assert _item(meeting, "1", "Old report", report)[0] == 0
    engine = create_engine(db_url)
    with engine.begin() as conn:     # as a row from before migration 0005 looks
        conn.execute(text("UPDATE attachments SET content = NULL, sha256 = '', path = :p"),
                     {"p": str(report)})
    engine.dispose()
    out = tmp_path / "pack.pdf"
    code, _, err = meeting("pack", "--committee", "HISC", "--meeting", DAY, "-o", str(out))
    assert code == 0, err
    assert active_content(out.read_bytes()) == []
    assert VISIBLE in _text(out)


def test_the_public_pack_never_holds_the_exempt_report(meeting, tmp_path):
    secret = tmp_path / "staffing.pdf"
    writer = PdfWriter()
    writer.append(hostile_pdf(tmp_path / "x.pdf", pages=1))
    writer.write(secret)
    assert _item(meeting, "2", "Staffing", secret, exempt="1")[0] == 0
    out = tmp_path / "public.pdf"
    code, _, err = meeting("pack", "--committee", "HISC", "--meeting", DAY, "--public",
                           "-o", str(out))
    assert code == 0, err
    assert VISIBLE not in _text(out)
    assert "Exempt" in _text(out)


def _refused(run, path: Path) -> str:
    code, out, err = _item(run, "9", "Bad report", path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert out == ""
    return err


def test_attachments_are_refused_when_attached(meeting, tmp_path, monkeypatch):
    assert "is not a PDF" in _refused(meeting, Path("/etc/passwd"))
    assert "is not a file" in _refused(meeting, tmp_path)
    assert "was not found" in _refused(meeting, tmp_path / "missing.pdf")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(hostile_pdf(tmp_path / "whole.pdf").read_bytes()[:400])
    assert "damaged" in _refused(meeting, truncated)
    encrypted = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=tmp_path / "whole.pdf")
    writer.encrypt("secret")
    writer.write(encrypted)
    assert "password" in _refused(meeting, encrypted)
    monkeypatch.setattr(pdf_safety, "MAX_PAGES", 1)
    assert "more than the 1" in _refused(meeting, tmp_path / "whole.pdf")
    monkeypatch.setattr(pdf_safety, "MAX_BYTES", 1000)
    assert "larger than" in _refused(meeting, tmp_path / "whole.pdf")
    code, out, _ = meeting("list", "meetings", "--committee", "HISC", "--json")
    assert "Bad report" not in out           # nothing was saved
