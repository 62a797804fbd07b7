"""Checking every page of an encrypted file against its authentication code, straight from the
file, in one sequential read that also gives the file's digest.

SQLCipher writes each page as ciphertext, the page's IV and an HMAC over both and the page
number, under a key derived from the station key and the file's salt. A page that carries the
code the key gives it is exactly what SQLCipher wrote there: a changed byte, a page moved to
another place or taken from another file (another salt) fails. This is what a backup is checked
with after writing; SQLCipher's own `PRAGMA cipher_integrity_check` would do the same but
computes page offsets in 32 bits and fails every page past 4 GiB of a sound file (SQLCipher
4.12; upstream issue 604, fixed in 4.17, which no binary wheel carries yet).

A backup is checked while it is being written (`follow`): SQLite's backup step writes pages 2
to N once each, in order, and page 1 (which holds the salt) last. So the file's digest is not a
plain SHA-256 of the file, which would need page 1 first, but `split_digest`: the SHA-256 of
page 1's SHA-256 followed by the SHA-256 of everything after page 1.

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
from typing import Any

from app.db.cipher import HMAC_KEY_KDF, KEY_BYTES, PAGE_SIZE, flush_and_drop

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
# Following a backup as it is written: read back every 8 MiB that reached the disk, leaving the
# last 1 MiB of it (a write may be under way there) for the next read.
FOLLOW_STEP_PAGES = 2048
MARGIN = 1024 * 1024


@dataclass
class PageScan:
    """What one pass over a file found."""

    pages: int = 0
    bad_pages: int = 0
    first_bad: list[int] = field(default_factory=list)  # page numbers, 1-based
    partial_page: bool = False  # the size is not a whole number of pages
    digest: str = ""  # split_digest of the file
    sha256: str = ""  # the plain SHA-256 of the whole file, when asked for

    @property
    def ok(self) -> bool:
        return self.pages > 0 and self.bad_pages == 0 and not self.partial_page


def hmac_key(key: bytes, salt: bytes) -> bytes:
    if len(key) != KEY_BYTES or len(salt) != SALT_BYTES:
        raise ValueError("a station key is 32 bytes and a file salt 16")
    mask = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac(HMAC_KEY_KDF, key, mask, FAST_KDF_ITER, KEY_BYTES)


def split_digest(first_page: bytes, rest: Any) -> str:
    """The file's digest from its first page and a SHA-256 object fed everything after it."""
    head = hashlib.sha256(first_page).digest()
    return hashlib.sha256(head + rest.digest()).hexdigest()


def file_digest(path: Path, *, whole: bool = False) -> tuple[str, str]:
    """(split_digest, plain SHA-256 if `whole` else "") of a file, without checking pages: for
    an unencrypted store, which has no page codes."""
    rest, plain = hashlib.sha256(), hashlib.sha256()
    with path.open("rb") as f:
        first = f.read(PAGE_SIZE)
        plain.update(first)
        while chunk := f.read(CHUNK_PAGES * PAGE_SIZE):
            rest.update(chunk)
            if whole:
                plain.update(chunk)
    return split_digest(first, rest), plain.hexdigest() if whole else ""


def scan(path: Path, key: bytes, *, drop_cache: bool = False, whole: bool = False) -> PageScan:
    """Authenticate every page of `path` and give its digest (and with `whole`, its plain
    SHA-256: manifests of the first format named that).

    The hashing runs in a second thread on the same chunks (hashlib lets go of the interpreter
    for large buffers), so the pass costs about what the page codes cost alone. With
    `drop_cache`, pages already in the OS cache are dropped first, so what is checked is what
    the disk gives back, not what the cache still holds (where the OS allows it)."""
    result = PageScan()
    rest, plain = hashlib.sha256(), hashlib.sha256()
    first_page = b""
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)

    def hash_chunks() -> None:
        nonlocal first_page
        while (chunk := chunks.get()) is not None:
            if not first_page:
                first_page = chunk[:PAGE_SIZE]
                rest.update(chunk[PAGE_SIZE:])
            else:
                rest.update(chunk)
            if whole:
                plain.update(chunk)

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
    result.digest = split_digest(first_page, rest)
    result.sha256 = plain.hexdigest() if whole else ""
    return result


def follow(channel: Any, path: Path, key: bytes, salt: bytes) -> PageScan:
    """In a worker process, beside SQLite's backup step writing `path`: check each page once it
    is on the disk, so that the read-back costs no time after the copy.

    `channel` (a multiprocessing connection) brings how many bytes of the file are on the disk
    and out of the OS cache (an int, from the copy's WritePacer), then True when the copy is
    complete and synced or False when it was given up. Pages 2 to N are written once, in
    order, and page 1 last, so it is read at the end (its salt must be the one the copy was
    given, or every page fails). The last MARGIN of what is said to be on the disk is left for
    the next read, in case a write was still under way there."""
    result = PageScan()
    mac_key = hmac_key(key, salt)
    rest = hashlib.sha256()
    checked = 1  # pages 2.. are checked in order; page 1 at the end
    with open(path, "rb", buffering=0) as f:
        fd = f.fileno()
        while (said := channel.recv()) is not True:
            if said is False:
                return result
            ready = (said - MARGIN) // PAGE_SIZE
            if ready - checked >= FOLLOW_STEP_PAGES:
                checked = _check_range(fd, checked, ready, mac_key, rest, result)
        size = os.fstat(fd).st_size
        flush_and_drop(fd, size)  # the rest: synced by the copy; read from the disk too
        checked = _check_range(fd, checked, size // PAGE_SIZE, mac_key, rest, result)
        first = os.pread(fd, PAGE_SIZE, 0)
    result.partial_page = size % PAGE_SIZE != 0 or checked != size // PAGE_SIZE
    result.pages = size // PAGE_SIZE
    if first[:SALT_BYTES] != salt:
        result.bad_pages, result.first_bad = result.pages, [1]
    elif len(first) == PAGE_SIZE:
        check_chunk(memoryview(first), 0, mac_key, result)
    result.digest = split_digest(first, rest)
    return result


def _check_range(fd: int, checked: int, ready: int, mac_key: bytes, rest: Any, r: PageScan) -> int:
    """Read pages checked+1..ready and check them. Returns the last page checked."""
    at, end = checked * PAGE_SIZE, ready * PAGE_SIZE
    while at < end:
        chunk = os.pread(fd, min(CHUNK_PAGES * PAGE_SIZE, end - at), at)
        if not chunk or len(chunk) % PAGE_SIZE:
            raise OSError(f"a short read at {at} of a copy being written")
        rest.update(chunk)
        check_chunk(memoryview(chunk), at // PAGE_SIZE, mac_key, r)
        at += len(chunk)
    return max(checked, ready)


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
