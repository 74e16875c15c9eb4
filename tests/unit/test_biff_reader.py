"""The fast .xls reader (importers/biff*.py) against xlrd: every .xls in the repository, a set
of workbooks written here with xlwt, and BIFF8 records built by hand for what xlwt never writes
(tests/unit/biff_files.py). Both paths must give equal grids (values, types, text colours,
fills, merges and what fill_merges copies, hidden sheets and rows, and the order of rows and
cells), and an ordinary file must take the fast path. test_biff_fallback.py: what it gives up."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

import pytest

from desktop_app.importers import read_xls as read_xls_module
from tests.unit.biff_files import by_biff, by_xlrd, make_all, shape

REPO = Path(__file__).resolve().parents[2]
REPO_XLS = sorted((REPO / "tests").rglob("*.xls"))


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("xlwt")
    return make_all(tmp_path_factory.mktemp("biff"))


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
