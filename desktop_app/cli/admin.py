"""``backup``, ``restore`` and ``check``: keeping the database safe."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.context import CliContext, CliError
from desktop_app.services import backups
from desktop_app.services.workspace import open_database, schema_revision


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="copy the database (safe while others are using it)")
    p.add_argument("-o", "--output", type=Path, help="backup file (default: the backups folder)")
    p.set_defaults(func=_backup)
    p = sub.add_parser("restore", help="replace the database with a backup (the current "
                                       "contents are backed up first)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=_restore)
    p = sub.add_parser("check", help="check the database: schema version, integrity, location")
    p.set_defaults(func=_check)


def _backup(args, ctx: CliContext):
    path = backups.backup(ctx.db, args.output)
    print(f"backed up to {path}")


def _restore(args, ctx: CliContext):
    safety = backups.restore(ctx.db, args.file)
    ctx.close()
    open_database(ctx.url).dispose()  # upgrades an older backup, refuses a damaged one
    print(f"restored {args.file}; the previous contents were saved to {safety}")


def _check(args, ctx: CliContext):
    db = ctx.db
    problems = backups.check_database(db)
    if problems:
        more = f" (and {len(problems) - 1} more: {'; '.join(problems[1:4])})" \
            if len(problems) > 1 else ""
        raise CliError(f"the database is not as this version expects: {problems[0]}{more}; "
                       "restore a backup with 'scrutiny-tracker restore FILE'")
    print(f"schema {schema_revision(db)}; integrity ok; tables, columns, indexes and triggers "
          "as expected")
    warning = backups.network_warning(db)
    if warning:
        print(warning)
