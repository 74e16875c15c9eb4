"""The words of an attached PDF, for the search index: what pypdf extracts, page by page,
with runs of whitespace made single, cut at ``MAX_CHARS`` (a PostgreSQL tsvector holds at most
1 MB; a long report's first 100,000 characters are its summary, recommendations and most of its
body). A file pypdf cannot read gives "" (attaching has checked it already; search is a help,
never a reason to refuse a file)."""

from __future__ import annotations

import io
import logging

MAX_CHARS = 100_000


def pdf_text(data: bytes | None, max_chars: int = MAX_CHARS) -> str:
    if not data:
        return ""
    from pypdf import PdfReader
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    parts: list[str] = []
    size = 0
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return ""
        for page in reader.pages:
            words = " ".join((page.extract_text() or "").split())
            parts.append(words)
            size += len(words) + 1
            if size >= max_chars:
                break
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        pass
    finally:
        logger.setLevel(level)
    return " ".join(p for p in parts if p)[:max_chars].replace("\x00", "")
