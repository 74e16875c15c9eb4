"""``meeting attendance COMMITTEE DATE`` (show or set who attended) and ``meeting
approve-minutes COMMITTEE DATE --at DATE`` (the later meeting that approved the minutes)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop_app.cli.context import CliContext, CliError, iso_date

if TYPE_CHECKING:   # imported when the command runs: ``meeting`` is registered for every
    # sub-command of cli/core.py (``committee list`` included), where they would cost ~10 ms
    from desktop_app.domain.attendance import Attendee, AttendanceSheet


def register_meeting(msub: argparse._SubParsersAction) -> None:
    """Adds the two actions to the ``meeting`` command."""
    a = msub.add_parser(
        "attendance", help="show a meeting's attendance, or set it",
        description="With no option, show who attended. Any option sets the whole attendance "
                    "to what the options say (members not named are not recorded). Names are "
                    "matched to the committee's members (title such as Councillor or Cllr "
                    "left out, small spelling differences allowed).")
    a.add_argument("committee")
    a.add_argument("date", type=iso_date)
    a.add_argument("--present", metavar='"A, B"', help="members present, comma-separated")
    a.add_argument("--apologies", metavar='"C"', help="apologies for absence")
    a.add_argument("--absent", metavar='"F"', help="absent without apologies")
    a.add_argument("--substitute", action="append", default=[], metavar='"D for C"',
                   help="a named substitute and the member they stand in for (repeatable)")
    a.add_argument("--in-attendance", action="append", default=[],
                   metavar='"E (Cabinet Member for Education)"',
                   help="others in attendance, with their role in brackets (repeatable)")
    a.add_argument("--officers", metavar='"Head of Legal Services, ..."',
                   help="officers in attendance, by job title")
    a.add_argument("--clear", action="store_true", help="remove the recorded attendance")
    a.add_argument("--if-version", type=int, metavar="N",
                   help="refuse (exit 3) unless the attendance is still at version N")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_attendance)

    a = msub.add_parser("approve-minutes",
                        help="record the later meeting at which the minutes were approved")
    a.add_argument("committee")
    a.add_argument("date", type=iso_date, help="the meeting whose minutes were approved")
    g = a.add_mutually_exclusive_group(required=True)
    g.add_argument("--at", type=iso_date, metavar="DATE", help="the later meeting that approved them")
    g.add_argument("--undo", action="store_true", help="the minutes are not approved (draft)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_approve)


def entries_from_args(args) -> list[Attendee]:
    from desktop_app.domain.attendance import (Attendee, parse_substitute, person_and_role,
                                               split_names)
    from desktop_app.domain.enums import AttendanceKind
    out: list[Attendee] = []
    for option, kind in (("present", AttendanceKind.PRESENT),
                         ("apologies", AttendanceKind.APOLOGIES),
                         ("absent", AttendanceKind.ABSENT)):
        for text in split_names(getattr(args, option) or ""):
            name, role = person_and_role(text)
            out.append(Attendee(name=name, kind=kind, role=role))
    for text in args.substitute:
        sub, stood_for = parse_substitute(text)
        if not stood_for:
            raise CliError(f'--substitute {text!r}: write "NAME for MEMBER"')
        out.append(Attendee(name=sub, kind=AttendanceKind.SUBSTITUTE, substitute_for=stood_for))
    for text in args.in_attendance:
        for part in split_names(text):
            name, role = person_and_role(part)
            out.append(Attendee(name=name, kind=AttendanceKind.IN_ATTENDANCE, role=role))
    for title in split_names(args.officers or "", officers=True):
        out.append(Attendee(name=title, kind=AttendanceKind.IN_ATTENDANCE, role="Officer"))
    return out


def _attendance(args, ctx: CliContext):
    from desktop_app.domain.dates import format_uk
    from desktop_app.services import attendance
    meeting_id = attendance.meeting_id_of(ctx.db, args.committee, args.date)
    entries = entries_from_args(args)
    if entries and args.clear:
        raise CliError("--clear removes the attendance: give no names with it")
    if entries or args.clear:
        sheet = attendance.set_attendance(ctx.db, meeting_id, entries, if_version=args.if_version)
        if not args.json:
            print(f"saved the attendance of the meeting on {format_uk(sheet.meeting_date)} "
                  f"({len(sheet.entries)} people; version {sheet.version})")
            return 0
    else:
        sheet = attendance.get_attendance(ctx.db, meeting_id)
    if args.json:
        ctx.print_json(sheet)
    else:
        _print_sheet(sheet, attendance.attendance_block(ctx.db, meeting_id))
    return 0


def _print_sheet(sheet: AttendanceSheet, block: list[tuple[str, list[str]]]) -> None:
    from desktop_app.domain.dates import format_uk
    print(f"{sheet.committee}, meeting on {format_uk(sheet.meeting_date, 'full')}")
    if not block:
        print("  no attendance recorded")
    for label, names in block:
        print(f"  {label}: {'; '.join(names)}")
    if sheet.minutes_approved_on:
        print(f"  Minutes approved at the meeting on {format_uk(sheet.minutes_approved_on)}")
    else:
        print("  Minutes not yet approved (draft)")
    print(f"  (version {sheet.version})")


def _approve(args, ctx: CliContext):
    from desktop_app.domain.dates import format_uk
    from desktop_app.services import attendance, minutes_approval
    meeting_id = attendance.meeting_id_of(ctx.db, args.committee, args.date)
    at = None if args.undo else attendance.meeting_id_of(ctx.db, args.committee, args.at)
    result = minutes_approval.approve_minutes(ctx.db, meeting_id, at)
    if args.json:
        ctx.print_json(result)
    elif result.approved_on:
        print(f"the minutes of {format_uk(result.meeting_date)} were approved at the meeting on "
              f"{format_uk(result.approved_on)}")
    else:
        print(f"the minutes of {format_uk(result.meeting_date)} are not approved (draft)")
    return 0
