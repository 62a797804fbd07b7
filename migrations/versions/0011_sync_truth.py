"""sync truth: what HQ confirmed in the last run, a pending note that HQ had lost revisions it
once acknowledged, and HQ's instructions known by their own id (HQ restored from a backup hands
out its numbers again), and whether this file was restored from a backup since HQ last answered

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(
            sa.Column("confirmed_seq", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("hq_behind", sa.String(), server_default="", nullable=False))
        batch.add_column(
            sa.Column("instruction_cursor_uid", sa.String(), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("restored", sa.Boolean(), server_default="0", nullable=False))
    with op.batch_alter_table("hq_instruction") as batch:
        batch.add_column(sa.Column("uid", sa.String(), nullable=True))
        batch.create_index(op.f("ix_hq_instruction_uid"), ["uid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("hq_instruction") as batch:
        batch.drop_index(op.f("ix_hq_instruction_uid"))
        batch.drop_column("uid")
    with op.batch_alter_table("sync_state") as batch:
        for column in ("restored", "instruction_cursor_uid", "hq_behind", "confirmed_seq"):
            batch.drop_column(column)
