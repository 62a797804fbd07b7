"""shift handover: the outgoing officer's note and open work, the incoming one's
acknowledgement

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 13:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("from_officer_id", sa.String(), nullable=False),
        sa.Column("shift_start", sa.String(), nullable=False),
        sa.Column("written_at", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("receipts", sa.String(), nullable=False),
        sa.Column("visits", sa.String(), nullable=False),
        sa.Column("to_officer_id", sa.String(), nullable=True),
        sa.Column("acknowledged_at", sa.String(), nullable=False),
        sa.Column("acknowledgement", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["from_officer_id"], ["officer.id"]),
        sa.ForeignKeyConstraint(["to_officer_id"], ["officer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_handover_open", "handover", ["acknowledged_at", "written_at"])


def downgrade() -> None:
    op.drop_index("ix_handover_open", table_name="handover")
    op.drop_table("handover")
