"""What an import keeps of the officer's own words (issue 13): the status word as written, the
RAG colour and the columns no field takes (``extra``, stored as JSON text), and what the summary
says about them (status words nobody knows, with their counts; the RAG key read on a sheet).

``--status "Paused=open"`` (``ImportOptions.status_map``) says what a word means: it is applied
to the rows that were read, whichever reader read them, before anything is saved.
"""

from __future__ import annotations

import functools
import json
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from desktop_app.domain.names import clean_name
from desktop_app.domain.enums import ActionStatus, ImplementationStatus, Verdict, WorkStatus
from desktop_app.services.errors import ServiceError

# (field of a read row, column of the stored record)
WORD_COLUMNS = (("status_word", "status_word"), ("rag", "rag"), ("extra", "extra"))
_WORD_FIELDS = frozenset(f for f, _c in WORD_COLUMNS)
_NAME_FIELDS = frozenset({"owner", "directorate", "addressee"})
_STATUSES = {"actions": ActionStatus, "recommendations": ImplementationStatus,
             "work-programme": WorkStatus}


# the same few owners and directorates on thousands of rows
_clean_name = functools.lru_cache(maxsize=4096)(clean_name)


def stored(fields: Mapping[str, Any], field: str) -> Any:
    """A read row's value as its column keeps it (rows of any reader: the words may be absent)."""
    if field in _NAME_FIELDS and isinstance(fields[field], str):
        return _clean_name(fields[field])   # one line: it heads the owner's chase email
    if field not in _WORD_FIELDS:
        return fields[field]
    value = fields.get(field)
    if field == "extra":
        return json.dumps(dict(value), ensure_ascii=False) if value else ""
    return str(value or "")


def readers(columns: Iterable[tuple[str, str]]
            ) -> tuple[tuple[str, str, Callable[[Mapping[str, Any]], Any]], ...]:
    """(field, column, ``stored`` for that field as a function of a row's fields) for each
    (field, column): the same answers, without the questions per row (20,000 rows)."""
    return tuple((field, column, _reader(field)) for field, column in columns)


def _reader(field: str) -> Callable[[Mapping[str, Any]], Any]:
    """``functools.partial(stored, field=field)``, with its branch chosen once."""
    if field in _NAME_FIELDS:
        def name(fields: Mapping[str, Any]) -> Any:
            value = fields[field]
            return _clean_name(value) if isinstance(value, str) else value
        return name
    if field not in _WORD_FIELDS:
        return operator.itemgetter(field)
    if field == "extra":
        return functools.partial(stored, field=field)
    return lambda fields: str(fields.get(field) or "")


def extra_of(text: str) -> dict[str, str]:
    """A record's ``extra`` column back as a dict ({} for none)."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def parse_status_map(kind: str, pairs: Iterable[str] | Mapping[str, str]) -> dict[str, str]:
    """["Paused=open", ...] or {"Paused": "open"} -> {word casefolded: status value}; a
    ServiceError names the first pair that is not WORD=STATUS with a status of ``kind``."""
    items = pairs.items() if isinstance(pairs, Mapping) else [_split(p) for p in pairs]
    allowed = [s.value for s in _STATUSES[kind]]
    out: dict[str, str] = {}
    for word, status in items:
        value = status.strip().lower().replace(" ", "_").replace("-", "_")
        if value not in allowed:
            raise ServiceError(f"--status {word}={status}: {status!r} is not a status of "
                               f"{kind} (choose from {', '.join(allowed)})")
        out[word.strip().casefold()] = value
    return out


def _split(pair: str) -> tuple[str, str]:
    word, sep, status = pair.rpartition("=")
    if not sep or not word.strip() or not status.strip():
        raise ServiceError(f"--status {pair!r}: give it as \"Word=status\"")
    return word, status


def apply_status_map(kind: str, rows: Iterable[Any], status_map: Mapping[str, str]) -> None:
    """Set the status of each read row whose status word the officer has given a meaning."""
    if not status_map:
        return
    enum = _STATUSES[kind]
    for row in rows:
        word = str(row.fields.get("status_word") or "").strip().casefold()
        if word in status_map:
            row.fields["status"] = enum(status_map[word])
            row.fields["unknown_status"] = ""
            if kind == "actions":
                row.fields["overdue_flag"] = False


def unknown_status_words(rows: Iterable[Any]) -> dict[str, int]:
    """Each status word nobody knew, as written, with how many rows used it."""
    counts: Counter[str] = Counter()
    for row in rows:
        word = row.fields.get("unknown_status")
        if word:
            counts[str(word)] += 1
    return dict(counts)


def rag_key(rows: Iterable[Any]) -> dict[str, str] | None:
    """colour -> status, from the key above a table, when one set the rows' statuses."""
    for row in rows:
        key = row.fields.get("rag_key")
        if key:
            return dict(key)
    return None


def verdict_as_written(verdict: Any, word: Any) -> str:
    """The verdict's word as the file wrote it ("Agreed in part"), kept beside the verdict it
    was read as; "" when it is only the verdict's own name ("Accepted", "Awaiting")."""
    text = " ".join(str(word or "").split())
    return "" if text.casefold() == Verdict(verdict).label.casefold() else text
