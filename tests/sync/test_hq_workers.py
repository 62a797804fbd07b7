"""HQ run as several worker processes: what one worker decides about a station (its token
revoked, its rate spent) holds in every other at once, because it lives in the shared
database, not in a process."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from app.services import sync
from tests.sync.conftest import HqProcess, enroll, free_port
from tests.sync.test_sync import _token


def _fresh_get(url: str, token: str) -> int:
    """A request on a connection of its own, so the workers' shared socket spreads them."""
    with httpx.Client(timeout=10) as client:
        return client.get(url, headers={"Authorization": f"Bearer {token}"}).status_code


def _two_workers(hq_db: str, tmp_path: Path, *extra: str) -> HqProcess:
    hq = HqProcess(hq_db, free_port(), tmp_path / "hq.log", ["--workers", "2", *extra])
    hq.start()
    time.sleep(2)  # the second worker comes up after the first answers
    return hq


def test_a_revoked_token_is_refused_by_every_worker_at_once(desk, hq_db, tmp_path) -> None:
    hq = _two_workers(hq_db, tmp_path)
    try:
        enroll(desk, hq)
        token = _token(desk)
        status = f"{hq.url}/v1/status"
        assert [_fresh_get(status, token) for _ in range(12)] == [200] * 12  # every worker
        hq.service().revoke("140107")
        assert [_fresh_get(status, token) for _ in range(12)] == [401] * 12
        assert sync.sync_status(desk).enrolled  # the desk keeps everything; a person acts
    finally:
        hq.stop()


def test_a_station_is_held_to_one_rate_across_workers(desk, hq_db, tmp_path) -> None:
    hq = _two_workers(hq_db, tmp_path, "--rate", "0.2", "--burst", "3")
    try:
        enroll(desk, hq)
        token = _token(desk)
        started = time.monotonic()
        codes = [_fresh_get(f"{hq.url}/v1/status", token) for _ in range(12)]
        elapsed = time.monotonic() - started
        allowed = 3 + int(elapsed * 0.2) + 1
        # one bucket per worker would let 3 through each: 6 or more
        assert codes.count(200) <= allowed < 6, (codes, elapsed)
        assert 429 in codes
    finally:
        hq.stop()
