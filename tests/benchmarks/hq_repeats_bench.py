"""Cross-station repeat detection at HQ on PostgreSQL holding 10,000,000 revisions from 200
stations (imported by tests.benchmarks).

The bulk is written by PostgreSQL itself (generate_series): 10,000,000 revisions of 3,333,334
reports spread over 200 stations and two years, their facts, and the phone and ID keys of the
last 31 days' reports (phones and ID numbers shared between stations as in a real city). Then one enrolled station pushes 60 batches of 200 revisions (100 walk-ins, receipt and
intake) through HQ's own push path; a fifth of its reporters have reported at another station
in the last 30 days. Timed: the detection step of each batch, and the whole push.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sys
import time
import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import create_engine, text

from tests.benchmarks.sync_bench import DEFAULT_PG, _pct

REVISIONS = 10_000_000
STATIONS = 200
BATCHES = 61  # the first warms the process (rule file, statement compilation) and is shown apart
WALK_INS = 100  # per batch: 200 revisions
PHONES = 2_000_000  # distinct phones in the city: some report at several stations


def _fill(engine: Any) -> None:
    reports = REVISIONS // 3 + 1
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=730)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO hq_station (id, unit_code, unit_name, revoked) "
                "SELECT n, (150000 + n)::text, 'station ' || n, false "
                "FROM generate_series(1, :n) AS n"
            ),
            {"n": STATIONS},
        )
        conn.execute(
            text(
                "INSERT INTO hq_generation (station_id, generation, base_seq, acknowledged_seq,"
                " high_seq) SELECT n, 1, 1, :per, :per FROM generate_series(1, :n) AS n"
            ),
            {"n": STATIONS, "per": REVISIONS // STATIONS + 1},
        )
        conn.execute(text("SELECT setval('hq_station_id_seq', :n)"), {"n": STATIONS})
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO hq_revision (id, station_id, generation, seq, record_id, record_kind,"
                " revision_no, parent_id, recorded_at, action, officer_badge, changes, payload,"
                " sha256, received_utc) "
                "SELECT md5('v' || i), 1 + (i / 3) % :st, 1, (i / 3 / :st) * 3 + i % 3 + 1,"
                " md5('r' || (i / 3)),"
                " 'report', i % 3 + 1, NULL, '2025-01-01T00:00:00+08:00', 'intake', '000001',"
                " '{}', '{}', md5(i::text), '2025-01-01T00:00:00.000000Z' "
                "FROM generate_series(0, :n - 1) AS i"
            ),
            {"n": REVISIONS, "st": STATIONS},
        )
    reports_sql = (
        "SELECT r, 1 + r % :st AS station, md5('r' || r) AS record,"
        " '13' || lpad(((r::bigint * 7919) % :phones)::text, 9, '0') AS phone,"
        " '1401' || lpad(((r::bigint * 7919) % :phones)::text, 14, '0') AS id_number,"
        " CAST(:start AS timestamptz) + (r * interval '1 second') * (730 * 86400.0 / :reports)"
        " AS ts FROM generate_series(0, :reports - 1) AS r"
    )
    params = {"st": STATIONS, "phones": PHONES, "reports": reports, "start": start.isoformat()}
    with engine.begin() as conn:  # HQ's facts of every report (what the figures count)
        conn.execute(
            text(
                "INSERT INTO hq_fact (station_id, record_id, kind, revision_no, day,"
                " incident_type, status, repeat_rule, colour, colour_status, answer, phone) "
                "SELECT station, record, 'report', 3, to_char(ts AT TIME ZONE 'Asia/Shanghai',"
                " 'YYYY-MM-DD'), 'D02', 'closed', '', '', '', '', phone FROM ("
                + reports_sql
                + ") AS g"
            ),
            params,
        )
    with engine.begin() as conn:  # the window's keys (the last 31 days of reports)
        for kind in ("phone", "id_number"):
            conn.execute(
                text(
                    "INSERT INTO hq_recent_key (key_kind, key_value, station_id, record_id,"
                    f" serial, incident_type, received_at, received_utc) SELECT '{kind}', {kind},"
                    " station, record, 'S' || r, 'D02', to_char(ts AT TIME ZONE 'Asia/Shanghai',"
                    " 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+08:00', to_char(ts AT TIME ZONE"
                    " 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM ("
                    + reports_sql
                    + ") AS g WHERE ts >= now() - interval '31 days'"
                ),
                params,
            )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
        # The fill is not the system under test: its dirty pages are written out now, not by
        # a checkpoint in the middle of the measured pushes.
        conn.execute(text("CHECKPOINT"))


def _batches(unit_code: str, recent_phones: list[str]) -> Iterator[list[Any]]:
    """Made one at a time, as a station sends them: the process holds one batch, not sixty."""
    from app.sync import protocol

    now = dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=8)))
    seq = 0
    n = 0
    for _ in range(BATCHES):
        items = []
        for w in range(WALK_INS):
            n += 1
            record_id = str(uuid.uuid4())
            phone = (
                recent_phones[n % len(recent_phones)] if w % 5 == 0 else f"139{n:08d}"
            )  # a fifth reported at another station lately
            base = {
                "id": record_id,
                "serial": f"{unit_code}-{now:%Y%m%d}-{n:04d}",
                "received_at": now.isoformat(timespec="seconds"),
                "status": "receiving",
            }
            full = {
                **base,
                "status": "received",
                "reporter_phone": phone,
                "reporter_id_number": "",
                "incident_type": "D02",
            }
            parent = None
            for number, (action, payload) in enumerate((("receive", base), ("intake", full)), 1):
                seq += 1
                text_ = json.dumps(payload, ensure_ascii=False, sort_keys=True)
                revision_id = str(uuid.uuid4())
                item = protocol.RevisionItem(
                    seq=seq,
                    revision_id=revision_id,
                    record_id=record_id,
                    revision_no=number,
                    parent_id=parent,
                    recorded_at=now.isoformat(timespec="seconds"),
                    action=action,
                    officer_badge="000001",
                    changes="{}",
                    payload=text_,
                    sha256=protocol.payload_hash(text_),
                )
                parent = revision_id
                items.append(protocol.PushItem(seq=seq, revision=item.model_dump()))
        yield items


def run(pg_url: str | None = None) -> dict[str, float]:
    from app.hq import ingest, schema
    from app.hq.service import Headquarters
    from app.hq.sql import make_server_engine, server_url
    from app.sync import protocol

    base = pg_url or os.environ.get("STATIONDESK_TEST_PG_URL") or DEFAULT_PG
    admin = create_engine(server_url(base), isolation_level="AUTOCOMMIT")
    name = f"sd_bench_repeats_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    head, _, _ = base.rpartition("/")
    engine = make_server_engine(f"{head}/{name}")
    try:
        schema.upgrade(engine)
        started = time.perf_counter()
        _fill(engine)
        fill_s = time.perf_counter() - started
        with engine.connect() as conn:
            revisions = conn.execute(text("SELECT count(*) FROM hq_revision")).scalar_one()
            facts = conn.execute(text("SELECT count(*) FROM hq_fact")).scalar_one()
            window_keys = conn.execute(text("SELECT count(*) FROM hq_recent_key")).scalar_one()
            recent = [
                row[0]
                for row in conn.execute(
                    text(
                        "SELECT key_value FROM hq_recent_key WHERE key_kind = 'phone'"
                        " AND received_utc >= :since ORDER BY received_utc DESC LIMIT 2000"
                    ),
                    {"since": (dt.datetime.now(dt.UTC) - dt.timedelta(days=20)).isoformat()},
                )
            ]
        hq = Headquarters(engine)
        code = hq.issue_enrolment("140107")
        token = hq.enroll(
            protocol.EnrollRequest(
                code=code, unit_code="140107", unit_name="bench", station_uuid=str(uuid.uuid4())
            )
        ).station_token
        caller = hq.authenticate(token)
        detect_times: list[float] = []
        real_detect = ingest.detect_repeats
        parts: list[dict[str, float]] = []

        collections: list[float] = []  # when a full garbage collection ran

        def on_gc(phase: str, info: dict[str, Any]) -> None:
            if phase == "start" and info["generation"] == 2:
                collections.append(time.perf_counter())

        gc.collect()
        gc.callbacks.append(on_gc)

        def timed(*args: Any) -> Any:
            parts.append({})
            t0 = time.perf_counter()
            try:
                return real_detect(*args)
            finally:
                detect_times.append(time.perf_counter() - t0)
                if any(c >= t0 for c in collections):
                    parts[-1]["full gc"] = 1.0

        def stage(name: str, fn: Any) -> Any:
            def run_stage(*args: Any, **kwargs: Any) -> Any:
                t0 = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    parts[-1][name] = parts[-1].get(name, 0) + time.perf_counter() - t0

            return run_stage

        from app.hq import repeats as hq_repeats

        for name in ("_keys", "_prune", "_issue"):
            setattr(hq_repeats, name, stage(name, getattr(hq_repeats, name)))

        ingest.detect_repeats = timed
        push_times: list[float] = []
        try:
            for items in _batches("140107", recent):
                request = protocol.PushRequest(
                    unit_code="140107",
                    generation=1,
                    generation_base=1,
                    station_time=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    items=items,
                )
                t0 = time.perf_counter()
                answer = hq.push(caller, request)
                push_times.append(time.perf_counter() - t0)
                assert all(r.status == "stored" for r in answer.results)
        finally:
            ingest.detect_repeats = real_detect
            gc.callbacks.remove(on_gc)
        with engine.connect() as conn:
            sheets = conn.execute(text("SELECT count(*) FROM hq_reminder")).scalar_one()
        slowest = max(range(len(detect_times)), key=detect_times.__getitem__)
        print(
            f"slowest detection: batch {slowest}, {detect_times[slowest] * 1000:.1f} ms, of which "
            + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in parts[slowest].items()),
            file=sys.stderr,
        )
        first_ms, ms = detect_times[0] * 1000, [t * 1000 for t in detect_times[1:]]
        push_times = push_times[1:]
        return {
            "hq_detect_first_ms": first_ms,
            "hq_revisions": float(revisions),
            "hq_fact_rows": float(facts),
            "hq_window_key_rows": float(window_keys),
            "hq_fill_s": fill_s,
            "hq_detect_p50_ms": _pct(ms, 0.5),
            "hq_detect_p99_ms": _pct(ms, 0.99),
            "hq_detect_max_ms": max(ms),
            "hq_push_p99_ms": _pct([t * 1000 for t in push_times], 0.99),
            "hq_sheets": float(sheets),
        }
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
