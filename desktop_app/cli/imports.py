"""``import FILE --committee NAME`` (a workbook into the tracker) and ``export KIND -o FILE.xlsx``
(the action log, recommendation schedule or work programme as a workbook).

The workbook is read and checked before the database is opened: a file that cannot be read is
refused with one line (exit 2) and nothing is written anywhere. A workbook that an owner
returned from ``chase`` is recognised by its hidden key sheet and handed to the chase review
(``cli.chase.import_returned``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.context import CliContext, CliError

KINDS = ("actions", "recommendations", "work-programme", "executive-response")
EXPORT_KINDS = ("actions", "action-log", "recommendations", "work-programme")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="read an action log, recommendation schedule or work programme "
                       "(.xlsx, .xls, .csv or Word .docx) into a committee",
        description="Read a workbook as councils keep it (title and legend rows, merged cells, "
                    "blue text for new and red for updated rows, UK dates, several sheets) and "
                    "save it in one transaction: all or nothing. Importing the same file again "
                    "changes nothing; a newer version changes what changed, in the audit trail.")
    p.add_argument("file", metavar="FILE", help="the tracker: an Excel workbook (.xlsx, .xlsm, .xls), a .csv "
                        "file (or Excel's tab-separated .txt / .tsv) or a Word .docx with tables "
                        "(the executive's response also as a letter)")
    p.add_argument("--committee", required=True,
                   help="the name or short name of an existing committee (a close match is "
                        "offered when there is none)")
    p.add_argument("--create-committee", action="store_true",
                   help="create the committee named by --committee if there is none")
    p.add_argument("--status", action="append", default=[], metavar="WORD=STATUS",
                   help="what a status word in the file means, e.g. --status \"Paused=open\" "
                        "(repeatable; words the importer does not know come in as open)")
    p.add_argument("--as", dest="kind", choices=KINDS,
                   help="what the workbook is (default: told from its headers and sheet names)")
    p.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                   help="read the column headed HEADER as FIELD (or 'ignore'); repeatable, e.g. "
                        "--map \"Cabinet reply=response\"")
    p.add_argument("--dry-run", action="store_true",
                   help="show what would be created and updated; save nothing")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="import the rows that can be read and list the others (without it, one "
                        "unreadable row stops the import)")
    p.add_argument("--accept", metavar="WHICH",
                   help="for a workbook an owner returned from 'chase': apply all, "
                        "non-conflicting, or the changes listed (KEY,KEY...); for an executive "
                        "response: record all the matches, or the rows (row2) or "
                        "recommendations (R1) listed; without it nothing is written")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_import)

    from desktop_app.cli.reports import register_export
    register_export(".xlsx", _export_xlsx, EXPORT_KINDS)


def parse_maps(items: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, field = item.rpartition("=")
        if not sep or not header.strip() or not field.strip():
            raise CliError(f"--map {item!r}: give it as \"Header text=field\"")
        mapping[header.strip()] = field.strip()
    return mapping


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.services.importing import (ImportOptions, check_import_file, import_file,
                                                is_chase_workbook)

    check_import_file(args.file)  # before anything opens it
    if is_chase_workbook(Path(args.file)):
        # an owner's returned chase workbook: reviewed cell by cell, not imported as a log
        from desktop_app.cli.chase import import_returned
        return import_returned(Path(args.file), ctx, args.accept, args.dry_run, args.json)
    if args.accept and args.kind not in (None, "executive-response"):
        raise CliError(f"{Path(args.file).name}: --accept is for workbooks returned from "
                       "'chase' and executive responses; this one is imported as a whole")
    options = ImportOptions(kind=args.kind, mapping=parse_maps(args.map), accept=args.accept,
                            skip_bad_rows=args.skip_bad_rows, dry_run=args.dry_run,
                            status_map=list(args.status),
                            create_committee=args.create_committee)
    # the database is opened only once the workbook has been read (backups rotated: ten kept);
    # into a new SQLite file, or a new committee, the rows go straight in (import_lite)
    outcome = import_file(lambda: ctx.db, args.file, args.committee, options, url=ctx.url)
    if outcome.quick:
        _warn_about_location(ctx.url)
    if outcome.response is not None:  # the executive's response table: matched, not imported
        from desktop_app.cli.exec_response import print_response
        return print_response(outcome, ctx, args.accept, args.dry_run, args.json)
    summary = outcome.summary
    assert summary is not None  # a workbook, not a chase return
    if args.json:
        ctx.print_json({**summary.as_dict(), "notes": outcome.notes})
        return 0
    name = Path(args.file).name
    counts = (f"{summary.created} created, {summary.updated} updated, "
              f"{summary.unchanged} unchanged, {len(summary.skipped)} skipped")
    extra = []
    if summary.committee_created:
        extra.append("committee created")
    if summary.meetings_created:
        extra.append(f"{summary.meetings_created} meeting"
                     f"{'s' if summary.meetings_created != 1 else ''} created")
    tail = f" ({'; '.join(extra)})" if extra else ""
    if summary.dry_run:
        print(f"dry run, nothing saved: {name} as {summary.kind} into {summary.committee} "
              f"would give {counts}{tail}")
    else:
        print(f"imported {name} as {summary.kind} into {summary.committee}: {counts}{tail}")
    for sheet, row, reason in summary.skipped:
        print(f"  skipped sheet '{sheet}' row {row}: {reason}")
    for change in summary.changes:
        print(f"  {'would update' if summary.dry_run else 'updated'} sheet '{change.sheet}' row "
              f"{change.row}: {', '.join(change.fields)}")
    default = ("scheduled at its meeting, else proposed" if summary.kind == "work-programme"
               else "open")
    for word, count in summary.unknown_status_words.items():
        print(f"  status {word!r} not known ({count} row{'s' if count != 1 else ''}): imported as "
              f"{default}; say what it means with --status \"{word}=STATUS\"")
    if summary.rag_key:
        key = ", ".join(f"{colour} = {status}" for colour, status in summary.rag_key.items())
        print(f"  RAG key read on the sheet: {key}")
    for note in outcome.notes:
        print(f"  note: {note}")
    return 0


def _warn_about_location(url: str) -> None:
    """What ``ctx.db`` says when it opens a database on a network share or in a synced folder
    (the quick import does not open it that way)."""
    import logging
    import sys

    from desktop_app.services.import_lite import database_warning

    warning = database_warning(url)
    if warning:
        logging.getLogger("desktop_app.cli.context").info("%s", warning)
        if sys.stderr is not None:
            print(f"scrutiny-tracker: {warning}", file=sys.stderr)


def _export_xlsx(kind: str, args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.services.exporting import export_workbook

    public, include = bool(args.public), bool(getattr(args, "include_exempt", False))
    if kind in ("actions", "action-log"):
        if args.meeting:
            raise CliError("--meeting does not apply to the action log")
        what = "action"
    elif kind == "recommendations":
        if args.meeting:
            raise CliError("--meeting does not apply to the recommendation schedule")
        what = "recommendation"
    else:
        if args.as_at:
            raise CliError("--as-at does not apply to the work programme")
        what = "item"
    outcome = export_workbook(ctx.db, kind, args.committee, args.output, meeting=args.meeting,
                              as_at=args.as_at, include_exempt=include, public=public)
    print(f"wrote {args.output}: {int(outcome)} {what}{'s' if outcome != 1 else ''}"
          + outcome.exempt_words())
    return 0
