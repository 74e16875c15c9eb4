"""Minutes saved on Windows: Word's and Notepad's "Unicode" (UTF-16, with or without a byte-order
mark), UTF-8 with a mark, and HTML pages that name their encoding in ``<meta charset>``."""

from __future__ import annotations

import codecs

import pytest

from desktop_app.importers.minutes import parse_minutes_file
from desktop_app.importers.minutes_text import MinutesFileError, read_minutes_file
from tests.conftest import REPO

FORMAL = REPO / "tests" / "fixtures" / "minutes" / "formal_adults_panel_2023-01.txt"
WELSH = "Pwyllgor Craffu G\u0175yr: \u201cadroddiad\u201d \u2013 \u00a3250"
LATIN8 = "Pwyllgor Craffu G\u0175yr ac \u0174ales: adroddiad"   # what ISO-8859-14 can hold


@pytest.mark.parametrize(("bom", "encoding"), [
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"), (b"", "utf-16-le"), (b"", "utf-16-be")])
def test_unicode_text_reads_as_the_utf8_original(tmp_path, bom, encoding):
    original = FORMAL.read_text(encoding="utf-8")
    path = tmp_path / "minutes.txt"
    path.write_bytes(bom + original.replace("\n", "\r\n").encode(encoding))
    assert read_minutes_file(path).replace("\r\n", "\n") == original
    # and the parser finds the same meeting, items and decisions in it
    assert parse_minutes_file(path).as_dict() | {"source_file": None} == \
        parse_minutes_file(FORMAL).as_dict() | {"source_file": None}


def test_welsh_text_in_utf16_keeps_its_letters(tmp_path):
    path = tmp_path / "cofnodion.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + WELSH.encode("utf-16-le"))
    assert read_minutes_file(path) == WELSH


def test_text_marked_utf16_but_broken_is_refused_in_one_line(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Minutes".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(MinutesFileError) as exc:
        read_minutes_file(path)
    assert str(exc.value).startswith(f"{path}: the text is marked as UTF-16-LE")
    assert "\n" not in str(exc.value)


def test_binary_data_is_still_refused(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00binary\x00\x00zip")
    with pytest.raises(MinutesFileError, match="not a text file"):
        read_minutes_file(path)


@pytest.mark.parametrize("meta", ['<meta charset="iso-8859-14">',
                                  "<META HTTP-EQUIV='Content-Type' "
                                  "CONTENT='text/html; charset=ISO-8859-14'>"])
def test_html_meta_charset_is_honoured(tmp_path, meta):
    # Latin-8 (Celtic) has the Welsh letters; read as Windows-1252, "ŵ" would become "÷".
    page = f"<html><head>{meta}</head><body><p>{LATIN8}</p></body></html>"
    path = tmp_path / "minutes.html"
    path.write_bytes(page.encode("iso-8859-14"))
    assert LATIN8 in read_minutes_file(path)


def test_html_in_utf16_with_a_mark(tmp_path):
    page = f'<html><head><meta charset="utf-16"></head><body><p>{WELSH}</p></body></html>'
    path = tmp_path / "minutes.htm"
    path.write_bytes(codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    assert WELSH in read_minutes_file(path)


def test_html_declaring_the_wrong_charset_falls_back(tmp_path):
    page = f'<html><head><meta charset="us-ascii"></head><body><p>{WELSH}</p></body></html>'
    path = tmp_path / "minutes.html"
    path.write_bytes(page.encode("utf-8"))
    assert WELSH in read_minutes_file(path)


def test_utf16_minutes_import_through_the_command_line(tmp_path, db_url, capsys):
    """The same minutes saved as UTF-16 and as UTF-8 import to the same records."""
    import json

    from desktop_app.cli import main
    path = tmp_path / "minutes saved as Unicode.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + FORMAL.read_text(encoding="utf-8").encode("utf-16-le"))
    results = []
    for committee, source in (("Adults Panel A", path), ("Adults Panel B", FORMAL)):
        assert main(["--db", db_url, "committee", "add", committee]) == 0
        capsys.readouterr()
        assert main(["--db", db_url, "import-minutes", str(source), "--committee", committee,
                     "--json"]) == 0
        summary = json.loads(capsys.readouterr().out)
        summary["proposal"].pop("source_file")
        for key in ("committee", "meeting_id"):
            summary["summary"].pop(key)
        results.append(summary)
        assert main(["--db", db_url, "list", "recommendations", "--committee", committee,
                     "--json"]) == 0
        results.append([r["text"] for r in json.loads(capsys.readouterr().out)])
    assert results[1], "the minutes hold recommendations"
    assert results[0] == results[2]
    assert results[1] == results[3]
