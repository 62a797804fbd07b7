"""Weekly report on a 1,000,000-report station: figures and PDF, end to end, cold and warm."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path


def run(data_dir: Path, runs: int = 5) -> dict[str, float]:
    from app.db.station_file import open_station
    from app.domain.catalog import load_catalog
    from app.services import documents, supervision

    catalog = load_catalog()
    probe = open_station(data_dir)
    with probe.engine.connect() as conn:
        newest = conn.exec_driver_sql("SELECT max(received_utc) FROM report").scalar()
    probe.close()
    # the newest full week of the data (demo data ends "now" once all of it is generated)
    last_week = dt.date.fromisoformat(str(newest)[:10]) - dt.timedelta(days=7)
    year, week, _ = last_week.isocalendar()
    period = supervision.iso_week(year, week)
    times = []
    reports = 0
    for _ in range(runs):
        store = open_station(data_dir)  # a fresh process-like start: no warm caches
        started = time.perf_counter()
        pdf, figures = documents.weekly_report_pdf(store, catalog, period)
        times.append(time.perf_counter() - started)
        store.close()
        reports = figures.total
    assert pdf.startswith(b"%PDF")
    return {
        "weekly_reports_in_week": float(reports),
        "weekly_first_s": times[0],
        "weekly_max_s": max(times),
        "weekly_median_s": sorted(times)[len(times) // 2],
    }
