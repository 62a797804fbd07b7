"""warning letter approval note: why the chief who drafted a letter approved it too (a station
with a single chief)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 23:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("warning_letter") as batch:
        batch.add_column(sa.Column("approval_note", sa.String(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("warning_letter") as batch:
        batch.drop_column("approval_note")
