"""Row counts per table: for checks, the welcome page and tests."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_app.db.engine import Database
from desktop_app.db.models import Action, Committee, Recommendation, WorkProgrammeItem


def counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        return {
            "committees": s.scalar(select(func.count()).select_from(Committee)) or 0,
            "actions": s.scalar(select(func.count()).select_from(Action)) or 0,
            "recommendations": s.scalar(select(func.count()).select_from(Recommendation)) or 0,
            "work_programme_items": s.scalar(select(func.count()).select_from(WorkProgrammeItem)) or 0,
        }
