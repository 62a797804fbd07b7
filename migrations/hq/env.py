"""Alembic environment for the headquarters database (PostgreSQL, or SQLite for a demo).

Run programmatically by app.hq.schema with a live connection in config.attributes.
"""

from __future__ import annotations

from alembic import context

from app.hq.models import HqBase

config = context.config
target_metadata = HqBase.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        version_table="hq_alembic_version",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
