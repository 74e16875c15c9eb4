"""The words councils put in header rows, and which of our fields each one means.

Headers differ between councils and even between a committee's own sheets ("Action Number",
"Ref", "No."; "Progress Update", "Comments", "Executive response"). The same word can mean
different things by kind of sheet: in an action log "Action" is the action itself, but in a
recommendation schedule the "Action" column is the executive's response. So each kind has its
own vocabulary, and the kind is settled first (by headers, sheet names and title rows).
"""

from __future__ import annotations

import re

KINDS = ("actions", "recommendations", "work-programme")

FIELDS: dict[str, tuple[str, ...]] = {
    "actions": ("ref", "meeting_date", "item", "text", "owner", "directorate", "progress",
                "due_date", "due_text", "status", "reported_complete", "reported_on",
                "overdue_flag"),
    "recommendations": ("meeting_date", "item", "label", "text", "addressee", "response",
                        "verdict", "status", "sent_on", "response_on"),
    "work-programme": ("title", "format", "scrutiny_type", "origin", "lead", "position",
                       "meeting_date", "target", "target_date", "status"),
}

# The field that makes a row a row.
MAIN_FIELD = {"actions": "text", "recommendations": "text", "work-programme": "title"}

# A header a user maps to one of these is read by no field.
IGNORE = ("ignore", "-", "skip", "none")

# kind -> field -> header words, strongest first. Headers are compared after normalise().
_VOCAB: dict[str, dict[str, tuple[str, ...]]] = {
    "actions": {
        "ref": ("action number", "action no", "action ref", "action reference", "ref",
                "reference", "ref no", "no", "number", "action id", "id"),
        "meeting_date": ("meeting date", "date of meeting", "meeting", "committee date",
                         "date of committee", "date raised", "date agreed", "date"),
        "item": ("agenda item", "item", "report", "minute", "minute no", "subject", "topic"),
        "text": ("action", "action required", "action agreed", "actions", "action agreed by "
                 "the committee", "description", "action description", "recommendation",
                 "recommendations", "request", "details"),
        "owner": ("owner", "action owner", "lead officer", "responsible officer", "officer",
                  "lead", "responsible", "by whom", "who", "assigned to"),
        "directorate": ("directorate", "service", "service area", "department", "team"),
        "progress": ("progress update", "progress", "update", "updates", "latest update",
                     "comments", "comment", "executive response", "response", "notes",
                     "progress / update", "progress/comments"),
        "due_date": ("due date", "target date", "deadline", "due", "date due", "due by",
                     "by when", "timescale", "target", "completion date"),
        "status": ("status", "rag", "rag status", "rag rating", "progress status", "complete",
                   "completed", "open/closed", "done"),
        "reported_complete": ("reported complete", "reported", "date reported complete",
                              "reported to committee", "reported complete date"),
    },
    "recommendations": {
        "meeting_date": ("meeting date", "date of meeting", "meeting", "committee date",
                         "date of committee", "date"),
        "item": ("item", "agenda item", "report", "subject", "topic", "item / report"),
        "label": ("rec no", "recommendation number", "recommendation no", "rec ref", "ref",
                  "no", "number", "reference"),
        "text": ("recommendations", "recommendation", "recommendations made", "resolution",
                 "resolved", "recommendation / resolution", "scrutiny recommendation"),
        "addressee": ("addressee", "recommendation to", "directed to", "to", "made to",
                      "for"),
        "response": ("executive responses / update", "executive response", "executive responses",
                     "response", "responses", "action", "action taken", "actions", "update",
                     "progress", "progress update", "comments", "cabinet response",
                     "executive response / update", "response / update"),
        "verdict": ("verdict", "accepted", "accepted / rejected", "accepted?", "decision",
                    "executive decision", "response type", "outcome"),
        "status": ("status", "rag", "rag status", "implementation status", "progress status"),
        "sent_on": ("sent on", "date sent", "sent", "sent to executive", "date referred",
                    "referred on", "date submitted"),
        "response_on": ("response received", "date response received", "date of response",
                        "response date", "responded on", "date responded", "response on"),
    },
    "work-programme": {
        "title": ("item [type of scrutiny]", "item", "topic", "title", "subject", "report",
                  "agenda item", "item / topic", "issue"),
        "scrutiny_type": ("type of scrutiny", "scrutiny type", "scrutiny", "purpose"),
        "format": ("format", "method", "how", "scrutiny method"),
        "origin": ("origin", "source", "requested by", "reason", "background", "why"),
        "lead": ("lead officer", "lead officers", "lead", "officer", "responsible officer",
                 "report author", "contact", "lead officer / member"),
        "position": ("current position", "position", "progress", "update", "comments",
                     "notes", "current status"),
        "meeting_date": ("meeting date", "date of meeting", "meeting", "committee date",
                         "date"),
        "target": ("target date", "target", "due date", "due", "timescale", "deadline"),
        "status": ("status",),
    },
}

# Headers that point strongly at one kind (they add weight when the kind is guessed).
_SIGNATURE: dict[str, tuple[str, ...]] = {
    "actions": ("action number", "action no", "action ref", "owner", "action owner",
                "directorate", "progress update", "reported complete", "due date",
                "action required", "action agreed"),
    "recommendations": ("recommendations", "recommendation", "executive response",
                        "executive responses / update", "executive responses", "verdict",
                        "sent on", "cabinet response"),
    "work-programme": ("item [type of scrutiny]", "origin", "current position",
                       "type of scrutiny", "topic", "lead officer"),
}

# Words in sheet names and title rows.
_NAME_HINTS: dict[str, tuple[str, ...]] = {
    "actions": ("action log", "actions", "action tracker", "reported complete"),
    "recommendations": ("recommendation", "schedule of recommendations", "responses"),
    "work-programme": ("work programme", "work program", "forward plan", "briefing notes",
                       "task and finish", "workshops", "to be scheduled", "agenda items"),
}

_BRACKETS = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*")


def normalise(text: object) -> str:
    """A header as compared: lower case, "&" as "and", no "(s)", no trailing colon/full stop."""
    s = str(text).replace("\n", " ").replace("\u00a0", " ").lower()
    s = s.replace("&", " and ").replace("(s)", "s").replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip()
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


_TABLES = {kind: _lookup_table(kind) for kind in KINDS}
_SIGNATURES = {kind: frozenset(normalise(w) for w in words) for kind, words in _SIGNATURE.items()}


def match_header(kind: str, header: str) -> tuple[str, int] | None:
    """(field, rank) that a normalised header means for ``kind``, or None."""
    table = _TABLES[kind]
    found = table.get(header)
    if found is None:
        bare = _BRACKETS.sub(" ", header).strip()
        if bare and bare != header:
            found = table.get(normalise(bare))
    if found is None and header.endswith("s") and len(header) > 3:
        found = table.get(header[:-1])
    return found


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
