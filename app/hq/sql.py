"""HQ's database engine, and SQL that differs between HQ's PostgreSQL and the SQLite it runs on
for a demo."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from app.common.database import sqlite_engine


def server_url(url: str) -> str:
    """Accept the usual spellings of a PostgreSQL URL and pick the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_server_engine(url: str) -> Engine:
    """Headquarters' engine: PostgreSQL in production, a SQLite file for a demo."""
    url = server_url(url)
    if url.startswith("sqlite"):
        return sqlite_engine(url, always_immediate=True)
    return create_engine(url, pool_size=20, max_overflow=30, pool_pre_ping=True)


def dialect_insert(session: Session, table: Any) -> Any:
    """INSERT with ON CONFLICT clauses, in the dialect at hand (PostgreSQL or SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)
