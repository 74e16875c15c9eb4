"""Broken and hostile input files, made small by the tests that use them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document

_DOC_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def minutes_docx(path: Path, body_xml: str, doctype: str = "") -> Path:
    """A real .docx (made by python-docx) whose document.xml is replaced by ``body_xml``."""
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = (_DOC_HEAD + doctype + f'<w:document {_NS}><w:body>{body_xml}'
                        '</w:body></w:document>').encode("utf-8")
            dst.writestr(item, data)
    return path


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def huge_text_node(path: Path) -> Path:
    return minutes_docx(path, paragraph("Minutes " + "x" * 11_000_000))


def entity_laughs(path: Path) -> Path:
    doctype = ('<!DOCTYPE w:document [<!ENTITY a "lol lol lol lol lol lol lol lol lol lol">'
               + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'
                         for n in range(8)) + "]>\n")
    return minutes_docx(path, paragraph("PRESENT: &i;"), doctype)


def external_entity(path: Path) -> Path:
    doctype = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    return minutes_docx(path, paragraph("PRESENT: &x;"), doctype)


def control_characters(path: Path) -> Path:
    return minutes_docx(path, paragraph("1. APOLOGIES") + paragraph(
        "Apologies were received from Cllr Bell\u0007 and Cllr Esc\u001b[31m.") + paragraph(
        "2. MINUTES") + paragraph("RESOLVED: That the minutes be agreed.\u0008"))
