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
    PDFCrossReferenceTable, PDFDictionary, PDFFile, PDFIndirectObject, PDFName, PDFObject,
    PDFPage, PDFStream, PDFString, PDFTrailer,
)

from desktop_app.reports.tagging import Node, Tagger

CREATOR = "Scrutiny Tracker"
_TABLE_ATTRIBUTES = ("Scope", "ColSpan", "RowSpan")
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
TRUE = b"true"


class _Written(PDFObject):
    """An object whose bytes are made when it is built: a structure element's few keys joined
    once, not formatted value by value when the file is saved (reportlab numbers an object
    when it is registered, so the references are known by then)."""

    def __init__(self) -> None:
        self.data = b""

    def format(self, document) -> bytes:  # noqa: ARG002 - reportlab's signature
        return self.data


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

    by_number, by_name = doc.numberToId, doc.idToObject

    def register(obj: PDFObject) -> bytes:
        # what doc.Reference does for a new object, without the checks and the reference
        # object it returns (some 20,000 times for a long log)
        count = doc.objectcounter = doc.objectcounter + 1
        name = f"R{count}"
        numbers[name] = (count, 0)
        by_number[count] = name
        by_name[name] = obj
        return b"%d 0 R" % count

    def element(node: Node, parent: bytes) -> bytes:
        obj = _Written()
        ref = register(obj)
        refs[id(node)] = ref
        kids: list[bytes] = []
        own_page = -1
        head = b"<< /S /%s /P %s" % (node.role.encode(), parent)
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(element(kid, ref))
                continue
            index, mcid = kid
            if own_page < 0:
                own_page = index
                head += b" /Pg " + page_refs[index]
            if index == own_page:
                kids.append(b"%d" % mcid)
            else:
                kids.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (page_refs[index], mcid))
        if len(kids) == 1:
            head += b" /K " + kids[0]
        elif kids:
            head += b" /K [" + b" ".join(kids) + b"]"
        if node.attrs:
            head += _attributes(node, doc)
        obj.data = head + b" >>"
        return ref

    document = element(tagger.root, b"%d 0 R" % numbers[root_ref.name][0])
    nums: list[bytes] = []
    for index in range(pages):
        owners = tagger.pages[index] if index < len(tagger.pages) else []
        array = _Written()
        array.data = b"[" + b" ".join(refs[id(node)] for node in owners) + b"]"
        nums.append(b"%d %s" % (index, register(array)))
        page = doc.idToObject[f"Page{index + 1}"]
        page.__NoDefault__ = _PAGE_KEYS
        page.StructParents = index
        page.Tabs = PDFName("S")
    parent_tree = _Written()
    parent_tree.data = b"<< /Nums [" + b" ".join(nums) + b"] >>"
    tree_root["K"] = document
    tree_root["ParentTree"] = register(parent_tree)
    tree_root["ParentTreeNextKey"] = pages
    doc.format = types.MethodType(_format_written_fast, doc)
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": TRUE})
    catalog.Metadata = PDFStream(PDFDictionary({"Type": PDFName("Metadata"),
                                                "Subtype": PDFName("XML")}),
                                 content=xmp_packet(title, language))


def _format_written_fast(self) -> bytes:
    """reportlab's ``PDFDocument.format`` (reportlab 4), with one short cut: a structure element
    (``_Written``, its bytes made already) is written as ``N 0 obj ... endobj`` directly rather
    than through a PDFIndirectObject and the generic formatter; some 18,000 of them in a
    2,000-action log, where the generic path was half of what tagging cost. Everything else is
    formatted exactly as reportlab does it."""
    self.encrypt.prepare(self)
    cat, info = self.Catalog, self.info
    self.Reference(cat)
    self.Reference(info)
    encryptinfo = self.encrypt.info()
    encryptref = self.Reference(encryptinfo) if encryptinfo else None
    counter = 0
    ids: list[str] = []
    numbertoid, id_to_object, id_to_offset = self.numberToId, self.idToObject, self.idToOffset
    self.__accum__ = out = PDFFile(self._pdfVersion)
    comments = not rl_config.invariant and rl_config.pdfComments
    while True:
        counter += 1
        if counter not in numbertoid:
            break
        oid = numbertoid[counter]
        obj = id_to_object[oid]
        if type(obj) is _Written and not encryptinfo:
            formatted = b"%d 0 obj\n%s\nendobj\n" % (counter, obj.data)
        else:
            formatted = PDFIndirectObject(oid, obj).format(self)
            if comments:
                out.add(f"% {ascii(oid)}: class {obj.__class__.__name__[:50]} \n")
        id_to_offset[oid] = out.add(formatted)
        ids.append(oid)
    del self.__accum__
    if counter - 1 != len(numbertoid):
        raise ValueError(f"counter {counter} doesn't match the {len(numbertoid)} objects")
    xref = PDFCrossReferenceTable()
    xref.addsection(0, ids)
    xrefoffset = out.add(xref.format(self))
    trailer = PDFTrailer(startxref=xrefoffset, Size=len(numbertoid) + 1,
                         Root=self.Reference(cat), Info=self.Reference(info),
                         Encrypt=encryptref, ID=self.ID())
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
