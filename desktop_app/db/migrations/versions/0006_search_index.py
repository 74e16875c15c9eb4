"""the full-text index for "Search everything" (issue 18)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 09:00:00

``attachments.text_content``: the words of an attached report PDF, extracted with pypdf when it
is attached; filled here from the stored copies (rows attached before 0005 have no copy and stay
empty). Then the index itself (db/search_index.py), filled from the existing data: on SQLite an
FTS5 table kept current by triggers, on PostgreSQL expression GIN indexes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.db import search_index
from desktop_app.db.pdf_text import pdf_text

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(sa.Column("text_content", sa.Text(), nullable=False,
                                   server_default=""))
    conn = op.get_bind()
    attachments = sa.table("attachments", sa.column("id", sa.Integer),
                           sa.column("content", sa.LargeBinary),
                           sa.column("text_content", sa.Text))
    ids = conn.execute(sa.select(attachments.c.id)
                       .where(attachments.c.content.is_not(None))).scalars().all()
    for attachment_id in ids:   # one at a time: a copy may be tens of megabytes
        data = conn.execute(sa.select(attachments.c.content)
                            .where(attachments.c.id == attachment_id)).scalar()
        words = pdf_text(data)
        if words:
            conn.execute(attachments.update().where(attachments.c.id == attachment_id)
                         .values(text_content=words))
    search_index.create(conn)


def downgrade() -> None:
    search_index.drop(op.get_bind())
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("text_content")
