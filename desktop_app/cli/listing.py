"""``list actions|recommendations|work-programme|meetings`` and ``history``."""

from __future__ import annotations

import argparse

from desktop_app.cli.context import CliContext
from desktop_app.domain.dates import format_uk
from desktop_app.services.clock import today

# The services are imported when a listing needs them: ``list actions|recommendations`` read a
# database at head through services/quick_read.py, without SQLAlchemy.

KINDS = ("actions", "recommendations", "work-programme", "meetings")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list actions, recommendations, the work programme or meetings")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--committee", help="committee name or short name (actions and "
                                       "recommendations: all committees when left out)")
    p.add_argument("--status", help="actions: open, overdue, completed, reported-complete; "
                                    "recommendations: awaiting-response, overdue, open, "
                                    "in-progress, completed; work-programme: proposed, "
                                    "scheduled, delivered, deferred, dropped, unscheduled")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.set_defaults(func=_list)
    p = sub.add_parser("history", help="the audit trail: who changed what, when")
    p.add_argument("--committee")
    p.add_argument("--table", help="e.g. actions, recommendations, meetings")
    p.add_argument("--id", type=int, help="one row's history")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_history)


def _need(args, what: str) -> str:
    if not args.committee:
        from desktop_app.cli.context import CliError
        raise CliError(f"list {what} needs --committee NAME")
    return args.committee


def _d(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _list(args, ctx: CliContext):
    from desktop_app.services import quick_read
    if args.kind == "actions":
        now = today()
        rows = ctx.quick(quick_read.actions(args.committee, args.status, now))
        if rows is None:
            from desktop_app.services import actions
            rows = actions.list_actions(ctx.db, args.committee, args.status, now=now)
        table = [[r.id, r.ref, _d(r.meeting_date), r.text, r.owner, _d(r.due_date) or r.due_text,
                  "OVERDUE" if r.overdue else r.status.upper(),
                  "new" if r.new_since_last_meeting else
                  ("updated" if r.updated_since_last_meeting else "")] for r in rows]
        headers = ["id", "ref", "meeting", "action", "owner", "due", "status", "since last"]
    elif args.kind == "recommendations":
        now = today()
        rows = ctx.quick(quick_read.recommendations(args.committee, args.status, now))
        if rows is None:
            from desktop_app.services import recommendations
            rows = recommendations.list_recommendations(ctx.db, args.committee, args.status,
                                                        now=now)
        # a written response without a verdict word has been answered: "responded", as the
        # window and the printed schedule say, not "awaiting"
        table = [[r.id, _d(r.meeting_date), r.item, (r.label + " " + r.text).strip(),
                  "responded" if r.responded and r.verdict == "awaiting" else r.verdict,
                  _d(r.response_due), "OVERDUE" if r.response_overdue else r.status]
                 for r in rows]
        headers = ["id", "meeting", "item", "recommendation", "verdict", "response due", "status"]
    elif args.kind == "work-programme":
        from desktop_app.services import work_programme
        db = ctx.db
        rows = work_programme.list_work_programme(db, _need(args, "work-programme"), args.status)
        table = [[r.id, _d(r.meeting_date) or "to be scheduled", r.format, r.title,
                  r.lead, r.target, r.status] for r in rows]
        headers = ["id", "meeting", "format", "title", "lead", "target", "status"]
    else:
        from desktop_app.services import meetings
        db = ctx.db
        rows = meetings.list_meetings(db, _need(args, "meetings"))
        table = [[r.id, format_uk(r.date, "full"), r.time.strftime("%H:%M") if r.time else "",
                  r.kind, r.status, _d(r.publication_deadline), _d(r.questions_deadline),
                  len(r.items)] for r in rows]
        headers = ["id", "date", "time", "kind", "status", "publication", "questions", "items"]
    if args.json:
        ctx.print_json(rows)
    else:
        ctx.print_table(table, headers)


def _history(args, ctx: CliContext):
    from desktop_app.services import history
    rows = history.history(ctx.db, args.committee, args.table, args.id)
    if args.json:
        ctx.print_json(rows)
    else:
        ctx.print_table([[r.at.strftime("%d/%m/%Y %H:%M"), r.who, r.table, r.row_id,
                          r.operation, r.field, r.old or "", r.new or ""] for r in rows],
                        ["when", "who", "table", "row", "op", "field", "old", "new"])
