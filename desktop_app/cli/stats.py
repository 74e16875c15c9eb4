"""``stats``: the committee's impact over a municipal year."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.context import CliContext, CliError
from desktop_app.domain.dates import municipal_year, municipal_year_bounds
from desktop_app.services import committees
from desktop_app.services.common import today
from desktop_app.services.stats import year_stats


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="recommendations, responses, actions and work programme "
                                     "figures for a municipal year (May to April)")
    p.add_argument("--committee", required=True)
    p.add_argument("--year", help="e.g. 2021/22 (default: the current municipal year)")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", type=Path, help="write a one-page PDF or an .xlsx workbook")
    p.set_defaults(func=_stats)


def _stats(args, ctx: CliContext):
    now = today()
    year = args.year or municipal_year(now)
    try:
        municipal_year_bounds(year)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    stats = year_stats(ctx.db, args.committee, year, now=now)
    if args.output:
        suffix = args.output.suffix.lower()
        if suffix == ".pdf":
            from desktop_app.reports.stats_summary import build_stats_summary
            council = committees.get_committee(ctx.db, args.committee).council
            build_stats_summary(args.output, stats, council=council)
        elif suffix == ".xlsx":
            from desktop_app.services.exporting import write_stats_workbook
            write_stats_workbook(args.output, stats)
        else:
            raise CliError(f"{args.output}: write .pdf or .xlsx")
    if args.json:
        ctx.print_json(stats.as_dict())
    elif not args.output:
        d = stats
        print(f"{d.committee}, {d.year} (as at {d.as_at:%d/%m/%Y})")
        if d.history:
            print(f"  {d.history}")
        print(f"  recommendations made {d.recommendations_made}; responses on time "
              f"{d.responses_on_time}, late {d.responses_late}, date not recorded "
              f"{d.responses_undated}, missing {d.responses_missing}, pending {d.responses_pending}")
        print("  verdicts: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in d.verdicts.items()))
        print(f"  implemented {d.implemented}")
        print(f"  actions raised {d.actions_raised}, completed {d.actions_completed}, overdue "
              f"{d.actions_overdue}, average days to complete {d.average_days_to_complete}")
        print(f"  work programme: delivered {d.work_delivered}, deferred {d.work_deferred}, "
              f"dropped {d.work_dropped}")
        recorded = [a for a in d.attendance if a.expected]
        if recorded:
            print("  attendance (meetings with attendance recorded: present, apologies, "
                  "substitute sent, absent):")
            for a in recorded:
                print(f"    {a.name}: {a.expected} meeting{'' if a.expected == 1 else 's'}; "
                      f"present {a.present}, apologies "
                      f"{a.apologies}, substitute sent {a.substituted}, absent {a.absent}")
    else:
        print(f"wrote {args.output}")
