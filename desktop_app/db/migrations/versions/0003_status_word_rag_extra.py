"""status word, RAG and extra columns (issue 13)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 04:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_TABLES = ("actions", "recommendations", "work_programme_items")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("status_word", sa.Text(), nullable=False,
                                       server_default=""))
            batch.add_column(sa.Column("rag", sa.String(length=10), nullable=False,
                                       server_default=""))
            batch.add_column(sa.Column("extra", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extra")
            batch.drop_column("rag")
            batch.drop_column("status_word")
