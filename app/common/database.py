"""How the station's file and HQ's database are set up, wherever the engine is made (the station
file in app.db.engine, HQ's database in app.hq.sql): one naming convention for constraints, and
on SQLite our pragmas on every connection and transactions we open ourselves.

Every SQLite connection gets WAL, synchronous=FULL (a confirmed receipt survives power loss),
foreign keys and a busy timeout. Transactions are opened by us, not by the driver: write
sessions say BEGIN IMMEDIATE so two writers never deadlock half-way; reads use a plain deferred
BEGIN.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

BUSY_TIMEOUT_MS = 5000
# SQLite's own page cache, per connection, in KiB (negative = KiB). The default 2 MB keeps
# little of a million-report station; the OS file cache may be reclaimed under memory pressure
# (and is, on virtual desks), so the pages the desk reads again and again - indexes of the
# unfinished list, the visit queue, recent reports - are kept in the process. It fills only as
# pages are read.
CACHE_KIB = 32 * 1024
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    f"PRAGMA cache_size=-{CACHE_KIB}",
)


def apply_pragmas(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def own_transactions(engine: Engine, *, always_immediate: bool) -> None:
    """Our pragmas on every connection, and transactions we open ourselves: BEGIN IMMEDIATE
    for writes (or always, for HQ's demo database), a plain deferred BEGIN for reads."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if always_immediate or conn.get_execution_options().get("immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def sqlite_engine(url: str, *, always_immediate: bool) -> Engine:
    """A plain SQLite file by URL (HQ's demo database), set up like the station's."""
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    )
    own_transactions(engine, always_immediate=always_immediate)
    return engine
