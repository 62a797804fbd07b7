"""case files: one case, one file, with linked reports and an action log

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 02:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_file",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("key_kind", sa.String(), nullable=False),
        sa.Column("key_value", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("rule_id", sa.String(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=True),
        sa.Column("plan", sa.String(), nullable=False),
        sa.Column("deadline", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("result", sa.String(), nullable=False),
        sa.Column("cleared_utc", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_case_file_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
        sa.UniqueConstraint("number", name=op.f("uq_case_file_number")),
    )
    op.create_index("ix_case_file_key", "case_file", ["key_kind", "key_value", "status"])
    op.create_table(
        "case_report",
        sa.Column("case_id", sa.String(), nullable=False),
        sa.Column("report_id", sa.String(), nullable=False),
        sa.Column("linked_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_report_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_case_report_report_id_report")
        ),
        sa.PrimaryKeyConstraint("case_id", "report_id", name=op.f("pk_case_report")),
    )
    op.create_index(op.f("ix_case_report_report_id"), "case_report", ["report_id"])
    op.create_table(
        "case_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_action_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_case_action_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_action")),
    )
    op.create_index(op.f("ix_case_action_case_id"), "case_action", ["case_id"])


def downgrade() -> None:
    op.drop_table("case_action")
    op.drop_table("case_report")
    op.drop_table("case_file")
