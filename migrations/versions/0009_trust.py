"""trust: the tamper-evident audit chain (started from the revisions already saved), account
lock-out and forced password change, and HQ's watermark of the chain

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 09:40:00
"""

import sqlalchemy as sa
from alembic import op

from app.db import audit_chain

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 20_000


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at_utc", sa.String(), nullable=False),
        sa.Column("officer_id", sa.String(), nullable=True),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("record_kind", sa.String(), nullable=True),
        sa.Column("record_id", sa.String(), nullable=True),
        sa.Column("revision_id", sa.String(), nullable=True),
        sa.Column("revision_digest", sa.String(), nullable=True),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit")),
        sa.UniqueConstraint("revision_id", name=op.f("uq_audit_revision_id")),
    )
    op.create_index(op.f("ix_audit_record_id"), "audit", ["record_id"], unique=False)
    with op.batch_alter_table("officer") as batch:
        batch.add_column(
            sa.Column("failed_signins", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("locked_until_utc", sa.String(), nullable=True))
        batch.add_column(
            sa.Column("must_change_password", sa.Boolean(), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("password_changed_utc", sa.String(), nullable=True))
    with op.batch_alter_table("station") as batch:
        batch.add_column(
            sa.Column("audit_acked_seq", sa.Integer(), server_default="0", nullable=False)
        )
    _chain_existing_revisions()


def _chain_existing_revisions() -> None:
    """The chain starts with every revision already saved, in the order they were made; the
    first entry says the chain began at this upgrade (what came before is vouched for by the
    revisions' own hashes and by HQ's copy)."""
    conn = op.get_bind()

    def execute(sql: str, params: tuple) -> sa.CursorResult:
        return conn.exec_driver_sql(sql, params)

    started = conn.exec_driver_sql("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").scalar()
    count = conn.exec_driver_sql("SELECT count(*) FROM revision").scalar()
    audit_chain.append(
        execute,
        [
            audit_chain.Entry(
                at_utc=started,
                officer_id=None,
                action="chain_started",
                detail=audit_chain.canonical_detail({"revisions_before": count}),
            )
        ],
    )
    after = (-1, -1)
    while True:
        rows = conn.exec_driver_sql(
            "SELECT generation, seq, id, record_kind, record_id, revision_no, parent_id,"
            " officer_id, recorded_at, action, changes, sha256 FROM revision"
            " WHERE (generation, seq) > (?, ?) ORDER BY generation, seq LIMIT ?",
            (*after, BATCH),
        ).fetchall()
        if not rows:
            break
        audit_chain.append(
            execute,
            [audit_chain.revision_entry(at_utc=started, **_fields(r)) for r in rows],
        )
        after = (rows[-1][0], rows[-1][1])


def _fields(r: tuple) -> dict:
    names = ("revision_id", "record_kind", "record_id", "revision_no", "parent_id")
    names += ("officer_id", "recorded_at", "action", "changes", "payload_sha256")
    return dict(zip(names, r[2:], strict=True))


def downgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.drop_column("audit_acked_seq")
    with op.batch_alter_table("officer") as batch:
        batch.drop_column("password_changed_utc")
        batch.drop_column("must_change_password")
        batch.drop_column("locked_until_utc")
        batch.drop_column("failed_signins")
    op.drop_index(op.f("ix_audit_record_id"), table_name="audit")
    op.drop_table("audit")
