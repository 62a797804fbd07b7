"""sync: acknowledged watermark and generation base on the station, sync state, HQ instructions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.add_column(
            sa.Column("generation_base", sa.Integer(), nullable=False, server_default="1")
        )
        batch.add_column(sa.Column("acked_seq", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hq_url", sa.String(), nullable=False),
        sa.Column("ca_bundle", sa.String(), nullable=False),
        sa.Column("allow_http", sa.Boolean(), nullable=False),
        sa.Column("enrolled_utc", sa.String(), nullable=True),
        sa.Column("last_attempt_utc", sa.String(), nullable=True),
        sa.Column("last_success_utc", sa.String(), nullable=True),
        sa.Column("last_error", sa.String(), nullable=False),
        sa.Column("last_error_code", sa.String(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_utc", sa.String(), nullable=True),
        sa.Column("clock_skew_seconds", sa.Double(), nullable=True),
        sa.Column("instruction_cursor", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(), nullable=False),
        sa.Column("lease_until_utc", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_rejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("recorded_utc", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_rejection")),
    )
    op.create_table(
        "hq_instruction",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("payload", sa.String(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("received_utc", sa.String(), nullable=False),
        sa.Column("read", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_instruction")),
    )


def downgrade() -> None:
    op.drop_table("hq_instruction")
    op.drop_table("sync_rejection")
    op.drop_table("sync_state")
    with op.batch_alter_table("station") as batch:
        batch.drop_column("acked_seq")
        batch.drop_column("generation_base")
