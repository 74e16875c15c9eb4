"""``scrutiny-tracker gui [--smoke-test]``: open the window (the same as no sub-command)."""

from __future__ import annotations

import argparse
import os

from desktop_app.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the window (the default with no sub-command)")
    p.add_argument("--smoke-test", action="store_true",
                   help="open the window offscreen, visit every tab, print one JSON line of "
                        "timings in milliseconds and exit")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="with --smoke-test: write the JSON line to FILE (the window program "
                        "has no console on Windows)")
    p.set_defaults(func=_gui)


def _gui(args, ctx: CliContext) -> int:
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.app import run_gui
    return run_gui(ctx.url, args)
