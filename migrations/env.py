"""Alembic environment for the station database (SQLite, batch mode).

Run programmatically by app.db.migrate with a live connection in config.attributes; the
`alembic` command line works too with `-x db=PATH` for development (alembic check).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from app.db.models import Base

config = context.config
target_metadata = Base.metadata

# Virtual FTS5 tables and their shadow tables are created by raw SQL in migrations.
UNMANAGED_PREFIXES = ("report_fts",)


def include_name(name, type_, parent_names):  # noqa: ANN001, ANN201
    return not (type_ == "table" and name and name.startswith(UNMANAGED_PREFIXES))


def _configure(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    db_path = context.get_x_argument(as_dictionary=True).get("db")
    if not db_path:
        raise SystemExit("pass the database file with: alembic -x db=PATH ...")
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
