"""repeat look-ups answered from the index: status (and the name, for a person at an address)
join the key indexes, so the live check counts without reading the report rows

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 08:50:00
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_OLD = {
    "ix_report_phone_received": ["reporter_phone", "received_utc"],
    "ix_report_id_number_received": ["reporter_id_number", "received_utc"],
    "ix_report_address_key_received": ["address_key", "received_utc"],
    "ix_report_place_key_received": ["place_key", "received_utc"],
}
_NEW = {
    "ix_report_phone_received": ["reporter_phone", "received_utc", "status"],
    "ix_report_id_number_received": ["reporter_id_number", "received_utc", "status"],
    "ix_report_address_key_received": [
        "address_key",
        "reporter_name",
        "received_utc",
        "status",
    ],
    "ix_report_place_key_received": ["place_key", "received_utc", "status"],
}


def _swap(indexes: dict[str, list[str]]) -> None:
    for name, columns in indexes.items():
        op.drop_index(name, table_name="report")
        op.create_index(name, "report", columns)


def upgrade() -> None:
    _swap(_NEW)


def downgrade() -> None:
    _swap(_OLD)
