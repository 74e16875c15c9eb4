"""The two ways the full-text index is asked (db/search_index.py made it): SQLite's FTS5 table
and PostgreSQL's expression GIN indexes. Each returns (kind, id, marked title, marked snippet)
rows, at most ``per_kind`` of each kind, best first; the match is marked with
search_index.HIGHLIGHT."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop_app.db import search_index as ix
from desktop_app.domain.search_text import SearchText

SNIPPET_TOKENS = 24


def sqlite_hits(conn: Connection, query: SearchText, committee_id: int | None,
                per_kind: int) -> list[tuple[str, int, str, str]]:
    match = query.fts5()
    if not match:
        return []
    where = "search_index MATCH :q" + (" AND committee_id = :c" if committee_id else "")
    params = {"q": match, "c": committee_id, "n": per_kind}
    # first the best rowids of each kind, then the snippets of those alone
    ranked = conn.execute(text(
        f"SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY rowid % {ix.STRIDE} "
        f"ORDER BY rank) AS n FROM {ix.TABLE} WHERE {where}) WHERE n <= :n "
        f"ORDER BY rowid % {ix.STRIDE}, n"), params).scalars().all()
    if not ranked:
        return []
    left, right = ix.HIGHLIGHT
    ids = ", ".join(str(int(r)) for r in ranked)
    marked = {r: (title, body) for r, title, body in conn.execute(text(
        f"SELECT rowid, snippet({ix.TABLE}, 1, '{left}', '{right}', '\u2026', 64), "
        f"snippet({ix.TABLE}, 2, '{left}', '{right}', '\u2026', {SNIPPET_TOKENS}) "
        f"FROM {ix.TABLE} WHERE {ix.TABLE} MATCH :q AND rowid IN ({ids})"), params).all()}
    out = []
    for rowid in ranked:
        title, body = marked.get(rowid, ("", ""))
        source = ix.BY_CODE[rowid % ix.STRIDE]
        out.append((source.kind, rowid // ix.STRIDE, title or "", body or ""))
    return out


def _headline(expr: str, words: int) -> str:
    left, right = ix.HIGHLIGHT
    options = (f"StartSel={left}, StopSel={right}, MaxWords={words}, MinWords={words // 2}, "
               "ShortWord=2, MaxFragments=2, FragmentDelimiter=\" \u2026 \"")
    return f"ts_headline('{ix.PG_CONFIG}', {expr}, q, '{options}')"


def pg_hits(conn: Connection, query: SearchText, committee_id: int | None,
            per_kind: int) -> list[tuple[str, int, str, str]]:
    head, tail, tail_or = query.websearch()
    parts = []
    if head:
        parts.append(f"websearch_to_tsquery('{ix.PG_CONFIG}', :head)")
    if tail:
        parts.append(f"to_tsquery('{ix.PG_CONFIG}', :tail)")
    if not parts:
        return []
    tsquery = (" || " if tail_or else " && ").join(parts)
    params = {"head": head, "tail": tail, "c": committee_id, "n": per_kind}
    out: list[tuple[str, int, str, str]] = []
    for source in ix.SOURCES:
        conds = [f"{source.tsvector_sql('r')} @@ q"]
        if source.when:
            conds.append(source.when_sql("r"))
        if committee_id:
            conds.append(f"{source.committee_sql('r')} = :c")
        body = source.body_sql("r")
        sql = (f"SELECT id, {_headline('title', 64)}, {_headline('body', SNIPPET_TOKENS)} "
               f"FROM (SELECT r.id, {source.title_sql('r')} AS title, {body} AS body, q, "
               f"ts_rank({source.tsvector_sql('r')}, q) AS score "
               f"FROM {source.table} AS r, ({'SELECT ' + tsquery}) AS tq(q) "
               f"WHERE {' AND '.join(conds)} ORDER BY score DESC, r.id LIMIT :n) AS best "
               "ORDER BY score DESC, id")
        for row_id, title, snippet in conn.execute(text(sql), params).all():
            out.append((source.kind, int(row_id), title or "", snippet or ""))
    return out
