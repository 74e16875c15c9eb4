"""Bytes of a minutes file to text: a byte-order mark, UTF-16 without one, an HTML page's own
``<meta charset>``, then UTF-8, then Windows-1252 (Word and Notepad save "Unicode" text as
UTF-16; older pages and files are Windows-1252)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path


class MinutesFileError(ValueError):
    """A minutes file that cannot be read; the message is one line naming the file."""


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)


def decode(path: Path, data: bytes, *, html: bool = False) -> str:
    """Text from bytes: a byte-order mark decides (Word and Notepad save "Unicode" text as
    UTF-16 with one), then UTF-16 without a mark told by its zero bytes, then an HTML page's
    own ``<meta charset>``, then UTF-8, then Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(path, data[len(bom):], encoding)
    unmarked = _unmarked_utf16(data)
    if unmarked:
        return _decode_as(path, data, unmarked)
    if b"\x00" in data:
        raise MinutesFileError(f"{path}: not a text file (it contains binary data)")
    declared = _declared_charset(data) if html else None
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass   # the page says one thing and is another: try the usual two
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise MinutesFileError(f"{path}: text is neither UTF-8 nor Windows-1252")


def _decode_as(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise MinutesFileError(f"{path}: the text is marked as {encoding.upper()} but is not "
                               f"(byte {exc.start})") from None


def _unmarked_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: in mostly-Latin text every other byte is zero."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page names in ``<meta charset>`` (or http-equiv Content-Type), if
    Python knows it. As in browsers, a page cannot declare itself UTF-16 without a mark."""
    found = _META_CHARSET.search(data[:4096])
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"   # what browsers read for these labels (the WHATWG encoding standard)
    return name
