"""attendance, minutes approval and per-committee print options (issue 14)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("substitute_for", sa.String(length=200), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_attendance_meeting_id_meetings"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_attendance_member_id_members"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
    )
    op.create_index(op.f("ix_attendance_meeting_id"), "attendance", ["meeting_id"])
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("minutes_approved_meeting_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("minutes_approved_on", sa.Date(), nullable=True))
        batch.create_foreign_key(op.f("fk_meetings_minutes_approved_meeting_id_meetings"),
                                 "meetings", ["minutes_approved_meeting_id"], ["id"],
                                 ondelete="SET NULL")
    with op.batch_alter_table("committees") as batch:
        batch.add_column(sa.Column("print_options", sa.Text(), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("committees") as batch:
        batch.drop_column("print_options")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_constraint(op.f("fk_meetings_minutes_approved_meeting_id_meetings"),
                              type_="foreignkey")
        batch.drop_column("minutes_approved_on")
        batch.drop_column("minutes_approved_meeting_id")
    op.drop_index(op.f("ix_attendance_meeting_id"), table_name="attendance")
    op.drop_table("attendance")
