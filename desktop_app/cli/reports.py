"""``export KIND ... -o FILE`` and ``pack``: documents written to files.

``export`` is shared: it picks a handler by the output file's suffix. This module handles
``.pdf`` (printing), and ``.docx`` / ``.html`` (the same document as a Word file or a web
page, ``services.exporting.export_document``). Another module adds a format without a second ``export`` parser:

    from desktop_app.cli.reports import register_export
    register_export(".xlsx", handler, kinds=("actions", "recommendations", "work-programme"))

where ``handler(kind, args, ctx)`` gets the kind as typed (aliases are the handler's business)
and returns an exit code or None. Call it from that module's ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path

from desktop_app.cli.context import CliContext, CliError, iso_date

ExportHandler = Callable[[str, argparse.Namespace, CliContext], "int | None"]

PDF_KINDS = ("action-log", "actions", "recommendations", "work-programme", "agenda", "minutes")
DOCUMENT_KINDS = ("action-log", "actions", "recommendations", "work-programme", "minutes")
# the suffixes whose documents follow the layout options (--order, --dates, --column ...)
LAID_OUT = (".pdf", ".docx", ".html", ".htm")


@dataclasses.dataclass(frozen=True)
class _Export:
    handler: ExportHandler
    kinds: tuple[str, ...]


# output suffix -> what writes that format
EXPORT_HANDLERS: dict[str, _Export] = {}


def register_export(suffix: str, handler: ExportHandler, kinds: tuple[str, ...]) -> None:
    """Let ``export KIND -o FILE<suffix>`` go to ``handler``."""
    EXPORT_HANDLERS[suffix.lower()] = _Export(handler, tuple(kinds))


def register(sub: argparse._SubParsersAction) -> None:
    register_export(".pdf", _export_pdf, PDF_KINDS)
    for suffix in (".docx", ".html", ".htm"):
        register_export(suffix, _export_document, DOCUMENT_KINDS)
    if "export" not in sub.choices:
        p = sub.add_parser(
            "export", help="write a document to a file; the -o suffix picks the format",
            description="Write the action log, recommendation schedule, work programme, agenda "
                        "front sheet or minutes to a file. The format follows the file name: "
                        ".pdf prints the document; .docx writes it as a Word document and "
                        ".html as an accessible web page (not the agenda).")
        p.add_argument("kind", metavar="KIND",
                       help="action-log (or actions), recommendations, work-programme, agenda, "
                            "minutes")
        _common_options(p)
        p.add_argument("--column", action="append", default=[], metavar="NAME",
                       help="print this column too, after the usual ones (the action log and "
                            "the recommendation schedule): RAG, \"Status as written\" or a "
                            "column of the imported tracker, e.g. --column Area --column RAG")
        p.set_defaults(func=_export)
    p = sub.add_parser("pack", help="build the agenda pack for a meeting as one PDF",
                       description="The agenda, a contents page and every item's papers (the "
                                   "previous minutes, attached reports, and the action log, "
                                   "recommendation schedule and work programme behind the work "
                                   "programme item), numbered continuously, with bookmarks.")
    _common_options(p, meeting_required=True)
    p.set_defaults(func=_pack)


def _common_options(p: argparse.ArgumentParser, meeting_required: bool = False) -> None:
    # export calendar takes --all instead (cli.calendar); _export asks for it otherwise
    p.add_argument("--committee", required=meeting_required,
                   help="committee name or short name")
    p.add_argument("--meeting", type=iso_date, required=meeting_required, metavar="YYYY-MM-DD",
                   help="the meeting (needed for agenda, minutes and pack; for the work "
                        "programme it picks the municipal year)")
    p.add_argument("--as-at", type=iso_date, metavar="YYYY-MM-DD",
                   help="the date the document is as at (default: the meeting's publication "
                        "date for a document for a meeting, else today; a past date shows "
                        "actions and recommendations as they stood then)")
    if not meeting_required:    # export: the workbooks' rule for exempt items
        p.add_argument("--include-exempt", action="store_true",
                       help="workbooks: keep the records of exempt items (left out by default; "
                            "with --public only their titles and a notice)")
    p.add_argument("--public", action="store_true",
                   help="the public version: exempt items' papers and text are left out")
    _layout_options(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")


LAYOUT_FLAGS = ("order", "dates", "text_size")


def _layout_options(p: argparse.ArgumentParser) -> None:
    """How the action log, recommendation schedule and work programme are laid out (alone or
    in a pack); without these, the committee's saved choices."""
    g = p.add_argument_group(
        "layout of the action log, recommendation schedule and work programme (PDF, .docx, "
        ".html)",
        "Without these, the choices saved for the committee are used (by action number, "
        "dates as 07 September 2021, 10 pt text when none are saved).")
    g.add_argument("--order", choices=("number", "meeting"),
                   help="the action log by action number, or by meeting")
    g.add_argument("--dates", choices=("long", "short"),
                   help="dates as 07 September 2021 (long) or 07/09/2021 (short)")
    g.add_argument("--text-size", type=int, choices=(10, 12), metavar="10|12",
                   help="table text size in points: 10, or 12 for large print")
    g.add_argument("--remember", action="store_true",
                   help="save these choices for the committee (used next time, and by the "
                        "window's print dialog)")


def _export(args: argparse.Namespace, ctx: CliContext) -> int | None:
    suffix = Path(args.output).suffix.lower()
    chosen = EXPORT_HANDLERS.get(suffix)
    if chosen is None:
        known = ", ".join(sorted(EXPORT_HANDLERS)) or "none"
        raise CliError(f"cannot export to {suffix or 'a file without a suffix'!r} files "
                       f"(formats: {known})")
    if args.kind not in chosen.kinds:
        raise CliError(f"{args.kind!r} cannot be exported as {suffix} "
                       f"(choose from {', '.join(chosen.kinds)})")
    if not args.committee and suffix != ".ics":
        raise CliError("the following argument is required: --committee")
    if suffix not in LAID_OUT:
        given = [f"--{name.replace('_', '-')}" for name in (*LAYOUT_FLAGS, "remember")
                 if getattr(args, name, None)]
        if given:
            raise CliError(f"{', '.join(given)}: for PDF, Word and web-page documents only, "
                           f"not {suffix} files")
    code = chosen.handler(args.kind, args, ctx)
    ctx.check_path(args.output)
    return code


def _layout(args: argparse.Namespace, ctx: CliContext):
    """The layout options given on the command line (over the committee's saved ones), or
    None for the saved ones."""
    from desktop_app.services.print_options import get_print_options
    if args.remember or any(getattr(args, name) is not None for name in LAYOUT_FLAGS):
        return get_print_options(ctx.db, args.committee).changed(
            order=args.order, dates=args.dates, text_size=args.text_size)
    return None


def _remember(args: argparse.Namespace, ctx: CliContext, options) -> None:
    from desktop_app.services.print_options import save_print_options
    if args.remember and options is not None:
        save_print_options(ctx.db, args.committee, options)
        print(f"remembered for {args.committee}: {options.describe()}")


def _write(kind: str, args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop_app.reports.printing import write_document
    from desktop_app.services.common import today
    options = _layout(args, ctx)
    untagged: list[str] = []
    pages = write_document(ctx.db, kind, args.output, args.committee, meeting=args.meeting,
                           as_at=args.as_at, public=args.public, today=today(),
                           extra_columns=getattr(args, "column", None) or (),
                           options=options, untagged=untagged)
    version = " (public version)" if args.public else ""
    print(f"wrote {args.output}: {pages} page{'s' if pages != 1 else ''}{version}")
    if untagged:          # a pack's merged reports that a screen reader cannot follow
        from desktop_app.reports.pack import untagged_note
        print(untagged_note(untagged))
    _remember(args, ctx, options)
    return 0


def _export_document(kind: str, args: argparse.Namespace, ctx: CliContext) -> int:
    """``.docx`` and ``.html``: the document the PDF would be, as a Word file or a web page."""
    from desktop_app.services.common import today
    from desktop_app.services.exporting import export_document
    if getattr(args, "include_exempt", False):
        raise CliError("--include-exempt is for workbooks: a Word document or web page that "
                       "is not --public already holds exempt items, marked NOT FOR "
                       "PUBLICATION")
    options = _layout(args, ctx)
    try:
        written = export_document(ctx.db, kind, args.committee, args.output,
                                  meeting=args.meeting, as_at=args.as_at, public=args.public,
                                  today=today(), extra_columns=getattr(args, "column", None)
                                  or (), options=options)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    version = " (public version)" if args.public else ""
    print(f"wrote {args.output}: {written.describe()}{version}")
    _remember(args, ctx, options)
    return 0


def _export_pdf(kind: str, args: argparse.Namespace, ctx: CliContext) -> int:
    if getattr(args, "include_exempt", False):
        raise CliError("--include-exempt is for workbooks: a PDF that is not --public already "
                       "holds exempt items, marked NOT FOR PUBLICATION")
    return _write(kind, args, ctx)


def _pack(args: argparse.Namespace, ctx: CliContext) -> int:
    if Path(args.output).suffix.lower() != ".pdf":
        raise CliError("the pack is a PDF: give -o a file name ending in .pdf")
    return _write("pack", args, ctx)
