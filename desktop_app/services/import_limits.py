"""Rows whose texts do not fit their columns are bad rows, never cut short. (The standard
library only: the quick import uses it too.)"""

from __future__ import annotations

from desktop_app.db.lite_schema import LENGTHS
from desktop_app.services.import_summary import (BadRowsError, ImportedRow, ImportedWorkbook,
                                                 ImportSummary, Skipped)

_TABLES = {"actions": "actions", "recommendations": "recommendations",
           "work-programme": "work_programme_items"}
# Fields kept in columns of limited length: (field, column).
_LIMITED = {"actions": (("ref", "ref"), ("owner", "owner"), ("directorate", "directorate"),
                        ("due_text", "due_text")),
            "recommendations": (("label", "label"), ("addressee", "addressee")),
            "work-programme": (("scrutiny_type", "scrutiny_type"), ("target", "target_text"))}


def fitting_rows(parsed: ImportedWorkbook, skip_bad_rows: bool, summary: ImportSummary
                 ) -> list[ImportedRow]:
    """The rows whose texts fit their columns (a reference of 50 characters, an owner of
    200, a fuzzy due date of 100...); the others are bad rows: BadRowsError, or listed in the
    summary as skipped with ``skip_bad_rows``."""
    lengths = LENGTHS[_TABLES[parsed.kind]]   # the models' (db/lite_make.py)
    limits = [(field, lengths[column])
              for field, column in _LIMITED[parsed.kind]]
    fitting, bad = [], []
    for row in parsed.rows:
        for field, limit in limits:
            value = row.fields.get(field)
            if isinstance(value, str) and len(value) > limit:
                bad.append(Skipped(row.sheet, row.row_number,
                                   f"{field.replace('_', ' ')} is longer than {limit} "
                                   f"characters ({len(value)})"))
                break
        else:
            fitting.append(row)
    if bad and not skip_bad_rows:
        raise BadRowsError(parsed.source, bad)
    summary.skipped.extend((b.sheet, b.row, b.reason) for b in bad)
    return fitting
