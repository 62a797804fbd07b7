"""daily review: the chief's sign-off of each report, its flags and comment for the officer,
and an officer's request for the chief's look

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_review",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("report_id", sa.String(), nullable=False),
        sa.Column("day", sa.String(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=True),
        sa.Column("requested_by", sa.String(), nullable=True),
        sa.Column("requested_at", sa.String(), nullable=False),
        sa.Column("request_note", sa.String(), nullable=False),
        sa.Column("reviewed_by", sa.String(), nullable=True),
        sa.Column("reviewed_at", sa.String(), nullable=False),
        sa.Column("flags", sa.String(), nullable=False),
        sa.Column("comment", sa.String(), nullable=False),
        sa.Column("read_at", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"]),
        sa.ForeignKeyConstraint(["officer_id"], ["officer.id"]),
        sa.ForeignKeyConstraint(["requested_by"], ["officer.id"]),
        sa.ForeignKeyConstraint(["reviewed_by"], ["officer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_report_review_report_id", "report_review", ["report_id"])
    op.create_index("ix_report_review_officer", "report_review", ["officer_id", "read_at"])
    op.create_index("ix_report_review_day", "report_review", ["day", "comment"])
    op.create_index("ix_report_review_open", "report_review", ["reviewed_at", "requested_at"])


def downgrade() -> None:
    op.drop_index("ix_report_review_report_id", table_name="report_review")
    op.drop_index("ix_report_review_open", table_name="report_review")
    op.drop_index("ix_report_review_day", table_name="report_review")
    op.drop_index("ix_report_review_officer", table_name="report_review")
    op.drop_table("report_review")
