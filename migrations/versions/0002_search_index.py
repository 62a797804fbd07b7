"""search index: FTS5 over names (with pinyin), phone, ID number, address and summary

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    # Imported here, not at module level: the key derivation is shared with the live indexer.
    from app.domain.search_keys import name_index_text, split_cjk

    op.execute(
        "CREATE VIRTUAL TABLE report_fts USING fts5("
        "name, phone, id_number, address, summary, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT rowid, reporter_name, reporter_phone, reporter_id_number, "
            "reporter_address, summary FROM report"
        )
    ).fetchall()
    insert = sa.text(
        "INSERT INTO report_fts(rowid, name, phone, id_number, address, summary) "
        "VALUES (:rowid, :name, :phone, :id_number, :address, :summary)"
    )
    for start in range(0, len(rows), BATCH):
        conn.execute(
            insert,
            [
                {
                    "rowid": r[0],
                    "name": name_index_text(r[1]),
                    "phone": r[2],
                    "id_number": r[3].lower(),
                    "address": split_cjk(r[4]),
                    "summary": split_cjk(r[5]),
                }
                for r in rows[start : start + BATCH]
            ],
        )


def downgrade() -> None:
    op.execute("DROP TABLE report_fts")
