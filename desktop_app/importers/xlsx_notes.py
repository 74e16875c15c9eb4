"""Cell notes (Excel's comments: the red triangle in a cell's corner) on a worksheet.

Some officers keep an action's progress in a note on its row rather than in a column ("hover
over the red triangle"). The walk adds the notes on a record's row to its progress
(xlsx_walk). Excel starts a note with its author's name and a colon on a line of its own
("Sarah Jenkins:"), which is Excel's, not the officer's update: it is left out.
"""

from __future__ import annotations

import zipfile

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_COMMENTS_REL = "/comments"

# (row, column), 1-based -> the note's text
Notes = dict[tuple[int, int], str]


def note_text(text: str, author: str | None) -> str:
    """A note's text without the "Author:" line Excel starts it with."""
    first, newline, rest = text.partition("\n")
    if newline and author and first.strip() == f"{author.strip()}:":
        text = rest
    return text.strip()


def cell_notes(archive: zipfile.ZipFile, sheet_part: str) -> Notes:
    """The notes of one worksheet part; {} when it has none (most sheets: no rels part)."""
    from openpyxl.utils.cell import coordinate_to_tuple

    from desktop_app.importers.xlsx_rels import related_roots

    found: Notes = {}
    for root in related_roots(archive, sheet_part, _COMMENTS_REL):
        authors = [a.text or "" for a in root.iter(f"{_MAIN}author")]
        for comment in root.iter(f"{_MAIN}comment"):
            try:
                row, col = coordinate_to_tuple(comment.get("ref", ""))
            except (ValueError, TypeError, IndexError):
                continue
            index = comment.get("authorId", "")
            author = authors[int(index)] if index.isdigit() and int(index) < len(authors) \
                else None
            body = comment.find(f"{_MAIN}text")
            text = "".join(t.text or "" for t in body.iter(f"{_MAIN}t")) if body is not None \
                else ""
            text = note_text(text, author)
            if text:
                found[(row, col)] = text
    return found
