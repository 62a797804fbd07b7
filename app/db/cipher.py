"""SQLCipher: the station file, its WAL and its backups are encrypted page by page.

A stolen desk PC must not give up the names, ID numbers and phone numbers in it, so the file is
opened through SQLCipher with a raw 256-bit key (no passphrase stretching: the key is random
and comes from the OS keyring, and a per-connection key derivation would tax every start and
every receive). The plain `sqlite3` module is not used for the station file anywhere: it would
see only noise.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import Protocol

import sqlcipher3

from app import errors

KEY_BYTES = 32
# SQLCipher 4's page authentication, with SHA-256 instead of its default SHA-512: the CPUs of
# desk PCs compute SHA-256 in hardware, and a receive writes some twenty pages, so this is
# most of what encryption costs the button. AES-256 and the per-page HMAC stay.
HMAC = "HMAC_SHA256"
# The rest of the page layout is SQLCipher 4's default, set explicitly all the same: backups
# are checked page by page straight from the file (app.db.page_auth), which relies on it.
# 4 KiB pages: 16 KiB pages read a million-report station a fifth faster (fewer pages to
# decrypt) but make every receive write four times the bytes: the receive then cost 2.1x the
# unencrypted store instead of 1.44x.
PAGE_SIZE = 4096
KDF = "PBKDF2_HMAC_SHA512"  # derives the page-authentication key from the raw key and salt
HMAC_KEY_KDF = "sha512"  # the same, as hashlib names it
PLAINTEXT_HEADER = b"SQLite format 3\x00"
# Errors from either driver: the plain one is still used for HQ's demo database.
DRIVER_ERRORS = (sqlite3.Error, sqlcipher3.Error)


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a station key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path | str, key: bytes | None, *, timeout: float = 5.0) -> sqlcipher3.Connection:
    """A connection that has been given its key before anything else touches the file.

    Transactions are opened by the caller (isolation_level None). Temporary tables and sort
    spills stay in memory so nothing decrypted is written beside the file."""
    conn = sqlcipher3.connect(
        str(path), timeout=timeout, check_same_thread=False, isolation_level=None
    )
    try:
        # SQLCipher's own log goes to stderr past our redactor (a wrong recovery key prints
        # "hmac check failed" lines on the console): every failure it logs reaches us as an
        # error of the call anyway, and is logged from there.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(key_pragma(key))
            conn.execute(f"PRAGMA cipher_hmac_algorithm = {HMAC}")
            conn.execute(f"PRAGMA cipher_kdf_algorithm = {KDF}")
            conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlcipher3.Error:
        conn.close()
        raise
    return conn


def is_plaintext(path: Path) -> bool:
    """An ordinary SQLite file begins with its magic string; an encrypted one with a random salt."""
    try:
        with path.open("rb") as f:
            return f.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER
    except OSError:
        return False


def check_readable(conn: sqlcipher3.Connection) -> None:
    """Reading the schema is the first moment a wrong key shows: SQLCipher then sees a page
    whose authentication code does not match and calls the file 'not a database'."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise errors.DatabaseKeyWrongError(str(exc)) from None
        raise


def copy_database(
    source: sqlcipher3.Connection,
    target: Path,
    key: bytes | None,
    *,
    flush_every: int = 0,
    watcher: CopyWatcher | None = None,
) -> None:
    """SQLite's online backup API into a new file under `key`, in one step: one consistent
    snapshot of a live database (WAL lets the desk go on writing meanwhile).

    With `flush_every`, the copy is pushed to the disk every so many bytes while it is written
    (see WritePacer). A `watcher` is told the new file's salt before the first page is written
    (page 1, which holds it, is written last) and how much of the file is on the disk as the
    copy goes on."""
    dst = connect(target, key)
    pacer = WritePacer(target, flush_every, watcher) if flush_every else None
    try:
        if pacer is not None:
            pacer.start()
        if key is not None and watcher is not None:
            watcher.salt(bytes.fromhex(dst.execute("PRAGMA cipher_salt").fetchone()[0]))
        source.backup(dst, pages=-1)
    finally:
        if pacer is not None:
            pacer.finish()
        dst.close()


class CopyWatcher(Protocol):
    """Follows a copy as it is written (a backup's read-back)."""

    def salt(self, salt: bytes) -> None: ...

    def flushed(self, size: int) -> None:
        """The first `size` bytes are on the disk and out of the OS cache."""


class WritePacer(threading.Thread):
    """Flushes a file that another thread is writing each time it has grown by `step` bytes,
    and lets the OS forget the flushed part.

    Left alone, the OS gathers gigabytes of a large copy in memory and writes them out in
    bursts; a commit at the desk (which waits for its own few pages to reach the disk) then
    queues behind a burst. Flushed in small steps, the disk never has more than `step` of the
    copy ahead of the desk. Dropping the flushed pages from the OS cache keeps the live
    database's pages there instead, and means a later read of the copy comes from the disk."""

    POLL_S = 0.01

    def __init__(self, path: Path, step: int, watcher: CopyWatcher | None = None) -> None:
        super().__init__(name="copy-pacer", daemon=True)
        self.path, self.step, self.watcher = path, step, watcher
        self._done = threading.Event()

    def run(self) -> None:
        fd: int | None = None
        flushed = 0
        try:
            while not self._done.wait(self.POLL_S):
                if fd is None:
                    try:
                        fd = os.open(self.path, os.O_RDWR)
                    except FileNotFoundError:
                        continue  # SQLite has not created it yet
                size = os.fstat(fd).st_size
                if size - flushed >= self.step:
                    flush_and_drop(fd, size)
                    flushed = size
                    if self.watcher is not None:
                        self.watcher.flushed(size)
        except OSError:
            pass  # pacing is a courtesy to the desk: the copy's own errors are what count
        finally:
            if fd is not None:
                os.close(fd)

    def finish(self) -> None:
        self._done.set()
        self.join()


def flush_and_drop(fd: int, size: int) -> None:
    """The first `size` bytes of a file on the disk, and out of the OS cache."""
    if hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:
        os.fsync(fd)
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, 0, size, os.POSIX_FADV_DONTNEED)


def encrypt_plaintext_file(path: Path, key: bytes) -> None:
    """Turn an unencrypted station file (from an earlier StationDesk) into an encrypted one.

    The plaintext WAL is folded in first, the encrypted copy is written beside the file and
    checked, and only then does it take the file's name; a crash at any point leaves either
    the old file or the new one, never half of each. The plaintext WAL and shared-memory files
    are removed with the old file."""
    work = path.with_name(path.name + ".encrypting")
    work.unlink(missing_ok=True)
    try:
        _write_encrypted_copy(path, work, key)
    except BaseException:
        work.unlink(missing_ok=True)
        raise
    os.replace(work, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _write_encrypted_copy(path: Path, work: Path, key: bytes) -> None:
    plain = connect(path, None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(work),))
        plain.execute(f"PRAGMA encrypted.cipher_hmac_algorithm = {HMAC}")
        plain.execute(f"PRAGMA encrypted.cipher_kdf_algorithm = {KDF}")
        plain.execute(f"PRAGMA encrypted.cipher_page_size = {PAGE_SIZE}")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = connect(work, key)
    try:
        check_readable(check)
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise errors.DatabaseCorruptError("the encrypted copy did not pass its check")
        check.execute("PRAGMA journal_mode = WAL")
    finally:
        check.close()
    fsync_file(work)


def fsync_file(path: Path) -> None:
    """The file's bytes on the disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fsync_file(folder)
