"""Sub-commands that create and change records: committee, member, meeting, item, action,
recommendation, work item, demo."""

from __future__ import annotations

import argparse

from desktop_app.cli.context import CliContext, CliError, iso_date
from desktop_app.domain.enums import ActionStatus, MeetingKind, MeetingStatus, MemberRole


def _emit(ctx: CliContext, args, record, text: str) -> None:
    if getattr(args, "json", False):
        ctx.print_json(record)
    else:
        print(text)


def register(sub: argparse._SubParsersAction) -> None:
    # committee -------------------------------------------------------------------------
    p = sub.add_parser("committee", help="add or list committees")
    csub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = csub.add_parser("add", help="add a committee")
    a.add_argument("name")
    a.add_argument("--short", default="", help="short name, e.g. CYPSC")
    a.add_argument("--council", default="")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_committee_add)
    a = csub.add_parser("list", help="list committees")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_committee_list)

    # member ----------------------------------------------------------------------------
    p = sub.add_parser("member", help="add a member to a committee")
    msub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = msub.add_parser("add")
    a.add_argument("--committee", required=True)
    a.add_argument("name")
    a.add_argument("--role", default=MemberRole.COUNCILLOR.value,
                   help="chair, vice-chair, councillor or co-optee")
    a.add_argument("--non-voting", action="store_true")
    a.add_argument("--title", default="Councillor")
    a.set_defaults(func=_member_add)

    # meeting ---------------------------------------------------------------------------
    p = sub.add_parser("meeting", help="add or change a meeting")
    msub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = msub.add_parser("add", help="add a meeting")
    a.add_argument("--committee", required=True)
    a.add_argument("--date", required=True, type=iso_date)
    a.add_argument("--time", help="HH:MM")
    a.add_argument("--venue", default="")
    a.add_argument("--kind", default=MeetingKind.MAINSTREAM.value,
                   help="mainstream, improvement-focus or extra")
    a.add_argument("--minute-start", type=int)
    a.add_argument("--publication-deadline", type=iso_date, help="override the computed date")
    a.add_argument("--questions-deadline", type=iso_date, help="override the computed date")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_meeting_add)
    for verb, status in (("held", MeetingStatus.HELD), ("cancel", MeetingStatus.CANCELLED)):
        a = msub.add_parser(verb, help=f"mark a meeting {status}")
        a.add_argument("--committee", required=True)
        a.add_argument("--date", required=True, type=iso_date)
        a.set_defaults(func=_meeting_status, status=status)
    from desktop_app.cli.attendance import register_meeting
    register_meeting(msub)  # meeting attendance / approve-minutes

    # item ------------------------------------------------------------------------------
    p = sub.add_parser("item", help="add an agenda item, or attach a report to one")
    isub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = isub.add_parser("add")
    a.add_argument("--committee", required=True)
    a.add_argument("--meeting", required=True, type=iso_date)
    a.add_argument("--number", required=True)
    a.add_argument("--title", required=True)
    a.add_argument("--purpose", default="")
    a.add_argument("--lead", default="")
    a.add_argument("--type", dest="scrutiny_type", default="", help="type of scrutiny")
    a.add_argument("--exempt", metavar="PARAGRAPH",
                   help="exempt under this paragraph of Schedule 12A")
    a.add_argument("--attach", nargs="+", default=[], metavar="FILE.pdf")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_item_add)
    a = isub.add_parser("attach", help="attach a report to an agenda item (or re-title it)")
    a.add_argument("file", metavar="FILE.pdf")
    a.add_argument("--committee", required=True)
    a.add_argument("--meeting", required=True, type=iso_date)
    a.add_argument("--number", required=True, help="the agenda item's number")
    a.add_argument("--title", default="",
                   help="its title in the pack's contents and bookmarks (default: the PDF's "
                        "own title, then the file name)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_item_attach)

    # action ----------------------------------------------------------------------------
    p = sub.add_parser("action", help="add or update an action")
    asub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = asub.add_parser("add")
    a.add_argument("--committee", required=True)
    a.add_argument("--meeting", type=iso_date)
    a.add_argument("--text", required=True)
    a.add_argument("--owner", default="")
    a.add_argument("--directorate", default="")
    a.add_argument("--due", type=iso_date)
    a.add_argument("--ref", default="", help="the reference as you write it, e.g. 7 or SOS/22/01")
    a.add_argument("--item", default="", help="the agenda item it came from")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_action_add)
    a = asub.add_parser("update")
    a.add_argument("id", type=int)
    a.add_argument("--progress")
    a.add_argument("--status", choices=[s.value for s in ActionStatus])
    a.add_argument("--due", type=iso_date)
    a.add_argument("--owner")
    a.add_argument("--directorate")
    a.add_argument("--text")
    a.add_argument("--if-version", type=int, metavar="N",
                   help="refuse (exit 3) unless the stored version is N")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_action_update)
    a = asub.add_parser("report-complete", help="mark an action reported complete at a meeting")
    a.add_argument("id", type=int)
    a.add_argument("--meeting", required=True, type=iso_date)
    a.add_argument("--complete", action="store_true",
                   help="the action is still open: mark it completed as well (else refused)")
    a.set_defaults(func=_action_reported)

    # recommendation --------------------------------------------------------------------
    p = sub.add_parser("recommendation", help="add a recommendation or record a response")
    rsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = rsub.add_parser("add")
    a.add_argument("--committee", required=True)
    a.add_argument("--meeting", required=True, type=iso_date)
    a.add_argument("--text", required=True)
    a.add_argument("--item", default="")
    a.add_argument("--label", default="")
    a.add_argument("--to", dest="addressee", default="Executive")
    a.add_argument("--sent", type=iso_date, help="date sent to the executive (default: meeting)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_rec_add)
    a = rsub.add_parser("respond", help="record the executive's response")
    a.add_argument("id", type=int)
    a.add_argument("--response", required=True)
    a.add_argument("--verdict", required=True,
                   help="accepted, partially-accepted, rejected or noted")
    a.add_argument("--on", type=iso_date)
    a.add_argument("--if-version", type=int, metavar="N")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_rec_respond)

    # work programme --------------------------------------------------------------------
    p = sub.add_parser("work", help="add or move a work programme item")
    wsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = wsub.add_parser("add")
    a.add_argument("--committee", required=True)
    a.add_argument("--title", required=True)
    a.add_argument("--format", default="agenda-item",
                   help="agenda-item, briefing-note, workshop, task-and-finish, annual-report")
    a.add_argument("--meeting", type=iso_date, help="leave out: to be scheduled")
    a.add_argument("--type", dest="scrutiny_type", default="")
    a.add_argument("--origin", default="")
    a.add_argument("--lead", default="")
    a.add_argument("--position", default="")
    a.add_argument("--target", default="", help='target as written, e.g. "Summer 2021"')
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_work_add)
    a = wsub.add_parser("move", help="move an item to another meeting, or --unschedule")
    a.add_argument("id", type=int)
    g = a.add_mutually_exclusive_group(required=True)
    g.add_argument("--to", type=iso_date, help="the meeting date")
    g.add_argument("--unschedule", action="store_true", help="back to 'to be scheduled'")
    a.add_argument("--reason", default="")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_work_move)

    # demo ------------------------------------------------------------------------------
    p = sub.add_parser("demo", help="load the example committee from the real seed documents")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--reset", action="store_true", help="replace the example committee")
    g.add_argument("--if-empty", action="store_true",
                   help="load it only when the database has no committees (first run)")
    p.set_defaults(func=_demo)


def _committee_add(args, ctx: CliContext):
    from desktop_app.services import committees
    row = committees.add_committee(ctx.db, args.name, args.short, args.council)
    _emit(ctx, args, row, f"added committee {row.id}: {row.name}")


def _committee_list(args, ctx: CliContext):
    from desktop_app.services import quick_read
    rows = ctx.quick(quick_read.committees)
    if rows is None:
        from desktop_app.services import committees
        rows = committees.list_committees(ctx.db)
    if args.json:
        ctx.print_json(rows)
    else:
        ctx.print_table([[r.id, r.name, r.short_name, r.council] for r in rows],
                        ["id", "name", "short", "council"])


def _member_add(args, ctx: CliContext):
    from desktop_app.services import committees
    row = committees.add_member(ctx.db, args.committee, args.name, args.role,
                                not args.non_voting, args.title)
    print(f"added {row.name} ({row.role}{', non-voting' if not row.voting else ''})")


def _meeting_add(args, ctx: CliContext):
    from desktop_app.services import meetings
    row = meetings.add_meeting(ctx.db, args.committee, args.date, args.time, args.venue,
                               args.kind, minute_start=args.minute_start,
                               publication_deadline=args.publication_deadline,
                               questions_deadline=args.questions_deadline)
    _emit(ctx, args, row, f"added meeting {row.id} on {row.date:%d/%m/%Y}; publication "
          f"deadline {row.publication_deadline:%d/%m/%Y}, questions deadline "
          f"{row.questions_deadline:%d/%m/%Y}")


def _meeting_status(args, ctx: CliContext):
    from desktop_app.services import meetings
    mid = meetings.get_meeting(ctx.db, args.committee, args.date).id
    row = meetings.set_meeting_status(ctx.db, mid, args.status)
    print(f"meeting on {row.date:%d/%m/%Y} is now {row.status}")


def _item_add(args, ctx: CliContext):
    from desktop_app.services import meetings
    row = meetings.add_item(ctx.db, args.committee, args.meeting, args.number, args.title,
                            args.purpose, args.lead, args.scrutiny_type, args.exempt,
                            args.attach)
    _emit(ctx, args, row, f"added item {row.number}: {row.title}")


def _item_attach(args, ctx: CliContext):
    from desktop_app.services import meetings
    meeting = meetings.get_meeting(ctx.db, args.committee, args.meeting)
    item = next((i for i in meeting.items if i.number == str(args.number)), None)
    if item is None:
        raise CliError(f"the meeting on {args.meeting:%d/%m/%Y} has no item {args.number}")
    row = meetings.attach_file(ctx.db, item.id, args.file, args.title)
    _emit(ctx, args, row, f"attached {args.file} to item {row.number}"
          + (f" as {args.title!r}" if args.title else ""))


def _action_add(args, ctx: CliContext):
    from desktop_app.services import actions
    row = actions.add_action(ctx.db, args.committee, args.meeting, args.text, args.owner,
                             args.directorate, args.due, args.ref, item=args.item)
    _emit(ctx, args, row, f"added action {row.id} (ref {row.ref})")


def _action_update(args, ctx: CliContext):
    from desktop_app.services import actions
    fields = dict(progress=args.progress, status=args.status, due_date=args.due,
                  owner=args.owner, directorate=args.directorate, text=args.text)
    if all(v is None for v in fields.values()):
        raise CliError("nothing to change: give --progress, --status, --due, --owner, "
                       "--directorate or --text")
    row = actions.update_action(ctx.db, args.id, if_version=args.if_version, **fields)
    _emit(ctx, args, row, f"updated action {row.id} (now version {row.version})")


def _action_reported(args, ctx: CliContext):
    from desktop_app.services import actions, meetings
    current = actions.get_action(ctx.db, args.id)
    if current.status != ActionStatus.COMPLETED and not args.complete:
        raise CliError(f"action {current.id} is still open (not completed): give --complete "
                       "to mark it completed and reported complete")
    mid = meetings.get_meeting(ctx.db, current.committee, args.meeting).id
    row = actions.report_complete(ctx.db, args.id, mid, if_version=current.version)
    done = "completed and " if current.status != ActionStatus.COMPLETED else ""
    print(f"action {row.id} {done}reported complete on {row.reported_complete_on:%d/%m/%Y}")


def _rec_add(args, ctx: CliContext):
    from desktop_app.services import recommendations
    row = recommendations.add_recommendation(ctx.db, args.committee, args.meeting, args.text,
                                             args.item, args.label, args.addressee, args.sent)
    _emit(ctx, args, row, f"added recommendation {row.id}; response due "
          f"{row.response_due:%d/%m/%Y}" if row.response_due else f"added recommendation {row.id}")


def _rec_respond(args, ctx: CliContext):
    from desktop_app.services import recommendations
    row = recommendations.record_response(ctx.db, args.id, args.response, args.verdict, args.on,
                                          if_version=args.if_version)
    _emit(ctx, args, row, f"recorded the response to recommendation {row.id} ({row.verdict})")


def _work_add(args, ctx: CliContext):
    from desktop_app.services import work_programme
    from desktop_app.domain.dates import parse_uk_date
    row = work_programme.add_work_item(
        ctx.db, args.committee, args.title, args.format, args.meeting, args.scrutiny_type,
        args.origin, args.lead, args.position, args.target, parse_uk_date(args.target))
    _emit(ctx, args, row, f"added work programme item {row.id}: {row.title}")


def _work_move(args, ctx: CliContext):
    from desktop_app.services import work_programme
    row = work_programme.move_work_item(ctx.db, args.id, None if args.unschedule else args.to,
                                        args.reason)
    where = f"{row.meeting_date:%d/%m/%Y}" if row.meeting_date else "to be scheduled"
    _emit(ctx, args, row, f"moved item {row.id} to {where}")


def _demo(args, ctx: CliContext):
    from desktop_app.services import committees, demo
    if args.if_empty and committees.list_committees(ctx.db):
        return 0
    summary = demo.load_demo(ctx.db, reset=args.reset)
    print(summary)
