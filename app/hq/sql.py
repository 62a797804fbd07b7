"""SQL that differs between HQ's PostgreSQL and the SQLite it runs on for a demo."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def dialect_insert(session: Session, table: Any) -> Any:
    """INSERT with ON CONFLICT clauses, in the dialect at hand (PostgreSQL or SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)
