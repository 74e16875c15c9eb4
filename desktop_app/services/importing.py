"""One import, whoever asks for it: the command line (``import``), the import wizard and an
owner's returned chase workbook (in either of them) all call ``import_file``.

    outcome = import_file(db, "Housing action log.xlsx", "Housing",
                          ImportOptions(kind="actions", dry_run=True),
                          progress=lambda p: print(p.stage, p.done, p.total),
                          cancel=lambda: False)

The stages, in order:
  1. ``check``: the file's safety (what kind of file, the zip members' sizes; milliseconds);
  2. ``read``: the workbook into rows (``importers.xlsx_reader``), a returned chase workbook
     into its review (``chase_return.read_returned``), or the executive's response table into
     its matches (``executive_response.preview_response``: ``kind="executive-response"``, or
     told from the file when ``kind`` is None); skipped when the caller gives what it has
     already read (``ImportOptions.parsed`` / ``review`` / ``response``: the wizard's preview);
  3. ``backup``: the rotated backup (``before-import`` unless told otherwise), not on a dry run
     and not when nothing is to be applied;
  4. ``save``: everything in one transaction (``import_service.import_workbook``, or
     ``chase_return.apply_changes``).
``progress(ImportProgress)`` is told when each stage starts and, while saving, before each
batch of rows. ``cancel()`` is looked at between the stages, between batches of rows and just
before the commit: once it answers True, ``ImportCancelled`` is raised, the transaction (if one
was open) is rolled back and nothing is written. A backup already taken is kept.

``db`` may be a ``Database`` or a callable that opens one: the command line passes its lazy
opener, so that a file that cannot be read is refused before the database is even created.
"""

from __future__ import annotations

import dataclasses
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.gc_pause import paused_gc
from desktop_app.importers.grid import read_grids
from desktop_app.importers.xlsx_committees import select_committee
from desktop_app.importers.xlsx_reader import ParsedWorkbook, parse_grids, parse_workbook
from desktop_app.importers.xlsx_safety import ImportFileError, check_workbook_file
from desktop_app.services.import_committee import UnknownCommittee
from desktop_app.services.import_summary import ImportedWorkbook, ImportSummary
from desktop_app.services.import_words import apply_status_map, parse_status_map

if TYPE_CHECKING:  # imported when used: SQLAlchemy, openpyxl, rapidfuzz (not needed to import
    # a .xls into a new SQLite database: services/import_lite.py)
    from desktop_app.db.engine import Database
    from desktop_app.services.import_lite import QuickImport
    from desktop_app.services.chase_return import CellChange, ChaseReview
    from desktop_app.services.executive_response import ResponseApplied, ResponsePreview

__all__ = ["RESPONSE", "STAGES", "ImportCancelled", "ImportFileError", "ImportOptions", "ImportOutcome",
           "ImportProgress", "UnknownCommittee", "check_import_file", "import_file",
           "is_chase_workbook"]


STAGES = ("check", "read", "backup", "save")
RESPONSE = "executive-response"   # ImportOptions.kind of the executive's response table


class ImportCancelled(Exception):
    """``cancel()`` said so: nothing was written (a backup already taken is kept)."""

    def __init__(self, stage: str, backup: Path | None):
        super().__init__(f"import cancelled at the {stage} stage; nothing was saved")
        self.stage = stage
        self.backup = backup


@dataclasses.dataclass(frozen=True)
class ImportOptions:
    """How to read and apply the file (the command line's options, the wizard's choices)."""
    kind: str | None = None                       # None: told from the headers and sheet names
    mapping: Mapping[str, str] = dataclasses.field(default_factory=dict)  # header -> field
    skip_bad_rows: bool = False
    dry_run: bool = False
    # a returned chase workbook: "all", "non-conflicting", "none" or the changes' keys;
    # None applies nothing (the review is only shown)
    accept: str | Sequence[str] | None = None
    backup_reason: str = "before-import"
    parsed: ImportedWorkbook | None = None        # already read with these options: not re-read
    review: ChaseReview | None = None             # a chase workbook's review already read
    response: ResponsePreview | None = None       # an executive response's matches already read
    # what status words mean, the officer's say ({"Paused": "open"}, or ["Paused=open"], the
    # command line's --status): overrides the importer's own reading of those words
    status_map: Mapping[str, str] | Sequence[str] = dataclasses.field(default_factory=dict)
    # False: ``committee`` must already exist (the command line without --create-committee);
    # UnknownCommittee, with the nearest names, before anything is written
    create_committee: bool = True


@dataclasses.dataclass(frozen=True)
class ImportProgress:
    stage: str          # one of STAGES
    done: int = 0       # rows (or chase changes) saved so far, in the save stage
    total: int = 0


@dataclasses.dataclass
class ImportOutcome:
    """What was done. A workbook gives ``parsed`` and ``summary``; a returned chase workbook
    gives ``review``, the ``chosen`` changes and how many were ``applied``."""
    path: Path
    backup: Path | None = None
    parsed: ImportedWorkbook | None = None
    summary: ImportSummary | None = None
    review: ChaseReview | None = None
    chosen: list[CellChange] = dataclasses.field(default_factory=list)
    applied: int = 0
    # the executive's response: its rows matched, and what accepting them recorded
    response: ResponsePreview | None = None
    response_applied: ResponseApplied | None = None
    # saved straight into the SQLite file (services/import_lite.py), not through the ORM
    quick: bool = False

    @property
    def notes(self) -> list[str]:
        return list(getattr(self.parsed, "notes", []) or [])


def is_chase_workbook(path: str | Path) -> bool:
    """Whether ``path`` is a workbook returned from ``chase`` (its hidden key sheet);
    chase_return (and openpyxl) are imported only for an Excel workbook."""
    try:
        with zipfile.ZipFile(path) as z:
            if "xl/workbook.xml" not in z.namelist():
                return False
    except (OSError, zipfile.BadZipFile):
        return False
    from desktop_app.services.chase_return import is_chase_workbook as marked
    return marked(Path(path))


def check_import_file(path: str | Path) -> None:
    """Raise ImportFileError (one line naming the file) when ``path`` cannot be imported.
    Milliseconds: the zip directory only."""
    check_workbook_file(path)


class _Run:
    """The stages of one ``import_file`` call, with their progress and cancel points."""

    def __init__(self, progress: Callable[[ImportProgress], None] | None,
                 cancel: Callable[[], bool] | None):
        self._progress = progress
        self._cancel = cancel
        self.stage = STAGES[0]
        self.backup: Path | None = None

    def enter(self, stage: str) -> None:
        self.check()
        self.stage = stage
        self.report(0, 0)

    def report(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(ImportProgress(self.stage, done, total))

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ImportCancelled(self.stage, self.backup)

    def tick(self, done: int, total: int) -> None:
        """Before each batch of rows, and before the commit (inside the transaction)."""
        self.check()
        self.report(done, total)


def import_file(db: Database | Callable[[], Database], path: str | Path, committee: str,
                options: ImportOptions | None = None,
                progress: Callable[[ImportProgress], None] | None = None,
                cancel: Callable[[], bool] | None = None, *,
                url: str | None = None) -> ImportOutcome:
    """Check, read, back up and apply ``path`` to ``committee`` (see the module's notes).

    ``committee`` is where a workbook goes (created if there is none); a returned chase
    workbook names its own committee, and ``committee`` is not used for it.

    ``url``: the database's URL, given with a lazy ``db`` (the command line): a workbook going
    into a new SQLite file, or one at the head revision where the committee is new or has
    nothing yet, is then saved straight through sqlite3 (services/import_lite.py: the same
    rows, audit trail and search index) and ``db`` is never opened."""
    options = options or ImportOptions()
    run = _Run(progress, cancel)
    path = Path(path)
    outcome = ImportOutcome(path)
    opened: list[Database] = []

    def database() -> Database:
        if not opened:
            opened.append(db() if callable(db) else db)
        return opened[0]

    run.enter("check")
    chase = options.review is not None
    response = options.response is not None or options.kind == RESPONSE
    if options.parsed is None and not chase and options.response is None:
        check_workbook_file(path)   # not repeated for the file the command line has just checked
        chase = is_chase_workbook(path)
    run.enter("read")
    grids = None
    if not (chase or response or options.parsed is not None or options.kind):
        with paused_gc():
            grids = read_grids(path)  # read once: told from its headers, then parsed
        from desktop_app.importers.exec_response import looks_like_response
        response = looks_like_response(list(grids))   # executive_response.is_response_file
    if response and not chase:
        from desktop_app.importers.exec_response import read_response
        from desktop_app.services.executive_response import (accept_response,
                                                              preview_response, select_rows)
        outcome.response = options.response or preview_response(
            database(), path, committee, read_response(path, grids))
        chosen = select_rows(outcome.response, _accepted(options.accept))
        if not chosen or options.dry_run:
            return outcome
        if not any(m.changes for m in chosen):  # all recorded already: no backup needed
            run.enter("save")
            outcome.response_applied = accept_response(database(), outcome.response, chosen,
                                                       tick=run.tick)
            return outcome
    elif chase:
        from desktop_app.services.chase_return import read_returned, select_changes
        review = options.review or read_returned(database(), path)
        outcome.review = review
        outcome.chosen = select_changes(review, _accepted(options.accept))
        if not outcome.chosen or options.dry_run:
            return outcome
    else:
        if options.accept is not None:
            raise ImportFileError(f"{path.name}: --accept is for workbooks returned from "
                                  "'chase' and executive responses; this one is imported as "
                                  "a whole")
        if options.parsed is not None:
            parsed = options.parsed
        elif grids is not None:
            with paused_gc():
                parsed = parse_grids(path, grids, None, dict(options.mapping))
        else:
            parsed = parse_workbook(path, kind=options.kind, mapping=dict(options.mapping))
        outcome.parsed = parsed
        if isinstance(parsed, ParsedWorkbook):  # a sheet per committee: this one's only
            select_committee(parsed, committee)
        if options.status_map:
            apply_status_map(parsed.kind, parsed.rows,
                             parse_status_map(parsed.kind, options.status_map))
        quick = _quick(url, committee, parsed, options) if url is not None and not opened \
            else None
        if quick is not None:
            return _save_quickly(quick, run, outcome, options)
        if not options.create_committee:
            from desktop_app.services.import_committee import existing_committee
            committee = existing_committee(database(), committee)
    if not options.dry_run:
        from desktop_app.db.backup import backup_before
        run.enter("backup")
        run.backup = outcome.backup = backup_before(database(), options.backup_reason)
    run.enter("save")
    if outcome.response is not None:
        from desktop_app.services.executive_response import accept_response
        outcome.response_applied = accept_response(database(), outcome.response, chosen,
                                                   tick=run.tick)
    elif outcome.review is not None:
        from desktop_app.services.chase_return import apply_changes
        outcome.applied = apply_changes(database(), outcome.review, outcome.chosen,
                                        tick=run.tick)
    elif outcome.parsed is not None:
        from desktop_app.services.import_service import import_workbook
        outcome.summary = import_workbook(database(), committee, outcome.parsed,
                                          skip_bad_rows=options.skip_bad_rows,
                                          dry_run=options.dry_run, tick=run.tick)
    return outcome


def _quick(url: str, committee: str, parsed: ImportedWorkbook, options: ImportOptions
           ) -> QuickImport | None:
    from desktop_app.services.import_lite import QuickImport
    return QuickImport.open(url, committee, parsed, create_committee=options.create_committee,
                            dry_run=options.dry_run)


def _save_quickly(quick: QuickImport, run: _Run, outcome: ImportOutcome,
                  options: ImportOptions) -> ImportOutcome:
    """The backup and save stages of the quick path (the same cancel points)."""
    with quick:
        run.enter("backup")
        run.backup = outcome.backup = quick.backup(options.backup_reason)
        run.enter("save")
        with paused_gc():   # as the ORM path's import_workbook: many rows, no garbage cycles
            outcome.summary = quick.save(skip_bad_rows=options.skip_bad_rows, tick=run.tick)
        outcome.quick = True
    return outcome


def _accepted(accept: str | Sequence[str] | None) -> Any:
    if accept is None:
        return "none"
    return accept if isinstance(accept, str) else list(accept)
