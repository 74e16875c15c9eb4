"""A checker for tagged PDF (issue 17), on pikepdf: what a screen reader needs from the file.

``problems(pdf)`` walks the structure tree and every page's content stream (and the form
XObjects drawn outside an artifact) and names each fault it finds:

- no structure tree, MarkInfo not Marked, no ParentTree, a page without StructParents;
- no title, the title not shown in the title bar (DisplayDocTitle), no language, no PDF/UA
  identifier in the XMP metadata;
- text shown outside marked content (not inside a BDC with an MCID, nor inside an Artifact),
  or marked with an MCID that no structure element owns;
- text in the running header or footer strip that is not an artifact;
- a Table without a TH, a TH without a Scope, a Figure without Alt;
- a font not embedded, or without a ToUnicode map;
- an annotation (a link) outside the structure tree or without a description.

It is deliberately independent of the app's own tagging code (reports/tagging*.py).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pikepdf
from pikepdf import Name

HEADER_STRIP = 36.0       # points from the top: the running header band
FOOTER_STRIP = 30.0       # points from the bottom: the footer line and page numbers
_TEXT_OPS = {"Tj", "TJ", "'", '"'}


def _open(pdf: bytes | str | Path) -> pikepdf.Pdf:
    if isinstance(pdf, bytes):
        return pikepdf.open(io.BytesIO(pdf))
    return pikepdf.open(pdf)


def _kids(elem) -> list:
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _walk(elem, page, out_elems: list, owned: set) -> None:
    """Every structure element under ``elem`` and every (page objgen, MCID) one owns."""
    out_elems.append(elem)
    own_page = elem.get("/Pg", page)
    for kid in _kids(elem):
        if isinstance(kid, int) or (hasattr(kid, "is_integer") and kid.is_integer):
            if own_page is not None:
                owned.add((own_page.objgen, int(kid)))
        elif isinstance(kid, pikepdf.Dictionary):
            kind = kid.get("/Type")
            if kind == Name.MCR:
                pg = kid.get("/Pg", own_page)
                if pg is not None:
                    owned.add((pg.objgen, int(kid.MCID)))
            elif kind == Name.OBJR:
                continue
            else:
                _walk(kid, own_page, out_elems, owned)


def _role(elem) -> str:
    return str(elem.get("/S", "/?"))[1:]


def _descendants(elem) -> Iterator:
    for kid in _kids(elem):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _descendants(kid)


def _mul(a, b):
    a1, b1, c1, d1, e1, f1 = a
    a2, b2, c2, d2, e2, f2 = b
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


class _Stream:
    """Follows one content stream: the marked-content stack, the graphics matrix, the text
    position, and where text is shown."""

    def __init__(self, checker: _Checker, page_no: int, page_gen, height: float):
        self.checker, self.page_no, self.page_gen, self.height = checker, page_no, page_gen, height

    def run(self, container, resources, stack: list, ctm) -> None:
        ctm_stack = []
        tm = (1, 0, 0, 1, 0, 0)
        line = tm
        leading = 0.0
        for operands, op in pikepdf.parse_content_stream(container):
            name = str(op)
            if name in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if name == "BDC" else None
                if isinstance(props, pikepdf.Name):
                    props = resources.get("/Properties", {}).get(props)
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append((tag, None if mcid is None else int(mcid)))
                if mcid is not None and (self.page_gen, int(mcid)) not in self.checker.owned:
                    self.checker.fault(f"page {self.page_no}: MCID {int(mcid)} is owned by no "
                                       "structure element")
            elif name == "EMC":
                if not stack:
                    self.checker.fault(f"page {self.page_no}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif name == "q":
                ctm_stack.append(ctm)
            elif name == "Q":
                ctm = ctm_stack.pop() if ctm_stack else ctm
            elif name == "cm":
                ctm = _mul(tuple(float(v) for v in operands), ctm)
            elif name == "BT":
                tm = line = (1, 0, 0, 1, 0, 0)
            elif name == "Tm":
                tm = line = tuple(float(v) for v in operands)
            elif name in ("Td", "TD"):
                tx, ty = float(operands[0]), float(operands[1])
                if name == "TD":
                    leading = -ty
                tm = line = _mul((1, 0, 0, 1, tx, ty), line)
            elif name == "TL":
                leading = float(operands[0])
            elif name in ("T*", "'", '"'):
                tm = line = _mul((1, 0, 0, 1, 0, -leading), line)
            if name in _TEXT_OPS:
                y = _mul(tm, ctm)[5]
                self.text(stack, y)
            elif name == "Do":
                xobj = resources.get("/XObject", {}).get(operands[0])
                if xobj is not None and xobj.get("/Subtype") == Name.Form and \
                        not any(t == "/Artifact" for t, _ in stack):
                    matrix = tuple(float(v) for v in xobj.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                    self.run(xobj, xobj.get("/Resources", resources), list(stack),
                             _mul(matrix, ctm))

    def text(self, stack: list, y: float) -> None:
        artifact = any(tag == "/Artifact" for tag, _ in stack)
        marked = any(mcid is not None for _tag, mcid in stack)
        if not artifact and not marked:
            self.checker.fault(f"page {self.page_no}: text outside marked content")
        elif not artifact and (y > self.height - HEADER_STRIP or y < FOOTER_STRIP):
            self.checker.fault(f"page {self.page_no}: running header or footer text (at "
                               f"y={y:.0f}) is not an artifact")


class _Checker:
    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.faults: list[str] = []
        self.owned: set = set()
        self.roles: dict[str, int] = {}

    def fault(self, message: str) -> None:
        if message not in self.faults:
            self.faults.append(message)

    def document(self) -> None:
        root = self.pdf.Root
        title = str(self.pdf.docinfo.get("/Title", "")).strip()
        if not title:
            self.fault("no document title")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            self.fault("the title is not shown in the title bar (DisplayDocTitle)")
        if not str(root.get("/Lang", "")).strip():
            self.fault("no document language (/Lang)")
        meta = root.get("/Metadata")
        xmp = meta.read_bytes().decode("utf-8", "replace") if meta is not None else ""
        if not re.search(r"pdfuaid:part(>|=\")1", xmp):
            self.fault("no PDF/UA identifier (pdfuaid:part 1) in the XMP metadata")
        mark = root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            self.fault("MarkInfo is not Marked true")

    def tree(self) -> bool:
        tree = self.pdf.Root.get("/StructTreeRoot")
        if tree is None:
            self.fault("no structure tree (StructTreeRoot)")
            return False
        if "/ParentTree" not in tree:
            self.fault("no ParentTree")
        elems: list = []
        for kid in _kids(tree):
            _walk(kid, None, elems, self.owned)
        for elem in elems:
            role = _role(elem)
            self.roles[role] = self.roles.get(role, 0) + 1
            if role == "Table" and not any(_role(d) == "TH" for d in _descendants(elem)):
                self.fault("a Table without TH")
            if role == "TH":
                attrs = elem.get("/A")
                attrs = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs]
                if not any(a is not None and "/Scope" in a for a in attrs):
                    self.fault("a TH without Scope")
            if role == "Figure" and not str(elem.get("/Alt", "")).strip():
                self.fault("a Figure without Alt")
        return True

    def pages(self) -> None:
        for number, page in enumerate(self.pdf.pages, start=1):
            if "/StructParents" not in page.obj:
                self.fault(f"page {number}: no StructParents")
            height = float(page.mediabox[3]) - float(page.mediabox[1])
            stream = _Stream(self, number, page.obj.objgen, height)
            stream.run(page, page.obj.get("/Resources", pikepdf.Dictionary()), [],
                       (1, 0, 0, 1, 0, 0))
            self.fonts(page.obj.get("/Resources", pikepdf.Dictionary()), number)
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") in (Name.Popup, Name.PrinterMark):
                    continue
                if "/StructParent" not in annot:
                    self.fault(f"page {number}: an annotation is not in the structure tree")
                if not str(annot.get("/Contents", "")).strip():
                    self.fault(f"page {number}: an annotation has no description (/Contents)")

    def fonts(self, resources, number: int) -> None:
        for _name, font in resources.get("/Font", {}).items():
            described = font
            if font.get("/Subtype") == Name.Type0:
                described = font.DescendantFonts[0]
            descriptor = described.get("/FontDescriptor")
            if descriptor is None or not any(k in descriptor for k in
                                             ("/FontFile", "/FontFile2", "/FontFile3")):
                self.fault(f"page {number}: font {font.get('/BaseFont')} is not embedded")
            if "/ToUnicode" not in font:
                self.fault(f"page {number}: font {font.get('/BaseFont')} has no ToUnicode")


def problems(pdf: bytes | str | Path) -> list[str]:
    """What a screen reader would miss in ``pdf`` (a path or the bytes); [] when none."""
    with _open(pdf) as doc:
        checker = _Checker(doc)
        checker.document()
        checker.tree()
        checker.pages()
        return checker.faults


def roles(pdf: bytes | str | Path) -> dict[str, int]:
    """How many structure elements of each role the file has."""
    with _open(pdf) as doc:
        checker = _Checker(doc)
        checker.tree()
        return checker.roles
