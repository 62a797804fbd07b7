"""The one place that opens the station file: its engine, and `Store`, the short sessions the
services work in.

The station file is opened through SQLCipher (app.db.cipher) with its key, and set up as every
SQLite connection is (app.common.database): WAL, synchronous=FULL, foreign keys, a busy timeout,
and transactions we open ourselves (BEGIN IMMEDIATE for writes).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app import errors
from app.common.database import BUSY_TIMEOUT_MS, own_transactions
from app.db import audit_seal, cipher
from app.db.cipher import DRIVER_ERRORS

HEAD_SQL = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"


def make_engine(path: Path, key: bytes | None) -> Engine:
    """The station file's engine. `key` None opens an unencrypted file (through the same
    SQLCipher library): only the benchmark that prices encryption does that."""
    # A file database's pool, as SQLAlchemy gives any SQLite file: the URL names no file
    # (the connection comes from `creator`), which would otherwise get the one-per-thread pool
    # meant for in-memory databases.
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3,
        creator=lambda: cipher.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000),
        poolclass=QueuePool,
        # The connection used last is handed out again: in WAL mode a connection throws its
        # whole page cache away when it finds that another connection has written since it
        # last read, and with an encrypted file every page read again is decrypted again.
        pool_use_lifo=True,
    )
    own_transactions(engine, always_immediate=False)
    return engine


def translate(exc: BaseException) -> errors.DatabaseError:
    """Map a driver error to a typed error the UI can explain."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(original).lower()
    if "locked" in text or "busy" in text:
        return errors.DatabaseLockedError(str(original))
    if "readonly" in text or "read-only" in text or "read only" in text:
        return errors.DatabaseReadOnlyError(str(original))
    if "full" in text:
        return errors.DatabaseFullError(str(original))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return errors.DatabaseCorruptError(str(original))
    if "unable to open" in text:
        return errors.DatabaseReadOnlyError(str(original))
    return errors.DatabaseError(str(original))


class Store:
    """A station database file with its engine; sessions are short, one per operation."""

    def __init__(self, path: Path, key: bytes | None) -> None:
        self.path = path
        self.key = key
        self.engine = make_engine(path, key)
        self._writer = sessionmaker(
            bind=self.engine.execution_options(immediate=True), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._head = -1  # the audit head this Store saw last after a commit (to seal)
        self._audited: bool | None = None  # whether the file has an audit chain to seal

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error. The audit
        chain's head, once committed, is sealed outside the file."""
        try:
            audited = self._has_audit()
            with self._writer() as session, session.begin():
                yield session
                head = session.execute(text(HEAD_SQL)).first() if audited else None
        except (DBAPIError, *DRIVER_ERRORS) as exc:
            raise translate(exc) from exc
        self._seal(head)

    def _has_audit(self) -> bool:
        if self._audited is None:
            with self.engine.connect() as conn:
                found = conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'"
                ).first()
            self._audited = found is not None
        return self._audited

    def _seal(self, head: Any) -> None:
        """Seal a head that moved (the seal itself only ever moves forward, except when a
        restore puts it back, which another process may do: so the file decides, not a
        value remembered here)."""
        if head is not None and head[0] != self._head:
            self._head = int(head[0])
            audit_seal.advance(self.path.parent, self._head, str(head[1]))

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reader() as session, session.begin():
                yield session
        except (DBAPIError, *DRIVER_ERRORS) as exc:
            raise translate(exc) from exc

    @contextmanager
    def raw_write(self) -> Iterator[Any]:
        """A write transaction on the bare sqlite3 connection, for the one path where the ORM's
        own cost would dominate: the receive button. Same pragmas, same BEGIN IMMEDIATE."""
        try:
            audited = self._has_audit()
            raw = self.engine.raw_connection()
        except (DBAPIError, *DRIVER_ERRORS) as exc:
            raise translate(exc) from exc
        try:
            cursor = raw.driver_connection.cursor()  # type: ignore[union-attr]
            cursor.execute("BEGIN IMMEDIATE")
            try:
                yield cursor
                head = cursor.execute(HEAD_SQL).fetchone() if audited else None
                cursor.execute("COMMIT")
                self._seal(head)
            except BaseException:
                # A full disk makes SQLite roll back by itself; a second ROLLBACK would hide
                # the real error behind "no transaction is active".
                if raw.driver_connection.in_transaction:  # type: ignore[union-attr]
                    cursor.execute("ROLLBACK")
                raise
            finally:
                cursor.close()
        except DRIVER_ERRORS as exc:
            raise translate(exc) from exc
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()
