"""The optional columns a committee's records have (issue 13): "RAG" when any record has a RAG
colour, "Status as written" when any keeps a status word, then each column of the imported
tracker kept per record (``extra``), in the order first met. What the print dialog offers and
what ``export ... --column NAME`` accepts.

    optional_columns(db, "Housing", "actions")  # ['RAG', 'Status as written', 'Area']
    chosen_columns(db, "Housing", "actions", ["area", "rag"])   # ['Area', 'RAG'], as spelt
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select

from desktop_app.db.engine import Database
from desktop_app.db.models import Action, Recommendation, WorkProgrammeItem
from desktop_app.services.common import find_committee
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_words import extra_of

RAG = "RAG"
STATUS_AS_WRITTEN = "Status as written"
_TABLES = {"actions": Action, "action-log": Action, "recommendations": Recommendation,
           "work-programme": WorkProgrammeItem}
_NOUNS = {Action: "action", Recommendation: "recommendation",
          WorkProgrammeItem: "work programme item"}


def optional_columns(db: Database, committee: str, kind: str) -> list[str]:
    """The optional columns the committee's records of ``kind`` have (see the module)."""
    table = _TABLES[kind]
    with db.reading() as s:
        cid = find_committee(s, committee).id
        where = table.committee_id == cid
        has_rag = s.scalars(select(table.id).where(where, table.rag != "").limit(1)).first()
        has_word = s.scalars(select(table.id).where(where, table.status_word != "")
                             .limit(1)).first()
        extras = s.scalars(select(table.extra).where(where, table.extra != "")
                           .group_by(table.extra).order_by(func.min(table.id))).all()
    out = ([RAG] if has_rag is not None else []) + \
        ([STATUS_AS_WRITTEN] if has_word is not None else [])
    seen: dict[str, None] = {}
    for text in extras:
        for header in extra_of(text):
            seen.setdefault(header, None)
    return out + [h for h in seen if h not in out]


def chosen_columns(db: Database, committee: str, kind: str, names: Iterable[str]) -> list[str]:
    """``names`` as the records spell them (case aside), in the order given, each once; a
    ServiceError names the first one that none of the committee's records has. "RAG" and
    "Status as written" are always accepted."""
    wanted = [n.strip() for n in names if n and n.strip()]
    if not wanted:
        return []
    known = optional_columns(db, committee, kind)
    by_key = {k.casefold(): k for k in (RAG, STATUS_AS_WRITTEN, *known)}
    by_key.setdefault("status word", STATUS_AS_WRITTEN)
    out: list[str] = []
    for name in wanted:
        column = by_key.get(name.casefold())
        if column is None:
            noun = _NOUNS[_TABLES[kind]]
            others = [k for k in known if k not in (RAG, STATUS_AS_WRITTEN)]
            raise ServiceError(f"--column {name!r}: no {noun} of {committee} has that column "
                               f"(columns: {', '.join([RAG, STATUS_AS_WRITTEN, *others])})")
        if column not in out:
            out.append(column)
    return out


__all__ = ["RAG", "STATUS_AS_WRITTEN", "chosen_columns", "optional_columns"]
