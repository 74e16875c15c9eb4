"""The columns an officer may add to a grid (issue 13): the RAG colour, the status word as the
officer's own file wrote it ("Status as written"), and each column of their file that no field
of the app takes (kept per record as ``extra``: header -> text).

Plain Python (no Qt): the grids build their optional ``Column``s from the rows with
``extra_headers`` and ``extra_column``; ``rag_key`` and ``rag_label`` say how a RAG word is
shown and sorted. Which of them a person shows is remembered per committee and table by
``ui.widgets.column_chooser``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop_app.ui.models.base import Column

RAG_KEY = "rag"
STATUS_WORD_KEY = "status_word"
EXTRA_PREFIX = "extra:"
RAG_TITLE = "RAG"
STATUS_WORD_TITLE = "Status as written"

# RAG words as the importer keeps them (lower case) and any other word found, in report order
RAG_ORDER = {"red": 0, "amber": 1, "green": 2, "blue": 3}
RAG_FILTER_NONE = "-"   # the RAG filter's value for "no RAG given"


def rag_key(value: str) -> str:
    """The normalised RAG word ('' for none)."""
    return (value or "").strip().lower()


def rag_label(value: str) -> str:
    """'green' -> 'Green' (as officers write it)."""
    return rag_key(value).capitalize()


def rag_sort(value: str) -> Any:
    key = rag_key(value)
    return (RAG_ORDER.get(key, 9), key) if key else None


def extra_headers(rows: Iterable[Any]) -> list[str]:
    """The extra columns' headers found in ``rows`` (their ``extra`` dicts), in the order first
    met, so the grid lists them as the officer's file had them."""
    seen: dict[str, None] = {}
    for row in rows:
        extra = getattr(row, "extra", None)
        if extra:
            for header in extra:
                if header not in seen:
                    seen[header] = None
    return list(seen)


def extra_key(header: str) -> str:
    return EXTRA_PREFIX + header


def is_optional(key: str) -> bool:
    """Whether a column's visibility is remembered per committee (the chooser's columns)."""
    return key in (RAG_KEY, STATUS_WORD_KEY) or key.startswith(EXTRA_PREFIX)


def rag_column() -> Column:
    return Column(RAG_KEY, RAG_TITLE, lambda r: rag_label(r.rag), sort=lambda r: rag_sort(r.rag),
                  width=8, hidden=True,
                  help="RAG (red, amber, green) as written in the imported tracker: a rating, "
                       "not a status, unless a key on the sheet said what each colour means")


def status_word_column() -> Column:
    return Column(STATUS_WORD_KEY, STATUS_WORD_TITLE, lambda r: r.status_word, width=12,
                  stretch=1, wrap=True, hidden=True,
                  help="The status word exactly as the imported tracker wrote it")


def extra_column(header: str) -> Column:
    return Column(extra_key(header), header, lambda r, h=header: r.extra.get(h, ""), width=12,
                  stretch=1, wrap=True, hidden=True,
                  help=f"\u201c{header}\u201d: a column of the imported tracker, kept as written")


def extra_columns(rows: Iterable[Any]) -> list[Column]:
    return [extra_column(h) for h in extra_headers(rows)]


def search_words(row: Any) -> str:
    """The optional columns' text, so that a search finds a row by them even when hidden."""
    extra = getattr(row, "extra", None) or {}
    return " ".join((rag_label(getattr(row, "rag", "")), getattr(row, "status_word", ""),
                     *extra.values()))


def as_written(row: Any) -> str:
    """"As written: Paused · RAG Amber · Area: Education" (a detail pane's line), or ''."""
    bits = []
    if getattr(row, "status_word", ""):
        bits.append(f"status \u201c{row.status_word}\u201d")
    if getattr(row, "rag", ""):
        bits.append(f"RAG {rag_label(row.rag)}")
    bits += [f"{k}: {v}" for k, v in (getattr(row, "extra", None) or {}).items() if v]
    return ("As written: " + " \u00b7 ".join(bits)) if bits else ""


__all__ = ["as_written", "EXTRA_PREFIX", "RAG_FILTER_NONE", "RAG_KEY", "RAG_TITLE", "STATUS_WORD_KEY",
           "STATUS_WORD_TITLE", "extra_column", "extra_columns", "extra_headers", "extra_key",
           "is_optional", "rag_column", "rag_key", "rag_label", "rag_sort", "search_words",
           "status_word_column"]
