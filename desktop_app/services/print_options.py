"""A committee's saved print choices for its table documents (``Committee.print_options``):
read them, and save them when the officer prints or asks the CLI to ``--remember`` them.

Saving writes only the keys of ``DocumentOptions`` into the JSON, keeping any other keys, and
goes through the audited unit of work like every other change."""

from __future__ import annotations

from desktop_app.db.engine import Database
from desktop_app.domain.print_options import DocumentOptions
from desktop_app.services.common import find_committee

__all__ = ["get_print_options", "save_print_options"]


def get_print_options(db: Database, committee: str) -> DocumentOptions:
    """The committee's saved choices (the defaults when none are saved)."""
    with db.reading() as s:
        return DocumentOptions.from_json(find_committee(s, committee).print_options)


def save_print_options(db: Database, committee: str, options: DocumentOptions) -> bool:
    """Remember ``options`` for ``committee``; True when anything changed (an unchanged save
    writes nothing, so printing the same way again leaves no audit entry)."""
    with db.unit_of_work() as s:
        row = find_committee(s, committee)
        if DocumentOptions.from_json(row.print_options) == options and row.print_options:
            return False
        text = options.merged_json(row.print_options)
        if text == row.print_options:
            return False
        row.print_options = text
        return True
