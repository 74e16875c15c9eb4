"""A report PDF as an attacker would send it: readable pages carrying every kind of active
content a PDF can hold."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject,
                           NumberObject, TextStringObject)
from reportlab.pdfgen import canvas

VISIBLE = "Quarterly performance report for the committee"


def _js(code: str) -> DictionaryObject:
    return DictionaryObject({NameObject("/Type"): NameObject("/Action"),
                             NameObject("/S"): NameObject("/JavaScript"),
                             NameObject("/JS"): TextStringObject(code)})


def _link(writer: PdfWriter, action: DictionaryObject, y: int):
    return writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, y, 300, y + 20)]),
        NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
        NameObject("/A"): action}))


def hostile_pdf(path: Path, pages: int = 2) -> Path:
    buffer = io.BytesIO()
    canv = canvas.Canvas(buffer)
    for n in range(pages):
        canv.drawString(72, 720, f"{VISIBLE}, page {n + 1}")
        canv.showPage()
    canv.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    names = writer._root_object.setdefault(NameObject("/Names"), DictionaryObject())
    names[NameObject("/JavaScript")] = DictionaryObject({NameObject("/Names"): ArrayObject(
        [TextStringObject("startup"), writer._add_object(_js("app.alert('document')"))])})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(_js("app.alert(1)"))
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): _js("app.alert('open')")})
    launch = DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                               NameObject("/F"): TextStringObject("C:\\Windows\\System32\\cmd.exe")})
    file_uri = DictionaryObject({NameObject("/S"): NameObject("/URI"),
                                 NameObject("/URI"): TextStringObject("file:///etc/passwd")})
    web = DictionaryObject({NameObject("/S"): NameObject("/URI"),
                            NameObject("/URI"): TextStringObject("https://www.example.gov.uk/")})
    chained = DictionaryObject({NameObject("/S"): NameObject("/URI"),
                                NameObject("/URI"): TextStringObject("https://ok.example/"),
                                NameObject("/Next"): _js("app.alert('chained')")})
    field = writer._add_object(DictionaryObject({
        NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("name"),
        NameObject("/AA"): DictionaryObject({NameObject("/K"): _js("app.alert('key')")})}))
    widget = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, 500, 300, 520)]),
        NameObject("/Parent"): field, NameObject("/AA"): DictionaryObject(
            {NameObject("/E"): _js("app.alert('enter')")})}))
    field.get_object()[NameObject("/Kids")] = ArrayObject([widget])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field])})
    page[NameObject("/Annots")] = ArrayObject([
        _link(writer, launch, 600), _link(writer, file_uri, 570), _link(writer, web, 540),
        _link(writer, chained, 510), widget])
    writer.add_attachment("payload.exe", b"MZ\x90\x00 not really a program")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path
