"""Search everything (issue 18): actions, recommendations and the executive's responses, work
programme items, agenda items, minutes and attached report PDFs, across committees, through the
database's own full-text index (db/search_index.py), never a scan of the tables.

    results = search(db, "safeguarding", committee="CYP", limit=20)
    for group in results.groups:          # by kind, in KIND_ORDER; best matches first
        for hit in group.hits:            # kind, committee, title, snippet, key to open
            ...

What may be typed is described in domain/search_text.py (words, "phrases", -left-out, or, and
the last word matched as the start of a word while it is being typed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import search_index
from desktop_app.db.engine import Database
from desktop_app.db.models import (Action, AgendaItem, Attachment, Committee, Meeting,
                                   Recommendation, WorkProgrammeItem)
from desktop_app.domain.search_text import SearchText, parse
from desktop_app.services.common import find_committee
from desktop_app.services.errors import ServiceError
from desktop_app.services.search_backends import pg_hits, sqlite_hits

KIND_ORDER = ("action", "recommendation", "work_item", "agenda_item", "minutes", "attachment")
KIND_LABELS = {
    "action": "Actions",
    "recommendation": "Recommendations and responses",
    "work_item": "Work programme",
    "agenda_item": "Agenda items",
    "minutes": "Minutes",
    "attachment": "Report PDFs",
}
DEFAULT_LIMIT = 20
_MARK = re.compile(f"{search_index.HIGHLIGHT[0]}(.*?){search_index.HIGHLIGHT[1]}", re.S)
NO_FTS5 = ("search is not available: this Python's SQLite has no full-text index (FTS5); use a "
           "Python whose SQLite has it (Debian's and python.org's do) or a PostgreSQL database")


@dataclasses.dataclass(frozen=True)
class RecordKey:
    """What opens the record: its kind and id, its committee, and for a record of a meeting
    (agenda item, minutes, report PDF) the meeting and the agenda item."""
    kind: str
    id: int
    committee: str                 # the committee's full name (the window's chooser uses it)
    meeting_id: int | None = None
    agenda_item_id: int | None = None


@dataclasses.dataclass(frozen=True)
class Marked:
    """A text with the matched words marked: ``spans`` are (start, end) offsets in ``text``."""
    text: str
    spans: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_marked(cls, raw: str) -> Marked:
        text, spans, pos = [], [], 0
        last = 0
        for m in _MARK.finditer(raw):
            before = raw[last:m.start()]
            text.append(before)
            pos += len(before)
            spans.append((pos, pos + len(m.group(1))))
            text.append(m.group(1))
            pos += len(m.group(1))
            last = m.end()
        text.append(raw[last:])
        return cls("".join(text), tuple(spans))

    def bracketed(self, left: str = "[", right: str = "]") -> str:
        out, last = [], 0
        for a, b in self.spans:
            out += [self.text[last:a], left, self.text[a:b], right]
            last = b
        out.append(self.text[last:])
        return "".join(out)


@dataclasses.dataclass(frozen=True)
class SearchHit:
    kind: str
    committee: str                 # short name (the full name when it has none)
    title: Marked
    snippet: Marked                # the words around the match ("" when only the title matched)
    where: str                     # e.g. "Meeting 23/11/2021, item 5"
    key: RecordKey

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "committee": self.committee,
                "committee_name": self.key.committee, "title": self.title.text,
                "snippet": self.snippet.text,
                "matches": [list(s) for s in self.snippet.spans],
                "title_matches": [list(s) for s in self.title.spans], "where": self.where,
                "id": self.key.id, "meeting_id": self.key.meeting_id,
                "agenda_item_id": self.key.agenda_item_id}


@dataclasses.dataclass(frozen=True)
class ResultGroup:
    kind: str
    label: str
    hits: tuple[SearchHit, ...]
    more: bool                     # more matches of this kind than ``limit``


@dataclasses.dataclass(frozen=True)
class SearchResults:
    text: str
    groups: tuple[ResultGroup, ...]

    @property
    def total(self) -> int:
        return sum(len(g.hits) for g in self.groups)

    def hits(self) -> list[SearchHit]:
        return [h for g in self.groups for h in g.hits]


def search(db: Database, text: str, committee: str | None = None,
           limit: int = DEFAULT_LIMIT) -> SearchResults:
    """The records matching ``text``, grouped by kind (at most ``limit`` of each kind, the
    best first), in every committee or in ``committee`` (name or short name).
    ServiceError when there is nothing to search for; NotFound for an unknown committee."""
    query = parse(text)
    if query.empty:
        raise ServiceError("nothing to search for: type a word (the commonest, such as "
                           "\u201cthe\u201d, are not searched)")
    with db.reading() as s:
        committee_id = find_committee(s, committee).id if committee else None
        missing = s.get_bind().dialect.name == "sqlite" and not _has_index(s)
        if missing and not search_index.fts5_available():
            raise ServiceError(NO_FTS5)
        stale = not missing and search_index.pending(s.connection())
    if missing or stale:
        # a database made by a Python without FTS5 gets its index now; changes written
        # outside the app's sessions are taken in
        with db.unit_of_work() as s:
            if missing:
                search_index.create(s.connection())
            else:
                search_index.apply_queue(s.connection())
    with db.reading() as s:
        found = _hits(s, query, committee_id, limit)
        return SearchResults(text, tuple(_groups(s, found, limit)))


def _has_index(s: Session) -> bool:
    return s.connection().exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name = ?",
        (search_index.TABLE,)).scalar() == 1


def _hits(s: Session, query: SearchText, committee_id: int | None,
          limit: int) -> list[tuple[str, int, str, str]]:
    """(kind, id, marked title, marked snippet), best first within each kind. A word being
    typed that matches nothing is tried shorter (the index holds stems: "organisati" must
    look for "organis")."""
    conn = s.connection()
    ask = sqlite_hits if conn.dialect.name == "sqlite" else pg_hits
    for attempt in (query, *query.shortened()):
        found = ask(conn, attempt, committee_id, limit + 1)
        if found:
            return found
    return []


def _groups(s: Session, found: list[tuple[str, int, str, str]],
            limit: int) -> list[ResultGroup]:
    out = []
    for kind in KIND_ORDER:
        rows = [f for f in found if f[0] == kind]
        if not rows:
            continue
        shown = rows[:limit]
        facts = _facts(s, kind, [r[1] for r in shown])
        hits = []
        for _kind, row_id, title, snippet in shown:
            fact = facts.get(row_id)
            if fact is None:
                continue
            hits.append(_hit(kind, row_id, fact, title, snippet))
        out.append(ResultGroup(kind, KIND_LABELS[kind], tuple(hits), len(rows) > limit))
    return out


@dataclasses.dataclass(frozen=True)
class _Fact:
    committee: str
    short: str
    title: str
    where: str
    meeting_id: int | None
    agenda_item_id: int | None


def _hit(kind: str, row_id: int, fact: _Fact, title: str, snippet: str) -> SearchHit:
    marked_title = Marked.from_marked(title) if title else Marked(fact.title)
    if not marked_title.text.strip():
        marked_title = Marked(fact.title)
    elif kind in ("agenda_item", "minutes", "attachment") and fact.title != marked_title.text:
        marked_title = Marked(fact.title)   # numbered ("Item 5: ...") rather than marked
    snip = Marked.from_marked(_one_line(snippet))
    if not snip.spans:
        snip = Marked("")
    key = RecordKey(kind, row_id, fact.committee, fact.meeting_id, fact.agenda_item_id)
    return SearchHit(kind, fact.short or fact.committee, marked_title, snip, fact.where, key)


def _one_line(snippet: str) -> str:
    """A snippet's fields (one a line in the index) apart, each on one line."""
    parts = (" ".join(p.split()) for p in (snippet or "").split("\n"))
    return " \u00b7 ".join(p for p in parts if p.strip(" \u2026"))


def _uk(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _facts(s: Session, kind: str, ids: list[int]) -> dict[int, _Fact]:
    """For each id of this kind: committee, title and where it belongs."""
    if not ids:
        return {}
    out: dict[int, _Fact] = {}
    if kind in ("action", "recommendation"):
        model: Any = Action if kind == "action" else Recommendation
        number = model.ref if kind == "action" else model.label
        rows = s.execute(select(model.id, model.text, number, Committee.name,
                                Committee.short_name, Meeting.id, Meeting.date)
                         .join(Committee, Committee.id == model.committee_id)
                         .outerjoin(Meeting, Meeting.id == model.meeting_id)
                         .where(model.id.in_(ids))).all()
        for rid, text, ref, name, short, mid, mdate in rows:
            where = " ".join(p for p in ((f"No. {ref}" if kind == "action" else ref) if ref
                                         else "",
                                         f"from the meeting of {_uk(mdate)}" if mdate else "")
                             if p)
            out[rid] = _Fact(name, short, _first_line(text), where, mid, None)
    elif kind == "work_item":
        rows = s.execute(select(WorkProgrammeItem.id, WorkProgrammeItem.title,
                                WorkProgrammeItem.target_text, Committee.name,
                                Committee.short_name, Meeting.id, Meeting.date)
                         .join(Committee, Committee.id == WorkProgrammeItem.committee_id)
                         .outerjoin(Meeting, Meeting.id == WorkProgrammeItem.meeting_id)
                         .where(WorkProgrammeItem.id.in_(ids))).all()
        for rid, title, target, name, short, mid, mdate in rows:
            where = f"meeting of {_uk(mdate)}" if mdate else (target or "to be scheduled")
            out[rid] = _Fact(name, short, _first_line(title), where, mid, None)
    elif kind in ("agenda_item", "minutes"):
        rows = s.execute(select(AgendaItem.id, AgendaItem.number, AgendaItem.title,
                                Committee.name, Committee.short_name, Meeting.id, Meeting.date)
                         .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                         .join(Committee, Committee.id == Meeting.committee_id)
                         .where(AgendaItem.id.in_(ids))).all()
        for rid, number, title, name, short, mid, mdate in rows:
            out[rid] = _Fact(name, short, f"Item {number}: {_first_line(title)}",
                             f"meeting of {_uk(mdate)}", mid, rid)
    elif kind == "attachment":
        rows = s.execute(select(Attachment.id, Attachment.title, Attachment.path,
                                AgendaItem.id, AgendaItem.number, Committee.name,
                                Committee.short_name, Meeting.id, Meeting.date)
                         .join(AgendaItem, AgendaItem.id == Attachment.agenda_item_id)
                         .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                         .join(Committee, Committee.id == Meeting.committee_id)
                         .where(Attachment.id.in_(ids))).all()
        for rid, title, path, item_id, number, name, short, mid, mdate in rows:
            shown = title or path.replace("\\", "/").rsplit("/", 1)[-1]
            out[rid] = _Fact(name, short, shown, f"meeting of {_uk(mdate)}, item {number}",
                             mid, item_id)
    return out


def _first_line(text: str, width: int = 160) -> str:
    one = " ".join((text or "").split())
    return one if len(one) <= width else one[:width - 1].rstrip() + "\u2026"
