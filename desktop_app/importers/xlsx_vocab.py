"""The words councils put in header rows, and which of our fields each one means.

Headers differ between councils and even between a committee's own sheets ("Action Number",
"Ref", "No."; "Progress Update", "Comments", "Executive response"). The same word can mean
different things by kind of sheet: in an action log "Action" is the action itself, but in a
recommendation schedule the "Action" column is the executive's response. So each kind has its
own vocabulary, and the kind is settled first (by headers, sheet names and title rows).
"""

from __future__ import annotations

import json
import os
import re

from desktop_app.domain.lazy_re import lazy

KINDS = ("actions", "recommendations", "work-programme")

FIELDS: dict[str, tuple[str, ...]] = {
    "actions": ("ref", "meeting_date", "item", "text", "owner", "directorate", "progress",
                "due_date", "due_text", "status", "reported_complete", "reported_on",
                "overdue_flag", "completed_on", "status_word", "rag", "extra",
                "unknown_status"),
    "recommendations": ("meeting_date", "item", "label", "text", "addressee", "response",
                        "verdict", "status", "sent_on", "response_on", "status_word",
                        "verdict_word", "rag",
                        "extra", "unknown_status"),
    "work-programme": ("title", "format", "scrutiny_type", "origin", "lead", "position",
                       "meeting_date", "target", "target_date", "status", "moves",
                       "status_word", "rag", "extra", "unknown_status"),
}

# The field that makes a row a row.
MAIN_FIELD = {"actions": "text", "recommendations": "text", "work-programme": "title"}

# A header a user maps to one of these is read by no field.
IGNORE = ("ignore", "-", "skip", "none")

# kind -> field -> header words, strongest first (vocabulary.json, shipped with the package:
# header words are data, not code). Headers are compared after normalise().
def _vocabulary_json() -> str:
    """vocabulary.json's text: beside this module (read directly: importlib.resources costs
    ~3 ms of imports at every start), else through importlib.resources (a zipped package)."""
    try:
        with open(os.path.join(os.path.dirname(__file__), "vocabulary.json"),
                  encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        from importlib import resources

        return resources.files("desktop_app.importers").joinpath("vocabulary.json") \
            .read_text(encoding="utf-8")


_DATA = json.loads(_vocabulary_json())
_VOCAB: dict[str, dict[str, tuple[str, ...]]] = {
    kind: {field: tuple(words) for field, words in fields.items()}
    for kind, fields in _DATA["fields"].items()}
# Headers that point strongly at one kind (they add weight when the kind is guessed).
_SIGNATURE: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["signature"].items()}
# Words in sheet names and title rows.
_NAME_HINTS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["name_hints"].items()}

# The words of rows that are not records (banners, headings, placeholders): vocabulary.json's
# "layout" (see its comment), read by xlsx_headings and xlsx_values.
LAYOUT: dict = _DATA["layout"]


def words_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words`` (longest first, any run of spaces between words)."""
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


_BRACKETS = lazy(r"\s*[\(\[][^\)\]]*[\)\]]\s*")


def normalise(text: object) -> str:
    """A header as compared: lower case, "&" as "and", no "(s)", no trailing colon/full stop."""
    s = str(text).replace("\n", " ").replace("\u00a0", " ").lower()
    s = s.replace("&", " and ").replace("(s)", "s").replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*#$", " no", s).strip()  # "Action #", "Ref#": a number ("Action no")
    s = s.rstrip(":.*#?- ").strip()
    s = re.sub(r"\s*/\s*", " / ", s)
    return s


def _lookup_table(kind: str) -> dict[str, tuple[str, int]]:
    """header -> (field, rank) for a kind; rank 0 = the field's strongest word."""
    table: dict[str, tuple[str, int]] = {}
    for field, words in _VOCAB[kind].items():
        for rank, word in enumerate(words):
            table.setdefault(normalise(word), (field, rank))
    return table


# every kind of the data file: the three trackers and the executive's response
_TABLES = {kind: _lookup_table(kind) for kind in _VOCAB}
_SIGNATURES = {kind: frozenset(normalise(w) for w in words) for kind, words in _SIGNATURE.items()}


def match_header(kind: str, header: str) -> tuple[str, int] | None:
    """(field, rank) that a normalised header means for ``kind``, or None."""
    table = _TABLES[kind]
    found = table.get(header)
    if found is None and "verdict" in _VOCAB[kind] and _lists_verdicts(header):
        # "Cabinet Response (Accept / Reject / Partially Accept)": the choices are the verdicts
        return "verdict", 0
    if found is None:
        bare = _BRACKETS.sub(" ", header).strip()
        if bare and bare != header:
            found = table.get(normalise(bare))
    if found is None and header.endswith(" no"):
        # "Ref #" (written "ref no" above) where only "Ref" is a word: a number column still
        plain = table.get(header[:-3])
        found = plain if plain is not None and plain[0] in ("ref", "label") else None
    if found is None and "?" in header:
        # a question with its answers after it ("Implemented? Y/N/Partly"): the question
        found = table.get(normalise(header.split("?", 1)[0]))
    if found is None and header.endswith("s") and len(header) > 3:
        found = table.get(header[:-1])
    if found is None and " / " in header:
        # a bilingual header ("Argymhelliad / Recommendation"): the half that means a field
        halves = [match_header(kind, part) for part in header.split(" / ") if part]
        known = [h for h in halves if h is not None]
        found = min(known, key=lambda h: h[1]) if known else None
        if {h[0] for h in known} == {"owner", "due_date"} and "owner_and_due" in _VOCAB[kind]:
            found = "owner_and_due", found[1] if found else 0  # "By whom / by when": both
    return found


_CHOICES = lazy(r"[\(\[]([^\)\]]*)[\)\]]")


def _lists_verdicts(header: str) -> bool:
    """Whether a header's brackets list two or more verdicts ("(Accept / Reject / Partially
    Accept)", "(agreed, not agreed)"): the column holds the verdict, whatever its name."""
    for choices in _CHOICES.findall(header):
        parts = [p for p in re.split(r"\s*(?:/|,|\bor\b)\s*", choices) if p.strip()]
        if len(parts) >= 2 and all(verdict_word(p) not in (None, "awaiting") for p in parts):
            return True
    return False


# verdict -> its words, normalised ("accepted in part", "not accepted", ...)
_VERDICT_WORDS: tuple[tuple[str, str], ...] = tuple(sorted(
    ((" ".join(word.lower().split()), verdict)
     for verdict, words in _DATA["verdicts"].items() for word in words),
    key=lambda pair: -len(pair[0])))


def verdict_word(text: object) -> str | None:
    """The verdict ("accepted", "partially_accepted", "rejected", "noted", "awaiting") that a
    cell's words give, or None: the longest word of vocabulary.json's "verdicts" that the text
    is or starts with ("Not accepted" is rejected, "Accepted in part" partially accepted)."""
    s = " ".join(str(text).replace("_", " ").lower().split()).strip(" .!:;-–")
    if not s:
        return None
    for word, verdict in _VERDICT_WORDS:
        if s == word or (s.startswith(word) and not s[len(word)].isalnum()):
            return verdict
    return None


def is_signature(kind: str, header: str) -> bool:
    return header in _SIGNATURES[kind] or _BRACKETS.sub(" ", header).strip() in _SIGNATURES[kind]


def name_hint(kind: str, text: str) -> bool:
    low = text.lower()
    return any(h in low for h in _NAME_HINTS[kind])


def mappable_fields(kind: str) -> tuple[str, ...]:
    """Fields a column can be mapped to with --map."""
    return tuple(_VOCAB[kind])


def vocabulary_words(kind: str) -> set[str]:
    """Every header word of a kind, normalised (for a quick look for repeated headers)."""
    return set(_TABLES[kind])
