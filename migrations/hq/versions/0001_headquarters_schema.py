"""headquarters schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "hq_station",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(), nullable=False),
        sa.Column("unit_name", sa.String(), nullable=False),
        sa.Column("station_uuid", sa.String(), nullable=True),
        sa.Column("token_sha256", sa.String(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("enrolled_utc", sa.String(), nullable=True),
        sa.Column("last_contact_utc", sa.String(), nullable=True),
        sa.Column("clock_skew_seconds", sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_station")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_hq_station_token_sha256")),
        sa.UniqueConstraint("unit_code", name=op.f("uq_hq_station_unit_code")),
    )
    op.create_table(
        "hq_alarm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_alarm_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_alarm")),
    )
    op.create_table(
        "hq_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("revision_id", sa.String(), nullable=False),
        sa.Column("received_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_alias_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_alias")),
        sa.UniqueConstraint("station_id", "generation", "seq", name=op.f("uq_hq_alias_station_id")),
    )
    op.create_table(
        "hq_enrolment",
        sa.Column("code_sha256", sa.String(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("expires_utc", sa.String(), nullable=False),
        sa.Column("used_utc", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_enrolment_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("code_sha256", name=op.f("pk_hq_enrolment")),
    )
    op.create_table(
        "hq_generation",
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("base_seq", sa.BigInteger(), nullable=False),
        sa.Column("acknowledged_seq", sa.BigInteger(), nullable=False),
        sa.Column("high_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_generation_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("station_id", "generation", name=op.f("pk_hq_generation")),
    )
    op.create_table(
        "hq_instruction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_instruction_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_instruction")),
    )
    with op.batch_alter_table("hq_instruction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hq_instruction_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "hq_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("received_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_quarantine_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_quarantine")),
        sa.UniqueConstraint(
            "station_id", "generation", "seq", name=op.f("uq_hq_quarantine_station_id")
        ),
    )
    op.create_table(
        "hq_record",
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.String(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_record_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("station_id", "id", name=op.f("pk_hq_record")),
    )
    with op.batch_alter_table("hq_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hq_record_id"), ["id"], unique=False)

    op.create_table(
        "hq_revision",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.String(), nullable=True),
        sa.Column("recorded_at", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("officer_badge", sa.String(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("received_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_revision_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_revision")),
        sa.UniqueConstraint(
            "station_id", "generation", "seq", name=op.f("uq_hq_revision_station_id")
        ),
    )
    with op.batch_alter_table("hq_revision", schema=None) as batch_op:
        batch_op.create_index("ix_hq_revision_record", ["record_id", "revision_no"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("hq_revision", schema=None) as batch_op:
        batch_op.drop_index("ix_hq_revision_record")

    op.drop_table("hq_revision")
    with op.batch_alter_table("hq_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_record_id"))

    op.drop_table("hq_record")
    op.drop_table("hq_quarantine")
    with op.batch_alter_table("hq_instruction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hq_instruction_station_id"))

    op.drop_table("hq_instruction")
    op.drop_table("hq_generation")
    op.drop_table("hq_enrolment")
    op.drop_table("hq_alias")
    op.drop_table("hq_alarm")
    op.drop_table("hq_station")
