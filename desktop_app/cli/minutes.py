"""``import-minutes FILE --committee NAME``: read council minutes, show them, save them."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from desktop_app.cli.context import CliContext, CliError, iso_date
from desktop_app.domain.dates import format_uk
from desktop_app.services.minutes_reading import MinutesProposal, parse_minutes_file
from desktop_app.services.minutes_import import everything, save_minutes, substantive_only


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-minutes",
        help="read minutes (.txt, .md, .html, .docx, .pdf) into items, recommendations and actions",
        description="Read a ModernGov 'Agenda and minutes' page or formal minutes, show the "
                    "items, recommendations and actions found, and save them (one transaction; "
                    "importing the same minutes again adds nothing).")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--committee", required=True, help="committee name or short name")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                   help="the meeting date, when the minutes do not give it")
    p.add_argument("--include-procedural", action="store_true",
                   help="also save procedural resolutions (minutes approved, report noted, "
                        "work programme agreed) as recommendations")
    p.add_argument("--dry-run", action="store_true", help="show what would be saved; save nothing")
    p.add_argument("--json", action="store_true", help="print the proposal and summary as JSON")
    p.set_defaults(func=_import_minutes)


def _import_minutes(args, ctx: CliContext) -> int:
    proposal = parse_minutes_file(args.file)
    day = args.date or proposal.meeting_date
    if day is None and not args.dry_run:
        raise CliError(f"{args.file}: no meeting date in the text; give --date YYYY-MM-DD")
    summary = None
    if day is not None:
        summary = save_minutes(ctx.db, args.committee, proposal, meeting_date=args.date,
                               accept=everything if args.include_procedural else substantive_only,
                               dry_run=args.dry_run)
    if args.json:
        ctx.print_json({"proposal": proposal.as_dict(),
                        "summary": summary.as_dict() if summary else None})
    else:
        _print_proposal(proposal, args.include_procedural)
        if summary is not None:
            _print_summary(summary)
    if day is None:
        print(f"scrutiny-tracker: {args.file}: no meeting date in the text; give --date "
              "YYYY-MM-DD to save these minutes", file=sys.stderr)
    return 0


def _print_proposal(proposal: MinutesProposal, include_procedural: bool) -> None:
    when = format_uk(proposal.meeting_date, "full") if proposal.meeting_date else "date not given"
    if proposal.start_time:
        when += f", {proposal.start_time:%H:%M}"
    heading = proposal.committee_name or "Minutes"
    print(f"{proposal.source_file}: {heading}, {when}"
          + (f", {proposal.venue}" if proposal.venue else ""))
    print(f"Items: {len(proposal.items)}")
    for item in proposal.items:
        notes = []
        if item.exempt:
            notes.append("exempt" + (f", paragraph {item.exempt_paragraph}"
                                     if item.exempt_paragraph else ""))
        if item.incomplete:
            notes.append("incomplete")
        print(f"  {item.number:>4}  {item.title}" + (f"  [{'; '.join(notes)}]" if notes else ""))
    recs = proposal.recommendations
    procedural = sum(1 for _, r in recs if r.procedural)
    shown = [(i, r) for i, r in recs if include_procedural or not r.procedural]
    left = "" if include_procedural or not procedural else (
        f"; {procedural} procedural left out (--include-procedural keeps them)")
    print(f"Recommendations: {len(shown)}{left}")
    for item, rec in shown:
        text = rec.text.replace("\n", " / ")
        flag = " (procedural)" if rec.procedural else ""
        print(f"  {item.number:>4} {rec.label or '-':<5} {text}{flag}")
    if proposal.attendance:
        kinds: dict[str, list[str]] = {}
        for a in proposal.attendance:
            kinds.setdefault(a.kind.label, []).append(a.name)
        print("Attendance: " + "; ".join(f"{k} {len(v)}" for k, v in kinds.items()))
    for day in proposal.approves_minutes_of:
        print(f"Approves the minutes of {format_uk(day)}")
    placed = [(item.number, action) for item, action in proposal.actions]
    placed += [("-", action) for action in proposal.meeting_actions]  # the whole meeting's
    print(f"Actions: {len(placed)}")
    for number, action in placed:
        said = [f"owner: {action.owner}"] if action.owner else []
        if action.due:
            said.append(f"due: {format_uk(dt.date.fromisoformat(action.due))}")
        print(f"  {number:>4}  {action.text}" + (f"  [{'; '.join(said)}]" if said else ""))
    if proposal.meeting_actions:
        print("  (-: the meeting's own actions, under no agenda item)")
    incomplete = [item.number for item in proposal.incomplete_items]
    if incomplete:
        print(f"Incomplete items: {', '.join(incomplete)} (the page shows only the start of "
              "their minutes: read the full minutes for their decisions)")


def _print_summary(summary) -> None:
    verb = "Would save" if summary.dry_run else "Saved"
    meeting = "new meeting" if summary.meeting_created else "meeting"
    print(f"{verb} to {summary.committee}, {meeting} of {format_uk(summary.meeting_date)}: "
          f"{_count(len(summary.items_created), 'item')} added, "
          f"{len(summary.items_updated)} updated, "
          f"{_count(summary.recommendations_created, 'recommendation')} added "
          f"({summary.recommendations_existing} already there), "
          f"{_count(summary.actions_created, 'action')} added "
          f"({summary.actions_existing} already there)")
    if summary.attendance_saved:
        print(f"  attendance: {_count(summary.attendance_saved, 'person')} recorded"
              .replace("persons", "people"))
    for day in summary.approved_minutes_of:
        print(f"  the minutes of {format_uk(dt.date.fromisoformat(day))} approved at this meeting")
    for day in summary.approved_not_stored:
        print(f"  note: these minutes approve the minutes of {format_uk(dt.date.fromisoformat(day))}"
              ", a meeting not stored here")
    for warning in summary.warnings:
        print(f"  note: {warning}")
    if summary.dry_run:
        print("Dry run: nothing was saved.")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
