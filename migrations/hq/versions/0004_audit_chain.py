"""HQ follows each station's audit chain: last entry seen, its hash, generation and state

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hq_station") as batch:
        batch.add_column(sa.Column("audit_seq", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(
            sa.Column("audit_hash", sa.String(), server_default="0" * 64, nullable=False)
        )
        batch.add_column(
            sa.Column("audit_generation", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("audit_state", sa.String(), server_default="ok", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("hq_station") as batch:
        for column in ("audit_state", "audit_generation", "audit_hash", "audit_seq"):
            batch.drop_column(column)
