"""Check a tracker file before any parser reads it, and tell its format by its first bytes.

Per format: an .xlsx/.xlsm or Word .docx is a zip (its members' sizes and XML prologs are
checked: decompression bombs, entity expansion); an .xls is an OLE compound file (its size, and a
Workbook stream that starts as Excel 97 does); a CSV is text (its size, no binary bytes).

openpyxl trusts the file: a small zip that inflates to gigabytes keeps it busy for many minutes
(FIELD_NOTES: a 400 KB bomb ran for 13 minutes, a 1 MB one took 2.1 GB), and an old ``.xls``,
a password-protected workbook or a renamed CSV each fail with an exception that says nothing to
an officer. ``check_workbook_file`` looks only at the zip directory and at the first bytes of
each XML part, so it answers within milliseconds, and every refusal is an ``ImportFileError``
whose message is one line naming the file and the problem.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
from pathlib import Path

# Limits. A real 20,000-row action log is about 10 MB uncompressed; these leave wide room.
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 100
RATIO_CHECK_ABOVE = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
# How far into an XML part a DOCTYPE could hide before the root element starts.
MAX_PROLOG_BYTES = 1024 * 1024
# An .xls is read whole into memory by xlrd; a CSV is read whole as text.
MAX_XLS_BYTES = 100 * 1024 * 1024
MAX_CSV_BYTES = 100 * 1024 * 1024
_TEXT_SAMPLE = 4096
# A text file is read as CSV only under one of these names (a renamed .xlsx is refused).
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_ENCRYPTED_NAMES = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_OLE_XLS_NAMES = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_SCAN_CHUNK = 1024 * 1024


class ImportFileError(ValueError):
    """A workbook that cannot be imported; the message is one line naming the file."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


def _name(path: str | os.PathLike[str]) -> str:
    return Path(path).name or str(path)


def fail(path: str | os.PathLike[str], problem: str) -> ImportFileError:
    """An ImportFileError for ``path``: "name.xlsx: problem"."""
    return ImportFileError(f"{_name(path)}: {problem}")


# The last file found safe, as it was (path, size, time, inode) -> its format: an import checks
# the file before anything else, then reads it (grid.read_grids checks it again).
_SAFE: dict[tuple[str, int, int, int], str] = {}


def check_workbook_file(path: str | os.PathLike[str]) -> str:
    """Raise ImportFileError unless ``path`` is a tracker file safe to parse; return its format,
    told by its first bytes (not its name): "xlsx" (also .xlsm), "xls", "docx" or "csv". Not
    repeated for the file just found safe, unless it has changed since."""
    try:
        st = os.stat(path)
        key = (str(Path(path).resolve()), st.st_size, st.st_mtime_ns, st.st_ino)
    except (OSError, RuntimeError):  # (RuntimeError: a symlink loop)
        return _check_file(path)  # which names the problem
    found = _SAFE.get(key)
    if found is None:
        found = _check_file(path)
        _SAFE.clear()
        _SAFE[key] = found
    return found


def _check_file(path: str | os.PathLike[str]) -> str:
    p = Path(path)
    if not p.exists():
        raise fail(path, "file not found")
    if p.is_dir():
        raise fail(path, "is a folder, not a workbook file")
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(_TEXT_SAMPLE)
    except OSError as exc:
        raise fail(path, f"cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise fail(path, "the file is empty (0 bytes)")
    if head.startswith(OLE_MAGIC):
        return _check_ole(p, size)
    if not head.startswith(b"PK"):
        return _check_text(p, head, size)
    try:
        with zipfile.ZipFile(p) as archive:
            infos = archive.infolist()
            fmt = _check_members(path, infos)
            _check_prologs(path, archive, infos)
    except zipfile.BadZipFile as exc:
        raise fail(path, f"the file is damaged or not a complete .xlsx workbook ({exc})") from None
    except (OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        # RuntimeError: encrypted zip members; NotImplementedError: unsupported compression.
        raise fail(path, f"the workbook cannot be read ({exc})") from None
    return fmt


def _check_ole(p: Path, size: int) -> str:
    """An OLE compound file: an encrypted .xlsx (refused), an old .xls (read), else refused."""
    data = None
    if size <= MAX_XLS_BYTES:  # read once, whole: the scans below and the BIFF check share it
        try:
            with open(p, "rb") as fh:
                data = fh.read()
        except OSError:
            data = None
    word = _named_word(p)
    if _holds_any(p, data, _OLE_ENCRYPTED_NAMES):
        if word:
            raise fail(p, "the Word document is password-protected (encrypted); open it in "
                          "Word, remove the password (File > Info > Protect Document) and save "
                          "it again as .docx")
        raise fail(p, "the workbook is password-protected (encrypted); open it in Excel, remove "
                      "the password (File > Info > Protect Workbook) and save it again as .xlsx")
    if _holds_any(p, data, _OLE_XLS_NAMES):
        if size > MAX_XLS_BYTES:
            raise fail(p, f"refused: the Excel 97-2003 (.xls) workbook is {size / 2**20:,.0f} MB "
                          f"(limit {MAX_XLS_BYTES // 2**20} MB)")
        if not _xls_biff_ok(p, data):
            raise fail(p, "this old Excel 97-2003 (.xls) workbook is damaged or older than Excel "
                          "97 and cannot be read; open it in Excel and save as .xlsx (Excel "
                          "Workbook)")
        return "xls"
    if _holds_any(p, data, ("WordDocument".encode("utf-16-le"),)):
        raise fail(p, "this is an old Word 97-2003 (.doc) document; open it in Word and save as "
                      ".docx")
    if word:
        raise fail(p, "this is an old-style Office file (or a password-protected one), not a "
                      "Word .docx document; open it in Word and save as .docx")
    raise fail(p, "this is an old-style Office file, not an .xlsx workbook; save as .xlsx")


def _named_word(p: Path) -> bool:
    """Whether the officer gave the file as a Word document (by its name): the words of a
    refusal are then Word's, not Excel's."""
    return p.suffix.lower() in (".docx", ".docm", ".doc", ".dotx")


def _xls_biff_ok(p: Path, data: bytes | None = None) -> bool:
    """Whether the Workbook stream opens with a BIFF5/BIFF8 beginning-of-file record (found by
    biff_container, which needs no xlrd; when it is not sure, by xlrd's compdoc). ``data``: the
    file's bytes when already read. The stream found is kept for the reader (keep_stream)."""
    if data is None:
        try:
            with open(p, "rb") as fh:
                data = fh.read()
        except OSError:
            return False
    from desktop_app.importers.biff_container import NotSure, keep_stream, workbook_stream
    try:
        stream = workbook_stream(data)
    except NotSure:
        pass
    else:
        if len(stream) >= 8:
            record, record_len, version = struct.unpack("<HHH", stream[:6])
            ok = record == 0x0809 and record_len >= 8 and version in (0x0500, 0x0600)
            if ok:
                keep_stream(p, stream)
            return ok
    try:
        from xlrd.compdoc import CompDoc

        doc = CompDoc(data, logfile=open(os.devnull, "w"))  # noqa: SIM115 - xlrd keeps it
        for name in ("Workbook", "Book"):
            mem, base, length = doc.locate_named_stream(name)
            if mem is None or length < 8:
                continue
            record, record_len, version = struct.unpack("<HHH", mem[base:base + 6])
            return record == 0x0809 and record_len >= 8 and version in (0x0500, 0x0600)
        return False
    except Exception:  # noqa: BLE001 - xlrd's compdoc raises its own kinds on damage
        return False


def _check_text(p: Path, head: bytes, size: int) -> str:
    """Not a zip, not OLE: a CSV (or tab-separated) text file, or something refused."""
    if _named_word(p):
        raise fail(p, "is not a Word .docx document (not a zip file: damaged, or another kind "
                      "of file renamed); open it in Word and save as .docx")
    reason = _not_zip_reason(head)
    if reason is not None:
        raise fail(p, reason)
    if size > MAX_CSV_BYTES:
        raise fail(p, f"refused: the CSV file is {size / 2**20:,.0f} MB "
                      f"(limit {MAX_CSV_BYTES // 2**20} MB)")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(p, "is not an .xlsx workbook or a CSV file (binary content); save as .xlsx")
    if p.suffix.lower() not in TEXT_SUFFIXES:
        raise fail(p, "is not an .xlsx workbook (not a zip file; a CSV or text file renamed?); "
                      "save as .xlsx, or name a CSV file .csv")
    return "csv"


def _holds_any(p: Path, data: bytes | None, needles: tuple[bytes, ...]) -> bool:
    """Whether the file (its bytes ``data`` when read whole, else read in chunks) holds one of
    ``needles``."""
    if data is None:
        return _contains_any(p, needles)
    return any(n in data for n in needles)


def _contains_any(p: Path, needles: tuple[bytes, ...]) -> bool:
    """Whether the file holds one of ``needles`` (directory entries are UTF-16 names)."""
    overlap = max(len(n) for n in needles)
    tail = b""
    with open(p, "rb") as fh:
        while chunk := fh.read(_SCAN_CHUNK):
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-overlap:]
    return False


def _not_zip_reason(head: bytes) -> str | None:
    text = head[:64].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<"):
        return ("is an HTML or XML file, not an .xlsx workbook (perhaps a web page or an "
                "Excel 2003 XML file renamed); open it in Excel and save as .xlsx")
    if text.startswith(b"%pdf"):
        return "is a PDF, not an .xlsx workbook"
    if text.startswith((b"{\\rtf", b"rar!", b"\x1f\x8b", b"7z")):
        return "is not an .xlsx workbook (not a zip file); save as .xlsx"
    return None


def _check_members(path: str | os.PathLike[str], infos: list[zipfile.ZipInfo]) -> str:
    if len(infos) > MAX_MEMBERS:
        raise fail(path, f"refused: the zip holds {len(infos):,} parts (limit {MAX_MEMBERS:,})")
    names = {i.filename for i in infos}
    if "xl/workbook.xml" in names:
        fmt = "xlsx"
    elif "word/document.xml" in names:
        fmt = "docx"
    else:
        raise fail(path, _not_workbook_reason(names, _named_word(Path(path))))
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_CHECK_ABOVE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_MEMBER_RATIO:
                raise fail(path, f"refused: part '{info.filename}' would inflate "
                                 f"{ratio:,.0f} times to {info.file_size / 2**20:,.0f} MB "
                                 "(a decompression bomb?)")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise fail(path, f"refused: the workbook would inflate to {total / 2**20:,.0f} MB "
                         f"(limit {MAX_TOTAL_UNCOMPRESSED // 2**20} MB; a decompression bomb?)")
    return fmt


def _not_workbook_reason(names: set[str], word: bool = False) -> str:
    if "xl/workbook.bin" in names:
        return "is a binary workbook (.xlsb); open it in Excel and save as .xlsx"
    if "content.xml" in names and "mimetype" in names:
        return "is an OpenDocument file (.ods); open it and save as .xlsx"
    if "ppt/presentation.xml" in names:
        return "is a PowerPoint file, not a workbook"
    if word:
        return "is a zip file but not a Word .docx document (no word/document.xml)"
    return "is a zip file but not an .xlsx workbook (no xl/workbook.xml)"


_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _check_prologs(path: str | os.PathLike[str], archive: zipfile.ZipFile,
                   infos: list[zipfile.ZipInfo]) -> None:
    """Refuse any XML part whose prolog declares a DOCTYPE or ENTITY (entity expansion)."""
    for info in infos:
        name = info.filename
        if not (name.endswith(".xml") or name.endswith(".rels") or name.endswith(".vml")):
            continue
        prolog = _read_prolog(archive, info)
        upper = prolog.upper()
        if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
            raise fail(path, f"refused: part '{name}' declares a DOCTYPE or ENTITY "
                             "(XML entity expansion is not allowed in a workbook)")


def _read_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The bytes before the root element (normalised to ASCII-compatible), at most 1 MB."""
    got = b""
    with archive.open(info) as fh:
        while len(got) < MAX_PROLOG_BYTES:
            chunk = fh.read(4096)
            if not chunk:
                break
            got += chunk
            text = _as_ascii(got)
            m = _root_start(text)
            if m is not None:
                return text if m < 0 else text[:m]
    return _as_ascii(got)


def _as_ascii(data: bytes) -> bytes:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and data[1:2] == b"\x00"):
        enc = "utf-16-be" if data.startswith(b"\xfe\xff") else "utf-16-le"
        even = data[: len(data) - len(data) % 2]
        return even.decode(enc, errors="replace").encode("utf-8", errors="replace")
    return data


def _root_start(text: bytes) -> int | None:
    """Offset of the root element's "<" after any XML declaration, PIs and comments; -1 at a
    markup declaration ("<!DOCTYPE", "<!ENTITY"); None while the prolog is still incomplete."""
    pos = 0
    while True:
        lt = text.find(b"<", pos)
        if lt < 0 or lt + 1 >= len(text):
            return None
        nxt = text[lt + 1:lt + 2]
        if nxt == b"?":
            end = text.find(b"?>", lt)
        elif text.startswith(b"<!--", lt):
            end = text.find(b"-->", lt)
        elif nxt == b"!":
            return -1  # a markup declaration: the caller refuses it
        elif _ROOT_START.match(text, lt):
            return lt
        else:
            end = lt
        if end < 0:
            return None
        pos = end + 1
