"""Tagged PDF for a pack: the structure trees of the papers it merges, kept (with pikepdf).

pypdf merges the pages but not their structure. Afterwards each paper that has a structure tree
(the pack's own documents always; an attached report when whoever wrote it tagged it) has its
tree copied under the pack's Document element as a Part, its elements pointed at the pack's
pages and its marked content entered in a new ParentTree (keys renumbered: one per pack page).
The papers without one are named, so that the officer can be told which merged reports a
screen reader cannot follow (the pack's log and the print dialog say so).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from desktop_app.reports.tagging_tree import xmp_packet

_SKIP = ("/P", "/K", "/Pg", "/Type")


@dataclasses.dataclass(frozen=True)
class MergedPaper:
    """One paper of a pack: its title, its bytes, and the pack page (from 0) it starts on."""

    title: str
    data: bytes
    first_page: int


def _value(pdf: pikepdf.Pdf, value):
    """A value of a source's structure element, made the pack's own."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, pikepdf.Dictionary):
        return Dictionary({k: _value(pdf, v) for k, v in value.items()})
    if isinstance(value, pikepdf.Array):
        return Array([_value(pdf, v) for v in value])
    return value


def mark_document(pdf: pikepdf.Pdf, title: str, language: str) -> None:
    """The catalogue entries and metadata of a tagged document."""
    root = pdf.Root
    root.MarkInfo = Dictionary(Marked=True)
    root.Lang = String(language)
    prefs = root.get("/ViewerPreferences")
    if not isinstance(prefs, Dictionary):
        prefs = Dictionary()
    prefs.DisplayDocTitle = True
    root.ViewerPreferences = prefs
    pdf.docinfo[Name.Title] = String(title)
    meta = pdf.make_stream(xmp_packet(title, language))
    meta.Type = Name.Metadata
    meta.Subtype = Name.XML
    root.Metadata = meta


def save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


class _Copier:
    def __init__(self, pdf: pikepdf.Pdf, pages: dict, parents: list[list]):
        self.pdf, self.pages, self.parents = pdf, pages, parents

    def own(self, page_index: int, mcid: int, elem) -> None:
        owners = self.parents[page_index]
        while len(owners) <= mcid:
            owners.append(None)
        owners[mcid] = elem

    def element(self, src, parent, page):
        """A copy of the source element ``src`` under ``parent`` (``page``: the pack page
        index of the nearest /Pg above, or None)."""
        elem = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, P=parent))
        for key, value in src.items():
            if key not in _SKIP:
                elem[key] = _value(self.pdf, value)
        pg = src.get("/Pg")
        if pg is not None and pg.objgen in self.pages:
            page = self.pages[pg.objgen]
            elem.Pg = self.pdf.pages[page].obj
        k = src.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])
        out = Array()
        for kid in kids:
            if isinstance(kid, int):
                if page is not None:
                    self.own(page, int(kid), elem)
                    out.append(int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name.MCR:
                mpg = kid.get("/Pg")
                at = self.pages.get(mpg.objgen) if mpg is not None else page
                if at is not None:
                    self.own(at, int(kid.MCID), elem)
                    out.append(Dictionary(Type=Name.MCR, Pg=self.pdf.pages[at].obj,
                                          MCID=int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name.OBJR:
                continue          # annotations are not carried over by the merge
            elif isinstance(kid, pikepdf.Dictionary):
                out.append(self.element(kid, elem, page))
        if len(out):
            elem.K = out
        return elem


def _links(pdf: pikepdf.Pdf, page_parts: dict, document: pikepdf.Object, nums: pikepdf.Array,
           key: int) -> int:
    """Each link the pack made (agenda and contents lines that open their papers) as a Link
    element of the paper it is on, with its annotation (OBJR), a StructParent and a
    description. Returns the next free ParentTree key."""
    page_numbers = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    for index, page in enumerate(pdf.pages):
        annots = page.obj.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        for at, annot in enumerate(list(annots)):
            if annot.get("/Subtype") != Name.Link or "/StructParent" in annot:
                continue
            if not annot.is_indirect:
                annot = pdf.make_indirect(annot)
                annots[at] = annot
            owner = page_parts.get(index, document)
            link = pdf.make_indirect(Dictionary(
                Type=Name.StructElem, S=Name.Link, P=owner, Pg=page.obj,
                K=Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)))
            kids = owner.get("/K")
            owner.K = Array([*(kids if isinstance(kids, pikepdf.Array) else
                               ([] if kids is None else [kids])), link])
            annot.StructParent = key
            if "/Contents" not in annot:
                dest = annot.get("/Dest")
                if dest is None and isinstance(annot.get("/A"), pikepdf.Dictionary):
                    dest = annot.A.get("/D")
                target = page_numbers.get(dest[0].objgen) if isinstance(
                    dest, pikepdf.Array) and len(dest) else None
                annot.Contents = String(f"Go to page {target}" if target else "Link")
            nums.append(key)
            nums.append(link)
            key += 1
    return key


def merge_trees(data: bytes, papers: Sequence[MergedPaper], *, title: str,
                language: str) -> tuple[bytes, list[str]]:
    """The merged pack ``data`` with the papers' structure trees under one Document; also the
    titles of the papers that had none."""
    untagged: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        parents: list[list] = [[] for _ in pdf.pages]
        tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document,
                                                P=tree_root))
        parts = Array()
        role_map = Dictionary()
        page_parts: dict[int, pikepdf.Object] = {}
        for paper in papers:
            with pikepdf.open(io.BytesIO(paper.data)) as src:
                tree = src.Root.get("/StructTreeRoot")
                if tree is None:
                    untagged.append(paper.title)
                    continue
                pages = {p.obj.objgen: paper.first_page + i for i, p in enumerate(src.pages)
                         if paper.first_page + i < len(pdf.pages)}
                part = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Part,
                                                    P=document, T=String(paper.title)))
                page_parts.update((index, part) for index in pages.values())
                copier = _Copier(pdf, pages, parents)
                k = tree.get("/K")
                kids = list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])
                # the paper's own Document element gives way to the Part
                tops = []
                for kid in kids:
                    if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == Name.Document:
                        inner = kid.get("/K")
                        tops += list(inner) if isinstance(inner, pikepdf.Array) else \
                            ([] if inner is None else [inner])
                    else:
                        tops.append(kid)
                part.K = Array([copier.element(kid, part, None) for kid in tops
                                if isinstance(kid, pikepdf.Dictionary)
                                and kid.get("/Type") not in (Name.MCR, Name.OBJR)])
                parts.append(part)
                for key, value in (tree.get("/RoleMap") or {}).items():
                    role_map[key] = value
        document.K = parts
        nums = Array()
        for index, page in enumerate(pdf.pages):
            page.obj.StructParents = index
            page.obj.Tabs = Name.S
            nums.append(index)
            nums.append(pdf.make_indirect(Array(parents[index])))
        tree_root.K = document
        tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
        tree_root.ParentTreeNextKey = _links(pdf, page_parts, document, nums, len(pdf.pages))
        if len(role_map):
            tree_root.RoleMap = role_map
        pdf.Root.StructTreeRoot = tree_root
        mark_document(pdf, title, language)
        return save(pdf), untagged
