"""Formula cells of an Excel 97-2003 (.xls) sheet: which cells are formulas, and which work
from today's date.

As in an .xlsx (xlsx_formulas), a formula's saved value is read, except a value worked out from
TODAY() or NOW(): that was true on the day the file was saved ("Overdue", "Days overdue: 45"),
not on the day of the import, so it is not read, and the summary names the formula columns.

A FORMULA record holds its expression as parsed tokens (Ptgs), not as text: a function is a
ptgFunc / ptgFuncVar token with the function's number (TODAY is 221, NOW 74). A formula filled
down a column is stored once, in a SHRFMLA record after the range's first FORMULA record; each
cell of the range holds only ptgExp, naming that first cell (an array formula likewise, in an
ARRAY record). ``FormulaCells`` collects the records as a sheet is walked, by the fast reader
(biff.py) or, for a workbook xlrd reads, by ``sheet_formulas`` here; ``marks`` then gives each
formula cell the text ``xlsx_formulas.is_volatile`` reads: "TODAY()" / "NOW()" for a formula
that uses them, "=" for any other.
"""

from __future__ import annotations

import struct

from desktop_app.importers.biff_container import NotSure

FORMULA_CODES = (0x0006, 0x0206, 0x0406)
SHRFMLA, ARRAY = 0x04BC, 0x0221
_TODAY, _NOW = 221, 74

# bytes after the token byte of the tokens with a fixed size (BIFF8); ptgStr and ptgAttr vary
_FIXED = {0x01: 4, 0x02: 4, 0x16: 0, 0x1C: 1, 0x1D: 1, 0x1E: 2, 0x1F: 8}
_FIXED.update({t: 0 for t in range(0x03, 0x16)})  # operators, parentheses
# the classed tokens (reference, value, array: 0x20-0x7F), by their base (token & 0x1F)
_CLASSED = {0x00: 7, 0x01: 2, 0x02: 3, 0x03: 4, 0x04: 4, 0x05: 8, 0x06: 6, 0x07: 6, 0x08: 6,
            0x09: 2, 0x0A: 4, 0x0B: 8, 0x0C: 4, 0x0D: 8, 0x19: 6, 0x1A: 6, 0x1B: 10,
            0x1C: 6, 0x1D: 10}


def functions(rgce: bytes) -> set[int] | None:
    """The numbers of the functions a parsed expression calls; None when it holds a token this
    does not know (then nothing is assumed about it)."""
    found: set[int] = set()
    pos, end = 0, len(rgce)
    while pos < end:
        ptg = rgce[pos]
        pos += 1
        if ptg >= 0x20:
            base = ptg & 0x1F
            size = _CLASSED.get(base)
            if size is None or pos + size > end:
                return None
            if base == 0x01:  # ptgFunc: a function with a fixed number of arguments
                found.add(struct.unpack_from("<H", rgce, pos)[0])
            elif base == 0x02:  # ptgFuncVar: the argument count, then the function
                found.add(struct.unpack_from("<H", rgce, pos + 1)[0] & 0x7FFF)
            pos += size
        elif ptg == 0x17:  # ptgStr: characters, one byte each or two
            if pos + 2 > end:
                return None
            count, options = rgce[pos], rgce[pos + 1]
            pos += 2 + count * (2 if options & 1 else 1)
        elif ptg == 0x19:  # ptgAttr: options, a word, and a jump table for tAttrChoose
            if pos + 3 > end:
                return None
            options, cases = rgce[pos], struct.unpack_from("<H", rgce, pos + 1)[0]
            pos += 3 + (2 * (cases + 1) if options & 0x04 else 0)
        elif ptg in _FIXED:
            pos += _FIXED[ptg]
        else:
            return None
    return found if pos == end else None


def _expression(record: bytes, at: int) -> bytes:
    """The parsed expression (cce, then the tokens) at ``at`` of a record's body."""
    size, = struct.unpack_from("<H", record, at)
    return bytes(record[at + 2:at + 2 + size])


class FormulaCells:
    """The formula cells of one sheet, as their records are met (0-based rows and columns)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], bytes] = {}  # (row, col) -> its own tokens
        self.shared: dict[tuple[int, int], bytes] = {}  # a range's first cell -> its tokens

    def __bool__(self) -> bool:
        return bool(self.cells)

    def formula(self, body: bytes) -> None:
        """A FORMULA record's body: row, column, XF, result, options, chn, then cce, tokens."""
        row, col = struct.unpack_from("<HH", body, 0)
        self.cells[(row, col)] = _expression(body, 20)

    def shared_or_array(self, code: int, body: bytes) -> None:
        """A SHRFMLA or ARRAY record's body: its range (first and last row, first and last
        column: 6 bytes), then 2 bytes (SHRFMLA) or 6 (ARRAY), then the expression."""
        first_row, _last_row, first_col = struct.unpack_from("<HHB", body, 0)
        at = 8 if code == SHRFMLA else 12
        self.shared[(first_row, first_col)] = _expression(body, at)

    def marks(self) -> dict[tuple[int, int], str]:
        """(row, column), 1-based -> "TODAY()" / "NOW()" for a formula using them, else "="."""
        found = {}
        for (row, col), rgce in self.cells.items():
            if len(rgce) == 5 and rgce[0] == 0x01:  # ptgExp: the shared formula it is part of
                first = struct.unpack_from("<HH", rgce, 1)
                rgce = self.shared.get(first, rgce)
            used = functions(rgce) or set()
            found[(row + 1, col + 1)] = "TODAY()" if _TODAY in used else \
                "NOW()" if _NOW in used else "="
        return found


def sheet_formulas(stream: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """Each worksheet's formula marks (see ``FormulaCells.marks``) by sheet name, read from a
    Workbook stream on its own (for a workbook xlrd reads); {} when the stream is not plain
    BIFF8 (then no formula is known, as before)."""
    from desktop_app.importers.biff_globals import bof_end, read_globals

    try:
        book = read_globals(stream)
        found = {}
        for name, _visibility, offset in book.sheets:
            cells = FormulaCells()
            pos = bof_end(stream, offset, 0x10)
            while pos + 4 <= len(stream):
                code, size = struct.unpack_from("<HH", stream, pos)
                body = stream[pos + 4:pos + 4 + size]
                pos += 4 + size
                if code == 0x000A:
                    break
                if code in FORMULA_CODES and size >= 22:
                    cells.formula(body)
                elif code in (SHRFMLA, ARRAY) and size >= 12:
                    cells.shared_or_array(code, body)
            found[name] = cells.marks()
        return found
    except (NotSure, struct.error, IndexError):
        return {}
