"""sync restart: a new generation's taking back of HQ's copies, kept until it is done, so a run
killed between the two still finishes it

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("restart", sa.String(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("restart")
