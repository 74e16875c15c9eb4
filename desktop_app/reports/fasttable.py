"""A fast long table: every cell's text wrapped in full, rows split across pages, the header
row repeated on every page, zebra rows, group rows, coloured text and word badges.

Why not reportlab's Table of Paragraphs: a 2,000-row log takes ~8 s that way, almost all of it
in Paragraph. Here each cell is a few styled blocks of plain text; words are measured once
(cached) with the font's advance widths and wrapped greedily, and the page content is written
as PDF operators directly, with the same font subsets that reportlab's canvas uses.

Its rows (and group bands) are in reports/tablerows.py; reports/keeping.py keeps a heading with
a table's first rows and a short section after it with its last ones.

The plain way, reportlab's Table of Paragraphs from the same rows, is ``plaintable.as_plain``:
benchmarks/bench_tricks.py measures the two side by side (about 10x at 500 rows, 17x at
2,000) and a test holds them to the same text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from desktop_app.reports import fonts, theme
from desktop_app.reports.cells import Column, text
from desktop_app.reports.tablerows import GroupRow, Row
from desktop_app.reports.tagging_rows import FastTableMarks
from desktop_app.reports.text_ops import TextWriter, rgb

__all__ = ["BADGE_SMALLER", "MIN_TAIL", "FastTable", "GroupRow", "PageEnd", "Row"]


# ------------------------------------------------------------------ the flowable

BADGE_SMALLER = 1.0    # badge type is this much smaller than the table text
MIN_TAIL = 2     # data rows a table never leaves fewer of at the top of its last page


class FastTable(Flowable):
    """A table that splits row by row (and inside a tall row, line by line) across pages.

    Across a break the header row repeats; on each later page a ``caption`` line ("Current
    actions (continued)") stands above it, the group band of the first row repeats with
    "(continued)", and a row split in two shows its ``continued`` cell. The last page never
    holds fewer than ``MIN_TAIL`` data rows (when the table has more than that)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Row], *,
                 size: float = theme.TABLE_SIZE, leading: float | None = None, pad: float = 3.2,
                 zebra: bool = True, caption: str = "", _shaded: bool = False):
        super().__init__()
        self.columns = list(columns)
        self.rows = list(rows)
        self.size = size
        self.leading = leading or round(size * 1.22, 2)
        self.pad = pad
        self.caption = caption
        self.continuing = False        # a later piece: draws "caption (continued)"
        self.header = Row([[text(c.title, bold=True, colour=theme.WHITE)] for c in columns])
        self._width = None
        self._widths: list[float] = []
        self._body_height = 0.0
        self._tag: dict = {}           # its Table in the structure, shared by its pieces
        if not _shaded:
            band: GroupRow | None = None
            for row in self.rows:
                if isinstance(row, GroupRow):
                    band = row
                elif band is not None:
                    row.band = band
            if zebra:
                _assign_zebra(self.rows)

    # -- layout
    def column_widths(self, aw: float) -> list[float]:
        """The frame width shared by weight, each column at least as wide as its ``fit``
        sample (in bold) needs, the room taken from the columns with most to spare."""
        total = sum(c.weight for c in self.columns)
        widths = [aw * c.weight / total for c in self.columns]
        need = [max(pdfmetrics.stringWidth(word, fonts.BOLD, self.size)
                    for word in [*c.title.split(), c.fit]) + 2 * self.pad + (6 if c.fit else 1)
                for c in self.columns]
        short = sum(max(0.0, n - w) for n, w in zip(need, widths))
        spare = [max(0.0, w - n) for n, w in zip(need, widths)]
        if short > 0 and sum(spare) > short:
            share = short / sum(spare)
            widths = [max(w, n) if n > w else w - s * share
                      for n, w, s in zip(need, widths, spare)]
        return widths

    @property
    def caption_height(self) -> float:
        return round(self.leading * 1.5, 2) if self.continuing and self.caption else 0.0

    def _layout(self, aw: float) -> None:
        if self._width == aw:
            return
        self._widths = self.column_widths(aw)
        args = (self._widths, self.size, self.leading, self.pad)
        self.header.layout(*args)
        height = 0.0
        for row in self.rows:
            row.layout(*args)
            height += row.height
        self._body_height = height
        self._width = aw

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._layout(aw)
        self.width = aw
        self.height = self.caption_height + self.header.height + self._body_height
        return self.width, self.height

    def _part(self, rows: list[Row], continuing: bool = False,
              height: float | None = None) -> FastTable:
        """A piece after a split: its rows are already laid out for this width (``height``,
        their total, when known)."""
        part = FastTable(self.columns, rows, size=self.size, leading=self.leading, pad=self.pad,
                         caption=self.caption, _shaded=True)
        part.continuing = continuing or self.continuing
        part.header = self.header
        part._tag = self._tag
        part._width, part._widths = self._width, self._widths
        part._body_height = sum(row.height for row in rows) if height is None else height
        return part

    def _pieces(self, head: list[Row], tail: list[Row], first: int) -> list[Flowable]:
        """The piece for this page (``head``) and the rest (``tail``, whose rows from ``first``
        on are this table's own): the rest's height worked out from the whole, not summed
        again row by row (a long table splits once a page)."""
        head_height = sum(row.height for row in head)
        own_before = sum(row.height for row in self.rows[:first])
        opened = self._opening(tail)
        added = len(opened) - len(tail) + 1        # the band again, the first row changed
        height = (self._body_height - own_before + sum(r.height for r in opened[:added])
                  - (self.rows[first].height if first < len(self.rows) else 0.0))
        return [self._part(head, height=head_height),
                self._part(opened, True, height=height)]

    def _opening(self, rows: list[Row]) -> list[Row]:
        """The rows of a later piece as they open a page: the first carries its item, and the
        band of its group comes again."""
        args = (self._widths, self.size, self.leading, self.pad)
        first = rows[0].with_carry(*args)
        out = [first, *rows[1:]]
        if not first.group and first.band is not None:
            band = first.band.continued_band()
            band.layout(*args)
            out.insert(0, band)
        return out

    def _more_rows_than(self, count: int) -> bool:
        seen = 0
        for row in self.rows:
            if not row.group:
                seen += 1
                if seen > count:
                    return True
        return False

    def _tail_start(self, min_tail: int) -> int:
        """Where the last ``min_tail`` data rows begin (0 when there are no more than that)."""
        count = 0
        for index in range(len(self.rows) - 1, -1, -1):
            if not self.rows[index].group:
                count += 1
                if count == min_tail:
                    return index
        return 0

    def split(self, aw: float, ah: float) -> list[Flowable]:
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        parts = self.split_at(aw, ah, at_top=at_top)
        if len(parts) == 2:       # the rest goes on the next page, whatever room is left here
            return [parts[0], PageEnd(), parts[1]]
        return parts

    def split_at(self, aw: float, ah: float, *, at_top: bool = False, keep_tail: bool = False,
                 min_tail: int = MIN_TAIL) -> list[Flowable]:
        """Split to fit ``ah``: [] when nothing should go here, [self] when all fits, else the
        piece for here and the rest. ``at_top``: nothing is above on this page, so something
        must go here. ``keep_tail``: the rows fit but what follows the table does not; split
        anyway, so that the last ``min_tail`` rows go on with it."""
        self._layout(aw)
        avail = ah - self.header.height - self.caption_height
        rows = self.rows
        used = 0.0
        k = 0
        for row in rows:
            if used + row.height > avail:
                break
            used += row.height
            k += 1
        if k >= len(rows) and not keep_tail:
            return [self]
        # rows[limit:] hold the last min_tail data rows: no split leaves fewer for the next page
        limit = self._tail_start(min_tail) if keep_tail or self._more_rows_than(min_tail) \
            else len(rows)
        if k < len(rows):
            row = rows[k]
            fit = int((avail - used - 2 * self.pad) // self.leading) \
                if avail - used > 2 * self.pad else 0
            total = row.line_count()
            can_split = not row.group and fit >= 1 and total - fit >= 1
            tidy = fit >= 3 and total - fit >= 2          # no widow or orphan lines
            # at the top of a page, with nothing above but group bands, a row must split
            forced = at_top and all(r.keep_with_next for r in rows[:k])
            if can_split and (forced or (tidy and k <= limit)):
                first, rest = row.split_lines(fit, self._widths, self.size, self.leading,
                                              self.pad)
                return self._pieces(rows[:k] + [first], [rest] + rows[k + 1:], k)
        fitted = k
        k = min(k, limit)
        while k > 0 and rows[k - 1].keep_with_next:
            k -= 1
        if k == 0 and at_top and not keep_tail:
            k = fitted               # something must go on this page
            while k > 0 and rows[k - 1].keep_with_next:
                k -= 1
        if k == 0:
            return []
        return self._pieces(rows[:k], rows[k:], k)

    # -- drawing
    def draw(self) -> None:
        canv = self.canv
        widths = self._widths
        pad, leading, size = self.pad, self.leading, self.size
        total_w = sum(widths)
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + w)
        shapes: list[str] = []
        txt = TextWriter(canv, size)
        marks = FastTableMarks(canv, self._tag, len(self.columns))
        ascent = size * 0.78
        y = self.height
        if self.caption_height:
            marks.artifact(txt)
            txt.line(0, y - self.caption_height + self.pad + 1, f"{self.caption} (continued)",
                     fonts.BOLD, theme.NAVY, size + 1)
            marks.end(txt)
            y -= self.caption_height
        table_top = y
        run_top = y
        rows = [self.header] + self.rows
        for index, row in enumerate(rows):
            top, bottom = y, y - row.height
            fill = theme.NAVY if index == 0 else row.fill or (theme.NAVY_TINT if row.group else (
                theme.ZEBRA if row.shade else None))
            if fill is not None:
                shapes.append(f"{rgb(fill, 'rg')} 0 {bottom:.2f} {total_w:.2f} {row.height:.2f} re f")
            if row.bar is not None:
                shapes.append(f"{rgb(row.bar, 'rg')} 0 {bottom:.2f} 2.4 {row.height:.2f} re f")
            cells_x = [0.0] if row.group else xs
            owners = marks.row(row, index == 0)
            for col, lines in enumerate(row.lines):
                marks.cell(txt, owners, col, bool(lines))
                x0 = cells_x[col] + pad + (1.2 if row.bar is not None and col == 0 else 0)
                align_right = (not row.group and index > 0
                               and self.columns[col].align == "right")
                base = top - pad - ascent
                for line in lines:
                    if line.badge is not None:
                        badge = size - BADGE_SMALLER
                        bw = pdfmetrics.stringWidth(line.text, line.font, badge) + 5
                        shapes.append(f"{rgb(line.badge, 'rg')} {x0:.2f} {base - 2:.2f} "
                                      f"{bw:.2f} {leading - 1:.2f} re f")
                        txt.line(x0 + 2.5, base, line.text, line.font, line.colour, badge)
                    else:
                        x = x0 + line.dx
                        if align_right:
                            x = cells_x[col + 1] - pad - pdfmetrics.stringWidth(
                                line.text, line.font, size)
                        txt.line(x, base, line.text, line.font, line.colour)
                    base -= leading
                marks.end(txt)
            if index > 0:
                shapes.append(f"0 {bottom:.2f} m {total_w:.2f} {bottom:.2f} l S")
                # column rules run down each stretch of data rows, not across group bands
                if row.group:
                    _column_rules(shapes, xs, run_top, top)
                    run_top = bottom
            else:
                run_top = bottom
            y = bottom
        _column_rules(shapes, xs, run_top, y)
        code = ["q", *marks.furniture(), rgb(theme.RULE, "RG"), "0.5 w", *shapes,
                rgb(theme.NAVY, "RG"), "0.8 w",
                f"0 0 m 0 {table_top:.2f} l S {total_w:.2f} 0 m {total_w:.2f} {table_top:.2f} l S",
                f"0 0 m {total_w:.2f} 0 l S", *marks.furniture_end(),
                txt.close(), "Q"]
        # the canvas's page content stream: private, so typeshed does not list it
        canv._code.append("\n".join(code))  # pyright: ignore[reportAttributeAccessIssue]


class PageEnd(Flowable):
    """Takes what is left of the page (nothing at the top of one), so that what follows
    starts on the next."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        self.width, self.height = aw, 0.0 if at_top else max(0.0, ah - 0.01)
        return self.width, self.height

    def draw(self) -> None:
        pass


def _column_rules(shapes: list[str], xs: Sequence[float], top: float, bottom: float) -> None:
    if top - bottom > 0.01:
        for x in xs[1:-1]:
            shapes.append(f"{x:.2f} {bottom:.2f} m {x:.2f} {top:.2f} l S")


def _assign_zebra(rows: Sequence[Row]) -> None:
    shade = False
    last_key = object()
    for row in rows:
        if row.group:
            shade = False
            last_key = object()
            continue
        if row.zebra_key is None or row.zebra_key != last_key:
            shade = not shade
        last_key = row.zebra_key if row.zebra_key is not None else object()
        row.shade = not shade
