"""What an import is given and what it reports (see import_service)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, Protocol

from desktop_app.services.errors import ServiceError

KINDS = ("actions", "recommendations", "work-programme")


# What is saved, as ``importers.xlsx_reader`` makes it: the shape the saving needs, so that any
# reader's rows (or a test's) can be saved.
class SkippedRow(Protocol):
    @property
    def sheet(self) -> str: ...
    @property
    def row(self) -> int: ...
    @property
    def reason(self) -> str: ...


class ImportedRow(Protocol):
    @property
    def sheet(self) -> str: ...
    @property
    def row_number(self) -> int: ...
    @property
    def fields(self) -> dict[str, Any]: ...
    @property
    def colour(self) -> str | None: ...
    # optional: the fields the sheet says something about (None or absent: all of them)
    # given: frozenset[str] | None


class ImportedWorkbook(Protocol):
    """Read-only attributes, so that any reader's own row and workbook classes fit."""
    @property
    def kind(self) -> str: ...
    @property
    def rows(self) -> Sequence[ImportedRow]: ...
    @property
    def skipped(self) -> Sequence[SkippedRow]: ...
    @property
    def source(self) -> str: ...


@dataclasses.dataclass(frozen=True)
class Skipped:
    """A row the database cannot take as it stands (the reader's own are its Skip rows)."""
    sheet: str
    row: int
    reason: str


class BadRowsError(ServiceError):
    """Rows the reader could not read, and no --skip-bad-rows: nothing was imported."""

    def __init__(self, source: str, skipped: Sequence[SkippedRow]):
        shown = "; ".join(f"sheet '{s.sheet}' row {s.row}: {s.reason}" for s in skipped[:5])
        more = f"; and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        noun = "row" if len(skipped) == 1 else "rows"
        super().__init__(f"{source}: {len(skipped)} {noun} cannot be imported ({shown}{more}); "
                         "nothing was imported: correct the workbook, or import the other rows "
                         "with --skip-bad-rows")
        self.skipped = list(skipped)


@dataclasses.dataclass
class Change:
    sheet: str
    row: int
    id: int
    fields: list[str]

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass
class ImportSummary:
    kind: str
    committee: str
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, int, str]] = dataclasses.field(default_factory=list)
    meetings_created: int = 0
    committee_created: bool = False
    dry_run: bool = False
    changes: list[Change] = dataclasses.field(default_factory=list)
    unknown_status_words: dict[str, int] = dataclasses.field(default_factory=dict)  # word: rows
    rag_key: dict[str, str] | None = None  # colour -> status, when a key on the sheet set them
    # named for the officer: hidden sheets, and hidden rows (sheet, row) with something in them
    hidden_sheets: list[str] = dataclasses.field(default_factory=list)
    hidden_rows: list[tuple[str, int]] = dataclasses.field(default_factory=list)
    # columns of Excel formulas (sheet, header), read as the file last saved them
    formula_columns: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    # sheets of other committees in the workbook, not imported (sheet, committee)
    other_committees: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "committee": self.committee, "source": self.source,
                "created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "skipped": [{"sheet": s, "row": r, "reason": why} for s, r, why in self.skipped],
                "meetings_created": self.meetings_created,
                "committee_created": self.committee_created, "dry_run": self.dry_run,
                "changes": [c.as_dict() for c in self.changes],
                "unknown_status_words": dict(self.unknown_status_words),
                "rag_key": self.rag_key, "hidden_sheets": list(self.hidden_sheets),
                "hidden_rows": [{"sheet": s, "row": r} for s, r in self.hidden_rows],
                "formula_columns": [{"sheet": s, "header": h} for s, h in self.formula_columns],
                "other_committees": [{"sheet": s, "committee": c}
                                     for s, c in self.other_committees]}


def key(text: str) -> str:
    """Texts compared without regard to case, spacing, curly quotes or dash kinds."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()
