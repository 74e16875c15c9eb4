"""the verdict as written; the database's identity (issues 13 and 18)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 09:00:00

``recommendations.verdict_word``: the verdict as the officer's tracker wrote it ("Agreed in
part"), kept beside the mapped verdict, shown and exported back.

``database_identity``: one row with a random token naming the database, made the first time
something needs it (a calendar export's event UIDs), so that exporting again gives the same
UIDs and two databases never give the same ones.

(Written on the calendar branch with down_revision 0005; re-chained onto 0006 when merged.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recommendations") as batch:
        batch.add_column(sa.Column("verdict_word", sa.Text(), nullable=False,
                                   server_default=""))
    op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_identity")))


def downgrade() -> None:
    op.drop_table("database_identity")
    with op.batch_alter_table("recommendations") as batch:
        batch.drop_column("verdict_word")
