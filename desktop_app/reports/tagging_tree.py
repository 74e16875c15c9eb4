"""Tagged PDF, the file side: the structure tree written into the PDF as reportlab saves it,
as PDF/UA-1 asks for it.

From a ``Tagger`` (reports/tagging.py): the StructTreeRoot with one Document element and its
kids (each element's /K its kids and the MCIDs of its marked content, /Pg its page), the
ParentTree (per page, the element of each MCID), /StructParents and /Tabs /S on each page,
/MarkInfo /Marked true and XMP metadata with the title, the language and the PDF/UA identifier
(pdfuaid:part 1); reportlab itself writes /Lang, the title and /DisplayDocTitle. The page
content is not touched, so the pages look exactly as before.

The objects go through reportlab's own object model before it saves the file, not into the
saved file afterwards: a log of 2,000 actions has some 18,000 structure elements, and making
each an indirect object with pikepdf and saving the file again cost more than the whole
document (see benchmarks/bench_tagging.py). Packs, which merge finished PDFs, keep their
papers' trees with pikepdf (reports/tagging_merge.py).
"""

from __future__ import annotations

import types

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary, PDFFile, PDFIndirectObject, PDFName, PDFObject, PDFPage, PDFStream,
    PDFString, PDFTrailer,
)

from desktop_app.reports.tagging import Node, Tagger

CREATOR = "Scrutiny Tracker"
_TABLE_ATTRIBUTES = ("Scope", "ColSpan", "RowSpan")
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
TRUE = b"true"


class _Block(PDFObject):
    """The structure elements, the ParentTree's arrays and the ParentTree: consecutive objects
    numbered from ``first``, each body's bytes made when the tree is written, and written out
    together when the file is saved (``_format_with_block``). Registered with reportlab as
    one object (the first number); the numbers after it are reserved."""

    def __init__(self, first: int) -> None:
        self.first = first
        self.bodies: list[bytes] = []

    def format(self, document) -> bytes:  # noqa: ARG002 - reportlab's signature
        raise ValueError("the structure tree is written by _format_with_block only")


def _attributes(node: Node, doc) -> bytes:
    attrs = node.attrs or {}
    out = b""
    table = [(k, v) for k, v in attrs.items() if k in _TABLE_ATTRIBUTES]
    if table:
        out += b" /A << /O /Table" + b"".join(
            b" /%s /%s" % (k.encode(), v.encode()) if isinstance(v, str) else
            b" /%s %d" % (k.encode(), v) for k, v in table) + b" >>"
    for key in ("Alt", "ActualText", "Lang"):
        if attrs.get(key):
            out += b" /%s %s" % (key.encode(), PDFString(attrs[key]).format(doc))
    return out


def write_into(doc, tagger: Tagger, *, title: str, language: str) -> None:
    """The structure tree of ``tagger`` into reportlab's document ``doc`` (canv._doc), with
    every page drawn and before it is saved."""
    tagger.number_headings()
    numbers = doc.idToObjectNumberAndVersion
    pages = doc.pageCounter - 1
    page_refs = [b"%d 0 R" % numbers[f"Page{i}"][0] for i in range(1, pages + 1)]
    refs: dict[int, bytes] = {}
    tree_root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = doc.Reference(tree_root)
    block = _Block(doc.objectcounter + 1)
    first, bodies = block.first, block.bodies

    def element(node: Node, parent: bytes) -> bytes:
        index = len(bodies)
        bodies.append(b"")
        ref = refs[id(node)] = b"%d 0 R" % (first + index)
        kids: list[bytes] = []
        own_page = -1
        head = b"<< /S /%s /P %s" % (node.role.encode(), parent)
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(element(kid, ref))
                continue
            page, mcid = kid
            if own_page < 0:
                own_page = page
                head += b" /Pg " + page_refs[page]
            if page == own_page:
                kids.append(b"%d" % mcid)
            else:
                kids.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (page_refs[page], mcid))
        if len(kids) == 1:
            head += b" /K " + kids[0]
        elif kids:
            head += b" /K [" + b" ".join(kids) + b"]"
        if node.attrs:
            head += _attributes(node, doc)
        bodies[index] = head + b" >>"
        return ref

    document = element(tagger.root, b"%d 0 R" % numbers[root_ref.name][0])
    nums: list[bytes] = []
    for index in range(pages):
        owners = tagger.pages[index] if index < len(tagger.pages) else []
        nums.append(b"%d %d 0 R" % (index, first + len(bodies)))
        bodies.append(b"[" + b" ".join(refs[id(node)] for node in owners) + b"]")
        page = doc.idToObject[f"Page{index + 1}"]
        page.__NoDefault__ = _PAGE_KEYS
        page.StructParents = index
        page.Tabs = PDFName("S")
    parent_tree = b"%d 0 R" % (first + len(bodies))
    bodies.append(b"<< /Nums [" + b" ".join(nums) + b"] >>")
    # the block is reportlab's object number ``first``; the numbers after it are reserved
    name = f"R{first}"
    numbers[name] = (first, 0)
    doc.numberToId[first] = name
    doc.idToObject[name] = block
    doc.objectcounter = first + len(bodies) - 1
    tree_root["K"] = document
    tree_root["ParentTree"] = parent_tree
    tree_root["ParentTreeNextKey"] = pages
    doc.format = types.MethodType(_format_with_block, doc)
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": TRUE})
    catalog.Metadata = PDFStream(PDFDictionary({"Type": PDFName("Metadata"),
                                                "Subtype": PDFName("XML")}),
                                 content=xmp_packet(title, language))


def _format_with_block(self) -> bytes:
    """reportlab's ``PDFDocument.format`` (reportlab 4 and 5), but for the structure tree
    (``_Block``): its objects, some 19,000 in a 2,000-action log, are written as
    ``N 0 obj ... endobj`` in one piece, their offsets worked out, and the cross-reference
    table is written in one piece too (reportlab's own path, an object and several dictionary
    look-ups each, was most of what tagging cost). Every other object is formatted exactly as
    reportlab formats it, and the bytes are the same as reportlab's would be."""
    self.encrypt.prepare(self)
    cat, info = self.Catalog, self.info
    self.Reference(cat)
    self.Reference(info)
    encryptinfo = self.encrypt.info()
    if encryptinfo:
        raise ValueError("a tagged document is not written encrypted")
    counter = 0
    offsets: list[int] = []          # object number - 1 -> where it starts
    numbertoid, id_to_object, id_to_offset = self.numberToId, self.idToObject, self.idToOffset
    self.__accum__ = out = PDFFile(self._pdfVersion)
    comments = not rl_config.invariant and rl_config.pdfComments
    while True:
        counter += 1
        if counter not in numbertoid:
            break
        oid = numbertoid[counter]
        obj = id_to_object[oid]
        if type(obj) is _Block:
            offset = out.offset
            pieces = []
            for number, body in enumerate(obj.bodies, start=counter):
                piece = b"%d 0 obj\n%s\nendobj\n" % (number, body)
                offsets.append(offset)
                offset += len(piece)
                pieces.append(piece)
            id_to_offset[oid] = out.add(b"".join(pieces))
            counter += len(pieces) - 1
            continue
        formatted = PDFIndirectObject(oid, obj).format(self)
        if comments:
            out.add(f"% {ascii(oid)}: class {obj.__class__.__name__[:50]} \n")
        id_to_offset[oid] = offset = out.add(formatted)
        offsets.append(offset)
    del self.__accum__
    if counter - 1 != len(offsets):
        raise ValueError(f"counter {counter} doesn't match the {len(offsets)} objects")
    # reportlab's PDFCrossReferenceTable for one section from 0, as it writes it
    xrefoffset = out.add(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
                         + b"".join([b"%010d 00000 n \n" % offset for offset in offsets]))
    trailer = PDFTrailer(startxref=xrefoffset, Size=len(offsets) + 1,
                         Root=self.Reference(cat), Info=self.Reference(info), ID=self.ID())
    out.add(trailer.format(self))
    for signature in getattr(self, "_digiSigs", []):
        signature.sign(out)
    return out.format(self)


def _escape(text: str) -> str:
    """XML character data (what xml.sax.saxutils.escape does; importing it brings in urllib,
    http and email, a fiftieth of a long log's whole process)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xmp_packet(title: str, language: str) -> bytes:
    """XMP with the title, language and PDF/UA part (no dates: the bytes stay repeatable)."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_escape(title)}</rdf:li>'
        '</rdf:Alt></dc:title>\n'
        f'<dc:language><rdf:Bag><rdf:li>{_escape(language)}</rdf:li></rdf:Bag></dc:language>\n'
        f'<pdf:Producer>{CREATOR}</pdf:Producer>\n'
        '<pdfuaid:part>1</pdfuaid:part>\n'
        '</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>'
    ).encode()
