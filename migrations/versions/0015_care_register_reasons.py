"""care register reasons: why a person's risk grade changed and why they left the register

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 13:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("care_person") as batch:
        batch.add_column(sa.Column("grade_reason", sa.String(), server_default="", nullable=False))
        batch.add_column(
            sa.Column("removed_reason", sa.String(), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("care_person") as batch:
        batch.drop_column("removed_reason")
        batch.drop_column("grade_reason")
