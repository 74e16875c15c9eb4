"""``overview [--committee C] [--json]``: the officer's week across committees, as the window's
Overview page shows it (services.overview): next meetings and their deadlines, executive
responses due or overdue, actions to chase by owner, agenda items to be scheduled."""

from __future__ import annotations

import argparse

from desktop_app.cli.context import CliContext
from desktop_app.domain.dates import format_uk
from desktop_app.services import overview
from desktop_app.services.common import today


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("overview", help="next meetings and deadlines, executive responses due, "
                                        "actions to chase and items to be scheduled, for every "
                                        "committee (or one)")
    p.add_argument("--committee", help="one committee (name or short name); default: all")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_overview)


def _short(day) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def print_committee(c: overview.CommitteeOverview) -> None:
    print(f"{c.name} ({c.short_name})" if c.short_name else c.name)
    print("  Next meetings")
    if not c.meetings:
        print("    No meeting scheduled")
    for m in c.unmarked:
        print(f"    {_short(m.date)} ({overview.meeting_words(m.days_left)}) is still marked "
              "scheduled: mark it held or cancelled")
    for m in c.meetings:
        where = f", {m.venue}" if m.venue else ""
        print(f"    {_short(m.date)} ({overview.meeting_words(m.days_left)}){where}: "
              f"papers published by {_short(m.publication.day)} - "
              f"{overview.deadline_words(m.publication)}"
              f"{' (bank holiday)' if m.publication.bank_holiday else ''}; "
              f"questions by {_short(m.questions.day)} - {overview.deadline_words(m.questions)}"
              f"{' (bank holiday)' if m.questions.bank_holiday else ''}")
    if c.responses:
        print(f"  Executive responses due within {overview.RESPONSE_WINDOW_DAYS} days or "
              "overdue (s.9FE)")
        for r in c.responses:
            label = f"{r.label} " if r.label else ""
            print(f"    {label}{_clip(r.text)} - due {format_uk(r.due, 'short')}, "
                  f"{overview.due_words(r.days_left, r.overdue)}")
    if c.owners:
        print("  Actions to chase (overdue or due by the next meeting)")
        for g in c.owners:
            print(f"    {overview.owner_words(g)}")
            for a in g.actions:
                print(f"      {a.ref}  {_clip(a.text, 60)} - due {format_uk(a.due, 'short')}, "
                      f"{overview.due_words(a.days_left, a.overdue)}")
    if c.unscheduled:
        print("  To be scheduled")
        for w in c.unscheduled:
            target = f" (target {w.target})" if w.target else ""
            print(f"    {_clip(w.title)}{target}")


def _overview(args, ctx: CliContext) -> int:
    result = overview.build_overview(ctx.db, today(), args.committee)
    if args.json:
        ctx.print_json(result.as_dict())
        return 0
    print(f"Overview as at {format_uk(result.today, 'full')}")
    if not result.committees:
        print("(no committees)")
    for c in result.committees:
        print()
        print_committee(c)
    return 0
