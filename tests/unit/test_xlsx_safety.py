"""Hostile and wrong files are refused before openpyxl parses anything, each with one line that
names the file and the problem. The tests make each file themselves, small."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop_app.importers.xlsx_reader import parse_workbook
from desktop_app.importers.xlsx_safety import (MAX_TOTAL_UNCOMPRESSED, ImportFileError,
                                               check_workbook_file)
from tests.fixtures_xlsx import make_ole, save_rows

HEADER = ["Action Number", "Meeting Date", "Action", "Owner"]


def good_workbook(path: Path) -> Path:
    save_rows(path, [HEADER, [1, "07/09/2021", "Check the induction pack", "Claire Ward"]],
              title="Action log")
    return path


def refused(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        check_workbook_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}: ")
    # parse_workbook refuses the same way (it checks first)
    with pytest.raises(ImportFileError) as again:
        parse_workbook(path)
    assert str(again.value) == message
    return message


def rewrite(src: Path, dst: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None,
            compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of workbook ``src`` with some parts replaced or added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info)))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def test_a_good_workbook_passes(tmp_path):
    check_workbook_file(good_workbook(tmp_path / "log.xlsx"))


def test_missing_file(tmp_path):
    message = refused(tmp_path / "nowhere.xlsx")
    assert "not found" in message


def test_a_folder(tmp_path):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert "folder" in refused(folder)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert "empty" in refused(path)


def test_csv_renamed(tmp_path):
    path = tmp_path / "log.xlsx"
    path.write_text("Ref,Action\n1,Check\n", encoding="utf-8")
    message = refused(path)
    assert "not a zip" in message
    assert "save as .xlsx" in message


def test_html_renamed(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>", encoding="utf-8")
    assert "HTML" in refused(path)


def test_old_xls_says_save_as_xlsx(tmp_path):
    path = tmp_path / "old.xls"
    make_ole(path, {"Workbook": b"\x09\x08" + b"BIFF8" * 50})
    message = refused(path)
    assert ".xls" in message
    assert "save as .xlsx" in message


def test_password_protected_workbook(tmp_path):
    path = tmp_path / "locked.xlsx"
    make_ole(path, {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"<encryption/>",
                    "EncryptedPackage": b"\x00" * 5000})
    assert "password-protected" in refused(path)


def test_password_protected_word_document_is_words_for_word(tmp_path):
    """An encrypted .docx is an OLE file too: the officer is told of Word, not of Excel."""
    path = tmp_path / "minutes.docx"
    make_ole(path, {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"<encryption/>",
                    "EncryptedPackage": b"\x00" * 5000})
    message = refused(path)
    assert "Word document is password-protected" in message
    assert "save it again as .docx" in message
    assert "Excel" not in message
    other = tmp_path / "notes.docx"
    make_ole(other, {"PowerPoint Document": b"\x00" * 100})
    assert "not a Word .docx document" in refused(other)
    with zipfile.ZipFile(zipped := tmp_path / "photos.docx", "w") as z:
        z.writestr("holiday.txt", "not a document")
    assert "not a Word .docx document (no word/document.xml)" in refused(zipped)


def test_a_workbook_named_otherwise_is_read_by_its_bytes(tmp_path):
    """An .xlsx saved as .xls (or .txt) was refused in openpyxl's words ("does not support the
    old .xls file format"); told by its bytes, it reads as the same workbook."""
    from desktop_app.importers.grid import read_grids
    original = good_workbook(tmp_path / "log.xlsx")
    expected = [[c[0] for c in row.values()] for g in read_grids(original)
                for row in g.rows.values()]
    assert expected[1][2] == "Check the induction pack"
    for name in ("log-saved-as.xls", "log.txt"):
        renamed = tmp_path / name
        renamed.write_bytes(original.read_bytes())
        assert check_workbook_file(renamed) == "xlsx"
        assert [[c[0] for c in row.values()] for g in read_grids(renamed)
                for row in g.rows.values()] == expected


def test_other_ole_file(tmp_path):
    path = tmp_path / "letter.xlsx"
    make_ole(path, {"WordDocument": b"\xec\xa5" * 100})
    message = refused(path)
    assert "Word 97-2003 (.doc)" in message
    assert "save as .docx" in message


def test_unknown_ole_file(tmp_path):
    path = tmp_path / "slides.xlsx"
    make_ole(path, {"PowerPoint Document": b"\x00" * 100})
    assert "save as .xlsx" in refused(path)


def test_truncated_workbook(tmp_path):
    whole = good_workbook(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert "damaged" in refused(path)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("holiday.txt", "not a workbook")
    assert "xl/workbook.xml" in refused(path)


def test_word_document_renamed(tmp_path):
    path = tmp_path / "minutes.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    # a Word document is a tracker format of its own now (read by its tables), whatever its
    # name; this one is no real document, and reading it says so in one line
    assert check_workbook_file(path) == "docx"
    from desktop_app.importers.grid import read_grids
    with pytest.raises(ImportFileError, match=r"^minutes.xlsx: the Word document cannot be read"):
        read_grids(path)


def test_opendocument_spreadsheet(tmp_path):
    path = tmp_path / "log.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    assert ".ods" in refused(path)


def test_sheet_that_inflates_past_the_ratio(tmp_path):
    """A workbook whose sheet is padded out with 40 MB of spaces (about 1,000 times its
    compressed size): the kind of file that kept openpyxl busy for minutes."""
    src = good_workbook(tmp_path / "src.xlsx")
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * (40 * 2**20), 1)
    path = rewrite(src, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": padded})
    assert path.stat().st_size < 200_000
    message = refused(path)
    assert "decompression bomb" in message
    assert "sheet1.xml" in message


def test_many_parts_that_inflate_past_the_total(tmp_path):
    """Each part under the ratio check's 10 MB floor, together over the 200 MB limit."""
    src = good_workbook(tmp_path / "src.xlsx")
    path = tmp_path / "many.xlsx"
    chunk = b"\0" * (9 * 2**20)
    parts = MAX_TOTAL_UNCOMPRESSED // len(chunk) + 1
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        for i in range(parts):
            with zout.open(f"xl/media/image{i}.bin", "w") as w:
                w.write(chunk)
    message = refused(path)
    assert "decompression bomb" in message
    assert "200 MB" in message


LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
          b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
          b' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n')


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml",
                                  "xl/styles.xml", "[Content_Types].xml"])
def test_entity_expansion_is_refused(tmp_path, part):
    src = good_workbook(tmp_path / "src.xlsx")
    with zipfile.ZipFile(src) as z:
        original = z.read(part)
    body = original.split(b"?>", 1)[1] if original.startswith(b"<?xml") else original
    hostile = LAUGHS + body.replace(b"Claire Ward", b"&lol3;")
    path = rewrite(src, tmp_path / "laughs.xlsx", {part: hostile})
    message = refused(path)
    assert "DOCTYPE" in message
    assert part in message


def test_entity_in_a_utf16_part_is_refused(tmp_path):
    src = good_workbook(tmp_path / "src.xlsx")
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    hostile = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
               + sheet.split("?>", 1)[-1]).encode("utf-16")
    path = rewrite(src, tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": hostile})
    assert "DOCTYPE" in refused(path)


def test_doctype_text_inside_a_cell_is_not_mistaken(tmp_path):
    """The check reads only each part's prolog: a cell may say "<!DOCTYPE" (escaped)."""
    path = tmp_path / "fine.xlsx"
    save_rows(path, [HEADER, [1, "07/09/2021", "Explain <!DOCTYPE html> to members", "IT"]])
    check_workbook_file(path)
    assert parse_workbook(path).rows[0].fields["text"] == "Explain <!DOCTYPE html> to members"


# ---------------------------------------------------------------- files openpyxl cannot read

def parse_refused(path: Path, **kwargs) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_workbook(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}: ")
    return message


def test_damaged_sheet_xml(tmp_path):
    src = good_workbook(tmp_path / "src.xlsx")
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    path = rewrite(src, tmp_path / "broken.xlsx",
                   {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", b"</sheetDat>")})
    assert "damaged" in parse_refused(path)


def test_workbook_without_data(tmp_path):
    path = tmp_path / "blank.xlsx"
    save_rows(path, [], more={"Second": []})
    assert "empty" in parse_refused(path)


def test_no_header_row(tmp_path):
    path = tmp_path / "numbers.xlsx"
    save_rows(path, [[1, 2, 3], [4, 5, 6]])
    assert "no header row" in parse_refused(path)


def test_header_below_row_15_is_not_found(tmp_path):
    path = tmp_path / "deep.xlsx"
    save_rows(path, [[f"Banner line {i}"] for i in range(16)] +
              [HEADER, [1, "07/09/2021", "Check", "Claire Ward"]])
    assert "no header row" in parse_refused(path)


def test_the_check_reads_no_more_than_the_directory_and_prologs(tmp_path):
    """A 40 MB sheet is refused from the zip directory alone: the refusal is the same when the
    sheet's bytes are not even readable (here: stored under a compression zipfile lacks)."""
    src = good_workbook(tmp_path / "src.xlsx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (40 * 2**20))
            zout.writestr(info.filename, data)
    raw = bytearray(buffer.getvalue())
    # mark every member as compressed with method 99 (AES) in both local and central headers
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            raw[start + offset:start + offset + 2] = (99).to_bytes(2, "little")
            start += 4
    path = tmp_path / "aes.xlsx"
    path.write_bytes(bytes(raw))
    assert "decompression bomb" in refused(path)
