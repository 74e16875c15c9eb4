"""``search TEXT [--committee C] [--json]``: search everything, across committees, through
the database's full-text index (services/search.py)."""

from __future__ import annotations

import argparse

from desktop_app.cli.context import CliContext, CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search actions, recommendations and responses, work "
                                      "items, agenda items, minutes and report PDFs")
    p.add_argument("text", nargs="+", help='words to find (all of them); "a phrase", -word to '
                                           "leave out, or; the last word also matches as the "
                                           "start of a word")
    p.add_argument("--committee", help="one committee (name or short name); all when left out")
    p.add_argument("--limit", type=int, default=20, help="at most this many of each kind "
                                                         "(default 20)")
    p.add_argument("--json", action="store_true", help="a JSON array of objects, one a result")
    p.set_defaults(func=_search)


def _search(args, ctx: CliContext) -> int:
    from desktop_app.services.search import search
    text = " ".join(args.text)
    if not text.strip():
        raise CliError("nothing to search for: give a word")
    if args.limit < 1:
        raise CliError(f"--limit must be 1 or more, not {args.limit}")
    results = search(ctx.db, text, committee=args.committee, limit=args.limit)
    if args.json:
        ctx.print_json([h.to_json() for h in results.hits()])
        return 0
    if not results.groups:
        print(f"nothing found for {text!r}")
        return 0
    for group in results.groups:
        more = f" (the best {len(group.hits)}; more with --limit)" if group.more else ""
        print(f"{group.label}{more}")
        for hit in group.hits:
            where = f", {hit.where}" if hit.where else ""
            print(f"  [{hit.committee}] {hit.title.bracketed()}  ({hit.kind} {hit.key.id}{where})")
            if hit.snippet.text:
                print(f"      {hit.snippet.bracketed()}")
    return 0
