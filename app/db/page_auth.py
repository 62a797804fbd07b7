"""Checking every page of an encrypted file against its authentication code, straight from the
file, in one sequential read that also gives the file's SHA-256.

SQLCipher writes each page as ciphertext, the page's IV and an HMAC over both and the page
number, under a key derived from the station key and the file's salt. A page that carries the
code the key gives it is exactly what SQLCipher wrote there: a changed byte, a page moved to
another place or taken from another file (another salt) fails. This is what a backup is checked
with after writing; SQLCipher's own `PRAGMA cipher_integrity_check` would do the same but
computes page offsets in 32 bits and fails every page past 4 GiB of a sound file (SQLCipher
4.12; upstream issue 604, fixed in 4.17, which no binary wheel carries yet).

The layout constants are those `cipher.connect` sets explicitly; a test checks them against
files SQLCipher writes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path

from app.db.cipher import HMAC_KEY_KDF, KEY_BYTES, PAGE_SIZE

SALT_BYTES = 16
IV_BYTES = 16
MAC_BYTES = 32  # HMAC-SHA256
RESERVE = IV_BYTES + MAC_BYTES  # already a multiple of the AES block
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITER = 2
CHUNK_PAGES = 1024  # 4 MiB reads
# SQLite never writes the page that holds the lock bytes at 1 GiB (the "pending byte" page):
# a file past 1 GiB has a hole there, with no code to check.
LOCK_PAGE = 0x40000000 // PAGE_SIZE + 1
BAD_PAGES_KEPT = 20


@dataclass
class PageScan:
    """What one pass over a file found."""

    pages: int = 0
    bad_pages: int = 0
    first_bad: list[int] = field(default_factory=list)  # page numbers, 1-based
    partial_page: bool = False  # the size is not a whole number of pages
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return self.pages > 0 and self.bad_pages == 0 and not self.partial_page


def hmac_key(key: bytes, salt: bytes) -> bytes:
    if len(key) != KEY_BYTES or len(salt) != SALT_BYTES:
        raise ValueError("a station key is 32 bytes and a file salt 16")
    mask = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac(HMAC_KEY_KDF, key, mask, FAST_KDF_ITER, KEY_BYTES)


def scan(path: Path, key: bytes, *, drop_cache: bool = False) -> PageScan:
    """Authenticate every page of `path` and hash the whole file.

    The SHA-256 runs in a second thread on the same chunks (hashlib lets go of the interpreter
    for large buffers), so the pass costs about what the page codes cost alone. With
    `drop_cache`, pages already in the OS cache are dropped first, so what is checked is what
    the disk gives back, not what the cache still holds (where the OS allows it)."""
    result = PageScan()
    whole = hashlib.sha256()
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)

    def hash_chunks() -> None:
        while (chunk := chunks.get()) is not None:
            whole.update(chunk)

    hasher = threading.Thread(target=hash_chunks, name="backup-sha256", daemon=True)
    hasher.start()
    try:
        with path.open("rb") as f:  # buffered: a read returns whole chunks, never short
            size = os.fstat(f.fileno()).st_size
            if drop_cache and hasattr(os, "posix_fadvise"):
                os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            result.partial_page = size % PAGE_SIZE != 0
            mac_key: bytes | None = None
            pgno = 0
            while chunk := f.read(CHUNK_PAGES * PAGE_SIZE):
                chunks.put(chunk)
                if mac_key is None:
                    if len(chunk) < SALT_BYTES:
                        break
                    mac_key = hmac_key(key, chunk[:SALT_BYTES])
                check_chunk(memoryview(chunk), pgno, mac_key, result)
                pgno += len(chunk) // PAGE_SIZE
            result.pages = pgno
    finally:
        chunks.put(None)
        hasher.join()
    result.sha256 = whole.hexdigest()
    return result


def check_chunk(chunk: memoryview, before: int, mac_key: bytes, result: PageScan) -> None:
    """Check whole pages that follow page `before` in the file."""
    keyed = hmac.new(mac_key, digestmod="sha256")  # copied per page: the key is set up once
    compare = hmac.compare_digest
    body_end = PAGE_SIZE - MAC_BYTES
    for i in range(len(chunk) // PAGE_SIZE):
        pgno = before + i + 1
        if pgno == LOCK_PAGE:
            continue
        at = i * PAGE_SIZE
        start = at + (SALT_BYTES if pgno == 1 else 0)  # page 1 begins with the salt
        page = keyed.copy()
        page.update(chunk[start : at + body_end])  # ciphertext and IV
        page.update(pgno.to_bytes(4, "little"))
        if not compare(page.digest(), chunk[at + body_end : at + PAGE_SIZE]):
            result.bad_pages += 1
            if len(result.first_bad) < BAD_PAGES_KEPT:
                result.first_bad.append(pgno)
