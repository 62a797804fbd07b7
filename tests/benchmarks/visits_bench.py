"""Return-visit figures: one sheet, a 1,000-sheet route against bare ReportLab, the queue.

"Bare pages" are what ReportLab itself costs for the same text without a form: 1,000 A4 pages
in the same embedded CJK font, each carrying the text lines read back from the matching page of
our PDF, drawn with plain drawString - no layout, boxes, lines or QR code. The ratio is the
price of the form; the sheets share their fixed background as one form XObject, which is how
they can stay close to bare text.
"""

from __future__ import annotations

import gc
import io
import statistics
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bare_pages(pages: list[list[str]]) -> float:
    """Seconds ReportLab takes for one A4 page per sheet carrying the same text lines."""
    from app.printing.fonts import register_fonts

    font = register_fonts()
    t0 = time.perf_counter()
    c = canvas.Canvas(io.BytesIO(), pagesize=A4, pageCompression=1)
    for lines in pages:
        c.setFont(font, 10)
        y = 285 * mm
        for text in lines:
            c.drawString(10 * mm, y, text)
            y -= 5 * mm
        c.showPage()
    c.save()
    return time.perf_counter() - t0


def run(data_dir: Path) -> dict[str, float]:
    import random

    from app.db.station_file import open_station
    from app.domain.catalog import load_catalog
    from app.services import documents, visit_queries

    store = open_station(data_dir)
    catalog = load_catalog()
    with store.engine.connect() as conn:
        ids = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM visit WHERE report_id IS NOT NULL ORDER BY number DESC LIMIT 5000"
            )
        ]
    # The queue first, in a process that has done nothing else yet: as an officer opens it.
    from PySide6.QtWidgets import QApplication

    from app.services import station
    from app.ui.application import make_application
    from app.ui.visit_queue import VisitQueueView

    make_application("zh_CN")
    chief = station.sign_in(store, "000001", "bench-password")
    service_ms = []
    open_ms = []
    gc.collect()  # the set-up's garbage is the benchmark's, not the app's
    for _ in range(100):  # p99 of 100 opens; the first is timed cold, as the officer meets it
        t0 = time.perf_counter()
        view = VisitQueueView(store, catalog, chief, "zh_CN")
        view.refresh()
        view.show()
        QApplication.processEvents()
        open_ms.append((time.perf_counter() - t0) * 1000)
        view.close()
        view.deleteLater()
        QApplication.processEvents()
        t0 = time.perf_counter()
        visit_queries.queue(store, visit_queries.QueueFilter())
        service_ms.append((time.perf_counter() - t0) * 1000)

    rng = random.Random(11)
    documents.visit_sheets_pdf(store, catalog, ids[:1])  # font registered once per process

    one = []
    gc.collect()
    for _ in range(200):
        visit_id = rng.choice(ids)
        t0 = time.perf_counter()
        documents.visit_sheets_pdf(store, catalog, [visit_id])
        one.append((time.perf_counter() - t0) * 1000)

    batch_ids = ids[:1000]
    t0 = time.perf_counter()
    pdf = documents.visit_sheets_pdf(store, catalog, batch_ids)
    batch_s = time.perf_counter() - t0
    from pypdf import PdfReader

    texts = [page.extract_text().splitlines() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(texts) == len(batch_ids) and all(texts)
    bare_s = bare_pages(texts)

    with store.engine.connect() as conn:
        total = conn.exec_driver_sql("SELECT count(*) FROM visit").scalar() or 0
        open_count = (
            conn.exec_driver_sql("SELECT count(*) FROM visit WHERE status = 'due'").scalar() or 0
        )
    store.close()
    return {
        "visits_total": float(total),
        "visits_open": float(open_count),
        "sheet_one_p50_ms": statistics.median(one),
        "sheet_one_p99_ms": pct(one, 0.99),
        "sheets_1000_s": batch_s,
        "bare_1000_s": bare_s,
        "sheets_ratio": batch_s / bare_s,
        "queue_service_p99_ms": pct(service_ms, 0.99),
        "queue_open_p50_ms": statistics.median(open_ms),
        "queue_open_p99_ms": pct(open_ms, 0.99),
    }
