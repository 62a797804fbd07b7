"""record kinds: HQ holds visits and care persons as well as reports

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant default: PostgreSQL adds such a column without rewriting the table.
    with op.batch_alter_table("hq_revision") as batch:
        batch.add_column(
            sa.Column("record_kind", sa.String(), server_default="report", nullable=False)
        )
    with op.batch_alter_table("hq_record") as batch:
        batch.add_column(sa.Column("kind", sa.String(), server_default="report", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("hq_record") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("hq_revision") as batch:
        batch.drop_column("record_kind")
