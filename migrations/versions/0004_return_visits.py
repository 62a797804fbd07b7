"""return visits: one revision log for every kind of record, safe contact, visits, care register

The revision log becomes `revision` with `record_id` and `record_kind`: a visit's outcome is a
revision like any report change, so it reaches HQ through the same outbox. Rows are copied
as they are (ids, seqs and hashes unchanged); only the foreign key to `report` goes, because a
revision may now describe a visit or a care person.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 01:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revision",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("record_kind", sa.String(), server_default="report", nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.String(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("changes", sa.String(), nullable=False),
        sa.Column("payload", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_revision_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision")),
        sa.UniqueConstraint("record_id", "revision_no", name=op.f("uq_revision_record_id")),
        sa.UniqueConstraint("seq", name=op.f("uq_revision_seq")),
    )
    op.execute(
        "INSERT INTO revision (id, record_kind, record_id, revision_no, parent_id, seq,"
        " generation, officer_id, recorded_at, action, changes, payload, sha256)"
        " SELECT id, 'report', report_id, revision_no, parent_id, seq, generation, officer_id,"
        " recorded_at, action, changes, payload, sha256 FROM report_revision ORDER BY seq"
    )
    op.drop_table("report_revision")
    op.create_index(op.f("ix_revision_record_id"), "revision", ["record_id"], unique=False)

    with op.batch_alter_table("report") as batch:
        batch.add_column(
            sa.Column("safe_contact", sa.Boolean(), server_default="0", nullable=False)
        )

    op.create_table(
        "care_person",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("id_number", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("grid", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("safe_contact", sa.Boolean(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_care_person_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_person")),
    )
    op.create_table(
        "visit",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(), nullable=True),
        sa.Column("person_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("sequence_no", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("due_date", sa.String(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=True),
        sa.Column("grid", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("safe_contact", sa.Boolean(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("outcome_at", sa.String(), nullable=False),
        sa.Column("outcome_day", sa.String(), nullable=False),
        sa.Column("satisfaction", sa.String(), nullable=False),
        sa.Column("problem_solved", sa.String(), nullable=False),
        sa.Column("needs", sa.String(), nullable=False),
        sa.Column("not_reached_reason", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.Column("supervision", sa.Boolean(), nullable=False),
        sa.Column("rectification_due", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(), nullable=False),
        sa.Column("updated_utc", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_visit_officer_id_officer")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["care_person.id"], name=op.f("fk_visit_person_id_care_person")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_visit_report_id_report")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
        sa.UniqueConstraint("number", name=op.f("uq_visit_number")),
    )
    op.create_index("ix_visit_status_due", "visit", ["status", "due_date"])
    op.create_index("ix_visit_officer_status_due", "visit", ["officer_id", "status", "due_date"])
    op.create_index("ix_visit_due_officer_status", "visit", ["due_date", "officer_id", "status"])
    op.create_index(
        "ix_visit_outcome_officer_satisfaction",
        "visit",
        ["outcome_day", "officer_id", "satisfaction"],
    )
    op.create_index("ix_visit_supervision", "visit", ["supervision", "rectification_due"])
    op.create_index("ix_visit_status_grid", "visit", ["status", "grid"])
    op.create_index(op.f("ix_visit_report_id"), "visit", ["report_id"])
    op.create_index(op.f("ix_visit_person_id"), "visit", ["person_id"])


def downgrade() -> None:
    op.drop_table("visit")
    op.drop_table("care_person")
    with op.batch_alter_table("report") as batch:
        batch.drop_column("safe_contact")
    op.create_table(
        "report_revision",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("report_id", sa.String(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.String(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("changes", sa.String(), nullable=False),
        sa.Column("payload", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_report_revision_officer_id_officer")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_report_revision_report_id_report")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_revision")),
        sa.UniqueConstraint("report_id", "revision_no", name=op.f("uq_report_revision_report_id")),
        sa.UniqueConstraint("seq", name=op.f("uq_report_revision_seq")),
    )
    # Only report revisions fit the old table; visit history has nowhere to go on a downgrade.
    op.execute(
        "INSERT INTO report_revision SELECT id, record_id, revision_no, parent_id, seq,"
        " generation, officer_id, recorded_at, action, changes, payload, sha256 FROM revision"
        " WHERE record_kind = 'report' ORDER BY seq"
    )
    op.drop_table("revision")
    op.create_index(
        op.f("ix_report_revision_report_id"), "report_revision", ["report_id"], unique=False
    )
