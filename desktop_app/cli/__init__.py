"""The ``scrutiny-tracker`` command line: thin, calls services, prints text or --json.

Feature modules each expose ``register(subparsers)``; a sub-parser sets ``func(args, ctx)``.
No sub-command opens the window.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from desktop_app import __version__
from desktop_app.cli.context import CliContext, CliError

# Modules under desktop_app.cli that add sub-commands (each has register(subparsers)).
COMMAND_MODULES: tuple[str, ...] = (
    "core",
    "listing",
    "admin",
    "minutes",
    "reports",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutiny-tracker",
        description="Scrutiny Tracker: meetings, work programme, recommendations and actions "
                    "for council scrutiny committees. With no sub-command, opens the window.")
    parser.add_argument("--db", metavar="URL",
                        help="SQLAlchemy database URL (default: SCRUTINY_TRACKER_DB, else an "
                             "SQLite file in the user data folder)")
    parser.add_argument("--user", metavar="NAME",
                        help="your name for the audit trail (default: SCRUTINY_TRACKER_USER, "
                             "else the login name)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop_app.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from desktop_app.logging_setup import setup_logging
    setup_logging(args.debug)
    logging.getLogger(__name__).debug("command line: %s", argv if argv is not None else sys.argv[1:])
    ctx = CliContext(args)
    try:
        if args.command is None:
            from desktop_app.app import run_gui
            return run_gui(ctx.url, args)
        return int(args.func(args, ctx) or 0)
    except CliError as exc:
        return ctx.fail(str(exc), exc.exit_code)
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return ctx.fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into one line
        if args.debug:
            raise
        code = getattr(exc, "exit_code", None)
        if isinstance(exc, (ValueError, OSError)) or code is not None:
            return ctx.fail(str(exc) or exc.__class__.__name__, code or 2)
        return ctx.fail(f"unexpected error ({exc.__class__.__name__}: {exc}); "
                        "run again with --debug for details", 1)
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
