"""The fast .xls reader (importers/biff*.py) against xlrd: every .xls in the repository, a set
of workbooks written here with xlwt, and BIFF8 records built by hand for what xlwt never writes
(tests/unit/biff_build.py). Both paths must give equal grids (values, types, text colours,
fills, merges and what fill_merges copies, hidden sheets and rows, and the order of rows and
cells); an ordinary file must take the fast path; anything odd must go to xlrd's path and give
what it gave before (the same grid, or the same one-line error)."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from desktop_app.importers import read_xls as read_xls_module
from desktop_app.importers.biff import as_datetime, read_biff
from desktop_app.importers.biff_container import NotSure
from desktop_app.importers.biff_globals import is_date_format
from desktop_app.importers.grid import SheetGrid
from desktop_app.importers.xlsx_safety import ImportFileError
from tests.unit import biff_build as bb

REPO = Path(__file__).resolve().parents[2]
REPO_XLS = sorted((REPO / "tests").rglob("*.xls"))
WELSH = ["Zoë Siân", "Gwenllian ap Dafydd ŵ ŷ", "Dŵr Cymru – ymateb", "Siôn Pryce"]


def shape(grids: list[SheetGrid]) -> list[tuple[Any, ...]]:
    """Everything a grid carries, in order (dict order included)."""
    return [(g.title, [(r, list(row.items())) for r, row in g.rows.items()], g.merges, g.hidden,
             sorted(g.hidden_rows), sorted(g.merge_filled)) for g in grids]


def by_xlrd(path: Path) -> list[SheetGrid]:
    grids = read_xls_module._read_with_xlrd(path)
    for grid in grids:
        grid.fill_merges()
    return grids


def by_biff(path: Path) -> list[SheetGrid]:
    grids = read_biff(path.read_bytes())
    for grid in grids:
        grid.fill_merges()
    return grids


def outcome(read, path: Path) -> Any:
    """A reader's grids, or the one-line error it gave."""
    try:
        return shape(read(path))
    except ImportFileError as exc:
        return ("error", str(exc))


# ----------------------------------------------------------------- workbooks written by xlwt

def _mixed(path: Path) -> None:
    import xlwt

    xlwt.add_palette_colour("council_teal", 0x21)
    book = xlwt.Workbook(encoding="utf-8")
    book.set_colour_RGB(0x21, 0, 150, 60)  # a green of the council's own, through PALETTE
    plain = xlwt.easyxf("")
    blue = xlwt.easyxf("font: colour blue")
    red = xlwt.easyxf("font: colour red")
    fills = [xlwt.easyxf(f"pattern: pattern solid, fore_colour {c}")
             for c in ("red", "light_orange", "green", "council_teal", "yellow")]
    formats = {f: xlwt.easyxf(num_format_str=f) for f in (
        "dd/mm/yyyy", "dd/mm/yyyy hh:mm", "hh:mm", '"Week of" dd mmm yyyy', "[h]:mm:ss",
        "#,##0.00", "0%", "0.00E+00", "General", "@", "d-mmm-yy;@")}
    sheet = book.add_sheet("Action log")
    sheet.write_merge(0, 0, 0, 6, "Children’s Services Scrutiny: action log",
                      xlwt.easyxf("font: bold on"))
    for c, name in enumerate(["Ref", "Meeting", "Action", "Owner", "Due", "Status", "Done",
                              "Time", "Score", "Note"]):
        sheet.write(2, c, name)
    r = 3
    for i in range(60):
        if i % 6 == 0:  # the meeting merged down over its six actions
            sheet.write_merge(r, r + 5, 1, 1, dt.datetime(2023, 1 + i // 6, 12),
                              formats["dd/mm/yyyy"])
        sheet.write(r, 0, f"A{i + 1}")
        sheet.write(r, 2, f"Action {i}: {WELSH[i % 4]} to report back",
                    blue if i % 5 == 0 else red if i % 7 == 0 else plain)
        sheet.write(r, 3, WELSH[(i + 1) % 4])
        sheet.write(r, 4, dt.datetime(2023, 3, 1 + i % 28, 14, 30), formats["dd/mm/yyyy hh:mm"])
        sheet.write(r, 5, ["Red", "Amber", "Green", "Done", "Open"][i % 5], fills[i % 5])
        sheet.write(r, 6, i % 2 == 0)
        sheet.write(r, 7, dt.time(9 + i % 8, 15 * (i % 4)), formats["hh:mm"])
        score: Any = [i, -1000 * i, 123456789 + i, i / 4, 1 / (i + 3), 12.34, 2 ** 40,
                      -0.5][i % 8]
        sheet.write(r, 8, score, [formats[k] for k in ("#,##0.00", "0%", "0.00E+00",
                                                       "General")][i % 4])
        if i % 9 == 0:
            sheet.row(r).set_cell_error(9, [0x2A, 0x07, 0x17, 0x0F][i % 4])
        elif i % 9 == 1:
            sheet.write(r, 9, "   ", fills[0])  # blank text with a fill: the fill is kept
        elif i % 9 == 2:
            sheet.write(r, 9, "", fills[2])  # a BLANK cell with a fill
        elif i % 9 == 3:
            sheet.write(r, 9, xlwt.Formula("1+2"))
        elif i % 9 == 4:
            sheet.write(r, 9, 45000 + i, formats['"Week of" dd mmm yyyy'])
        elif i % 9 == 5:
            sheet.write(r, 9, 1.75, formats["[h]:mm:ss"])
        elif i % 9 == 6:
            sheet.write(r, 9, "note", formats["@"])
        elif i % 9 == 7:
            sheet.write(r, 9, 44927, formats["d-mmm-yy;@"])
        r += 1
    sheet.write_merge(r, r, 0, 3, "", fills[1])  # a MULBLANK across with a fill
    for hidden in (5, 6, 20):
        sheet.row(hidden).hidden = True
    lists = book.add_sheet("Lists")
    lists.visibility = 1
    for i, word in enumerate(["Open", "Completed", "Ongoing"]):
        lists.write(i, 0, word)
    book.add_sheet("Empty")
    strings = book.add_sheet("Strings")
    for i in range(900):  # about 30 KB of shared strings: the SST needs CONTINUE records
        strings.write(i, 0, f"Recommendation {i}: the panel asks for figures {i * 7919}")
        if i % 50 == 0:
            strings.write(i, 1, f"Ymateb {i}: {WELSH[i % 4]} " * 3)
    strings.write(900, 0, "Long text " * 900)  # 9,000 Latin-1 characters: over one record
    strings.write(901, 0, "Dŵr a ŷd " * 600)  # 5,400 UTF-16 characters: over one record
    book.save(str(path))


def _over_seven_mb(path: Path) -> None:
    """Past 109 FAT sectors (about 7 MB) the compound file lists the rest in a DIFAT sector."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Minutes")
    for i in range(820):
        sheet.write(i, 0, f"{i:04d} " + "Long minutes text " * 500)
    book.save(str(path))


def _dates_1904(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    book.dates_1904 = True
    sheet = book.add_sheet("Meetings 1904")
    date = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    stamp = xlwt.easyxf(num_format_str="dd/mm/yyyy hh:mm:ss")
    for i in range(12):
        sheet.write(i, 0, dt.date(2022, 1 + i, 10 + i), date)
        sheet.write(i, 1, dt.datetime(2023, 12 - i, 1, 8, i, 30), stamp)
        sheet.write(i, 2, f"Meeting {i + 1}")
    book.save(str(path))


# ------------------------------------------------------------- records xlwt never writes

FONTS = [bb.font(0x7FFF), bb.font(0x0C), bb.font(0x0A), bb.font(8)]  # font 4 is implied
XFS = [bb.xf()] * 15 + [bb.xf(), bb.xf(font_index=2), bb.xf(font_index=1), bb.xf(fmt=14),
                        bb.xf(fmt=164), bb.xf(pattern=1, colour=10), bb.xf(pattern=1, colour=17),
                        bb.xf(fmt=165), bb.xf(font_index=5)]
SST = ["Ref", "Zoë Siân ŵ ŷ", "   ", "Completed"]
FORMATS = {164: 'dd "of" mmmm yyyy', 165: "[h]:mm"}
# index 10 becomes a dark blue, 17 a red: PALETTE overrides Excel's defaults
PALETTE = [(0, 0, 0)] * 2 + [(0, 0, 200)] + [(255, 0, 0)] * 53
FLAG = b"\x00\x00\x00\x00\x00\x00\xff\xff"


def _formula(row: int, col: int, result: bytes) -> bytes:
    return bb.cell(0x0006, row, col, 15, result + struct.pack("<HI", 0, 0) + b"\x00\x00")


def hand_cells() -> list[bytes]:
    sst = lambda row, col, xf, i: bb.cell(0x00FD, row, col, xf, struct.pack("<i", i))  # noqa: E731
    return [
        bb.record(0x0208, struct.pack("<HHHHHHI", 2, 0, 5, 255, 0, 0, 0x120)),  # hidden row 3
        sst(0, 0, 15, 0), sst(0, 1, 16, 1), sst(0, 2, 20, 2),
        bb.cell(0x0204, 0, 3, 17, bb.text8("Welsh ŵ label")),  # LABEL, red font
        bb.cell(0x00D6, 0, 4, 23, bb.text8("rich") + struct.pack("<HHH", 1, 0, 1)),  # RSTRING
        bb.record(0x00BD, struct.pack("<HH", 1, 0) + b"".join(  # MULRK across row 2
            struct.pack("<HI", xf, rk) for xf, rk in (
                (15, bb.rk_int(7)), (18, bb.rk_int(45000)), (15, bb.rk_int(1234, True)),
                (15, bb.rk_float(0.5)), (15, bb.rk_int(-3)))) + struct.pack("<H", 4)),
        bb.cell(0x0203, 1, 5, 19, struct.pack("<d", 45123.75)),  # NUMBER, custom date
        bb.cell(0x0203, 1, 6, 22, struct.pack("<d", 1.5)),  # [h]:mm
        bb.cell(0x0203, 1, 7, 18, struct.pack("<d", 1e300)),  # a date out of range
        bb.record(0x00BE, struct.pack("<HHHHHH", 2, 0, 20, 15, 21, 2)),  # MULBLANK, fills
        _formula(2, 3, struct.pack("<d", 42.0)),
        _formula(2, 4, FLAG),
        bb.record(0x0207, bb.text8("a formula’s words")),  # its STRING record
        _formula(2, 5, b"\x01\x00\x01\x00\x00\x00\xff\xff"),  # TRUE
        _formula(2, 6, b"\x02\x00\x07\x00\x00\x00\xff\xff"),  # #DIV/0!
        _formula(2, 7, b"\x03\x00\x00\x00\x00\x00\xff\xff"),  # an empty string
        bb.cell(0x0205, 3, 0, 15, b"\x00\x00"),  # FALSE
        bb.cell(0x0205, 3, 1, 15, b"\x2a\x01"),  # #N/A
        bb.cell(0x0201, 3, 2, 21, b""),  # BLANK with a red fill
        sst(4, 0, 15, 3),
        bb.record(0x00E5, struct.pack("<HHHHH", 1, 4, 6, 0, 0)),  # A5:A7 merged
    ]


def hand_stream(cells: list[bytes] | None = None, **changes: Any) -> bytes:
    sheets = [bb.Sheet("Log", hand_cells() if cells is None else cells),
              bb.Sheet("Hidden", [bb.cell(0x00FD, 0, 0, 15, struct.pack("<i", 3))], 1),
              bb.Sheet("Empty", [])]
    options: dict[str, Any] = {"fonts": FONTS, "xfs": XFS, "sst": SST, "formats": FORMATS,
                               "palette": PALETTE}
    options.update(changes)
    return bb.workbook(sheets, **options)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("xlwt")
    folder = tmp_path_factory.mktemp("biff")
    files = {"mixed": folder / "mixed.xls", "1904": folder / "dates_1904.xls",
             "hand": folder / "hand_mini_stream.xls", "hand_big": folder / "hand_big.xls",
             "difat": folder / "over_7_mb.xls"}
    _mixed(files["mixed"])
    _over_seven_mb(files["difat"])
    _dates_1904(files["1904"])
    bb.write_ole(files["hand"], hand_stream())  # under 4 KB: in the mini stream
    padding = [bb.cell(0x00FD, 10 + i, 0, 15, struct.pack("<i", 0)) for i in range(400)]
    bb.write_ole(files["hand_big"], hand_stream(hand_cells() + padding, datemode=1))
    return files


# ------------------------------------------------------------------------ same grids

@pytest.mark.parametrize("name", [p.name for p in REPO_XLS])
def test_every_xls_in_the_repository_reads_the_same_both_ways(name):
    path = next(p for p in REPO_XLS if p.name == name)
    assert shape(by_biff(path)) == shape(by_xlrd(path))


@pytest.mark.parametrize("name", ["mixed", "1904", "hand", "hand_big", "difat"])
def test_made_workbooks_read_the_same_both_ways(made, name):
    fast = by_biff(made[name])
    assert shape(fast) == shape(by_xlrd(made[name]))
    assert any(g.rows for g in fast)


@pytest.mark.parametrize("name", ["mixed", "hand"])
def test_read_xls_takes_the_fast_path_on_an_ordinary_file(made, name):
    before = dict(read_xls_module.READS)
    grids = read_xls_module.read_xls(made[name])
    assert read_xls_module.READS["biff"] == before["biff"] + 1
    assert read_xls_module.READS["xlrd"] == before["xlrd"]
    assert shape(grids) == shape(by_xlrd(made[name]))


def test_the_mixed_workbook_reads_as_written(made):
    grids = {g.title: g for g in by_biff(made["mixed"])}
    assert list(grids) == ["Action log", "Lists", "Empty", "Strings"]
    log = grids["Action log"]
    assert log.rows[4][2] == (dt.datetime(2023, 1, 12), 4, None)
    assert log.rows[5][2][0] == dt.datetime(2023, 1, 12)
    assert log.filled_from_merge(5, 2)
    assert log.rows[4][3] == ("Action 0: Zoë Siân to report back", 2, None)  # blue
    assert log.rows[11][3][1] == 1  # red
    assert log.rows[4][4][0] == "Gwenllian ap Dafydd ŵ ŷ"
    assert log.rows[4][5][0] == dt.datetime(2023, 3, 1, 14, 30)
    assert [log.rows[r][6][2] for r in range(4, 9)] == ["red", "amber", "green", "green",
                                                        "amber"]
    assert log.rows[4][7] == (True, 4, None)
    assert log.rows[5][7][0] is False
    assert log.rows[4][8][0] == dt.datetime(1899, 12, 31, 9, 0)
    assert [log.rows[r][9][0] for r in range(4, 12)] == [0, -1000, 123456789 + 2, 0.75,
                                                         1 / 7, 12.34, 2 ** 40, -0.5]
    assert isinstance(log.rows[4][9][0], int)
    assert isinstance(log.rows[7][9][0], float)
    assert log.rows[4][10][0] == "#N/A"
    assert log.rows[5][10] == (None, 0, "red")
    assert log.rows[6][10] == (None, 0, "green")
    assert 10 not in log.rows[7]  # xlwt's formula carries an empty result
    assert log.rows[8][10][0] == dt.datetime(2023, 3, 19)
    assert log.rows[9][10][0] == dt.datetime(1900, 1, 1, 18, 0)
    assert log.rows[64] == {c: (None, 0, "amber") for c in range(1, 5)}
    assert log.hidden_rows == {6, 7, 21}
    assert (1, 1, 1, 7) in log.merges
    assert grids["Lists"].hidden
    assert not log.hidden
    assert grids["Empty"].rows == {}
    strings = grids["Strings"]
    assert strings.rows[900][1][0].endswith("figures 7119181")
    assert strings.rows[901][1][0] == "Long text " * 900
    assert strings.rows[902][1][0] == "Dŵr a ŷd " * 600


def test_a_workbook_with_a_difat_sector_reads_whole(made):
    data = made["difat"].read_bytes()
    assert struct.unpack_from("<i", data, 0x48)[0] >= 1  # DIFAT sectors in use
    grid = by_biff(made["difat"])[0]
    assert len(grid.rows) == 820
    assert grid.rows[820][1][0] == "0819 " + "Long minutes text " * 500


def test_dates_in_1904_mode_are_the_dates_written(made):
    grid = by_biff(made["1904"])[0]
    assert [grid.rows[i + 1][1][0] for i in range(12)] == [
        dt.datetime(2022, 1 + i, 10 + i) for i in range(12)]
    assert grid.rows[3][2][0] == dt.datetime(2023, 10, 1, 8, 2, 30)


def test_hand_built_records_read_as_meant(made):
    log, hidden, empty = by_biff(made["hand"])
    assert log.rows[1][2] == ("Zoë Siân ŵ ŷ", 2, None)  # palette index 10 made blue
    assert 3 not in log.rows[1]  # blank text, its fill blue: no RAG
    assert log.rows[1][4] == ("Welsh ŵ label", 1, None)
    assert log.rows[1][5][0] == "rich"
    assert log.rows[2] == {1: (7, 4, None), 2: (dt.datetime(2023, 3, 15), 4, None),
                           3: (12.34, 4, None), 4: (0.5, 4, None), 5: (-3, 4, None),
                           6: (dt.datetime(2023, 7, 16, 18, 0), 4, None),
                           7: (dt.datetime(1900, 1, 1, 12, 0), 4, None), 8: (1e300, 4, None)}
    assert log.rows[3] == {3: (None, 0, "red"), 4: (42, 4, None),
                           5: ("a formula’s words", 4, None), 6: (True, 4, None),
                           7: ("#DIV/0!", 4, None)}
    assert log.rows[4] == {1: (False, 4, None), 2: ("#N/A", 4, None), 3: (None, 0, "red")}
    assert log.merges == [(5, 1, 7, 1)]
    assert log.filled_from_merge(7, 1)
    assert log.hidden_rows == {3}
    assert hidden.hidden
    assert empty.rows == {}


# ---------------------------------------------------------------- giving up, and falling back

def _read_xls_outcome(path: Path) -> tuple[Any, dict[str, int]]:
    before = dict(read_xls_module.READS)
    try:
        got: Any = shape(read_xls_module.read_xls(path))
    except ImportFileError as exc:
        got = ("error", str(exc))
    return got, {k: v - before[k] for k, v in read_xls_module.READS.items()}


def _expect_fallback(path: Path) -> None:
    with pytest.raises(Exception):  # noqa: B017, PT011 - NotSure or any surprise
        read_biff(path.read_bytes())
    got, counts = _read_xls_outcome(path)
    assert counts == {"biff": 0, "xlrd": 1}
    assert got == outcome(by_xlrd, path)


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_copy_goes_to_xlrd_and_gives_what_it_gave(made, tmp_path, cut):
    data = made["mixed"].read_bytes()
    path = tmp_path / "truncated.xls"
    path.write_bytes(data[:int(len(data) * cut)])
    _expect_fallback(path)


def test_biff5_or_encrypted_makes_the_fast_reader_give_up(made, tmp_path):
    data = made["hand_big"].read_bytes()
    biff8_bof = struct.pack("<HHHH", 0x0809, 16, 0x0600, 5)
    assert data.count(biff8_bof) == 1
    old = tmp_path / "biff5.xls"
    old.write_bytes(data.replace(biff8_bof, struct.pack("<HHHH", 0x0809, 16, 0x0500, 5)))
    _expect_fallback(old)
    locked = tmp_path / "encrypted.xls"
    bb.write_ole(locked, hand_stream(extra=bb.record(0x002F, b"\x00\x00\x34\x12\x78\x56")))
    with pytest.raises(NotSure, match="encrypted"):
        read_biff(locked.read_bytes())
    got, counts = _read_xls_outcome(locked)
    assert counts == {"biff": 0, "xlrd": 1}
    assert got[0] == "error"
    assert "encrypted" in got[1]


def test_a_sector_chain_that_loops_is_not_followed(made, tmp_path):
    data = bytearray(made["hand_big"].read_bytes())
    fat = 512  # sector 0 is the FAT; the stream starts at sector 2 and runs on
    struct.pack_into("<i", data, fat + 4 * 3, 2)  # sector 3 -> 2: a loop
    path = tmp_path / "loop.xls"
    path.write_bytes(bytes(data))
    _expect_fallback(path)


@pytest.mark.parametrize("case", ["cells out of order", "row out of order", "odd LABELSST",
                                  "unknown format", "short STRING", "SHRFMLA before STRING"])
def test_records_it_does_not_expect_go_to_xlrd(tmp_path, case):
    cells = hand_cells()
    xfs = XFS
    if case == "cells out of order":
        cells.append(bb.cell(0x00FD, 4, 0, 15, struct.pack("<i", 0)))  # A5 again
    elif case == "row out of order":
        cells.append(bb.cell(0x00FD, 0, 9, 15, struct.pack("<i", 0)))  # back to row 1
    elif case == "odd LABELSST":
        cells.append(bb.cell(0x00FD, 9, 0, 15, struct.pack("<iH", 0, 0)))
    elif case == "unknown format":
        xfs = [*XFS, bb.xf(fmt=99)]
        cells.append(bb.cell(0x0203, 9, 0, len(XFS), struct.pack("<d", 5.0)))
    elif case == "short STRING":
        cells += [_formula(9, 0, FLAG), bb.record(0x0207, struct.pack("<HB", 40, 0) + b"abc")]
    else:
        cells += [_formula(9, 0, FLAG), bb.record(0x04BC, bytes(10)),
                  bb.record(0x0207, bb.text8("shared"))]
    path = tmp_path / "odd.xls"
    bb.write_ole(path, hand_stream(cells, xfs=xfs))
    _expect_fallback(path)


def test_a_file_neither_can_read_gives_the_one_line_error(tmp_path):
    path = tmp_path / "junk.xls"
    path.write_bytes(bb.FREE.to_bytes(4, "little") * 300)
    got, counts = _read_xls_outcome(path)
    assert counts == {"biff": 0, "xlrd": 1}
    assert got[0] == "error"
    assert got[1].startswith("junk.xls: ")
    assert "\n" not in got[1]


# -------------------------------------------------------------- as xlrd judges dates

@pytest.mark.parametrize("fmt", [
    "dd/mm/yyyy", "d-mmm-yy;@", "hh:mm", "[h]:mm:ss", '"Week of" dd mmm yyyy', "0.00E+00",
    "@", "General", "#,##0.00", "0%", "[Red]0.00", "[$-809]dd mmmm yyyy", '#,##0;"none"',
    "\\d0", "_(* #,##0_)", "yyyy-mm-dd hh:mm:ss.000", "mm:ss.0", '"Done"', "0.0 \"days\""])
def test_date_formats_are_judged_as_xlrd_judges_them(fmt):
    from xlrd.formatting import is_date_format_string

    assert is_date_format(fmt) == is_date_format_string(SimpleNamespace(verbosity=0), fmt)


@pytest.mark.parametrize("datemode", [0, 1])
def test_serial_dates_convert_as_xlrd_converts_them(datemode):
    from xlrd.xldate import xldate_as_datetime

    def either(convert, value):
        try:
            return convert(value, datemode)
        except (OverflowError, ValueError) as exc:
            return type(exc)

    for value in (0.0, 1.0, 59.0, 59.999, 60.0, 61.5, 45123.7500001, 2958465.99999, 0.25,
                  36526.041666666664, -1.5, 1e300, 2957004.5):
        assert either(as_datetime, value) == either(xldate_as_datetime, value)
    assert either(as_datetime, 1e300) is OverflowError


def test_shared_strings_across_continue_records_read_as_xlrd_reads_them():
    """Split where Excel splits: a string whose rest comes in another width (the CONTINUE's
    flag byte says which), rich-text runs, and a phonetic block running into the next record
    (no flag byte there)."""
    from xlrd.book import unpack_SST_table

    from desktop_app.importers.biff_sst import read_sst

    head = struct.pack("<II", 5, 5)
    rich = struct.pack("<HBH", 3, 0x08, 2) + b"Zo\xeb" + struct.pack("<HHHH", 0, 1, 2, 2)
    records = [
        head + struct.pack("<HB", 3, 0) + b"abc" + rich + struct.pack("<HB", 9, 0) + b"Siaa",
        b"\x01" + "nŵŷ d".encode("utf-16-le")
        + struct.pack("<HBi", 4, 0x04, 10) + b"kana" + b"P" * 6,
        b"P" * 4 + struct.pack("<HB", 5, 0x01) + "Dŵ".encode("utf-16-le"),
        b"\x00" + b"r a",
    ]
    expected, _runs = unpack_SST_table(records, 5)
    assert expected == ["abc", "Zoë", "Siaanŵŷ d", "kana", "Dŵr a"]
    joined = b"".join(r if i else r[8:] for i, r in enumerate(records))
    breaks = [sum(len(r) for r in records[1:i]) + len(records[0]) - 8 for i in range(1, 4)]
    assert read_sst(joined, breaks, 5) == expected


def test_built_in_formats_and_default_palette_are_xlrds():
    from xlrd.formatting import FDT, excel_default_palette_b8, std_format_code_types

    from desktop_app.importers import biff_globals

    dates = {k for k, t in std_format_code_types.items() if t == FDT}
    others = {k for k, t in std_format_code_types.items() if t != FDT}
    ours = biff_globals._BUILTIN_DATES, biff_globals._BUILTIN_OTHER, biff_globals._PALETTE
    assert ours == (dates, others, excel_default_palette_b8)
