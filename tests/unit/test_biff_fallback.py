"""The fast .xls reader gives up on what it does not understand (a truncated or damaged file,
an older BIFF, encryption, records out of order or of odd lengths) and read_xls then reads the
file through xlrd, giving exactly what it gave before: the same grid, or the same one-line
error. And the judgements it shares with xlrd (date formats, serial dates) are xlrd's."""

from __future__ import annotations

import struct
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from desktop_app.importers import read_xls as read_xls_module
from desktop_app.importers.biff import as_datetime, read_biff
from desktop_app.importers.biff_container import NotSure
from desktop_app.importers.biff_globals import is_date_format
from desktop_app.importers.xlsx_safety import ImportFileError
from tests.unit import biff_build as bb
from tests.unit.biff_files import (FLAG, XFS, by_xlrd, formula, hand_cells, hand_stream,
                                   make_all, outcome, shape)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("xlwt")
    return make_all(tmp_path_factory.mktemp("biff_fallback"))


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
        cells += [formula(9, 0, FLAG), bb.record(0x0207, struct.pack("<HB", 40, 0) + b"abc")]
    else:
        cells += [formula(9, 0, FLAG), bb.record(0x04BC, bytes(10)),
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
