"""``chase`` (workbooks and email drafts for owners), ``contact`` (their addresses), and the
review of a returned workbook, which the normal ``import`` hands over to ``import_returned``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("chase", help="one workbook and one email draft per owner with open or "
                                     "overdue actions (and leads with responses due)")
    p.add_argument("--committee", required=True)
    p.add_argument("--owner", help="only this owner")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_chase)
    p = sub.add_parser("contact", help="the address book of owners and executive leads")
    csub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = csub.add_parser("add", help="add or update a contact")
    a.add_argument("name")
    a.add_argument("--email", default="")
    a.add_argument("--title", default="", help="job title")
    a.add_argument("--directorate", default="")
    a.set_defaults(func=_contact_add)
    a = csub.add_parser("list")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_contact_list)


def _chase(args, ctx: CliContext):
    from desktop_app.services.chase import chase_owners
    from desktop_app.services.common import today
    packs = chase_owners(ctx.db, args.committee, args.output, owner=args.owner, now=today())
    for p in packs:
        ctx.check_path(p.workbook)
    if args.json:
        ctx.print_json([{"owner": p.owner, "email": p.email, "workbook": str(p.workbook),
                         "draft": str(p.draft), "actions": p.actions, "overdue": p.overdue,
                         "responses": p.responses} for p in packs])
        return 0
    if not packs:
        print("nobody to chase: no open actions with an owner and no responses due")
    for p in packs:
        note = "" if p.email else "  (no email address: add one with 'contact add')"
        print(f"{p.owner}: {p.actions} action(s), {p.overdue} overdue, {p.responses} response(s)"
              f" -> {p.draft.name}{note}")
    if packs:
        print(f"wrote {len(packs)} workbook(s) and {len(packs)} email draft(s) to {args.output}")
    return 0


def _contact_add(args, ctx: CliContext):
    from desktop_app.services import contacts
    row = contacts.set_contact(ctx.db, args.name, args.email, args.title, args.directorate)
    print(f"saved {row.name} <{row.email}>" if row.email else f"saved {row.name}")


def _contact_list(args, ctx: CliContext):
    from desktop_app.services import quick_read
    rows = ctx.quick(quick_read.contacts)
    if rows is None:
        from desktop_app.services import contacts
        rows = contacts.list_contacts(ctx.db)
    if args.json:
        ctx.print_json(rows)
    else:
        ctx.print_table([[r.name, r.email, r.job_title, r.directorate] for r in rows],
                        ["name", "email", "job title", "directorate"])


def import_returned(path: Path, ctx: CliContext, accept: str | None, dry_run: bool,
                    as_json: bool) -> int:
    """Review (and, with --accept, apply) an owner's returned chase workbook."""
    from desktop_app.services.importing import ImportOptions, import_file
    outcome = import_file(ctx.db, path, "", ImportOptions(accept=accept, dry_run=dry_run))
    review, chosen, applied = outcome.review, outcome.chosen, outcome.applied
    assert review is not None  # the caller saw the chase workbook's key sheet
    if as_json:
        ctx.print_json({**review.as_dict(), "accepted": [c.key for c in chosen],
                        "applied": applied})
        return 0
    print(f"{path.name}: returned by {review.owner} ({review.committee}, sent {review.sent})")
    if not review.changes:
        print("  no changes")
    for c in review.changes:
        flag = "CONFLICT " if c.conflict else ""
        print(f"  {flag}{c.key}  [{c.sheet} row {c.row}] {c.label}")
        print(f"      sent:  {c.sent or '(blank)'}")
        print(f"      owner: {c.owner or '(blank)'}")
        if c.current != c.sent:
            print(f"      app:   {c.current or '(blank)'}  (changed in the app since it was sent)")
    for sheet, row in review.added_rows:
        print(f"  row added by the owner, not applied: {sheet} row {row}")
    for key in review.deleted:
        print(f"  row deleted by the owner, not applied: {key}")
    if accept is None:
        print("nothing applied: re-run with --accept all | non-conflicting | KEY,KEY...")
    elif dry_run:
        print(f"dry run: {len(chosen)} change(s) would be applied")
    else:
        print(f"applied {applied} change(s) as updates by {review.owner}")
    return 0
