"""The rows a workbook is read into (see xlsx_reader)."""

from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass(frozen=True)
class Skip:
    """A row that looked like data but could not be read."""
    sheet: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"sheet '{self.sheet}' row {self.row}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "reason": self.reason}


@dataclasses.dataclass
class ParsedRow:
    sheet: str
    row_number: int
    fields: dict[str, Any]
    colour: str | None = None  # "new" (blue text), "updated" (red text) or None
    # The fields the sheet says something about (it has their column, or a heading or section
    # gives them); the others hold defaults. None: all of them.
    given: frozenset[str] | None = None
    # on a row the officer hid, or on a hidden sheet (imported all the same)
    hidden: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row_number, "colour": self.colour,
                "hidden": self.hidden,
                "fields": {k: v.isoformat() if hasattr(v, "isoformat") else v
                           for k, v in self.fields.items()},
                "given": sorted(self.given) if self.given is not None else None}


@dataclasses.dataclass
class ParsedWorkbook:
    kind: str
    rows: list[ParsedRow]
    skipped: list[Skip]
    source: str = ""
    notes: list[str] = dataclasses.field(default_factory=list)
    # what the summary names: the hidden sheets (with or without records) and the hidden rows
    # with something in them, (sheet, row) as Excel counts
    hidden_sheets: list[str] = dataclasses.field(default_factory=list)
    hidden_rows: list[tuple[str, int]] = dataclasses.field(default_factory=list)
    # (sheet, header) of each column of records that is an Excel formula (xlsx_formulas)
    formula_columns: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    # the committee each sheet read names in its title ("" for none), and the sheets of other
    # committees than the one imported into, (sheet, committee): see xlsx_committees
    sheet_committees: dict[str, str] = dataclasses.field(default_factory=dict)
    other_committees: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source,
                "rows": [r.as_dict() for r in self.rows],
                "skipped": [s.as_dict() for s in self.skipped], "notes": list(self.notes),
                "hidden_sheets": list(self.hidden_sheets),
                "hidden_rows": [{"sheet": s, "row": r} for s, r in self.hidden_rows],
                "formula_columns": [{"sheet": s, "header": h} for s, h in self.formula_columns],
                "other_committees": [{"sheet": s, "committee": c}
                                     for s, c in self.other_committees]}
