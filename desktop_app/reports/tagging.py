"""Tagged PDF, the drawing side: marked content in the page streams and the structure it
belongs to.

reportlab writes no structure of its own. While a document is laid out, a ``Tagger`` rides on
the canvas (``canv._tagger``) and every piece of page content is marked as it is drawn:

- page furniture (the header band, the footer, page numbers, the watermark, rules and fills)
  inside ``/Artifact ... BDC/BMC ... EMC``;
- real content inside ``/Role <</MCID n>> BDC ... EMC``, the MCID counted per page, and a
  ``Node`` of the structure (Document > H1/H2/P/L/LI/Table/TR/TH/TD/Figure) that owns it.

The frame (``TaggingFrame``) marks each flowable it places; flowables that draw their own parts
mark them themselves (reports/fasttable.py, keeping.Section, and reportlab's Table through its
render callback, ``TableMarks``). After reportlab has written the file, reports/tagging_tree.py
turns the nodes into the PDF's structure tree with pikepdf.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.platypus import Frame, Paragraph, Table
from reportlab.platypus.flowables import KeepTogether

from desktop_app.reports import fonts

ARTIFACT = "/Artifact BMC"
PAGINATION = "/Artifact <</Type /Pagination>> BDC"
END = "EMC"

# heading styles, from the most to the least important; a document's headings are numbered
# H1, H2 ... by the ranks it uses (a log with a title and "h2" sections gets H1 and H2)
HEADING_RANKS = {"title": 0, "h1": 1, "h2": 2, "h3": 3}


class Node:
    """One structure element: its role, its kids (nodes, or (page index, MCID) pairs of the
    marked content it owns) and its attributes (Alt, ActualText, Scope, ColSpan)."""

    __slots__ = ("role", "kids", "attrs", "rank")

    def __init__(self, role: str, attrs: dict[str, Any] | None = None):
        self.role = role
        self.kids: list[Node | tuple[int, int]] = []
        self.attrs = attrs
        self.rank = -1               # a heading's rank (HEADING_RANKS) until numbered

    def add(self, role: str, **attrs: Any) -> Node:
        node = Node(role, attrs or None)
        self.kids.append(node)
        return node


class Tagger:
    """The structure of one document as it is drawn, and each page's MCIDs."""

    def __init__(self) -> None:
        self.root = Node("Document")
        self.pages: list[list[Node]] = []        # page index -> the node of each MCID
        self._lists: list[tuple[int, Node]] = []  # open lists: (depth, L node)
        self.headings: list[Node] = []

    def owners(self, canv) -> tuple[int, list[Node]]:
        """The current page's index and its list of MCID owners (an MCID is its position)."""
        index = canv.getPageNumber() - 1
        while len(self.pages) <= index:
            self.pages.append([])
        return index, self.pages[index]

    def mark(self, canv, node: Node, tag: str | None = None) -> str:
        """The BDC operator that opens marked content owned by ``node`` on the current page."""
        index, owners = self.owners(canv)
        mcid = len(owners)
        owners.append(node)
        node.kids.append((index, mcid))
        return f"/{tag or node.role} <</MCID {mcid}>> BDC"

    # -- what a flowable becomes
    def block(self, role: str, **attrs: Any) -> Node:
        """A new block under the document (closing any open list)."""
        self._lists.clear()
        return self.root.add(role, **attrs)

    def list_item(self, depth: int) -> Node:
        """An LBody in an LI of the list at ``depth`` (lists nest inside the item above)."""
        while self._lists and self._lists[-1][0] > depth:
            self._lists.pop()
        if not self._lists or self._lists[-1][0] < depth:
            if self._lists:
                items = [k for k in self._lists[-1][1].kids if isinstance(k, Node)]
                parent = items[-1] if items else self._lists[-1][1]
            else:
                parent = self.root
            self._lists.append((depth, parent.add("L")))
        return self._lists[-1][1].add("LI").add("LBody")

    def for_flowable(self, flowable) -> tuple[Node | None, str | None]:
        """The node a drawn flowable's content belongs to and its BDC tag; (None, None) for
        furniture (drawn as an artifact)."""
        role = getattr(flowable, "tag_role", None)
        if role == "Artifact":
            return None, None
        if isinstance(flowable, Paragraph):
            depth = getattr(flowable, "tag_list_depth", None)
            if depth is None and getattr(flowable, "bulletText", None):
                depth = 0
            if depth is not None:
                return self.list_item(int(depth)), "LI"
            rank = _heading_rank(flowable.style)
            if role is None and rank is not None:
                node = self.block("H")
                node.rank = rank
                self.headings.append(node)
                return node, "H"
            return self.block(role or "P"), role or "P"
        alt = getattr(flowable, "tag_alt", None)
        if alt is not None:
            return self.block("Figure", Alt=alt), "Figure"
        return self.block(role or "P"), role or "P"

    def wrap_drawn(self, canv, flowable, start: int) -> None:
        """Mark what ``flowable`` added to the page stream from ``start`` on."""
        code = canv._code
        if len(code) <= start or getattr(flowable, "tags_itself", False) or \
                isinstance(flowable, Table):
            return
        drawn = code[start:]
        if not getattr(flowable, "tag_role", None) and getattr(flowable, "tag_alt", None) is None \
                and not isinstance(flowable, Paragraph) \
                and not any("BT" in piece or " Do" in piece for piece in drawn):
            node, tag = None, None        # shapes only: a rule, a fill
        else:
            node, tag = self.for_flowable(flowable)
        code.insert(start, ARTIFACT if node is None else self.mark(canv, node, tag))
        code.append(END)

    def number_headings(self) -> None:
        """H becomes H1, H2 ... by the heading ranks the document uses."""
        headings = self.headings
        levels = {rank: level for level, rank in
                  enumerate(sorted({n.rank for n in headings}), start=1)}
        for node in headings:
            node.role = f"H{min(levels[node.rank], 6)}"


def _heading_rank(style) -> int | None:
    """The rank of a heading style, or of the heading style it was cloned from."""
    while style is not None:
        rank = HEADING_RANKS.get(getattr(style, "name", ""))
        if rank is not None:
            return rank
        style = getattr(style, "parent", None)
    return None


def tagger_of(canv) -> Tagger | None:
    return getattr(canv, "_tagger", None)


def draw_child(flowable, canv, x: float, y: float) -> None:
    """Draw a flowable that a container places itself (keeping.Section), marked as the frame
    would mark it."""
    tagger = tagger_of(canv)
    start = len(canv._code)
    flowable.drawOn(canv, x, y)
    if tagger is not None:
        tagger.wrap_drawn(canv, flowable, start)


class TaggingFrame(Frame):
    """A frame that marks each flowable it places."""

    def add(self, flowable, canv, trySplit=0):  # noqa: N803 - reportlab's name
        tagger = tagger_of(canv)
        start = len(canv._code)  # pyright: ignore[reportAttributeAccessIssue]
        placed = super().add(flowable, canv, trySplit)
        if placed and tagger is not None:
            tagger.wrap_drawn(canv, flowable, start)
        return placed


# ------------------------------------------------------------------ reportlab's Table

class TableMarks:
    """reportlab Table's render callback: each cell marked as a TH or TD of one Table (which
    stays one Table across the pages it runs over), backgrounds and lines as artifacts, and
    the header rows repeated on a later page as artifacts.

    A table's header: its ``repeatRows`` (TH, Scope Column); a table without them is a list of
    labelled values, its ``tag_row_heads`` columns (default the first) TH with Scope Row. A
    ``tag_layout`` table only places things side by side: its cells are not a table."""

    def __init__(self, table: Table):
        self.header_rows = table.repeatRows if isinstance(table.repeatRows, int) \
            else max(table.repeatRows) + 1
        self.row_heads: Sequence[int] = getattr(table, "tag_row_heads", (0,))
        self.layout = bool(getattr(table, "tag_layout", False))
        self.owner: Tagger | None = None
        self.table: Node | None = None
        self.row: Node | None = None
        self.repeat = False          # drawing a header row again on a later page
        self.pieces_header = False   # the piece being drawn starts with repeated header rows
        self.open = False

    def __call__(self, table: Table, event: str, *args) -> None:
        canv = table.canv
        tagger = tagger_of(canv)
        if tagger is None:
            return
        code = canv._code  # pyright: ignore[reportAttributeAccessIssue]
        if event in ("startBG", "startLines"):
            code.append(ARTIFACT)
        elif event in ("endBG", "endLines"):
            code.append(END)
        elif event == "startTable":
            continuing = self.owner is tagger and self.table is not None
            if not continuing:
                self.owner = tagger
                self.table = None if self.layout else tagger.block("Table")
            self.pieces_header = continuing    # this piece's header rows are repeats
        elif event == "startRow":
            row_no = args[0]
            self.repeat = self.pieces_header and row_no < self.header_rows
            if not self.layout and not self.repeat and self.table is not None:
                self.row = self.table.add("TR")
        elif event == "startCell":
            row_no, col_no, cellval = args[0], args[1], args[2]
            if self.repeat:
                code.append(ARTIFACT)
            elif self.layout:
                node = _layout_cell(tagger, cellval)
                code.append(ARTIFACT if node is None else tagger.mark(canv, node))
            else:
                assert self.row is not None
                if row_no < self.header_rows:
                    node = self.row.add("TH", Scope="Column")
                elif self.header_rows == 0 and col_no in self.row_heads:
                    node = self.row.add("TH", Scope="Row")
                else:
                    node = self.row.add("TD")
                code.append(tagger.mark(canv, node))
            self.open = True
        elif event == "endCell" and self.open:
            code.append(END)
            self.open = False


def _layout_cell(tagger: Tagger, cellval) -> Node | None:
    values = cellval if isinstance(cellval, (list, tuple)) else [cellval]
    for value in values:
        alt = getattr(value, "tag_alt", None)
        if alt is not None:
            return tagger.root.add("Figure", Alt=alt)
    if any(values):
        return tagger.root.add("P")
    return None


_STANDARD_FONTS = {"Helvetica": fonts.REGULAR, "Helvetica-Bold": fonts.BOLD,
                   "Helvetica-Oblique": fonts.ITALIC, "Helvetica-BoldOblique": fonts.BOLD_ITALIC}


def _embedded_fonts(table: Table) -> None:
    """Plain-text cells left in reportlab's default Helvetica (even empty ones put it in the
    page's resources) use the embedded house font instead: PDF/UA wants every font embedded."""
    for row in getattr(table, "_cellStyles", ()):
        for style in row:
            style.fontname = _STANDARD_FONTS.get(style.fontname, style.fontname)


def prepare(flowables: Iterable) -> None:
    """Give every reportlab Table in the story (inside sections and kept-together groups)
    its marking callback, before layout: the pieces a split makes share it."""
    for flowable in flowables:
        if isinstance(flowable, Table):
            if not getattr(flowable, "_renderCB", None):
                flowable._renderCB = TableMarks(flowable)  # pyright: ignore[reportAttributeAccessIssue]
            _embedded_fonts(flowable)
        elif isinstance(flowable, KeepTogether):
            prepare(getattr(flowable, "_content", ()))
        elif callable(items := getattr(flowable, "items", None)):
            prepare(items())  # keeping.Section  # pyright: ignore[reportArgumentType]
