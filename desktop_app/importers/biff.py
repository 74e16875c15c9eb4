"""A fast reader of Excel 97-2003 (.xls, BIFF8) workbooks, straight into grids.

    grids = read_biff(data)   # the file's bytes -> [SheetGrid], or raises NotSure

It gives exactly what ``read_xls`` gives through xlrd (values, text colours, fills, merges,
hidden sheets and rows), without building an object per record or per cell: the stream is one
bytes object walked with ``struct.unpack_from``, and each XF is judged once (biff_globals).
biff_container finds the stream, biff_sst reads the shared strings.

Anything it is not sure of (not BIFF8, encrypted, a record of an odd length, cells out of
order, a formula result it does not know, a chain that loops...) raises ``NotSure``, and
read_xls then reads the file through xlrd: never a different grid, never a new kind of error.
"""

from __future__ import annotations

import datetime as dt
import struct
from typing import Any

from desktop_app.importers.biff_container import NotSure, workbook_stream
from desktop_app.importers.biff_formulas import ARRAY, FORMULA_CODES, SHRFMLA, FormulaCells
from desktop_app.importers.biff_globals import DATE, NUMBER, Globals, bof_end, read_globals
from desktop_app.importers.biff_sst import unicode_at
from desktop_app.importers.grid import CellInfo, SheetGrid

__all__ = ["NotSure", "read_biff", "read_biff_stream"]

_EPOCH_1904 = dt.datetime(1904, 1, 1)
_EPOCH_1900 = dt.datetime(1899, 12, 31)
_EPOCH_1900_MINUS_1 = dt.datetime(1899, 12, 30)  # Excel's 29 February 1900

ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
          0x24: "#NUM!", 0x2A: "#N/A"}

# code, size, then the first 10 bytes of a cell record: row, col, xf, 4 more (signed)
_HEAD = struct.Struct("<HHHHHi")
_DOUBLE = struct.Struct("<d")
_PAD = bytes(16)  # so that a record header near the stream's end can always be unpacked


def as_datetime(xldate: float, datemode: int) -> dt.datetime:
    """An Excel serial date as a datetime, as xlrd.xldate_as_datetime gives it."""
    if datemode:
        epoch = _EPOCH_1904
    elif xldate < 60:
        epoch = _EPOCH_1900
    else:
        epoch = _EPOCH_1900_MINUS_1
    days = int(xldate)
    seconds = int(round((xldate - days) * 86400000.0))
    seconds, milliseconds = divmod(seconds, 1000)
    return epoch + dt.timedelta(days, seconds, 0, milliseconds)


def _rk(x: int) -> float:
    """An RK value (a 30-bit integer or the top of a double, maybe divided by 100)."""
    if x & 2:
        value = float(x >> 2)
    else:
        value = _DOUBLE.unpack(((x & 0xFFFFFFFC) << 32).to_bytes(8, "little"))[0]
    return value / 100.0 if x & 1 else value


def read_biff(data: bytes) -> list[SheetGrid]:
    """Every worksheet of an .xls file's bytes as a SheetGrid (merges not yet filled)."""
    return read_biff_stream(workbook_stream(data))


def read_biff_stream(stream: bytes) -> list[SheetGrid]:
    """Every worksheet of a Workbook stream (biff_container) as a SheetGrid."""
    book = read_globals(stream)
    buf = stream + _PAD
    grids = []
    for name, visibility, offset in book.sheets:
        if not 0 <= offset < len(stream) - 4:
            raise NotSure("sheet offset outside the stream")
        formulas = FormulaCells()
        rows, merges, hidden_rows = _read_sheet(buf, len(stream), bof_end(stream, offset, 0x10),
                                                book, formulas)
        grids.append(SheetGrid(name, rows, merges, hidden=visibility != 0,
                               hidden_rows=hidden_rows,
                               formulas=without_today(rows, formulas.marks()) if formulas
                               else {}))
    return grids


def _number(value: float, kind: int, datemode: int, dates: dict[float, Any]) -> Any:
    """A number as read_xls gives it: a date in a date format, a whole number as int."""
    if kind == NUMBER:
        return int(value) if value.is_integer() else value
    if kind != DATE:
        raise NotSure("a number in an unknown format")
    day = dates.get(value)
    if day is None:
        try:
            day = as_datetime(value, datemode)
        except (OverflowError, ValueError):  # an out-of-range date stays a number
            day = value
        dates[value] = day
    return day


def without_today(rows: dict[int, dict[int, CellInfo]], marks: dict[tuple[int, int], str]
                  ) -> dict[tuple[int, int], str]:
    """``marks`` (biff_formulas), after leaving out the saved value of each formula cell that
    works from today's date (its fill stays): it was true on the day the file was saved."""
    for (r, c), mark in marks.items():
        if mark != "=" and (cell := rows.get(r, {}).get(c)) is not None:
            if cell[2] is None:
                del rows[r][c]
            else:
                rows[r][c] = (None, 0, cell[2])
    return marks


def _read_sheet(buf: bytes, end: int, pos: int, book: Globals, formulas: FormulaCells
                ) -> tuple[dict[int, dict[int, CellInfo]], list[tuple[int, int, int, int]],
                           set[int]]:
    """One worksheet's cells, merges and hidden rows, from its BOF to its EOF. Cells must come
    as Excel writes them, row by row and left to right, each once (else NotSure): so a cell
    is stored once, where xlrd's grid has it, and rows and cells keep its order."""
    unpack = _HEAD.unpack_from
    unpack_d = _DOUBLE.unpack_from
    xfs = book.xfs
    sst = book.sst_values
    datemode = book.datemode
    dates: dict[float, Any] = {}
    rows: dict[int, dict[int, CellInfo]] = {}
    merges: list[tuple[int, int, int, int]] = []
    hidden_rows: set[int] = set()
    row: dict[int, CellInfo] = {}
    current = -1  # the row being filled
    left = 255  # the last column written in it
    while True:
        start = pos
        code, size, r, c, xf, x = unpack(buf, pos)
        pos += 4 + size  # past the stream's end: no EOF can follow, so NotSure below
        if code == 0x00FD and size == 10:  # LABELSST
            if r != current:
                if r < current or left > 255:
                    raise NotSure("rows out of order")
                current = r
                row = rows[r + 1] = {}
            elif c <= left:
                raise NotSure("cells out of order")
            left = c
            kind, flags, fill = xfs[xf]
            text = sst[x]  # a negative index counts from the end, as in xlrd
            if text is not None:
                row[c + 1] = (text, flags, fill)
            elif fill is not None:
                row[c + 1] = (None, 0, fill)
        elif code == 0x027E and size >= 10:  # RK
            if r != current:
                if r < current or left > 255:
                    raise NotSure("rows out of order")
                current = r
                row = rows[r + 1] = {}
            elif c <= left:
                raise NotSure("cells out of order")
            left = c
            kind, flags, fill = xfs[xf]
            if x & 3 == 2:  # a whole number
                value = x >> 2
                if kind == DATE:
                    day = dates.get(value)
                    value = day if day is not None else _number(float(value), kind, datemode,
                                                                dates)
                elif kind:
                    raise NotSure("a number in an unknown format")
            else:
                value = _number(_rk(x), kind, datemode, dates)
            row[c + 1] = (value, flags, fill)
        elif code == 0x0208 and size >= 16:  # ROW: only whether it is hidden
            if buf[start + 16] & 0x20:
                hidden_rows.add(r + 1)
            elif hidden_rows:  # a later ROW record for the row decides, as in xlrd
                hidden_rows.discard(r + 1)
        elif code == 0x0203 and size >= 14:  # NUMBER
            if r != current:
                if r < current or left > 255:
                    raise NotSure("rows out of order")
                current = r
                row = rows[r + 1] = {}
            elif c <= left:
                raise NotSure("cells out of order")
            left = c
            kind, flags, fill = xfs[xf]
            row[c + 1] = (_number(unpack_d(buf, start + 10)[0], kind, datemode, dates),
                          flags, fill)
        elif code == 0x000A:  # EOF
            break
        elif code in (0x00BD, 0x00BE):  # MULRK, MULBLANK
            if r != current:
                if r < current or left > 255:
                    raise NotSure("rows out of order")
                current = r
                row = rows[r + 1] = {}
            elif c <= left:
                raise NotSure("cells out of order")
            left = _multiple(buf, start, code, size, row, book, dates)
        elif code in (0x0201, 0x0204, 0x00D6, 0x0205, 0x0006, 0x0206, 0x0406, 0x0203,
                      0x027E, 0x00FD):
            if code in FORMULA_CODES and size >= 22:
                formulas.formula(buf[start + 4:pos])
            value, xf, pos = _other_cell(buf, start, code, size, end, book, dates, formulas)
            if r != current:
                if r < current or left > 255:
                    raise NotSure("rows out of order")
                current = r
                row = rows[r + 1] = {}
            elif c <= left:
                raise NotSure("cells out of order")
            left = c
            fill = xfs[xf][2]
            if value is not None:
                row[c + 1] = (value, xfs[xf][1], fill)
            elif fill is not None:
                row[c + 1] = (None, 0, fill)
        elif code in (SHRFMLA, ARRAY) and size >= 12:  # a formula filled down, an array
            formulas.shared_or_array(code, buf[start + 4:pos])
        elif code == 0x00E5:  # MERGEDCELLS
            count, = struct.unpack_from("<H", buf, start + 4)
            if size != 2 + 8 * count:
                raise NotSure("odd MERGEDCELLS")
            for rlo, rhi, clo, chi in struct.iter_unpack("<HHHH", buf[start + 6:pos]):
                merges.append((rlo + 1, clo + 1, rhi + 1, chi + 1))
        elif code in (0x0809, 0x0409, 0x0209, 0x0009):  # an embedded chart: skip to its EOF
            while True:
                if pos + 4 > end:
                    raise NotSure("embedded BOF without EOF")
                code, size = struct.unpack_from("<HH", buf, pos)
                pos += 4 + size
                if code == 0x000A:
                    break
    if pos > end or left > 255:
        raise NotSure("record runs past the stream, or a column past 256")
    if not all(rows.values()):  # (a row of blank cells without fill: none is kept)
        rows = {k: v for k, v in rows.items() if v}
    return rows, merges, hidden_rows


def _multiple(buf: bytes, start: int, code: int, size: int, row: dict[int, CellInfo],
              book: Globals, dates: dict[float, Any]) -> int:
    """MULRK (numbers) or MULBLANK (blanks: kept only for their fill) across one row; gives
    the last column written."""
    first, = struct.unpack_from("<H", buf, start + 6)
    final, = struct.unpack_from("<H", buf, start + 2 + size)
    width = 6 if code == 0x00BD else 2
    count = (size - 6) // width
    if (size - 6) % width or count < 1 or final != first + count - 1:
        raise NotSure("odd MULRK/MULBLANK")
    xfs = book.xfs
    body = buf[start + 8:start + 8 + count * width]
    if code == 0x00BD:
        for c, (xf, x) in enumerate(struct.iter_unpack("<Hi", body), first + 1):
            kind, flags, fill = xfs[xf]
            row[c] = (_number(_rk(x), kind, book.datemode, dates), flags, fill)
    else:
        for c, (xf,) in enumerate(struct.iter_unpack("<H", body), first + 1):
            fill = xfs[xf][2]
            if fill is not None:
                row[c] = (None, 0, fill)
    return final


def _other_cell(buf: bytes, start: int, code: int, size: int, end: int, book: Globals,
                dates: dict[float, Any], formulas: FormulaCells) -> tuple[Any, int, int]:
    """(value or None, XF index, position after) of a less common cell record: BLANK, LABEL,
    RSTRING, BOOLERR, FORMULA (its cached result; a string's is in the STRING record after,
    or after the SHRFMLA or ARRAY record that follows the first cell of a shared formula)."""
    pos = start + 4 + size
    data = buf[start + 4:pos]
    xf, = struct.unpack_from("<H", data, 4)
    if code == 0x0201 and size >= 6:  # BLANK
        return None, xf, pos
    if code in (0x0204, 0x00D6):  # LABEL, RSTRING
        text, at = unicode_at(data, 6, 2)
        if code == 0x00D6:
            runs, = struct.unpack_from("<H", data, at)
            if at + 2 + 4 * runs != size:
                raise NotSure("odd RSTRING")
        return (text if text.strip() else None), xf, pos
    if code == 0x0205 and size >= 8:  # BOOLERR
        value, is_error = data[6], data[7]
        if is_error == 0:
            return bool(value), xf, pos
        if is_error == 1:
            return ERRORS.get(value, "#VALUE!"), xf, pos
        raise NotSure("odd BOOLERR")
    if code in (0x0006, 0x0206, 0x0406) and size >= 20:  # FORMULA
        result = data[6:14]
        if result[6:8] != b"\xff\xff":
            kind = book.xfs[xf][0]
            return _number(_DOUBLE.unpack(result)[0], kind, book.datemode, dates), xf, pos
        if result[0] == 1:
            return bool(result[2]), xf, pos
        if result[0] == 2:
            return ERRORS.get(result[2], "#VALUE!"), xf, pos
        if result[0] == 3:
            return None, xf, pos
        if result[0] == 0:
            following, length = struct.unpack_from("<HH", buf, pos)
            if following in (SHRFMLA, ARRAY) and length >= 12 and pos + 4 + length <= end:
                formulas.shared_or_array(following, buf[pos + 4:pos + 4 + length])
                pos += 4 + length
                following, length = struct.unpack_from("<HH", buf, pos)
            if following != 0x0207 or pos + 4 + length > end or length < 3:
                raise NotSure("a formula's string result not in a STRING record next")
            string = buf[pos + 4:pos + 4 + length]
            nchars, = struct.unpack_from("<H", string, 0)
            text = string[3:].decode("utf-16-le" if string[2] & 1 else "latin-1")
            if len(text) != nchars:
                raise NotSure("a formula's string result continues")
            return (text if text.strip() else None), xf, pos + 4 + length
    raise NotSure(f"odd cell record 0x{code:04x} of {size} bytes")
