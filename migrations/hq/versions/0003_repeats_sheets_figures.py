"""cross-station repeat keys of the window, HQ reminder sheets, figure facts, operator tokens

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _key_table("hq_recent_key")
    op.create_index("ix_hq_recent_key_received", "hq_recent_key", ["received_utc"])
    op.create_table(
        "hq_reminder",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("key_kind", sa.String(), nullable=False),
        sa.Column("key_value", sa.String(), nullable=False),
        sa.Column("deadline", sa.String(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_reminder_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_reminder")),
        sa.UniqueConstraint("code", name=op.f("uq_hq_reminder_code")),
    )
    op.create_index("ix_hq_reminder_key", "hq_reminder", ["key_kind", "key_value", "created_utc"])
    op.create_table(
        "hq_fact",
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(), nullable=False),
        *(
            sa.Column(name, sa.String(), nullable=False)
            for name in (
                "incident_type",
                "status",
                "repeat_rule",
                "colour",
                "colour_status",
                "answer",
                "phone",
            )
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f("fk_hq_fact_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("station_id", "record_id", name=op.f("pk_hq_fact")),
    )
    op.create_index("ix_hq_fact_day", "hq_fact", ["kind", "day", "station_id"])
    op.create_index("ix_hq_fact_colour", "hq_fact", ["kind", "colour_status", "colour"])
    op.create_table(
        "hq_operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("token_sha256", sa.String(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hq_operator")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_hq_operator_token_sha256")),
    )


def _key_table(table: str) -> None:
    op.create_table(
        table,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("key_kind", sa.String(), nullable=False),
        sa.Column("key_value", sa.String(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("serial", sa.String(), nullable=False),
        sa.Column("incident_type", sa.String(), nullable=False),
        sa.Column("received_at", sa.String(), nullable=False),
        sa.Column("received_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["hq_station.id"], name=op.f(f"fk_{table}_station_id_hq_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint(
            "station_id",
            "record_id",
            "key_kind",
            "key_value",
            name=op.f(f"uq_{table}_station_id"),
        ),
    )
    op.create_index(f"ix_{table}_lookup", table, ["key_kind", "key_value", "received_utc"])


def downgrade() -> None:
    op.drop_table("hq_operator")
    op.drop_table("hq_fact")
    op.drop_table("hq_reminder")
    op.drop_table("hq_recent_key")
