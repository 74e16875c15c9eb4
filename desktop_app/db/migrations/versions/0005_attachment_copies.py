"""attachments kept as checked, sanitised copies in the database; audit entries carry the
row's version (issue 15)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 07:00:00

An attachment used to be a path to a file anywhere on the officer's disk, read when a pack was
built. Now the PDF is checked when it is attached (parsed, size and page limits) and a
sanitised copy is kept in the row (``content``, with its SHA-256, size and page count), so a
pack is built from what was checked, on any computer of the team. Rows from before keep
``content`` empty and are read from their path (and checked and sanitised) as before.

``audit_log.row_version``: the version of the row after the change, so that an edit refused
because the record changed names the changes made since the version the editor had.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(sa.Column("content", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("sha256", sa.String(length=64), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("size_bytes", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("page_count", sa.Integer(), nullable=False,
                                   server_default="0"))


    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("row_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("row_version")
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("page_count")
        batch.drop_column("size_bytes")
        batch.drop_column("sha256")
        batch.drop_column("content")
