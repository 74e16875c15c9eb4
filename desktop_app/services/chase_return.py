"""Reading an owner's workbook back: a cell-level review, then the accepted changes applied."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.db import audit
from desktop_app.db.engine import Database
from desktop_app.db.models import Action, ProgressUpdate, Recommendation
from desktop_app.domain.enums import Verdict
from desktop_app.services.common import today
from desktop_app.services import actions, recommendations
from desktop_app.exporters.chase_xlsx import first_record_row, read_original
from desktop_app.services.chase import ACTION_FIELDS, MARK, META_SHEET, REC_FIELDS
from desktop_app.services.errors import NotFound, ServiceError


@dataclasses.dataclass
class CellChange:
    kind: str              # "action" or "recommendation"
    id: int
    field: str             # "progress", "response", "verdict"
    label: str             # what the row is, for people
    sent: str              # the value when the workbook was sent
    owner: str             # the value the owner typed
    current: str           # the value in the app now
    sheet: str
    row: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}:{self.field}"

    @property
    def conflict(self) -> bool:
        """Changed in the app since the workbook was sent, and differently by the owner."""
        return self.current != self.sent and self.current != self.owner

    def as_dict(self) -> dict:
        return {**dataclasses.asdict(self), "key": self.key, "conflict": self.conflict}


@dataclasses.dataclass
class ChaseReview:
    path: Path
    committee: str
    owner: str
    sent: str
    changes: list[CellChange]
    added_rows: list[tuple[str, int]]
    deleted: list[str]

    def as_dict(self) -> dict:
        return {"file": str(self.path), "committee": self.committee, "owner": self.owner,
                "sent": self.sent, "changes": [c.as_dict() for c in self.changes],
                "added_rows": [{"sheet": s, "row": r} for s, r in self.added_rows],
                "deleted_rows": self.deleted}


def is_chase_workbook(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            return "xl/workbook.xml" in names and META_SHEET.encode() in z.read("xl/workbook.xml")
    except (OSError, zipfile.BadZipFile, KeyError):
        return False


def _norm(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _verdict(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def read_returned(db: Database, path: Path) -> ChaseReview:
    try:
        wb = load_workbook(path)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        raise ServiceError(f"{path}: cannot read the workbook ({exc})") from None
    if META_SHEET not in wb.sheetnames or wb[META_SHEET]["B1"].value != MARK:
        raise ServiceError(f"{path}: not a workbook sent by 'chase' (its hidden key sheet is missing)")
    meta = wb[META_SHEET]
    try:
        original: dict[str, dict[str, str]] = json.loads(read_original(meta))
    except json.JSONDecodeError:
        raise ServiceError(f"{path}: the hidden key sheet was damaged") from None
    changes: list[CellChange] = []
    added: list[tuple[str, int]] = []
    seen: set[str] = set()
    layouts = {"Actions": ("action", {"progress": 6}, 3),
               "Responses": ("recommendation", {"response": 5, "verdict": 6}, 3)}
    for sheet, (kind, columns, label_col) in layouts.items():
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        for r in range(first_record_row(ws), ws.max_row + 1):
            key = _norm(ws.cell(row=r, column=7).value)
            values = [_norm(ws.cell(row=r, column=c).value) for c in range(1, 7)]
            if not key:
                if any(values):
                    added.append((sheet, r))
                continue
            if key not in original:
                added.append((sheet, r))
                continue
            seen.add(key)
            _, ident, _version = key.split(":")
            try:
                current_row = (actions.get_action(db, int(ident)) if kind == "action"
                               else recommendations.get_recommendation(db, int(ident)))
            except NotFound:
                current_row = None
            for field, col in columns.items():
                typed = _norm(ws.cell(row=r, column=col).value)
                sent = _norm(original[key].get(field))
                if field == "verdict":
                    typed, sent = _verdict(typed) or sent, _verdict(sent)
                if typed == sent:
                    continue
                current = _norm(getattr(current_row, field)) if current_row else "(deleted)"
                changes.append(CellChange(kind, int(ident), field,
                                          _norm(ws.cell(row=r, column=label_col).value)[:80],
                                          sent, typed, current, sheet, r))
    deleted = [k for k in original if k not in seen]
    return ChaseReview(path, _norm(meta["B2"].value), _norm(meta["B3"].value),
                       _norm(meta["B4"].value), changes, added, deleted)


def select_changes(review: ChaseReview, accept: str | list[str]) -> list[CellChange]:
    """'all', 'none', 'non-conflicting', or a list of keys such as 'action:12:progress'."""
    if accept == "all":
        return list(review.changes)
    if accept in ("none", ""):
        return []
    if accept == "non-conflicting":
        return [c for c in review.changes if not c.conflict]
    keys = set(accept if isinstance(accept, list) else accept.split(","))
    unknown = keys - {c.key for c in review.changes}
    if unknown:
        raise ServiceError(f"no such change in {review.path.name}: {', '.join(sorted(unknown))}")
    return [c for c in review.changes if c.key in keys]


def apply_changes(db: Database, review: ChaseReview, chosen: list[CellChange],
                  on: dt.date | None = None,
                  tick: Callable[[int, int], None] | None = None) -> int:
    """Apply the accepted changes, all in one transaction, as dated updates written by the
    owner: the audit trail names the owner as the author. ``tick(done, all)`` is called before
    the first change and just before the commit; an exception it raises rolls back."""
    when = on or today()
    token = audit.set_current_user(review.owner)
    try:
        with db.unit_of_work() as s:
            if tick is not None:
                tick(0, len(chosen))
            for c in chosen:
                model = Action if c.kind == "action" else Recommendation
                row = s.get(model, c.id)
                if row is None:
                    raise ServiceError(f"{c.kind} {c.id} was deleted in the app; cannot apply "
                                       f"{review.owner}'s change")
                if c.field == "verdict" and isinstance(row, Recommendation):
                    row.verdict = Verdict.parse(c.owner)
                else:
                    setattr(row, c.field, c.owner)
                    row.updates.append(ProgressUpdate(on=when, text=c.owner, author=review.owner))
                    if (c.field == "response" and isinstance(row, Recommendation)
                            and row.response_on is None):
                        row.response_on = when
                row.updated_on = when
            if tick is not None:
                tick(len(chosen), len(chosen))
    finally:
        audit._current_user.reset(token)
    return len(chosen)


__all__ = ["ACTION_FIELDS", "REC_FIELDS", "ChaseReview", "CellChange", "apply_changes",
           "is_chase_workbook", "read_returned", "select_changes"]
