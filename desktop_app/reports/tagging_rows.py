"""The marked content of a FastTable (reports/fasttable.py) as it draws each piece: see
reports/tagging.py for the marking and the structure."""

from __future__ import annotations

from desktop_app.reports.tablerows import Row
from desktop_app.reports.tagging import ARTIFACT, END, Node, tagger_of


class FastTableMarks:
    """The marked content of one drawn piece of a table (reports/py): one Table for
    all its pieces; the header row TH (Scope Column) where it is first drawn and an artifact
    where it repeats; a group band a TR of one TH (Scope Row) heading the rows under it, an
    artifact where it repeats "(continued)"; a data row a TR of TDs, its part on a later page
    going on in the same cells (its repeated first cell an artifact). Fills and rules are
    artifacts. Without a tagger on the canvas nothing is marked."""

    def __init__(self, canv, holder: dict, columns: int):
        self.canv = canv
        self.tagger = tagger_of(canv)
        self.columns = columns
        self.table: Node | None = None
        self.first_piece = False
        self.open = False
        self.page = 0
        self.owners: list[Node] = []
        if self.tagger is not None:
            self.page, self.owners = self.tagger.owners(canv)
            if holder.get("tagger") is not self.tagger:
                holder.clear()
                holder.update(tagger=self.tagger, table=self.tagger.block("Table"))
            self.table = holder["table"]
            self.first_piece = not holder.get("header")
            holder["header"] = True

    def furniture(self) -> list[str]:
        return [ARTIFACT] if self.tagger is not None else []

    def furniture_end(self) -> list[str]:
        return [END] if self.tagger is not None else []

    def row(self, row: Row, header: bool) -> list[Node | None]:
        """The owner of each cell's content (None: an artifact)."""
        table = self.table
        if table is None:
            return []
        if header:
            if not self.first_piece:
                return [None] * self.columns
            tr = table.add("TR")
            return [tr.add("TH", Scope="Column") for _ in range(self.columns)]
        if row.group:
            if row.repeat:
                return [None]
            return [table.add("TR").add("TH", Scope="Row", ColSpan=self.columns)]
        held = row.tag
        if held.get("tagger") is self.tagger:        # the rest of a row split over a page
            cells = list(held["cells"])
            if row.continued is not None:
                cells[0] = None
            return cells
        tr = table.add("TR")
        cells: list[Node | None] = [tr.add("TD") for _ in range(len(row.lines))]
        held.update(tagger=self.tagger, cells=cells)
        return cells

    def cell(self, txt, owners: list, col: int, drawn: bool) -> None:
        if self.tagger is None or not drawn:
            return
        owner = owners[col] if col < len(owners) else None
        if owner is None:
            txt.ops.append(ARTIFACT)
        else:                     # Tagger.mark, without looking up the page for every cell
            mcid = len(self.owners)
            self.owners.append(owner)
            owner.kids.append((self.page, mcid))
            txt.ops.append(f"/{owner.role} <</MCID {mcid}>> BDC")
        self.open = True

    def artifact(self, txt) -> None:
        if self.tagger is not None:
            txt.raw(ARTIFACT)
            self.open = True

    def end(self, txt) -> None:
        if self.open:
            txt.ops.append(END)
            self.open = False
