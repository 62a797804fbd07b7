"""exactly once across HQ disasters: a station generation refused because a second computer
uses the station's identity, and instructions with an id of their own that a restore from a
backup cannot hand out again

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hq_generation") as batch:
        batch.add_column(
            sa.Column("refused", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("hq_instruction") as batch:
        batch.add_column(sa.Column("uid", sa.String(), nullable=True))
    conn = op.get_bind()
    ids = conn.execute(sa.text("SELECT id FROM hq_instruction")).scalars().all()
    for instruction_id in ids:
        conn.execute(
            sa.text("UPDATE hq_instruction SET uid = :uid WHERE id = :id"),
            {"uid": str(uuid.uuid4()), "id": instruction_id},
        )
    with op.batch_alter_table("hq_instruction") as batch:
        batch.alter_column("uid", existing_type=sa.String(), nullable=False)
        batch.create_index(op.f("ix_hq_instruction_uid"), ["uid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("hq_instruction") as batch:
        batch.drop_index(op.f("ix_hq_instruction_uid"))
        batch.drop_column("uid")
    with op.batch_alter_table("hq_generation") as batch:
        batch.drop_column("refused")
