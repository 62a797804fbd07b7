"""warning letter committee notice: the residents' or villagers' committee told of a letter
(Anti-Domestic Violence Law art. 17) and the station's later check with it

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 12:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS = (
    "committee_name",
    "committee_contact",
    "committee_how",
    "committee_notified_on",
    "committee_check_due",
    "committee_checked_on",
    "committee_check_note",
)


def upgrade() -> None:
    with op.batch_alter_table("warning_letter") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("warning_letter") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
