"""`stationdesk --self-test`: proves an installation (frozen or not) can do the essential job.

Migrates a fresh temporary database, signs in, receives one walk-in through the real receive
desk offscreen, saves its intake, writes the receipt slip and checks the audit chain in worker
processes, then prints one line.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stationdesk-selftest-") as tmp:
        data_dir = Path(tmp)
        import secrets

        from app.db.station_file import open_station
        from app.domain.catalog import load_catalog
        from app.services import documents, receiving, station

        # an encrypted station, its key held only in memory: the keyring is not this test's
        store = open_station(data_dir, create=True, key=secrets.token_bytes(32))
        station.set_up_station(
            store,
            unit_code="000000",
            unit_name="自检派出所",
            contact_phone="0351-3041234",
            officer_badge="000001",
            officer_name="自检",
            password="self-test-password",
        )
        officer = station.sign_in(store, "000001", "self-test-password")
        catalog = load_catalog()

        from PySide6.QtWidgets import QApplication

        from app.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication(sys.argv[:1])
        window = MainWindow(store, catalog, officer, data_dir)
        window.show()
        window.desk.receive_button.click()
        app.processEvents()
        report_id = window.current_intake_report_id()
        if report_id is None:
            print("SELF-TEST FAILED: no intake form after pressing receive", file=sys.stderr)
            return 1
        receiving.save_intake(
            store,
            officer,
            report_id,
            {
                "reporter_name": "张三",
                "reporter_phone": "13800138000",
                "incident_type": "H04",
                "summary": "自检",
            },
            catalog,
        )
        pdf = documents.receipt_slip_pdf(store, catalog, report_id)
        slip = data_dir / "receipt.pdf"
        slip.write_bytes(pdf)
        window.close()
        if not pdf.startswith(b"%PDF") or len(pdf) < 2000:
            print("SELF-TEST FAILED: receipt PDF not written", file=sys.stderr)
            return 1
        from app.services import audit_verify

        # as a large station's check runs: in worker processes, which a frozen bundle must be
        # able to start
        checked = audit_verify.verify_file(store.path, store.key, slices=2)
        store.close()
        if not checked.ok or checked.revisions < 2:
            print("SELF-TEST FAILED: the audit check in worker processes", file=sys.stderr)
            return 1
    elapsed = (time.perf_counter() - started) * 1000
    print(
        f"StationDesk self-test OK ({elapsed:.0f} ms): migrate, receive, intake, receipt PDF, "
        "audit check in worker processes"
    )
    return 0
