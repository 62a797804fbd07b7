"""five-colour early warning on reports, domestic-violence warning letters, reminder sheets

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_REPORT_COLUMNS = (
    ("risk_factors", "[]"),
    ("suggested_colour", ""),
    ("warning_colour", ""),
    ("colour_reason", ""),
    ("monitoring_level", ""),
    ("warning_status", ""),
)


def upgrade() -> None:
    with op.batch_alter_table("report") as batch:
        for name, default in _REPORT_COLUMNS:
            batch.add_column(sa.Column(name, sa.String(), nullable=False, server_default=default))
    op.create_index("ix_report_warning", "report", ["warning_status", "warning_colour"])
    op.create_table(
        "warning_letter",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("report_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("serial", sa.String(), nullable=False),
        sa.Column("serial_year", sa.Integer(), nullable=True),
        sa.Column("serial_no", sa.Integer(), nullable=True),
        sa.Column("abuser_name", sa.String(), nullable=False),
        sa.Column("abuser_id_number", sa.String(), nullable=False),
        sa.Column("abuser_address", sa.String(), nullable=False),
        sa.Column("victim_name", sa.String(), nullable=False),
        sa.Column("relation", sa.String(), nullable=False),
        sa.Column("facts", sa.String(), nullable=False),
        sa.Column("drafted_by", sa.String(), nullable=False),
        sa.Column("approved_by", sa.String(), nullable=True),
        sa.Column("approved_day", sa.String(), nullable=False),
        sa.Column("refusal_reason", sa.String(), nullable=False),
        sa.Column("served_at", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_warning_letter_report_id_report")
        ),
        sa.ForeignKeyConstraint(
            ["drafted_by"], ["officer.id"], name=op.f("fk_warning_letter_drafted_by_officer")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["officer.id"], name=op.f("fk_warning_letter_approved_by_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_letter")),
        sa.UniqueConstraint("serial_year", "serial_no", name=op.f("uq_warning_letter_serial_year")),
    )
    op.create_index(op.f("ix_warning_letter_report_id"), "warning_letter", ["report_id"])
    op.create_index("ix_warning_letter_approved", "warning_letter", ["status", "approved_day"])
    op.create_table(
        "reminder_sheet",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("issuing_unit", sa.String(), nullable=False),
        sa.Column("receiving_unit", sa.String(), nullable=False),
        sa.Column("rule_id", sa.String(), nullable=False),
        sa.Column("rule_label", sa.String(), nullable=False),
        sa.Column("key_kind", sa.String(), nullable=False),
        sa.Column("key_value", sa.String(), nullable=False),
        sa.Column("reports", sa.String(), nullable=False),
        sa.Column("case_id", sa.String(), nullable=True),
        sa.Column("officer_id", sa.String(), nullable=True),
        sa.Column("deadline", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        *(
            sa.Column(name, sa.String(), nullable=False)
            for name in (
                "receipt_text",
                "receipt_at",
                "progress_text",
                "progress_at",
                "result_text",
                "result_at",
                "cleared_at",
            )
        ),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_reminder_sheet_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_reminder_sheet_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sheet")),
        sa.UniqueConstraint("code", name=op.f("uq_reminder_sheet_code")),
    )
    op.create_index("ix_reminder_sheet_status_deadline", "reminder_sheet", ["status", "deadline"])


def downgrade() -> None:
    op.drop_table("reminder_sheet")
    op.drop_table("warning_letter")
    op.drop_index("ix_report_warning", "report")
    with op.batch_alter_table("report") as batch:
        for name, _default in reversed(_REPORT_COLUMNS):
            batch.drop_column(name)
