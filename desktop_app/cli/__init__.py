"""The ``scrutiny-tracker`` command line: thin, calls services, prints text or --json.

Feature modules each expose ``register(subparsers)``; a sub-parser sets ``func(args, ctx)``.
No sub-command opens the window.

Only the module that registers the sub-command given is imported (``COMMANDS`` says which):
importing every command module (and what they import: openpyxl, reportlab, ...) to build the
full parser would cost more than many commands take to run. Opening the window (``gui`` or no
sub-command) registers only ``gui``. Anything the short parser does not accept as it stands
(help, --version, an unknown or abbreviated option, a mistake) is parsed again by the full
parser, so messages and results are the same either way.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys

from desktop_app import __version__, console
from desktop_app.cli.context import CliContext, CliError
from desktop_app.logging_setup import FILE_ONLY, setup_logging

log = logging.getLogger(__name__)

# Modules under desktop_app.cli that add sub-commands (each has register(subparsers)).
COMMAND_MODULES: tuple[str, ...] = (
    "core",
    "listing",
    "admin",
    "minutes",
    "reports",
    "calendar",     # after "reports": adds .ics and --all to its export command
    "stats",
    "chase",
    "gui",
    "imports",
    "overview",
    "search",
)


# Which module registers each sub-command (tests/unit/test_cli_lazy.py holds it to what the
# modules register). A sub-command missing here still works, through the full parser: so does
# ``export``, on purpose, since any module may add a file format to it (register_export).
COMMANDS: dict[str, str] = {
    **dict.fromkeys(("committee", "member", "meeting", "item", "action", "recommendation",
                     "work", "demo"), "core"),
    "list": "listing", "history": "listing",
    "backup": "admin", "restore": "admin", "check": "admin",
    "import-minutes": "minutes",
    "pack": "reports",
    "stats": "stats",
    "chase": "chase", "contact": "chase",
    "gui": "gui",
    "import": "imports",
    "overview": "overview",
    "search": "search",
}


class _Unsure(Exception):
    """The short (one sub-command) parser cannot decide: the full parser will."""


class _Parser(argparse.ArgumentParser):
    """A command line not understood is one line, as every other error is: what is wrong and
    where to look (the usage block argparse prints first is left to --help)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog.split()[0]}: error: {message} (see {self.prog} --help)\n")


class _ShortParser(_Parser):
    def error(self, message: str):  # type: ignore[override]
        raise _Unsure(message)

    def exit(self, status: int = 0, message: str | None = None):  # type: ignore[override]
        raise _Unsure(message)


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES,
                 parser_class: type[argparse.ArgumentParser] = _Parser
                 ) -> argparse.ArgumentParser:
    parser = parser_class(
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
    for name in modules:
        importlib.import_module(f"desktop_app.cli.{name}").register(sub)
    return parser


_GLOBAL_FLAGS = {"--debug"}
_GLOBAL_VALUES = {"--db", "--user"}


def _command_word(argv: list[str]) -> str | None:
    """The sub-command the command line plainly asks for: global options spelled out in full,
    then a sub-command ("gui" when there is none); None when unsure or help is asked for."""
    if any(a in ("-h", "--help") for a in argv):
        return None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_FLAGS:
            i += 1
        elif arg in _GLOBAL_VALUES:
            i += 2
        elif arg.split("=", 1)[0] in _GLOBAL_VALUES and "=" in arg:
            i += 1
        elif arg.startswith("-"):
            return None
        else:
            return arg
    return "gui" if i == len(argv) else None


# The window's command line, read without building a parser: each option as ``gui`` and the
# global options spell it in full, with a value that cannot be taken for an option.
_WINDOW_GLOBALS = {"--db": "db", "--user": "user"}
_WINDOW_OPTIONS = {"-o": "output", "--output": "output"}


def _window_args(words: list[str]) -> argparse.Namespace | None:
    """What the parser gives for the window's plainest command lines (no sub-command, or
    ``gui`` with its options: the window's every start), or None: argparse decides anything
    else. Building even the one-command parser costs ~2 ms (and gettext's look-up of the
    messages' language imports ``locale``)."""
    found: dict = {"db": None, "user": None, "debug": False}
    options: dict | None = None
    i = 0
    while i < len(words):
        word = words[i]
        name, eq, value = word.partition("=")
        names = _WINDOW_GLOBALS if options is None else _WINDOW_OPTIONS
        if options is None and word == "--debug":
            found["debug"] = True
        elif options is None and word == "gui":
            options = {"smoke_test": False, "output": None}
        elif options is not None and word == "--smoke-test":
            options["smoke_test"] = True
        elif name in names and name.startswith("--") and eq:
            if value.startswith("-"):
                return None
            (found if options is None else options)[names[name]] = value
        elif word in names and i + 1 < len(words) and not words[i + 1].startswith("-"):
            (found if options is None else options)[names[word]] = words[i + 1]
            i += 1
        else:
            return None
        i += 1
    if options is None:
        return argparse.Namespace(**found, command=None)
    from desktop_app.cli.gui import _gui
    return argparse.Namespace(**found, command="gui", **options, func=_gui)


def parse_args(argv: list[str] | None = None, *, short: bool = True) -> argparse.Namespace:
    """``short=False`` always builds the full parser (the plain path, for the benchmark)."""
    words = sys.argv[1:] if argv is None else list(argv)
    if short:
        window = _window_args(words)
        if window is not None:
            return window
    module = COMMANDS.get(_command_word(words) or "") if short else None
    if module is not None:
        try:
            return build_parser((module,), _ShortParser).parse_args(words)
        except _Unsure:
            pass
    return build_parser().parse_args(words)


def _parse_quietly(argv: list[str] | None) -> argparse.Namespace | int:
    """Parse the command line; without a console, a usage error is kept to be shown."""
    if console.has_console():
        try:
            return parse_args(argv)
        except SystemExit as exc:       # --help, --version, or the one line of a usage error
            return exc.code if isinstance(exc.code, int) else 2
    import contextlib
    import io
    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said), contextlib.redirect_stdout(said):
            return parse_args(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
        if code:
            setup_logging()
            _fail(None, "the command line was not understood: "
                  + (said.getvalue().strip().splitlines() or ["(no message)"])[-1], code)
        return code


def main(argv: list[str] | None = None, *, last: bool = False,
         collect: bool | None = None) -> int:
    """Run one command. ``last``: the process ends when it returns (app.program); a collector
    still off then (a command that never opened the database through SQLAlchemy: the quick
    import) is left off, since turning it on would only walk, once, every object the command
    made (20,000 imported rows: ~30 ms) just before the process ends, without the collections
    at exit. ``collect``: whether the cycle collector is the caller's to have on (default:
    whether it is on now; app.program turns it off before importing this module)."""
    collecting = gc.isenabled() if collect is None else collect
    gc.disable()    # start-up makes many objects and no garbage: on again once a database is open
    try:
        return _main(argv, collecting)
    finally:
        if collecting and not last:
            gc.enable()


def _main(argv: list[str] | None, collecting: bool) -> int:
    console.use_utf8()
    parsed = _parse_quietly(argv)
    if isinstance(parsed, int):
        return parsed
    args = parsed
    setup_logging(args.debug)
    refused = os.environ.get("SCRUTINY_TRACKER_PORTABLE_REFUSED")   # packaging/hooks
    if refused:
        log.warning("portable mode: %s", refused, extra=FILE_ONLY)
    log.debug("command line: %s", argv if argv is not None else sys.argv[1:])
    ctx: CliContext | None = None
    try:
        ctx = CliContext(args, collect_once_open=collecting)
        if args.command is None:
            from desktop_app.app import run_gui
            return run_gui(ctx.url, args)
        return int(args.func(args, ctx) or 0)
    except CliError as exc:
        return _fail(args, str(exc), exc.exit_code)
    except BrokenPipeError:  # output piped into head & co.
        if sys.stderr is not None:
            sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return _fail(args, "interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into one line
        log.error("failed: %s", exc, exc_info=True, extra=FILE_ONLY)
        if args.debug and console.has_console():
            raise
        code = getattr(exc, "exit_code", None)
        if isinstance(exc, (ValueError, OSError)) or code is not None:
            return _fail(args, str(exc) or exc.__class__.__name__, code or 2)
        return _fail(args, f"unexpected error ({exc.__class__.__name__}: {exc}); "
                     "run again with --debug for details", 1)
    finally:
        if ctx is not None:
            ctx.close()


def _fail(args: argparse.Namespace | None, message: str, code: int) -> int:
    """Every failure: one line in the log and on stderr; without a console (the window build
    on Windows), in a message box that names the log file and what to do."""
    first = message.strip().splitlines()[0] if message.strip() else "error"
    log.error("exit %d: %s", code, first, extra=FILE_ONLY)
    if console.has_console():
        print(f"scrutiny-tracker: error: {first}", file=sys.stderr)
    elif not getattr(args, "smoke_test", False) and code != 130:
        from desktop_app.app import show_failure
        show_failure(first)
    return code


if __name__ == "__main__":
    sys.exit(main())
