"""Tagged PDF, the file side: the structure tree written into the PDF reportlab made, with
pikepdf (qpdf), as PDF/UA-1 asks for it.

From a ``Tagger`` (reports/tagging.py): the StructTreeRoot with one Document element and its
kids (each element's /K its kids and the MCIDs of its marked content, /Pg its page), the
ParentTree (per page, the element of each MCID), /StructParents and /Tabs /S on each page,
/MarkInfo /Marked true, /Lang, /ViewerPreferences /DisplayDocTitle, and XMP metadata with the
title, the language and the PDF/UA identifier (pdfuaid:part 1). The page content is not
touched, so the pages look exactly as before.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from desktop_app.reports.tagging import Node, Tagger

CREATOR = "Scrutiny Tracker"
_TABLE_ATTRIBUTES = ("Scope", "ColSpan", "RowSpan")


def _element(pdf: pikepdf.Pdf, node: Node, parent: pikepdf.Object,
             page_objs: Sequence[pikepdf.Object],
             parents: list[list[pikepdf.Object | None]]) -> pikepdf.Object:
    elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role), P=parent))
    kids = Array()
    page_of_elem: int | None = None
    for kid in node.kids:
        if isinstance(kid, Node):
            kids.append(_element(pdf, kid, elem, page_objs, parents))
            continue
        index, mcid = kid
        if page_of_elem is None:
            page_of_elem = index
            elem.Pg = page_objs[index]
        if index == page_of_elem:
            kids.append(mcid)
        else:
            kids.append(Dictionary(Type=Name.MCR, Pg=page_objs[index], MCID=mcid))
        owners = parents[index]
        while len(owners) <= mcid:
            owners.append(None)
        owners[mcid] = elem
    if len(kids) == 1:
        elem.K = kids[0]
    elif len(kids):
        elem.K = kids
    attrs = node.attrs
    table = {k: v for k, v in attrs.items() if k in _TABLE_ATTRIBUTES}
    if table:
        a = Dictionary(O=Name.Table)
        for key, value in table.items():
            a[Name("/" + key)] = Name("/" + value) if isinstance(value, str) else value
        elem.A = a
    for key in ("Alt", "ActualText", "Lang"):
        if attrs.get(key):
            elem[Name("/" + key)] = String(attrs[key])
    return elem


def write_tree(pdf: pikepdf.Pdf, root: Node) -> None:
    """The structure tree of ``root`` into ``pdf`` (replacing any it had)."""
    page_objs = [p.obj for p in pdf.pages]
    parents: list[list[pikepdf.Object | None]] = [[] for _ in page_objs]
    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = _element(pdf, root, tree_root, page_objs, parents)
    nums = Array()
    for index, owners in enumerate(parents):
        page_objs[index].StructParents = index
        page_objs[index].Tabs = Name.S
        nums.append(index)
        nums.append(pdf.make_indirect(Array(owners)))
    tree_root.K = document
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree_root.ParentTreeNextKey = len(page_objs)
    pdf.Root.StructTreeRoot = tree_root


def xmp_packet(title: str, language: str) -> bytes:
    """XMP with the title, language and PDF/UA part (no dates: the bytes stay repeatable)."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li>'
        '</rdf:Alt></dc:title>\n'
        f'<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>\n'
        f'<pdf:Producer>{CREATOR}</pdf:Producer>\n'
        '<pdfuaid:part>1</pdfuaid:part>\n'
        '</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>'
    ).encode("utf-8")


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


def tag_pdf(data: bytes, tagger: Tagger, *, title: str, language: str) -> bytes:
    """``data`` (a PDF reportlab wrote with ``tagger`` on its canvas) as a tagged PDF."""
    tagger.number_headings()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        write_tree(pdf, tagger.root)
        mark_document(pdf, title, language)
        return save(pdf)
