"""The rows of a FastTable (reports/fasttable.py): a data row's cells, laid out in lines for a
width, and what it shows when it goes on over a page break (its ``continued`` first cell, or its
``carry`` cells); the group band that heads a run of rows (a meeting) and comes again,
"(continued)", at the top of a page the run goes on to."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors

from desktop_app.reports import theme
from desktop_app.reports.cells import Cell, Line, lay_cell, text


class Row:
    """A data row: one cell (list of blocks) per column.

    ``continued`` is the first cell shown when the row goes on over a page break (e.g. its
    number and "(continued)"); ``carry`` the cells shown instead of these when the whole row
    opens a new page (a later row of an item, whose own item cell is empty)."""

    group = False
    repeat = False        # a band drawn again at the top of a page ("(continued)")

    def __init__(self, cells: Sequence[Cell], *, fill: colors.Color | None = None,
                 bar: colors.Color | None = None, carry: Sequence[Cell] | None = None,
                 continued: Cell | None = None, zebra_key: object = None):
        self.cells = list(cells)
        self.fill = fill          # overrides the zebra shade (e.g. overdue)
        self.bar = bar            # a coloured bar at the left edge (e.g. overdue)
        self.carry = carry        # cells shown instead when the row opens a new page
        self.continued = continued
        self.zebra_key = zebra_key
        self.band: GroupRow | None = None     # the group band above it (set by FastTable)
        self.shade = False
        self.keep_with_next = False
        self.tag: dict = {}       # its cells in the structure (reports/fasttable.py), shared
        self.lines: list[list[Line]] = []
        self.height = 0.0
        self._laid_for: tuple | None = None

    def layout(self, widths: Sequence[float], size: float, leading: float, pad: float) -> None:
        key = (tuple(widths), size, leading, pad)
        if self._laid_for == key:
            return
        self.lines = [lay_cell(cell, w - 2 * pad, size) for cell, w in zip(self.cells, widths)]
        most = max((len(c) for c in self.lines), default=1) or 1
        self.height = most * leading + 2 * pad
        self._laid_for = key

    def line_count(self) -> int:
        return max((len(c) for c in self.lines), default=0)

    def split_lines(self, n: int, widths: Sequence[float], size: float, leading: float,
                    pad: float) -> tuple[Row, Row]:
        """The first ``n`` lines, and the rest (its first cell the ``continued`` one)."""
        first, rest = _clone(self), _clone(self)
        first.lines = [c[:n] for c in self.lines]
        rest.lines = [c[n:] for c in self.lines]
        if self.continued is not None and rest.lines:
            rest.lines[0] = lay_cell(self.continued, widths[0] - 2 * pad, size)
        first.height = n * leading + 2 * pad
        rest.height = max(1, rest.line_count()) * leading + 2 * pad
        rest.carry = None
        return first, rest

    def with_carry(self, widths, size, leading, pad) -> Row:
        if not self.carry:
            return self
        row = Row(self.carry, fill=self.fill, bar=self.bar, zebra_key=self.zebra_key,
                  continued=self.continued)
        row.shade, row.band = self.shade, self.band
        row.layout(widths, size, leading, pad)
        return row


class GroupRow(Row):
    """A full-width band that heads a group of rows (a meeting date, a section)."""

    group = True

    def __init__(self, label: str, note: str = ""):
        super().__init__([[text(label, bold=True, colour=theme.NAVY)]])
        self.label, self.note = label, note
        if note:
            self.cells[0] = [text(label, bold=True, colour=theme.NAVY),
                             text(note, italic=True, colour=theme.MUTED)]
        self.keep_with_next = True

    def layout(self, widths, size, leading, pad):
        super().layout([sum(widths)], size, leading, pad)

    def continued_band(self) -> GroupRow:
        """The band repeated at the top of a page its group runs on to."""
        band = GroupRow(f"{self.label} (continued)")
        band.repeat = True
        return band


def _clone(row: Row) -> Row:
    new = object.__new__(type(row))
    new.__dict__.update(row.__dict__)
    return new
