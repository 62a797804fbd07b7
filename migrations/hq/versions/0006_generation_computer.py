"""the computer that last stored work in a station generation: a desk whose numbers HQ holds
from the same computer was put back from a backup; from another computer, it is a copy

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hq_generation") as batch:
        batch.add_column(sa.Column("computer", sa.String(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("hq_generation") as batch:
        batch.drop_column("computer")
