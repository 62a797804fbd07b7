"""Sync benchmarks against HQ on PostgreSQL over loopback (imported by tests.benchmarks).

- catch-up: 100,000 revisions from one station, revisions/s, beside a raw psycopg bulk insert
  of the same rows into a table of the same shape, in the same run;
- 200 simulated stations pushing at once for 60 s: throughput, p99 batch latency, errors,
  duplicates;
- receive latency at the desk while a catch-up runs, beside the same desk idle.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
INTERVAL_S = 5.0


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hq:
    """A fresh PostgreSQL database and an HQ process serving it."""

    def __init__(self, base_url: str) -> None:
        from sqlalchemy import create_engine, text

        from app.hq import schema
        from app.hq.sql import make_server_engine, server_url

        self.admin = create_engine(server_url(base_url), isolation_level="AUTOCOMMIT")
        self.name = f"sd_bench_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        head, _, _ = base_url.rpartition("/")
        self.db_url = f"{head}/{self.name}"
        engine = make_server_engine(self.db_url)
        schema.upgrade(engine)
        engine.dispose()
        self.port = _port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app.hq",
                "serve",
                "--db",
                self.db_url,
                "--port",
                str(self.port),
                "--rate",
                "100000",
                "--burst",
                "100000",
                "--workers",
                "2",
            ],
            cwd=ROOT,
        )
        import httpx

        for _ in range(300):
            try:
                httpx.get(f"{self.url}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)

    def service(self) -> Any:
        from app.hq.service import Headquarters
        from app.hq.sql import make_server_engine

        return Headquarters(make_server_engine(self.db_url))

    def close(self) -> None:
        from sqlalchemy import text

        self.proc.terminate()
        self.proc.wait(20)
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


def _station(folder: Path, unit_code: str, reports: int) -> Any:
    from app.db.station_file import open_station
    from app.domain.catalog import load_catalog
    from app.services import demo, station

    folder.mkdir(parents=True, exist_ok=True)
    store = open_station(folder, create=True)
    station.set_up_station(
        store,
        unit_code=unit_code,
        unit_name=f"派出所{unit_code}",
        contact_phone="0351-3041234",
        officer_badge="000001",
        officer_name="赵毅君",
        password="bench-password",
    )
    if reports:
        demo.generate(store, load_catalog(), reports, seed=int(unit_code))
    return store


def _enroll(store: Any, hq: Hq, unit_code: str) -> None:
    from app.services import sync

    sync.enroll(store, hq.url, hq.service().issue_enrolment(unit_code))


def _revision_count(store: Any) -> int:
    from app.services import sync

    return sync.sync_status(store).pending


def bench_catch_up(hq: Hq, tmp: Path, target: int = 100_000) -> dict[str, float]:
    from app.services.sync import sync_engine

    store = _station(tmp / "catchup", "140201", target // 3)
    _enroll(store, hq, "140201")
    pending = _revision_count(store)
    t0 = time.perf_counter()
    report = sync_engine(store, batch_size=1000).run_once()
    elapsed = time.perf_counter() - t0
    assert report.ok and report.stored == pending, report
    raw = _raw_bulk_insert(hq, store, pending)
    store.close()
    rate = pending / elapsed
    return {
        "catchup_revisions": pending,
        "catchup_rev_per_s": rate,
        "raw_rev_per_s": raw,
        "catchup_ratio": rate / raw,
    }


def _raw_bulk_insert(hq: Hq, store: Any, n: int) -> float:
    """The same rows, inserted with psycopg executemany in 1,000-row transactions."""
    import psycopg

    from app.sync import outbox, protocol

    with store.read() as s:
        st = outbox.station_row(s)
        st_acked = st.acked_seq
        st.acked_seq = 0
        items = [protocol.RevisionItem(**r) for r in outbox.pending_batch(s, st, n)]
        st.acked_seq = st_acked
        s.rollback()
    rows = [
        (
            str(uuid.uuid4()),
            1,
            1,
            i.seq,
            i.record_id,
            i.revision_no,
            i.parent_id,
            i.recorded_at,
            i.action,
            i.officer_badge,
            i.changes,
            i.payload,
            i.sha256,
            "2026-01-01T00:00:00Z",
        )
        for i in items
    ]
    dsn = hq.db_url
    with psycopg.connect(dsn, autocommit=False) as conn:
        conn.execute("CREATE TABLE raw_revision (LIKE hq_revision INCLUDING ALL)")
        conn.execute(
            "ALTER TABLE raw_revision DROP CONSTRAINT IF EXISTS raw_revision_station_id_fkey"
        )
        conn.commit()
        t0 = time.perf_counter()
        with conn.cursor() as cur:
            for start in range(0, len(rows), 1000):
                cur.executemany(
                    "INSERT INTO raw_revision (id, station_id, generation, seq, record_id, revision_no,"
                    " parent_id, recorded_at, action, officer_badge, changes, payload, sha256,"
                    " received_utc) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                    rows[start : start + 1000],
                )
                conn.commit()
        elapsed = time.perf_counter() - t0
    return len(rows) / elapsed


def bench_many_stations(
    hq: Hq, tmp: Path, stations: int = 200, seconds: float = 60.0
) -> dict[str, float]:
    """200 stations at once for 60 s, each pushing a 20-revision batch about every 5 s
    (uniform 2.5-7.5 s): 800 revisions/s offered, some hundred times what 200 busy desks
    write (a desk syncs after each save). Each station has its own connection."""
    import httpx

    from app.sync import outbox, protocol

    service = hq.service()
    source = _station(tmp / "template", "150000", 1200)  # revisions to replay, fresh ids each
    with source.read() as s:
        st = outbox.station_row(s)
        template = [protocol.RevisionItem(**r) for r in outbox.pending_batch(s, st, 4000)]
    source.close()
    tokens = {}
    for n in range(stations):
        unit = f"{160000 + n}"
        code = service.issue_enrolment(unit)
        answer = httpx.post(
            f"{hq.url}/v1/enroll",
            json=protocol.EnrollRequest(
                code=code, unit_code=unit, unit_name=unit, station_uuid=str(uuid.uuid4())
            ).model_dump(),
        ).json()
        tokens[unit] = answer["station_token"]
    latencies: list[float] = []
    errors = 0
    duplicates = 0
    stored = 0
    stop_at = time.perf_counter() + seconds

    async def station_loop(unit: str) -> None:
        nonlocal errors, duplicates, stored
        seq = 0
        offset = 0
        rng = random.Random(unit)
        client = httpx.AsyncClient(base_url=hq.url, timeout=60)
        await asyncio.sleep(rng.uniform(0, INTERVAL_S))
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            items = []
            for _ in range(20):
                src = template[offset % len(template)]
                offset += 1
                seq += 1
                rev = src.model_copy(update={"seq": seq, "revision_id": str(uuid.uuid4())})
                items.append(protocol.PushItem(seq=seq, revision=rev.model_dump()))
            body = protocol.PushRequest(
                unit_code=unit,
                generation=1,
                generation_base=1,
                station_time=time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
                items=items,
            ).model_dump_json()
            t0 = time.perf_counter()
            try:
                response = await client.post(
                    "/v1/push",
                    content=body,
                    headers={
                        "Authorization": f"Bearer {tokens[unit]}",
                        "Content-Type": "application/json",
                    },
                )
            except httpx.HTTPError:
                errors += 1
                continue
            latencies.append(time.perf_counter() - t0)
            if response.status_code != 200:
                errors += 1
                continue
            for r in response.json()["results"]:
                if r["status"] == "stored":
                    stored += 1
                else:
                    duplicates += 1
            pause = rng.uniform(0.5, 1.5) * INTERVAL_S - (time.perf_counter() - started)
            await asyncio.sleep(max(0.0, pause))
        await client.aclose()

    async def run_all() -> None:
        await asyncio.gather(*(station_loop(unit) for unit in tokens))

    t0 = time.perf_counter()
    asyncio.run(run_all())
    elapsed = time.perf_counter() - t0
    return {
        "many_stations": stations,
        "many_rev_per_s": stored / elapsed,
        "many_batch_p99_s": _pct(latencies, 0.99) if latencies else float("inf"),
        "many_errors": errors,
        "many_duplicates": duplicates,
    }


def bench_receive_during_catch_up(hq: Hq, tmp: Path, n: int = 300) -> dict[str, float]:
    """The desk's receive latency idle, then while a catch-up runs the way the app runs it:
    `stationdesk sync` in its own process beside the desk."""
    from app.services import receiving, station

    folder = tmp / "desk"
    store = _station(folder, "140301", 20_000)
    _enroll(store, hq, "140301")
    officer = station.sign_in(store, "000001", "bench-password")

    def receives() -> list[float]:
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            receiving.receive(store, officer)
            times.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.01)
        return times

    idle = receives()
    sync = subprocess.Popen(
        [sys.executable, "-m", "app", "sync", "--data-dir", str(folder), "--background"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    time.sleep(1.0)  # the catch-up is under way
    busy = receives()
    overlapped = sync.poll() is None
    sync.wait(300)
    store.close()
    return {
        "desk_idle_p99_ms": _pct(idle, 0.99),
        "desk_catchup_p99_ms": _pct(busy, 0.99),
        "desk_ratio": _pct(busy, 0.99) / _pct(idle, 0.99),
        "catchup_overlapped": 1.0 if overlapped else 0.0,
    }


def run(pg_url: str | None = None) -> dict[str, float]:
    url = pg_url or os.environ.get("STATIONDESK_TEST_PG_URL") or DEFAULT_PG
    tmp = Path(tempfile.mkdtemp(prefix="sd-sync-bench-"))
    results: dict[str, float] = {}
    try:
        for step in (bench_catch_up, bench_many_stations, bench_receive_during_catch_up):
            hq = Hq(url)
            try:
                results.update(step(hq, tmp))
            finally:
                hq.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results
