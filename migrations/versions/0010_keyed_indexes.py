"""keyed indexes: the report indexes by type, phone, ID number, address, place and warning hold only
the reports that have that value, so a receive (which has none yet) no longer writes them; the
revision index by record alone goes (the (record, number) index serves it)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23 15:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# As in app.db.models.KEYED_INDEXES when this was written: a migration does not follow later
# changes of the models.
KEYED = {
    "ix_report_type_received": ["incident_type", "received_utc"],
    "ix_report_phone_received": ["reporter_phone", "received_utc", "status"],
    "ix_report_id_number_received": ["reporter_id_number", "received_utc", "status"],
    "ix_report_address_key_received": ["address_key", "reporter_name", "received_utc", "status"],
    "ix_report_place_key_received": ["place_key", "received_utc", "status"],
    "ix_report_warning": ["warning_status", "warning_colour"],
}


def upgrade() -> None:
    for name, columns in KEYED.items():
        op.drop_index(name, table_name="report")
        op.create_index(name, "report", columns, sqlite_where=sa.text(f"{columns[0]} <> ''"))
        _analyze(name)
    op.drop_index("ix_revision_record_id", table_name="revision")


def _analyze(index: str) -> None:
    """A station whose planner has statistics gets them for the new index too: without them
    SQLite may prefer another index for the per-type counts of the supervision reports."""
    has_stats = (
        op.get_bind()
        .exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        .first()
    )
    if has_stats:
        op.execute(f"ANALYZE {index}")


def downgrade() -> None:
    op.create_index("ix_revision_record_id", "revision", ["record_id"])
    for name, columns in KEYED.items():
        op.drop_index(name, table_name="report")
        op.create_index(name, "report", columns)
