"""repeat detection: normalised address and place keys, the rule that fired, window indexes

The keys of existing reports are computed here with the same function the app uses, so a
repeat is found across reports saved before and after the upgrade.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 02:30:00
"""

import sqlalchemy as sa
from alembic import op

from app.domain.addresses import normalise_address

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("report") as batch:
        batch.add_column(sa.Column("address_key", sa.String(), server_default="", nullable=False))
        batch.add_column(sa.Column("place_key", sa.String(), server_default="", nullable=False))
        batch.add_column(sa.Column("repeat_rule", sa.String(), server_default="", nullable=False))
        batch.add_column(sa.Column("repeat_key", sa.String(), server_default="", nullable=False))
        batch.add_column(
            sa.Column("repeat_count", sa.Integer(), server_default="0", nullable=False)
        )
    dbapi = op.get_bind().connection.dbapi_connection
    dbapi.create_function("sd_normalise_address", 1, normalise_address, deterministic=True)
    op.execute(
        "UPDATE report SET address_key = sd_normalise_address(reporter_address),"
        " place_key = sd_normalise_address(incident_place)"
        " WHERE reporter_address != '' OR incident_place != ''"
    )
    op.drop_index("ix_report_phone", table_name="report")
    op.drop_index("ix_report_id_number", table_name="report")
    op.create_index("ix_report_phone_received", "report", ["reporter_phone", "received_utc"])
    op.create_index(
        "ix_report_id_number_received", "report", ["reporter_id_number", "received_utc"]
    )
    op.create_index("ix_report_address_key_received", "report", ["address_key", "received_utc"])
    op.create_index("ix_report_place_key_received", "report", ["place_key", "received_utc"])


def downgrade() -> None:
    for name in (
        "ix_report_place_key_received",
        "ix_report_address_key_received",
        "ix_report_id_number_received",
        "ix_report_phone_received",
    ):
        op.drop_index(name, table_name="report")
    op.create_index("ix_report_phone", "report", ["reporter_phone"])
    op.create_index("ix_report_id_number", "report", ["reporter_id_number"])
    with op.batch_alter_table("report") as batch:
        for column in ("repeat_count", "repeat_key", "repeat_rule", "place_key", "address_key"):
            batch.drop_column(column)
