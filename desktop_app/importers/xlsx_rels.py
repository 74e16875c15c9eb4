"""The parts a worksheet points to (its ``_rels`` part): its tables, its notes.

The parts were checked by xlsx_safety before (no DOCTYPE or ENTITY declarations), so the
standard library's parser cannot expand entities here.
"""

from __future__ import annotations

import posixpath
import zipfile

_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def related_roots(archive: zipfile.ZipFile, sheet_part: str, rel_type: str) -> list:
    """The parsed XML root of each part of one worksheet part ("xl/worksheets/sheet1.xml")
    whose relationship type ends with ``rel_type`` ("/table", "/comments"), in the order the
    sheet lists them; parts missing or unreadable are passed over. [] for most sheets: they
    have no rels part at all."""
    from xml.etree import ElementTree

    folder, name = posixpath.split(sheet_part.lstrip("/"))
    try:
        rels = ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels",
                                                                  name + ".rels")))
    except (KeyError, ElementTree.ParseError):
        return []
    roots = []
    for rel in rels.iter(f"{_PKG_REL}Relationship"):
        if not rel.get("Type", "").endswith(rel_type):
            continue
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        try:
            roots.append(ElementTree.fromstring(archive.read(part)))
        except (KeyError, ElementTree.ParseError):
            continue
    return roots
