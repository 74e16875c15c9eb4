"""The audit trail, read back."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.db.engine import Database
from desktop_app.db.models import AuditEntry
from desktop_app.domain.records import AuditRow
from desktop_app.services.common import find_committee


def history(db: Database, committee: str | None = None, table: str | None = None,
            row_id: int | None = None, limit: int | None = None) -> list[AuditRow]:
    with db.reading() as s:
        q = select(AuditEntry).order_by(AuditEntry.id)
        if committee:
            q = q.where(AuditEntry.committee_id == find_committee(s, committee).id)
        if table:
            q = q.where(AuditEntry.table_name == table)
        if row_id is not None:
            q = q.where(AuditEntry.row_id == row_id)
        if limit:
            q = q.limit(limit)
        return [AuditRow(id=e.id, at=e.at, who=e.who, table=e.table_name, row_id=e.row_id,
                         field=e.field, old=e.old, new=e.new, operation=e.operation)
                for e in s.scalars(q)]
