"""cross-station matches wait for an operator: a review state on each sheet (the ones already
sent count as issued), and the log of every disclosure of one station's data to another

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hq_reminder") as batch:
        batch.add_column(sa.Column("status", sa.String(), server_default="issued", nullable=False))
        batch.add_column(sa.Column("decided_utc", sa.String(), server_default="", nullable=False))
        batch.add_column(sa.Column("decided_by", sa.String(), server_default="", nullable=False))
    op.create_table(
        "hq_disclosure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reminder_code", sa.String(), nullable=False),
        sa.Column("to_station_id", sa.Integer(), nullable=False),
        sa.Column("about_units", sa.String(), nullable=False),
        sa.Column("fields", sa.String(), nullable=False),
        sa.Column("operator", sa.String(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["to_station_id"],
            ["hq_station.id"],
            name=op.f("fk_hq_disclosure_to_station_id_hq_station"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_disclosure")),
    )


def downgrade() -> None:
    op.drop_table("hq_disclosure")
    with op.batch_alter_table("hq_reminder") as batch:
        for column in ("decided_by", "decided_utc", "status"):
            batch.drop_column(column)
