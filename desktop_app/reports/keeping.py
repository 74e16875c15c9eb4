"""Sections of a table document that keep together across page breaks.

A ``Section`` is a heading (with its note), a table, and what follows the table. It is laid out
so that:

- the heading never ends a page: it goes with the table's header row and first row (or the
  first lines of a tall first row), else the whole section starts on the next page;
- what follows the table (the headings and sentences of empty sections after it: "No actions
  have been reported complete yet.") never stands alone on a page: it goes on with the table's
  last rows (``fasttable.MIN_TAIL`` of them);
- a section without a table (a heading and a sentence) is kept in one piece.

``sections`` builds a run of them from (heading, body) pairs, putting each empty section after
the table before it. ``options_for`` picks the officer's layout options for a document.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from desktop_app.domain.print_options import DocumentOptions
from desktop_app.reports import tagging, theme
from desktop_app.reports.fasttable import FastTable

_TALL = 10_000.0


def _gap(above: Flowable, below: Flowable) -> float:
    return above.getSpaceAfter() + below.getSpaceBefore()


class Section(Flowable):
    """``head`` flowables, an optional ``table``, then ``tail`` flowables; see the module
    docstring for how it breaks across pages."""

    tags_itself = True      # its items are marked as they are drawn (reports/tagging.py)

    def __init__(self, head: Sequence[Flowable] = (), table: FastTable | None = None,
                 tail: Sequence[Flowable] = (), *, ends_page: bool = False):
        super().__init__()
        self.head = list(head)
        self.table = table
        self.tail = list(tail)
        self.ends_page = ends_page     # takes the rest of its page (what follows goes on over)
        self._sizes: list[float] = []

    def items(self) -> list[Flowable]:
        return [*self.head, *([self.table] if self.table is not None else []), *self.tail]

    # -- measuring
    @staticmethod
    def stack_height(flowables: Sequence[Flowable], aw: float) -> float:
        """Height of ``flowables`` one under another, with the space between them (not the
        space before the first nor after the last)."""
        total = 0.0
        for index, item in enumerate(flowables):
            if index:
                total += _gap(flowables[index - 1], item)
            total += item.wrap(aw, _TALL)[1]
        return total

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        items = self.items()
        self._sizes = []
        total = 0.0
        for index, item in enumerate(items):
            if index:
                total += _gap(items[index - 1], item)
            height = item.wrap(aw, _TALL)[1]
            self._sizes.append(height)
            total += height
        if self.ends_page:
            total = max(total, ah - 0.01)
        self.width, self.height = aw, total
        return aw, total

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        items = self.items()
        return items[0].getSpaceBefore() if items else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        items = self.items()
        return items[-1].getSpaceAfter() if items else 0.0

    # -- breaking
    def split(self, aw: float, ah: float) -> list[Flowable]:
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        table = self.table
        if table is None:
            # a heading and a sentence or two: kept whole, unless even a page cannot hold them
            return list(self.items()) if at_top else []
        head_h = self.stack_height(self.head, aw)
        if self.head:
            head_h += _gap(self.head[-1], table)
        avail = ah - head_h
        if avail <= 0:
            return [] if not at_top else [*self.head, Section((), table, self.tail)]
        table_h = table.wrap(aw, avail)[1]
        keep_tail = bool(self.tail) and table_h <= avail
        parts = table.split_at(aw, avail, at_top=at_top and not self.head, keep_tail=keep_tail)
        if not parts and at_top:
            if keep_tail:        # the table and what follows are more than a page together:
                # keep just the last row with what follows, or else let it go on alone
                parts = table.split_at(aw, avail, keep_tail=True, min_tail=1)
                if not parts:
                    return [Section(self.head, table), *self.tail]
            else:
                parts = table.split_at(aw, avail, at_top=True)   # a row taller than a page
        if not parts:
            return []
        if len(parts) == 1:
            return [Section(self.head, table), *self.tail]
        first, rest = parts
        assert isinstance(first, FastTable)
        assert isinstance(rest, FastTable)
        # the rest goes on the next page, whatever room is left here (a split made early
        # keeps the last rows with what follows)
        return [Section(self.head, first, ends_page=True), Section((), rest, self.tail)]

    # -- drawing
    def draw(self) -> None:
        items = self.items()
        y = self.height
        for index, (item, height) in enumerate(zip(items, self._sizes)):
            if index:
                y -= _gap(items[index - 1], item)
            y -= height
            tagging.draw_child(item, self.canv, 0, y)


Body = FastTable | Flowable


def heading(title: str, note: str = "", *, level: str = "h2") -> list[Flowable]:
    """A section heading and its note, for ``Section`` to keep with what it heads."""
    st = theme.styles()
    out: list[Flowable] = [Paragraph(theme.esc(title), st[level])]
    if note:
        out.append(Paragraph(theme.esc(note), st["note"]))
    return out


def sections(*blocks: tuple[Sequence[Flowable], Body]) -> list[Flowable]:
    """Sections from (heading flowables, body) pairs, where the body is a table or the sentence
    of an empty section. An empty section goes on after the table before it (so it is never
    alone on a page); one with no table before it is kept whole, with any empty ones after it.
    """
    out: list[Section] = []
    for head, body in blocks:
        if isinstance(body, FastTable):
            out.append(Section(head, body))
            continue
        empty = Section([*head, body])     # itself kept whole wherever it goes
        if out and out[-1].table is not None:
            out[-1].tail.append(empty)
        elif out:
            out[-1].head.append(empty)
        else:
            out.append(Section([empty]))
    return list(out)


def options_for(committee: object, options: DocumentOptions | None) -> DocumentOptions:
    """The options a table document is built with: those given, else the committee's saved
    ones (a ``CommitteeRow`` carries them), else the defaults."""
    if options is not None:
        return options
    saved = getattr(committee, "print_options", None)
    return saved if isinstance(saved, DocumentOptions) else DocumentOptions()


def unpacked(flowables: Sequence[Flowable]) -> list[Flowable]:
    """The sections' headings, tables and what follows them, one after another (for laying
    the same story out with reportlab's own Table: benchmarks/bench_tricks.py)."""
    out: list[Flowable] = []
    for item in flowables:
        out += unpacked(item.items()) if isinstance(item, Section) else [item]
    return out
