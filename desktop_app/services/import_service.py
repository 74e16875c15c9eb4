"""Save a workbook read by ``importers.xlsx_reader`` into a committee's tracker.

All or nothing: one transaction creates the committee and the meetings the rows need, then
matches each row to what is stored, so that importing the same file again changes nothing and
a newer version of it changes only what changed (each change written to the audit trail by the
usual after-flush mechanism, because stored rows are changed through the ORM, field by field).
New rows go in as one multi-row insert with the same audit rows (import_bulk), which keeps a
20,000-row log to about a second of database work.

The parts: import_summary (what goes in and what comes out), import_apply (matching and
writing), import_bulk (the audited multi-row insert).

Matching: an action by its meeting and reference (and its text, when a meeting has two with one
reference, or none) - never by reference alone, as numbering restarts each year; a
recommendation by meeting, item and text; a work programme item by title (and format, when two
items share a title). What a sheet does not say is left alone: an empty verdict or response
date does not clear one stored.

Colour, as the services read it (services.actions.action_row, recommendations.rec_row): a row in
blue is "new since the last meeting", so an action in blue is dated as raised no earlier than
the last meeting held; a row with red text is "updated since the last meeting", so its
``updated_on`` is today when the tracker does not already show it as updated. Any change to a
stored row also dates it updated today, and a changed progress update is kept as a dated
progress note, as ``update_action`` does.

The cycle collector is paused while the rows are written: a large import makes hundreds of
thousands of small objects and none of them garbage cycles, and the collector would keep
rescanning them (a sixth of the time of a 20,000-row log, measured).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.domain.gc_pause import paused_gc
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_words import rag_key, unknown_status_words
from desktop_app.services.import_summary import (KINDS, BadRowsError, Change, ImportedRow,
                                                 ImportedWorkbook, ImportSummary, SkippedRow,
                                                 key)

if TYPE_CHECKING:   # SQLAlchemy: imported when a workbook is saved through the ORM
    from desktop_app.db.engine import Database

__all__ = ["KINDS", "BadRowsError", "Change", "ImportSummary", "ImportedRow",
           "ImportedWorkbook", "SkippedRow", "import_workbook", "key", "start_summary"]


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_workbook(db: Database, committee: str, parsed: ImportedWorkbook, *,
                    skip_bad_rows: bool = False, dry_run: bool = False,
                    tick: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Apply ``parsed`` to ``committee`` (created if need be) in one transaction.

    ``tick(rows done, rows in all)`` is called before each batch of rows and once more, with
    all rows done, just before the commit; an exception it raises rolls everything back (this
    is how ``services.importing.import_file`` cancels)."""
    summary = start_summary(committee, parsed, skip_bad_rows=skip_bad_rows, dry_run=dry_run)
    from desktop_app.services.import_apply import Applier

    with paused_gc():  # tens of thousands of rows and parameters, no garbage cycles
        try:
            with db.unit_of_work() as s:
                run = Applier(s, summary, parsed, skip_bad_rows, tick)
                run.apply()
                run.tick(len(run.rows), len(run.rows))
                if dry_run:
                    s.flush()
                    raise _DryRun
        except _DryRun:
            pass
    return summary


def start_summary(committee: str, parsed: ImportedWorkbook, *, skip_bad_rows: bool = False,
                  dry_run: bool = False) -> ImportSummary:
    """The checks made before anything is saved, whichever way it is saved (here or
    import_lite), and the summary they start."""
    if parsed.kind not in KINDS:
        raise ServiceError(f"cannot import {parsed.kind!r} (choose from {', '.join(KINDS)})")
    if not committee.strip():
        raise ServiceError("say which committee the workbook belongs to")
    if len(committee.strip()) > 200:
        raise ServiceError("a committee's name is at most 200 characters")
    if parsed.skipped and not skip_bad_rows:
        raise BadRowsError(parsed.source, parsed.skipped)
    summary = ImportSummary(parsed.kind, committee.strip(), parsed.source, dry_run=dry_run,
                            skipped=[(s.sheet, s.row, s.reason) for s in parsed.skipped],
                            unknown_status_words=unknown_status_words(parsed.rows),
                            rag_key=rag_key(parsed.rows),
                            hidden_sheets=list(getattr(parsed, "hidden_sheets", ())),
                            hidden_rows=[(str(sheet), int(row)) for sheet, row
                                         in getattr(parsed, "hidden_rows", ())],
                            formula_columns=list(getattr(parsed, "formula_columns", ())),
                            other_committees=list(getattr(parsed, "other_committees", ())))
    return summary
