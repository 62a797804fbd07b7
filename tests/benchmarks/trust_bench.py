"""Trust figures on the million-report station: what encryption costs the receive button
(beside an unencrypted copy of the same station, in the same run), the whole-file audit check,
and a backup with the desk receiving while it runs."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Any

ROUNDS = 8
PRESSES = 40


def _drop_os_cache() -> bool:
    """Cold-cache figures where the machine lets us (root on Linux)."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def plain_copy(data_dir: Path) -> Path:
    """An unencrypted copy of the benchmark station (made once): the same rows and indexes, so
    the two receive figures differ only by the encryption."""
    from app.db import cipher, station_key
    from app.paths import database_file

    folder = data_dir.with_name(data_dir.name + "-plain")
    target = database_file(folder)
    if target.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    key = station_key.load_key(data_dir)
    work = target.with_name(target.name + ".part")
    work.unlink(missing_ok=True)
    with closing(cipher.connect(database_file(data_dir), key)) as conn:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(work),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    os.replace(work, target)
    for name in ("settings.json",):
        if (data_dir / name).exists():
            shutil.copy(data_dir / name, folder / name)
    return folder


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_receive_encrypted_vs_plain(data_dir: Path, password: str) -> dict[str, float]:
    """Rounds alternate between the two stores so that neither gets a warmer machine."""
    from app.db.engine import Store
    from app.db.station_file import open_station
    from app.paths import database_file
    from app.services import receiving, station

    encrypted = open_station(data_dir)
    plain = Store(database_file(plain_copy(data_dir)), None)
    times: dict[str, list[float]] = {"enc": [], "plain": []}
    officers = {
        name: station.sign_in(store, "000001", password)
        for name, store in (("enc", encrypted), ("plain", plain))
    }
    stores = {"enc": encrypted, "plain": plain}
    for name in stores:
        receiving.receive(stores[name], officers[name])  # connections and caches up
    for _ in range(ROUNDS):
        for name, store in stores.items():
            for _ in range(PRESSES):
                t0 = time.perf_counter()
                receiving.receive(store, officers[name])
                times[name].append((time.perf_counter() - t0) * 1000)
    encrypted.close()
    plain.close()
    enc50, plain50 = statistics.median(times["enc"]), statistics.median(times["plain"])
    return {
        "enc_receive_p50_ms": enc50,
        "enc_receive_p99_ms": _pct(times["enc"], 0.99),
        "plain_receive_p50_ms": plain50,
        "plain_receive_p99_ms": _pct(times["plain"], 0.99),
        "encryption_ratio_p50": enc50 / plain50,
        "encryption_ratio_p99": _pct(times["enc"], 0.99) / _pct(times["plain"], 0.99),
    }


def bench_audit_verify(data_dir: Path) -> dict[str, float]:
    """Twice: first from a cold OS cache (the check after a reboot), then again with the file
    in the cache (the check on a desk that has been running)."""
    from app.db.station_file import open_station
    from app.services import audit_verify

    store = open_station(data_dir)
    cold = _drop_os_cache()
    first = audit_verify.verify(store)
    again = audit_verify.verify(store)
    store.close()
    assert first.ok and again.ok, (first.findings[:3], again.findings[:3])
    return {
        "verify_entries": float(first.entries),
        "verify_revisions": float(first.revisions),
        "verify_s": first.seconds,
        "verify_cold": 1.0 if cold else 0.0,
        "verify_warm_s": again.seconds,
    }


def bench_backup(data_dir: Path, password: str, folder: Path) -> dict[str, Any]:
    """One backup (write, quick_check, hash, manifest) while the desk presses receive every
    100 ms, as a busy desk would; the presses' times beside those of the idle desk."""
    from app.db.station_file import open_station
    from app.services import backups, receiving, station

    store = open_station(data_dir)
    officer = station.sign_in(store, "000001", password)
    idle = []
    for _ in range(100):
        t0 = time.perf_counter()
        receiving.receive(store, officer)
        idle.append((time.perf_counter() - t0) * 1000)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cold = _drop_os_cache()
    done = threading.Event()
    result: list[Any] = []

    def run() -> None:
        try:
            result.append(backups.run_backup(store, data_dir, reason="manual", folder=folder))
        finally:
            done.set()

    during = []
    thread = threading.Thread(target=run)
    thread.start()
    while not done.is_set():
        t0 = time.perf_counter()
        receiving.receive(store, officer)
        during.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.1)
    thread.join()
    (info,) = result
    store.close()
    shutil.rmtree(folder)
    return {
        "backup_s": info.seconds,
        "backup_gb": info.bytes / 1e9,
        "backup_reports": float(info.reports),
        "backup_cold": 1.0 if cold else 0.0,
        "desk_idle_p99_ms": _pct(idle, 0.99),
        "desk_backup_p99_ms": _pct(during, 0.99),
        "desk_backup_max_ms": max(during),
        "desk_backup_presses": float(len(during)),
    }


def run(data_dir: Path, password: str) -> dict[str, float]:
    r: dict[str, float] = {}
    r.update(bench_receive_encrypted_vs_plain(data_dir, password))
    r.update(bench_audit_verify(data_dir))
    r.update(bench_backup(data_dir, password, data_dir.parent / "backup-bench"))
    return r
