"""What the .xls reader's tests read (test_biff_reader.py, test_biff_fallback.py): workbooks
written with xlwt, workbooks built record by record (biff_build.py) for what xlwt never writes,
and both readers' grids in one comparable shape."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path
from typing import Any

from desktop_app.importers import read_xls as read_xls_module
from desktop_app.importers.biff import read_biff
from desktop_app.importers.grid import SheetGrid
from desktop_app.importers.xlsx_safety import ImportFileError
from tests.unit import biff_build as bb

WELSH = ["Zoë Siân", "Gwenllian ap Dafydd ŵ ŷ", "Dŵr Cymru – ymateb", "Siôn Pryce"]


def shape(grids: list[SheetGrid]) -> list[tuple[Any, ...]]:
    """Everything a grid carries, in order (dict order included), and its formula cells."""
    return [(g.title, [(r, list(row.items())) for r, row in g.rows.items()], g.merges, g.hidden,
             sorted(g.hidden_rows), sorted(g.merge_filled), sorted(g.formulas.items()))
            for g in grids]


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

def write_mixed(path: Path) -> None:
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


def write_over_seven_mb(path: Path) -> None:
    """Past 109 FAT sectors (about 7 MB) the compound file lists the rest in a DIFAT sector."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Minutes")
    for i in range(820):
        sheet.write(i, 0, f"{i:04d} " + "Long minutes text " * 500)
    book.save(str(path))


def write_dates_1904(path: Path) -> None:
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


def formula(row: int, col: int, result: bytes) -> bytes:
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
        formula(2, 3, struct.pack("<d", 42.0)),
        formula(2, 4, FLAG),
        bb.record(0x0207, bb.text8("a formula’s words")),  # its STRING record
        formula(2, 5, b"\x01\x00\x01\x00\x00\x00\xff\xff"),  # TRUE
        formula(2, 6, b"\x02\x00\x07\x00\x00\x00\xff\xff"),  # #DIV/0!
        formula(2, 7, b"\x03\x00\x00\x00\x00\x00\xff\xff"),  # an empty string
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



def make_all(folder: Path) -> dict[str, Path]:
    """Every workbook the tests compare, written into ``folder``."""
    files = {"mixed": folder / "mixed.xls", "1904": folder / "dates_1904.xls",
             "hand": folder / "hand_mini_stream.xls", "hand_big": folder / "hand_big.xls",
             "difat": folder / "over_7_mb.xls"}
    write_mixed(files["mixed"])
    write_over_seven_mb(files["difat"])
    write_dates_1904(files["1904"])
    bb.write_ole(files["hand"], hand_stream())  # under 4 KB: in the mini stream
    padding = [bb.cell(0x00FD, 10 + i, 0, 15, struct.pack("<i", 0)) for i in range(400)]
    bb.write_ole(files["hand_big"], hand_stream(hand_cells() + padding, datemode=1))
    return files
