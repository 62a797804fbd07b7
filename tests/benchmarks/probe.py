"""Subprocess probes for start-up time and memory (see tests/benchmarks/__main__.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    mode, data_dir, password = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

        app = QApplication(sys.argv[:1])
        w = QMainWindow()
        w.setCentralWidget(QPushButton("x"))
        w.show()
        app.processEvents()
        print("READY", flush=True)
        return
    from app.db.station_file import open_station
    from app.domain.catalog import load_catalog
    from app.services import station
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    app = make_application("zh_CN")
    store = open_station(data_dir)
    officer = station.sign_in(store, "000001", password)
    window = MainWindow(store, load_catalog(data_dir), officer, data_dir)
    window.show()
    app.processEvents()
    assert window.desk.receive_button.isEnabled()
    if mode == "rss":
        window.views.show("reports")
        app.processEvents()
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                print(f"RSS_KB={line.split()[1]}", flush=True)
    print("READY", flush=True)


main()
