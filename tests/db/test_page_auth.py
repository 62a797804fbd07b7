"""Every page of a file SQLCipher wrote authenticates under the station key; any change to a
page, a page moved, a page taken from another file or a file cut inside a page is named."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from pathlib import Path

from app.db import cipher, page_auth
from app.db.cipher import PAGE_SIZE


def _written(path: Path, key: bytes, rows: int = 200) -> bytes:
    conn = cipher.connect(path, key)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("BEGIN")
    for _ in range(rows):
        conn.execute("INSERT INTO t VALUES (randomblob(5000))")
    conn.execute("COMMIT")
    conn.close()
    return path.read_bytes()


def test_a_file_sqlcipher_wrote_passes_and_its_sha256_is_the_files(tmp_path: Path) -> None:
    key = os.urandom(32)
    data = _written(tmp_path / "a.db", key)
    result = page_auth.scan(tmp_path / "a.db", key)
    assert result.ok and result.pages == len(data) // PAGE_SIZE > 200
    head = hashlib.sha256(data[:PAGE_SIZE]).digest()
    assert (
        result.digest
        == hashlib.sha256(head + hashlib.sha256(data[PAGE_SIZE:]).digest()).hexdigest()
    )
    assert result.sha256 == ""  # the plain SHA-256 only when asked for
    assert (
        page_auth.scan(tmp_path / "a.db", key, whole=True).sha256
        == hashlib.sha256(data).hexdigest()
    )
    assert page_auth.file_digest(tmp_path / "a.db", whole=True) == (
        result.digest,
        hashlib.sha256(data).hexdigest(),
    )


def _follow_a_copy(
    path: Path, data: bytes, key: bytes, written: Callable[[int], bytes]
) -> page_auth.PageScan:
    """Write `data` as SQLite's backup step does (pages 2..N in order, page 1 last) in small
    steps while `follow` reads behind; `written(pgno)` gives the bytes actually put there."""
    ours, theirs = multiprocessing.Pipe()
    outcome: list[page_auth.PageScan] = []
    salt = data[: page_auth.SALT_BYTES]
    path.write_bytes(b"")  # SQLite creates the file when it opens it, before the salt is told
    follower = threading.Thread(
        target=lambda: outcome.append(page_auth.follow(theirs, path, key, salt))
    )
    follower.start()
    pages = len(data) // PAGE_SIZE
    with path.open("r+b") as f:
        for pgno in range(2, pages + 1):
            f.seek((pgno - 1) * PAGE_SIZE)
            f.write(written(pgno))
            if pgno % 64 == 0:
                f.flush()
                ours.send(pgno * PAGE_SIZE)  # as the copy's pacer says what reached the disk
        f.seek(0)
        f.write(written(1))
    ours.send(True)
    follower.join()
    return outcome[0]


def test_a_copy_is_checked_while_it_is_written(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(page_auth, "FOLLOW_STEP_PAGES", 128)
    monkeypatch.setattr(page_auth, "MARGIN", 16 * PAGE_SIZE)
    reads: list[int] = []
    real_range = page_auth._check_range
    monkeypatch.setattr(
        page_auth,
        "_check_range",
        lambda fd, done, ready, *a: reads.append(ready) or real_range(fd, done, ready, *a),
    )
    key = os.urandom(32)
    data = _written(tmp_path / "a.db", key, rows=400)

    def page(pgno: int) -> bytes:
        return data[(pgno - 1) * PAGE_SIZE : pgno * PAGE_SIZE]

    result = _follow_a_copy(tmp_path / "copy.db", data, key, page)
    assert result.ok and result.pages == len(data) // PAGE_SIZE
    assert len(reads) > 2 and reads[0] < result.pages  # read back while the copy went on
    assert result.digest == page_auth.scan(tmp_path / "a.db", key).digest

    def decayed(pgno: int) -> bytes:
        return page(pgno) if pgno != 300 else page(pgno)[:100] + b"X" + page(pgno)[101:]

    bad = _follow_a_copy(tmp_path / "bad.db", data, key, decayed)
    assert not bad.ok and bad.first_bad == [300]

    foreign = _written(tmp_path / "b.db", key)  # page 1 from another file: another salt
    mixed = _follow_a_copy(
        tmp_path / "mixed.db", data, key, lambda n: foreign[:PAGE_SIZE] if n == 1 else page(n)
    )
    assert not mixed.ok and mixed.first_bad == [1]


def test_a_copy_given_up_is_left_unread(tmp_path: Path) -> None:
    (tmp_path / "cut.db").write_bytes(bytes(PAGE_SIZE * 10))
    ours, theirs = multiprocessing.Pipe()
    ours.send(3 * PAGE_SIZE)
    ours.send(False)
    assert not page_auth.follow(theirs, tmp_path / "cut.db", os.urandom(32), os.urandom(16)).ok


def test_changed_moved_foreign_and_cut_pages_are_named(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "a.db"
    data = _written(path, key)
    pages = [data[i : i + PAGE_SIZE] for i in range(0, len(data), PAGE_SIZE)]

    changed = bytearray(data)
    changed[7 * PAGE_SIZE + 100] ^= 0x01  # one bit of page 8
    path.write_bytes(bytes(changed))
    result = page_auth.scan(path, key)
    assert not result.ok and result.first_bad == [8] and result.bad_pages == 1

    swapped = list(pages)
    swapped[10], swapped[11] = swapped[11], swapped[10]
    path.write_bytes(b"".join(swapped))
    assert page_auth.scan(path, key).first_bad == [11, 12]

    other = _written(tmp_path / "b.db", key)  # same key, another file: another salt
    mixed = list(pages)
    mixed[20] = other[20 * PAGE_SIZE : 21 * PAGE_SIZE]
    path.write_bytes(b"".join(mixed))
    assert page_auth.scan(path, key).first_bad == [21]

    path.write_bytes(data[: len(data) - 100])
    cut = page_auth.scan(path, key)
    assert not cut.ok and cut.partial_page

    path.write_bytes(data)
    assert page_auth.scan(path, key).ok
    assert page_auth.scan(path, os.urandom(32)).bad_pages == len(pages)  # another key


def test_an_empty_file_is_not_a_sound_one(tmp_path: Path) -> None:
    (tmp_path / "empty.db").write_bytes(b"")
    assert not page_auth.scan(tmp_path / "empty.db", os.urandom(32)).ok


def test_the_lock_byte_page_past_one_gib_is_not_held_against_a_file() -> None:
    """SQLite leaves the page at 1 GiB unwritten; the pages around it carry their codes."""
    import hmac as hmac_module

    mac_key = os.urandom(32)
    first = page_auth.LOCK_PAGE - 3
    pages = []
    for pgno in range(first, first + 6):
        if pgno == page_auth.LOCK_PAGE:
            pages.append(bytes(PAGE_SIZE))
            continue
        body = os.urandom(PAGE_SIZE - page_auth.MAC_BYTES)
        code = hmac_module.digest(mac_key, body + pgno.to_bytes(4, "little"), "sha256")
        pages.append(body + code)
    result = page_auth.PageScan()
    page_auth.check_chunk(memoryview(b"".join(pages)), first - 1, mac_key, result)
    assert result.bad_pages == 0
    pages[-1] = pages[-1][:-1] + bytes([pages[-1][-1] ^ 1])
    page_auth.check_chunk(memoryview(b"".join(pages)), first - 1, mac_key, result)
    assert result.first_bad == [first + 5]
