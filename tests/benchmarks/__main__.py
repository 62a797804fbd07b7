"""Benchmarks for the receive desk: `make bench` (python -m tests.benchmarks [--records N]).

Builds (once, then reuses) a demo station with N reports (default 1,000,000) under bench-data/,
measures each figure beside its limit in the same run, prints a table and writes
tests/benchmarks/results.json. Not part of the test suite: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
# The station keys of the benchmark stations live in a file keyring under bench-data/ (this
# machine has no OS keyring); child processes inherit it.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
os.environ.setdefault("STATIONDESK_ALLOW_FILE_KEYRING", "1")
os.environ.setdefault("XDG_DATA_HOME", str(ROOT / "bench-data" / "keyring"))
PASSWORD = "bench-password"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


VISITS = 300_000  # the station: 1,000,000 reports and 300,000 visits


def ensure_station(data_dir: Path, records: int, visits: int = VISITS) -> None:
    from app.db.station_file import open_station
    from app.domain.catalog import load_catalog
    from app.services import demo, reports, station

    store = open_station(data_dir, create=True)
    if not station.is_set_up(store):
        station.set_up_station(
            store,
            unit_code="140107",
            unit_name="三桥派出所",
            contact_phone="0351-3041234",
            officer_badge="000001",
            officer_name="赵毅君",
            password=PASSWORD,
        )
    have = reports.count_reports(store, reports.ReportFilter())
    if have < records:
        print(f"generating {records - have:,} demo reports (once)...", file=sys.stderr)
        demo.generate(
            store,
            load_catalog(),
            records - have,
            progress=lambda n: print(f"  {n:,}", file=sys.stderr) if n % 100000 == 0 else None,
        )
    with store.engine.connect() as conn:
        have_visits = conn.exec_driver_sql("SELECT count(*) FROM visit").scalar() or 0
    if have_visits < visits:
        print(f"generating {visits - have_visits:,} return visits (once)...", file=sys.stderr)
        demo.generate_visits(store, load_catalog(), limit=visits - have_visits)
    if have < records or have_visits < visits:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA optimize")
            conn.exec_driver_sql("ANALYZE")
    store.close()


def store_connection(store: Any) -> Any:
    """A plain SQLCipher connection to a station's file, for picking sample rows."""
    from app.db import cipher

    return cipher.connect(store.path, store.key)


def raw_insert_commit(n: int) -> list[float]:
    from app.common.database import PRAGMAS

    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "raw.sqlite3", isolation_level=None)
        for p in PRAGMAS:
            conn.execute(p)
        conn.execute(
            "CREATE TABLE t (id TEXT PRIMARY KEY, serial TEXT, received TEXT, officer TEXT)"
        )
        times = []
        for i in range(n):
            t0 = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?)", (os.urandom(16).hex(), f"s{i}", "2024", "o")
            )
            conn.execute("COMMIT")
            times.append((time.perf_counter() - t0) * 1000)
        conn.close()
    return times


def bench_receive(data_dir: Path, n: int) -> dict[str, float]:
    from app.db.station_file import open_station
    from app.services import receiving, station

    store = open_station(data_dir)
    officer = station.sign_in(store, "000001", PASSWORD)
    receiving.receive(store, officer)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        receiving.receive(store, officer)
        times.append((time.perf_counter() - t0) * 1000)
    store.close()
    raw = raw_insert_commit(n)
    return {
        "receive_p50_ms": statistics.median(times),
        "receive_p99_ms": pct(times, 0.99),
        "raw_p50_ms": statistics.median(raw),
        "ratio_p50": statistics.median(times) / statistics.median(raw),
    }


def bench_form(data_dir: Path, n: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from app.db.station_file import open_station
    from app.domain.catalog import load_catalog
    from app.services import station
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    app = make_application("zh_CN")
    store = open_station(data_dir)
    officer = station.sign_in(store, "000001", PASSWORD)
    window = MainWindow(store, load_catalog(), officer, data_dir)
    window.show()
    app.processEvents()
    times = []
    for _ in range(n):
        # Walk-ins do not arrive milliseconds apart: let the window idle between presses as it
        # would at a desk (it prepares the next intake form then), outside the timed part.
        time.sleep(0.25)
        QApplication.processEvents()
        t0 = time.perf_counter()
        window.receive()
        QApplication.processEvents()
        form = window.tabs.currentWidget()
        assert window.focusWidget() is form.boxes["reporter_name"].editor
        times.append((time.perf_counter() - t0) * 1000)
        window.close_tab(window.tabs.currentIndex())
        QApplication.processEvents()
    window.close()
    store.close()
    return {"form_p50_ms": statistics.median(times), "form_p99_ms": pct(times, 0.99)}


def bench_search(data_dir: Path, n: int) -> dict[str, float]:
    from app.db.station_file import open_station
    from app.services.reports import ReportFilter, list_reports

    store = open_station(data_dir)
    conn = store_connection(store)
    rows = conn.execute(
        "SELECT reporter_phone, reporter_id_number, reporter_name FROM report WHERE reporter_id_number != '' "
        "AND rowid % 997 = 0 LIMIT 400"
    ).fetchall()
    conn.close()
    rng = random.Random(7)
    from app.domain.search_keys import pinyin_keys

    kinds = {
        "phone": lambda r: r[0],
        "id_number": lambda r: r[1],
        "name_fragment": lambda r: r[2][-2:] if len(r[2]) > 2 else r[2],
        "pinyin_initials": lambda r: pinyin_keys(r[2])[1],
    }
    out: dict[str, float] = {}
    for kind, make in kinds.items():
        times = []
        for _ in range(n):
            query = make(rng.choice(rows))
            t0 = time.perf_counter()
            hits = list_reports(store, ReportFilter(text=query))
            times.append((time.perf_counter() - t0) * 1000)
            assert hits, (kind, query)
        out[f"search_{kind}_p99_ms"] = pct(times, 0.99)
    store.close()
    return out


def bench_repeats(data_dir: Path, n: int) -> dict[str, float]:
    """The live repeat check as the intake form runs it: after the phone is complete, then
    with the ID number, then the name and address, then the incident place (each call covers
    every key typed so far; a key already looked up by this form is not looked up again)."""
    from app.db.station_file import open_station
    from app.services import repeats

    store = open_station(data_dir)
    conn = store_connection(store)
    rows = conn.execute(
        "SELECT reporter_phone, reporter_id_number, reporter_name, reporter_address,"
        " incident_place, incident_type FROM report WHERE reporter_phone != ''"
        " AND rowid % 1009 = 0 LIMIT 400"
    ).fetchall()
    conn.close()
    rng = random.Random(5)
    times = []
    fired = 0
    for _ in range(n):
        phone, id_number, name, address, place, itype = rng.choice(rows)
        steps = (
            {"reporter_phone": phone},
            {"reporter_phone": phone, "reporter_id_number": id_number},
            {
                "reporter_phone": phone,
                "reporter_id_number": id_number,
                "reporter_name": name,
                "reporter_address": address,
            },
            {
                "reporter_phone": phone,
                "reporter_id_number": id_number,
                "reporter_name": name,
                "reporter_address": address,
                "incident_place": place,
            },
        )
        live = repeats.LiveCheck(store)  # one intake form being typed
        for fields in steps:
            t0 = time.perf_counter()
            finding = live(fields, incident_type=itype)
            times.append((time.perf_counter() - t0) * 1000)
        fired += finding.fired is not None
    store.close()
    return {
        "repeat_check_p50_ms": statistics.median(times),
        "repeat_check_p99_ms": pct(times, 0.99),
        "repeat_fired_share": fired / n,
    }


def bench_startup(data_dir: Path, runs: int) -> dict[str, float]:
    def measure(mode: str) -> float:
        best = []
        for _ in range(runs):
            t0 = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.probe", mode, str(data_dir), PASSWORD],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            assert "READY" in out.stdout, out.stderr
            best.append((time.perf_counter() - t0) * 1000)
        return statistics.median(best)

    bare = measure("bare")
    app_ms = measure("app")
    return {"startup_app_ms": app_ms, "startup_bare_ms": bare, "startup_ratio": app_ms / bare}


def bench_rss(data_dir: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.probe", "rss", str(data_dir), PASSWORD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rss_kb = int(out.stdout.split("RSS_KB=")[1].split()[0])
    return {"rss_browser_mb": rss_kb / 1024}


DESK_ROWS = [
    ("press -> receipt committed, p50", "receive_p50_ms", "ms", None),
    ("press -> receipt committed, p99", "receive_p99_ms", "ms", 20),
    ("raw sqlite3 INSERT+COMMIT, p50", "raw_p50_ms", "ms", None),
    ("receive / raw (p50)", "ratio_p50", "x", 3),
    ("press -> intake form with focus, p99", "form_p99_ms", "ms", 50),
    ("start -> receive button enabled", "startup_app_ms", "ms", None),
    ("start -> bare PySide6 window", "startup_bare_ms", "ms", None),
    ("start-up ratio app / bare", "startup_ratio", "x", 1.5),
    ("live repeat check, p50", "repeat_check_p50_ms", "ms", None),
    ("live repeat check, p99", "repeat_check_p99_ms", "ms", 5),
    ("share of checks that found a repeat", "repeat_fired_share", "", None),
    ("search by phone, p99", "search_phone_p99_ms", "ms", 30),
    ("search by ID number, p99", "search_id_number_p99_ms", "ms", 30),
    ("search by name fragment, p99", "search_name_fragment_p99_ms", "ms", 30),
    ("search by pinyin initials, p99", "search_pinyin_initials_p99_ms", "ms", 30),
    ("RSS with reports browser open", "rss_browser_mb", "MB", 250),
]
VISIT_ROWS = [
    ("visits in the station", "visits_total", "", None),
    ("open visits", "visits_open", "", None),
    ("one visit sheet (PDF from the store), p50", "sheet_one_p50_ms", "ms", None),
    ("one visit sheet (PDF from the store), p99", "sheet_one_p99_ms", "ms", 15),
    ("1,000 sheets in one PDF", "sheets_1000_s", "s", 10),
    ("1,000 bare ReportLab pages, same font", "bare_1000_s", "s", None),
    ("1,000 sheets / bare pages", "sheets_ratio", "x", 2),
    ("visit queue query, p99", "queue_service_p99_ms", "ms", None),
    ("visit queue opens (widget), p50", "queue_open_p50_ms", "ms", None),
    ("visit queue opens (widget), p99", "queue_open_p99_ms", "ms", 200),
]
SUPERVISION_ROWS = [
    ("reports in the week reported on", "weekly_reports_in_week", "", None),
    ("weekly report (figures + PDF), first run", "weekly_first_s", "s", 3),
    ("weekly report, slowest of 5", "weekly_max_s", "s", 3),
    ("weekly report, median of 5", "weekly_median_s", "s", None),
]
HQ_REPEAT_ROWS = [
    ("revisions held at HQ", "hq_revisions", "", None),
    ("report facts held at HQ", "hq_fact_rows", "", None),
    ("phone and ID keys inside the window", "hq_window_key_rows", "", None),
    ("bulk fill (PostgreSQL generate_series)", "hq_fill_s", "s", None),
    ("detection, first batch of the process", "hq_detect_first_ms", "ms", None),
    ("detection per 200-revision batch, p50", "hq_detect_p50_ms", "ms", None),
    ("detection per 200-revision batch, p99", "hq_detect_p99_ms", "ms", 100),
    ("detection per batch, slowest of the next 60", "hq_detect_max_ms", "ms", 100),
    ("whole push of such a batch, p99", "hq_push_p99_ms", "ms", None),
    ("reminder sheets issued", "hq_sheets", "", None),
]
TRUST_ROWS = [
    ("receive, encrypted station, p50", "enc_receive_p50_ms", "ms", None),
    ("receive, encrypted station, p99", "enc_receive_p99_ms", "ms", 20),
    ("receive, same station unencrypted, p50", "plain_receive_p50_ms", "ms", None),
    ("receive, same station unencrypted, p99", "plain_receive_p99_ms", "ms", None),
    ("encryption cost on receive (p50)", "encryption_ratio_p50", "x", 1.5),
    ("encryption cost on receive (p99)", "encryption_ratio_p99", "x", None),
    ("audit entries checked", "verify_entries", "", None),
    ("revisions checked", "verify_revisions", "", None),
    ("audit verify, whole file", "verify_s", "s", 30),
    ("audit verify ran on a cold OS cache (1=yes)", "verify_cold", "", None),
    ("audit verify again, file in the OS cache", "verify_warm_s", "s", 30),
    ("backup size", "backup_gb", "GB", None),
    ("backup: copy, read back and check, manifest", "backup_s", "s", 60),
    ("backup ran on a cold OS cache (1=yes)", "backup_cold", "", None),
    ("desk receive p99, idle", "desk_idle_p99_ms", "ms", None),
    ("desk receive p99, during the backup", "desk_backup_p99_ms", "ms", 20),
    ("desk receive, slowest during the backup", "desk_backup_max_ms", "ms", None),
    ("presses during the backup", "desk_backup_presses", "", None),
]
# (label, key, unit, limit, "max" or "min": which side of the limit is good)
SYNC_ROWS = [
    ("catch-up revisions sent", "catchup_revisions", "", None, "max"),
    ("catch-up to HQ (PostgreSQL)", "catchup_rev_per_s", "rev/s", 5000, "min"),
    ("raw psycopg bulk insert, same rows", "raw_rev_per_s", "rev/s", None, "min"),
    ("catch-up / raw", "catchup_ratio", "x", 0.3, "min"),
    ("200 stations at once: throughput", "many_rev_per_s", "rev/s", None, "min"),
    ("200 stations: batch latency p99", "many_batch_p99_s", "s", 1, "max"),
    ("200 stations: errors", "many_errors", "", 0, "max"),
    ("200 stations: duplicates", "many_duplicates", "", 0, "max"),
    ("desk receive p99, idle", "desk_idle_p99_ms", "ms", None, "max"),
    ("desk receive p99, during catch-up", "desk_catchup_p99_ms", "ms", None, "max"),
    ("desk during catch-up / idle (p99)", "desk_ratio", "x", 1.2, "max"),
]


def _table(title: str, rows: list[tuple], r: dict[str, float]) -> list[dict]:
    print(f"\n{title}\n")
    print(f"| {'figure':<40} | {'measured':>14} | {'limit':>12} | ok |")
    print(f"|{'-' * 42}|{'-' * 16}|{'-' * 14}|----|")
    table = []
    for row in rows:
        name, key, unit, limit = row[:4]
        side = row[4] if len(row) > 4 else "max"
        value = r[key]
        if limit is None:
            ok = ""
        elif side == "max":
            ok = "yes" if value <= limit else "NO"
        else:
            ok = "yes" if value >= limit else "NO"
        lim = "" if limit is None else f"{'<=' if side == 'max' else '>='} {limit} {unit}"
        print(f"| {name:<40} | {value:>9.2f} {unit:<4} | {lim:>12} | {ok:<2} |")
        table.append(
            {
                "figure": name,
                "value": round(value, 3),
                "unit": unit,
                "limit": limit,
                "ok": ok != "NO",
            }
        )
    return table


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench-data")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("results.json"))
    parser.add_argument(
        "--only",
        choices=["desk", "visits", "supervision", "hq-repeats", "sync", "trust"],
        default=None,
    )
    args = parser.parse_args()
    out: dict[str, object] = {}
    if args.only in (None, "desk"):
        data_dir = args.data_dir / f"station-{args.records}"
        ensure_station(data_dir, args.records)
        r: dict[str, float] = {}
        r.update(bench_receive(data_dir, 300))
        r.update(bench_form(data_dir, 100))
        r.update(bench_search(data_dir, 100))
        r.update(bench_repeats(data_dir, 200))
        r.update(bench_startup(data_dir, 5))
        r.update(bench_rss(data_dir))
        out["desk"] = _table(f"Receive desk on {args.records:,} reports", DESK_ROWS, r)
    if args.only in (None, "visits"):
        from tests.benchmarks import visits_bench

        data_dir = args.data_dir / f"station-{args.records}"
        ensure_station(data_dir, args.records)
        out["visits"] = _table(
            f"Return visits on {args.records:,} reports", VISIT_ROWS, visits_bench.run(data_dir)
        )
    if args.only in (None, "supervision"):
        from tests.benchmarks import supervision_bench

        data_dir = args.data_dir / f"station-{args.records}"
        ensure_station(data_dir, args.records)
        out["supervision"] = _table(
            f"Supervision on {args.records:,} reports",
            SUPERVISION_ROWS,
            supervision_bench.run(data_dir),
        )
    if args.only in (None, "trust"):
        from tests.benchmarks import trust_bench

        data_dir = args.data_dir / f"station-{args.records}"
        ensure_station(data_dir, args.records)
        out["trust"] = _table(
            f"Trust on {args.records:,} reports", TRUST_ROWS, trust_bench.run(data_dir, PASSWORD)
        )
    if args.only in (None, "hq-repeats"):
        from tests.benchmarks import hq_repeats_bench

        out["hq_repeats"] = _table(
            "Cross-station repeat detection at HQ (PostgreSQL)",
            HQ_REPEAT_ROWS,
            hq_repeats_bench.run(),
        )
    if args.only in (None, "sync"):
        from tests.benchmarks import sync_bench

        out["sync"] = _table("Sync to HQ on PostgreSQL over loopback", SYNC_ROWS, sync_bench.run())
    # A run of some tables (--only) replaces those in the file and keeps the others' latest.
    kept: dict[str, Any] = {}
    if args.only is not None and args.out.exists():
        try:
            kept = json.loads(args.out.read_text())
        except (OSError, ValueError):
            kept = {}
    result = {**kept, "records": args.records, **out}
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
