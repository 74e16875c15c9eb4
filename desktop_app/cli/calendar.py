"""``export calendar --committee C|--all -o FILE.ics``: meetings and deadlines for Outlook.

Registered on the shared ``export`` command (``cli.reports``) for the ``.ics`` suffix; run
again, the file has the same event UIDs, so importing it updates the events already there.
"""

from __future__ import annotations

import argparse

from desktop_app.cli.context import CliContext, CliError

KINDS = ("calendar",)


def register(sub: argparse._SubParsersAction) -> None:
    from desktop_app.cli.reports import register_export
    register_export(".ics", _export_ics, KINDS)
    export = sub.choices.get("export")
    if export is not None:
        export.add_argument("--all", action="store_true", dest="all_committees",
                            help="calendar: every committee (instead of --committee)")


def _export_ics(kind: str, args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.services.calendar_export import export_calendar
    everyone = bool(getattr(args, "all_committees", False))
    if everyone == bool(args.committee):
        raise CliError("export calendar: give --committee NAME or --all (not both)")
    others = [flag for flag, given in (("--meeting", args.meeting), ("--as-at", args.as_at),
                                       ("--public", args.public), ("--column", args.column),
                                       ("--include-exempt",
                                        getattr(args, "include_exempt", False)))
              if given]
    if others:
        raise CliError(f"{', '.join(others)}: not for a calendar")
    done = export_calendar(ctx.db, args.output, None if everyone else args.committee)
    cancelled = f" ({done.cancelled} cancelled)" if done.cancelled else ""
    whose = "every committee" if everyone else done.committees[0]
    print(f"wrote {args.output}: {done.events} event{'s' if done.events != 1 else ''}"
          f"{cancelled} for {whose}")
    return 0
